# Huge sizes, offsets and counts: clean errors, never a panic or an abort.
import _struct, array, _random, binascii
for c in [lambda: _struct.pack('99999999999999x'), lambda: _struct.pack_into('i', bytearray(4), 2**62, 1), lambda: _struct.unpack_from('i', b'1234', 2**62),
          lambda: _struct.calcsize('9223372036854775807x'), lambda: _struct.calcsize('4611686018427387904i'), lambda: array.array('i',[1])*(2**62), lambda: _struct.pack_into('i', bytearray(4), -2**62, 1),
          lambda: _random.Random().getrandbits(2**40), lambda: _struct.unpack_from('i', b'1234', -2**62), lambda: binascii.hexlify(b'ab', '-', 2**62), lambda: binascii.hexlify(b'abc', '-', -2**63)]:
    try: print(c())
    except Exception as e: print(type(e).__name__, e)
