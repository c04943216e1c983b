import contextlib


@contextlib.contextmanager
def cm():
    yield 1


def f(items):
    for item in items:
        with cm() as c:
            if item > 1:
                return item + c
    return None


print(f([0, 1, 2]), f([]))
