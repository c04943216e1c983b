# list += iterable extends in place (list's sq_inplace_concat), after both
# operands' number methods; other operands keep their TypeErrors.
l = [1]; l2 = l; l += "ab"; print(l, l is l2)
l += (3,); print(l)
l += {4: 0}; print(l)
l += iter([5]); print(l)
try:
    l += 1
except TypeError as e:
    print("TypeError:", e)
try:
    l += None
except TypeError as e:
    print("TypeError:", e)
class R:
    def __radd__(self, other): return "radd"
    def __iter__(self): return iter([9])
x = [0]; x += R(); print(x)
class It:
    def __iter__(self): return iter([7, 8])
y = [0]; y2 = y; y += It(); print(y, y is y2)
try:
    [] + "ab"
except TypeError as e:
    print("TypeError:", e)
