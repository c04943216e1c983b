# A bytearray with a live buffer export (a memoryview) refuses to change
# size, with CPython's BufferError; same-size writes still work, and the
# export ends with release(), the view's deletion, a `with` block, or a
# collection of a cycle holding the view.
import gc


def attempt(label, f):
    try:
        f()
        print(label, "ok", b)
    except Exception as e:
        print(label, type(e).__name__, e)


def delitem(k):
    del b[k]


def setitem(k, v):
    b[k] = v


b = bytearray(b"abcdef")
m = memoryview(b)
attempt("append", lambda: b.append(1))
attempt("extend", lambda: b.extend(b"x"))
attempt("extend empty", lambda: b.extend(b""))
attempt("extend iter empty", lambda: b.extend(iter([])))
attempt("insert", lambda: b.insert(0, 1))
attempt("insert bad", lambda: b.insert(0, 300))
attempt("pop", lambda: b.pop())
attempt("pop out", lambda: b.pop(10))
attempt("remove", lambda: b.remove(ord("c")))
attempt("remove missing", lambda: b.remove(ord("z")))
attempt("clear", lambda: b.clear())
attempt("iadd", lambda: b.__iadd__(b"q"))
attempt("iadd empty", lambda: b.__iadd__(b""))
attempt("imul 2", lambda: b.__imul__(2))
attempt("imul 1", lambda: b.__imul__(1))
attempt("init", lambda: b.__init__(b"xyz"))
attempt("init str", lambda: b.__init__("x"))
attempt("del index", lambda: delitem(0))
attempt("del index out", lambda: delitem(10))
attempt("del slice", lambda: delitem(slice(0, 1)))
attempt("del empty slice", lambda: delitem(slice(5, 8)))
attempt("del ext slice", lambda: delitem(slice(0, 4, 2)))
attempt("set slice shorter", lambda: setitem(slice(0, 2), b"Z"))
attempt("set slice same", lambda: setitem(slice(0, 2), b"AB"))
attempt("set ext slice", lambda: setitem(slice(0, 6, 2), b"123"))
attempt("set ext slice empty", lambda: setitem(slice(0, 6, 2), b""))
attempt("set index", lambda: setitem(1, 66))
attempt("reverse", lambda: b.reverse())
attempt("reverse back", lambda: b.reverse())
print(bytes(m))

# Derived views share the export; it lasts until the last one goes.
m2 = m[1:]
m.release()
attempt("after release, slice alive", lambda: b.append(1))
del m2
attempt("after del slice", lambda: b.append(2))
with memoryview(b) as m3:
    attempt("in with", lambda: b.append(3))
attempt("after with", lambda: b.append(4))
c = memoryview(b).cast("c")
attempt("cast alive", lambda: b.append(5))
del c
attempt("cast gone", lambda: b.append(6))
m4 = memoryview(b)
m5 = memoryview(m4)
m4.release()
attempt("view of view", lambda: b.append(7))
m5.release()
attempt("both released", lambda: b.append(8))

# A view kept alive only by a reference cycle ends its export when the
# cycle is collected.
gc.disable()
m6 = memoryview(b)
cycle = [m6]
cycle.append(cycle)
del m6, cycle
gc.collect()
attempt("cycle collected", lambda: b.append(9))
gc.enable()


# Subclasses export their bytes the same way.
class B(bytearray):
    pass


b = B(b"xyz")
m = memoryview(b)
attempt("subclass append", lambda: b.append(1))
m.release()
attempt("subclass released", lambda: b.append(1))

# bytearray.join holds its separator while it reads the iterable.
b = bytearray(b",")


def items():
    b.clear()
    yield b"A"
    yield b"B"


attempt("join", lambda: print(b.join(items())))
attempt("join plain", lambda: print(b.join([b"1", b"2"])))

# Slice assignment's value: numbers and text are refused, an empty value
# deletes an extended slice.
b = bytearray(b"abcdef")
for v in [5, "x", "", None, 1.5, [300], ["a"], object(), memoryview(b"zz"), iter([65])]:
    attempt("slice value " + type(v).__name__, lambda: setitem(slice(0, 1), v))
attempt("del by empty ext", lambda: setitem(slice(None, None, 2), []))
print(bytearray.__setitem__, bytearray.__delitem__, bytearray.__getitem__)
print(bytearray.__len__(b), bytearray.__contains__(b, 98), bytearray.__getitem__(b, 0))
bytearray.__setitem__(b, 0, 65)
bytearray.__delitem__(b, 1)
print(b)

# array.array counts its exports too.
import array

a = array.array("b", [1, 2])
m = memoryview(a)
try:
    a.append(3)
except BufferError as e:
    print("array", e)
m.release()
a.append(3)
print(a)
