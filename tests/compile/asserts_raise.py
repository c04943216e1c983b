x = 1
assert x == 1
assert x, 'message'
try:
    raise ValueError
except ValueError:
    pass
try:
    try:
        raise KeyError('k')
    except KeyError as e:
        raise RuntimeError('r') from e
except RuntimeError as err:
    print(type(err.__cause__).__name__)
