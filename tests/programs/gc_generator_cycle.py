# A suspended generator that only a reference cycle keeps alive is closed
# by the cycle collector (PEP 442: finalized intact, then freed with the
# cycle), so its finally blocks and GeneratorExit handlers run.
import gc


def worker(box, name):
    try:
        yield 1
        yield 2
    finally:
        print("finally of", name, "sees", len(box), "item(s)")


def catcher(box):
    try:
        yield "a"
    except GeneratorExit:
        print("GeneratorExit caught")
        raise


gc.collect()
box = []
g = worker(box, "w1")
box.append(g)
print(next(g))
del g, box
print("before collect")
n = gc.collect()
print("collected something:", n > 0)

box = []
c = catcher(box)
box.append(c)
next(c)
del c, box
gc.collect()

# Not started or already finished: nothing to run.
box = []
g = worker(box, "never")
box.append(g)
del g, box
gc.collect()
box = []
g = worker(box, "done")
box.append(g)
print(list(g))
del g, box
gc.collect()


class Holder:
    pass


h = Holder()
h.gen = worker([h], "via instance")
next(h.gen)
del h
gc.collect()
print("end")
