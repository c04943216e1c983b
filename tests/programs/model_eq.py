class P:
    def __init__(s, v): s.v = v
    def __eq__(s, o): return isinstance(o, P) and s.v == o.v
    def __hash__(s): return hash(s.v)
    def __repr__(s): return f"P({s.v})"
l = [P(1), P(2), P(2)]
print(P(2) in l, l.index(P(2)), l.count(P(2)))
l.remove(P(1)); print(l)
print(P(2) in tuple(l), (P(2),).index(P(2)), (P(2),P(2)).count(P(2)))
d = {P(1): 'a'}; print(d[P(1)], P(1) in d, d.get(P(1)))
s = {P(1)}; print(P(1) in s); s.discard(P(1)); print(s)
print([P(1)] == [P(1)], (P(1),) == (P(1),), {P(1):1} == {P(1):1})
print(max([3,1,2]), sorted([P(1)], key=lambda p: p.v))
class N:
    def __eq__(s, o): print("eq called"); return False
n = N()
print(n in [n], [n].count(n), [n].index(n), [n] == [n])
print(1 in [1.0], 1.0 in {1}, True in {1: 2})
class Q:
    def __init__(s, v): s.v = v
    def __eq__(s, o):
        print("Q.eq", s.v, o)
        return s.v == o
print(3 in [Q(1), Q(3)], [Q(5)].count(5), (Q(1), Q(2)).index(2))
try:
    [Q(1)].index(9)
except ValueError as e:
    print(e)
try:
    (Q(1),).index(9)
except ValueError as e:
    print(e)
try:
    [Q(1)].remove(9)
except ValueError as e:
    print(e)
class R:
    def __repr__(s): return "R!"
try:
    [].index(R())
except ValueError as e:
    print(e)
print({1: Q(2)} == {1: 2}, {1: [Q(2)]} == {1: [2]}, [[Q(1)]] == [[1]])
print([Q(7)] in [[7]])
