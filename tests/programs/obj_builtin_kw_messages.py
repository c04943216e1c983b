# The messages for keywords given to functions that take none, and exec's
# argument counts.
import itertools

calls = [
    lambda: itertools.tee([1], n=2),
    lambda: [].append(x=1),
    lambda: {}.get(k=1),
    lambda: exec("pass", locals={}),
    lambda: exec("pass", {}, {}, None),
    lambda: exec("pass", {}, {}, None, 1),
    lambda: exec(),
]
for call in calls:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
# A code object (no compiler needed) with closure=None.
exec((lambda: print("ran", x)).__code__, {"x": 1, "print": print}, closure=None)
