# Indexes past Py_ssize_t are IndexError "cannot fit 'int' into an
# index-sized integer", not a wrapped or saturated index.
import sys

for c in ([1], (1,), 'a', b'a', bytearray(b'a'), range(3)):
    for k in (10 ** 100, -10 ** 100, True, 2 ** 63, -2 ** 63 - 1, sys.maxsize, -sys.maxsize):
        try:
            print(type(c).__name__, c[k])
        except Exception as e:
            print(type(c).__name__, type(e).__name__, e)
