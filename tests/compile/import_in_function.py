def f():
    import json
    from os import path as p
    import collections.abc
    return json.dumps([1]), p.sep, collections.abc.Mapping


def g():
    global math
    import math
    return math.pi


print(f()[0], g())
