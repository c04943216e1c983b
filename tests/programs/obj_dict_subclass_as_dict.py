# An instance's __dict__ may be set to an instance of a dict subclass: the
# attribute reads and writes use the dict directly (not the subclass's
# __getitem__/__setitem__), and __dict__ gives the subclass instance back.
class Tracking(dict):
    calls = 0

    def __getitem__(self, key):
        Tracking.calls += 1
        return dict.__getitem__(self, key)

    def __setitem__(self, key, value):
        Tracking.calls += 1
        dict.__setitem__(self, key, value)


class Holder:
    def __init__(self, d):
        self.__dict__ = d


d = Tracking(start=1)
h = Holder(d)
print(type(h.__dict__).__name__, h.__dict__ is d, vars(h) is d)
h.x = 10
print(h.start, h.x, Tracking.calls, sorted(d.items()))
d["y"] = 20
print(h.y, Tracking.calls)
del h.x
print(sorted(d), hasattr(h, "x"))
d.own = "attribute of the dict object"
print(h.__dict__.own)
try:
    h.own
except AttributeError as e:
    print("AttributeError", e)

# Replacing it with a plain dict forgets the subclass instance.
h.__dict__ = {"z": 3}
print(type(h.__dict__).__name__, h.z)
h.__dict__ = Tracking(w=4)
print(type(h.__dict__).__name__, h.w)

# A dict subclass instance whose own attributes refer back to the holder.
class Node:
    pass


n = Node()
nd = Tracking()
nd.back = n
n.__dict__ = nd
n.value = 5
print(n.__dict__.back is n, n.value)
del n, nd
import gc
gc.collect()
print("collected")
