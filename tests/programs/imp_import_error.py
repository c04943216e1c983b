# ImportError's msg, name and path: from the importer and from keyword arguments.
try:
    import nosuch_x
except ImportError as e:
    print(repr(e), e.name, e.path, e.msg)
try:
    from sys import nope
except ImportError as e:
    print(repr(e), e.name, e.path, e.msg)
try:
    import sys.nope
except ImportError as e:
    print(repr(e), e.name, e.path)
e = ImportError('m', name='n', path='p')
print(repr(e), str(e), e.args, e.name, e.path, e.msg)
e = ImportError()
print(repr(e), e.name, e.msg)
e = ModuleNotFoundError('a', 'b', name='q')
print(repr(e), e.msg, e.name)
try:
    ImportError('m', nme='n')
except TypeError as t:
    print(t)
class MyErr(ImportError):
    pass
e = MyErr("x", name="y")
print(repr(e), e.name, e.msg)
class MyErr2(ImportError):
    def __init__(self, m):
        super().__init__(m, name="zz")
print(MyErr2("q").name)
try:
    KeyError("a", name="b")
except TypeError as t:
    print(t)
