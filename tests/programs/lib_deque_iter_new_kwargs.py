from collections import deque

# The deque iterator types can be called (as pickling does); their
# positional arguments are read and keywords are ignored.
fwd = type(iter(deque()))
rev = type(reversed(deque()))
d = deque("abcde")
for cls in (fwd, rev):
    print(cls.__name__, list(cls(d)), list(cls(d, 2)), list(cls(d, 9)))
    print(list(cls(d, index=3)), list(cls(d, 1, whatever=0)))
    for args in [(), (d, 1, 2), ([1, 2],), (d, "x")]:
        try:
            cls(*args)
        except TypeError as e:
            print("TypeError", e)
