# zipfile and tarfile over the native _bz2 and _lzma: members stored with
# ZIP_BZIP2 and ZIP_LZMA (raw LZMA1 with encoded filter properties), and
# tar archives in every compressed mode, written and read back in memory.
import io
import tarfile
import zipfile

DATA = b''.join(b'record %d: some text that repeats\n' % i for i in range(2000))

buf = io.BytesIO()
with zipfile.ZipFile(buf, 'w') as z:
    z.writestr(zipfile.ZipInfo('plain.txt'), DATA[:100])
    z.writestr('b.txt', DATA, compress_type=zipfile.ZIP_BZIP2, compresslevel=9)
    z.writestr('l.txt', DATA, compress_type=zipfile.ZIP_LZMA)
    z.writestr('e.txt', b'', compress_type=zipfile.ZIP_LZMA)
with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as z:
    for info in z.infolist():
        print(info.filename, info.compress_type, info.file_size, z.read(info.filename) == DATA[:info.file_size])
    print(z.testzip())
    with z.open('l.txt') as f:
        print(f.read(20), len(f.read(5000)), len(f.read()))

for mode in ('gz', 'bz2', 'xz'):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode='w:' + mode) as t:
        for name, size in (('a.txt', 10), ('dir/b.bin', len(DATA))):
            info = tarfile.TarInfo(name)
            info.size = size
            info.mtime = 0
            t.addfile(info, io.BytesIO(DATA[:size]))
    raw = buf.getvalue()
    for open_mode in ('r:' + mode, 'r:*', 'r|' + mode):
        with tarfile.open(fileobj=io.BytesIO(raw), mode=open_mode) as t:
            names = []
            for m in t:
                names.append((m.name, m.size, t.extractfile(m).read() == DATA[:m.size]))
            print(mode, open_mode, names)
