# A keys or items view combined with a values view (either side) reads the
# values view as a plain iterable, as CPython's dictviews_and and friends do.
d = {1: 'a', 2: 'b', 3: 1}
print(sorted(d.keys() & d.values()))
print(sorted(map(repr, d.keys() | d.values())))
print(sorted(d.keys() - d.values()), sorted(map(repr, d.keys() ^ d.values())))
print(d.items() & d.values())
print(sorted(d.values() & d.keys()), sorted(d.values() - d.keys() if False else []))
print(sorted(map(repr, d.values() | d.keys())))
e = {('x', 1): 0}
print(e.items() & e.keys(), {('x', 1)} <= (e.keys() | e.values()))
try:
    d.keys() & 7
except TypeError as exc:
    print("TypeError:", exc)
try:
    d.values() & d.values()
except TypeError as exc:
    print("TypeError:", exc)
