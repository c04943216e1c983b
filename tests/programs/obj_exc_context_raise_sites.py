# __context__ is set where an exception is raised, never again as it
# propagates out of a call; __exit__ gets the traceback; generators keep the
# exception they handle across yields; frame.clear().
import sys


def chain(e):
    out = []
    while e is not None:
        out.append(repr(e))
        e = e.__context__
    return " <- ".join(out)


class ExitReraises:
    def __init__(self, new):
        self.new = new

    def __enter__(self):
        return self

    def __exit__(self, typ, val, tb):
        print("exit got", typ.__name__, type(tb).__name__, tb.tb_frame is not None)
        try:
            raise self.new
        except BaseException:
            self.new.__context__ = KeyError("fixed")
            raise


try:
    with ExitReraises(IndexError("from exit")):
        1 / 0
except IndexError as e:
    print("exit context:", chain(e))


def explicit_none():
    try:
        raise IndexError
    except BaseException:
        exc = ValueError("mine")
        try:
            raise exc
        finally:
            exc.__context__ = None


try:
    explicit_none()
except ValueError as e:
    print("explicit none:", chain(e))


def reraise_with_fixed_context():
    try:
        raise KeyError(1)
    except KeyError:
        e = ValueError(2)
        try:
            fixed = TypeError(0)
            raise e
        except BaseException:
            e.__context__ = fixed
            raise


try:
    reraise_with_fixed_context()
except ValueError as e:
    print("bare raise keeps:", chain(e))


# A manual exit stack, as contextlib.ExitStack runs its callbacks.
def raiser(exc):
    def cb(*details):
        raise exc
    return cb


def run_stack(callbacks, details):
    frame_exc = sys.exc_info()[1]
    pending = False
    for cb in reversed(callbacks):
        try:
            if cb(*details):
                pending = False
                details = (None, None, None)
        except BaseException:
            new = sys.exc_info()
            e = new[1]
            while True:
                ctx = e.__context__
                if ctx is None or ctx is details[1]:
                    break
                if ctx is frame_exc:
                    e.__context__ = details[1]
                    break
                e = ctx
            pending = True
            details = new
    if pending:
        fixed = details[1].__context__
        try:
            raise details[1]
        except BaseException:
            details[1].__context__ = fixed
            raise


try:
    try:
        1 / 0
    except ZeroDivisionError:
        run_stack([raiser(IndexError("i")), raiser(KeyError("k")), raiser(AttributeError("a"))],
                  sys.exc_info())
except IndexError as e:
    print("stack:", chain(e))


# Throwing into a generator chains only to what the generator handles.
e1, e2, e3 = (Exception(i) for i in range(1, 4))


def finally_raises():
    try:
        yield
    finally:
        raise e3


gen = finally_raises()
next(gen)
try:
    raise e1
except BaseException:
    try:
        gen.throw(type(e2), e2, None)
    except BaseException as x:
        print("throw:", chain(x))


def delegating():
    def inner():
        yield
    try:
        raise KeyError("a")
    except Exception:
        yield from inner()


gen = delegating()
gen.send(None)
try:
    gen.throw(ValueError)
except ValueError as e:
    print("through yield from:", chain(e))


def keeps_handled():
    try:
        print("a", sys.exc_info()[0])
        yield
    except Exception as exc:
        print("b", sys.exc_info()[0].__name__, exc.__context__)
        yield
        print("c", sys.exc_info()[0].__name__)
        yield
        raise


g = keeps_handled()
next(g)
try:
    raise ValueError("v")
except Exception as exc:
    try:
        g.throw(exc)
    except Exception:
        pass
print("d", sys.exc_info())
next(g)
try:
    next(g)
except ValueError as e:
    print("e", repr(e), e.__context__)
print("f", sys.exc_info())


# throw() with a traceback
def catcher():
    try:
        yield
    except Exception as e:
        tb = e.__traceback__
        names = []
        while tb is not None:
            names.append(tb.tb_frame.f_code.co_name)
            tb = tb.tb_next
        print("thrown traceback:", names)
        yield


def fails():
    raise RuntimeError("x")


try:
    fails()
except RuntimeError as e:
    saved = e
g = catcher()
next(g)
g.throw(RuntimeError, saved, saved.__traceback__)
try:
    g.throw(RuntimeError, saved, "tb")
except TypeError as e:
    print(e)


# frame.clear()
def f():
    1 / 0


try:
    f()
except ZeroDivisionError as e:
    tb = e.__traceback__
    tb.tb_next.tb_frame.clear()
    print("cleared", tb.tb_next.tb_frame.f_locals)
    try:
        tb.tb_frame.clear()
    except RuntimeError as r:
        print(r)


def closes():
    try:
        yield sys._getframe()
    finally:
        print("generator closed by clear")


g = closes()
next(g)
g.gi_frame.clear()
print(g.gi_frame)


# raise ... from: a cause class is called, its errors propagate
class M(Exception):
    def __init__(self):
        raise RuntimeError("ctor")
try:
    raise IndexError from M
except RuntimeError as e:
    print("ctor error", e)
for c in (1, int, None, KeyError, KeyError(2)):
    try:
        raise IndexError from c
    except Exception as e:
        print(type(e).__name__, e, repr(e.__cause__))
class N(Exception):
    def __new__(cls):
        return 5
try:
    raise N
except TypeError as e:
    print(e)


# throw() into a finished generator restores the exception unchained.
def one():
    yield 1


done = one()
list(done)
try:
    raise KeyError("handled")
except KeyError:
    try:
        done.throw(ValueError)
    except ValueError as e:
        print("finished generator:", repr(e.__context__))


# throw(): an error making the exception from its class is thrown in instead
class E(Exception):
    def __new__(cls, *a):
        return cls
def g():
    yield
x = g(); next(x)
try:
    x.throw(E)
except TypeError as e:
    print(e)
try:
    next(x)
except StopIteration:
    print("finished")
class F(Exception):
    def __init__(self):
        raise KeyError('init')
def h():
    try:
        yield
    except KeyError as e:
        print("caught inside", repr(e))
        yield "after"
y = h(); next(y)
print(y.throw(F))
try:
    y.throw(ValueError(1), 2)
except TypeError as e:
    print(e)
try:
    y.throw(3)
except TypeError as e:
    print(e)
