def risky(x):
    if x:
        raise ValueError('bad')
    return 1


try:
    risky(1)
except ValueError as e:
    print('caught', e)
except (TypeError, KeyError):
    print('other')
else:
    print('fine')

try:
    risky(0)
except Exception:
    pass
finally:
    print('finally')

try:
    risky(1)
except:
    print('bare')
