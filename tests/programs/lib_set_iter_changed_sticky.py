# A set iterator that saw its set change size keeps failing, even once the
# set is back to its old size; what is left reads as nothing.
from operator import length_hint

colors = {"red", "green", "blue", "cyan"}
walker = iter(colors)
next(walker)
colors.add("magenta")
print("hint after add:", length_hint(walker))
for attempt in range(2):
    try:
        next(walker)
    except RuntimeError as e:
        print("attempt", attempt, "->", e)
colors.discard("magenta")
print("hint after restore:", length_hint(walker))
try:
    next(walker)
except RuntimeError as e:
    print("after restore ->", e)
try:
    walker.__reduce__()
except RuntimeError as e:
    print("reduce ->", e)

# An untouched walk still ends with StopIteration, then stays ended.
small = {1, 2}
w = iter(small)
print(sorted([next(w), next(w)]))
for _ in range(2):
    try:
        next(w)
    except StopIteration:
        print("stopped")
print(length_hint(w))
