# Every pattern kind of the match statement.
import sys

RED = 0


class Color:
    RED = "red"
    GREEN = "green"


class NS:
    class Inner:
        X = 10


def literal(x):
    match x:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case -1:
            return "minus one"
        case 1.5:
            return "one and a half"
        case 2j:
            return "imag"
        case -3 + 4j:
            return "complex"
        case "hello":
            return "greeting"
        case b"bytes":
            return "bytes"
        case "a" "b":
            return "ab"
        case None:
            return "none"
        case True:
            return "true"
        case False:
            return "false"
        case _:
            return "other"


for v in [0, 1, 2, 3, -1, 1.5, 2j, -3 + 4j, "hello", b"bytes", "ab", None, True, False, 1.0, 0.0, 7, "x"]:
    print(repr(v), literal(v))


def value(x):
    match x:
        case Color.RED:
            return "is red"
        case Color.GREEN:
            return "is green"
        case NS.Inner.X:
            return "inner x"
        case sys.maxsize:
            return "maxsize"
    return "no value"


for v in ["red", "green", 10, sys.maxsize, "blue"]:
    print(repr(v), value(v))


def capture(x):
    match x:
        case (y):
            return ("group capture", y)


print(capture(5), capture([1]))


def seq(x):
    match x:
        case []:
            return "empty"
        case [a]:
            return ("one", a)
        case [a, b]:
            return ("two", a, b)
        case (a, b, c):
            return ("three", a, b, c)
        case [0, *rest]:
            return ("zero then", rest)
        case [*init, 9]:
            return ("ends in nine", init)
        case [a, *_, z]:
            return ("first last", a, z)
    return "no seq"


for v in [[], (), [1], (1,), [1, 2], "ab", (1, 2, 3), [0, 5, 6, 7], [5, 6, 7, 9], [1, 2, 3, 4], range(5),
          range(3), {1: 2}, "xyz", b"ab", bytearray(b"ab"), 5]:
    print(repr(v), seq(v))


def seq_star(x):
    match x:
        case [*a, b, c]:
            return (a, b, c)
        case [*rest]:
            return ("all", rest)


print(seq_star([1, 2, 3, 4]), seq_star([1]), seq_star(()))


def mapping(x):
    match x:
        case {"type": "point", "x": px, "y": py}:
            return ("point", px, py)
        case {"type": "circle", **rest}:
            return ("circle", rest)
        case {1: one, Color.RED: r}:
            return ("keys", one, r)
        case {}:
            return "any mapping"
    return "no mapping"


for v in [{"type": "point", "x": 1, "y": 2, "z": 3}, {"type": "circle", "r": 5, "c": (0, 0)},
          {1: "uno", "red": "rouge"}, {}, {"type": "other"}, [], "str", None]:
    print(repr(v), mapping(v))


def guards(x):
    match x:
        case int(n) if n < 0:
            return "negative"
        case int(n) if n == 0:
            return "zero"
        case int(n):
            return "positive"
        case [a, b] if a == b:
            return "pair"
        case [a, b]:
            return "unequal"
        case _:
            return "?"


for v in [-5, 0, 5, [1, 1], [1, 2], "s"]:
    print(repr(v), guards(v))


def as_pat(x):
    match x:
        case [1, 2] as whole:
            return ("whole", whole)
        case [(1 | 2) as first, *_]:
            return ("first", first)
        case {"k": [_, _] as pair}:
            return ("pair", pair)
        case (0 | 1) as bit:
            return ("bit", bit)
    return None


for v in [[1, 2], [2, 5, 6], {"k": (3, 4)}, 0, 1, 5]:
    print(repr(v), as_pat(v))


def orp(x):
    match x:
        case [1, y] | [y, 1]:
            return ("or seq", y)
        case {"a": y} | {"b": y}:
            return ("or map", y)
        case str() | bytes():
            return "text"
        case int() | float() as num:
            return ("num", num)


for v in [[1, 5], [5, 1], {"a": 1}, {"b": 2}, "s", b"b", 3, 2.5, None]:
    print(repr(v), orp(v))


def nested(x):
    match x:
        case {"items": [{"id": int(i), "tags": [*tags]}, *more]}:
            return (i, tags, len(more))
        case [[a, b], [c, d]]:
            return a + b + c + d
        case _:
            return "nope"


print(nested({"items": [{"id": 1, "tags": ["a", "b"]}, 2, 3]}))
print(nested({"items": [{"id": "1", "tags": ["a"]}]}))
print(nested([[1, 2], (3, 4)]))
print(nested([[1, 2], [3]]))

# match in module scope, capture binds globals
match [1, 2, 3]:
    case [first, *others]:
        print("module", first, others)
print(first, others)

# a capture stays bound after a failed later subpattern (CPython binds only on full success)
z = "unset"
match (1, 2):
    case (z, 3):
        pass
    case _:
        pass
print("z", z)

# no case matches
match 5:
    case 1:
        print("one")
print("after")

# subject evaluated once
def subj():
    print("subject evaluated")
    return [1, 2]


match subj():
    case [2, _]:
        print("no")
    case [1, _]:
        print("yes")
