# threading.local takes arguments only for an __init__ a subclass defines.
import threading

for args, kwargs in [((1,), {}), ((), {"a": 1}), ((), {})]:
    try:
        threading.local(*args, **kwargs)
        print("ok", args, kwargs)
    except TypeError as err:
        print("TypeError:", err)


class MyLocal(threading.local):
    def __init__(self, *args, **kwargs):
        self.args = args
        self.kwargs = kwargs


m = MyLocal(1, a=2)
print(m.args, m.kwargs)


class Plain(threading.local):
    pass


try:
    Plain(5)
except TypeError as err:
    print("TypeError:", err)
print(type(Plain()).__name__)
