#!/usr/bin/env python3
"""Regenerate the expected outputs of the data-driven tests from CPython 3.11.

Each stage has a folder tests/cases/<stage>/ of `.py` cases. For every case
and every variant of the stage, this runs the CPython command the Pith
subcommand mirrors, from the repository root with the case's relative path
(so file names in messages are the same), and writes
tests/cases/<stage>/expected/<case>.<variant>:

    <stdout>
    --- stderr ---          (only when stderr is non-empty or the exit
    <stderr>                 status is not 0)
    --- exit N ---

`cargo test` compares Pith's output in the same format, without CPython.

Usage: python3 tools/gen_expected.py [STAGE ...]
"""
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# stage -> {variant: CPython command (the case path is appended)}.
# tests/cases.rs holds the matching Pith commands.
STAGES = {
    "tokenize": {
        "tokenize": [sys.executable, "-m", "tokenize"],
        "tokenize-e": [sys.executable, "-m", "tokenize", "-e"],
    },
}


def render(stdout, stderr, status):
    out = stdout
    if stderr or status != 0:
        out += b"--- stderr ---\n" + stderr + b"--- exit %d ---\n" % status
    return out


def main():
    if sys.version_info[:2] != (3, 11):
        sys.exit("expected outputs must come from CPython 3.11")
    stages = sys.argv[1:] or sorted(STAGES)
    for stage in stages:
        folder = os.path.join("tests", "cases", stage)
        expected = os.path.join(ROOT, folder, "expected")
        os.makedirs(expected, exist_ok=True)
        cases = sorted(n for n in os.listdir(os.path.join(ROOT, folder)) if n.endswith(".py"))
        for name in cases:
            for variant, cmd in STAGES[stage].items():
                p = subprocess.run(cmd + [os.path.join(folder, name)], cwd=ROOT,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                target = os.path.join(expected, f"{name[:-3]}.{variant}")
                with open(target, "wb") as f:
                    f.write(render(p.stdout, p.stderr, p.returncode))
        print(f"{stage}: {len(cases)} cases")


if __name__ == "__main__":
    main()
