# Language-level behaviours CPython's test suite checks: range hashing,
# membership and index by equality; special methods set to None; deleting
# a class attribute through an instance without a __dict__; generic
# exception groups; __isabstractmethod__ of classmethod and staticmethod.


class AlwaysEq:
    def __eq__(self, other):
        return True


class BadExc(Exception):
    pass


class BadCmp:
    def __hash__(self):
        return 1

    def __eq__(self, other):
        raise BadExc()


ranges = [range(0), range(0, -1), range(1, 1, 3), range(1), range(5, 6),
          range(5, 6, 2), range(5, 7, 2), range(2), range(0, 4, 2),
          range(0, 5, 2), range(0, 6, 2), range(-3, 10**9, 7)]
# Empty and one-element ranges hash with None, whose hash is an address.
print([hash(r) for r in ranges if len(r) > 1])
print([hash(a) == hash(b) for a in ranges for b in ranges if a == b].count(False))
print(len({r for r in ranges}), {range(0): 'a'}.get(range(3, 3)), range(1) in {range(0, 1, 5)})
print(AlwaysEq() in range(3), 2.0 in range(5), 2**70 in range(10), True in range(3))
print(range(5).index(2.0), range(5).count(2.0), range(3).count(AlwaysEq()),
      range(5, 0, -1).index(True), range(3).index(AlwaysEq()))
for value in [7.0, 7, True + 5, 2**64, 'x']:
    try:
        range(5).index(value)
    except ValueError as e:
        print('ValueError:', e)
try:
    range(3).index(BadCmp())
except BadExc:
    print('BadExc from __eq__')


class Base:
    def __init__(self, val):
        self.val = val

    def __add__(self, other):
        return Base(self.val + other)

    def __contains__(self, item):
        return False

    def __iter__(self):
        return iter([0])


class Blocked(Base):
    __iadd__ = None
    __contains__ = None


x = Blocked(4)
for f in [lambda: x.__class__.__iadd__, lambda: 0 in x, lambda: 0 in Base(1)]:
    try:
        print(f())
    except TypeError as e:
        print('TypeError:', e)
try:
    x += 10
except TypeError as e:
    print('TypeError:', e)


class NoAdd:
    __add__ = None


class NoRadd:
    __radd__ = None


for f in [lambda: NoAdd() + 1, lambda: 1 + NoAdd(), lambda: 1 + NoRadd()]:
    try:
        f()
    except TypeError as e:
        print('TypeError:', e)


class Slotted:
    y = 0
    __slots__ = ('z',)


for f in [lambda: delattr(Slotted(), 'y'), lambda: setattr(Slotted(), 'y', 0),
          lambda: delattr(Slotted(), 'x'), lambda: setattr(Slotted(), 'x', 0)]:
    try:
        f()
    except AttributeError as e:
        print('AttributeError:', e)

print(ExceptionGroup[int], BaseExceptionGroup[ValueError], type(ExceptionGroup[int]).__name__)


class MyGroup(ExceptionGroup):
    pass


print(MyGroup[int])


def abstract(self):
    pass


abstract.__isabstractmethod__ = True


def plain(self):
    pass


print(classmethod(abstract).__isabstractmethod__, staticmethod(abstract).__isabstractmethod__,
      classmethod(plain).__isabstractmethod__, staticmethod(plain).__isabstractmethod__)
