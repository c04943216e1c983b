import sys, typing

# types.UnionType hashes as the frozenset of its members, as typing.Union does.
print(hash(int | str) == hash(typing.Union[int, str]), hash(int | str) == hash(str | int))
print(hash(int | None) == hash(frozenset({int, type(None)})))
print(hash(list[int] | str) == hash(frozenset({list[int], str})))

# An error while comparing members propagates out of `|`.
class BadType(type):
    def __eq__(self, other):
        return 1 / 0
bt = BadType('bt', (), {})
try:
    list[int] | list[bt]
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
print(list[int] | list[int], int | int)

# A suspended generator has one frame object.
def g():
    x = 1
    yield sys._getframe()
    x = 2
    yield 3
gen = g()
fr = gen.gi_frame
print(fr is gen.gi_frame, fr.f_lineno, fr.f_locals)
next(gen)
print(fr is gen.gi_frame, fr.f_lineno, fr.f_locals)
next(gen)
print(fr is gen.gi_frame, fr.f_lineno, fr.f_locals)
list(gen)
print(gen.gi_frame)

# Tuples and generic aliases compare classes through their metaclass's __eq__.
for f in (lambda: int == bt, lambda: (int,) == (bt,), lambda: [bt] == [int], lambda: list[int] == list[bt]):
    try:
        print(f())
    except ZeroDivisionError:
        print("ZeroDivisionError")
class Meta(type):
    def __eq__(self, other):
        return True
    __hash__ = type.__hash__
m = Meta('m', (), {})
print((m,) == (int,), (int,) == (m,), list[m] == list[int])
