# Class patterns on exceptions and builtins, a lone **rest, self-matching list and tuple.
class MyDict(dict):
    pass
for v in [{}, {"a": 1}, MyDict(b=2)]:
    match v:
        case {**rest}:
            print("rest", rest, type(rest).__name__, rest is v)
for e in [ValueError("bad", 2), KeyError("k"), TypeError()]:
    match e:
        case ValueError(args=(msg, code)):
            print("value error", msg, code)
        case KeyError(args=[key]):
            print("key error", key)
        case Exception(__class__=cls):
            print("other", cls.__name__)
match 5:
    case object(real=r, __class__=c):
        print(r, c)
match [1, 2]:
    case list((1, 2)):
        print("no: list binds itself then compares with tuple")
    case list([1, 2] as whole):
        print("list self", whole)
match (1, 2):
    case tuple((a, b)):
        print("tuple self", a, b)
match {"a": [1, {"b": (2, 3)}]}:
    case {"a": [1, {"b": (2, 3) | [2, 3] as pair}]}:
        print("pair", pair)
import sys
match sys.version_info:
    case (3, minor, *_):
        print("py3 minor >= 11:", minor >= 11)
match sys.version_info:
    case tuple((major, *_)):
        print("major", major)
