# More of open(): print(file=), append and update modes, newline and encoding arguments, FileIO.
fn = "/tmp/pith_imp_io_more.txt"
with open(fn, "w", encoding="utf-8") as f:
    print("line", 1, file=f)
    print("ünïcode", end="!\n", file=f)
    f.write("x" * 3 + "\n")
print(open(fn).read(), end="")
print(open(fn).readlines())
print(len(open(fn, "rb").read()))
lines = [l.rstrip("\n") for l in open(fn)]
print(lines)
with open(fn, "x") if False else open(fn, "a+") as f:
    f.write("more\n")
    f.seek(0)
    print(repr(f.read()))
try:
    open(fn, "x")
except FileExistsError as e:
    print(e)
with open(fn, "w", newline="\r\n") as f:
    f.write("a\nb\n")
print(open(fn, "rb").read())
print(open(fn).read().splitlines(), repr(open(fn, newline="").read()))
with open(fn, "w", encoding="latin-1") as f:
    f.write("café")
print(open(fn, "rb").read(), open(fn, encoding="latin-1").read())
try:
    open(fn).read()
except UnicodeDecodeError as e:
    print(type(e).__name__)
try:
    open(fn, encoding="nope")
except LookupError as e:
    print(e)
try:
    open(fn, "w", newline="x")
except ValueError as e:
    print(e)
f = open(fn, "w")
f.write("z")
f.close()
f.close()
print(f.closed, open(fn).read())
with open(fn, "w") as f:
    f.write("0123456789")
with open(fn, "r+") as f:
    f.seek(3)
    f.write("XY")
    f.seek(0)
    print(f.read(), f.tell())
    print(f.truncate(4), f.tell())
print(open(fn).read())
with open(fn, "rb") as f:
    print(f.read(2), f.read(0), f.readline(), f.read(), f.read(5))
f = open(fn, "rb", buffering=0)
print(type(f).__name__, f.read(3))
f.close()
print(repr(f))
