#!/usr/bin/env python3
"""Parity: run a Pith stage and the CPython 3.11 tool it mirrors over every
.py file under a directory, and compare their output byte for byte.

Usage:
    python3 tools/parity.py MODE [DIR] [--pith PATH] [--jobs N]
                            [--min-percent P] [--show N]

MODE       tokenize        pith tokenize FILE      vs python3 -m tokenize FILE
           ast             pith ast FILE           vs python3 -m ast -a FILE
           m-ast           pith -m ast FILE        vs python3 -m ast FILE: CPython's own ast.py
                           run by Pith's VM over its native _ast (sampled, see --every)
           dis             pith dis FILE           vs python3 -m dis FILE (0x... masked)
           tokenize-exact  pith tokenize -e FILE   vs python3 -m tokenize -e FILE
           m-tokenize      pith -m tokenize FILE   vs python3 -m tokenize FILE: CPython's own
                           Lib/tokenize.py run by Pith's VM (sampled, see --every)
           m-dis           pith -m dis FILE        vs python3 -m dis FILE (0x... masked): Lib/dis.py
                           run by Pith's VM over Pith's compiler (sampled, see --every)
           dis-pyc         pith dis CPYTHON.pyc    vs python3 -m dis FILE (0x... masked)
           pyc-roundtrip   pith pyc --rewrite OUT CPYTHON.pyc: OUT must equal CPython's .pyc
           (CPYTHON.pyc is CPython's cached .pyc for FILE, written to a temporary
           folder with py_compile when the cache has none)
           unparse         pith-ast's unparse of Pith's tree vs ast.unparse(ast.parse(FILE)),
                           and Pith's parse of that text must give the same tree
                           (the parser's example unparse_roundtrip, --unparser; build it
                           with cargo build --release -p pith-parser --example unparse_roundtrip)
           syntax-errors   pith ast FILE vs python3 FILE over invalid programs (default
                           DIR tests/syntax_errors): the SyntaxError reports (file and
                           line, source line, caret line, message) must be the same
DIR        default: CPython's installed standard library, read in place
           (site-packages excluded)

Prints `matched/total`, the files CPython rejects and whether Pith rejects
them too, and the files whose output differs. Exits 1 when the match rate
is below --min-percent or Pith accepts a file CPython rejects, so CI can
fail on a regression.
"""
import argparse
import concurrent.futures
import importlib.util
import os
import py_compile
import re
import subprocess
import sys
import sysconfig
import tempfile
import time
import warnings

PYTHON = sys.executable

# Text modes: mode -> (pith arguments, CPython arguments); the file path is appended.
MODES = {
    "tokenize": (["tokenize"], [PYTHON, "-m", "tokenize"]),
    "tokenize-exact": (["tokenize", "-e"], [PYTHON, "-m", "tokenize", "-e"]),
    "ast": (["ast"], [PYTHON, "-m", "ast", "-a"]),
    "dis": (["dis"], [PYTHON, "-m", "dis"]),
    "m-tokenize": (["-m", "tokenize"], [PYTHON, "-m", "tokenize"]),
    "m-dis": (["-m", "dis"], [PYTHON, "-m", "dis"]),
    "m-ast": (["-m", "ast"], [PYTHON, "-m", "ast"]),
}
# Modes whose output holds memory addresses, masked before comparing.
MASKED = {"dis", "m-dis"}
# Modes that run a whole Python program per file under Pith's VM: by default
# they take every Nth file of the sorted list, a deterministic sample.
SAMPLED = {"m-tokenize": 17, "m-dis": 17, "m-ast": 15}
PYC_MODES = ("dis-pyc", "pyc-roundtrip")
BATCH_MODES = ("unparse", "syntax-errors")
ADDRESS = re.compile(rb"0x[0-9a-f]+")
SCRATCH = tempfile.mkdtemp(prefix="pith-parity-")
warnings.simplefilter("ignore")  # py_compile of odd test files warns


def cpython_pyc(path):
    """CPython's cached .pyc for path, or one compiled into the scratch folder."""
    cached = importlib.util.cache_from_source(path)
    if os.path.exists(cached) and os.path.getmtime(cached) >= os.path.getmtime(path):
        return cached
    target = os.path.join(SCRATCH, path.strip(os.sep).replace(os.sep, "_") + "c")
    try:
        py_compile.compile(path, cfile=target, doraise=True)
    except py_compile.PyCompileError:
        return None
    return target


def stdlib_dir():
    return sysconfig.get_paths()["stdlib"]


def python_files(root):
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d not in ("site-packages", "__pycache__"))
        for name in sorted(filenames):
            if name.endswith(".py"):
                yield os.path.join(dirpath, name)


# Set iteration order in dis output depends on str hashes: fix the seed, as
# Pith's set ordering reproduces CPython's with PYTHONHASHSEED=0.
ENV = dict(os.environ, PYTHONHASHSEED="0")


def run(cmd, timeout=120):
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout, env=ENV)
        return p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired:
        return None, b"", b"timeout"


def compare_pyc(mode, pith, path):
    pyc = cpython_pyc(path)
    if pyc is None:
        return "skipped", path, (1, b"", b"CPython cannot compile it"), (1, b"", b"")
    if mode == "dis-pyc":
        ref = run([PYTHON, "-m", "dis", path])
        got = run([pith, "dis", pyc])
        ref = (ref[0], ADDRESS.sub(b"0x", ref[1]), ref[2])
        got = (got[0], ADDRESS.sub(b"0x", got[1]), got[2])
    else:
        out = os.path.join(SCRATCH, f"rewrite-{os.getpid()}-{abs(hash(path))}.pyc")
        got = run([pith, "pyc", "--rewrite", out, pyc])
        with open(pyc, "rb") as f:
            ref = (0, f.read(), b"")
        if got[0] == 0:
            with open(out, "rb") as f:
                got = (0, f.read(), got[2])
            os.unlink(out)
    ok = got[0] == 0 and got[1] == ref[1]
    return ("match" if ok else "differ"), path, ref, got


def compare(mode, pith, path):
    if mode in PYC_MODES:
        return compare_pyc(mode, pith, path)
    pith_args, ref_args = MODES[mode]
    ref = run(ref_args + [path])
    got = run([pith] + pith_args + [path])
    if mode in MASKED:
        ref = (ref[0], ADDRESS.sub(b"0x", ref[1]), ref[2])
        got = (got[0], ADDRESS.sub(b"0x", got[1]), got[2])
    ref_ok = ref[0] == 0
    got_ok = got[0] == 0
    if ref_ok:
        return ("match" if got_ok and got[1] == ref[1] else "differ"), path, ref, got
    # CPython rejects the file: Pith must reject it too, with the same message
    # (the last line: `python3 -m ast` prints a traceback before it).
    if got_ok:
        return "accepted", path, ref, got
    same = got[2].strip().splitlines()[-1:] == ref[2].strip().splitlines()[-1:]
    return ("rejected" if same else "rejected-other"), path, ref, got


def first_difference(a, b):
    al, bl = a.splitlines(), b.splitlines()
    for i, (x, y) in enumerate(zip(al, bl)):
        if x != y:
            return f"line {i + 1}:\n      cpython: {x.decode(errors='replace')}\n      pith:    {y.decode(errors='replace')}"
    return f"lengths differ: cpython {len(al)} lines, pith {len(bl)} lines"


def cpython_unparse(path):
    import ast
    try:
        with open(path, "rb") as f:
            return ast.unparse(ast.parse(f.read(), path))
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None


def unparse_mode(args, root, files):
    """Pith's unparse text against CPython's, and Pith's round trip."""
    if not os.path.exists(args.unparser):
        sys.exit(f"{args.unparser} missing: cargo build --release -p pith-parser --example unparse_roundtrip")
    p = subprocess.run([args.unparser], input="\n".join(files).encode(), stdout=subprocess.PIPE, check=True)
    data, at, ours = p.stdout, 0, {}
    while at < len(data):
        nl = data.index(b"\n", at)
        status, path = data[at:nl].decode().split(" ", 1)
        nl2 = data.index(b"\n", nl + 1)
        length = int(data[nl + 1 : nl2])
        ours[path] = (status, data[nl2 + 1 : nl2 + 1 + length].decode())
        at = nl2 + 1 + length
    with concurrent.futures.ProcessPoolExecutor(args.jobs) as pool:
        theirs = dict(zip(files, pool.map(cpython_unparse, files, chunksize=8)))
    parsed = [f for f in files if theirs[f] is not None]
    same_text = [f for f in parsed if ours[f][0] != "parse-error" and ours[f][1] == theirs[f]]
    same_tree = [f for f in parsed if ours[f][0] == "same"]
    shown = 0
    for f in parsed:
        status, text = ours[f]
        if shown >= args.show or (status == "same" and text == theirs[f]):
            continue
        shown += 1
        why = f"round trip: {status}"
        if text != theirs[f]:
            why += "; text " + first_difference(theirs[f].encode(), text.encode())
        print(f"DIFFER {os.path.relpath(f, root)}: {why}")
    pct_text = 100.0 * len(same_text) / max(len(parsed), 1)
    pct_tree = 100.0 * len(same_tree) / max(len(parsed), 1)
    print(f"unparse: {len(same_text)}/{len(parsed)} files: text equals ast.unparse ({pct_text:.2f}%) in {root}")
    print(f"unparse: {len(same_tree)}/{len(parsed)} files: re-parsed tree equals the first ({pct_tree:.2f}%)")
    return min(pct_text, pct_tree)


def syntax_report(path, pith):
    """CPython's SyntaxError report (what `python3 FILE` prints) and Pith's."""
    ref = run([PYTHON, path])
    got = run([pith, "ast", path])
    mine = got[2].decode(errors="replace").splitlines()
    theirs = ref[2].decode(errors="replace").splitlines()
    if got[0] == 0:
        mine = "accepted by Pith"
    return path, theirs, mine


def syntax_errors_mode(args, root, files):
    """Every file is an invalid program: Pith's report (File/line, source line,
    caret line, `SyntaxError: message`) must be what `python3 FILE` prints."""
    matched = 0
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        for path, theirs, mine in pool.map(lambda f: syntax_report(f, args.pith), files):
            if theirs == mine:
                matched += 1
                continue
            print(f"DIFFER {os.path.relpath(path, root)}:")
            for who, lines in (("cpython", theirs), ("pith", mine)):
                text = "\n               ".join(lines) if isinstance(lines, list) else lines
                print(f"      {who + ':':9}{text}")
    pct = 100.0 * matched / max(len(files), 1)
    print(f"syntax-errors: {matched}/{len(files)} files rejected with the same report ({pct:.2f}%) in {root}")
    return pct


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("mode", choices=sorted(MODES) + list(PYC_MODES) + list(BATCH_MODES))
    ap.add_argument("dir", nargs="?", default=None)
    ap.add_argument("--pith", default=os.path.join("target", "release", "pith"))
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--min-percent", type=float, default=0.0)
    ap.add_argument("--show", type=int, default=50, help="how many differing files to detail")
    ap.add_argument("--every", type=int, default=None,
                    help="take every Nth file (sorted); default 1, or 17 for the m-* modes")
    ap.add_argument("--unparser", default=os.path.join("target", "release", "examples", "unparse_roundtrip"))
    args = ap.parse_args()
    if sys.version_info[:2] != (3, 11):
        sys.exit("parity needs CPython 3.11 as the oracle")
    if args.mode == "syntax-errors" and not args.dir:
        args.dir = os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir, "tests", "syntax_errors")
    root = args.dir or stdlib_dir()
    files = list(python_files(root))
    every = args.every or SAMPLED.get(args.mode, 1)
    files = files[::every]
    if args.mode in BATCH_MODES:
        mode = unparse_mode if args.mode == "unparse" else syntax_errors_mode
        sys.exit(1 if mode(args, root, files) < args.min_percent else 0)
    results = {}
    started = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        for status, path, ref, got in pool.map(lambda p: compare(args.mode, args.pith, p), files):
            results.setdefault(status, []).append((path, ref, got))
    accepted_by_ref = len(results.get("match", [])) + len(results.get("differ", []))
    matched = len(results.get("match", []))
    percent = 100.0 * matched / accepted_by_ref if accepted_by_ref else 100.0
    for path, ref, got in results.get("differ", [])[: args.show]:
        print(f"DIFFER {os.path.relpath(path, root)}: {first_difference(ref[1], got[1])}")
        if got[0] != 0:
            print(f"      pith failed: {got[2].decode(errors='replace').strip()[:300]}")
    for path, ref, got in results.get("accepted", []):
        print(f"ACCEPTED-BY-PITH {os.path.relpath(path, root)}: cpython said {ref[2].decode(errors='replace').strip()[-200:]}")
    for path, ref, got in results.get("rejected-other", []):
        print(f"REJECTED-DIFFERENTLY {os.path.relpath(path, root)}:\n      cpython: {ref[2].decode(errors='replace').strip()[-200:]}\n      pith:    {got[2].decode(errors='replace').strip()[-200:]}")
    if results.get("skipped"):
        print(f"skipped (CPython cannot compile): {len(results['skipped'])}")
    rejected = len(results.get("rejected", [])) + len(results.get("rejected-other", []))
    sample = f" (every {every}th file)" if every > 1 else ""
    print(f"{args.mode}: {matched}/{accepted_by_ref} files match ({percent:.2f}%) in {root}{sample}, "
          f"{time.monotonic() - started:.0f} s")
    print(f"rejected by CPython: {rejected + len(results.get('accepted', []))}; "
          f"rejected by Pith too: {rejected} (same message: {len(results.get('rejected', []))})")
    failed = percent < args.min_percent or results.get("accepted")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
