def f():
    try:
        {}['k']
    except KeyError:
        raise ValueError('clean') from None


try:
    f()
except ValueError as e:
    print(e, e.__cause__, e.__suppress_context__)
