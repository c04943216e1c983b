# Native classes whose CPython types have no tp_new make no instances from
# Python; the others do.
import _struct
import itertools
import _collections
import _functools

g = itertools.groupby([1])
_, group = next(g)
kinds = [
    type(_struct.iter_unpack('b', b'x')),
    type(group),
    type(iter(_collections.deque())),
    type(_functools.cmp_to_key(lambda a, b: 0)(1)),
    type(itertools.tee([1])[0]),
    _struct.Struct,
]
for t in kinds:
    try:
        t()
        print(t.__name__, 'made')
    except TypeError as e:
        print(t.__name__, '|', e)
