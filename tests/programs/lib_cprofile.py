# _lsprof: cProfile.Profile, getstats, pstats and cProfile.run (no times shown).
import cProfile, pstats, io, sys, math
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
def work():
    out = []
    for i in range(5):
        out.append(len(str(i)))
    return sorted(out), fib(6), math.sqrt(16)
pr = cProfile.Profile()
pr.enable()
print(sys.getprofile() is pr)
work()
pr.disable()
print(sys.getprofile())
stats = sorted((e.code if isinstance(e.code, str) else e.code.co_name, e.callcount, e.reccallcount,
                None if e.calls is None else sorted((s.code if isinstance(s.code, str) else s.code.co_name, s.callcount) for s in e.calls))
               for e in pr.getstats())
for s in stats: print(s)
st = pstats.Stats(pr)
for func, (cc, nc, tt, ct, callers) in sorted(st.stats.items(), key=lambda kv: str(kv[0][2])):
    print(func[2], cc, nc, sorted(c[2] for c in callers))
print(st.total_calls, st.prim_calls)
s = io.StringIO()
st.stream = s
st.sort_stats("ncalls", "name").print_stats()
lines = s.getvalue().splitlines()
print(lines[2].split(" in ")[0].strip())
for line in lines[4:]:
    if line.strip():
        parts = line.split()
        print(parts[0], " ".join(parts[5:]).split(":")[-1] if ":" in line else " ".join(parts[5:]))
pr2 = cProfile.Profile(builtins=False)
pr2.runcall(fib, 5)
print(sorted((e.code.co_name, e.callcount, e.reccallcount) for e in pr2.getstats()))
pr2.clear(); print(pr2.getstats())
import contextlib, re
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    cProfile.run("sum(fib(i) for i in range(4))", sort="ncalls")
lines = [re.sub(r"\d+\.\d+", "T", line).rstrip() for line in buf.getvalue().splitlines()]
print("\n".join(lines[:5]))
print("\n".join(sorted(lines[5:])))
