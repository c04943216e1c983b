try:
    raise ExceptionGroup('g', [ValueError(1), TypeError(2)])
except* ValueError as e:
    print('value', e.exceptions)
except* TypeError:
    print('type')
try:
    pass
except* KeyError:
    pass
else:
    print('else')
finally:
    print('finally')
