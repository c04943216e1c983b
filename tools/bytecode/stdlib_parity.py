#!/usr/bin/env python3
"""Stdlib parity for pith-bytecode (run from anywhere; needs CPython 3.11).

For every .py file of the stdlib: take CPython's own .pyc (from __pycache__, or
compiled with py_compile into a temp dir, never into the stdlib), and write what
`python3 -m dis FILE` prints (same as dis.dis(compile(source, FILE, 'exec'))).
Then run the ignored Rust tests that (a) read and rewrite every .pyc and compare
bytes, (b) compare pith's dis of the .pyc with `python3 -m dis FILE`, (b') with
CPython's dis of the same .pyc after marshal.loads (frozenset order is that of the
unmarshalled set, which the .pyc determines; the compile-time order of (b) is not
recorded in the .pyc), (c) re-encode every location and exception table.

Usage: python3 tools/bytecode/stdlib_parity.py [--limit N] [--keep]
"""
import argparse
import contextlib
import dis
import importlib.util
import io
import marshal
import os
import py_compile
import shutil
import subprocess
import sys
import sysconfig
import tempfile

assert sys.version_info[:2] == (3, 11), "needs CPython 3.11"

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def main():
    if os.environ.get("PYTHONHASHSEED") != "0":
        # frozenset reprs follow str hashes; pith reproduces the seed-0 order.
        os.environ["PYTHONHASHSEED"] = "0"
        os.execv(sys.executable, [sys.executable] + sys.argv)
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--keep", action="store_true", help="keep the temp dir")
    args = ap.parse_args()
    stdlib = sysconfig.get_paths()["stdlib"]
    tmp = tempfile.mkdtemp(prefix="pith-bytecode-parity-")
    lines = []
    skipped = 0
    for dirpath, dirnames, filenames in os.walk(stdlib):
        dirnames[:] = sorted(d for d in dirnames if d not in ("__pycache__", "site-packages"))
        for fn in sorted(filenames):
            if not fn.endswith(".py"):
                continue
            src = os.path.join(dirpath, fn)
            pyc = importlib.util.cache_from_source(src)
            n = len(lines)
            if not os.path.exists(pyc):
                pyc = os.path.join(tmp, f"{n}.pyc")
                try:
                    py_compile.compile(src, cfile=pyc, doraise=True)
                except Exception:
                    skipped += 1
                    continue
            try:
                with open(src, "rb") as f:
                    code = compile(f.read(), src, "exec")
            except Exception:
                skipped += 1
                continue
            buf = io.StringIO()
            with contextlib.redirect_stdout(buf):
                dis.dis(code)
            expected = os.path.join(tmp, f"{n}.dis")
            with open(expected, "w", encoding="utf-8", errors="surrogateescape") as f:
                f.write(buf.getvalue())
            # The same listing for the code object unmarshalled from the .pyc: it
            # differs from the source's only in frozenset element order.
            with open(pyc, "rb") as f:
                loaded = marshal.loads(f.read()[16:])
            buf = io.StringIO()
            with contextlib.redirect_stdout(buf):
                dis.dis(loaded)
            expected_pyc = os.path.join(tmp, f"{n}.pycdis")
            with open(expected_pyc, "w", encoding="utf-8", errors="surrogateescape") as f:
                f.write(buf.getvalue())
            lines.append(f"{pyc}\t{expected}\t{expected_pyc}\n")
            if args.limit and len(lines) >= args.limit:
                break
        if args.limit and len(lines) >= args.limit:
            break
    manifest = os.path.join(tmp, "manifest.txt")
    with open(manifest, "w") as f:
        f.writelines(lines)
    print(f"{len(lines)} files ({skipped} skipped: not compilable by 3.11); manifest {manifest}")
    env = dict(os.environ, PITH_STDLIB_MANIFEST=manifest)
    env.setdefault("CARGO_TARGET_DIR", os.path.join(ROOT, "target-bytecode"))
    rc = subprocess.call(
        ["cargo", "test", "-p", "pith-bytecode", "--test", "stdlib_parity", "--",
         "--ignored", "--nocapture", "--test-threads", "1"],
        cwd=ROOT, env=env)
    if not args.keep:
        shutil.rmtree(tmp, ignore_errors=True)
    sys.exit(rc)


if __name__ == "__main__":
    main()
