# The data descriptors builtin classes expose: int.real is a getset
# descriptor (bool finds int's), complex.real, slice.start and range.step
# are members, each with CPython's names and reprs.
for t, n in ((int, "real"), (int, "numerator"), (bool, "real"), (float, "imag"), (complex, "real"), (slice, "start"), (range, "step")):
    d = getattr(t, n)
    print(type(d).__name__, d.__qualname__, d.__name__, d.__objclass__.__name__, repr(d))
print(int.real.__get__(5), complex.imag.__get__(2j), float.real.__get__(1.5), int.denominator.__get__(True))
print(slice.stop.__get__(slice(1, 2)), range.start.__get__(range(3, 4)))
try:
    complex.real.__set__(1j, 2)
except AttributeError as e:
    print(e)
