# _stat (through stat) and _opcode (through dis), as tools use them.
import _stat
import dis
import stat

modes = [0o100644, 0o40755, 0o120777, 0o20620, 0o60660, 0o10600, 0o140755,
         0o104755, 0o102755, 0o41777, 0o1000, 0o2000, 0o4000, 0]
for m in modes:
    kinds = [n for n in ("S_ISDIR", "S_ISREG", "S_ISLNK", "S_ISCHR", "S_ISBLK",
                         "S_ISFIFO", "S_ISSOCK", "S_ISDOOR", "S_ISPORT", "S_ISWHT")
             if getattr(stat, n)(m)]
    print(oct(m), stat.filemode(m), oct(stat.S_IMODE(m)), oct(stat.S_IFMT(m)), kinds)

print(stat.filemode is _stat.filemode, stat.S_ISDIR is _stat.S_ISDIR)
consts = sorted(n for n in dir(_stat) if n.isupper() and isinstance(getattr(_stat, n), int))
print(len(consts), [(n, getattr(_stat, n)) for n in consts[:12]])
print(stat.ST_MTIME, stat.UF_HIDDEN, stat.SF_SNAPSHOT, stat.S_IFDOOR)


def check(f, *args, **kw):
    try:
        print(f.__name__, args, kw, "->", f(*args, **kw))
    except Exception as e:
        print(f.__name__, args, kw, "!", type(e).__name__, e)


for bad in ("x", -1, 2 ** 40, 2 ** 64, 1.5, True):
    check(_stat.S_ISDIR, bad)
    check(_stat.filemode, bad)
check(_stat.S_ISDIR)
check(_stat.S_IMODE, 1, 2)
check(_stat.S_ISREG, mode=1)

# dis.stack_effect is _opcode.stack_effect.
for name in ("POP_TOP", "NOP", "BINARY_OP", "BUILD_LIST", "BUILD_MAP", "CALL",
             "PRECALL", "FOR_ITER", "UNPACK_SEQUENCE", "UNPACK_EX", "MAKE_FUNCTION",
             "RAISE_VARARGS", "POP_JUMP_FORWARD_IF_TRUE", "JUMP_IF_TRUE_OR_POP",
             "FORMAT_VALUE", "BUILD_SLICE", "CALL_FUNCTION_EX", "RETURN_VALUE"):
    op = dis.opmap[name]
    arg = 3 if op >= dis.HAVE_ARGUMENT else None
    effects = [dis.stack_effect(op, arg, jump=j) for j in (None, True, False)]
    print(name, effects)
for args, kw in [((1, 1), {}), ((100,), {}), ((3,), {}), ((300, 1), {}),
                 ((114, 0), {"jump": 1}), ((114, 0, True), {}), ((), {}),
                 ((2 ** 70,), {}), ((100, 2 ** 70), {}), ((90, 2 ** 31), {}),
                 ((1, None), {"jump": None, "x": 1}), ((1.0,), {}), ((1,), {"oparg": 2})]:
    check(dis.stack_effect, *args, **kw)
import _opcode
print(_opcode.get_specialization_stats())
