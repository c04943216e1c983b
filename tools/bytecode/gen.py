#!/usr/bin/env python3
"""Regenerates pith-bytecode's test fixtures with CPython 3.11.

For every crates/bytecode/tests/cases/NAME.py it writes, next to it:
  NAME.pyc    what py_compile writes (co_filename "NAME.py"; cases whose name
              starts with "hash_" use checked/unchecked hash-based headers)
  NAME.dis    what `python3 -m dis NAME.py` prints (PYTHONHASHSEED=0)
  NAME.tables co_lines(), co_positions() and the parsed exception table of every
              code object, depth first in dis order
and tests/data/opcodes.txt (opcode table facts), tests/data/stack_effects.txt
(dis.stack_effect for every opcode, a range of arguments, jump None/True/False) and
tests/data/hot.* (a function quickened by running it: its marshalled code, its
adaptive bytecode, and dis with show_caches=True, with and without adaptive=True)
and tests/data/sets.txt (folded set constants: source order and CPython's repr).

Usage: python3 tools/bytecode/gen.py
"""
import contextlib
import dis
import io
import marshal
import opcode
import os
import py_compile
import sys

assert sys.version_info[:2] == (3, 11), "needs CPython 3.11"
if os.environ.get("PYTHONHASHSEED") != "0":
    os.environ["PYTHONHASHSEED"] = "0"
    os.execv(sys.executable, [sys.executable] + sys.argv)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TESTS = os.path.join(ROOT, "crates", "bytecode", "tests")
CASES = os.path.join(TESTS, "cases")
DATA = os.path.join(TESTS, "data")


def fmt(v):
    return "N" if v is None else str(v)


def walk(code, out):
    out.append(f"C {code.co_qualname}")
    for s, e, l in code.co_lines():
        out.append(f"L {s} {e} {fmt(l)}")
    out.append("P " + " ".join(",".join(fmt(x) for x in p) for p in code.co_positions()))
    for entry in dis._parse_exception_table(code):
        out.append(f"E {entry.start} {entry.end} {entry.target} {entry.depth} {int(entry.lasti)}")
    for c in code.co_consts:
        if hasattr(c, "co_code"):
            walk(c, out)


def gen_case(name):
    src = os.path.join(CASES, name + ".py")
    pyc = os.path.join(CASES, name + ".pyc")
    mode = py_compile.PycInvalidationMode.TIMESTAMP
    if name.startswith("hash_checked"):
        mode = py_compile.PycInvalidationMode.CHECKED_HASH
    elif name.startswith("hash_"):
        mode = py_compile.PycInvalidationMode.UNCHECKED_HASH
    py_compile.compile(src, cfile=pyc, dfile=name + ".py", doraise=True, invalidation_mode=mode)
    with open(src, "rb") as f:
        code = compile(f.read(), name + ".py", "exec")
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        dis.dis(code)
    with open(os.path.join(CASES, name + ".dis"), "w", encoding="utf-8") as f:
        f.write(buf.getvalue())
    lines = []
    walk(code, lines)
    with open(os.path.join(CASES, name + ".tables"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def gen_opcodes():
    all_opname = dis._all_opname
    sets = {
        "const": opcode.hasconst, "name": opcode.hasname, "jrel": opcode.hasjrel,
        "local": opcode.haslocal, "free": opcode.hasfree, "compare": opcode.hascompare,
    }
    out = []
    for op in range(256):
        name = all_opname[op]
        if name.startswith("<"):
            continue
        base = dis._deoptop(op)
        tags = [k for k, v in sets.items() if op in v]
        out.append(f"{op} {name} {opcode.opname[base]} {opcode._inline_cache_entries[base]} "
                   f"{int(base >= opcode.HAVE_ARGUMENT)} {','.join(tags) or '-'}")
    with open(os.path.join(DATA, "opcodes.txt"), "w") as f:
        f.write("\n".join(out) + "\n")
    out = []
    args = list(range(0, 20)) + [31, 32, 63, 64, 255, 256, 257, 511, 65535, 65536, 2**24 + 5]
    for op in range(256):
        name = opcode.opname[op]
        if name.startswith("<"):
            continue
        for a in (args if op >= opcode.HAVE_ARGUMENT else [None]):
            effects = [dis.stack_effect(op, a, jump=j) for j in (None, True, False)]
            out.append(f"{op} {fmt(a)} {' '.join(map(str, effects))}")
    with open(os.path.join(DATA, "stack_effects.txt"), "w") as f:
        f.write("\n".join(out) + "\n")


HOT_SOURCE = """\
def hot(a, b):
    t = 0
    for i in range(a):
        t = t + i * b
        t += len(str(i))
        if t > 10 ** 6:
            t = t // 2
    return t
"""


def gen_hot():
    ns = {}
    exec(compile(HOT_SOURCE, "hot.py", "exec"), ns)
    f = ns["hot"]
    for _ in range(200):
        f(30, 7)
    code = f.__code__
    with open(os.path.join(DATA, "hot.marshal"), "wb") as out:
        out.write(marshal.dumps(code))
    with open(os.path.join(DATA, "hot.adaptive"), "wb") as out:
        out.write(code._co_code_adaptive)
    for name, adaptive in (("hot.caches.dis", False), ("hot.adaptive.dis", True)):
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            dis.dis(code, show_caches=True, adaptive=adaptive)
        with open(os.path.join(DATA, name), "w") as out:
            out.write(buf.getvalue())


def gen_sets():
    """Folded set constants: source order, and repr of the frozenset as compile()
    leaves it (rebuilt from the iteration order of the first one)."""
    import random
    rng = random.Random(311)
    words = ["if", "else", "endif", "sha1", "SHA1", "md5", "MD5", "x", "y", "z", "alpha",
             "beta", "\u20ac", "caf\u00e9", "\U0001d11e", "", "__name__", "__doc__"]
    out = []
    for n in range(80):
        k = rng.randint(1, 14)
        if n % 3 == 0:
            items = rng.sample(words, min(k, len(words)))
        elif n % 3 == 1:
            items = rng.sample(range(-40, 2 ** 20), k)
        else:
            items = rng.sample(words, min(k, 6)) + rng.sample(range(-5, 300), k)
        merged = frozenset(tuple(frozenset(items)))
        enc = " ".join(("s:" + i.encode("unicode_escape").decode()) if isinstance(i, str) else f"i:{i}"
                       for i in items)
        out.append(f"{enc}\t{merged!r}")
    with open(os.path.join(DATA, "sets.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


def main():
    os.makedirs(DATA, exist_ok=True)
    names = sorted(fn[:-3] for fn in os.listdir(CASES) if fn.endswith(".py"))
    for name in names:
        gen_case(name)
    gen_opcodes()
    gen_hot()
    gen_sets()
    print(f"{len(names)} cases, opcode and stack-effect tables written")


if __name__ == "__main__":
    main()
