# A global that a function has read dies as soon as it is rebound or
# deleted: its __del__ runs then and weak references to it clear, whatever
# the reading function's code remembers about the name.
import weakref


class Tracked:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("finalized", self.name)


def read_item():
    return item.name


item = Tracked("first")
print(read_item())
item = Tracked("second")
print("rebound")
print(read_item())
del item
print("deleted")


def read_list():
    return len(box)


box = [Tracked("in list")]
print(read_list())
box = None
print("list dropped")

table = {"k": Tracked("in dict")}


def read_dict():
    return table["k"].name


print(read_dict())
del table
print("dict dropped")


def make_global(value):
    global holder
    holder = value
    return holder


ref = weakref.ref(make_global(Tracked("held")))
print(ref() is holder)
del holder
print("weakref cleared:", ref() is None)


def helper():
    return "helper"


def call_helper():
    return helper()


print(call_helper())
fref = weakref.ref(helper)
del helper
print("function freed:", fref() is None)


class Shape:
    pass


def make_shape():
    return Shape()


make_shape()
cref = weakref.ref(Shape)
del Shape
import gc

gc.collect()
print("class freed:", cref() is None)
try:
    make_shape()
except NameError as e:
    print("NameError:", e)

pair = (Tracked("in tuple"), 1)


def read_pair():
    return pair[1]


print(read_pair())
pair = ()
print("tuple dropped")
