# int.from_bytes through __bytes__, str subclasses as byte orders, zero
# shifted by a huge count, a NaN's identity hash, _operator._compare_digest
# on str subclasses, the `print >> f` hint, and `str % x` before x.__rmod__.
import _operator
import sys


def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)


class ValidBytes:
    def __bytes__(self):
        return b'\x01\x02'


class InvalidBytes:
    def __bytes__(self):
        return 'abc'


class SubStr(str):
    pass


show(lambda: int.from_bytes(ValidBytes()))
show(lambda: int.from_bytes(InvalidBytes()))
show(lambda: int.from_bytes(object()))
show(lambda: int.from_bytes('ab'))
show(lambda: int.from_bytes(5))
show(lambda: int.from_bytes([1, 2], SubStr('little')))
show(lambda: (258).to_bytes(2, SubStr('little')))
show(lambda: (0).to_bytes(0, SubStr('big')))
show(lambda: 0 << (1 << 1000))
show(lambda: 0 << -(1 << 1000))
show(lambda: 1 << (1 << 1000))

nan = float('nan')
print(hash(nan) == object.__hash__(nan), hash(1.5), hash(float('inf')))


class mystr(str):
    def __eq__(self, other):
        return False


show(lambda: _operator._compare_digest(mystr('foobar'), mystr('foobar')))
show(lambda: _operator._compare_digest(mystr('foobar'), 'foobaz'))
show(lambda: _operator._compare_digest(mystr('foobar'), b'foobar'))
show(lambda: _operator._compare_digest(1, 2))

show(lambda: print >> object())


class RShift:
    def __rrshift__(self, other):
        return NotImplemented


show(lambda: print >> RShift())
show(lambda: len >> 1)


class U:
    def __rmod__(self, other):
        return 'rmod'

    def __str__(self):
        return 'U!'


print('x %s' % U())


class S(str):
    def __rmod__(self, other):
        return 'S.rmod'


print('x %s' % S('s'))
