for v in [0, 1, -1, 7, -255, 2**63-1, -2**63, 2**64, -2**70, 123456789, True, False]:
    print(hex(v), oct(v), bin(v))
    for spec in ['', 'd', '05d', '+d', ' d', 'x', 'X', '#X', '#o', '#b', '010x', '<8d', '>8d', '^9d', '=+10d', ',d', '_x', '012,d', '*^12,d', '#010b', 'n', '0=8d', 'c' if 0 <= v < 0x110000 else 'd']:
        print(repr(spec), repr(format(v, spec)), f"{v:{spec}}", end=' | ')
    print()
print("%d|%5d|%-5d|%05d|%x|%X|%#x|%o|%#o|%+d|% d" % ((-42,) * 11))
print("%i %u %c %.3d %5.3x" % (3, 4, 65, 7, 255))
print("%d %x %o %X %.5d %+x %#X" % (2**70, -2**70, 9, True, -12, 255, 255))
print("%d|%i|%u" % (3.99, -2.5, 1e20))
for bad in [("%d", "x"), ("%x", 3.5), ("%d", float('nan')), ("%x", float('inf')), ("%o", None)]:
    try: print(bad[0] % bad[1])
    except Exception as e: print(type(e).__name__, e)
print(b"%d %x %5o" % (5, -255, 8))
