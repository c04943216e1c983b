import gc

print(gc.isenabled(), gc.get_threshold())
gc.collect()

a = []
a.append(a)
del a
print("list cycle", gc.collect())

d = {}
d["self"] = d
del d
print("dict cycle", gc.collect())

x = []
y = [x]
x.append(y)
z = [x, [1, 2, 3]]
del x, y
print("kept alive", gc.collect())
del z
print("two lists and an extra", gc.collect())

def make_closure():
    def inner():
        return inner
    return inner

f = make_closure()
print(f() is f)
del f
print("closure freed", gc.collect() > 0)

keep = []
keep.append(keep)
print("reachable", gc.collect(), len(keep))

print(gc.collect(), gc.collect())

gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
gc.set_threshold(500)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
print(gc.is_tracked(1), gc.is_tracked("s"), gc.is_tracked([]), gc.is_tracked({}), gc.is_tracked({"a": 1}))
print(gc.is_tracked({"a": []}), gc.is_tracked(()), gc.is_tracked((1, [])), gc.is_tracked(set()))
print(type(gc.get_count()), len(gc.get_count()), type(gc.get_objects()), gc.garbage)

# Many cycles created and dropped: freed automatically, none left for collect().
for i in range(20000):
    n = [i]
    n.append(n)
del n
print("leftover", gc.collect() < 1000)
print(len(gc.get_stats()), sorted(gc.get_stats()[0]))
