# typing's C accelerator: `_idfunc` gives its argument back, and is what a
# NewType calls.
import _typing
import typing

print(_typing.__name__, repr(_typing.__doc__))
print(_typing._idfunc(5), _typing._idfunc("x"))
UserId = typing.NewType("UserId", int)
print(UserId(42), type(UserId(42)).__name__, UserId.__call__ is _typing._idfunc)
for args, kwargs in [((), {}), ((1, 2), {}), ((), {"x": 1})]:
    try:
        _typing._idfunc(*args, **kwargs)
    except TypeError as e:
        print("TypeError:", e)
