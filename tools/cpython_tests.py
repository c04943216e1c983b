#!/usr/bin/env python3
"""Run modules of CPython 3.11's own test suite (`Lib/test`) under Pith.

Usage: python3 tools/cpython_tests.py [--pith PITH] [--timeout S] [--jobs N]
                                      [--out DIR] [MODULE ...]

Each MODULE (default: the list below) runs as `PITH -m unittest -v
test.MODULE` from an empty directory, so nothing in the working directory
shadows the standard library. The verbose log of each goes to
`DIR/MODULE.txt` (default /tmp/cpython_tests); the summary table gives, per
module, the tests run, passed, failed, errored and skipped, read from
unittest's closing lines. A module that cannot import, crashes or times out
is shown with the last line of its log. Exit status 0 always: this is a
breadth report, not a gate.
"""
import argparse
import os
import re
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor

MODULES = """
test_augassign test_bool test_builtin test_bytes test_class test_collections
test_contextlib test_dataclasses test_descr test_dict test_enum test_exceptions
test_float test_format test_functools test_generators test_grammar test_int
test_itertools test_json test_list test_re test_scope test_set test_string
test_textwrap test_tuple test_types test_unary
""".split()


def run(pith, module, timeout, out_dir, work_dir):
    log = os.path.join(out_dir, module + ".txt")
    try:
        p = subprocess.run([pith, "-m", "unittest", "-v", "test." + module],
                           cwd=work_dir, capture_output=True, timeout=timeout,
                           text=True, errors="replace")
        text = p.stdout + p.stderr
    except subprocess.TimeoutExpired as e:
        out = e.stdout or b""
        text = out.decode(errors="replace") if isinstance(out, bytes) else out
        text += "\n<timeout>\n"
    with open(log, "w") as f:
        f.write(text)
    return summarize(text)


def summarize(text):
    ran = re.search(r"^Ran (\d+) tests?", text, re.M)
    if not ran:
        lines = [l for l in text.splitlines() if l.strip()]
        return None, lines[-1] if lines else "no output"
    counts = {"failures": 0, "errors": 0, "skipped": 0, "expected failures": 0}
    tail = re.search(r"^(OK|FAILED)(?: \((.*)\))?\s*$", text, re.M)
    if tail and tail.group(2):
        for part in tail.group(2).split(", "):
            key, _, n = part.rpartition("=")
            counts[key] = int(n)
    n = int(ran.group(1))
    bad = counts["failures"] + counts["errors"]
    return (n, n - bad - counts["skipped"] - counts["expected failures"],
            counts["failures"], counts["errors"], counts["skipped"]), ""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pith", default="target/release/pith")
    ap.add_argument("--timeout", type=float, default=600)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--out", default=os.path.join(tempfile.gettempdir(), "cpython_tests"))
    ap.add_argument("modules", nargs="*")
    args = ap.parse_args()
    pith = os.path.abspath(args.pith)
    os.makedirs(args.out, exist_ok=True)
    modules = args.modules or MODULES
    with tempfile.TemporaryDirectory() as work_dir:
        with ThreadPoolExecutor(args.jobs) as ex:
            results = list(ex.map(
                lambda m: run(pith, m, args.timeout, args.out, work_dir), modules))
    total = [0] * 5
    print(f"{'module':<22}{'ran':>6}{'pass':>6}{'fail':>6}{'error':>6}{'skip':>6}")
    for module, (counts, why) in zip(modules, results):
        if counts is None:
            print(f"{module:<22}  did not run: {why}")
            continue
        total = [a + b for a, b in zip(total, counts)]
        print(f"{module:<22}" + "".join(f"{c:>6}" for c in counts))
    print(f"{'total':<22}" + "".join(f"{c:>6}" for c in total))
    ran_not_skipped = total[0] - total[4]
    if ran_not_skipped:
        print(f"passed {total[1]}/{ran_not_skipped} of the tests not skipped "
              f"({100 * total[1] / ran_not_skipped:.0f}%); logs in {args.out}")


if __name__ == "__main__":
    main()
