# except*: matching, wrapping naked exceptions, re-raising, raising inside handlers.
import sys

def show(label, e):
    print(label, type(e).__name__, repr(e))

def run(f):
    try:
        f()
        print("no exception")
    except BaseException as e:
        show("escaped:", e)
        if isinstance(e, BaseExceptionGroup):
            for sub in e.exceptions:
                show("   sub:", sub)

def full_match():
    try:
        raise ExceptionGroup("eg", [ValueError(1), ValueError(2)])
    except* ValueError as e:
        show("handler:", e)
        print("exc_info is match:", sys.exc_info()[1] is e, sys.exception() is e)
run(full_match)

def partial():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), OSError(3)])
    except* ValueError as e:
        show("value:", e)
    except* TypeError as e:
        show("type:", e)
run(partial)

def naked():
    try:
        raise ValueError("naked")
    except* ValueError as e:
        show("wrapped:", e)
        print("message:", repr(e.message), "tb:", e.__traceback__)
run(naked)

def naked_unmatched():
    try:
        raise KeyError("k")
    except* ValueError:
        print("not reached")
run(naked_unmatched)

def naked_reraise():
    try:
        raise ValueError("naked")
    except* ValueError:
        raise
run(naked_reraise)

def reraise_part():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise
run(reraise_part)

def raise_new():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        raise KeyError("new") from None
run(raise_new)

def raise_new_and_reraise():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), OSError(3)])
    except* ValueError:
        raise KeyError("from value")
    except* TypeError:
        raise
run(raise_new_and_reraise)

def tuple_clause():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), OSError(3)])
    except* (ValueError, TypeError) as e:
        show("tuple:", e)
run(tuple_clause)

def nested_structure():
    try:
        raise ExceptionGroup("outer", [ValueError(1), ExceptionGroup("inner", [TypeError(2), ValueError(3)])])
    except* ValueError as e:
        show("values:", e)
run(nested_structure)

def star_eg():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ExceptionGroup:
        pass
run(star_eg)

def star_eg_tuple():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* (ValueError, BaseExceptionGroup):
        pass
run(star_eg_tuple)

def star_not_exception_class():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* int:
        pass
run(star_not_exception_class)

def base_group():
    try:
        raise BaseExceptionGroup("beg", [KeyboardInterrupt(), ValueError(1)])
    except* KeyboardInterrupt as e:
        show("kbd:", e)
run(base_group)

def with_else_finally():
    try:
        print("body")
    except* ValueError:
        print("no")
    else:
        print("else")
    finally:
        print("finally")
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError:
        print("handled")
    else:
        print("no else")
    finally:
        print("finally 2")
run(with_else_finally)

def in_loop():
    for i in range(3):
        try:
            raise ExceptionGroup("loop", [ValueError(i)] * (i + 1))
        except* ValueError as e:
            print(i, len(e.exceptions))
run(in_loop)

class MyEG(ExceptionGroup):
    def derive(self, excs):
        return MyEG(self.message + "!", excs)

def custom_derive():
    try:
        raise MyEG("mine", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        show("custom:", e)
run(custom_derive)

def context_in_handler():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError as e:
        try:
            raise KeyError("inner")
        except KeyError as k:
            print("context is match:", k.__context__ is e)
run(context_in_handler)

def exc_info_restored():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError:
        pass
    print("after:", sys.exc_info())
run(exc_info_restored)
