#!/usr/bin/env python3
"""Regenerates the expected results of tests/programs/*.py with CPython 3.11.

For every program NAME.py this writes, next to it:
  expected/NAME.stdout   what `python3 NAME.py` prints on stdout
  expected/NAME.stderr   its stderr; in both, the absolute program directory is
                         removed from paths (`File "NAME.py"`, `file "NAME.py"`)
  expected/NAME.status   its exit status
  stdin/NAME.txt         (optional, written by hand) what the program reads on
                         stdin; without it stdin is empty
  pyc/NAME.pyc           the module compiled by CPython (`py_compile`, co_filename
                         "NAME.py"), which the pith-vm tests run
Programs run with the program directory as the working directory and
PYTHONHASHSEED=0. The script also checks that `python3 pyc/NAME.pyc` behaves
exactly like `python3 NAME.py` (the cross-check the VM tests rely on).

Usage: python3 tools/gen_vm_programs.py [NAME ...]
"""

import os
import re
import py_compile
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PROGRAMS = os.path.join(os.path.dirname(HERE), "tests", "programs")


def run(args, stdin=b""):
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONDONTWRITEBYTECODE="1")
    env.pop("PYTHONSTARTUP", None)
    p = subprocess.run(
        [sys.executable] + args,
        cwd=PROGRAMS,
        capture_output=True,
        env=env,
        timeout=120,
        input=stdin,
    )
    return p.stdout, p.stderr, p.returncode


def mask(b):
    """Masks memory addresses, which differ between runs."""
    return re.sub(rb"0x[0-9a-f]{6,}", b"0x...", b)


def main():
    if sys.version_info[:2] != (3, 11):
        sys.exit("CPython 3.11 is required")
    names = sys.argv[1:] or sorted(
        f[:-3] for f in os.listdir(PROGRAMS) if f.endswith(".py")
    )
    os.makedirs(os.path.join(PROGRAMS, "expected"), exist_ok=True)
    os.makedirs(os.path.join(PROGRAMS, "pyc"), exist_ok=True)
    prefix = (PROGRAMS + os.sep).encode()
    for name in names:
        src = name + ".py"
        pyc = os.path.join("pyc", name + ".pyc")
        py_compile.compile(
            os.path.join(PROGRAMS, src),
            cfile=os.path.join(PROGRAMS, pyc),
            dfile=src,
            doraise=True,
            invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH,
        )
        stdin_path = os.path.join(PROGRAMS, "stdin", name + ".txt")
        stdin = b""
        if os.path.exists(stdin_path):
            with open(stdin_path, "rb") as f:
                stdin = f.read()
        out, err, status = run([src], stdin)
        out = out.replace(prefix, b"")
        err = err.replace(prefix, b"")
        out2, err2, status2 = run([pyc], stdin)
        if (mask(out2), mask(err2), status2) != (mask(out), mask(err), status):
            print(f"warning: {name}: python3 {pyc} differs from python3 {src}")
        base = os.path.join(PROGRAMS, "expected", name)
        with open(base + ".stdout", "wb") as f:
            f.write(out)
        with open(base + ".stderr", "wb") as f:
            f.write(err)
        with open(base + ".status", "w") as f:
            f.write(f"{status}\n")
        print(f"{name}: exit {status}, {len(out)} bytes stdout, {len(err)} bytes stderr")


if __name__ == "__main__":
    main()
