import time

t1 = time.time()
t2 = time.time()
print(type(t1), t2 >= t1, t1 > 1.6e9)
n1 = time.time_ns()
print(type(n1), n1 > 1600000000 * 10**9)
p1 = time.perf_counter()
m1 = time.monotonic()
c1 = time.process_time()
x = 0
for i in range(20000):
    x += i
time.sleep(0.01)
time.sleep(0)
p2 = time.perf_counter()
m2 = time.monotonic()
c2 = time.process_time()
print(p2 - p1 >= 0.01, m2 - m1 >= 0.01, c2 >= c1, x)
print(type(time.perf_counter_ns()), type(time.monotonic_ns()), type(time.process_time_ns()))
print(time.monotonic_ns() >= time.monotonic_ns() - 1)
g = time.gmtime(0)
print(g)
print(g.tm_year, g.tm_mon, g.tm_mday, g.tm_wday, g.tm_yday, g[0], len(g), tuple(g))
for ts in [86399, 951782400, 1709210096, 4102444800, -86400, 1234567890.75]:
    g = time.gmtime(ts)
    print(tuple(g), time.strftime("%Y-%m-%d %H:%M:%S %a %A %b %B %j %w %y %p %I %%", g))
    print(time.asctime(g), time.mktime(g) - ts < 1)
print(time.strftime("%d/%m/%Y", (2024, 2, 29, 13, 5, 9, 3, 60, 0)))
print(time.gmtime(1e9).tm_hour, len(time.localtime()), time.localtime().tm_year > 2000)
for bad in [-1, "x"]:
    try:
        time.sleep(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    time.time(1)
except TypeError as e:
    print(e)
