u = int | str
print(u, type(u), u.__args__, int | None, None | int, int | int, (int | str) | float, int | (str | float))
print(isinstance(1, int | str), isinstance(1.5, int | str), isinstance(None, int | None), issubclass(bool, int | str))
print(int | str == str | int, hash(int | str) == hash(str | int), (int | str) == (int | float))
class C: pass
print(C | None, list[int] if False else 0)
try:
    None | None
except TypeError as e:
    print(e)
try:
    int | 'x'
except TypeError as e:
    print(e)
try:
    isinstance(1, 5)
except TypeError as e:
    print(e)
FunctionType = type(lambda: 0)
G = type(FunctionType.__code__); M = type(FunctionType.__globals__)
print(G, M, FunctionType.__code__, FunctionType.__globals__)
def f(): pass
print(FunctionType.__code__.__get__(f, FunctionType) is f.__code__)
