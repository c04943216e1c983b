# operator.length_hint over the builtin iterators, and binascii's
# quoted-printable under quopri and email.
import binascii
import io
import operator
import quopri


class Hinted:
    def __init__(self, v):
        self.v = v

    def __length_hint__(self):
        return self.v


class BadLen:
    def __len__(self):
        return "x"


class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i

    def __len__(self):
        return 4


def check(expr):
    try:
        print(expr, "->", eval(expr))
    except Exception as e:
        print(expr, "!", type(e).__name__, e)


for expr in ["iter([1, 2, 3])", "iter((1, 2))", "iter(range(10))", "iter(range(10, 0, -3))",
             "iter({1: 2, 3: 4})", "iter({1: 2}.values())", "iter({1: 2}.items())",
             "iter('abcé')", "iter(b'abcd')", "iter(bytearray(b'ab'))", "iter({1, 2, 3})",
             "reversed([1, 2, 3])", "reversed((1, 2))", "reversed('abc')", "reversed(range(5))",
             "reversed({1: 2, 3: 4})", "map(str, [1])", "zip([1], [2])", "enumerate([1, 2])",
             "filter(None, [1])", "iter(Seq())", "iter(memoryview(b'ab'))"]:
    it = eval(expr)
    print(expr, operator.length_hint(it), operator.length_hint(it, 99), hasattr(it, "__length_hint__"))
it = iter([1, 2, 3, 4])
next(it)
print(operator.length_hint(it), it.__length_hint__())
for _ in it:
    pass
print(operator.length_hint(it), it.__length_hint__())
lst = [1, 2, 3]
it = reversed(lst)
next(it)
lst.clear()
print(operator.length_hint(it))
d = {1: 2, 3: 4}
it = iter(d)
next(it)
print(operator.length_hint(it))
d[5] = 6
print(operator.length_hint(it))
it = iter(Seq())
next(it)
print(operator.length_hint(it))
for v in [NotImplemented, -1, "x", True, 3, 2 ** 70]:
    check(f"operator.length_hint(Hinted({v!r}), 9)")
check("operator.length_hint(BadLen())")
check("operator.length_hint([1, 2], 'a')")
check("operator.length_hint(5, -1)")
check("operator.length_hint()")
check("operator.length_hint([], default=1)")

print(binascii.b2a_qp(b"x" * 100))
print(binascii.b2a_qp(b"line one \r\nline two\t\r\n."))
print(binascii.b2a_qp(b"tab\there = _x_", quotetabs=True, header=True))
print(binascii.b2a_qp(b"a\nb\r\n", istext=False))
print(binascii.a2b_qp(b"a=3Db=\nc=4=ZZ==_=\r\nx=", header=True))
print(binascii.a2b_qp("caf=C3=A9"))
for args, kw in [((), {}), ((1,), {}), (("é",), {}), ((b"x",), {"header": "a"})]:
    try:
        print(binascii.a2b_qp(*args, **kw))
    except Exception as e:
        print(type(e).__name__, e)
for args, kw in [(("x",), {}), ((b"x", 1, 1, 1, 1), {}), ((b"x",), {"foo": 1})]:
    try:
        print(binascii.b2a_qp(*args, **kw))
    except Exception as e:
        print(type(e).__name__, e)
out = io.BytesIO()
quopri.encode(io.BytesIO(b"caf\xc3\xa9 = ok \nsecond line\n"), out, quotetabs=False)
print(out.getvalue())
print(quopri.decodestring(b"caf=C3=A9=\n ok"), quopri.encodestring(b"\xff" * 30))
import email
import email.quoprimime
msg = email.message_from_string(
    "Content-Type: text/plain; charset=utf-8\n"
    "Content-Transfer-Encoding: quoted-printable\n\nCaf=C3=A9 na=C3=AFve=\n end\n")
print(msg.get_payload(decode=True).decode())
print(email.quoprimime.body_encode("héllo = wörld\n" * 2))
print(email.quoprimime.header_encode(b"h\xc3\xa9llo world"))

# dict.__getitem__ called on a dict subclass honours its __missing__.


class Defaulting(dict):
    def __missing__(self, key):
        self[key] = v = f"<{key}>"
        return v


dd = Defaulting()
print(dd["a"], dict.__getitem__(dd, "c"), sorted(dd))
