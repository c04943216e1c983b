# cmath functions on ordinary and extreme finite values, infinities, NaNs and
# signed zeros: every result (or its ValueError/OverflowError) printed.
import cmath
import math

VALUES = [0.0, -0.0, 1.0, -1.0, 0.5, 2.5, -3.75, 1e-320, 1e-160, 1e308, -1e308,
          math.inf, -math.inf, math.nan]
FUNCS = ['acos', 'acosh', 'asin', 'asinh', 'atan', 'atanh', 'cos', 'cosh', 'exp',
         'log', 'log10', 'sin', 'sinh', 'sqrt', 'tan', 'tanh']


def show(label, thunk):
    try:
        r = thunk()
    except (ValueError, OverflowError, ZeroDivisionError) as e:
        r = type(e).__name__ + ': ' + str(e)
    print(label, r)


for name in FUNCS:
    f = getattr(cmath, name)
    for a in VALUES:
        for b in VALUES:
            z = complex(a, b)
            show(name + ' ' + repr(z), lambda: f(z))

for a in VALUES:
    for b in VALUES:
        z = complex(a, b)
        show('phase ' + repr(z), lambda: cmath.phase(z))
        show('polar ' + repr(z), lambda: cmath.polar(z))
        show('rect %r %r' % (a, b), lambda: cmath.rect(a, b))
        print('checks', repr(z), cmath.isfinite(z), cmath.isinf(z), cmath.isnan(z))
        for base in [2, 10, 0.5, 1, 1j, complex(a, b)]:
            show('log %r base %r' % (z, base), lambda: cmath.log(z, base))

# Values near 1 and the unit circle, where the formulas switch branches.
for z in [1 + 1e-10j, 0.99999 + 0j, 1.00001 - 0j, 0.6 + 0.8j, -0.6 - 0.8j,
          1e-8 + 1e-8j, 3 + 4j, -3 + 4j, 1e200 + 1e200j, 1e-200 - 1e-200j,
          710 + 1j, -710 - 2j, 1j * 710, 20 + 20j, 1 + 0j, -1 - 0j]:
    for name in FUNCS:
        show(name + ' ' + repr(z), lambda: getattr(cmath, name)(z))
