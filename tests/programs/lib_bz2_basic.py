# bz2: one-shot and incremental compression at every level (the bytes are
# libbzip2's), BZ2Decompressor with max_length, needs_input, unused_data,
# multi-stream input, the errors, and BZ2File over a BytesIO.
import bz2
import io
import pickle
from _bz2 import BZ2Compressor, BZ2Decompressor

DATA = b''.join(b'line %d of some fairly repetitive text\n' % i for i in range(3000))
SMALL = [b'', b'a', b'hello world', bytes(range(256)), DATA]

for d in SMALL:
    for level in (1, 5, 9):
        c = bz2.compress(d, level)
        print(len(d), level, len(c), c[:10].hex(), c[-6:].hex(), bz2.decompress(c) == d)

# incremental compression gives the same bytes as one shot
comp = BZ2Compressor(9)
parts = [comp.compress(DATA[i:i + 1000]) for i in range(0, len(DATA), 1000)]
parts.append(comp.flush())
print([len(p) for p in parts if p], b''.join(parts) == bz2.compress(DATA))
try:
    comp.compress(b'x')
except ValueError as e:
    print('ValueError', e)
try:
    comp.flush()
except ValueError as e:
    print('ValueError', e)

# max_length bounds each output; b'' continues from kept input
c = bz2.compress(DATA)
d = BZ2Decompressor()
print(d.eof, d.needs_input, d.unused_data)
out = d.decompress(c[:500], 100)
print(len(out), d.needs_input, d.eof)
chunks = [out]
data = c[500:]
while not d.eof:
    piece = d.decompress(data, 4096)
    data = b''
    assert len(piece) <= 4096
    chunks.append(piece)
    if d.needs_input and not d.eof:
        break
print(len(chunks), b''.join(chunks) == DATA, d.eof, d.needs_input, d.unused_data)
try:
    d.decompress(b'more')
except EOFError as e:
    print('EOFError', e)

# max_length=0 makes nothing but keeps the input
d = BZ2Decompressor()
print(d.decompress(c, 0), d.needs_input)
print(len(d.decompress(b'')), d.eof)

# data after the end of the stream
d = BZ2Decompressor()
print(d.decompress(bz2.compress(b'abc') + b'trailing junk') , d.unused_data, d.eof, d.needs_input)
# byte at a time
d = BZ2Decompressor()
small = bz2.compress(b'xyz' * 50)
got = b''.join(d.decompress(small[i:i + 1]) for i in range(len(small)))
print(got == b'xyz' * 50, d.eof)

# multi-stream input and trailing zeros through the module function
print(bz2.decompress(bz2.compress(b'one') + bz2.compress(b'two')))
print(bz2.decompress(b''))

# errors
for bad in (b'not bz2 at all', b'BZh9' + b'\0' * 20):
    try:
        bz2.decompress(bad)
    except OSError as e:
        print(type(e).__name__, e)
try:
    bz2.decompress(bz2.compress(DATA)[:-10])
except ValueError as e:
    print(type(e).__name__, e)
for level in (0, 10, -1):
    try:
        BZ2Compressor(level)
    except ValueError as e:
        print('ValueError', e)
for call in (lambda: BZ2Compressor(1, 2), lambda: BZ2Compressor(compresslevel=3),
             lambda: BZ2Compressor(1.5), lambda: BZ2Decompressor(1),
             lambda: BZ2Compressor().compress(), lambda: BZ2Compressor().compress('text'),
             lambda: BZ2Compressor().flush(1), lambda: BZ2Decompressor().decompress(),
             lambda: BZ2Decompressor().decompress(b'', 1.5)):
    try:
        call()
    except TypeError as e:
        print('TypeError', e)
for obj in (BZ2Compressor(), BZ2Decompressor()):
    try:
        pickle.dumps(obj)
    except TypeError as e:
        print('TypeError', e)
print(BZ2Compressor.__module__, BZ2Decompressor.__name__, type(BZ2Decompressor().eof))

# BZ2File round trip
buf = io.BytesIO()
with bz2.BZ2File(buf, 'w', compresslevel=3) as f:
    f.write(DATA[:5000])
    f.write(memoryview(b'tail'))
raw = buf.getvalue()
print(len(raw), raw[:4])
with bz2.BZ2File(io.BytesIO(raw)) as f:
    print(f.read(10), len(f.read()), f.read())
with bz2.open(io.BytesIO(raw), 'rt', encoding='ascii') as f:
    print(repr(f.readline()), len(f.readlines()))
f = bz2.BZ2File(io.BytesIO(raw))
f.close()
try:
    with f:
        pass
except ValueError as e:
    print('ValueError', e)
