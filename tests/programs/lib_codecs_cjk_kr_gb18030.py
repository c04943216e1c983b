import codecs, sys
# euc_kr make-up sequences and johab
for s in ['가각똠\uac01a', '\u3164', '\ud7a3']:
    for enc in ['euc_kr', 'cp949', 'johab']:
        b = s.encode(enc); print(enc, b, b.decode(enc, 'replace'))
for t in [b'\xa4\xd4\xa4\xa1\xa4\xbf\xa4\xd4', b'\xa4\xd4\xa4\xa1\xa4\xbf', b'\xa4\xd4AAAAAA', b'\xa4\xd4']:
    for err in ['strict', 'replace']:
        try: print(repr(t.decode('euc_kr', err)))
        except UnicodeDecodeError as e: print(e)
# decoder keeps its buffer after an error
d = codecs.getincrementaldecoder('cp949')()
print(repr(d.decode(b'\xc6\xc4\xc0')))
try: d.decode(b'', True)
except UnicodeDecodeError as e: print(e)
print(repr(d.decode(b'\xcc')))
d.setstate((b'abc', 123456789)); print(d.getstate())
try: d.setstate((b'123456789', 0))
except UnicodeError as e: print(type(e).__name__, e)
e = codecs.getincrementalencoder('euc_jp')()
print(e.getstate())
for st in [int.from_bytes(b'\x09' + b'\x00' * 16, 'little'), int.from_bytes(b'\x01\xff' + b'\x00' * 8, 'little'), int.from_bytes(b'\x03\xe3\x81\x82', 'little')]:
    try: e.setstate(st); print(e.getstate(), e.encode('x'))
    except UnicodeError as x: print(type(x).__name__, x)
codecs.register_error('big', lambda e: ('x', sys.maxsize + 1))
try: '\u20ac'.encode('gbk', 'big')
except IndexError as x: print(x)
codecs.register_error('t.ign', lambda e: ('', e.end))
print('\u20aca\u20ac'.encode('big5', 't.ign'))
# gb18030: two- and four-byte sequences, other planes
for s in ['a中\x80\xa5\uffff\U00010000\U0010ffff\ue5e5\u20ac', '\u3000\u0101']:
    b = s.encode('gb18030'); print(b, b.decode('gb18030') == s)
for b in [b'\x80', b'\xff', b'\x81\x30', b'\x81\x30\x81', b'\x84\x31\xa5\x30', b'\xe3\x32\x9a\x36', b'\x81\x30\x41\x30', b'a0\x81']:
    try: print(b, repr(b.decode('gb18030')))
    except UnicodeDecodeError as e: print(b, e)
d = codecs.getincrementaldecoder('gb18030')()
print([d.decode(bytes([x])) for x in '\U00010000z'.encode('gb18030')])
import random
r = random.Random(5)
cps = [r.randrange(0x80, 0x110000) for _ in range(3000)]
text = ''.join(chr(c) for c in cps if not 0xd800 <= c < 0xe000)
for enc in ['gb18030', 'euc_kr', 'johab', 'cp949', 'big5', 'euc_jp']:
    b = text.encode(enc, 'replace'); print(enc, len(b), __import__("zlib").crc32(b), len(b.decode(enc, 'replace')))
