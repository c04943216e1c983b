b = b'abc'
ba = bytearray(b'xy')
ba += b
print(b[0], b[1:], bytes(3), ba, b'%s' % b'z', b.hex())
