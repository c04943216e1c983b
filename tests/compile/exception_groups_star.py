def f():
    try:
        raise ExceptionGroup('eg', [ValueError('v'), TypeError('t'), KeyError('k')])
    except* (ValueError, TypeError) as eg:
        print('got', len(eg.exceptions))
    except* KeyError:
        print('key')


f()
try:
    try:
        raise ExceptionGroup('x', [OSError('o')])
    except* ValueError:
        pass
except ExceptionGroup as e:
    print('propagated', e.exceptions)
