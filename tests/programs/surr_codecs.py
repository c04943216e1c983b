# Encoding strs with lone surrogates and decoding with the PEP 383 handlers.
strs = ['\udc80', 'a\udc80\udc81b', '\xe9\ud800', '\udc80\xe9', 'plain', '\xe9\u20ac']
handlers = ['strict', 'surrogateescape', 'surrogatepass', 'ignore', 'replace',
            'backslashreplace', 'xmlcharrefreplace']
for s in strs:
    for enc in ['utf-8', 'ascii', 'latin-1']:
        for err in handlers:
            try:
                r = s.encode(enc, err)
            except UnicodeEncodeError as e:
                r = 'UnicodeEncodeError: ' + str(e)
            print(ascii(s), enc, err, r)

data = [b'\xed\xb2\x80', b'a\x80\xffb', b'\xed\xa0\x80\xed\xb0\x80', b'\xc3', b'\xe9t\xed\xb2',
        b'\xf0\x9f\x98\x80\x80', b'ok']
for b in data:
    for enc in ['utf-8', 'ascii', 'latin-1']:
        for err in ['surrogateescape', 'surrogatepass', 'strict']:
            try:
                r = ascii(b.decode(enc, err))
            except UnicodeDecodeError as e:
                r = 'UnicodeDecodeError: ' + str(e)
            print(b, enc, err, r)
            try:
                r2 = ascii(bytearray(b).decode(enc, err))
            except UnicodeDecodeError as e:
                r2 = 'UnicodeDecodeError: ' + str(e)
            print(r == r2)

# Round trips.
raw = bytes(range(256))
text = raw.decode('utf-8', 'surrogateescape')
print(len(text), text.encode('utf-8', 'surrogateescape') == raw)
print(ascii(text[120:136]))
sp = '\ud800\udc00\udfff'.encode('utf-8', 'surrogatepass')
print(sp, ascii(sp.decode('utf-8', 'surrogatepass')))
print(ascii(str(b'\xff', 'utf-8', 'surrogateescape')), bytes('\udcff', 'utf-8', 'surrogateescape'))
print(ascii(str(b'\xff\xfe', encoding='ascii', errors='surrogateescape')))

import _codecs
print(_codecs.utf_8_decode(b'a\xff', 'surrogateescape'), _codecs.utf_8_encode('a\udcff', 'surrogateescape'))
print(_codecs.utf_8_encode('\ud800', 'surrogatepass'))
try:
    _codecs.utf_8_encode('x\ud800')
except UnicodeEncodeError as e:
    print(e)
