# Argument and attribute errors of groups, traceback and frame objects, sys._getframe.
import sys
for call in [lambda: sys._getframe(depth=1), lambda: sys._getframe(1, 2), lambda: sys._getframe(2**70), lambda: sys._getframe(True).f_code.co_name, lambda: sys._getframe(1.5)]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
e = ValueError()
for call in [lambda: e.with_traceback(5), lambda: e.with_traceback(), lambda: ExceptionGroup("x", [e]).split(), lambda: ExceptionGroup("x", [e]).derive(), lambda: ExceptionGroup("x",[e]).split(ValueError, 2)]:
    try:
        print(call())
    except Exception as err:
        print(type(err).__name__, err)
tb = None
try:
    raise ValueError
except ValueError as x:
    tb = x.__traceback__
for name in ["tb_frame", "tb_next", "tb_lineno", "bogus"]:
    try:
        print(name, type(getattr(tb, name)).__name__)
    except AttributeError as err:
        print("AttributeError", err)
print(type(tb).__name__, type(tb.tb_frame).__name__, type(tb).__module__ if hasattr(type(tb), "__module__") else None)
try:
    tb.tb_lineno = 5
except Exception as err:
    print(type(err).__name__, err)
e = ExceptionGroup("x", [ValueError()])
for call in [lambda: e.split(x=1), lambda: e.subgroup(), lambda: e.derive([ValueError()], x=1), lambda: e.derive(1, 2)]:
    try:
        print(call())
    except Exception as err:
        print(type(err).__name__, err)
try:
    raise ValueError
except ValueError as x:
    tb = x.__traceback__
f = sys._getframe()
for obj, name in [(tb, "tb_frame"), (tb, "foo"), (f, "f_lineno"), (f, "f_locals"), (f, "foo"), (f, "f_trace")]:
    try:
        setattr(obj, name, None)
        print("set", name)
    except Exception as err:
        print(type(err).__name__, err)
print(sys._getframe(-2**70).f_code.co_name if False else "")
try:
    sys._getframe(-2**40)
except Exception as err:
    print(type(err).__name__, err)
