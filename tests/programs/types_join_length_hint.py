# join reaches its items as PySequence_Fast does: a list filled from the
# argument's iterator, which is asked for its length hint first.
class Hinting:
    def __init__(self, items, hint):
        self.it = iter(items)
        self.hint = hint

    def __iter__(self):
        return self

    def __next__(self):
        return next(self.it)

    def __length_hint__(self):
        print("hint asked")
        if isinstance(self.hint, Exception):
            raise self.hint
        return self.hint


class Holder:
    def __init__(self, items, hint):
        self.items = items
        self.hint = hint

    def __iter__(self):
        return Hinting(self.items, self.hint)


for sep, items in [("-", ["a", "b", "c"]), (b"+", [b"x", b"y"]), (bytearray(b"/"), [b"1", b"22"])]:
    print(sep.join(Holder(items, 2)))
    try:
        sep.join(Holder(items, KeyError("from the hint")))
    except KeyError as e:
        print(type(sep).__name__, "KeyError", e)
    # A TypeError from the hint means "no hint".
    print(sep.join(Holder(items, TypeError("no hint"))))
    try:
        sep.join(Holder(items, -1))
    except ValueError as e:
        print("ValueError", e)

# The iterable itself is not asked, only its iterator.
class HintOnIterable:
    def __iter__(self):
        return iter(["p", "q"])

    def __length_hint__(self):
        raise RuntimeError("never")


print(",".join(HintOnIterable()))

for sep in ("", b"", bytearray()):
    for bad in (5, None):
        try:
            sep.join(bad)
        except TypeError as e:
            print(type(sep).__name__, e)


def gen():
    yield "a"
    raise LookupError("inside")


try:
    "".join(gen())
except LookupError as e:
    print("generator error passes through:", e)
