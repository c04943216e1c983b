# Cutting a traceback by assigning tb_next, then re-raising: the printed traceback follows the chain.
import sys
def a():
    b()
def b():
    c()
def c():
    raise ValueError("trim me")
try:
    a()
except ValueError as e:
    tb = e.__traceback__
    print(tb.tb_next.tb_frame.f_code.co_name)
    tb.tb_next.tb_next = None
    n = 0
    t = e.__traceback__
    while t:
        n += 1
        t = t.tb_next
    print(n)
    try:
        tb.tb_next = 5
    except TypeError as err:
        print("TypeError", err)
    try:
        tb.tb_next.tb_next = tb
    except ValueError as err:
        print("ValueError", err)
    saved = e
try:
    a()
except ValueError as e:
    e.__traceback__.tb_next = None
    other = e
print("raising")
raise saved
