# ast node classes: __new__ takes any arguments, keyword/positional clashes, ASDL __doc__, type.__instancecheck__/__subclasscheck__.
class M(type): pass
class A(metaclass=M): pass
class B(A): pass
print(isinstance(B(), A), isinstance(1, A), issubclass(B, A), issubclass(int, A))
print(type.__instancecheck__(A, B()), type.__instancecheck__(B, A()), type.__subclasscheck__(A, B), type.__subclasscheck__(B, A))
print(type.__instancecheck__(int, True), type.__subclasscheck__(int, bool))
class Meta(type):
    def __instancecheck__(cls, inst):
        print("hook")
        return type.__instancecheck__(cls, inst)
class C(metaclass=Meta): pass
print(isinstance(C(), C), isinstance(3, C))
import ast
class N(ast.Num):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.z = 'spam'
class N2(ast.Num): pass
n = N(42)
print(n.n, n.z, type(n) is N, isinstance(n, N), isinstance(n, ast.Num), isinstance(n, N2), isinstance(ast.Num(42), N))
n = N(n=42)
print(n.n, n.z, type(n) is N)
print(ast.withitem.__doc__); print(ast.expr_context.__doc__); print(ast.GtE.__doc__)
for args in [(1,), (1, None), ()]:
    try: print(ast.Constant(*args, value=2).value)
    except TypeError as e: print(e)
try: ast.Num(1, n=2)
except TypeError as e: print(e)
print(ast.Constant(1, foo='bar').foo, type(ast.Name.__new__(ast.Name, 1, 2, x=3)).__name__)
