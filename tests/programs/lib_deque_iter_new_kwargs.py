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

# A deque iterator's length hint is its own count of what is left, whatever
# the deque did since; once a mutation is seen the count is spent. The
# reverse iterator looks at its count before the deque.
from operator import length_hint

for make in (iter, reversed):
    d = deque(range(6))
    it = make(d)
    print(next(it), length_hint(it))
    d.pop()
    print("after pop", length_hint(it))
    for _ in range(2):
        try:
            print(next(it))
        except RuntimeError as e:
            print("RuntimeError", e, length_hint(it))
        except StopIteration:
            print("StopIteration", length_hint(it))
        d.append(7)
    it = make(deque("xyz"))
    print(list(it), length_hint(it))
    print(length_hint(fwd(deque("abcd"), 3)), length_hint(rev(deque("abcd"), 1)))
