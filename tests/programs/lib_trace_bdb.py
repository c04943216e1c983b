import sys, trace, io
def f(n):
    s = 0
    for i in range(n):
        s += i
    return s
t = trace.Trace(count=1, trace=0, countfuncs=0)
t.runfunc(f, 3)
r = t.results()
print(sorted((k[1], v) for k, v in r.counts.items() if k[0].endswith('lib_trace_bdb.py')))
t2 = trace.Trace(count=0, trace=0, countfuncs=1)
t2.runfunc(f, 2)
print(sorted(k[2] for k in t2.results().calledfuncs))
import bdb
class B(bdb.Bdb):
    def user_line(self, frame):
        print("line", frame.f_code.co_name, frame.f_lineno)
    def user_return(self, frame, rv):
        print("ret", frame.f_code.co_name, rv)
b = B()
b.runcall(f, 2)
