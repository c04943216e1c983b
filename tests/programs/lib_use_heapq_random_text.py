import heapq, bisect
h = [5, 1, 8, 3, 2]; heapq.heapify(h); print(h, heapq.heappop(h), heapq.heappushpop(h, 0), heapq.heapreplace(h, 9), h)
print(heapq.nlargest(3, [4, 1, 7, 3, 9, 2]), heapq.nsmallest(2, [4, 1, 7], key=lambda x: -x), list(heapq.merge([1, 4, 7], [2, 5, 8], [0])))
pq = []
for pri, task in [(3, "c"), (1, "a"), (2, "b")]:
    heapq.heappush(pq, (pri, task))
print([heapq.heappop(pq)[1] for _ in range(3)], list(heapq.merge("adf", "bce", reverse=False)))
a = [1, 2, 4, 4, 8]
print(bisect.bisect_left(a, 4), bisect.bisect_right(a, 4), bisect.bisect(a, 5), bisect.bisect_left(a, 3, 0, 2))
bisect.insort(a, 5); bisect.insort_left(a, 0); print(a)
def grade(score, breakpoints=[60, 70, 80, 90], grades="FDCBA"):
    return grades[bisect.bisect(breakpoints, score)]
print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100]], bisect.bisect([(1, "a"), (3, "c")], (2, "z")), bisect.bisect_left([10, 20], 15, key=None))
print(bisect.bisect_left([{"k": 1}, {"k": 5}], 3, key=lambda d: d["k"]))
import random
random.seed(42)
print(random.random(), random.randint(1, 100), random.choice("abcdef"), random.uniform(1, 2), random.randrange(0, 100, 5))
l = list(range(10)); random.shuffle(l); print(l, random.sample(range(100), 5), random.choices("abc", weights=[1, 2, 3], k=6))
print(random.gauss(0, 1), random.normalvariate(5, 2), random.expovariate(1.5), random.getrandbits(40), random.triangular(0, 10, 3))
random.seed("hello"); print(random.random(), random.betavariate(2, 3), random.lognormvariate(0, 1), random.vonmisesvariate(1, 2), random.paretovariate(3), random.weibullvariate(1, 2), random.gammavariate(2, 1))
r = random.Random(7); print(r.random(), r.randbytes(4), r.choice([1, 2, 3]))
st = random.getstate(); x = random.random(); random.setstate(st); print(x == random.random())
random.seed(12345); print([random.randint(1, 6) for _ in range(10)], random.sample("abcdefgh", k=3), random.binomialvariate(10, 0.5) if hasattr(random, "binomialvariate") else "")
import string
t = string.Template("$who likes ${what}s, $$5")
print(t.substitute(who="tim", what="kung pao"), t.safe_substitute(who="x"), string.ascii_letters, string.digits, string.punctuation, string.hexdigits, string.octdigits, repr(string.whitespace))
try:
    t.substitute(who="x")
except KeyError as e:
    print("KeyError:", e)
print(string.capwords("hello   world  foo"), string.Formatter().format("{0}-{x}", 1, x=2), t.get_identifiers() if hasattr(t, "get_identifiers") else "", t.is_valid())
import textwrap
para = "The quick brown fox jumps over the lazy dog. " * 5
print(textwrap.fill(para, width=30)); print(textwrap.wrap(para, 40)[:2])
print(textwrap.dedent("""\
    line one
      indented
    line three
"""))
print(textwrap.indent("a\nb\n\nc", "> "), textwrap.shorten("Hello  world, this is a long text", width=20), textwrap.fill("abc def", width=5, initial_indent="* ", subsequent_indent="  "))
w = textwrap.TextWrapper(width=20, break_long_words=False, replace_whitespace=True); print(w.wrap("supercalifragilisticexpialidocious is long word"))
