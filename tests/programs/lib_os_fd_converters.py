# Descriptor and path converters of posix: fsync takes an int subclass's
# value (not its fileno()) and any object's fileno(); os.fspath finds
# __fspath__ on the type only (an instance __getattr__ cannot supply it);
# waitstatus_to_exitcode of a stopped process names the signal.
import os


def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)


class MyInt(int):
    def fileno(self):
        return 1


class Obj:
    def __init__(self, n):
        self.n = n

    def fileno(self):
        return self.n


attempt(lambda: os.fsync(-1))
attempt(lambda: os.fsync(MyInt(-1)))
attempt(lambda: os.fsync(Obj(-2)))
attempt(lambda: os.fsync(Obj("x")))
attempt(lambda: os.fsync(1.5))


class Wrap:
    def __init__(self, v):
        self.v = v

    def __fspath__(self):
        return self.v


class ByGetattr:
    def __getattr__(self, name):
        if name == "__fspath__":
            return lambda: "abc"
        raise AttributeError(name)


class Sub(str):
    pass


for x in ["abc", b"abc", Sub("abc"), bytearray(b"abc"), 42, 3.14]:
    attempt(lambda: os.fspath(x))
    attempt(lambda: os.fspath(Wrap(x)))
attempt(lambda: os.fspath(ByGetattr()))
attempt(lambda: os.stat(ByGetattr()))

for status in [0, 0x100, 0xFF00, 0x10000, 0x1, 0x4201, 0x7E, 0x7F, 0x17F,
               0xFF7F, -1, "0"]:
    attempt(lambda: os.waitstatus_to_exitcode(status))
