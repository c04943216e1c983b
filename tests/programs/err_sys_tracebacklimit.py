# sys.tracebacklimit keeps the innermost entries of an uncaught traceback.
import sys


def f1():
    1 / 0


def f2():
    f1()


def f3():
    f2()


sys.tracebacklimit = 2
f3()
