# Bad arguments to open() and to file methods: the exception classes CPython raises.
import _io
cases = [
    lambda: open(),
    lambda: open(None),
    lambda: open(3.5),
    lambda: open("/tmp/x", 5),
    lambda: open("/tmp/x", "r", "x"),
    lambda: open("/tmp/x", "w", encoding=5),
    lambda: open("/tmp/x", "r", 1, None, None, None, True, None, 9),
    lambda: open("/tmp/x", mode="rr"),
    lambda: open("/tmp/x", "w", buffering=0),
    lambda: open(-1),
    lambda: _io.StringIO(5),
    lambda: _io.StringIO("a", 5),
    lambda: _io.StringIO("a", "x"),
    lambda: _io.BytesIO("s"),
    lambda: _io.StringIO.read(5),
    lambda: _io.StringIO.read(),
    lambda: _io.TextIOWrapper.read(_io.TextIOWrapper.__new__(_io.TextIOWrapper)),
    lambda: _io.StringIO().read("x"),
    lambda: _io.StringIO().seek("x"),
    lambda: _io.StringIO().seek(0, 7),
    lambda: _io.StringIO().seek(-1),
    lambda: _io.BytesIO().seek(-1),
    lambda: _io.BytesIO().seek(0, 5),
    lambda: _io.StringIO().truncate(-1),
    lambda: _io.StringIO().write(),
    lambda: _io.StringIO().writelines(5),
    lambda: _io.StringIO().writelines([1]),
    lambda: _io.StringIO().readline(10**30),
    lambda: _io.BytesIO(b"abc").read(-5),
    lambda: _io.BytesIO(b"abc").seek(10**20),
]
for i, c in enumerate(cases):
    try:
        r = c()
        print(i, "ok", type(r).__name__)
    except Exception as e:
        print(i, type(e).__name__)
