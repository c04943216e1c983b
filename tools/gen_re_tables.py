#!/usr/bin/env python3
"""Embeds CPython 3.11's compiled SRE code in the tests/programs/re_*.py programs.

Each re_*.py program compiles its patterns with `compile(PATTERN, FLAGS)` (string
or bytes literal, int literal flags). The program first tries `import re`; where
that import fails (a VM that cannot yet run the `re` package, or runs without a
compiler), it falls back to `_sre.compile` with the code CPython's `re._compiler`
produced, which this script writes between the `# BEGIN SRE TABLE` and
`# END SRE TABLE` lines. So the same program tests `_sre` alone and `re` whole.

Usage: python3 tools/gen_re_tables.py [NAME ...]   (then tools/gen_vm_programs.py)
"""

import ast
import os
import sys
from re import _compiler, _parser

HERE = os.path.dirname(os.path.abspath(__file__))
PROGRAMS = os.path.join(os.path.dirname(HERE), "tests", "programs")
BEGIN = "# BEGIN SRE TABLE\n"
END = "# END SRE TABLE\n"


def entry(pattern, flags):
    """What re._compiler.compile passes to _sre.compile, as in 3.11."""
    p = _parser.parse(pattern, flags)
    code = _compiler._code(p, flags)
    indexgroup = [None] * p.state.groups
    for k, i in p.state.groupdict.items():
        indexgroup[i] = k
    return (flags | p.state.flags, [int(c) for c in code], p.state.groups - 1,
            dict(p.state.groupdict), tuple(indexgroup))


def patterns(src):
    found = []
    for node in ast.walk(ast.parse(src)):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                and node.func.id == "compile" and node.args):
            try:
                args = [ast.literal_eval(a) for a in node.args]
            except ValueError:
                continue
            key = (args[0], args[1] if len(args) > 1 else 0)
            if key not in found:
                found.append(key)
    return found


def main():
    names = sys.argv[1:] or sorted(
        f[:-3] for f in os.listdir(PROGRAMS) if f.startswith("re_") and f.endswith(".py"))
    for name in names:
        path = os.path.join(PROGRAMS, name + ".py")
        with open(path, encoding="utf-8") as f:
            src = f.read()
        if BEGIN not in src or END not in src:
            continue
        head, rest = src.split(BEGIN, 1)
        _, tail = rest.split(END, 1)
        lines = ["_TABLE = {\n"]
        for key in patterns(src):
            lines.append("    %r: %r,\n" % (key, entry(*key)))
        lines.append("}\n")
        with open(path, "w", encoding="utf-8") as f:
            f.write(head + BEGIN + "".join(lines) + END + tail)
        print(name)


if __name__ == "__main__":
    main()
