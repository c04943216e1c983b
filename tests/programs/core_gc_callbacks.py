# gc.callbacks are called by gc.collect() with ("start" / "stop", info).
import gc

seen = []


def cb(phase, info):
    seen.append((phase, sorted(info), info["generation"]))


gc.callbacks.append(cb)
print(type(gc.callbacks).__name__, len(gc.callbacks))
gc.collect()
gc.collect(1)
gc.callbacks.remove(cb)
gc.collect()
for s in seen:
    print(s)
