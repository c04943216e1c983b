# Runtime errors of match statements, caught and printed.


class NoArgs:
    pass


class Two:
    __match_args__ = ("a", "b")
    a = 1
    b = 2


class ListArgs:
    __match_args__ = ["a"]


class IntArgs:
    __match_args__ = ("a", 1)
    a = 0


class StrSub(str):
    pass


class SubArgs:
    __match_args__ = (StrSub("a"),)
    a = 0


class TupleSub(tuple):
    pass


class TupleSubArgs:
    __match_args__ = TupleSub(("a",))
    a = 0


class Dup:
    __match_args__ = ("a", "a")
    a = 0


class K:
    KEY = "a"
    OTHER = "a"
    LIST = [1]


class GetRaises(dict):
    def get(self, key, default=None):
        raise RuntimeError(f"get {key!r}")


not_a_type = len


def attempt(label, f):
    try:
        f()
    except Exception as e:
        print(f"{label}: {type(e).__name__}: {e}")
    else:
        print(f"{label}: no error")


def no_args():
    match NoArgs():
        case NoArgs(x):
            pass


def too_many():
    match Two():
        case Two(x, y, z):
            pass


def self_match_two():
    match 5:
        case int(x, y):
            pass


def self_match_sub():
    match StrSub("s"):
        case StrSub(x, y, z):
            pass


def list_args():
    match ListArgs():
        case ListArgs(x):
            pass


def int_args():
    match IntArgs():
        case IntArgs(x, y):
            pass


def int_args_short():
    # Only the names used are checked.
    match IntArgs():
        case IntArgs(x):
            print("short ok", x)


def sub_args():
    match SubArgs():
        case SubArgs(x):
            pass


def tuple_sub_args():
    match TupleSubArgs():
        case TupleSubArgs(x):
            pass


def dup_args():
    match Dup():
        case Dup(x, y):
            pass


def pos_and_kw():
    match Two():
        case Two(x, a=y):
            pass


def not_type():
    match 1:
        case not_a_type():
            pass


def not_type_instance():
    match 1:
        case K.LIST():
            pass


def dup_key():
    match {"a": 1, "b": 2}:
        case {K.KEY: 1, K.OTHER: 2}:
            pass


def dup_key_literal_value():
    match {"a": 1, "b": 2}:
        case {"a": 1, K.KEY: 2}:
            pass


def unhashable_key():
    match {"a": 1}:
        case {K.LIST: 1}:
            pass


def get_raises():
    match GetRaises(a=1):
        case {"a": 1}:
            pass


def not_type_no_match():
    # The type check comes before the isinstance check.
    match "s":
        case not_a_type():
            pass


for f in [no_args, too_many, self_match_two, self_match_sub, list_args, int_args, int_args_short,
          sub_args, tuple_sub_args, dup_args, pos_and_kw, not_type, not_type_instance, dup_key,
          dup_key_literal_value, unhashable_key, get_raises, not_type_no_match]:
    attempt(f.__name__, f)

# A failing guard or sub-pattern never raises.
match {"a": 1}:
    case {"b": _}:
        print("no")
    case {"a": 2}:
        print("no")
    case {"a": x} if x > 5:
        print("no")
    case _:
        print("fell through")
