# types.FunctionType and types.CellType called directly, as copy and
# pickling helpers do.
FunctionType = type(lambda: None)


def outer():
    y = 1

    def inner():
        return y

    return inner


CellType = type(outer().__closure__[0])
print(repr(CellType()).split(' at')[0], CellType(5).cell_contents)
for args, kwargs in [((1, 2), {}), ((), {'contents': 1})]:
    try:
        CellType(*args, **kwargs)
    except TypeError as e:
        print(e)


def f(a, b=2):
    return a + b


g = FunctionType(f.__code__, {'x': 1}, 'g', (5,), None)
print(repr(g).split(' at')[0], g(1), g.__defaults__, g.__name__, g.__qualname__, g.__globals__, g.__module__)
i = outer()
h = FunctionType(i.__code__, {}, None, None, (CellType(7),))
print(h(), h.__closure__[0].cell_contents)
for args, kwargs in [
    ((f.__code__, {}), {'closure': (CellType(1),)}),
    ((i.__code__, {}), {}),
    ((1, {}), {}),
    ((f.__code__, 1), {}),
    ((f.__code__, {}, 1), {}),
    ((f.__code__, {}, None, 1), {}),
    ((f.__code__, {}, None, None, 1), {}),
    ((i.__code__, {}, None, None, (1,)), {}),
    ((), {}),
]:
    try:
        FunctionType(*args, **kwargs)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(FunctionType(f.__code__, {'__name__': 'mod'}).__module__)

c = CellType()
try:
    c.cell_contents
except ValueError as e:
    print(e)
c.cell_contents = 3
print(c.cell_contents)
del c.cell_contents
try:
    c.cell_contents
except ValueError as e:
    print(e)

# Exceptions have a __dict__ of their own attributes.
e = ValueError(1)
print(e.__dict__)
e.x = 2
print(e.__dict__, vars(e))
