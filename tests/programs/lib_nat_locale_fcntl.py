# _locale (through locale), fcntl on pipes, _tracemalloc (through tracemalloc).
import _locale
import fcntl
import locale
import os
import tracemalloc


def check(f, *args, **kw):
    try:
        print(f.__name__, args, kw, "->", repr(f(*args, **kw)))
    except Exception as e:
        print(f.__name__, args, kw, "!", type(e).__name__, e)


print(locale.setlocale(locale.LC_ALL, "C"))
print(locale.localeconv())
print(locale.getlocale(), locale.getpreferredencoding(False))
print(locale.format_string("%.2f|%d", (1234567.891, 10 ** 6), grouping=True))
print(locale.str(3.25), locale.atof("3.5"), locale.atoi("42"), locale.delocalize("1.5"))
for item in ("CODESET", "D_T_FMT", "D_FMT", "T_FMT", "DAY_1", "ABMON_12", "RADIXCHAR",
             "THOUSEP", "YESEXPR", "AM_STR", "ERA"):
    print(item, repr(locale.nl_langinfo(getattr(locale, item))))
# Only strcoll's sign is defined: the C library's wcscmp may return the
# difference of the first differing characters or -1/1, as its code path goes.
order = locale.strcoll("a", "b")
print(sorted(["b", "A", "a", "B"], key=locale.strxfrm), (order > 0) - (order < 0))
check(_locale.setlocale, _locale.LC_ALL, "no_such_locale")
check(_locale.setlocale, 99)
check(_locale.setlocale, 0, 5)
check(_locale.nl_langinfo, 9999)
check(_locale.strcoll, "a", 1)
check(_locale.setlocale, category=0)
print(issubclass(locale.Error, Exception), locale.Error.__module__)
print(_locale.gettext("hello"), _locale.dgettext(None, "x"), _locale.textdomain("demo"))

r, w = os.pipe()
print(fcntl.fcntl(r, fcntl.F_GETFD) & fcntl.FD_CLOEXEC)
fl = fcntl.fcntl(w, fcntl.F_GETFL)
fcntl.fcntl(w, fcntl.F_SETFL, fl | os.O_NONBLOCK)
print(bool(fcntl.fcntl(w, fcntl.F_GETFL) & os.O_NONBLOCK), os.get_blocking(w))
print(fcntl.fcntl(r, fcntl.F_GETFL, b"abcd"))
fcntl.flock(r, fcntl.LOCK_EX | fcntl.LOCK_NB)
fcntl.flock(r, fcntl.LOCK_UN)
with open(os.devnull, "w") as f:
    print(fcntl.fcntl(f, fcntl.F_GETFD) & fcntl.FD_CLOEXEC)
os.write(w, b"12345")
print(fcntl.ioctl(r, 0x541B, b"\0\0\0\0"))  # FIONREAD
buf = bytearray(4)
print(fcntl.ioctl(r, 0x541B, buf), buf)
for args in [(99, fcntl.F_GETFD), ("x", 1), (-1, 1), (r,), (r, 1, 2.5), (r, 1, b"x" * 2000)]:
    check(fcntl.fcntl, *args)
check(fcntl.flock, 99, fcntl.LOCK_EX)
check(fcntl.lockf, 99, fcntl.LOCK_EX)
os.close(r)
os.close(w)

print(tracemalloc.is_tracing(), tracemalloc.get_traced_memory(), tracemalloc.get_traceback_limit())
tracemalloc.start(5)
print(tracemalloc.is_tracing(), tracemalloc.get_traceback_limit())
snap = tracemalloc.take_snapshot()
print(type(snap).__name__, snap.traceback_limit)
tracemalloc.stop()
print(tracemalloc.is_tracing(), tracemalloc.get_object_traceback(object()))
try:
    tracemalloc.take_snapshot()
except RuntimeError as e:
    print("RuntimeError", e)
check(tracemalloc.start, 0)
check(tracemalloc.start, 70000)
