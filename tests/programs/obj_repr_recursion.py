# A __repr__ that reprs itself without end: CPython counts each repr (and the
# builtin call that started it, and each container on the way) as a level of
# the recursion limit, so the message names where the limit was hit. (Each
# statement runs fewer times than CPython's specializer needs to warm up.)
import sys


class Node:
    def __init__(self):
        self.child = self

    def __repr__(self):
        return f"Node({self.child!r})"


class Lst:
    def __init__(self):
        self.items = [self]

    def __repr__(self):
        return "L" + repr(self.items)


def depth(n):
    try:
        return depth(n + 1)
    except RecursionError:
        return n


for lim in (100, 101, 102, 103, 1000):
    sys.setrecursionlimit(lim)
    try:
        repr(Node())
    except RecursionError as e:
        print(lim, "repr:", e, depth(0), sys.getrecursionlimit())
    try:
        print(Node())
    except RecursionError as e:
        print(lim, "print:", e)
    try:
        print([Node()])
    except RecursionError as e:
        print(lim, "print list:", e)
    print(repr(Lst()))


class Limit:
    def __repr__(self):
        return str(sys.getrecursionlimit())


print(repr(Limit()), [Limit()], sys.getrecursionlimit())
