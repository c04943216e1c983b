# Pattern methods convert pos and endpos (OverflowError) before checking the string.
import re, sys
p = re.compile('x')
for args in [(b"xxx", sys.maxsize + 1), ("xxx", sys.maxsize + 1), ("xxx", 1, -sys.maxsize - 5), (1, 2**70), (1, 0), ("xxx", 1), ("axx", -5, 2)]:
    try:
        print(p.match(*args))
    except Exception as e:
        print(type(e).__name__, e)
