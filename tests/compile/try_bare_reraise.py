def f():
    try:
        raise KeyError('k')
    except KeyError:
        raise


def g():
    try:
        f()
    except Exception as e:
        return repr(e)


print(g())
