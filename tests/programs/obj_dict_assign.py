# Assigning an instance's __dict__ replaces its attribute store by that dict.
class Borg:
    _shared = {}

    def __init__(self):
        self.__dict__ = self._shared


a = Borg()
b = Borg()
a.x = 1
print(b.x, a.__dict__ is b.__dict__, a.__dict__ is Borg._shared)
b.y = 2
print(sorted(vars(a)), Borg._shared)


class P:
    def __init__(self):
        self.first = 1
        self.second = 2


p = P()
d = {"z": 26}
p.__dict__ = d
print(hasattr(p, "first"), p.z, p.__dict__ is d)
d["w"] = 23
print(p.w)
p.q = 5
print(d)
for bad in (5, [("a", 1)], None):
    try:
        p.__dict__ = bad
    except TypeError as e:
        print("TypeError:", e)
print(p.z)
del p.__dict__
print(p.__dict__, hasattr(p, "z"))


class D(dict):
    pass


p.__dict__ = D(k="v")
print(p.k, isinstance(p.__dict__, dict))


class Sub(list):
    pass


s = Sub([1])
s.__dict__ = {"tag": "t"}
print(s, s.tag)


class Slotted:
    __slots__ = ("a",)


try:
    Slotted().__dict__ = {}
except AttributeError as e:
    print("AttributeError:", e)
q = P()
q.__dict__.update(first=10)
q.__dict__ = dict(q.__dict__, third=3)
print(q.first, q.second, q.third)
