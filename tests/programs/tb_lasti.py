# f_lasti / tb_lasti offsets, frame identity, f_back of finished frames, ExceptionGroup bases.
import sys

def f():
    x = 1
    return 1 / 0

try:
    f()
except ZeroDivisionError as e:
    tb = e.__traceback__
    print(tb.tb_lasti, tb.tb_next.tb_lasti, tb.tb_lineno, tb.tb_next.tb_lineno)
    fr = tb.tb_next.tb_frame
    print(fr.f_lasti, fr.f_lineno, fr.f_back is tb.tb_frame, fr.f_back.f_code.co_name)
    print(sys._getframe().f_lasti)
    print(tb.tb_frame is sys._getframe(), sys._getframe() is sys._getframe(0))

def g():
    return sys._getframe()

def h():
    return g()

fr = h()
print(fr.f_code.co_name, fr.f_back.f_code.co_name, fr.f_back.f_back is sys._getframe())
print(sys._getframe().f_lasti, sys._getframe(0).f_lineno)

class C:
    a = 1
    print(sorted(sys._getframe().f_locals))
    print(sys._getframe().f_back.f_code.co_name)

print(ExceptionGroup.__bases__, BaseExceptionGroup.__bases__)
