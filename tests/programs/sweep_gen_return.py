def g1():
    try:
        yield 1
        return "ret"
    finally:
        pass
def g2():
    try:
        yield 1
        return "ret2"
    finally:
        print("fin")
def g3():
    yield 1
    return "plain"
for g in (g1, g2, g3):
    it = g(); next(it)
    try:
        next(it)
    except StopIteration as e:
        print(repr(e.value))
def f():
    try:
        return "fret"
    finally:
        print("ffin")
print(f())
