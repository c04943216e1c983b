# Recursion that passes through builtins and special methods reaches the
# recursion limit (not a lower cap of the interpreter's own) where CPython
# does, and a RecursionError leaves the interpreter usable.
import sys

depth = 0


class Lookup:
    def __getattr__(self, name):
        global depth
        depth += 1
        return self.missing


try:
    Lookup().x
except RecursionError as e:
    print("__getattr__", depth, e)


def via_map():
    global depth
    depth += 1
    return list(map(lambda x: via_map(), [1]))


depth = 0
try:
    via_map()
except RecursionError as e:
    print("map", depth, e)


def plain(n):
    return plain(n + 1)


try:
    plain(0)
except RecursionError as e:
    print("plain", e)

# Deep but finite recursion through builtins works under a raised limit.
sys.setrecursionlimit(5000)


def nested_sorted(n):
    if n == 0:
        return 0
    return sorted([n], key=lambda k: nested_sorted(n - 1))[0] + 1


print(nested_sorted(1500))


class Chain:
    def __init__(self, n):
        self.n = n

    def __eq__(self, other):
        if self.n == 0:
            return True
        return [Chain(self.n - 1)] == [Chain(other.n - 1)]


print(Chain(1200) == Chain(1200))
sys.setrecursionlimit(1000)
print(sys.getrecursionlimit(), "still running")
