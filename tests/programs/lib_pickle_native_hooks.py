# _pickle's hooks: persistent_id/persistent_load, dispatch_table,
# reducer_override, find_class, memo proxies, fast mode, PickleBuffer
# and out-of-band buffers, and the pickler's error messages.
import copyreg
import io
import pickle


class Ref:
    def __init__(self, key):
        self.key = key


class P(pickle.Pickler):
    def persistent_id(self, obj):
        return ("ref", obj.key) if isinstance(obj, Ref) else None


class U(pickle.Unpickler):
    def persistent_load(self, pid):
        return "loaded:" + pid[1]


for proto in (0, 2, 4):
    f = io.BytesIO()
    P(f, proto).dump([Ref("a"), 1])
    print(proto, f.getvalue() if proto else "", U(io.BytesIO(f.getvalue())).load())


class Money:
    def __init__(self, cents):
        self.cents = cents


def reduce_money(m):
    return (Money, (m.cents * 10,))


f = io.BytesIO()
p = pickle.Pickler(f, 2)
p.dispatch_table = {Money: reduce_money}
p.dump(Money(3))
print(pickle.loads(f.getvalue()).cents, f.getvalue())


class Over(pickle.Pickler):
    def reducer_override(self, obj):
        if obj == 42:
            return (int, ("43",))
        return NotImplemented


f = io.BytesIO()
Over(f, 3).dump([41, 42])
print(pickle.loads(f.getvalue()))


class Finder(pickle.Unpickler):
    def find_class(self, module, name):
        if name == "Money":
            return dict
        return super().find_class(module, name)


print(Finder(io.BytesIO(pickle.dumps(Money, 2))).load())

f = io.BytesIO()
p = pickle.Pickler(f, 2)
p.dump(["m", "m"])
memo = p.memo.copy()
print(type(p.memo).__name__, sorted(v[0] for v in memo.values()), p.bin, p.fast)
p.clear_memo()
print(len(p.memo.copy()))
u = pickle.Unpickler(io.BytesIO(pickle.dumps(["a", "b"], 2)))
print(u.load(), u.memo.copy())

p = pickle.Pickler(io.BytesIO(), 2)
p.fast = 1
p.dump([[1], [2]])
print("fast", p.fast, len(p.memo.copy()))

pb = pickle.PickleBuffer(bytearray(b"abc"))
print(bytes(pb), pb.raw().tobytes(), memoryview(pb).readonly)
print(pickle.dumps(pickle.PickleBuffer(b"ro"), 5))
print(pickle.dumps(pb, 5))
bufs = []
data = pickle.dumps([pb, pickle.PickleBuffer(b"ro")], 5, buffer_callback=bufs.append)
print(data, len(bufs))
back = pickle.loads(data, buffers=bufs)
print([bytes(b) for b in back], [type(b).__name__ for b in back])
pb.release()
try:
    bytes(pb)
except ValueError as e:
    print(e)

copyreg.add_extension("builtins", "frozenset", 240)
try:
    print(pickle.dumps(frozenset, 2), pickle.loads(pickle.dumps(frozenset, 2)))
finally:
    copyreg.remove_extension("builtins", "frozenset", 240)


def local_factory():
    class Local:
        pass
    return Local


class BadReduce:
    def __init__(self, value):
        self.value = value

    def __reduce__(self):
        return self.value


cases = [
    lambda: pickle.dumps(local_factory()),
    lambda: pickle.dumps(BadReduce(1)),
    lambda: pickle.dumps(BadReduce((len,))),
    lambda: pickle.dumps(BadReduce((1, ()))),
    lambda: pickle.dumps(BadReduce((len, []))),
    lambda: pickle.dumps(BadReduce((len, (), None, 1))),
    lambda: pickle.dumps(pickle.PickleBuffer(b"x"), 4),
    lambda: pickle.Pickler(io.BytesIO(), 6),
    lambda: pickle.Pickler(1),
    lambda: pickle.Pickler(io.BytesIO(), 4, buffer_callback=len),
    lambda: pickle.Unpickler(1),
    lambda: pickle.dumps(io.BytesIO()),
]
for c in cases:
    try:
        c()
        print("no error")
    except Exception as e:
        print(type(e).__name__, e)


class NoInit(pickle.Pickler):
    def __init__(self):
        pass


try:
    NoInit().dump(1)
except pickle.PicklingError as e:
    print(e)
