# An exception in a gc callback is reported as unraisable and the next
# callback still runs; gc.collect() returns normally.
import gc


class Loud:
    def __repr__(self):
        return "<Loud callback>"

    def __call__(self, phase, info):
        if phase == "start":
            raise ValueError("callback failed")


def quiet(phase, info):
    print("quiet", phase)


gc.callbacks.extend([Loud(), quiet])
print("collect ->", type(gc.collect()).__name__)
gc.callbacks.clear()
print("done")
