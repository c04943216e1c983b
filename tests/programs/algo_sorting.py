def bubble(a):
    a = a[:]
    n = len(a)
    swaps = 0
    for i in range(n):
        swapped = False
        for j in range(n - 1 - i):
            if a[j] > a[j + 1]:
                a[j], a[j + 1] = a[j + 1], a[j]
                swapped = True
                swaps += 1
        if not swapped:
            break
    return a, swaps


def insertion(a):
    a = list(a)
    for i in range(1, len(a)):
        key = a[i]
        j = i - 1
        while j >= 0 and a[j] > key:
            a[j + 1] = a[j]
            j -= 1
        a[j + 1] = key
    return a


def merge_sort(a):
    if len(a) <= 1:
        return a
    mid = len(a) // 2
    l, r = merge_sort(a[:mid]), merge_sort(a[mid:])
    out = []
    i = j = 0
    while i < len(l) and j < len(r):
        if l[i] <= r[j]:
            out.append(l[i]); i += 1
        else:
            out.append(r[j]); j += 1
    out.extend(l[i:]); out.extend(r[j:])
    return out


def quick(a):
    if len(a) < 2:
        return a
    p, *rest = a
    return quick([x for x in rest if x < p]) + [p] + quick([x for x in rest if x >= p])


def selection(a):
    a = a.copy()
    for i in range(len(a)):
        m = min(range(i, len(a)), key=lambda k: a[k])
        a[i], a[m] = a[m], a[i]
    return a


def counting(a):
    if not a:
        return []
    lo, hi = min(a), max(a)
    counts = [0] * (hi - lo + 1)
    for x in a:
        counts[x - lo] += 1
    return [i + lo for i, c in enumerate(counts) for _ in range(c)]


def shell(a):
    a = a[:]
    gap = len(a) // 2
    while gap:
        for i in range(gap, len(a)):
            t, j = a[i], i
            while j >= gap and a[j - gap] > t:
                a[j] = a[j - gap]
                j -= gap
            a[j] = t
        gap //= 2
    return a


seed = 12345


def rand():
    global seed
    seed = (seed * 1103515245 + 12345) % 2 ** 31
    return seed


data = [rand() % 100 - 20 for _ in range(25)]
print("data:", data)
ref = sorted(data)
for fn in (insertion, merge_sort, quick, selection, counting, shell):
    r = fn(data)
    print(f"{fn.__name__:>10}: {r == ref} {r[:6]}")
b, swaps = bubble(data)
print("bubble", b == ref, swaps)
print(sorted(data, reverse=True)[:5], sorted(map(str, data))[:5], sorted(data, key=abs)[:6])
words = ["banana", "Apple", "cherry", "apple", "Banana", "date"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=lambda w: (len(w), w)))
words.sort(key=len, reverse=True)
print(words)
recs = [{"name": "x", "age": 30}, {"name": "y", "age": 25}, {"name": "z", "age": 30}]
print([r["name"] for r in sorted(recs, key=lambda r: r["age"])])
print(sorted([(1, "b"), (1, "a"), (0, "z")]), sorted([[3, 1], [2], [3, 0, 1]]), sorted([2.5, 1, True, -3]))
nums = [3, 1, 2]
print(nums.sort(), nums, sorted(nums) is nums, list(reversed(nums)))
print(sorted("Hello World"), "".join(sorted("dcba")), sorted(set("mississippi")), sorted({"b": 1, "a": 2}.items()))
try:
    sorted([1, None])
except TypeError as e:
    print(e)
try:
    [{"a": 1}, {"b": 2}].sort()
except TypeError as e:
    print(e)
m = [[5, 3, 1], [4, 2, 8]]
print([sorted(r) for r in m], sorted(m, key=sum), sorted(m, key=lambda r: r[1]))


def is_sorted(a):
    return all(a[i] <= a[i + 1] for i in range(len(a) - 1))


print(is_sorted(ref), is_sorted(data), is_sorted([]))
