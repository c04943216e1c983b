# `py_compile`, `runpy` and a `SourceFileLoader` made by hand: the loader
# reads, compiles and runs a source file.
import importlib.machinery
import importlib.util
import os
import py_compile
import runpy
import shutil
import tempfile

d = tempfile.mkdtemp()
try:
    src = os.path.join(d, "mod1.py")
    with open(src, "w") as f:
        f.write("X = 41\nprint('running as', __name__)\n")
    cfile = py_compile.compile(src, doraise=True)
    print(os.path.exists(cfile), os.path.basename(os.path.dirname(cfile)))
    ns = runpy.run_path(src)
    print(ns["X"])
    loader = importlib.machinery.SourceFileLoader("mod1", src)
    print(loader.name, loader.path == src, loader.get_filename("mod1") == src)
    code = loader.get_code("mod1")
    print(type(code).__name__, code.co_filename == src)
    print(type(loader.source_to_code(b"y = 2", "<y>")).__name__)
    print(sorted(loader.path_stats(src)), loader.path_stats(src)["size"])
    spec = importlib.util.spec_from_file_location("mod1", src)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    print(mod.X)
    bad = os.path.join(d, "bad.py")
    with open(bad, "w") as f:
        f.write("def f(:\n")
    try:
        py_compile.compile(bad, doraise=True)
    except py_compile.PyCompileError as e:
        print("PyCompileError", e.exc_type_name)
    try:
        runpy.run_module("sys")
    except ImportError as e:
        print("ImportError:", e)
    print(runpy.run_module("json.tool", run_name="not_main")["__name__"])
finally:
    shutil.rmtree(d)
