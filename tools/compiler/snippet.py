#!/usr/bin/env python3
"""Debug aid: compile a snippet with CPython and pith-compiler, show both.

    snippet.py 'source with \\n escapes' [--pos]
"""
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "tools", "ast_fixtures"))
import gen  # noqa: E402
import dis  # noqa: E402

src = sys.argv[1].replace("\\n", "\n")
if not src.endswith("\n"):
    src += "\n"
pos = "--pos" in sys.argv
with open("/tmp/pith-snippet.json", "w") as f:
    json.dump({"source": src, "tree": gen.Converter(src).node(gen.ast.parse(src)),
               "filename": "s.py"}, f)
env = dict(os.environ, CARGO_TARGET_DIR=os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target-compiler")))
args = ["cargo", "run", "-q", "-p", "pith-compiler", "--example", "pithdis", "--",
        "/tmp/pith-snippet.json"] + (["--pos"] if pos else [])
ours = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True).stdout
code = compile(src, "s.py", "exec")
import io
buf = io.StringIO()
dis.dis(code, file=buf)
theirs = buf.getvalue()
if pos:
    def walk(c):
        for i, p in enumerate(c.co_positions()):
            print(i * 2, tuple(p), file=buf2)
        for k in c.co_consts:
            if hasattr(k, "co_code"):
                walk(k)
    buf2 = io.StringIO()
    walk(code)
    theirs += buf2.getvalue()
import difflib
a = ours.splitlines()
b = theirs.splitlines()
import re
mask = lambda l: [re.sub("0x[0-9a-f]+", "0x?", x) for x in l]
d = list(difflib.unified_diff(mask(a), mask(b), "pith", "cpython", lineterm="", n=2))
print("\n".join(d) if d else "identical")
