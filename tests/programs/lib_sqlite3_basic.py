import sqlite3
cx = sqlite3.connect(":memory:")
print(sqlite3.sqlite_version, sqlite3.threadsafety)
cu = cx.cursor()
cu.execute("create table t(a integer, b text, c real, d blob)")
cu.execute("insert into t values (?, ?, ?, ?)", (1, "x", 1.5, b"\x00\x01"))
print(cu.rowcount, cu.lastrowid, cx.in_transaction)
cu.executemany("insert into t(a, b) values (:a, :b)", [{"a": i, "b": str(i)} for i in range(3)])
print(cu.rowcount)
cx.commit()
print(cx.in_transaction)
for row in cu.execute("select * from t order by a"):
    print(row)
print(cu.description)
print(cu.execute("select count(*) from t").fetchone())
print(cu.execute("select a from t").fetchmany(2))
print(cu.fetchall())
def bad(): raise ValueError("x")
cx.create_function("bad", 0, bad)
cx.create_function("twice", 1, lambda x: x * 2)
print(cx.execute("select twice(21), twice('ab')").fetchall())
for q in ["select bad()", "selec 1", "select 1; select 2"]:
    try: cx.execute(q)
    except Exception as e: print(type(e).__name__, e, getattr(e, "sqlite_errorname", None))
class Sum:
    def __init__(self): self.n = 0
    def step(self, x): self.n += x
    def finalize(self): return self.n
cx.create_aggregate("mysum", 1, Sum)
print(cx.execute("select mysum(a) from t").fetchone())
cx.create_collation("rev", lambda a, b: -1 if a > b else (1 if a < b else 0))
print(cx.execute("select b from t order by b collate rev").fetchall())
cx.row_factory = sqlite3.Row
r = cx.execute("select 1 as a, 2 as B").fetchone(); print(tuple(r), r.keys(), r['b'], r[1], r[-1], r[0:1], len(r))
with cx:
    cx.execute("insert into t(a) values (99)")
print(cx.total_changes)
print(list(cx.iterdump())[:3])
import datetime
cx2 = sqlite3.connect(":memory:", detect_types=sqlite3.PARSE_DECLTYPES|sqlite3.PARSE_COLNAMES)
cx2.execute("create table d(x date, y timestamp)")
cx2.execute("insert into d values (?, ?)", (datetime.date(2020,1,2), datetime.datetime(2020,1,2,3,4,5)))
print(cx2.execute("select * from d").fetchall())
print(cx2.execute('select x as "x [timestamp]" from d').description)
cx.close()
try: cx.execute("select 1")
except Exception as e: print(type(e).__name__, e)
