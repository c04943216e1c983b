# The classes of the hash modules: immutable, not subclassable; _sha3's and
# _blake2's classes are their own constructors, with CPython's argument
# checks and errors.
import _md5, _sha1, _sha256, _sha512, _sha3, _blake2

for c in (_md5.md5, _sha1.sha1, _sha256.sha224, _sha512.sha384,
          _sha3.sha3_224, _sha3.shake_128, _blake2.blake2b, _blake2.blake2s):
    t = type(c())
    print(t.__module__, t.__name__, t is c, bool(t.__flags__ & (1 << 8)))
    for attempt in (lambda: setattr(t, "value", False),
                    lambda: type.__setattr__(t, "value", 1),
                    lambda: delattr(t, "copy")):
        try:
            attempt()
        except TypeError as e:
            print("  TypeError:", e)
    try:
        class X(t):
            pass
    except TypeError as e:
        print("  TypeError:", e)

print(_md5.MD5Type, _sha1.SHA1Type, _sha256.SHA224Type, _sha256.SHA256Type,
      _sha512.SHA384Type)

for c in (_blake2.blake2b, _blake2.blake2s):
    print(c.__name__, c.SALT_SIZE, c.PERSON_SIZE, c.MAX_KEY_SIZE, c.MAX_DIGEST_SIZE)
    cases = [
        dict(digest_size=0), dict(digest_size=65), dict(digest_size=2**70),
        dict(digest_size=1.5), dict(salt=b"a" * 17), dict(salt=b"a" * 9),
        dict(person=b"a" * 9), dict(key=b"a" * 65), dict(key=b"a" * 33),
        dict(key="abc"), dict(person=3), dict(fanout=-1), dict(fanout=256),
        dict(depth=0), dict(node_depth=256), dict(inner_size=-1),
        dict(inner_size=33), dict(leaf_size=-1), dict(leaf_size=1 << 32),
        dict(leaf_size=2**70), dict(leaf_size=1.0), dict(node_offset=-1),
        dict(node_offset=1 << 64), dict(node_offset=(1 << 48) - 1),
        dict(node_offset=1 << 48), dict(data=b""), dict(string=b""),
        dict(last_node=[]), dict(last_node=1.5), dict(usedforsecurity=False),
        dict(foo=1), dict(salt="x", digest_size=0), dict(digest_size=0, key=b"k" * 99),
    ]
    for kw in cases:
        label = sorted(kw) if "key" in kw else kw
        try:
            print(" ", label, c(**kw).hexdigest()[:16])
        except Exception as e:
            print(" ", label, type(e).__name__, e)
    for args in [("",), (b"a", b"b"), (1,), (memoryview(b"abc"),)]:
        try:
            print(" ", c(*args).hexdigest()[:16])
        except Exception as e:
            print(" ", type(e).__name__, e)
    h = c(b"abc", key=b"k", salt=b"s", person=b"p", digest_size=17, fanout=2,
          depth=3, leaf_size=256, node_offset=512, node_depth=1, inner_size=7,
          last_node=True)
    print(" ", h.name, h.digest_size, h.block_size, h.hexdigest())
    h = c(b"x")
    h2 = h.copy()
    h2.update(b"y")
    print(" ", h.hexdigest()[:16], h2.hexdigest()[:16], isinstance(h2, c))
    print(" ", c.__new__(c, b"abc").hexdigest()[:16])
    try:
        c().SALT_SIZE = 3
    except AttributeError as e:
        print("  AttributeError:", e)

for c in (_sha3.sha3_224, _sha3.sha3_256, _sha3.sha3_384, _sha3.sha3_512,
          _sha3.shake_128, _sha3.shake_256):
    m = c(b"abc")
    n = (4,) if "shake" in c.__name__ else ()
    print(c.__name__, m._capacity_bits, m._rate_bits, m._suffix, m.block_size,
          m.digest_size, m.name, isinstance(m, c), m.hexdigest(*n))
    for args, kw in [((), dict(data=b"a")), ((), dict(string=b"a")),
                     ((b"a", b"b"), {}), (("a",), {}),
                     ((), dict(usedforsecurity=False))]:
        try:
            print(" ", c(*args, **kw).hexdigest(*n))
        except Exception as e:
            print(" ", type(e).__name__, e)
    print(" ", c.__new__(c, b"q").hexdigest(*n))
