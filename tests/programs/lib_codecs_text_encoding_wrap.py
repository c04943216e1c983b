import codecs, array
def show(f):
    try: r = f(); print(repr(r))
    except Exception as e:
        print(type(e).__name__, e, '|', repr(e.__cause__), e.__suppress_context__)
show(lambda: codecs.decode(b'abc', 'hex'))
show(lambda: b'abc'.decode('hex'))
show(lambda: 'x'.encode('base64'))
show(lambda: codecs.decode(b'xx', 'zlib'))
show(lambda: codecs.encode(b'xx', 'rot13'))
show(lambda: b'x'.decode('rot13'))
show(lambda: 'x'.encode('rot_13'))
show(lambda: codecs.decode(b'\xff', 'utf-8'))
show(lambda: codecs.readbuffer_encode(array.array('b', b'spam')))
def search(name):
    if name == 'aaa_8': return (1, 2, 3, 4)
    if name == 'boom':
        def enc(*a): raise RuntimeError('bad ' + repr(a[0]))
        def dec(*a): raise KeyError('k')
        return codecs.CodecInfo(enc, dec, name='boom')
    if name == 'slots':
        class E(ValueError):
            __slots__ = ('x',)
        def enc(*a): raise E('no wrap')
        class F(ValueError):
            def __init__(self, m): super().__init__(m)
        def dec(*a): raise F('no wrap either')
        return codecs.CodecInfo(enc, dec, name='slots')
    if name == 'args':
        def enc(*a): raise ValueError('a', 'b')
        def dec(*a):
            e = ValueError('attr'); e.extra = 1; raise e
        return codecs.CodecInfo(enc, dec, name='args')
codecs.register(search)
for n in ['aaa_8', 'AAA-8', 'AAA---8', 'AAA   8', 'aaa\xe9\u20ac-8', 'AAA.8', '-aaa-8-', 'a\xe9\u20ac-8']:
    try: print(repr(n), codecs.lookup(n))
    except LookupError as e: print(repr(n), e)
for n in ['boom', 'BOOM', 'slots', 'args']:
    show(lambda: 'x'.encode(n))
    show(lambda: codecs.encode('x', n))
    show(lambda: b'x'.decode(n))
    show(lambda: codecs.decode(b'x', n))
