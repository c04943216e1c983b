# os.py over the native posix module: makedirs, walk, environ, os.path, fsencode.
import os
import sys

print(os.name, os.sep, os.curdir, os.pardir, os.linesep == "\n", os.path.__name__)
base = "/tmp/pith_exec_os_tree_%d" % os.getpid()
os.makedirs(os.path.join(base, "a", "b", "c"))
os.makedirs(os.path.join(base, "a", "b"), exist_ok=True)
try:
    os.makedirs(os.path.join(base, "a"))
except FileExistsError as e:
    print("FileExistsError", e.errno, e.filename == os.path.join(base, "a"))
for name in ["x.txt", "a/y.txt", "a/b/z.py"]:
    with open(os.path.join(base, name), "w") as f:
        f.write(name * 3)

for root, dirs, files in os.walk(base):
    dirs.sort()
    print(os.path.relpath(root, base), dirs, sorted(files))
for root, dirs, files in os.walk(base, topdown=False):
    print(os.path.relpath(root, base), sorted(dirs), sorted(files))
print(sorted(e.name for e in os.scandir(base)))
print(os.path.isdir(base), os.path.isfile(os.path.join(base, "x.txt")), os.path.exists(base + "/nope"))
print(os.path.getsize(os.path.join(base, "a/y.txt")), os.path.islink(base))
st = os.stat(os.path.join(base, "x.txt"))
print(st.st_size, st[6])
old = os.getcwd()
os.chdir(base)
print(os.getcwd() == base, sorted(os.listdir()), os.path.abspath("x.txt") == base + "/x.txt")
os.chdir(old)

os.remove(os.path.join(base, "x.txt"))
os.unlink(os.path.join(base, "a/y.txt"))
os.remove(os.path.join(base, "a/b/z.py"))
os.removedirs(os.path.join(base, "a/b/c"))
print(os.path.exists(base))

os.environ["PITH_EXEC_OS"] = "value"
print(os.environ["PITH_EXEC_OS"], os.getenv("PITH_EXEC_OS"), os.environb[b"PITH_EXEC_OS"])
del os.environ["PITH_EXEC_OS"]
print(os.getenv("PITH_EXEC_OS"), os.getenv("PITH_EXEC_OS", "dflt"), "PITH_EXEC_OS" in os.environ)
print(os.fsencode("abc"), os.fsdecode(b"abc"), os.fspath("p"))
try:
    os.fspath(3)
except TypeError as e:
    print(e)
print(os.path.join("a", "b", "c"), os.path.splitext("x/y.tar.gz"), os.path.basename("/a/b"))
print(os.path.normpath("/a/./b/../c//d"), os.path.dirname("/a/b/c"))
print(os.SEEK_SET, os.SEEK_CUR, os.SEEK_END, os.O_RDONLY, os.F_OK)
print(os.strerror(2), isinstance(os.cpu_count(), int), len(os.urandom(8)))
print(issubclass(os.DirEntry, object), os.supports_bytes_environ, sys.getfilesystemencoding())
