#!/usr/bin/env python3
"""CPython's side of the front-end benchmarks: tokenize, ast.parse and
compile() throughput on the same standard-library files the criterion
benchmarks read (benches/corpus.rs: sorted walk, site-packages and
__pycache__ skipped, UTF-8 files until 4 MiB).

Usage: python3 tools/bench_cpython.py [--repeat N]
"""
import argparse
import ast
import io
import os
import sysconfig
import time
import tokenize

LIMIT = 4 << 20


def corpus_paths():
    """The corpus files: the standard library walked in sorted order,
    site-packages and __pycache__ skipped, UTF-8 files until LIMIT bytes."""
    root = os.environ.get("PITH_STDLIB") or sysconfig.get_paths()["stdlib"]
    paths, total = [], 0

    def walk(d):
        nonlocal total
        for name in sorted(os.listdir(d)):
            if total >= LIMIT:
                return
            path = os.path.join(d, name)
            if os.path.isdir(path):
                if name not in ("site-packages", "__pycache__"):
                    walk(path)
            elif name.endswith(".py"):
                try:
                    with open(path, encoding="utf-8") as f:
                        text = f.read()
                except (UnicodeDecodeError, OSError):
                    continue
                paths.append(path)
                total += len(text.encode())

    walk(root)
    return paths


def corpus():
    texts = []
    for path in corpus_paths():
        with open(path, encoding="utf-8") as f:
            texts.append(f.read())
    return texts, sum(len(t.encode()) for t in texts)


def best(fn, repeat):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    texts, total = corpus()
    mb = total / (1 << 20)

    def parse_all():
        for t in texts:
            try:
                ast.parse(t)
            except SyntaxError:
                pass

    def compile_all():
        for t in texts:
            try:
                compile(t, "<bench>", "exec", dont_inherit=True)
            except SyntaxError:
                pass

    def tokenize_all():
        for t in texts:
            try:
                for _ in tokenize.generate_tokens(io.StringIO(t).readline):
                    pass
            except (tokenize.TokenError, SyntaxError):
                pass

    print(f"corpus: {len(texts)} files, {mb:.2f} MiB")
    for name, fn in [("tokenize (tokenize.py)", tokenize_all), ("ast.parse", parse_all), ("compile()", compile_all)]:
        t = best(fn, args.repeat)
        print(f"{name:24} {t:8.3f} s  {mb / t:8.2f} MiB/s")


if __name__ == "__main__":
    main()
