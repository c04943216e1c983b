#!/usr/bin/env python3
"""Compile throughput of Pith and CPython side by side on one corpus.

The corpus is the one the criterion benchmarks read (benches/corpus.rs, and
tools/bench_cpython.py: the standard library in sorted order until 4 MiB).
Pith's side is `text_to_code` (crates/compiler/examples), parse and compile
from text; CPython's is `compile(text, ..., 'exec')` in this process. The two
alternate for `--rounds` rounds so that both see the same machine; each
side's best round counts.

Usage: cargo build --release -p pith-compiler --example text_to_code
       python3 tools/compile_side_by_side.py [--rounds N]
"""
import argparse
import os
import re
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_cpython import LIMIT, corpus_paths  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def cpython_round(texts):
    start = time.perf_counter()
    for text in texts:
        try:
            compile(text, "<bench>", "exec", dont_inherit=True)
        except SyntaxError:
            pass
    return time.perf_counter() - start


def pith_round(binary, paths):
    out = subprocess.run([binary, "-n", "3", *paths], capture_output=True, text=True, check=True).stdout
    return float(re.search(r"rounds ([0-9.]+) s", out).group(1))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=10)
    ap.add_argument("--binary", default=os.path.join(ROOT, "target/release/examples/text_to_code"))
    args = ap.parse_args()
    paths = corpus_paths()
    texts = [open(p, encoding="utf-8").read() for p in paths]
    mib = sum(len(t.encode()) for t in texts) / (1 << 20)
    pith, cpython = [], []
    for _ in range(args.rounds):
        pith.append(pith_round(args.binary, paths))
        cpython.append(min(cpython_round(texts) for _ in range(3)))
    p, c = mib / min(pith), mib / min(cpython)
    print(f"corpus: {len(paths)} files, {mib:.2f} MiB (limit {LIMIT >> 20} MiB)")
    print(f"pith     {p:8.2f} MiB/s  (best of {args.rounds}x3)")
    print(f"cpython  {c:8.2f} MiB/s  (best of {args.rounds}x3)")
    print(f"ratio    {p / c:8.2f}")


if __name__ == "__main__":
    main()
