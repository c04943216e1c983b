# Walking a 15000-entry traceback and its frames (no Rust recursion on building or freeing them).
import sys
sys.setrecursionlimit(20000)
def r(n):
    if n == 0:
        raise ValueError("bottom")
    return r(n - 1)
try:
    r(15000)
except ValueError as e:
    tb = e.__traceback__
    n = 0
    names = set()
    while tb is not None:
        names.add(tb.tb_frame.f_code.co_name)
        if tb.tb_next is None:
            last = tb.tb_frame
        tb = tb.tb_next
        n += 1
    print(n, sorted(names))
    k = 0
    f = last
    while f is not None:
        k += 1
        f = f.f_back
    print(k)
