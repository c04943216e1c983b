#!/usr/bin/env python3
"""Writes crates/vm/src/doc_table.rs: CPython 3.11's docstrings of the
`builtins` module, its functions and classes, the methods of those classes,
and the functions of `math`, so `len.__doc__`, `int.__doc__`,
`str.join.__doc__` and `help()`-style code print CPython's text; and
their `__text_signature__`s, `dir()` of the builtin classes, and their type flags and layout sizes
(`__flags__`, `__basicsize__`, ...).

Keys: `builtins` (the module), `len` (a function or class of builtins),
`str.join` (a method of a builtin class), `math.sqrt`, `_operator.add` and `posix.stat`
(functions of those modules), `sys.__doc__` (the docstring of a module the VM
writes natively, as listed in crates/vm/src/modules/mod.rs).

Usage: python3 tools/gen_builtin_docs.py
"""
import builtins
import importlib
import math
import pathlib
import re
import sys
import types

if sys.version_info[:2] != (3, 11):
    sys.exit("CPython 3.11 is required")

docs = {"builtins": builtins.__doc__}
for name, v in vars(builtins).items():
    if name.startswith("_") or not (callable(v) or isinstance(v, type)):
        continue
    if v.__doc__:
        docs[name] = v.__doc__
    if isinstance(v, type) and not issubclass(v, BaseException):
        for mname, m in vars(v).items():
            d = getattr(m, "__doc__", None)
            if d and callable(m) or isinstance(m, (classmethod, staticmethod)):
                if d:
                    docs[f"{name}.{mname}"] = d


def _coroutine_types():
    """The classes of generators, coroutines and their helper objects."""
    import types

    async def coro():
        pass

    async def agen():
        yield

    c = coro()
    wrapper = type(c.__await__())
    c.close()
    a = agen()
    extra = (type(a.asend(None)), type(a.athrow(ValueError)))
    return (types.GeneratorType, types.CoroutineType, types.AsyncGeneratorType,
            wrapper) + extra


for v in _coroutine_types():
    for mname, m in vars(v).items():
        d = getattr(m, "__doc__", None)
        # Methods, and the data descriptors (`gi_running`, `__name__`).
        if d and (callable(m) or isinstance(m, (types.GetSetDescriptorType,
                                                types.MemberDescriptorType))):
            docs[f"{v.__name__}.{mname}"] = d
for module in (math, importlib.import_module("_operator"), importlib.import_module("_pickle"),
               importlib.import_module("posix")):
    for name, v in vars(module).items():
        if callable(v) and not isinstance(v, type) and v.__doc__:
            docs[f"{module.__name__}.{name}"] = v.__doc__

ROOT = pathlib.Path(__file__).resolve().parent.parent
_registry = (ROOT / "crates/vm/src/modules/mod.rs").read_text()
_native = re.findall(r'^\s*\("([\w.]+)", [\w:]+\),$', _registry, re.M)
for name in _native:
    try:
        module = importlib.import_module(name)
    except ImportError:
        continue
    if isinstance(module.__doc__, str):
        docs[f"{name}.__doc__"] = module.__doc__


# Classes of native modules: the class's own doc and signature keyed by its
# full name (`_pickle.Pickler`), its methods by `Class.method` (their
# `native_methods!` owner is the class name).
NATIVE_CLASSES = [("_pickle", ("Pickler", "Unpickler", "PickleBuffer"))]
for modname, clsnames in NATIVE_CLASSES:
    module = importlib.import_module(modname)
    for cname in clsnames:
        cls = getattr(module, cname)
        if cls.__doc__:
            docs[f"{cls.__module__}.{cname}"] = cls.__doc__
        for mname, m in vars(cls).items():
            d = getattr(m, "__doc__", None)
            if d and callable(m):
                docs[f"{cname}.{mname}"] = d

# Data descriptors (`getset_descriptor`, `member_descriptor`): those of the
# builtin classes keyed as their methods (`int.real`), those of `_io`'s
# classes by the class's full name (`_io.FileIO.closed`), which the VM's
# native properties of those classes read.
_DATA_DESCRIPTORS = (types.GetSetDescriptorType, types.MemberDescriptorType)
for name, v in vars(builtins).items():
    if isinstance(v, type) and not name.startswith("_"):
        for mname, m in vars(v).items():
            if isinstance(m, _DATA_DESCRIPTORS) and m.__doc__:
                docs[f"{name}.{mname}"] = m.__doc__
_io = importlib.import_module("_io")
for cname, cls in vars(_io).items():
    if isinstance(cls, type) and not cname.startswith("__"):
        for mname, m in vars(cls).items():
            if isinstance(m, _DATA_DESCRIPTORS) and m.__doc__:
                docs[f"_io.{cname}.{mname}"] = m.__doc__


def _text_signatures():
    """`__text_signature__` of the same keys (builtins' functions, classes
    and their methods, `math`'s and `_operator`'s functions), where CPython
    has one."""
    sigs = {}
    for name, v in vars(builtins).items():
        if name.startswith("_") or not (callable(v) or isinstance(v, type)):
            continue
        sig = getattr(v, "__text_signature__", None)
        if sig is not None:
            sigs[name] = sig
        if isinstance(v, type):
            for mname, m in vars(v).items():
                if isinstance(m, (classmethod, staticmethod)):
                    m = getattr(v, mname)
                sig = getattr(m, "__text_signature__", None)
                if isinstance(sig, str):
                    sigs[f"{name}.{mname}"] = sig
    for module in (math, importlib.import_module("_operator"), importlib.import_module("_pickle"),
               importlib.import_module("posix")):
        for name, v in vars(module).items():
            sig = getattr(v, "__text_signature__", None)
            if callable(v) and not isinstance(v, type) and sig is not None:
                sigs[f"{module.__name__}.{name}"] = sig
    for modname, clsnames in NATIVE_CLASSES:
        module = importlib.import_module(modname)
        for cname in clsnames:
            cls = getattr(module, cname)
            if isinstance(cls.__text_signature__, str):
                sigs[f"{cls.__module__}.{cname}"] = cls.__text_signature__
            for mname, m in vars(cls).items():
                sig = getattr(m, "__text_signature__", None)
                if callable(m) and isinstance(sig, str):
                    sigs[f"{cname}.{mname}"] = sig
    return sigs


sigs = _text_signatures()


def rust_str(s):
    out = []
    for c in s:
        if c == "\\":
            out.append("\\\\")
        elif c == '"':
            out.append('\\"')
        elif c == "\n":
            out.append("\\n")
        elif c == "\t":
            out.append("\\t")
        elif ord(c) < 32 or ord(c) > 126:
            out.append(f"\\u{{{ord(c):x}}}")
        else:
            out.append(c)
    return '"' + "".join(out) + '"'


lines = [
    "//! Generated by `tools/gen_builtin_docs.py` from CPython 3.11; do not edit.",
    "",
    "/// `(key, docstring)` sorted by key: `builtins`, `len`, `str.join`, `math.sqrt`.",
    "pub static DOCS: &[(&str, &str)] = &[",
]
for k in sorted(docs):
    lines.append(f"    ({rust_str(k)}, {rust_str(docs[k])}),")
lines.append("];")
lines.append("")
lines.append("/// `(key, __text_signature__)` sorted by key, the keys of `DOCS`.")
lines.append("pub static SIGNATURES: &[(&str, &str)] = &[")
for k in sorted(sigs):
    lines.append(f"    ({rust_str(k)}, {rust_str(sigs[k])}),")
lines.append("];")
lines.append("")
classes = {}
for name, v in vars(builtins).items():
    if isinstance(v, type) and not issubclass(v, BaseException) and not name.startswith("_"):
        classes[name] = v
for name, v in vars(builtins).items():
    if isinstance(v, type) and issubclass(v, BaseException):
        classes[name] = v
d = {}
for t in (type(None), type(len), type(lambda: 0), type(str.join), type(int.__add__),
          type(type.__dict__), type((1).__add__), type(object().__str__),
          types.MethodType, types.ModuleType, types.CodeType, types.FrameType,
          types.TracebackType, types.CellType, type(...), type(NotImplemented),
          type(d.keys()), type(d.values()), type(d.items()), type(iter(d)),
          type(iter(d.values())), type(iter(d.items())), type(iter([])),
          type(reversed([])), type(iter(())), type(iter("")), type(iter("\u20ac")),
          type(iter(range(1))), type(iter(range(1 << 70))), type(iter(set())),
          type(iter(b"")), type(iter(bytearray())), type(type.__dict__["__dict__"]),
          type(type.__dict__["__mro__"]), type(dict.__dict__["fromkeys"])) + _coroutine_types():
    classes[t.__name__] = t
dirs = {name: dir(t) for name, t in classes.items()}
# Classes with the same listing (most exception classes) share one table.
shared = {}
for k in sorted(dirs):
    shared.setdefault(tuple(dirs[k]), f"DIR_{len(shared)}")
for names, ident in shared.items():
    lines.append(f"static {ident}: &[&str] = &[{', '.join(rust_str(n) for n in names)}];")
lines.append("")
lines.append("/// `(class name, dir(class))` of the builtin classes, sorted by name:")
lines.append("/// what `dir()` of a builtin class or of one of its instances lists.")
lines.append("pub static DIRS: &[(&str, &[&str])] = &[")
for k in sorted(dirs):
    lines.append(f"    ({rust_str(k)}, {shared[tuple(dirs[k])]}),")
lines.append("];")
lines.append("")
# Version tags come and go with lookups; the bit says nothing stable.
VALID_VERSION_TAG = 1 << 19
lines.append("/// `(class name, [__flags__, __basicsize__, __itemsize__, __dictoffset__,")
lines.append("/// __weakrefoffset__])` of the builtin classes, sorted by name.")
lines.append("pub static LAYOUTS: &[(&str, [i64; 5])] = &[")
for k in sorted(classes):
    t = classes[k]
    row = [t.__flags__ & ~VALID_VERSION_TAG, t.__basicsize__, t.__itemsize__,
           t.__dictoffset__, t.__weakrefoffset__]
    lines.append(f"    ({rust_str(k)}, [{', '.join(map(str, row))}]),")
lines.append("];")
lines.append("")
lines.append("/// CPython's `__flags__` (without the version-tag bit) and layout sizes of")
lines.append("/// builtin class `name`, if it is in the table.")
lines.append("pub fn layout_of(name: &str) -> Option<[i64; 5]> {")
lines.append("    LAYOUTS.binary_search_by(|(k, _)| (*k).cmp(name))")
lines.append("        .ok()")
lines.append("        .map(|i| LAYOUTS[i].1)")
lines.append("}")
lines.append("")
lines.append("/// CPython's `dir()` of builtin class `name`, if it is in the table.")
lines.append("pub fn dir_of(name: &str) -> Option<&'static [&'static str]> {")
lines.append("    DIRS.binary_search_by(|(k, _)| (*k).cmp(name))")
lines.append("        .ok()")
lines.append("        .map(|i| DIRS[i].1)")
lines.append("}")
lines.append("")
lines.append("/// CPython's docstring for `key`, if it has one.")
lines.append("pub fn doc(key: &str) -> Option<&'static str> {")
lines.append("    DOCS.binary_search_by(|(k, _)| (*k).cmp(key))")
lines.append("        .ok()")
lines.append("        .map(|i| DOCS[i].1)")
lines.append("}")
lines.append("")
lines.append("/// CPython's `__text_signature__` for `key`, if it has one.")
lines.append("pub fn text_signature(key: &str) -> Option<&'static str> {")
lines.append("    SIGNATURES.binary_search_by(|(k, _)| (*k).cmp(key))")
lines.append("        .ok()")
lines.append("        .map(|i| SIGNATURES[i].1)")
lines.append("}")
out = ROOT / "crates/vm/src/doc_table.rs"
out.write_text("\n".join(lines) + "\n")
print(out, len(docs))
