# map, filter, zip, enumerate and reversed can be subclassed; keywords go
# to a subclass's __init__; reversed(list) gives the list's own iterator.
for cls, args in (
    (map, (str, [1, 2])),
    (filter, (None, [0, 1, 2])),
    (zip, ([1, 2], "ab")),
    (enumerate, ("ab",)),
    (reversed, ([1, 2, 3],)),
    (reversed, ((1, 2, 3),)),
):
    class Sub(cls):
        pass

    u = Sub(*args)
    print(cls.__name__, type(u) is Sub, isinstance(u, cls), list(u))
    u = Sub(*args)
    print(" ", next(u), iter(u) is u, u.__reduce__()[0] in (Sub, iter, reversed))
    try:
        Sub(*args, newarg=3)
    except TypeError as e:
        print(" ", e)

    class WithInit(cls):
        def __init__(self, *args, newarg=None):
            self.newarg = newarg

    try:
        u = WithInit(*args, newarg=3)
        print(" ", list(u), getattr(u, "newarg", "-"))
    except TypeError as e:
        print(" ", e)


class Doubler(map):
    def __next__(self):
        return 2 * super().__next__()


print(list(Doubler(abs, [-1, -2])))
e = enumerate("abc")
print(e.__reduce__()[1][1], list(e), e.__reduce__()[1][1])
