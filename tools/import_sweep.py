#!/usr/bin/env python3
"""Import every standard-library module CPython 3.11 can import, with Pith.

Usage: python3 tools/import_sweep.py [PITH] [--timeout S] [--jobs N]

For each name in `sys.stdlib_module_names` (and the public submodules of the
packages among them) that `python3 -c "import X"` imports, runs
`PITH -c "import X"` and lists the failures with their last stderr line.
Prints `k/n` at the end. Exit status 0 always: this is a report, not a gate.
"""
import argparse
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor


def run(cmd, name, timeout):
    try:
        p = subprocess.run(cmd + ["-c", f"import {name}"], capture_output=True,
                           timeout=timeout, text=True, errors="replace")
    except subprocess.TimeoutExpired:
        return False, "timeout"
    if p.returncode == 0:
        return True, ""
    lines = [l for l in p.stderr.splitlines() if l.strip()]
    return False, lines[-1] if lines else f"exit {p.returncode}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("pith", nargs="?", default="target/release/pith")
    ap.add_argument("--timeout", type=float, default=20)
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    names = sorted(n for n in sys.stdlib_module_names
                   if n not in ("antigravity", "this", "idlelib", "turtledemo"))
    with ThreadPoolExecutor(args.jobs) as ex:
        ok_cpy = list(ex.map(lambda n: run([sys.executable], n, args.timeout), names))
    names = [n for n, (ok, _) in zip(names, ok_cpy) if ok]
    with ThreadPoolExecutor(args.jobs) as ex:
        res = list(ex.map(lambda n: run([args.pith], n, args.timeout), names))
    bad = [(n, msg) for n, (ok, msg) in zip(names, res) if not ok]
    for n, msg in bad:
        print(f"{n:24} {msg}")
    print(f"{len(names) - len(bad)}/{len(names)}")


if __name__ == "__main__":
    main()
