# list.index / tuple.index refuse None and non-integers with the message that
# does not offer None; find/count and slicing accept None.
class Idx:
    def __index__(self):
        return 1


class Boom:
    def __index__(self):
        raise ValueError("no index")


def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


seq = ["h", "e", "l", "l", "o"]
attempt("list start float", lambda: seq.index("l", 2.5))
attempt("list stop float", lambda: seq.index("l", 0, 0.5))
attempt("list start None", lambda: seq.index("l", None))
attempt("tuple stop None", lambda: tuple(seq).index("l", 0, None))
attempt("list start Idx", lambda: seq.index("l", Idx()))
attempt("list huge", lambda: seq.index("l", 10**40))
attempt("list -huge", lambda: seq.index("l", -(10**40)))
attempt("str find None", lambda: "hello".find("l", None, None))
attempt("str find float", lambda: "hello".find("l", 1.5))
attempt("bytes count float", lambda: b"hello".count(b"l", 1.5))

ba = bytearray(b"abcdef")
attempt("ba int", lambda: ba[2])
attempt("ba neg", lambda: ba[-1])
attempt("ba bool", lambda: ba[True])
attempt("ba Idx", lambda: ba[Idx()])
attempt("ba slice", lambda: ba[1:4])
attempt("ba step", lambda: ba[::-2])
attempt("ba slice Idx", lambda: ba[Idx() : 3])
attempt("ba out", lambda: ba[6])
attempt("ba big", lambda: ba[10**20])
attempt("ba str slice", lambda: ba["a":])
attempt("ba float slice", lambda: ba[1.5:2])
attempt("ba str", lambda: ba["a"])
attempt("ba float", lambda: ba[1.5])
attempt("ba Boom", lambda: ba[Boom()])
attempt("ba empty out", lambda: bytearray()[0])

# find-style methods take objects with __index__ too.
attempt("str find Idx", lambda: "hello".find("l", Idx()))
attempt("str count Idx", lambda: "hello".count("l", Idx()))
attempt("str startswith Idx", lambda: "hello".startswith("e", Idx()))
attempt("str rindex Idx", lambda: "hello".rindex("l", Idx()))
attempt("str index stop Idx", lambda: "hello".index("l", 0, Idx()))
attempt("bytes find Idx", lambda: b"hello".find(b"l", Idx()))
attempt("bytes endswith Idx", lambda: b"hello".endswith(b"o", Idx()))
attempt("bytearray find Idx", lambda: bytearray(b"hello").find(b"l", Idx()))
attempt("str find Boom", lambda: "hello".find("l", Boom()))
