# lzma: round trips in the xz, alone and raw formats at several presets and
# checks, LZMADecompressor with max_length, needs_input, unused_data and
# check, multi-stream input, the module constants and LZMAFile.
import io
import lzma
import pickle
from _lzma import LZMACompressor, LZMADecompressor

DATA = b''.join(b'line %d of some fairly repetitive text\n' % i for i in range(3000))
SMALL = [b'', b'a', b'hello world', bytes(range(256)), DATA]

print(lzma.FORMAT_AUTO, lzma.FORMAT_XZ, lzma.FORMAT_ALONE, lzma.FORMAT_RAW)
print(lzma.CHECK_NONE, lzma.CHECK_CRC32, lzma.CHECK_CRC64, lzma.CHECK_SHA256,
      lzma.CHECK_ID_MAX, lzma.CHECK_UNKNOWN)
print(lzma.FILTER_LZMA1, lzma.FILTER_LZMA2, lzma.FILTER_DELTA, lzma.FILTER_X86,
      lzma.FILTER_POWERPC, lzma.FILTER_IA64, lzma.FILTER_ARM, lzma.FILTER_ARMTHUMB,
      lzma.FILTER_SPARC)
print(lzma.MF_HC3, lzma.MF_HC4, lzma.MF_BT2, lzma.MF_BT3, lzma.MF_BT4,
      lzma.MODE_FAST, lzma.MODE_NORMAL, lzma.PRESET_DEFAULT, lzma.PRESET_EXTREME)
print([lzma.is_check_supported(i) for i in range(17)])
print(lzma.LZMAError.__module__, lzma.LZMAError.__name__, issubclass(lzma.LZMAError, Exception))

for d in SMALL:
    for preset in (0, 6, 9 | lzma.PRESET_EXTREME):
        c = lzma.compress(d, preset=preset)
        a = lzma.compress(d, format=lzma.FORMAT_ALONE, preset=preset)
        print(len(d), preset, c[:6], a[:1], lzma.decompress(c) == d, lzma.decompress(a) == d)

for check in (lzma.CHECK_NONE, lzma.CHECK_CRC32, lzma.CHECK_CRC64, lzma.CHECK_SHA256):
    c = lzma.compress(DATA, check=check)
    d = LZMADecompressor()
    print(check, d.check, d.decompress(c) == DATA, d.check, d.eof, d.needs_input)
d = LZMADecompressor()
d.decompress(lzma.compress(b'x', format=lzma.FORMAT_ALONE))
print('alone check', d.check, d.eof)
print('raw check', LZMADecompressor(lzma.FORMAT_RAW, filters=[{'id': lzma.FILTER_LZMA2}]).check)
print('xz check before', LZMADecompressor(lzma.FORMAT_XZ).check)

# incremental compression
comp = LZMACompressor()
parts = [comp.compress(DATA[i:i + 5000]) for i in range(0, len(DATA), 5000)]
parts.append(comp.flush())
print(lzma.decompress(b''.join(parts)) == DATA)
try:
    comp.compress(b'x')
except ValueError as e:
    print('ValueError', e)
try:
    comp.flush()
except ValueError as e:
    print('ValueError', e)

# max_length bounds each output
c = lzma.compress(DATA)
d = LZMADecompressor()
sizes = []
out = []
data = c
while not d.eof:
    piece = d.decompress(data, 10000)
    data = b''
    sizes.append(len(piece))
    out.append(piece)
print(sizes, b''.join(out) == DATA, d.needs_input)
d = LZMADecompressor()
print(d.decompress(c, 0), d.needs_input, len(d.decompress(b'')), d.eof)
# partial input: needs_input turns True when the output has room
d = LZMADecompressor()
first = d.decompress(c[:100])
print(len(first) <= len(DATA), d.needs_input, d.eof)
rest = d.decompress(c[100:])
print((first + rest) == DATA, d.eof)

# data after the end of the stream, and after it is reached
d = LZMADecompressor()
print(d.decompress(lzma.compress(b'abc') + b'junk'), d.unused_data, d.eof)
try:
    d.decompress(b'x')
except EOFError as e:
    print('EOFError', e)
print(lzma.decompress(lzma.compress(b'one') + lzma.compress(b'two')))
print(lzma.decompress(lzma.compress(b'one') + b'\0' * 8 + lzma.compress(b'two')))

# memory limit
try:
    LZMADecompressor(memlimit=1024).decompress(lzma.compress(DATA))
except lzma.LZMAError as e:
    print('LZMAError', e)
for bad in (b'not lzma data at all, not at all', lzma.compress(DATA)[:50]):
    try:
        lzma.decompress(bad)
    except lzma.LZMAError as e:
        print('LZMAError', e)
for obj in (LZMACompressor(), LZMADecompressor()):
    try:
        pickle.dumps(obj)
    except TypeError as e:
        print('TypeError', e)

# LZMAFile
buf = io.BytesIO()
with lzma.LZMAFile(buf, 'w', preset=1) as f:
    f.write(DATA[:3000])
    f.write(bytearray(b'tail'))
raw = buf.getvalue()
print(raw[:6], lzma.decompress(raw) == DATA[:3000] + b'tail')
with lzma.LZMAFile(io.BytesIO(raw + raw)) as f:
    print(f.read(12), len(f.read()), f.read())
with lzma.open(io.BytesIO(raw), 'rt', encoding='ascii') as f:
    print(repr(f.readline()), len(f.readlines()))
