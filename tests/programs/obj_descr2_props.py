p = property()
for a in ('fget', 'fset', 'fdel', '__isabstractmethod__'):
    try:
        setattr(p, a, 1); print(a, 'ok')
    except AttributeError as e:
        print(a, e)
    try:
        delattr(p, a); print(a, 'ok')
    except AttributeError as e:
        print(a, e)
s = staticmethod(len)
try:
    s.__func__ = 1
except AttributeError as e:
    print(e)
