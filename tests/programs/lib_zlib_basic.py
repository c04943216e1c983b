# zlib: checksums, one-shot compress/decompress in every wbits form, the
# constants and the errors.
import zlib

DATA = b''.join(b'line %d of some fairly repetitive text\n' % i for i in range(300))
SMALL = [b'', b'a', b'hello world', bytes(range(256)), DATA]

print(zlib.MAX_WBITS, zlib.DEFLATED, zlib.DEF_MEM_LEVEL, zlib.DEF_BUF_SIZE)
print(zlib.Z_NO_COMPRESSION, zlib.Z_BEST_SPEED, zlib.Z_BEST_COMPRESSION, zlib.Z_DEFAULT_COMPRESSION)
print(zlib.Z_FILTERED, zlib.Z_HUFFMAN_ONLY, zlib.Z_RLE, zlib.Z_FIXED, zlib.Z_DEFAULT_STRATEGY)
print(zlib.Z_NO_FLUSH, zlib.Z_PARTIAL_FLUSH, zlib.Z_SYNC_FLUSH, zlib.Z_FULL_FLUSH, zlib.Z_FINISH,
      zlib.Z_BLOCK, zlib.Z_TREES)
print(type(zlib.ZLIB_VERSION), type(zlib.ZLIB_RUNTIME_VERSION))
print(zlib.error.__name__, zlib.error.__module__, issubclass(zlib.error, Exception))

for d in SMALL:
    print(zlib.crc32(d), zlib.adler32(d), zlib.crc32(d, 12345), zlib.adler32(d, 12345))
print(zlib.crc32(b'abc', -1), zlib.adler32(b'abc', 2 ** 40 + 7), zlib.crc32(bytearray(b'xyz')),
      zlib.crc32(memoryview(b'xyz')))
# a running checksum equals the checksum of the whole
print(zlib.crc32(b'world', zlib.crc32(b'hello ')) == zlib.crc32(b'hello world'))
print(zlib.adler32(b'world', zlib.adler32(b'hello ')) == zlib.adler32(b'hello world'))

for d in SMALL:
    for level in [-1, 0, 1, 6, 9]:
        c = zlib.compress(d, level)
        print(len(d), level, len(c), c[:12].hex(), c[-8:].hex(), zlib.decompress(c) == d)

for wbits in [9, 12, 15, -9, -12, -15, 25, 31]:
    c = zlib.compress(DATA, 6, wbits)
    back = zlib.decompress(c, wbits)
    print(wbits, len(c), c[:10].hex(), back == DATA)
    if wbits > 0:
        print('auto', zlib.decompress(c, 47) == DATA, zlib.decompress(c, wbits=32 + 15) == DATA)
print(zlib.compress(b'a', wbits=8).hex(), zlib.compress(b'a', level=1, wbits=9).hex())
print(zlib.decompress(zlib.compress(DATA), bufsize=1) == DATA)
print(zlib.decompress(zlib.compress(b'abc') + b'trailing junk'))
print(zlib.decompress(bytearray(zlib.compress(b'from a bytearray'))))


def err(label, thunk):
    try:
        print(label, thunk())
    except Exception as e:
        print(label, type(e).__name__, e)


err('level 10', lambda: zlib.compress(b'a', 10))
err('wbits 16', lambda: zlib.compress(b'a', wbits=16))
err('wbits -8', lambda: zlib.compress(b'a', wbits=-8))
err('str', lambda: zlib.compress('a'))
err('no args', lambda: zlib.compress())
err('too many', lambda: zlib.compress(b'', 1, 2, 3))
err('bad kw', lambda: zlib.compress(b'a', foo=1))
err('level str', lambda: zlib.compress(b'a', 'x'))
err('garbage', lambda: zlib.decompress(b'abc'))
err('truncated', lambda: zlib.decompress(zlib.compress(b'abc')[:-2]))
err('empty', lambda: zlib.decompress(b''))
err('raw of zlib', lambda: zlib.decompress(zlib.compress(b'abc'), wbits=-15))
err('gzip of zlib', lambda: zlib.decompress(zlib.compress(b'abc'), wbits=31))
err('bad bufsize', lambda: zlib.decompress(b'x', bufsize=-1))
err('crc32 none', lambda: zlib.crc32())
err('crc32 three', lambda: zlib.crc32(b'', 1, 2))
err('crc32 str', lambda: zlib.crc32('a'))
err('adler32 str start', lambda: zlib.adler32(b'a', 'b'))
