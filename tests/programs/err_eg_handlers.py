# except* inside except*, in generators and loops, and a handler that raises from a call.
import sys
def handler_raises():
    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        try:
            raise ExceptionGroup("nested", [KeyError(3), OSError(4)])
        except* KeyError:
            print("inner handled, exc_info:", repr(sys.exc_info()[1]))
        print("back in outer handler:", repr(sys.exc_info()[1]))
    except* TypeError as t:
        print("type handler", repr(t))
        def deep():
            raise LookupError("deep")
        deep()
    finally:
        print("finally")

def gen():
    try:
        yield 1
        raise ExceptionGroup("from gen", [ValueError("g")])
    except* ValueError as e:
        yield repr(e)

print(list(gen()))

def loop():
    out = []
    for i in range(3):
        try:
            if i == 1:
                raise ExceptionGroup("loop", [ValueError(i)])
            out.append(i)
        except* ValueError:
            out.append("caught")
    return out
print(loop())
handler_raises()
