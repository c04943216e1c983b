# Loops: while/for with else, break, continue; iteration helpers.
i = 0
total = 0
while i < 100:
    i += 1
    if i % 2:
        continue
    total += i
print(total)
for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, end=" ")
print()
for i, ch in enumerate("abc", start=1):
    print(i, ch)
for a, b in zip([1, 2, 3], "xyz"):
    print(a, b)
print(list(range(5)), list(range(2, 10, 3)), list(range(10, 0, -3)), range(5), len(range(0, 10, 3)))
print(any([0, 0, 1]), all([1, 1, 0]), any([]), all([]), 3 in range(5), 7 in range(0, 10, 2))
it = iter([1, 2])
print(next(it), next(it), next(it, "done"))
n = 0
while True:
    n += 1
    if n > 5:
        break
else:
    print("not reached")
print(n)
acc = []
for x in [3, 1, 2]:
    acc.append(x * 10)
print(acc, sum(x for x in range(5)) if False else sum([x for x in range(5)]))
d = {"one": 1, "two": 2}
for key in d:
    print(key, d[key])
print(list(enumerate(["a", "b"])), list(zip(range(3), range(10, 13), "abc")), dict(zip("ab", [1, 2])))
