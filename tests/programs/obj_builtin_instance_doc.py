for v in [dict(), [], (), set(), frozenset(), 1, 1.5, 'x', b'x', bytearray(), range(3), 1j, True, None, object(), iter([]), slice(1), memoryview(b''), zip(), map(len, []), enumerate([]), reversed([]), {}.keys(), property(), staticmethod(len), classmethod(len)]:
    d = v.__doc__
    print(type(v).__name__, None if d is None else d.splitlines()[0][:50])
