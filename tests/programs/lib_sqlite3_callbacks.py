# sqlite3: user functions, aggregates, window functions, collations, hooks,
# blobs, backup and iterdump.
import sqlite3

cx = sqlite3.connect(":memory:")
cx.execute("create table t(x integer, s text)")
cx.executemany("insert into t values (?, ?)", [(i, chr(97 + i)) for i in range(5)])
cx.commit()


def show(f):
    try:
        print("ok", f())
    except Exception as e:
        print(type(e).__name__, e)


cx.create_function("plus", 2, lambda a, b: a + b, deterministic=True)
cx.create_function("kinds", -1, lambda *a: ",".join(type(v).__name__ for v in a))
cx.create_function("boom", 0, lambda: 1 / 0)
cx.create_function("huge", 0, lambda: 2 ** 70)
cx.create_function("weird", 0, lambda: object())
print(cx.execute("select plus(x, 10), plus(s, '!') from t where x < 2").fetchall())
print(cx.execute("select kinds(1, 2.5, 'a', x'00', null)").fetchone())
show(lambda: cx.execute("select boom()").fetchone())
show(lambda: cx.execute("select huge()").fetchone())
show(lambda: cx.execute("select weird()").fetchone())
cx.create_function("plus", 2, None)
show(lambda: cx.execute("select plus(1, 2)"))


class Avg:
    def __init__(self):
        self.n, self.total = 0, 0

    def step(self, v):
        self.n += 1
        self.total += v

    def finalize(self):
        return self.total / self.n if self.n else None


class NoStep:
    def finalize(self):
        return 0


cx.create_aggregate("avg2", 1, Avg)
cx.create_aggregate("nostep", 1, NoStep)
print(cx.execute("select avg2(x) from t").fetchone())
print(cx.execute("select avg2(x) from t where x > 100").fetchone())
show(lambda: cx.execute("select nostep(x) from t").fetchone())


class WinSum:
    def __init__(self):
        self.v = 0

    def step(self, x):
        self.v += x

    def inverse(self, x):
        self.v -= x

    def value(self):
        return self.v

    def finalize(self):
        return self.v


cx.create_window_function("winsum", 1, WinSum)
print(cx.execute("select x, winsum(x) over (order by x rows between 1 preceding and 1 following) from t").fetchall())

cx.create_collation("reverse", lambda a, b: (a < b) - (a > b))
print(cx.execute("select s from t order by s collate reverse").fetchall())
show(lambda: cx.create_collation("bad", 42))

log = []
cx.set_authorizer(lambda action, a1, a2, db, src: sqlite3.SQLITE_DENY if a2 == "s" else sqlite3.SQLITE_OK)
show(lambda: cx.execute("select s from t").fetchall())
print(cx.execute("select x from t where x = 1").fetchall())
cx.set_authorizer(None)
cx.set_trace_callback(log.append)
cx.execute("select ? + 1", (41,)).fetchone()
cx.set_trace_callback(None)
print(log)
cx.set_progress_handler(lambda: 1, 1)
show(lambda: cx.execute("select count(*) from t").fetchone())
cx.set_progress_handler(None, 1)

cx.execute("create table b(data blob)")
cx.execute("insert into b values (zeroblob(8))")
with cx.blobopen("b", "data", 1) as blob:
    blob.write(b"abc")
    print(len(blob), blob.tell(), blob[0], blob[0:3], blob[::3])
    blob.seek(0)
    print(blob.read(2), blob.read())
    blob[7] = 33
    blob[4:6] = b"xy"
    show(lambda: blob.seek(100))
    show(lambda: blob.__setitem__(0, 300))
print(cx.execute("select data from b").fetchone())
show(lambda: cx.blobopen("b", "nope", 1))

cx.commit()
dst = sqlite3.connect(":memory:")
steps = []
cx.backup(dst, pages=1, progress=lambda st, rem, tot: steps.append(rem))
print(dst.execute("select count(*) from t").fetchone(), steps[-1])
for line in dst.iterdump():
    print(line)

data = dst.serialize()
dst.execute("drop table t")
show(lambda: dst.execute("select * from t"))
dst.deserialize(data)
print(dst.execute("select sum(x) from t").fetchone(), type(data).__name__)
show(lambda: dst.deserialize(memoryview(b"blob")[::2]))
show(lambda: dst.deserialize(None))

# Hooks that clear themselves while SQLite is calling them.
hc = sqlite3.connect(":memory:")


def auth(*args):
    hc.set_authorizer(None)
    return sqlite3.SQLITE_OK


def tr(sql):
    hc.set_trace_callback(None)
    print("trace", sql)


hc.set_authorizer(auth)
print(hc.execute("select 1").fetchall())
hc.set_trace_callback(tr)
print(hc.execute("select 3").fetchall())
