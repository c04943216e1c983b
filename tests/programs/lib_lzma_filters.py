# lzma filter chains: raw streams through delta, BCJ and LZMA1/2 filters
# (A BCJ filter with start offset 0 has empty properties, which CPython 3.11
# cannot decode: its _decode_filter_properties crashes on them.)
# with options, filter properties, and the argument and filter-spec errors
# with CPython's messages.
import lzma
from _lzma import LZMACompressor, LZMADecompressor, _encode_filter_properties, _decode_filter_properties

DATA = b''.join(b'line %d of some fairly repetitive text\n' % i for i in range(2000))

CHAINS = [
    [{'id': lzma.FILTER_LZMA2}],
    [{'id': lzma.FILTER_LZMA2, 'preset': 1, 'dict_size': 1 << 16, 'lc': 2, 'lp': 1, 'pb': 1,
      'mode': lzma.MODE_FAST, 'nice_len': 32, 'mf': lzma.MF_HC4, 'depth': 8}],
    [{'id': lzma.FILTER_DELTA, 'dist': 4}, {'id': lzma.FILTER_LZMA2, 'preset': 9}],
    [{'id': lzma.FILTER_X86, 'start_offset': 16}, {'id': lzma.FILTER_LZMA2}],
    [{'id': lzma.FILTER_ARM}, {'id': lzma.FILTER_SPARC}, {'id': lzma.FILTER_DELTA},
     {'id': lzma.FILTER_LZMA2, 'mf': lzma.MF_BT2}],
    [{'id': lzma.FILTER_LZMA1, 'lc': 0, 'lp': 4, 'pb': 0}],
]
for chain in CHAINS:
    c = lzma.compress(DATA, format=lzma.FORMAT_RAW, filters=chain)
    back = lzma.decompress(c, format=lzma.FORMAT_RAW, filters=chain)
    x = lzma.compress(DATA, format=lzma.FORMAT_XZ, filters=chain) if chain[-1]['id'] == lzma.FILTER_LZMA2 else None
    print(len(chain), back == DATA, x is None or lzma.decompress(x) == DATA)
# a single LZMA1 filter makes an .lzma file
a = lzma.compress(DATA, format=lzma.FORMAT_ALONE, filters=[{'id': lzma.FILTER_LZMA1, 'preset': 3}])
print(a[:1], lzma.decompress(a) == DATA)

# incremental raw decompression with max_length
chain = CHAINS[2]
c = lzma.compress(DATA, format=lzma.FORMAT_RAW, filters=chain)
d = LZMADecompressor(lzma.FORMAT_RAW, filters=chain)
out = b''
pos = 0
while not d.eof:
    data = c[pos:pos + 300] if d.needs_input else b''
    pos += len(data)
    piece = d.decompress(data, 2000)
    assert len(piece) <= 2000
    out += piece
    if not data and d.needs_input and pos >= len(c):
        break
print(out == DATA)

# properties
for spec in ({'id': lzma.FILTER_LZMA1}, {'id': lzma.FILTER_LZMA1, 'preset': 0},
             {'id': lzma.FILTER_LZMA1, 'lc': 1, 'lp': 2, 'pb': 3, 'dict_size': 123456},
             {'id': lzma.FILTER_LZMA2}, {'id': lzma.FILTER_LZMA2, 'preset': 9},
             {'id': lzma.FILTER_LZMA2, 'dict_size': 12345}, {'id': lzma.FILTER_LZMA2, 'dict_size': 1},
             {'id': lzma.FILTER_LZMA2, 'dict_size': 3 << 20}, {'id': lzma.FILTER_LZMA2, 'dict_size': 0xFFFFFFFF},
             {'id': lzma.FILTER_DELTA}, {'id': lzma.FILTER_DELTA, 'dist': 256},
             {'id': lzma.FILTER_ARM, 'start_offset': 0x1000}):
    p = _encode_filter_properties(spec)
    print(p, _decode_filter_properties(spec['id'], p))
for fid, props in ((lzma.FILTER_LZMA1, b']\0\0\x80\0'), (lzma.FILTER_LZMA2, b'\x28'),
                   (lzma.FILTER_LZMA2, b'\x00'), (lzma.FILTER_DELTA, b'\xff'),
                   (lzma.FILTER_LZMA1, b''), (lzma.FILTER_LZMA2, b'\x29'), (lzma.FILTER_LZMA1, b'\xff\0\0\0\0'),
                   (lzma.FILTER_DELTA, b''), (lzma.FILTER_X86, b'\1\2'), (99, b'')):
    try:
        print(_decode_filter_properties(fid, props))
    except lzma.LZMAError as e:
        print('LZMAError', e)


def attempt(label, f):
    try:
        f()
        print(label, 'ok')
    except Exception as e:
        print(label, type(e).__name__, e)


attempt('preset str', lambda: LZMACompressor(preset='asdf'))
attempt('preset float', lambda: LZMACompressor(preset=4.39))
attempt('preset neg', lambda: LZMACompressor(preset=-1))
attempt('preset big', lambda: LZMACompressor(preset=2 ** 40))
attempt('preset 10', lambda: LZMACompressor(preset=10))
attempt('alone preset 10', lambda: LZMACompressor(format=lzma.FORMAT_ALONE, preset=10))
attempt('filters int', lambda: LZMACompressor(filters=3))
attempt('filters dict', lambda: LZMACompressor(filters={}))
attempt('spec int', lambda: LZMACompressor(filters=[5]))
attempt('no id', lambda: LZMACompressor(filters=[{'xyzzy': 3}]))
attempt('bad id', lambda: LZMACompressor(filters=[{'id': 98765}]))
attempt('str id', lambda: LZMACompressor(filters=[{'id': 'x'}]))
attempt('neg id', lambda: LZMACompressor(filters=[{'id': -1}]))
attempt('lzma foo', lambda: LZMACompressor(filters=[{'id': lzma.FILTER_LZMA2, 'foo': 0}]))
attempt('delta foo', lambda: LZMACompressor(filters=[{'id': lzma.FILTER_DELTA, 'foo': 0}]))
attempt('bcj foo', lambda: LZMACompressor(filters=[{'id': lzma.FILTER_X86, 'foo': 0}]))
attempt('lzma preset 10', lambda: LZMACompressor(filters=[{'id': lzma.FILTER_LZMA2, 'preset': 10}]))
attempt('dict_size neg', lambda: LZMACompressor(filters=[{'id': lzma.FILTER_LZMA2, 'dict_size': -1}]))
attempt('lc str', lambda: LZMACompressor(filters=[{'id': lzma.FILTER_LZMA2, 'lc': 'x'}]))
attempt('lc+lp', lambda: LZMACompressor(filters=[{'id': lzma.FILTER_LZMA2, 'lc': 4, 'lp': 4}]))
attempt('mode 7', lambda: LZMACompressor(filters=[{'id': lzma.FILTER_LZMA2, 'mode': 7}]))
attempt('mf 7', lambda: LZMACompressor(filters=[{'id': lzma.FILTER_LZMA2, 'mf': 7}]))
attempt('dist 0', lambda: LZMACompressor(filters=[{'id': lzma.FILTER_DELTA, 'dist': 0}]))
attempt('dist 300', lambda: LZMACompressor(filters=[{'id': lzma.FILTER_DELTA, 'dist': 300}]))
attempt('x86 alone', lambda: LZMACompressor(filters=[{'id': lzma.FILTER_X86}]))
attempt('too many', lambda: LZMACompressor(filters=[{'id': lzma.FILTER_LZMA2}] * 5))
attempt('raw empty', lambda: LZMACompressor(format=lzma.FORMAT_RAW, filters=[]))
attempt('raw delta', lambda: LZMACompressor(format=lzma.FORMAT_RAW, filters=[{'id': lzma.FILTER_DELTA}]))
attempt('raw none', lambda: LZMACompressor(format=lzma.FORMAT_RAW))
attempt('check str', lambda: LZMACompressor(check=''))
attempt('check 16', lambda: LZMACompressor(check=16))
attempt('check 2', lambda: LZMACompressor(check=2))
attempt('check -5', lambda: LZMACompressor(check=-5))
attempt('format auto', lambda: LZMACompressor(format=lzma.FORMAT_AUTO))
attempt('format float', lambda: LZMACompressor(format=3.45))
attempt('alone check', lambda: LZMACompressor(format=lzma.FORMAT_ALONE, check=1))
attempt('alone lzma2', lambda: LZMACompressor(format=lzma.FORMAT_ALONE, filters=[{'id': lzma.FILTER_LZMA2}]))
attempt('both', lambda: LZMACompressor(preset=7, filters=[{'id': lzma.FILTER_LZMA2}]))
attempt('list arg', lambda: LZMACompressor([]))
attempt('extra arg', lambda: LZMACompressor(1, -1, None, None, 5))
attempt('dec tuple', lambda: LZMADecompressor(()))
attempt('dec memlimit bytes', lambda: LZMADecompressor(memlimit=b'qw'))
attempt('dec memlimit neg', lambda: LZMADecompressor(memlimit=-1))
attempt('dec raw str', lambda: LZMADecompressor(lzma.FORMAT_RAW, filters='zzz'))
attempt('dec raw memlimit', lambda: LZMADecompressor(lzma.FORMAT_RAW, memlimit=5))
attempt('dec filters', lambda: LZMADecompressor(filters=[]))
attempt('dec format 9', lambda: LZMADecompressor(9))
attempt('dec raw none', lambda: LZMADecompressor(lzma.FORMAT_RAW))
attempt('dec bad data', lambda: LZMADecompressor().decompress(b'x' * 24))
attempt('dec no data', lambda: LZMADecompressor().decompress())
attempt('dec max bytes', lambda: LZMADecompressor().decompress(b'x', b'y'))
attempt('compress none', lambda: LZMACompressor().compress())
attempt('flush arg', lambda: LZMACompressor().flush(1))
attempt('check str', lambda: lzma.is_check_supported('x'))
attempt('encode 5', lambda: _encode_filter_properties(5))
attempt('encode 99', lambda: _encode_filter_properties({'id': 99}))
attempt('encode lc', lambda: _encode_filter_properties({'id': lzma.FILTER_LZMA1, 'lc': 5}))
attempt('decode args', lambda: _decode_filter_properties(1))
