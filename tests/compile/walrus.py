data = [1, 2, 3, 4]
if (n := len(data)) > 3:
    print(n)
while (x := data.pop()) > 2:
    print(x)
ys = [y for v in data if (y := v * 2) > 1]
print(ys, y)


def f():
    total = [z := i for i in range(3)]
    return z, total


print(f())
