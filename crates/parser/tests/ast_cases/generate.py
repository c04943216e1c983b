#!/usr/bin/env python3
"""Writes NAME.ast for every NAME.py here: `python3 -m ast -a NAME.py`, that is
ast.dump(ast.parse(source, type_comments=True), include_attributes=True, indent=3),
by CPython 3.11."""
import ast
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

if sys.version_info[:2] != (3, 11):
    sys.exit("needs CPython 3.11")
for name in sorted(os.listdir(HERE)):
    if name.endswith(".py") and name != "generate.py":
        with open(os.path.join(HERE, name), "rb") as f:
            tree = ast.parse(f.read(), name, type_comments=True)
        with open(os.path.join(HERE, name[:-3] + ".ast"), "w", encoding="utf-8") as f:
            f.write(ast.dump(tree, include_attributes=True, indent=3) + "\n")
