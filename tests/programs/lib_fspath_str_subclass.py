# os.fspath and the path arguments of os, open and pathlib take instances of
# str and bytes subclasses as the paths they hold.
import os
import pathlib
import tempfile


class S(str):
    pass


class B(bytes):
    pass


r = os.fspath(S("abc"))
print(repr(r), type(r).__name__)
r = os.fspath(B(b"abc"))
print(repr(r), type(r).__name__)
print(repr(os.fspath(S(""))))


class P:
    def __fspath__(self):
        return S("from-fspath")


print(repr(os.fspath(P())), type(os.fspath(P())).__name__)

with tempfile.TemporaryDirectory() as d:
    name = S(os.path.join(d, "f.txt"))
    with open(name, "w") as fh:
        fh.write("hi")
    print(os.path.exists(name), os.path.getsize(name))
    with open(name) as fh:
        print(fh.read())
    print(sorted(os.listdir(S(d))))
    print(os.path.basename(S(name)))

print(pathlib.PurePosixPath(S("a"), S("b/c")))
print(pathlib.PurePosixPath(S("")))
print(pathlib.PurePath(S("x/y")).parts)
