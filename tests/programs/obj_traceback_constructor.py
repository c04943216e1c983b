# types.TracebackType(tb_next, tb_frame, tb_lasti, tb_lineno), tb_next's
# setter and deleter, and a traceback made by Python code printed as the
# interpreter prints an uncaught exception.
import sys



def get_tb():
    try:
        1 / 0
    except ZeroDivisionError as e:
        return e.__traceback__


other = get_tb()
TracebackType = type(other)
frame = sys._getframe()

tb = TracebackType(other, frame, 4, 77)
print(tb.tb_next is other, tb.tb_frame is frame, tb.tb_lasti, tb.tb_lineno)
print(TracebackType(None, frame, -1, -5).tb_next, TracebackType(None, frame, -1, -5).tb_lasti)
kw = TracebackType(tb_next=None, tb_frame=frame, tb_lasti=True, tb_lineno=3)
print(kw.tb_lasti, kw.tb_lineno)

for args in [
    ("no", frame, 1, 2),
    (other, "no", 1, 2),
    (other, frame, "no", 2),
    (other, frame, 1, "nuh-uh"),
    ("no", "no", "no", 2),
    ("no", frame, 1, 2**40),
    (other, frame, 1),
    (other, frame, 1, 2, 3),
]:
    try:
        TracebackType(*args)
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)
try:
    TracebackType(None, frame, 1, 2, x=3)
except TypeError as e:
    print(e)

# tb_next: type checks, loops, deletion
t = get_tb()
for bad in ["asdf", 1]:
    try:
        t.tb_next = bad
    except TypeError as e:
        print(e)
for name in ["tb_next", "tb_lineno", "tb_frame", "nothing"]:
    try:
        delattr(t, name)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
try:
    t.tb_next = t
except ValueError as e:
    print(e)
outer = TracebackType(t, frame, 0, 1)
try:
    t.tb_next = outer
except ValueError as e:
    print(e)
t.tb_next = None
print(t.tb_next)
t.tb_next = tb
print(t.tb_next is tb, t.tb_next.tb_next is other)

# An exception carrying a made traceback keeps the objects it was given.
e = ValueError("x")
e.__traceback__ = tb
print(e.__traceback__ is tb)
try:
    raise e
except ValueError as err:
    print(err.__traceback__.tb_next is tb, err.__traceback__.tb_next.tb_lineno)

last = TracebackType(None, frame, 6, 3)
last.tb_next = tb
sys.stdout.flush()
raise ValueError("boom").with_traceback(last)
