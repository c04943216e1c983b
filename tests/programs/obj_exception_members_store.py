# StopIteration.value and SystemExit.code are members: a store replaces
# what was taken from args (and the args stay), and the interpreter uses the
# stored value (a generator's return through yield from, the exit status).
e = StopIteration()
print(repr(e.value), e.args)
e = StopIteration("spam")
print(e, e.value, e.args)
e.value = "eggs"
print(e, e.value, e.args)

s = SystemExit(3)
s.code = 5
print(s.code, s.args)


class It:
    def __iter__(self):
        return self

    def __next__(self):
        stop = StopIteration("from args")
        stop.value = "from member"
        raise stop


def deleg():
    result = yield from It()
    print("yield from gave", result)


print(list(deleg()))

try:
    raise SystemExit("message")
except SystemExit as ex:
    ex.code = None
    print("code now", ex.code, ex.args)

ex = SystemExit(1)
ex.code = 0
raise ex
