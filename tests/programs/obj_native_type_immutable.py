# Classes written in C are immutable types (static types and heap types with
# Py_TPFLAGS_IMMUTABLETYPE), apart from the few heap types of CPython 3.11
# made without that flag.
import _collections, _functools, _operator, _struct, _csv, _pickle, _contextvars
import _thread, _random, _json, itertools, array, posix, select, zlib

immutable = [
    _collections.deque, _collections.defaultdict, _collections.OrderedDict,
    _functools.partial, _operator.itemgetter, _struct.Struct, _csv.Dialect,
    _pickle.Pickler, _contextvars.ContextVar, _thread.RLock, _thread._local,
    itertools.chain, array.array,
]
mutable = [
    _random.Random, _json.make_scanner, _json.make_encoder,
    posix.DirEntry, type(select.poll()), type(zlib.compressobj()),
    type(zlib.decompressobj()),
]
for t in immutable + mutable:
    try:
        t.extra = 1
        print("set", t.__name__, t.extra, bool(t.__flags__ & (1 << 8)))
        del t.extra
        print("  deleted", hasattr(t, "extra"))
    except TypeError as e:
        print("TypeError:", e, bool(t.__flags__ & (1 << 8)))
    try:
        del t.extra
    except (TypeError, AttributeError) as e:
        print("  ", type(e).__name__, e)
