import gc
print(gc.get_debug())
gc.set_debug(gc.DEBUG_SAVEALL)
print(gc.get_debug() == gc.DEBUG_SAVEALL)
class A: pass
a = A(); a.me = a
l = [1]; l.append(l)
aid, lid = id(a), id(l)
del a, l
n = gc.collect()
print(n >= 2, any(id(o) == aid for o in gc.garbage), any(id(o) == lid for o in gc.garbage))
print(len([o for o in gc.garbage if isinstance(o, (A, list))]))
gc.garbage.clear()
gc.set_debug(0)
x = []; x.append(x); del x
print(gc.collect(), gc.garbage)
gc.set_debug(True); print(gc.get_debug()); gc.set_debug(0)
for bad in ('x', 2**40, 1.5):
    try: gc.set_debug(bad)
    except Exception as e: print(type(e).__name__, e)
try: gc.get_debug(1)
except TypeError as e: print(e)
