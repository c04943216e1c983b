# list.sort notices a list changed during the sort, also when the change was
# undone (an append then a pop) or made by a key's __del__.


def cmp_to_key(cmp):
    # functools.cmp_to_key, written out: this program imports no module.
    class K:
        def __init__(self, obj):
            self.obj = obj

        def __lt__(self, other):
            return cmp(self.obj, other.obj) < 0
    return K

L = [1, 2]


def append_pop(x, y):
    L.append(3)
    L.pop()
    return (x > y) - (x < y)


def append_clear(x, y):
    L.append(3)
    del L[:]
    return (x > y) - (x < y)


for cmp in (append_pop, append_clear):
    L = [1, 2]
    try:
        L.sort(key=cmp_to_key(cmp))
        print('sorted', L)
    except ValueError as e:
        print('ValueError', e, L)

data = list(range(10))


class SortKiller:
    def __init__(self, x):
        pass

    def __del__(self):
        del data[:]
        data[:] = range(20)

    def __lt__(self, other):
        return id(self) < id(other)


try:
    data.sort(key=SortKiller)
except ValueError as e:
    print('ValueError', e, len(data))

ok = [3, 1, 2]
ok.sort(key=lambda x: -x)
print(ok)
