import hashlib, hmac
for name in ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'sha3_224', 'sha3_256',
             'sha3_384', 'sha3_512', 'blake2b', 'blake2s']:
    h = hashlib.new(name, b'abc')
    h2 = h.copy()
    h2.update(b'def')
    print(name, h.name, h.digest_size, h.block_size, h.hexdigest(), h2.hexdigest()[:16])
for name in ['shake_128', 'shake_256']:
    h = getattr(hashlib, name)(b'abc')
    print(name, h.digest_size, h.block_size, h.hexdigest(12), h.digest(3))
print(hashlib.blake2b(b'abc', digest_size=16, key=b'k', salt=b's', person=b'p').hexdigest())
print(hashlib.blake2s(b'abc', digest_size=8, key=b'key', fanout=2, depth=3, leaf_size=5, node_offset=7, node_depth=1, inner_size=4, last_node=True).hexdigest())
print(hmac.new(b'key', b'msg', 'sha256').hexdigest())
print(hmac.digest(b'key', b'msg', 'md5').hex())
print(hashlib.md5(b'x' * 1000, usedforsecurity=False).hexdigest())
print(hashlib.sha256(bytearray(b'ab')).hexdigest()[:8], hashlib.sha1(memoryview(b'ab')).hexdigest()[:8])
import _md5, _sha1, _sha256, _sha512, _sha3, _blake2
for f in [_md5.md5, _sha1.sha1, _sha256.sha224, _sha256.sha256, _sha512.sha384, _sha512.sha512,
          _sha3.sha3_256, _sha3.shake_128, _blake2.blake2b, _blake2.blake2s]:
    h = f(b'data')
    print(type(h).__module__, type(h).__name__, h.name, h.hexdigest(4) if h.digest_size == 0 else h.hexdigest()[:12])
print(_blake2.BLAKE2B_SALT_SIZE, _blake2.BLAKE2S_PERSON_SIZE, _blake2.BLAKE2S_MAX_DIGEST_SIZE)
for bad in [lambda: hashlib.md5().update('x'), lambda: hashlib.shake_128().digest(),
            lambda: hashlib.blake2b(digest_size=65), lambda: hashlib.blake2b(key=b'x' * 65),
            lambda: hashlib.blake2s(salt=b'x' * 9), lambda: hashlib.blake2b(person=b'x' * 17),
            lambda: hashlib.blake2b(fanout=256), lambda: hashlib.blake2b(depth=0),
            lambda: _sha3.sha3_256().update(), lambda: _sha3.shake_256().hexdigest(-1),
            lambda: _md5.md5().update(), lambda: _md5.md5(1), lambda: _md5.md5(b'a', b'b'),
            lambda: hashlib.new('nope')]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
