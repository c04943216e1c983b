# Text files: the buffer of open()'s text files, newlines, files made by an
# opener, SpooledTemporaryFile in text mode; _csv and zlib argument rules.
import csv
import io
import os
import tempfile
import zlib

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, 'f.txt')
    with open(path, 'w+', encoding='utf-8') as f:
        print(type(f.buffer).__name__, f.buffer.mode, f.buffer.name == path)
        f.write('a\r\nb\rc\n')
        f.seek(0)
        print(repr(f.read()), f.newlines)
    with open(path, encoding='utf-8', newline='') as f:
        print(repr(f.readline()), repr(f.read()), f.newlines)
    with open(path, encoding='utf-8', newline='\n') as f:
        f.read()
        print(f.newlines)
    f = open(path, 'r+', encoding='utf-8')
    raw = f.detach()
    print(type(raw).__name__, raw.read())
    raw.close()

    fds = []

    def opener(name, flags):
        fds.append(os.open(name, flags))
        return fds[-1]

    g = open(path, 'rb', opener=opener)
    print(g.fileno() == fds[0], g.read(1))
    g.close()
    try:
        os.fstat(fds[0])
    except OSError as e:
        print('closed with the file', type(e).__name__)

t = io.TextIOWrapper(io.BytesIO(b'x\r\ny\n'), encoding='utf-8')
print(t.newlines, t.read(), t.newlines)

f = tempfile.SpooledTemporaryFile(mode='w+', max_size=10, encoding='utf-8')
f.write('abc\n')
f.seek(0)
print(repr(f.read()), f.newlines, f._rolled)
f.write('long enough to roll\n')
f.seek(0)
print(repr(f.read()), f.newlines, f._rolled, f.encoding, f.errors)
f.close()

print(list(csv.reader(['1,",3,",5'], quotechar=None, escapechar='\\')))
print(list(csv.reader([',3,"5",7.3, 9', '1,'], quoting=csv.QUOTE_NONNUMERIC)))


class BadWriter:
    @property
    def write(self):
        raise OSError('no write')


try:
    csv.writer(BadWriter())
except OSError as e:
    print('OSError', e)
try:
    csv.writer(object())
except TypeError as e:
    print('TypeError', e)

data = zlib.compress(b'hello' * 20)
d = zlib.decompressobj()
d.decompress(data)
print(d.copy() is not None)
d.flush()
try:
    d.copy()
except ValueError as e:
    print('ValueError', e)
co = zlib.compressobj(level=1, wbits=15)
z15 = co.compress(b'abc' * 100) + co.flush()
for w in (15, 0, 47, 14):
    try:
        print(w, len(zlib.decompress(z15, w)))
    except zlib.error as e:
        print(w, 'error', e)
dco = zlib.decompressobj(wbits=14)
try:
    dco.decompress(z15)
except zlib.error as e:
    print('error', e)
co = zlib.compressobj(level=1, wbits=9)
z9 = co.compress(b'abc' * 100) + co.flush()
print(len(zlib.decompress(z9, 9)), len(zlib.decompress(z9, 15)))
