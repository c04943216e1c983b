#!/usr/bin/env python3
"""Writes NAME.expected for every NAME.py here: the SyntaxError CPython 3.11
raises for it with type comments on (`ast.parse(source, type_comments=True)`,
as `python3 -m ast` parses): class, message, and
"lineno offset end_lineno end_offset"."""
import ast
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

if sys.version_info[:2] != (3, 11):
    sys.exit("needs CPython 3.11")
for name in sorted(os.listdir(HERE)):
    if not name.endswith(".py") or name == "generate.py":
        continue
    with open(os.path.join(HERE, name), "rb") as f:
        source = f.read()
    try:
        ast.parse(source, name, type_comments=True)
    except SyntaxError as e:
        lines = [type(e).__name__, e.msg, f"{e.lineno} {e.offset} {e.end_lineno} {e.end_offset}"]
    else:
        sys.exit(f"{name}: no syntax error")
    with open(os.path.join(HERE, name[:-3] + ".expected"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
