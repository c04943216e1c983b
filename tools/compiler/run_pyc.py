#!/usr/bin/env python3
"""Runs every tests/compile/NAME.py under CPython twice: from source, and from
the .pyc pith-compiler wrote (examples/compile_pyc.rs); stdout and stderr must
match. Prints matched/total and the differing cases."""
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CASES = os.path.join(ROOT, "tests", "compile")
env = dict(os.environ, CARGO_TARGET_DIR=os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target-compiler")))
subprocess.run(["cargo", "build", "-q", "-p", "pith-compiler", "--example", "compile_pyc"],
               cwd=ROOT, env=env, check=True)
exe = os.path.join(env["CARGO_TARGET_DIR"], "debug", "examples", "compile_pyc")
ok, bad = 0, []
with tempfile.TemporaryDirectory() as tmp:
    for name in sorted(n for n in os.listdir(CASES) if n.endswith(".py")):
        stem = name[:-3]
        pyc = os.path.join(tmp, stem + ".pyc")
        r = subprocess.run([exe, os.path.join(CASES, "out", stem + ".json"), pyc],
                           capture_output=True, text=True)
        if r.returncode:
            bad.append(f"{stem}: compile failed: {r.stderr.strip()}")
            continue
        run = lambda path: subprocess.run([sys.executable, path], cwd=CASES, capture_output=True,
                                          text=True, timeout=60, env=dict(os.environ, PYTHONHASHSEED="0"))
        want = run(name)
        got = run(pyc)
        # Tracebacks name the file; compare stdout and the exception line.
        last = lambda s: s.strip().splitlines()[-1:] if s.strip() else []
        mask = lambda t: re.sub(r"0x[0-9a-f]+", "0x?", t)
        if mask(got.stdout) == mask(want.stdout) and last(got.stderr) == last(want.stderr):
            ok += 1
        else:
            bad.append(f"{stem}: output differs")
total = ok + len(bad)
print(f"run .pyc under CPython: {ok}/{total} match")
for b in bad:
    print(" ", b)
