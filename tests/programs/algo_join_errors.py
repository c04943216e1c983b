def gen():
    yield "a"
    raise KeyError("inside")
for f in (lambda: ",".join(gen()), lambda: ",".join(5), lambda: dict([(1, 2), gen()]), lambda: dict([(1, 2), 5]), lambda: dict([(1, 2), "abc"]), lambda: "".join(x for x in [1])):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
class Bad:
    def __iter__(self): raise ValueError("no iter")
for f in (lambda: "-".join(Bad()), lambda: dict([Bad()])):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
