# Argument errors of sum() and __import__() (Argument Clinic's order: the
# converters run before the function looks at the values).
tests = [
    lambda: sum(),
    lambda: sum(start=1),
    lambda: sum([], 1, 2),
    lambda: sum([], 1, start=2),
    lambda: sum([1, 2], start=10),
    lambda: __import__(None),
    lambda: __import__(1, None, None, None, 0),
    lambda: __import__(None, None, None, None, None),
    lambda: __import__("os", level=1.5),
    lambda: __import__("os", level=2**70),
    lambda: __import__("os", level=-1),
    lambda: __import__(),
]
for t in tests:
    try:
        print(t())
    except Exception as e:
        print(type(e).__name__, e)
