import _random
import _sha512

r = _random.Random(42)
print(r.random(), r.random())
print(r.getrandbits(1), r.getrandbits(32), r.getrandbits(33), r.getrandbits(200))
print(r.getrandbits(0))
for seed in [0, 1, -1, 2**32, 2**32 - 1, 2**100 + 12345, -(2**70), True]:
    r.seed(seed)
    print(seed, r.random())
r.seed("abc")  # the hash of a str: just check it runs and is deterministic per seed
s = r.getstate()
print(type(s), len(s), s[-1])
a = [r.random() for _ in range(3)]
r.setstate(s)
print(a == [r.random() for _ in range(3)])
r.seed(5)
for _ in range(700):
    r.random()
print(r.getstate()[-1], r.random())
r2 = _random.Random()
print(0.0 <= r2.random() < 1.0)


class Mine(_random.Random):
    def __init__(self, x):
        super().__init__(x * 2)
        self.extra = x

    def random(self):
        return super().random() * 10


m = Mine(21)
print(m.extra, m.random(), isinstance(m, _random.Random))

for bad in [lambda: r.getrandbits(-1), lambda: r.setstate(5), lambda: r.setstate((1, 2)),
            lambda: r.setstate((0,) * 624 + (625,)), lambda: _random.Random(1, 2),
            lambda: r.seed([1]), lambda: r.getrandbits(1.5), lambda: _random.Random(x=1)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)

h = _sha512.sha512(b"abc")
print(h.hexdigest())
print(h.name, h.digest_size, h.block_size)
h.update(b"d" * 200)
c = h.copy()
c.update(b"more")
print(h.hexdigest()[:40], c.hexdigest()[:40])
print(_sha512.sha512().digest()[:8])
print(_sha512.sha384(b"").hexdigest())
print(_sha512.sha512(bytearray(b"x" * 111)).hexdigest()[:16], _sha512.sha512(b"x" * 112).hexdigest()[:16])
try:
    _sha512.sha512("text")
except TypeError as e:
    print(e)
