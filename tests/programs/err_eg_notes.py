# Notes on plain exceptions, a non-list __notes__, and a note ending in a newline.
class E(Exception):
    pass

def f():
    e = E("custom")
    e.add_note("one")
    e.add_note("two\n")
    e.add_note("three")
    raise e

try:
    f()
except E as e:
    err = ValueError("with odd notes")
    err.__notes__ = ("tuple note", 42)
    try:
        raise err
    except ValueError as v:
        w = TypeError("notes not a sequence")
        w.__notes__ = 17
        raise w from v
