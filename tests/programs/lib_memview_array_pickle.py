# array pickling: machine bytes from protocol 3, _array_reconstructor converting machine formats.
import array, pickle
for code in 'bBuhHiIlLqQfd':
    a = array.array(code, 'ab' if code == 'u' else [1, 2])
    for p in (0, 2, 4):
        b = pickle.loads(pickle.dumps(a, p))
        assert a == b and type(b) is array.array, (code, p)
print(array._array_reconstructor(array.array, 'i', 4, b'\x01\x00\xff\xff'))
print(array._array_reconstructor(array.array, 'u', 18, 'hi'.encode('utf-16-le')))
print(array._array_reconstructor(array.array, 'd', 15, b'?\xf8\x00\x00'))
