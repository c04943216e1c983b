a = (1, 2, (3, 4), ('x', None))
b = ((), (1,), ((2,),))
c = (1.5, -2, True, False, ...)
d = a + b
print(a, b, c, d, len(d))
