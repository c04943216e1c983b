//! `importlib.machinery`, natively: CPython's module re-exports names of
//! `importlib._bootstrap_external`, which needs `_imp`, `_warnings` and
//! `marshal` and the Python import system the VM does not run. `inspect`
//! (so `dataclasses`, `pprint`, `unittest`, `ast.get_docstring`) needs only
//! its suffix lists and class names. Classes the native `_frozen_importlib*`
//! modules define are shared; the others (`FileFinder`, `PathFinder`, ...)
//! come on first use from the standard library's `importlib._bootstrap*`.

use crate::dict::Dict;
use crate::exc::PyResult;
use crate::func::Args;
use crate::value::Value;
use crate::vm::Vm;

use super::new_module;

super::module_functions!(FUNCTIONS, "importlib.machinery", [
    "all_suffixes" => all_suffixes,
    "__getattr__" => machinery_getattr,
]);

/// `SOURCE_SUFFIXES`, `BYTECODE_SUFFIXES`, ...: Pith loads no extension modules.
fn suffixes() -> [(&'static str, &'static [&'static str]); 5] {
    [
        ("SOURCE_SUFFIXES", &[".py"]),
        ("DEBUG_BYTECODE_SUFFIXES", &[".pyc"]),
        ("OPTIMIZED_BYTECODE_SUFFIXES", &[".pyc"]),
        ("BYTECODE_SUFFIXES", &[".pyc"]),
        ("EXTENSION_SUFFIXES", &[]),
    ]
}

fn list(items: &[&str]) -> Value {
    Value::list(items.iter().map(|s| Value::str(s)).collect())
}

fn all_suffixes(_vm: &mut Vm, _a: Args<'_>) -> PyResult<Value> {
    let mut all = vec![".py", ".pyc"];
    all.extend(suffixes()[4].1);
    Ok(list(&all))
}

/// The classes Pith's own importer uses, defined natively in
/// `_frozen_importlib*` and shared here.
const CLASSES: [(&str, &str); 5] = [
    ("_frozen_importlib", "ModuleSpec"),
    ("_frozen_importlib", "BuiltinImporter"),
    ("_frozen_importlib", "FrozenImporter"),
    ("_frozen_importlib_external", "SourceFileLoader"),
    ("_frozen_importlib_external", "NamespaceLoader"),
];

/// The other classes, taken on first use from the standard library's
/// `importlib._bootstrap*` (so `pkgutil`'s dispatch on `FileFinder` sees
/// the class `sys.path_hooks` makes instances of).
const FORWARDED: [(&str, &str); 6] = [
    ("importlib._bootstrap_external", "WindowsRegistryFinder"),
    ("importlib._bootstrap_external", "PathFinder"),
    ("importlib._bootstrap_external", "FileFinder"),
    ("importlib._bootstrap_external", "SourcelessFileLoader"),
    ("importlib._bootstrap_external", "ExtensionFileLoader"),
    ("importlib._bootstrap_external", "FileLoader"),
];

/// `importlib.machinery.__getattr__`: the [`FORWARDED`] classes.
fn machinery_getattr(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let name = match a.pos.first() {
        Some(Value::Str(s)) => s.as_str().to_string(),
        _ => String::new(),
    };
    if let Some((module, _)) = FORWARDED.iter().find(|(_, n)| *n == name) {
        let m = vm.import_dotted(module)?;
        if let Value::Module(m) = &m {
            if let Some(v) = crate::import::dict_get(&m.dict.borrow(), &name) {
                return Ok(v);
            }
        }
    }
    Err(crate::exc::PyErr::new(
        crate::types::ExcKind::AttributeError,
        format!("module 'importlib.machinery' has no attribute '{name}'"),
    ))
}

fn shared_or_new(vm: &mut Vm, module: &str, name: &str) -> Value {
    if let Ok(Value::Module(m)) = vm.import_module(module) {
        if let Some(v) = crate::import::dict_get(&m.dict.borrow(), name) {
            return v;
        }
    }
    let mut ns = Dict::new();
    let _ = ns.insert(Value::str("__module__"), Value::str(module));
    let _ = ns.insert(Value::str("__qualname__"), Value::str(name));
    match crate::class::new_type(vm, None, name, Vec::new(), &ns, (&[], &[])) {
        Ok(t) => Value::Type(t),
        Err(_) => Value::None,
    }
}

/// Builds the `importlib.machinery` module.
pub fn init(vm: &mut Vm) -> Value {
    let mut extra: Vec<(&str, Value)> = suffixes().iter().map(|(k, v)| (*k, list(v))).collect();
    for (module, name) in CLASSES {
        extra.push((name, shared_or_new(vm, module, name)));
    }
    new_module("importlib.machinery", FUNCTIONS, extra)
}
