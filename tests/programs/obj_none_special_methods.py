# A special method set to None: most slots still call it (and calling None
# fails); __hash__, __iter__, __contains__, __reversed__ and
# __class_getitem__ are blocked with their own messages.


def eq(a, b):
    return a == b


def ne(a, b):
    return a != b


class SupEq:
    def __eq__(self, other):
        return True


class S(SupEq):
    __eq__ = None


class X:
    __eq__ = None


class SN(SupEq):
    __ne__ = None


e, s, x, sn = SupEq(), S(), X(), SN()
print(e == x)  # the left operand answers first
for a, b, op in [(x, e, eq), (e, s, eq), (s, e, eq), (e, sn, ne), (sn, e, ne), (x, 1, ne)]:
    try:
        print(op(a, b))
    except TypeError as err:
        print("TypeError:", err)


def attempt(label, f):
    try:
        print(label, f())
    except TypeError as err:
        print(label, "TypeError:", err)


class NoHash:
    __hash__ = None


class NoLen:
    __len__ = None


class NoIter:
    __iter__ = None


class NoItem:
    __getitem__ = None


class NoNeg:
    __neg__ = None


class NoRepr:
    __repr__ = None


class NoIndex:
    __index__ = None


class NoContains:
    __contains__ = None


class NoReversed:
    __reversed__ = None

    def __len__(self):
        return 1

    def __getitem__(self, i):
        return i


attempt("hash", lambda: hash(NoHash()))
attempt("len", lambda: len(NoLen()))
attempt("iter", lambda: iter(NoIter()))
attempt("getitem", lambda: NoItem()[0])
attempt("neg", lambda: -NoNeg())
attempt("repr", lambda: repr(NoRepr()))
attempt("index", lambda: [1, 2][NoIndex()])
attempt("in", lambda: 1 in NoContains())
attempt("reversed", lambda: reversed(NoReversed()))


class Generic(tuple):
    __class_getitem__ = None


attempt("class_getitem", lambda: Generic[int])
attempt("tuple[int]", lambda: tuple[int])
