# sys: exit statuses from tuples, call_tracing, the start-up descriptions
# (stdlib_module_names, thread_info, orig_argv) and intern.
import sys

for arg in [(), (42,), ((42,),), ("exit",), ((17, 23),), (None,)]:
    try:
        sys.exit(*arg)
    except SystemExit as e:
        print(repr(arg), "->", e.args, repr(e.code))
for args in [(), (1,), (1, 2), ((1, 2),)]:
    print(args, repr(SystemExit(*args).code))
try:
    sys.exit(1, 2)
except TypeError as e:
    print("TypeError:", e)

print(sys.call_tracing(len, ([1, 2, 3],)))
print(sys.call_tracing(max, (4, 9, 2)))
for args in [(type, 2), (len, [1])]:
    try:
        sys.call_tracing(*args)
    except TypeError as e:
        print("TypeError:", e)
try:
    sys.call_tracing(len)
except TypeError as e:
    print("TypeError:", e)

names = sys.stdlib_module_names
print(type(names).__name__, len(names) > 250)
print(all(n in names for n in ["os", "sys", "mmap", "termios", "syslog", "json", "_io"]))
print("pith" in names, "numpy" in names)
print(type(sys.thread_info).__name__, sys.thread_info.name, sys.thread_info.lock,
      len(sys.thread_info))
print(type(sys.orig_argv).__name__, len(sys.orig_argv) >= 1)
print(sys._stdlib_dir is None or isinstance(sys._stdlib_dir, str))

s = "never interned " + str(len(names) * 0 + 7)
print(sys.intern(s) is s)
s2 = s.swapcase().swapcase()
print(s2 is s, sys.intern(s2) is s)
try:
    sys.intern(b"x")
except TypeError as e:
    print("TypeError:", e)
