# UnicodeDecodeError/UnicodeEncodeError carry encoding, object, start, end, reason.
try:
    b'ab\xffcd'.decode('utf-8')
except UnicodeDecodeError as e:
    print(e.args, e.encoding, e.object, e.start, e.end, e.reason)
    print(e)
try:
    'aé€'.encode('ascii')
except UnicodeEncodeError as e:
    print(e.args, e.start, e.end, e.reason)
    print(e)
try:
    b'\xe2\x82'.decode('utf-8')
except UnicodeDecodeError as e:
    print(e, e.start, e.end)
e = UnicodeDecodeError('utf-8', b'\xffab', 0, 2, 'bad')
print(str(e), repr(e), e.start)
e.start = 1
print(e)
e = UnicodeEncodeError('latin-1', '\u20ac', 0, 1, 'nope')
print(e)
print(UnicodeTranslateError('\uffff', 0, 1, 'x'))
b'\x80'.decode('ascii')
