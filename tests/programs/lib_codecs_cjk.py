import codecs
for enc in ['shift_jis','cp932','euc_jp','gb2312','gbk','big5','cp950','cp949']:
    s = 'aあ漢字\u3000x' if enc not in ('cp949',) else 'a한국어x'
    if enc in ('gb2312','gbk'): s = 'a中文字x'
    if enc in ('big5','cp950'): s = 'a中文字x'
    b = s.encode(enc)
    print(enc, b, b.decode(enc) == s)
    for err in ['strict','replace','ignore','backslashreplace','xmlcharrefreplace']:
        try: print(' ', err, ('\u20ac' + s + '\udc80').encode(enc, err))
        except Exception as e: print(' ', err, type(e).__name__, e)
        try: print(' ', err, (b'\xff\x81' + b + b'\x81').decode(enc, err))
        except Exception as e: print(' ', err, type(e).__name__, e)
    d = codecs.getincrementaldecoder(enc)()
    print(' inc', [d.decode(bytes([x])) for x in b], d.getstate())
    e = codecs.getincrementalencoder(enc)()
    print(' inc', e.encode(s), e.getstate())
print(repr(b'\x81'.decode('shift_jis', 'surrogateescape')), repr('\udc81'.encode('shift_jis', 'surrogateescape')))
import io
r = codecs.getreader('shift_jis')(io.BytesIO('あいう\nえお\n'.encode('shift_jis')))
print(r.readline(), r.read(1), r.readlines())
w = codecs.getwriter('euc_jp')(io.BytesIO()); w.write('漢字'); w.writelines(['a', 'い']); print(w.stream.getvalue())
print(codecs.lookup('sjis').name, codecs.lookup('ms932').name)
import _codecs_jp, _multibytecodec
c = _codecs_jp.getcodec('cp932'); print(type(c).__name__, c.encode(b'x'), c.decode(bytearray(b'ab\x82\xa0')))
try: _codecs_jp.getcodec('nope')
except LookupError as e: print(e)
