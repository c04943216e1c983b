# OSError arguments and attributes, errno subclasses, exceptions with two builtin bases.
class E(KeyError, ValueError):
    pass
try:
    raise E("x")
except ValueError as e:
    print(type(e).__name__, repr(e), str(e))
class F(OSError):
    pass
f = F(2, "nope", "file")
print(f, f.errno, f.args, type(OSError(13, "denied")).__name__, OSError("plain").errno)
try:
    raise E(1)
except KeyError as e:
    print(e)
for args in [(), ("one",), (1, "two"), (1, "two", "three"), (1, "two", None), (1, "two", "f", None, "g"), (1, 2, 3, 4, 5, 6)]:
    e = OSError(*args)
    print(type(e).__name__, repr(e), "|", e, "|", e.args, e.errno, e.strerror, e.filename, e.filename2)
for n in [1, 2, 13, 17, 20, 21, 11, 99]:
    print(n, type(OSError(n, "x")).__name__)
print(issubclass(NotADirectoryError, OSError), issubclass(BlockingIOError, OSError))
try:
    open("/nonexistent_dir_pith/file.txt", "w")
except FileNotFoundError as e:
    print(e.errno, e.strerror, e.filename, e)
try:
    open("/", "w")
except IsADirectoryError as e:
    print(e)
