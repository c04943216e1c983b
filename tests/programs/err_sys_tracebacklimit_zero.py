# sys.tracebacklimit = 0: only the exception line, no header.
import sys


def f():
    raise ValueError("no traceback")


sys.tracebacklimit = 0
f()
