# Automatic collections by generation: cycles dropped young are found
# without gc.collect(), cycles that span generations too, and an explicit
# collection still finds everything; thresholds turn the automatic ones off.
import gc
import weakref


class Node:
    def __init__(self, i):
        self.i = i
        self.next = None


def ring(n):
    head = Node(0)
    cur = head
    for i in range(1, n):
        cur.next = Node(i)
        cur = cur.next
    cur.next = head
    return head


gc.collect()
freed = []
r = ring(5)
w = weakref.ref(r, lambda _: freed.append(True))
del r
# Only allocations, no explicit collection: a young collection frees it.
junk = [[] for _ in range(5000)]
del junk
print("young cycle freed:", freed == [True])

# Rings whose nodes were made across several young collections.
for _ in range(30):
    ring(2000)
print("left for gc.collect():", gc.collect() < 60000)

gc.set_threshold(0)
for _ in range(10):
    ring(100)
print("threshold 0:", gc.collect())
gc.set_threshold(700, 10, 10)
print(gc.get_threshold())

stats = gc.get_stats()
print(len(stats), sorted(stats[0]), stats[2]["collections"] > 0)

# Objects that stay referenced survive every generation.
keep = [ring(50) for _ in range(100)]
for _ in range(20):
    ring(700)
gc.collect()
print(all(k.next.next is not None for k in keep), sum(1 for k in keep if k.i == 0))
