#!/usr/bin/env python3
"""Checks the golden files of tests/trace against CPython 3.11.

`pith trace` and `pith explain` exist only in Pith, so their expected files
(tests/trace/expected/NAME.trace, NAME.explain) are written by Pith itself
(`PITH_BLESS=1 cargo test --test trace`) and reviewed by hand. What CPython
can check, this script checks: the program's own output and exit status
recorded in each NAME.trace must be what `python3 NAME.py` gives.

Usage: python3 tools/check_trace_programs.py   (from the project root)
"""

import os
import re
import subprocess
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
DIR = os.path.join(ROOT, "tests", "trace")


def mask(text):
    return re.sub(r"0x[0-9a-fA-F]+", "0x", text)


def main():
    if sys.version_info[:2] != (3, 11):
        sys.exit("needs CPython 3.11")
    failures = 0
    names = sorted(n[:-3] for n in os.listdir(DIR) if n.endswith(".py"))
    for name in names:
        run = subprocess.run(
            [sys.executable, name + ".py"],
            cwd=DIR,
            capture_output=True,
            text=True,
            env=dict(os.environ, PYTHONHASHSEED="0"),
        )
        with open(os.path.join(DIR, "expected", name + ".trace"), encoding="utf-8") as f:
            golden = f.read()
        status = int(golden.split("\n", 1)[0].split(": ")[1])
        stdout = golden.split("--- stdout\n", 1)[1].split("--- stderr (trace)\n", 1)[0]
        if (mask(run.stdout), run.returncode) != (stdout, status):
            failures += 1
            print(f"{name}: CPython gives status {run.returncode} and stdout {run.stdout!r}")
    print(f"{len(names) - failures}/{len(names)} programs: output and status as CPython's")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
