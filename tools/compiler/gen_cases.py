#!/usr/bin/env python3
"""Expected outputs for pith-compiler's tests, from CPython 3.11.

For every program tests/compile/NAME.py this writes, into tests/compile/out/:
  NAME.json     the CPython AST through the pith-ast serde bridge
                (tools/ast_fixtures/gen.py), with the source text;
  NAME.dis      `python3 -m dis NAME.py` run in tests/compile/ (so the file
                name inside code objects is NAME.py);
  NAME.marshal  marshal.dumps(compile(source, "NAME.py", "exec")).

    gen_cases.py              regenerate every case
    gen_cases.py NAME...      only these
    gen_cases.py stdlib OUT   one JSON per stdlib module into OUT (not committed),
                              with .dis and .marshal beside it, for the gated sweep:
                              PITH_COMPILE_STDLIB_DIR=OUT cargo test -p pith-compiler
                              --test stdlib -- --ignored --nocapture
"""

import dis as dis_module
import io
import json
import marshal
import os
import subprocess
import sys
import tokenize
from multiprocessing import Pool

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CASES = os.path.join(ROOT, "tests", "compile")
OUT = os.path.join(CASES, "out")
sys.path.insert(0, os.path.join(ROOT, "tools", "ast_fixtures"))

import gen  # noqa: E402  (the AST bridge)


def write_case(src_path, stem, out_dir, rel_name):
    with open(src_path, "rb") as f:
        raw = f.read()
    encoding, _ = tokenize.detect_encoding(io.BytesIO(raw).readline)
    source = raw.decode(encoding)
    tree = gen.ast.parse(source, mode="exec", type_comments=True)
    conv = gen.Converter(source)
    case = {"mode": "exec", "source": source, "tree": conv.node(tree), "filename": rel_name}
    code = compile(raw, rel_name, "exec", dont_inherit=True)
    with open(os.path.join(out_dir, stem + ".json"), "w", encoding="utf-8") as f:
        json.dump(case, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")
    with open(os.path.join(out_dir, stem + ".marshal"), "wb") as f:
        f.write(marshal.dumps(code))
    return code


def gen_errors():
    """Programs CPython parses but its compiler rejects: NAME.err holds
    `SyntaxError: message (line L, offset O)`."""
    src_dir = os.path.join(CASES, "errors")
    out_dir = os.path.join(OUT, "errors")
    os.makedirs(out_dir, exist_ok=True)
    count = 0
    for name in sorted(os.listdir(src_dir)):
        if not name.endswith(".py"):
            continue
        stem = name[:-3]
        with open(os.path.join(src_dir, name), encoding="utf-8") as f:
            source = f.read()
        tree = gen.ast.parse(source)
        conv = gen.Converter(source)
        with open(os.path.join(out_dir, stem + ".json"), "w", encoding="utf-8") as f:
            json.dump({"mode": "exec", "source": source, "tree": conv.node(tree),
                       "filename": name}, f, ensure_ascii=False, separators=(",", ":"))
            f.write("\n")
        try:
            compile(source, name, "exec", dont_inherit=True)
            text = "compiled\n"
        except SyntaxError as e:
            text = f"{type(e).__name__}: {e.msg} (line {e.lineno}, offset {e.offset})\n"
        with open(os.path.join(out_dir, stem + ".err"), "w", encoding="utf-8") as f:
            f.write(text)
        count += 1
    print(f"{count} error cases")


def gen_modes():
    """`eval` and `single` mode programs (first line `# mode: eval`): the JSON
    and CPython's marshalled code object, compared through pith-bytecode's dis."""
    src_dir = os.path.join(CASES, "modes")
    out_dir = os.path.join(OUT, "modes")
    os.makedirs(out_dir, exist_ok=True)
    count = 0
    for name in sorted(os.listdir(src_dir)):
        if not name.endswith(".py"):
            continue
        stem = name[:-3]
        with open(os.path.join(src_dir, name), encoding="utf-8") as f:
            source = f.read()
        mode = gen.mode_of(source)
        tree = gen.ast.parse(source, mode=mode)
        conv = gen.Converter(source)
        with open(os.path.join(out_dir, stem + ".json"), "w", encoding="utf-8") as f:
            json.dump({"mode": mode, "source": source, "tree": conv.node(tree),
                       "filename": name}, f, ensure_ascii=False, separators=(",", ":"))
            f.write("\n")
        with open(os.path.join(out_dir, stem + ".marshal"), "wb") as f:
            f.write(marshal.dumps(compile(source, name, mode, dont_inherit=True)))
        count += 1
    print(f"{count} mode cases")


def gen_cases(names):
    os.makedirs(OUT, exist_ok=True)
    files = sorted(n for n in os.listdir(CASES) if n.endswith(".py"))
    if names:
        files = [n for n in files if n[:-3] in names]
    for name in files:
        stem = name[:-3]
        write_case(os.path.join(CASES, name), stem, OUT, name)
        # A fixed hash seed makes frozenset constants list in a stable order.
        env = dict(os.environ, PYTHONHASHSEED="0")
        dis = subprocess.run([sys.executable, "-m", "dis", name], cwd=CASES, env=env,
                             capture_output=True, text=True, check=True).stdout
        with open(os.path.join(OUT, stem + ".dis"), "w", encoding="utf-8") as f:
            f.write(dis)
    print(f"{len(files)} cases")
    if not names:
        gen_errors()
        gen_modes()


def stdlib_one(job):
    index, path, out_dir = job
    try:
        code = write_case(path, f"{index:05d}", out_dir, path)
        # What `python3 -m dis` prints for the file (in-process, same hash seed).
        buf = io.StringIO()
        dis_module.dis(code, file=buf)
        with open(os.path.join(out_dir, f"{index:05d}.dis"), "w", encoding="utf-8") as f:
            f.write(buf.getvalue())
    except (SyntaxError, ValueError, UnicodeDecodeError, RecursionError, MemoryError,
            gen.Unsupported):
        return "skipped"
    return "ok"


def gen_stdlib(out_dir):
    lib = os.path.dirname(os.__file__)
    paths = []
    for dirpath, dirnames, filenames in os.walk(lib):
        dirnames[:] = sorted(d for d in dirnames if d != "site-packages")
        paths += [os.path.join(dirpath, n) for n in sorted(filenames) if n.endswith(".py")]
    os.makedirs(out_dir, exist_ok=True)
    jobs = [(i, p, out_dir) for i, p in enumerate(paths)]
    with Pool(2) as pool:
        results = pool.map(stdlib_one, jobs, chunksize=8)
    print(f"{len(paths)} files: {results.count('ok')} ok, {results.count('skipped')} skipped")


def main():
    # String hashes decide the order of frozenset constants: fix the seed.
    if os.environ.get("PYTHONHASHSEED") != "0":
        env = dict(os.environ, PYTHONHASHSEED="0")
        os.execve(sys.executable, [sys.executable] + sys.argv, env)
    sys.setrecursionlimit(10000)
    if len(sys.argv) >= 2 and sys.argv[1] == "stdlib":
        gen_stdlib(sys.argv[2] if len(sys.argv) > 2 else "/tmp/pith-compile-stdlib")
    else:
        gen_cases(set(sys.argv[1:]))


if __name__ == "__main__":
    main()
