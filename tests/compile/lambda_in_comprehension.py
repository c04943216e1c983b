funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
funcs2 = [(lambda j: lambda: j)(i) for i in range(3)]
print([f() for f in funcs2])
table = {n: (lambda x, n=n: x ** n) for n in range(3)}
print(table[2](5))
