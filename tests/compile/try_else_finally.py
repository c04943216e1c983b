def f(x):
    try:
        r = 10 / x
    except ZeroDivisionError:
        r = None
    else:
        r += 1
    finally:
        print('done', x)
    return r


print(f(2), f(0))
