# sqlite3: error classes, messages and codes; transactions; Row; adapters.
import sqlite3

cx = sqlite3.connect(":memory:")
print([c.__name__ for c in sqlite3.IntegrityError.__mro__])
print(cx.Error is sqlite3.Error, cx.isolation_level, cx.in_transaction)
cx.execute("create table t(id integer primary key, v text not null unique)")


def show(f):
    try:
        r = f()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e, getattr(e, "sqlite_errorcode", ""),
              getattr(e, "sqlite_errorname", ""))


show(lambda: cx.execute("insert into t(v) values (?)", ("a",)).lastrowid)
show(lambda: cx.execute("insert into t(v) values (?)", ("a",)))
show(lambda: cx.execute("insert into t(v) values (null)"))
show(lambda: cx.execute("selec 1"))
show(lambda: cx.execute("select * from nope"))
show(lambda: cx.execute("select 1; select 2"))
show(lambda: cx.execute("select ?", (1, 2)))
show(lambda: cx.execute("select ?", 1))
show(lambda: cx.execute("select :a", {"b": 1}))
show(lambda: cx.execute("select ?", {"a": 1}))
show(lambda: cx.execute("select ?", (object(),)))
show(lambda: cx.execute("select ?", (2 ** 64,)))
show(lambda: cx.execute("select ?", ("\ud800",)))
show(lambda: cx.execute("select 1", ()).fetchall())
show(lambda: cx.executemany("select ?", [(1,)]))
show(lambda: cx.execute("select 1 x\0"))
print(cx.in_transaction)
cx.rollback()
print(cx.in_transaction, cx.execute("select count(*) from t").fetchone())

cx.isolation_level = "immediate"
print(repr(cx.isolation_level))
show(lambda: setattr(cx, "isolation_level", "bogus"))
show(lambda: setattr(cx, "isolation_level", 1))
cx.isolation_level = None
cx.execute("insert into t(v) values ('auto')")
print(cx.in_transaction, cx.total_changes)

cx.row_factory = sqlite3.Row
r = cx.execute("select id as ID, v from t").fetchone()
print(r["id"], r["V"], r[0], r[-1], list(r), r.keys(), len(r))
show(lambda: r["nope"])
show(lambda: r[5])
show(lambda: r[1.5])
r2 = cx.execute("select id as ID, v from t").fetchone()
print(r == r2, r != r2, hash(r) == hash(r2))
cx.row_factory = None


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __conform__(self, proto):
        if proto is sqlite3.PrepareProtocol:
            return f"{self.x};{self.y}"


sqlite3.register_converter("point", lambda b: Point(*map(float, b.split(b";"))))
dt = sqlite3.connect(":memory:", detect_types=sqlite3.PARSE_DECLTYPES)
dt.execute("create table p(pt point)")
dt.execute("insert into p values (?)", (Point(1, 2.5),))
p = dt.execute("select pt from p").fetchone()[0]
print(type(p).__name__, p.x, p.y)
print(sqlite3.adapt(Point(3, 4)), sqlite3.adapt(5, sqlite3.PrepareProtocol, "alt"))
show(lambda: sqlite3.adapt(object()))
cu = dt.execute('select pt as "pt [text]" from p')
print(cu.description[0][0], [type(x[0]).__name__ for x in cu.fetchall()])

cx.text_factory = bytes
print(cx.execute("select 'abc'").fetchone())
cx.text_factory = lambda b: b.decode().upper()
print(cx.execute("select 'abc'").fetchone())
print(sqlite3.complete_statement("select 1;"), sqlite3.complete_statement("select 1"))

cu = cx.cursor()
cu.close()
show(lambda: cu.execute("select 1"))
cx.close()
show(lambda: cx.execute("select 1"))
show(lambda: cx.commit())
show(lambda: sqlite3.Connection.__new__(sqlite3.Connection).cursor())
