# Traceback objects: tb_frame, tb_lineno, tb_next, tb_lasti; sys.exc_info; with_traceback.
import sys

def inner():
    raise ValueError("deep")

def middle():
    inner()

def walk(tb):
    out = []
    while tb is not None:
        f = tb.tb_frame
        out.append((f.f_code.co_name, tb.tb_lineno, type(tb.tb_lasti).__name__, tb.tb_lasti >= 0))
        tb = tb.tb_next
    return out

try:
    middle()
except ValueError as e:
    tb = e.__traceback__
    print(type(tb).__name__, type(tb.tb_frame).__name__)
    print(walk(tb))
    print(e.__traceback__ is tb)
    t, v, tb2 = sys.exc_info()
    print(t.__name__, v is e, tb2 is tb)
    print(tb.tb_frame.f_globals is globals(), tb.tb_frame.f_code.co_filename)
    print(tb.tb_frame.f_lineno, tb.tb_frame.f_code.co_name)
    print(repr(tb)[:22], repr(tb.tb_frame)[:10])
    saved = e

print(sys.exc_info())
print(walk(saved.__traceback__))

# with_traceback and assigning __traceback__.
e2 = KeyError("k")
print(e2.__traceback__)
r = e2.with_traceback(saved.__traceback__.tb_next)
print(r is e2, walk(e2.__traceback__))
e2.__traceback__ = None
print(e2.__traceback__)
try:
    e2.__traceback__ = 5
except TypeError as err:
    print("TypeError:", err)

def reraiser():
    try:
        middle()
    except ValueError as e:
        raise RuntimeError("again") from e

try:
    reraiser()
except RuntimeError as e:
    print(walk(e.__traceback__))
    print(walk(e.__cause__.__traceback__))

# A re-raise keeps the old entries and adds the new frame.
def keep():
    try:
        inner()
    except ValueError as e:
        raise e

try:
    keep()
except ValueError as e:
    print(walk(e.__traceback__))

# Exceptions raised inside a generator and a nested handler.
def gen():
    yield 1
    raise IndexError("gen")

try:
    for x in gen():
        pass
except IndexError as e:
    print(walk(e.__traceback__))
