# open(): text and binary files, newlines, modes, errors (the file lives in /tmp).

fn = "/tmp/pith_imp_io_files.txt"
with open(fn, "w") as f:
    print(type(f).__name__, f.closed, f.mode, f.name, f.encoding)
    print(repr(f))
    print(f.write("hello\nwörld\r\nthird\rfourth"))
    f.writelines(["a\n", "b\n"])
print(f.closed)
with open(fn) as f:
    print(repr(f.readline()), f.tell())
    print(repr(f.readline()))
    print(repr(f.read(3)))
    print(f.readlines())
    print(repr(f.read()), repr(f.readline()))
with open(fn, newline="") as f:
    print([line for line in f])
with open(fn, "rb") as f:
    print(repr(f), f.mode)
    data = f.read()
    print(data, len(data))
    f.seek(0)
    print(f.readline(), f.tell(), f.read(4))
    f.seek(-3, 2)
    print(f.read())
with open(fn, "a") as f:
    f.write("appended\n")
with open(fn) as f:
    for i, line in enumerate(f):
        print(i, repr(line))
    f.seek(0)
    print(f.read(2), f.tell())
for args in [("nosuch_dir/x",), (".",), (fn, "rw"), (fn, "rbt"), (fn, "b"), (fn, "rb", -1, "utf-8")]:
    try:
        open(*args)
    except (OSError, ValueError) as e:
        print(type(e).__name__, e, getattr(e, "errno", None), getattr(e, "strerror", None), getattr(e, "filename", None))
f = open(fn)
f.close()
try:
    f.read()
except ValueError as e:
    print(e)
w = open(fn, "w")
try:
    w.read()
except Exception as e:
    print(type(e).__name__, e, isinstance(e, OSError), isinstance(e, ValueError))
try:
    w.write(b"x")
except TypeError as e:
    print(e)
w.close()
with open(fn, "wb") as f:
    print(f.write(b"\x00\x01abc"), repr(f))
with open(fn, "rb") as f:
    print(f.read(), f.closed)
with open(fn, "r+") as f:
    print(f.readable(), f.writable(), f.seekable())

