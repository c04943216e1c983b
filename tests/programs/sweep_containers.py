d = {"b": 2, "a": 1}
d["c"] = 3
print(d, list(d), list(d.values()), list(d.items()), len(d), "a" in d, d.get("z"), d.get("z", 0))
print(d.pop("b"), d, d.setdefault("x", 9), d.setdefault("a", 100), d.popitem(), d)
d.update({"y": 1}, z=2); d.update([("w", 0)]); print(d, sorted(d), dict(sorted(d.items())))
print({**d, "a": -1}, d | {"n": 1}, dict.fromkeys("ab", 0), dict(a=1, b=2), dict([(1, 2)]))
del d["a"]; print(d, d.copy() == d, d.copy() is d, list(reversed(d)), {} == {}, {1: 2} != {1: 3})
try:
    d["nope"]
except KeyError as e:
    print("KeyError", e)
inv = {v: k for k, v in {"x": 1, "y": 2}.items()}; print(inv)
nested = {"a": {"b": {"c": 1}}}; print(nested["a"]["b"]["c"], nested)
ks = d.keys(); d["new"] = 1; print(ks, len(ks), "new" in ks, ks & {"new", "q"}, d.values(), d.items())
s = {3, 1, 2}
s.add(4); s.discard(10); s.remove(1)
print(s, len(s), 2 in s, s | {9}, s & {2, 3}, s - {2}, s ^ {2, 7}, s <= {2, 3, 4, 5}, s.issuperset({2}))
print(sorted({"b", "a", "c"}), set("hello") == set("olleh"), frozenset([1, 2]) | {3}, set(), frozenset())
fs = frozenset({1, 2}); print({fs: 1}[frozenset([2, 1])], hash(fs) == hash(frozenset([1, 2])))
t = (1, 2, 3)
print(t + (4,), t * 2, t[1:], t.count(2), t.index(3), (1,), (), tuple("ab"), tuple([1]), len(t), max(t))
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), [1, 2] < [1, 2, 3], [3] > [1, 9], (1, "a") == (1, "a"))
l = [5, 3, 8]
l.insert(0, 1); l.insert(100, 9); l.insert(-1, 7); print(l)
l.extend(range(2)); l += [6]; l *= 1; print(l, l.pop(), l.pop(0), l)
l.sort(); print(l); l.sort(key=lambda x: -x); print(l); l.reverse(); print(l)
print(l[::-1], l[1:-1], l[-2:], l[:100], l[5:2], l[::3])
l[1:3] = ["a", "b", "c"]; print(l); l[::2] = [0] * len(l[::2]); print(l); del l[::2]; print(l)
l2 = [[0] * 3 for _ in range(3)]; l2[0][0] = 1; print(l2)
l3 = [[0] * 3] * 3; l3[0][0] = 1; print(l3)
a = [1, 2]; b = a; b.append(3); print(a, a is b, a == [1, 2, 3], a.copy() is a)
rec = [1]; rec.append(rec); print(rec)
rd = {}; rd["self"] = rd; print(rd)
print(list(map(str, [1, 2])), [str(x) for x in (1.0, None, True)], list("abc"), list({1: 2}), list(range(3)))
print(sorted([[2, 1], [1, 2], [1]]), sorted(["b", "A", "a", "B"]), sorted(["b", "A", "a", "B"], key=str.lower))
words = ["apple", "Bob", "cat", "dog", "elephant", "fig"]
print(sorted(words, key=len), sorted(words, key=lambda w: (len(w), w)), sorted(words, key=len, reverse=True))
print(min(words, key=len), max(words), [w for w in words if len(w) > 3], {len(w) for w in words})
matrix = [[1, 2, 3], [4, 5, 6]]
print([[r[i] for r in matrix] for i in range(3)], [x for r in matrix for x in r], sum(map(sum, matrix)))
import sys
print(sys.maxsize, sys.version_info[:2] >= (3, 11), type(sys.argv).__name__, sys.platform != "", len(sys.version) > 0)
stack, queue = [], []
for i in range(3): stack.append(i); queue.insert(0, i)
print(stack.pop(), queue.pop(), stack, queue)
counts = {}
for ch in "mississippi": counts[ch] = counts.get(ch, 0) + 1
print(counts, max(counts, key=counts.get), sorted(counts.items(), key=lambda kv: kv[1]))
print(list(zip(range(3), "abc", [True, False, None])), dict(enumerate("xy")))
print([1, 2, 3].__len__(), "abc".__contains__("b"), (5).__add__(3), [].__class__, {}.__class__.__name__)
x = [3, 1, 2]; y = sorted(x); print(x, y, x.sort(), x)
print(list(filter(lambda kv: kv[1] > 1, {"a": 1, "b": 2}.items())), [k for k, v in sorted({"b": 1, "a": 2}.items())])
print(bytes([65, 66]), bytearray(b"ab"), b"a" + b"b", b"abc"[1], b"abc"[0:2], list(b"hi"), b"x" * 3, bytes(3), b"hello".upper())
ba = bytearray(b"abc"); ba.append(100); ba[0] = 65; print(ba, len(ba), ba.decode(), bytes(ba), b"%d" % 5)
print(repr(b"\x00\xff\n'"), b"a,b".split(b","), b"abc".hex(), bytes.fromhex("4142"), b" x ".strip())
