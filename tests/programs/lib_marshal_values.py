import marshal

x = [1]
s = 'hel' + 'lo'
values = [
    None, True, False, 0, 1, -1, 255, 1000, -5, 2**31 - 1, -2**31, 2**31,
    2**40, -2**40, 2**63, 2**70, -2**100, 1.5, -0.0, float('inf'), 1e300,
    1j, complex(1.5, -2.5), 'abc', 'é', 'a' * 300, 'é' * 300, '', b'', b'xy',
    bytearray(b'ab'), (), (1, 2), ('a', 'a'), tuple(range(300)),
    [], [1, 2], {}, {'a': 1, 'b': [2, 3]}, {1}, set(), frozenset({3, 1, 2}),
    frozenset(), {3, 1, 2, 'b', 'a'}, StopIteration, ..., [x, x], [[1], [1]],
    s, [s, s], ['a' + str(1), 'a' + str(1)],
]
for v in values:
    data = marshal.dumps(v)
    back = marshal.loads(data)
    shown = sorted(back, key=repr) if isinstance(back, (set, frozenset)) else back
    print(repr(shown)[:40], data[:60], back == v or v is back)

for version in range(5):
    print(version, marshal.dumps((1.5, 'abc', 2**70, {4, 5}, 1j), version))

print(marshal.dumps(0.1, 1), marshal.dumps(1e300, 1), marshal.dumps(1e-7, 1))
l = []
l.append(l)
d = marshal.dumps(l)
print(d)
back = marshal.loads(d)
print(back[0] is back)
print(marshal.version)
print(marshal.loads(marshal.dumps(1) + b'trailing'))
print(marshal.dumps(memoryview(b'mv')), marshal.dumps([memoryview(b'a')]))
print(marshal.loads(marshal.dumps('\ud800x')) == '\ud800x')
