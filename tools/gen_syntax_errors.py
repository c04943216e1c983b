#!/usr/bin/env python3
"""Writes the expected outcome of every tests/syntax_errors/*.py, as CPython 3.11 gives it.

For each NAME.py (one invalid program with one error) it writes:
  NAME.expected  four lines: the exception class, the message,
                 "lineno offset end_lineno end_offset" (SyntaxError's attributes),
                 as raised by the parser (compile(..., flags=ast.PyCF_ONLY_AST),
                 i.e. ast.parse; errors of the later compiler stages are out of scope);
  NAME.stderr    what `python3 NAME.py` prints on stderr, run from that directory.

Usage: python3 tools/gen_syntax_errors.py   (from the repository root, with Python 3.11)
"""
import ast
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, os.pardir, "tests", "syntax_errors")


def main() -> int:
    if sys.version_info[:2] != (3, 11):
        print("needs CPython 3.11", file=sys.stderr)
        return 1
    names = sorted(f for f in os.listdir(CASES) if f.endswith(".py"))
    for name in names:
        path = os.path.join(CASES, name)
        with open(path, "rb") as f:
            source = f.read()
        try:
            compile(source, name, "exec", flags=ast.PyCF_ONLY_AST)
        except SyntaxError as e:
            lines = [
                type(e).__name__,
                e.msg,
                f"{e.lineno} {e.offset} {e.end_lineno} {e.end_offset}",
            ]
        else:
            print(f"{name}: no syntax error", file=sys.stderr)
            return 1
        stem = name[:-3]
        with open(os.path.join(CASES, stem + ".expected"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        run = subprocess.run(
            [sys.executable, name], cwd=CASES, capture_output=True, env={"PATH": os.environ.get("PATH", "")}
        )
        with open(os.path.join(CASES, stem + ".stderr"), "wb") as f:
            f.write(run.stderr.replace((os.path.realpath(CASES) + os.sep).encode(), b""))
    print(f"{len(names)} cases")
    return 0


if __name__ == "__main__":
    sys.exit(main())
