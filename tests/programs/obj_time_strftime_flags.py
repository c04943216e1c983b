# time.strftime as glibc formats in the C locale (flags, widths, E/O
# modifiers, unknown conversions copied), the tuple checks of gettmarg and
# checktm, and the clock functions' types.
import time

T = (2004, 2, 29, 13, 5, 9, 6, 60, -1)
for fmt in ["%Y-%m-%d %H:%M:%S", "%a %A %b %B %h", "%c|%x|%X|%D|%F|%T|%R|%r",
            "%C %y %G %g %V %U %W %j %u %w %e %k %l %I %p %P",
            "%_5d|%-d|%05e|%^a|%#A|%#p|%^10B|%010b|%-10p|%3%|%5n|%2t",
            "%Ey %EY %Od %OH %Ec %Ex %Ob %OB", "%Ea %Oc %OY %Ed %q %+ %1 %_ %",
            "%4Y %_4Y %-4Y %6C", "%z %Z %#Z", "%10c|%^c|%^Oc", "é%aé", ""]:
    print(repr(fmt), repr(time.strftime(fmt, T)))

for y in [1, 99, 999, 9999, 12345, 0, -1, -99, -101, -1234, -2147481748, 2147483647]:
    t = (y,) + (0,) * 8
    print(y, repr(time.strftime("%Y|%4Y|%C|%y|%G|%g", t)), time.asctime(t))

print(time.strftime("%Y %m %d %H %M %S %w %j", (2000,) + (0,) * 8))
print(len(time.strftime("%2000Y", T)), len(time.strftime("%3000Y", T)))

bad = [
    (1900, -1, 1, 0, 0, 0, 0, 1, -1), (1900, 13, 1, 0, 0, 0, 0, 1, -1),
    (1900, 1, -1, 0, 0, 0, 0, 1, -1), (1900, 1, 32, 0, 0, 0, 0, 1, -1),
    (1900, 1, 1, 24, 0, 0, 0, 1, -1), (1900, 1, 1, 0, 60, 0, 0, 1, -1),
    (1900, 1, 1, 0, 0, 62, 0, 1, -1), (1900, 1, 1, 0, 0, 0, -2, 1, -1),
    (1900, 1, 1, 0, 0, 0, 0, 367, -1), (2 ** 31,) + (0,) * 8,
    (-2 ** 31,) + (0,) * 8, (2 ** 70,) + (0,) * 8, (2000, 1.5) + (0,) * 7,
    (0,) * 8, [2000] + [0] * 8,
]
for t in bad:
    for f in (time.asctime, lambda t: time.strftime("", t)):
        try:
            print(repr(f(t)))
        except (ValueError, OverflowError, TypeError) as e:
            print(type(e).__name__, e)
print(time.asctime((1900, 1, 1, 0, 0, 0, -1, 1, -1)), time.asctime((1900, 1, 1, 0, 0, 0, 6, 1, -1)))
try:
    time.strftime("%S\0", T)
except ValueError as e:
    print("ValueError", e)

g = time.gmtime(1234567890)
print(g, g.tm_zone, g.tm_gmtoff, time.strftime("%Z %z %c", g))
for v in [2 ** 60, 2 ** 63, -2 ** 60, float("nan"), float("inf"), -1.5, "1"]:
    try:
        print(time.gmtime(v)[:6])
    except (OSError, OverflowError, ValueError, TypeError) as e:
        print(type(e).__name__, e)

print(type(time.thread_time()).__name__, type(time.thread_time_ns()).__name__)
print(type(time.clock_gettime(time.CLOCK_MONOTONIC)).__name__,
      type(time.clock_gettime_ns(time.CLOCK_REALTIME)).__name__,
      0 < time.clock_getres(time.CLOCK_REALTIME) <= 1)
clk = time.pthread_getcpuclockid(__import__("_thread").get_ident())
print(type(clk).__name__, clk != time.CLOCK_THREAD_CPUTIME_ID, time.clock_gettime(clk) >= 0)
for call in [lambda: time.clock_gettime(), lambda: time.clock_gettime(2 ** 40),
             lambda: time.clock_settime(time.CLOCK_MONOTONIC, 0),
             lambda: time.clock_settime_ns(time.CLOCK_MONOTONIC, 0.5),
             lambda: time.pthread_getcpuclockid(1.5)]:
    try:
        call()
    except (OSError, OverflowError, TypeError) as e:
        print(type(e).__name__, e)
