it = iter([1, 2])
print(it.__next__(), it.__iter__() is it, next(it))
try:
    it.__next__()
except StopIteration as e:
    print("stop", e.args)
def g(): yield 5
print(g().__next__())
