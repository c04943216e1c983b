class MyError(Exception):
    def __init__(self, code, msg="bad"):
        super().__init__(msg)
        self.code = code
class SubError(MyError): pass
def risky(n):
    if n == 0: raise ValueError("zero")
    if n == 1: raise SubError(42, "sub")
    if n == 2: return 1 / 0
    if n == 3: return [][1]
    if n == 4: return {}["k"]
    if n == 5: return undefined_name
    if n == 6: return int("x")
    if n == 7: return None.attr
    if n == 8: return "a" + 1
    if n == 9: raise KeyboardInterrupt
    return n
for i in range(11):
    try:
        print("ok", risky(i))
    except MyError as e:
        print("MyError", e.code, e, repr(e), e.args)
    except (ZeroDivisionError, IndexError) as e:
        print(type(e).__name__, e)
    except KeyError as e:
        print("KeyError", e, repr(e))
    except Exception as e:
        print("Exception", type(e).__name__, e)
    except BaseException as e:
        print("Base", type(e).__name__)
    else:
        print("else")
    finally:
        print("finally", i)
def f():
    try:
        return "try"
    finally:
        print("cleanup")
print(f())
def g():
    try:
        raise ValueError("inner")
    except ValueError as e:
        raise RuntimeError("outer") from e
try:
    g()
except RuntimeError as e:
    print(e, repr(e.__cause__), e.__context__ is e.__cause__, e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise TypeError("during")
except TypeError as e:
    print(repr(e.__context__), e.__cause__)
def h():
    for i in range(3):
        try:
            if i == 1: continue
            print("body", i)
        finally:
            print("fin", i)
h()
try:
    raise ValueError
except ValueError as e:
    print(repr(e), str(e) == "", e.args)
e = Exception("a", 1)
print(str(e), repr(e), e.args)
print(repr(KeyError("k")), str(KeyError("k")), str(KeyError()))
try:
    assert 1 == 2, "math broke"
except AssertionError as e:
    print("assert:", e)
try:
    assert False
except AssertionError as e:
    print("assert2:", repr(e))
import sys
try:
    raise MyError(7)
except Exception:
    t, v, tb = sys.exc_info()
    print(t.__name__, v.code)
print(sys.exc_info())
try:
    raise StopIteration(5)
except StopIteration as e:
    print(e.value)
class Ctx:
    def __init__(self, name, swallow=False): self.name, self.swallow = name, swallow
    def __enter__(self): print("enter", self.name); return self
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev)
        return self.swallow
with Ctx("a") as c1, Ctx("b"):
    print("inside", c1.name)
with Ctx("c", True):
    raise ValueError("swallowed")
try:
    with Ctx("d"):
        raise KeyError("x")
except KeyError:
    print("propagated")
def nested():
    try:
        try:
            raise IndexError("deep")
        finally:
            print("inner finally")
    except IndexError as e:
        return f"caught {e}"
print(nested())
print(issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError), KeyError.__mro__)
try:
    int(None)
except TypeError as e:
    print(e)
try:
    [1, 2].index(3)
except ValueError as e:
    print(e)
try:
    x = 1; x()
except TypeError as e:
    print(e)
try:
    len(5)
except TypeError as e:
    print(e)
try:
    def kw(a, *, b): pass
    kw(1, 2)
except TypeError as e:
    print(e)
try:
    kw(1, c=3)
except TypeError as e:
    print(e)
try:
    kw()
except TypeError as e:
    print(e)
try:
    {}.pop("missing")
except KeyError as e:
    print("pop", e)
try:
    import nonexistent_mod
except ImportError as e:
    print(type(e).__name__, e)
