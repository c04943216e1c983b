def f(x):
    try:
        if x:
            return 'try'
    except ValueError as e:
        return str(e)
    finally:
        print('fin')
    return 'end'


def g():
    while True:
        try:
            return 1
        finally:
            break
    return 2


def h():
    try:
        raise KeyError
    except KeyError:
        return 'handled'
    finally:
        print('h fin')


print(f(1), f(0), g(), h())
