# More match semantics: or-patterns binding several names, guards and their
# order of evaluation, captures in closures and generators, loops, and
# sequences and mappings that are not plain lists and dicts.


def swap(x):
    match x:
        case [a, b, 0] | [b, 0, a] | [0, a, b]:
            return (a, b)
        case {"x": a, "y": b} | {"pos": (a, b)} | (a, b, _, _):
            return ("pair", a, b)
    return None


for v in [[1, 2, 0], [1, 0, 2], [0, 1, 2], {"x": 1, "y": 2}, {"pos": (3, 4)}, (5, 6, 7, 8), [9]]:
    print(v, swap(v))


def guard_order(x):
    def check(label, result):
        print("  guard", label)
        return result

    match x:
        case [a, *_] if check("first", a > 10):
            return "big first"
        case [_, b, *_] if check("second", b > 10):
            return "big second"
        case [*_] if check("any", True):
            return "any list"


for v in [[20, 1], [1, 20], [1, 2], []]:
    print(v, guard_order(v))


# Captures land in cells when a closure uses them.
def make(x):
    match x:
        case (name, value):
            def show():
                return f"{name}={value}"
            return show
    return lambda: "nothing"


print(make(("a", 1))(), make(5)())


def gen(items):
    for item in items:
        match item:
            case int(n) if n % 2 == 0:
                yield ("even", n)
            case int(n):
                yield ("odd", n)
            case "stop":
                return
            case _:
                continue


print(list(gen([1, 2, "x", 3, "stop", 4])))

# match inside loops with break and continue.
total = 0
for item in [1, [2, 3], {"v": 4}, "skip", None, 100]:
    match item:
        case None:
            break
        case int(n):
            total += n
        case [x, y]:
            total += x * y
        case {"v": v}:
            total += v
        case str():
            continue
    print("running total", total)
print("total", total)


# Value patterns compare with ==, singletons with is.
class AlwaysEqual:
    def __eq__(self, other):
        print("  __eq__ called with", other)
        return True


class Consts:
    ANY = AlwaysEqual()


match 12345:
    case Consts.ANY:
        print("AlwaysEqual matched")

for v in [1, 1.0, True, 0, False, None, 0.0]:
    match v:
        case True:
            r = "is True"
        case False:
            r = "is False"
        case None:
            r = "is None"
        case 1:
            r = "== 1"
        case 0:
            r = "== 0"
    print(repr(v), r)


# Mapping lookups go through get() for dict subclasses, never __missing__.
class Missing(dict):
    def __missing__(self, key):
        print("  __missing__", key)
        return 0


class LoudGet(dict):
    def get(self, key, default=None):
        print("  get", key)
        return super().get(key, default)


match Missing(a=1):
    case {"b": _}:
        print("no")
    case {"a": a}:
        print("Missing dict", a)

match LoudGet(a=1, b=2):
    case {"a": 1, "c": _}:
        print("no")
    case {"b": b, **rest}:
        print("LoudGet", b, rest)

# Keys are looked up by hash and equality: 1, 1.0 and True are one key.
match {1: "one", None: "none", (1, 2): "tuple"}:
    case {1.0: x, None: y}:
        print("keys", x, y)

match {True: "t"}:
    case {1: v}:
        print("True key found by 1:", v)


# A tuple subclass is a sequence; so are ranges.
class Pair(tuple):
    pass


match Pair((1, 2)):
    case (a, b):
        print("Pair", a, b)

match range(10):
    case [0, 1, *middle, 9]:
        print("range middle", middle)

# A star in the middle with a wildcard only indexes; a named star slices.
match list(range(20)):
    case [first, *_, last]:
        print("first/last", first, last)

match tuple(range(6)):
    case (a, *mid, b, c):
        print(a, mid, b, c)

# Strings and bytes never match sequence patterns, but do match value patterns.
for v in ["ab", b"ab", bytearray(b"ab"), ["a", "b"]]:
    match v:
        case [x, y]:
            print("sequence", repr(v))
        case "ab" | b"ab":
            print("literal", repr(v))
        case _:
            print("neither", repr(v))

# Subjects that are tuples written without parentheses.
match 1, 2:
    case (1, x):
        print("tuple subject", x)

match *[1, 2], 3:
    case [*init, 3]:
        print("starred subject", init)

# Walrus in the subject and a guard.
if True:
    match (n := 5):
        case int() if (m := n * 2) > 5:
            print("walrus", n, m)

# Nested match statements.
for a, b in [(1, "x"), (2, "y"), (1, "z")]:
    match a:
        case 1:
            match b:
                case "x":
                    print("1x")
                case _:
                    print("1 other", b)
        case _:
            print("other", a, b)


# Names bound by a case that fails are not bound; a later case rebinds.
def partial(v):
    match v:
        case [x, 1]:
            pass
        case [y, 2]:
            pass
    return sorted(k for k in locals() if k != "v")


print(partial([0, 1]), partial([0, 2]), partial([0, 3]))
