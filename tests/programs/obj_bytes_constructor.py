# bytes() and bytearray() constructors: __bytes__ (also on str and list
# subclasses, and set to None), int sizes past Py_ssize_t, lists changed by
# an item's __index__, bytearray.__init__ filling as it reads.
import sys


def show(f):
    try:
        r = f()
        print(type(r).__name__, r)
    except Exception as e:
        print(type(e).__name__, e)


class Blocked(list):
    __bytes__ = None


class ListBytes(list):
    def __bytes__(self):
        return b'L'


class StrWithBytes(str):
    def __new__(cls, value):
        self = str.__new__(cls, '\u20ac')
        self.value = value
        return self

    def __bytes__(self):
        return self.value


class BytesSub(bytes):
    pass


class IndexWithBytes:
    def __bytes__(self):
        return b'a'

    def __index__(self):
        return 42


class BadBytes:
    def __bytes__(self):
        return 'abc'


show(lambda: bytes(Blocked([1])))
show(lambda: bytearray(Blocked([1, 2])))
show(lambda: bytes(ListBytes([1])))
show(lambda: bytes(StrWithBytes(b'abc')))
show(lambda: bytes(StrWithBytes(b'abc'), 'utf-8'))
show(lambda: bytes(StrWithBytes(BytesSub(b'abc'))))
show(lambda: BytesSub(StrWithBytes(BytesSub(b'xyz'))))
show(lambda: BytesSub(StrWithBytes(b'abc'), 'utf-8'))
show(lambda: bytearray(StrWithBytes(b'abc')))
show(lambda: bytes(IndexWithBytes()))
show(lambda: bytes(BadBytes()))
show(lambda: bytes('x', errors='strict'))
show(lambda: bytes(sys.maxsize + 1))
show(lambda: bytearray(sys.maxsize + 1))
show(lambda: bytes(-(10 ** 30)))
show(lambda: bytes(-1))
show(lambda: bytes(3))
show(lambda: bytes(5.0))
show(lambda: bytes(iter([1, 2, 300])))
show(lambda: bytearray(iter([1, 2, 300])))


class Clears:
    def __index__(self):
        a.clear()
        return 42


a = [Clears(), Clears()]
show(lambda: bytes(a))
a = [Clears(), Clears()]
show(lambda: bytearray(a))


class Grows:
    def __index__(self):
        if len(a) < 100:
            a.append(self)
        return 42


a = [Grows()]
show(lambda: len(bytes(a)))

# bytearray.__init__ fills the object while it reads an iterable.
b = bytearray(b'old')


def gen():
    for i in range(1, 5):
        yield i
        print(' seen', list(b), b.__alloc__() > len(b))


b.__init__(gen())
print(b)
b.__init__()
print(b, b.__alloc__() >= 0)
b.__init__(3)
print(b)
b.__init__('ab', 'ascii')
print(b)


# bytearray.__new__ ignores its arguments; __init__ reads them.
class Sub(bytearray):
    def __init__(me, newarg=1, *args, **kwargs):
        bytearray.__init__(me, *args, **kwargs)


print(Sub(4, b'abcd'), Sub(4, source=b'abcd'), Sub(newarg=4, source=b'abcd'))
print(Sub(4))


class Plain(bytearray):
    pass


print(Plain(b'xy'), Plain(2), Plain('e', 'ascii'))
print(bytearray.__new__(bytearray, b'ignored'))
