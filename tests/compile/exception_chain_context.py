def f():
    try:
        raise KeyError('a')
    except KeyError:
        try:
            raise IndexError('b')
        except IndexError as e:
            return type(e.__context__).__name__


print(f())
