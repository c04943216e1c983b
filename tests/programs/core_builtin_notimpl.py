# A builtin type's comparison methods answer NotImplemented for operands of
# another kind, so that the other operand's reflected method (or identity)
# decides; float and complex accept ints, bytearray any buffer.
print([].__eq__(3), {}.__eq__(1), "a".__eq__(1), (1).__eq__(1.0), (1).__eq__(1), [1].__eq__([1]))
print((1,).__eq__(3), "a".__ne__(1), [].__lt__(3), (1.5).__eq__("x"), {1}.__eq__(3), b"".__eq__(""))
print((1.5).__eq__(1), (1.0).__eq__(1), (1j).__eq__(0), True.__eq__(1), (1).__eq__(True))
print(b"a".__eq__(bytearray(b"a")), bytearray(b"a").__eq__(b"a"), bytearray(b"a").__eq__(memoryview(b"a")))
print({1}.__eq__(frozenset({1})), frozenset().__le__(set()), range(3).__eq__([0, 1, 2]))
print((1).__add__("a"), (2.0).__mul__("x"))


class L(list):
    def __eq__(self, other):
        r = super().__eq__(other)
        print("  list.__eq__ ->", r)
        return r


print(L([1]) == [1], L([1]) == (1,), L() == 0)


class Num:
    def __eq__(self, other):
        return "Num.__eq__"

    __hash__ = None


print(1 == Num(), "s" == Num(), [1] == Num())
