# A group raised while handling another exception, a naked except* re-raise,
# and a BaseExceptionGroup.
try:
    raise RuntimeError("first")
except RuntimeError:
    try:
        raise ValueError("naked")
    except* ValueError:
        raise BaseExceptionGroup("base", [KeyboardInterrupt(), ValueError("v")])
