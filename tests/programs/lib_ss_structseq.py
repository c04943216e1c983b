# Struct sequences: tuple subclasses with named fields.
import os, sys, time

t = type(os.stat("."))
print(t, t.__mro__, t.__module__, t.__qualname__, t.__name__)
print(t.n_sequence_fields, t.n_fields, t.n_unnamed_fields, t.__match_args__)
s = os.stat_result((1,) * 10)
print(s, s.st_atime, s.st_atime_ns, s[7], len(s))
print(s.__reduce__())
s = os.stat_result(range(10))
print(s.st_atime, s.st_mtime, s.st_ctime, s.st_atime_ns, s.st_blksize)
for a in [(1,) * 9, (1,) * 20, (1,) * 19, 5, None, "abcdefghij"]:
    try:
        print(os.stat_result(a))
    except TypeError as e:
        print("TypeError", e)
print(os.stat_result((1,) * 10, {"st_atime": 2.5, "bogus": 1}).st_atime)
for args, kw in [(((1,) * 10, 5), {}), ((), {}), ((), {"sequence": (2,) * 10})]:
    try:
        print(os.stat_result(*args, **kw))
    except TypeError as e:
        print("TypeError", e)
for T in [type(sys.version_info), type(sys.flags), type(sys.float_info),
          type(sys.hash_info), type(sys.int_info), time.struct_time,
          os.terminal_size, os.times_result, os.uname_result]:
    print(T, T.__module__, T.__name__, T.n_sequence_fields, T.n_fields,
          T.n_unnamed_fields, T.__match_args__)
    try:
        print(T((0,) * T.n_sequence_fields))
    except TypeError as e:
        print("TypeError", e)
st = time.gmtime(0)
print(st, st.tm_zone, st.tm_gmtoff)
print(st.__reduce__())
print(time.struct_time((1,) * 9).tm_zone, time.struct_time((1,) * 11).tm_zone)
print(time.strftime("%Y-%m-%d", st), time.asctime(st))
s = os.stat(".")
try:
    s.st_mode = 3
except AttributeError as e:
    print("AttributeError", e)
try:
    s.foo = 3
except AttributeError as e:
    print("AttributeError", e)
print(hasattr(s, "__dict__"), s == tuple(s), hash(s) == hash(tuple(s)), type(s[:2]))
print(isinstance(s.st_atime, float), isinstance(s.st_mtime_ns, int), s.st_mtime == s[8] or True)
print(sys.version_info >= (3, 8), sys.version_info[:2], sys.version_info.major)
print(sys.float_info.max, sys.float_info.epsilon, sys.int_info, sys.hash_info.width)
a, b = os.terminal_size((5, 6))
print(a, b, isinstance(os.terminal_size((5, 6)), tuple), os.terminal_size((5, 6)).lines)
import copy
print(copy.copy(s) == s, type(copy.deepcopy(st)))
match os.terminal_size((1, 2)):
    case os.terminal_size(c, l):
        print("match", c, l)
print(type(os.uname()).__name__, len(os.uname()), type(os.times()).__name__)
try:
    class X(os.stat_result):
        pass
except TypeError as e:
    print("TypeError", e)
