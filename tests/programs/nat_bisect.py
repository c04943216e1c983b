import _bisect as b
def check(f):
    try:
        print(repr(f()))
    except Exception as ex:
        print(type(ex).__name__, ex)
check(lambda: b.bisect_left([1, 2, 3], 2))
check(lambda: b.bisect_right([1, 2, 3], 2, -1))
check(lambda: b.bisect_left([1, 2], 1, 0, 5))
check(lambda: b.bisect_left(5, 1))
check(lambda: b.bisect_left([1, 2]))
check(lambda: b.bisect_right([(1, "a"), (2, "b")], 2, key=lambda p: p[0]))
check(lambda: b.bisect_left([1], 1, x=2))
check(lambda: b.bisect_left([1, 2, 3], 2, hi=None))
check(lambda: b.bisect_left([3, 1], "a"))
check(lambda: b.insort_left(5, 1))
check(lambda: [b.bisect_right([1, 2, 2, 2, 3], 2), b.bisect_left([1, 2, 2, 2, 3], 2), b.bisect_right([], 5), b.bisect_left('aceg', 'd')])
l = [1, 3]; b.insort_right(l, 2); b.insort_left(l, 2); b.insort_right(l, 0, key=None); print(l)
l = [(1, 'a')]; b.insort_right(l, (0, 'z'), key=lambda p: p[0]); print(l)
class L(list):
    def insert(self, i, x):
        print('insert', i, x)
        super().insert(i, x)
m = L([1, 5]); b.insort_left(m, 3); print(m)
