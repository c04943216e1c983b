import codecs, io, os, tempfile
for enc in ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be", "utf_16", "UTF16", "u32"]:
    b = "héllo \U0001f600!".encode(enc)
    print(enc, b, b.decode(enc) == "héllo \U0001f600!")
print(codecs.utf_16_ex_decode(b'\xfe\xff\x00a\x00', 'strict', 0, False))
print(codecs.utf_16_ex_decode(b'\xfe', 'strict', 0, False))
print(codecs.utf_16_ex_decode(b'a\x00', 'strict', 0, False))
print(codecs.utf_16_ex_decode(b'\x00a', 'strict', 1, False))
print(codecs.utf_16_ex_decode(b'\xff\xfe', 'strict', 1, True))
print(codecs.utf_16_decode(b'\x00\xd8', 'strict', False))
print(codecs.utf_32_ex_decode(b'\xff\xfe\x00\x00a\x00', 'strict', 0, False))
print(codecs.utf_16_encode('ab', None, 1), codecs.utf_16_encode('ab', None, -1), codecs.utf_16_encode('', None, 0))
print(codecs.utf_16_le_decode(b'a'), codecs.utf_16_le_decode(b'a\x00b\x00\x00\xd8', None, False))
cases = [(b'a\x00b', 'utf-16-le'), (b'\x00\xdc', 'utf-16-le'), (b'\x00\xd8a\x00', 'utf-16-le'),
         (b'\x00\xd8', 'utf-16-le'), (b'\x00\xd8\x00', 'utf-16-le'), (b'a\x00\x00\x00b', 'utf-32-le'),
         (b'\x00\x00\x11\x00', 'utf-32-le'), (b'\x00\xd8\x00\x00', 'utf-32-le'), (b'\xff\xfe', 'utf-16'),
         (b'', 'utf-32'), (b'\xfe\xff\x00a', 'utf-16'), (b'\x00\xd8\x00\xd8a\x00', 'utf-16-le'),
         (b'\xff\xfe\x00\xdc', 'utf-16'), (b'\xfe\xff\xdc\x00', 'utf-16'), (b'\xff\xfe\x00\x00\x00\xdc\x00\x00', 'utf-32'),
         (b'\xd8\x00\xdc\x01', 'utf-16-be'), (b'\x80\x81\xdc\x00', 'utf-16-be')]
for data, enc in cases:
    for err in ['strict', 'replace', 'backslashreplace', 'surrogatepass', 'ignore', 'surrogateescape']:
        try:
            print(enc, data, err, ascii(data.decode(enc, err)))
        except UnicodeDecodeError as e:
            print(enc, data, err, type(e).__name__, e, e.start, e.end)
for err in ['strict', 'replace', 'backslashreplace', 'surrogatepass', 'ignore', 'surrogateescape', 'xmlcharrefreplace', 'namereplace']:
    for enc in ['utf-16-le', 'utf-32-be', 'utf-16', 'utf-32']:
        try:
            print(enc, err, 'a\udc80\ud800b'.encode(enc, err))
        except UnicodeEncodeError as e:
            print(enc, err, type(e).__name__, e, e.start, e.end)
def h(e):
    print(type(e).__name__, e.start, e.end, e.reason)
    return ('XY', e.end)
codecs.register_error('my', h)
print(b'a\x00\x00\xdcb\x00'.decode('utf-16-le', 'my'))
print('a\udc00b'.encode('utf-16-be', 'my'))
codecs.register_error('my2', lambda e: (b'ZZ', e.end))
print('a\udc00b'.encode('utf-16-be', 'my2'))
codecs.register_error('back', lambda e: ('?', -2))
print(b'a\x00\x00\xdcb\x00c\x00d\x00'.decode('utf-16-le', 'back'))
# incremental
for enc in ['utf-16', 'utf-32', 'utf-16-be', 'utf-32-le']:
    data = "ab\U0001f600c".encode(enc)
    dec = codecs.getincrementaldecoder(enc)()
    out = [dec.decode(data[i:i+1]) for i in range(len(data))]
    out.append(dec.decode(b'', final=True))
    print(enc, out)
    e = codecs.getincrementalencoder(enc)()
    print(enc, e.encode("ab"), e.encode("c"), e.encode("", final=True))
    e.reset(); print(enc, e.encode("x"))
d = codecs.getincrementaldecoder('utf-16')()
d.decode(b'\xff')
try:
    d.decode(b'', final=True)
except UnicodeDecodeError as e:
    print("final:", e)
print(list(codecs.iterdecode([b'\xff\xfe', b'h\x00', b'i'], 'utf-16')) if False else 'skip')
# codecs.open / stream reader and writer
p = os.path.join(tempfile.mkdtemp(prefix="pith_u16"), "u16.txt")
with codecs.open(p, "w", encoding="utf-16") as f:
    f.write("line one\n")
    f.write("línea dos\n")
print(open(p, "rb").read())
with codecs.open(p, "r", encoding="utf-16") as f:
    print(f.readlines())
with codecs.open(p, "r", encoding="utf-16") as f:
    print(repr(f.read(3)), repr(f.readline()), repr(f.read()))
s = io.BytesIO()
w = codecs.getwriter("utf-32-le")(s)
w.write("ok\u20ac")
print(s.getvalue())
r = codecs.getreader("utf-32-le")(io.BytesIO(s.getvalue()))
print(repr(r.read()))
print(codecs.lookup("utf-16").name, codecs.lookup("UTF-32BE").name)
print(codecs.BOM_UTF16_LE, codecs.BOM_UTF32_BE)
print(codecs.decode(b'\xff\xfex\x00', 'utf-16'), codecs.encode('x', 'utf-32-be'))
print(str(b'\x00h\x00i', 'utf-16-be'), bytes('hi', 'utf-16-le'))
try:
    codecs.utf_16_encode(5)
except TypeError as e:
    print(e)
