import _heapq as hq
h = []
for x in [5, 3, 8, 1, 9, 2, 7]:
    hq.heappush(h, x)
print(h, [hq.heappop(h) for _ in range(7)])
data = [9, 4, 7, 1, 8, 2, 6, 3, 5, 0]
hq.heapify(data); print(data)
print(hq.heapreplace(data, 10), data, hq.heappushpop(data, -1), hq.heappushpop(data, 4), data)
m = [1, 5, 3, 9, 7]; hq._heapify_max(m); print(m, hq._heappop_max(m), m, hq._heapreplace_max(m, 0), m)
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
check(lambda: hq.heappop([]))
check(lambda: hq.heappush(1, 2))
check(lambda: hq.heapreplace([], 1))
check(lambda: hq.heappush([], 1, 2))
check(lambda: hq.heapify([1, 'a', 2]))
class Bad:
    def __init__(self, v, h): self.v = v; self.h = h
    def __lt__(self, o):
        self.h.clear()
        return True
h2 = []
h2.append(Bad(1, h2)); h2.append(Bad(0, h2))
check(lambda: hq.heapify(h2))
pairs = [(3, 'c'), (1, 'a'), (2, 'b')]; hq.heapify(pairs); print(hq.heappop(pairs), pairs, hq.heappushpop([], 5))
class L(list): pass
l = L([3, 1, 2]); hq.heapify(l); print(l)
