# A class whose lookup cache holds an instance of the class (a singleton kept
# in a class attribute) is freed whole by one collection once dropped.
import gc
import weakref


class Singleton:
    _inst = None

    def __new__(cls, *args):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst

    def __init__(self, v):
        self.v = v


class Registry:
    members = []

    def __init__(self):
        Registry.members.append(self)


a, b = Singleton(1), Singleton(2)
print(a is b, a.v, Singleton._inst is a)
r = Registry()
print(len(Registry.members), Registry.members[0] is r)
classes = weakref.ref(Singleton), weakref.ref(Registry)
del a, b, Singleton, r, Registry
print(gc.collect() > 0, gc.collect(), gc.collect())
print([c() for c in classes])
