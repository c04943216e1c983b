# An exception that reaches the top level goes through sys.excepthook (with
# sys.last_* set first); when the hook itself raises, both are printed.
import sys

print(sys.excepthook is sys.__excepthook__)


def hook(exc_type, value, tb):
    print("hooked:", exc_type.__name__, value, tb.tb_lineno)
    print(sys.last_type is exc_type, sys.last_value is value, sys.last_traceback is tb)
    raise KeyError("from the hook")


sys.excepthook = hook


def fail():
    raise ValueError("uncaught")


fail()
