# Closing a generator that delegates (`yield from`) to an object whose
# attribute lookup fails: the lookup error of `close` is unraisable and the
# generator still closes; send/throw propagate their errors.
import sys


def hook(args):
    print("unraisable:", args.exc_type.__name__, args.object)


sys.unraisablehook = hook


class Broken:
    def __iter__(self):
        return self

    def __next__(self):
        return 1

    def __getattr__(self, attr):
        raise LookupError(attr)

    def __repr__(self):
        return "<Broken>"


def g():
    try:
        yield from Broken()
    finally:
        print("g finally")


for action in ("send", "throw", "close"):
    gi = g()
    next(gi)
    try:
        if action == "send":
            gi.send(1)
        elif action == "throw":
            gi.throw(ValueError)
        else:
            print("close returned", gi.close())
    except Exception as e:
        print(action, "raised", repr(e))
    print(action, "running?", gi.gi_running, "frame?", gi.gi_frame is not None)


class NoClose:
    def __iter__(self):
        return self

    def __next__(self):
        return 2


def h():
    yield from NoClose()


hi = h()
next(hi)
print("no close attribute:", hi.close())
