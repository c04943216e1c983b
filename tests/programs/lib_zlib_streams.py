# zlib.compressobj / decompressobj: incremental use, flush modes, copy,
# max_length with unconsumed_tail, unused_data, eof, dictionaries, and gzip/zipfile on top.
import zlib

DATA = b''.join(b'record %05d: the quick brown fox jumps over the lazy dog\n' % i for i in range(500))

# compress in pieces with different flushes; the bytes are zlib's
c = zlib.compressobj()
parts = [c.compress(DATA[:1000]), c.flush(zlib.Z_SYNC_FLUSH), c.compress(DATA[1000:5000]),
         c.flush(zlib.Z_FULL_FLUSH), c.compress(DATA[5000:]), c.flush(zlib.Z_NO_FLUSH), c.flush()]
print([len(p) for p in parts], b''.join(parts)[-12:].hex())
print(zlib.decompress(b''.join(parts)) == DATA)

for level, wbits in [(1, 15), (9, -15), (6, 31), (3, 12)]:
    c = zlib.compressobj(level, zlib.DEFLATED, wbits)
    out = c.compress(DATA) + c.flush()
    print(level, wbits, len(out), out[:10].hex())
    d = zlib.decompressobj(wbits)
    print(d.decompress(out) == DATA, d.eof, d.unused_data, d.unconsumed_tail)

# copy: both continuations give the same result
c = zlib.compressobj(6)
head = c.compress(DATA[:3000])
c2 = c.copy()
t1 = c.compress(DATA[3000:]) + c.flush()
t2 = c2.compress(DATA[3000:]) + c2.flush()
print(t1 == t2, zlib.decompress(head + t1) == DATA)
c3 = zlib.compressobj()
c3.compress(b'abc')
c4 = c3.copy()
print(c3.flush() == c4.flush())

# decompress in small pieces with max_length
comp = zlib.compress(DATA)
d = zlib.decompressobj()
out = []
chunk = comp
while chunk:
    out.append(d.decompress(chunk, 700))
    chunk = d.unconsumed_tail
out.append(d.flush())
print(len(out), max(len(o) for o in out), b''.join(out) == DATA, d.eof)

# byte by byte, then trailing data
d = zlib.decompressobj()
res = b''.join(d.decompress(comp[i:i + 1]) for i in range(len(comp)))
print(res == DATA, d.eof, d.unused_data)
d = zlib.decompressobj()
print(d.decompress(comp + b'EXTRA') == DATA, d.unused_data, d.eof)
print(d.decompress(b'MORE'), d.unused_data)

# copy of a decompressor half way
d = zlib.decompressobj()
first = d.decompress(comp[:len(comp) // 2])
d2 = d.copy()
r1 = d.decompress(comp[len(comp) // 2:])
r2 = d2.decompress(comp[len(comp) // 2:])
print(r1 == r2, first + r1 == DATA, d2.eof)

# flush with truncated input returns what there is
d = zlib.decompressobj()
part = d.decompress(comp[:100])
rest = d.flush()
print(len(part) + len(rest) > 0, d.eof)

# dictionaries
zdict = b'the quick brown fox jumps over the lazy dog record'
c = zlib.compressobj(zdict=zdict)
withdict = c.compress(DATA) + c.flush()
print(len(withdict), withdict[:8].hex())
d = zlib.decompressobj(zdict=zdict)
print(d.decompress(withdict) == DATA)
c = zlib.compressobj(wbits=-15, zdict=zdict)
raw = c.compress(b'the lazy dog') + c.flush()
print(raw.hex(), zlib.decompressobj(-15, zdict).decompress(raw))


def err(label, thunk):
    try:
        print(label, thunk())
    except Exception as e:
        print(label, type(e).__name__, e)


c = zlib.compressobj()
c.compress(b'a')
c.flush()
err('compress after finish', lambda: c.compress(b'a'))
err('flush after finish', lambda: c.flush())
err('copy after finish', lambda: c.copy())
err('bad memLevel', lambda: zlib.compressobj(memLevel=10))
err('bad method', lambda: zlib.compressobj(method=7))
err('bad strategy', lambda: zlib.compressobj(strategy=9))
err('bad level', lambda: zlib.compressobj(12))
err('too many', lambda: zlib.compressobj(1, 2, 3, 4, 5, 6, 7))
err('zdict str', lambda: zlib.compressobj(zdict='a'))
err('neg max_length', lambda: zlib.decompressobj().decompress(b'a', -1))
err('flush 0', lambda: zlib.decompressobj().flush(0))
err('decompress garbage', lambda: zlib.decompressobj().decompress(b'garbage!'))
err('no data', lambda: zlib.decompressobj().decompress())
err('flush two', lambda: zlib.compressobj().flush(1, 2))
print(type(zlib.compressobj()).__name__, type(zlib.decompressobj()).__name__)

# gzip on top of zlib (zipfile needs _imp, which Pith lacks)
import gzip

g = gzip.compress(DATA, mtime=0)
print(len(g), g[:10].hex(), gzip.decompress(g) == DATA)
err('compress none', lambda: zlib.compressobj().compress())
err('compress two', lambda: zlib.compressobj().compress(b'', 2))
err('decompress three', lambda: zlib.decompressobj().decompress(b'', 1, 2))
err('flush mode 7', lambda: zlib.compressobj().flush(7))
err('dflush two', lambda: zlib.decompressobj().flush(1, 2))
err('dzdict str', lambda: zlib.decompressobj(zdict='a'))
