# Immutable builtins give back the object itself where CPython does:
# whole slices, strips and replaces that change nothing.
s = "abc"
t = (1, 2, 3)
b = b"xyz"
print(s[:] is s, s[0:3] is s, s[::1] is s, s[::-1] is s, s[1:] is s)
print(t[:] is t, t[0:] is t, t[-3:] is t, t[:2] is t)
print(b[:] is b, b[:len(b)] is b, b[1:] is b)
print(b.strip() is b, b.lstrip() is b, b.rstrip() is b, b" x".strip() is b)
print(b.replace(b"q", b"r") is b, b.replace(b"x", b"x", 0) is b, b.replace(b"x", b"y") is b)
print(b"".replace(b"", b"a"), b"ab".replace(b"", b"-"))


class B(bytes):
    pass


sub = B(b"abc")
print(type(sub.strip()), sub.strip() is sub, type(sub.replace(b"q", b"r")))
ba = bytearray(b"abc")
print(ba.strip() is ba, ba[:] is ba, ba.replace(b"q", b"r") is ba)

# `b += b` on a bytearray holds its own buffer while it resizes.
ba = bytearray(b"12")
try:
    ba += ba
except BufferError as e:
    print("BufferError:", e)
print(ba)
empty = bytearray()
empty += empty
print(empty)
ba.extend(ba)
print(ba)

# Keys and items views are set-like and unhashable; values views hash by identity.
d = {1: 2}
for view in (d.keys(), d.items()):
    try:
        hash(view)
    except TypeError as e:
        print("TypeError:", e)
print(type(hash(d.values())))

# str() counts every argument before it looks at keywords.
for call in (
    lambda: str(b"a", "utf-8", "strict", "x"),
    lambda: str(b"a", encoding="utf-8", errors="strict", other=1),
    lambda: str(b"a", bogus=1),
):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)


def f():
    return 1


for name in ("__globals__", "__closure__", "__builtins__"):
    try:
        setattr(f, name, None)
    except AttributeError as e:
        print(name, "AttributeError:", e)
