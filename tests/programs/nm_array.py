from array import array, typecodes, ArrayType

print(typecodes, ArrayType is array)
for tc in typecodes:
    a = array(tc) if tc != "u" else array("u", "hey")
    print(tc, a.itemsize, a.typecode, repr(a))
a = array("i", [1, 2, 3])
a.append(4)
a.extend([5, 6])
a.extend(array("i", [7]))
print(a, len(a), a[0], a[-1], a[1:3], a[::2], a[::-1])
a[0] = 10
a[1:3] = array("i", [20, 30, 40])
del a[-1]
del a[::3]
print(a, a.tolist(), 20 in a, 99 in a, a.count(30), a.index(30))
print(a.pop(), a.pop(0), a)
a.insert(0, -5)
a.insert(100, 500)
a.remove(30)
a.reverse()
print(a, a == array("i", a.tolist()), a != array("d", [1.0]), a == [1])
b = array("h", [1, -2, 300])
print(b.tobytes(), array("h", b.tobytes()), b + array("h", [7]), b * 2, 2 * b)
b += array("h", [9])
print(b, list(b), [x * 2 for x in b])
c = array("d", [1, 2.5])
c.frombytes(array("d", [3.25]).tobytes())
print(c, array("f", [0.1]), array("f", [0.1]).tobytes())
d = array("I", [1, 2**32 - 1])
d.byteswap()
print(d, array("Q", [2**64 - 1]), array("q", [-(2**63)]), array("L", b"\x01" * 8))
u = array("u", "hello")
u.fromunicode(" world")
print(u, u.tounicode(), u[1], u[1:3])
e = array("B", range(5))
e.fromlist([250, 251])
print(e, e.buffer_info()[1], array("b", array("B", [1, 2])))


class Sub(array):
    pass


print(Sub("i", [1, 2]), isinstance(Sub("i"), array))
for tc in "bBhHiIlLqQ":
    for v in (2**70, 2**40, 2**20, 300, -1, -300, -(2**20), -(2**40), -(2**70), 1.5, "x"):
        try:
            array(tc, [v])
        except Exception as exc:
            print(tc, v, type(exc).__name__, exc)
calls = [
    lambda: array("z"),
    lambda: array(),
    lambda: array("f", ["x"]),
    lambda: array("u", [1]),
    lambda: array("b", "ab"),
    lambda: array("i", b"abcd"),
    lambda: array("i", b"abc"),
    lambda: array("i", [1, 2])[5],
    lambda: array("i", [1]).pop(3),
    lambda: array("i").pop(),
    lambda: array("i", [1]).index(5),
    lambda: array("i", [1]).remove(5),
    lambda: array("i") + array("d"),
    lambda: array("i") + [1],
    lambda: array("i", [1]).frombytes(b"abc"),
    lambda: array("i").extend([1, "a"]),
    lambda: array("i").extend(array("d")),
    lambda: hash(array("i")),
    lambda: array("i", [1, 2, 3]).__setitem__(slice(0, 3, 2), array("i", [1])),
    lambda: array("i", [1]).__setitem__(slice(0, 1), [5]),
    lambda: array("i", [1]).__setitem__(4, 5),
    lambda: array("i").tounicode(),
    lambda: array("i").fromlist((1,)),
]
for call in calls:
    try:
        print(call())
    except Exception as exc:
        print(type(exc).__name__, exc)
