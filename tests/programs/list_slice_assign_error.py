# Slice assignment of a non-iterable to a list.
a = [1, 2, 3]
for v in (5, 2.5, None, True):
    try:
        a[1:2] = v
    except TypeError as e:
        print(e)
a[1:2] = "xy"
print(a)
a[::2] = (0, 0)
print(a)
