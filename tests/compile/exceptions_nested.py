def f():
    try:
        try:
            1 / 0
        except ZeroDivisionError as e:
            raise ValueError('wrapped') from e
        finally:
            print('inner finally')
    except ValueError as err:
        print('outer', err, type(err.__cause__).__name__)
    else:
        print('no error')
    finally:
        print('outer finally')


f()
