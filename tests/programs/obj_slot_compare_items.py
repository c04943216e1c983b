# The comparison slot wrappers of containers compare items through their
# own __eq__ (dict.__eq__ of two dict subclasses holding instances), and a
# module has __class__.
import sys


class D(dict):
    pass


class E:
    def __eq__(self, other):
        return True


class Boom:
    def __eq__(self, other):
        raise KeyError("boom")


print(dict.__eq__(D(a=D()), D(a=D())), dict.__eq__({'a': E()}, {'a': E()}))
print(dict.__ne__(D(a=E()), D(a=E())), list.__eq__([E()], [E()]), tuple.__eq__((E(),), (E(),)))
print(list.__lt__([1], [2]), tuple.__le__((1,), (1,)), list.__eq__([1], (1,)))
print(dict.__lt__({}, {}), dict.__eq__({1: 2}, {1: 2.0}))
try:
    list.__eq__([Boom()], [Boom()])
except KeyError as e:
    print("KeyError", e)
try:
    list.__lt__([1], ["a"])
except TypeError as e:
    print("TypeError", e)
print(sys.__class__, sys.__class__ is type(sys))
