# cmath's constants, argument conversion and errors, isclose.
import cmath
import math

print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.nan, cmath.infj, cmath.nanj)
print(type(cmath.infj), type(cmath.pi))
print(sorted(n for n in dir(cmath) if not n.startswith('_')))

# ints, bools, floats, big ints and complex
print(cmath.sqrt(4), cmath.sqrt(True), cmath.sqrt(-4), cmath.sqrt(10 ** 20), cmath.exp(1j))
print(cmath.log(8, 2), cmath.log(100, 10), cmath.log10(1000), cmath.log(-1))
print(cmath.polar(1 + 1j), cmath.rect(2, math.pi / 2), cmath.rect(1, -0.0), cmath.phase(-1 - 0j))


class WithComplex:
    def __complex__(self):
        return 3 + 4j


class WithFloat:
    def __float__(self):
        return 2.25


class WithIndex:
    def __index__(self):
        return 9


class BadComplex:
    def __complex__(self):
        return 5


class BadFloat:
    def __float__(self):
        return 'x'


class MyComplex(complex):
    pass


class MyFloat(float):
    pass


print(cmath.sqrt(WithComplex()), cmath.sqrt(WithFloat()), cmath.sqrt(WithIndex()))
print(cmath.polar(WithComplex()), cmath.rect(WithFloat(), WithIndex()))
print(cmath.sqrt(MyComplex(-4, 0)), cmath.sqrt(MyFloat(6.25)))
print(cmath.isclose(WithComplex(), 3 + 4j), cmath.log(WithIndex(), WithFloat()))


def err(label, thunk):
    try:
        print(label, thunk())
    except Exception as e:
        print(label, type(e).__name__, e)


err('str', lambda: cmath.sqrt('1'))
err('none', lambda: cmath.exp(None))
err('list', lambda: cmath.cos([1]))
err('bad complex', lambda: cmath.sqrt(BadComplex()))
err('bad float', lambda: cmath.sqrt(BadFloat()))
err('big', lambda: cmath.sqrt(10 ** 400))
err('no args', lambda: cmath.sqrt())
err('two args', lambda: cmath.sin(1, 2))
err('keyword', lambda: cmath.sqrt(x=1))
err('log none', lambda: cmath.log())
err('log three', lambda: cmath.log(1, 2, 3))
err('log kw', lambda: cmath.log(x=1))
err('log base str', lambda: cmath.log(1, 'a'))
err('log 0', lambda: cmath.log(0))
err('log base 1', lambda: cmath.log(1, 1))
err('log 0 base 2', lambda: cmath.log(0, 2))
err('log base 0', lambda: cmath.log(2, 0))
err('rect one', lambda: cmath.rect(1))
err('rect kw', lambda: cmath.rect(1, phi=2))
err('rect str', lambda: cmath.rect('a', 1))
err('rect inf', lambda: cmath.rect(1, math.inf))
err('phase two', lambda: cmath.phase(1, 2))
err('polar none', lambda: cmath.polar())
err('polar big', lambda: cmath.polar(1e308 + 1e308j))
err('phase tiny', lambda: cmath.phase(1e308 + 1e-320j))
err('exp big', lambda: cmath.exp(1000))
err('cosh big', lambda: cmath.cosh(1000 + 1j))
err('atanh 1', lambda: cmath.atanh(1))
err('log10 0', lambda: cmath.log10(0j))

# isclose
print(cmath.isclose(1, 1 + 1e-10j), cmath.isclose(1, 1.1), cmath.isclose(1, 1.1, rel_tol=0.2))
print(cmath.isclose(0, 1e-10j), cmath.isclose(0, 1e-10j, abs_tol=1e-9))
print(cmath.isclose(complex(math.inf, 0), complex(math.inf, 0)),
      cmath.isclose(complex(math.inf, 0), complex(-math.inf, 0)),
      cmath.isclose(math.nan, math.nan), cmath.isclose(1e308 + 1e308j, 1e308 + 1e308j))
print(cmath.isclose(a=1, b=1), cmath.isclose(1, b=2), cmath.isclose(1j, 1j, rel_tol=0, abs_tol=0))
err('isclose one', lambda: cmath.isclose(1))
err('isclose three', lambda: cmath.isclose(1, 2, 3))
err('isclose bad kw', lambda: cmath.isclose(1, 2, foo=1))
err('isclose a twice', lambda: cmath.isclose(1, a=2))
err('isclose b only', lambda: cmath.isclose(b=1))
err('isclose neg rel', lambda: cmath.isclose(1, 2, rel_tol=-1))
err('isclose neg abs', lambda: cmath.isclose(1, 2, abs_tol=-1e-9))
err('isclose str tol', lambda: cmath.isclose(1, 2, rel_tol='a'))
err('isclose str', lambda: cmath.isclose('a', 2))
