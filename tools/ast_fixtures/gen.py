#!/usr/bin/env python3
"""Bridge from CPython 3.11's `ast` to pith-ast's serde form, for tests.

CPython parses each program; this script writes the tree as JSON in the shape
pith-ast's `serde` feature reads (byte ranges instead of line/column pairs),
together with CPython's own `ast.dump` and `ast.unparse` outputs. The Rust tests
load the JSON, dump and unparse through pith-ast's public API, and compare bytes.

    gen.py fixtures            regenerate crates/ast/tests/fixtures/out/ (committed)
    gen.py stdlib OUTDIR [ROOT] one JSON case per stdlib module (or per .py under ROOT)
                               into OUTDIR (not committed),
                               for `PITH_AST_STDLIB_DIR=OUTDIR cargo test -p pith-ast
                               --test stdlib_parity -- --ignored --nocapture`

A fixture's first line may be `# mode: eval` (or `single`, `func_type`); the default
is `exec`. Every program is parsed with `type_comments=True`, as `python3 -m ast` does.
"""

import ast
import json
import os
import struct
import sys
import tokenize
from multiprocessing import Pool

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
FIXTURES = os.path.join(ROOT, "crates", "ast", "tests", "fixtures")

# Sum types whose Rust form is an externally tagged enum; the single-constructor
# sums (excepthandler, type_ignore) and product types are plain structs.
TAGGED = (ast.mod, ast.stmt, ast.expr, ast.pattern)
UNIT = (ast.expr_context, ast.boolop, ast.operator, ast.unaryop, ast.cmpop)
BOOL_FIELDS = {"simple", "is_async"}


class Unsupported(Exception):
    """A tree pith-ast cannot hold (a str with lone surrogates)."""


def float_bits(x):
    return struct.unpack("<Q", struct.pack("<d", x))[0]


def check_str(s):
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        raise Unsupported("lone surrogate in str") from None
    return s


def constant(v):
    if v is None:
        return "None"
    if v is ...:
        return "Ellipsis"
    if isinstance(v, bool):
        return {"Bool": v}
    if isinstance(v, str):
        try:
            return {"Str": check_str(v)}
        except Unsupported:
            return {"SurrogateStr": [ord(c) for c in v]}
    if isinstance(v, bytes):
        return {"Bytes": list(v)}
    if isinstance(v, int):
        return {"Int": str(v)}
    if isinstance(v, float):
        return {"Float": float_bits(v)}
    if isinstance(v, complex):
        return {"Complex": {"real": float_bits(v.real), "imag": float_bits(v.imag)}}
    if isinstance(v, tuple):
        return {"Tuple": [constant(x) for x in v]}
    raise Unsupported(f"constant {type(v).__name__}")


class Converter:
    def __init__(self, source):
        data = source.encode("utf-8")
        starts = [0]
        i = 0
        n = len(data)
        while i < n:
            c = data[i]
            if c == 0x0A:
                starts.append(i + 1)
            elif c == 0x0D:
                if i + 1 < n and data[i + 1] == 0x0A:
                    i += 1
                starts.append(i + 1)
            i += 1
        self.starts = starts

    def offset(self, line, col):
        return self.starts[line - 1] + col

    def node(self, node):
        cls = type(node)
        if isinstance(node, UNIT):
            return cls.__name__
        out = {}
        if "lineno" in cls._attributes:
            out["range"] = [
                self.offset(node.lineno, node.col_offset),
                self.offset(node.end_lineno, node.end_col_offset),
            ]
        for name in cls._fields:
            value = getattr(node, name, None)
            if isinstance(node, (ast.Constant, ast.MatchSingleton)) and name == "value":
                out[name] = constant(value)
            elif isinstance(node, ast.Constant) and name == "kind":
                out[name] = "U" if value == "u" else "None"
            elif isinstance(node, ast.ImportFrom) and name == "level":
                out[name] = value or 0
            elif name in BOOL_FIELDS:
                out[name] = bool(value)
            else:
                out[name] = self.value(value)
        if isinstance(node, TAGGED):
            return {cls.__name__: out}
        return out

    def value(self, v):
        if isinstance(v, ast.AST):
            return self.node(v)
        if isinstance(v, list):
            return [self.value(x) for x in v]
        if isinstance(v, str):
            return check_str(v)
        return v  # None, int


def mode_of(source):
    first = source.split("\n", 1)[0].strip()
    if first.startswith("# mode:"):
        return first.split(":", 1)[1].strip()
    return "exec"


class _Order(ast.NodeVisitor):
    """Class names in the order NodeVisitor.generic_visit reaches them."""

    def __init__(self):
        self.names = []

    def visit(self, node):
        self.names.append(type(node).__name__)
        self.generic_visit(node)


def walk_order(tree):
    v = _Order()
    v.visit(tree)
    return "".join(n + "\n" for n in v.names)


def expected(tree):
    """CPython's outputs for a tree; unparse errors are recorded as such."""
    try:
        unparsed = ast.unparse(tree)
    except ValueError as e:
        unparsed = f"ValueError: {e}"
    return {
        "dump": ast.dump(tree, include_attributes=True, indent=3),
        "dump_plain": ast.dump(tree),
        "dump_indent1": ast.dump(tree, indent=1),
        "dump_positional": ast.dump(tree, annotate_fields=False, include_attributes=True),
        "unparse": unparsed,
        "walk": walk_order(tree),
    }


def case(source, mode):
    tree = ast.parse(source, mode=mode, type_comments=True)
    conv = Converter(source)
    return {"mode": mode, "source": source, "tree": conv.node(tree), **expected(tree)}


def gen_fixtures():
    out_dir = os.path.join(FIXTURES, "out")
    os.makedirs(out_dir, exist_ok=True)
    for name in sorted(os.listdir(FIXTURES)):
        if not name.endswith(".py"):
            continue
        stem = name[:-3]
        with open(os.path.join(FIXTURES, name), encoding="utf-8", newline="") as f:
            source = f.read()
        c = case(source, mode_of(source))
        with open(os.path.join(out_dir, stem + ".json"), "w", encoding="utf-8") as f:
            json.dump({"mode": c["mode"], "source": c["source"], "tree": c["tree"]}, f,
                      ensure_ascii=False, separators=(",", ":"))
            f.write("\n")
        for key in ("dump", "dump_plain", "dump_indent1", "dump_positional", "unparse",
                    "walk"):
            with open(os.path.join(out_dir, f"{stem}.{key}"), "w", encoding="utf-8") as f:
                f.write(c[key])
        print(f"{stem}: ok")


def stdlib_one(job):
    index, path, out_dir = job
    try:
        with open(path, "rb") as f:
            raw = f.read()
        encoding, _ = tokenize.detect_encoding(iter(raw.splitlines(True)).__next__)
        source = raw.decode(encoding)
        c = case(source, "exec")
    except (SyntaxError, ValueError, UnicodeDecodeError, RecursionError, MemoryError):
        return "unparseable"
    except Unsupported:
        return "unsupported"
    c["path"] = path
    del c["dump_indent1"], c["dump_positional"], c["walk"]
    with open(os.path.join(out_dir, f"{index:05d}.json"), "w", encoding="utf-8") as f:
        json.dump(c, f, ensure_ascii=False, separators=(",", ":"))
    return "ok"


def gen_stdlib(out_dir, root=None):
    lib = root or os.path.dirname(os.__file__)
    paths = []
    for dirpath, dirnames, filenames in os.walk(lib):
        if root is None:
            dirnames[:] = [d for d in dirnames if d != "site-packages"]
        dirnames.sort()
        paths += [os.path.join(dirpath, n) for n in sorted(filenames) if n.endswith(".py")]
    os.makedirs(out_dir, exist_ok=True)
    for old in os.listdir(out_dir):
        if old.endswith(".json"):
            os.remove(os.path.join(out_dir, old))
    jobs = [(i, p, out_dir) for i, p in enumerate(paths)]
    with Pool(2) as pool:
        results = pool.map(stdlib_one, jobs, chunksize=8)
    counts = {k: results.count(k) for k in ("ok", "unparseable", "unsupported")}
    print(f"{len(paths)} files: {counts}")
    for (_, p, _), r in zip(jobs, results):
        if r != "ok":
            print(f"{r}: {p}")


def main():
    sys.setrecursionlimit(10000)
    if len(sys.argv) >= 2 and sys.argv[1] == "stdlib":
        out_dir = sys.argv[2] if len(sys.argv) > 2 else "/tmp/pith-ast-stdlib"
        gen_stdlib(out_dir, sys.argv[3] if len(sys.argv) > 3 else None)
    else:
        gen_fixtures()


if __name__ == "__main__":
    main()
