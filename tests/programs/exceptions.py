# Exceptions: handling, finally, chaining, messages.
def risky(kind):
    if kind == 0:
        return 1 / 0
    if kind == 1:
        return [][1]
    if kind == 2:
        return {}["k"]
    if kind == 3:
        return int("zz")
    if kind == 4:
        return undefined_name
    if kind == 5:
        return "a" + 1
    if kind == 6:
        return None.attr
    raise RuntimeError("custom", kind)

for k in range(8):
    try:
        risky(k)
    except (ZeroDivisionError, LookupError) as e:
        print("lookup/zero:", type(e).__name__, e, e.args)
    except Exception as e:
        print("other:", type(e).__name__, e, repr(e))
    else:
        print("no error")
    finally:
        print("finally", k)

def f():
    try:
        return "try"
    finally:
        print("cleanup runs")

print(f())
try:
    try:
        raise ValueError("inner")
    except ValueError as e:
        raise KeyError("outer") from e
except KeyError as e:
    print(repr(e), repr(e.__cause__), e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise TypeError("during")
except TypeError as e:
    print(repr(e.__context__), e.__cause__)
try:
    raise IndexError
except IndexError as e:
    print(repr(e), str(e) == "", isinstance(e, LookupError), isinstance(e, Exception))
def reraiser():
    try:
        raise ValueError("again")
    except ValueError:
        raise
try:
    reraiser()
except ValueError as e:
    print("reraised", e)
for i in range(3):
    try:
        if i == 1:
            continue
        print("body", i)
    finally:
        print("fin", i)
try:
    assert 1 == 2, "math is broken"
except AssertionError as e:
    print("assert:", e)
e = StopIteration(5)
print(e.value, e.args, KeyError("k"), str(KeyError("k")), ValueError(), ValueError(1, 2))
try:
    raise Exception("a", 1)
except BaseException as e:
    print(e, e.args)
