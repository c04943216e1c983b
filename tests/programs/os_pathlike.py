# posix functions take str, bytes and os.PathLike arguments, with CPython's errors.
import posix


class P:
    def __init__(self, p):
        self.p = p

    def __fspath__(self):
        return self.p


class Bad:
    def __fspath__(self):
        return 42


base = "/tmp/pith_os_pathlike_%d" % posix.getpid()
posix.mkdir(P(base))
posix.mkdir(P(base.encode() + b"/d"))
print(posix.listdir(P(base)), posix.listdir(P(base.encode())))
print(posix.stat(P(base)).st_mode >> 12, posix.fspath(P("x")), posix.fspath(b"y"))
old = posix.getcwd()
posix.chdir(base)
with posix.scandir() as it:
    print([(e.name, e.path) for e in it])
with posix.scandir(b".") as it:
    print([(e.name, e.path) for e in it])
posix.chdir(old)
for f in [posix.stat, posix.lstat, posix.listdir, posix.mkdir, posix.unlink, posix.fspath]:
    for arg in [Bad(), object(), 1.5, "a\0b"]:
        try:
            f(arg)
        except (TypeError, ValueError, OSError) as e:
            print(f.__name__, type(e).__name__, e)
try:
    posix.rename(base + "/nope", base + "/other")
except OSError as e:
    print(str(e).replace(base, "BASE"))
posix.rmdir(base + "/d")
posix.rmdir(base)
print(posix.access(base, posix.F_OK))
