import contextlib


def risky(n):
    try:
        r = 1 / n
    except ZeroDivisionError as e:
        r = e
    except (TypeError, ValueError):
        raise
    else:
        r = r + 1
    finally:
        n = None
    return r


def nested():
    try:
        try:
            pass
        finally:
            print("inner")
    except Exception:
        raise RuntimeError("boom") from None


def groups():
    try:
        raise ExceptionGroup("g", [ValueError(1)])
    except* ValueError as eg:
        print(eg)
    except* TypeError:
        pass


def managed(path):
    with open(path) as f, contextlib.suppress(OSError):
        return f.read()


async def amanaged(cm):
    async with cm as v:
        return v
