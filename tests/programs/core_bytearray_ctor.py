# bytes() and bytearray(): the same constructor with each type's own messages;
# bytearray() does not call __bytes__.
for args in [(1.5,), ([256],), ([-1],), ("abc",), ("abc", 3), (["a"],), (object(),), (-1,)]:
    for t in (bytes, bytearray):
        try:
            print(t.__name__, t(*args))
        except Exception as e:
            print(t.__name__, type(e).__name__, e)
for t in (bytes, bytearray):
    try: t("a", encoding=3)
    except Exception as e: print(type(e).__name__, e)
    try: t(3, "utf-8")
    except Exception as e: print(type(e).__name__, e)
    try: t(b"x", errors="strict")
    except Exception as e: print(type(e).__name__, e)
class X:
    def __bytes__(self): return b'ab'
    def __iter__(self): return iter([1])
try: print(bytearray(X()))
except Exception as e: print(type(e).__name__, e)
print(bytes(X()))
try: bytearray(b"x", foo=1)
except Exception as e: print(type(e).__name__, e)
try: bytes(b"x", foo=1)
except Exception as e: print(type(e).__name__, e)
try: bytearray(1, 2, 3, 4)
except Exception as e: print(type(e).__name__, e)
try: bytes(1, 2, 3, 4)
except Exception as e: print(type(e).__name__, e)
