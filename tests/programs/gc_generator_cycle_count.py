import gc
def worker(box):
    try:
        yield 1
    finally:
        print("fin")
gc.collect()
box = []; g = worker(box); box.append(g); next(g)
del g, box
print(gc.collect())
print(gc.collect())
class A: pass
a = A(); a.a = a
del a
print(gc.collect())
