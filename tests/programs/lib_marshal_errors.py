import marshal

for data in [b'', b'i\x01', b'0', b'r\x00\x00\x00\x00', b'Q', b'[\x01\x00\x00\x00',
             b'{i\x01\x00\x00\x00', b'l\x01\x00\x00\x00\x00\x80', b'(\x02\x00\x00\x00N']:
    try:
        marshal.loads(data)
    except Exception as e:
        print(type(e).__name__, e)

for bad in [object(), [1, object()], {'a': len}, print, type]:
    try:
        marshal.dumps(bad)
    except Exception as e:
        print(type(e).__name__, e)

for call in [lambda: marshal.dumps(), lambda: marshal.loads(), lambda: marshal.dump(1),
             lambda: marshal.load(), lambda: marshal.loads('str')]:
    try:
        call()
    except TypeError as e:
        print('TypeError', e)

class Sub(int):
    pass

try:
    marshal.dumps(Sub(3))
except ValueError as e:
    print('ValueError', e)
