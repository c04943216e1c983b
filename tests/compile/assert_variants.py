def check(x):
    assert x
    assert x > 0, 'must be positive'
    assert isinstance(x, int), f'bad type {type(x)}'
    assert not (x < 0)
    return x


print(check(3))
try:
    check(-1)
except AssertionError as e:
    print('assert', e)
