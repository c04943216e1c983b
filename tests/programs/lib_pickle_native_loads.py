# _pickle.loads: round trips at every protocol, pickles written by hand
# (protocol 0 text opcodes, 2.x names, frames), files and errors.
import io
import pickle


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x!r}, {self.y!r})"


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a = 1
        self.b = "two"

    def __repr__(self):
        return f"Slotted({self.a!r}, {self.b!r})"


values = [
    None, True, 7, -2**70, 2.5, "text\n\u20ac", "\udcff", b"\x00bytes",
    bytearray(b"ba"), (1, (2, [3])), [1, [2, {3: 4}]], {"k": {1, 2}},
    frozenset({"f"}), Point(1, "y"), complex(1, 2), range(1, 9, 2),
]
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    if proto >= 2:
        values.append(Slotted())
    back = pickle.loads(pickle.dumps(values, proto))
    print(proto, back == values or repr(back) == repr(values), repr(back)[:90])

shared = [1]
pair = pickle.loads(pickle.dumps([shared, shared], 2))
print("shared", pair[0] is pair[1])
rec = []
rec.append(rec)
r = pickle.loads(pickle.dumps(rec, 0))
print("recursive", r[0] is r)

hand = [
    b"(I01\nI00\nI2\nI0x10\nI010\nt.",
    b"L12L\nF2.5\nVa\\u20acb\n\x86.",
    b"c__builtin__\nset\n((lp0\nI1\natR.",
    b"cexceptions\nValueError\n(S'msg'\ntR.",
    b"\x80\x04\x95\x0b\x00\x00\x00\x00\x00\x00\x00\x8c\x03abc\x94h\x00\x86\x94.",
    b"\x80\x02U\x03abcq\x00.",
    b"(lp0\nI1\naI2\na.",
    b"(dp0\nVk\np1\nI1\ns.",
]
for h in hand:
    print(repr(pickle.loads(h)))
print(pickle.loads(b"\x80\x02U\x03abc.", encoding="bytes"))
print(pickle.loads(b"\x80\x02U\x03ab\xe9.", encoding="latin1"))

f = io.BytesIO()
pickle.dump({"a": [1, 2]}, f, 4)
pickle.dump("second", f, 0)
f.seek(0)
print(pickle.load(f), pickle.load(f), f.read())

bad = [
    b"", b"N", b"(.", b"0.", b"1.", b"a.", b"]Na.", b"}Ns.", b"h\x05.",
    b"g5\n.", b"p-1\n.", b"\x80\x09.", b"Q.", b"\x82\x00.", b"\x82\xfe.",
    b"\x99.", b"z.", b"'", b"S\"abc\n.", b"Sabc\n.", b"I1x\n.", b"Fxx\n.",
    b"X\x05\x00\x00\x00ab.", b"\x8b\xff\xff\xff\xff.", b"(N\x81.",
    b"cbuiltins\nnope\n.", b"cnosuchmod\nx\n.", b"N\x8c\x03len\x93.",
    b"(I1\nI2\nI3\nd.", b"\x97.", b"}N\x85b.",
    b"\x80\x04\x95\x02\x00\x00\x00\x00\x00\x00\x00N",
]
for b in bad:
    try:
        print(repr(b), "->", repr(pickle.loads(b)))
    except Exception as e:
        print(repr(b), type(e).__name__, e)
for v in ["abc", 1]:
    try:
        pickle.loads(v)
    except Exception as e:
        print(type(e).__name__, e)
