//! The methods of the native spec and loader classes that Python code calls
//! itself rather than through an import (`py_compile`, `runpy`, `zipfile`'s
//! `PyZipFile`): constructing a `ModuleSpec` or a `SourceFileLoader`, and a
//! loader's `source_to_code`, `get_code`, `path_stats` and `exec_module`, as
//! `importlib._bootstrap` and `importlib._bootstrap_external` define them.

use crate::exc::{PyErr, PyResult};
use crate::func::{Args, BuiltinDef};
use crate::native::bind_args;
use crate::value::Value;
use crate::vm::Vm;

/// A method of one of the classes (`owner`).
const fn method(
    name: &'static str,
    func: crate::func::BuiltinFn,
    owner: &'static str,
) -> BuiltinDef {
    BuiltinDef {
        name,
        func,
        owner,
        is_method: true,
    }
}

/// `ModuleSpec.__init__`.
pub(crate) static SPEC_INIT: [BuiltinDef; 1] = [method("__init__", spec_init, "ModuleSpec")];

/// `SourceFileLoader`'s constructor and code methods.
pub(crate) static LOADER_CODE_METHODS: [BuiltinDef; 5] = [
    method("__init__", loader_init, "SourceFileLoader"),
    method("source_to_code", source_to_code, "SourceFileLoader"),
    method("get_code", get_code, "SourceFileLoader"),
    method("path_stats", path_stats, "SourceFileLoader"),
    method("exec_module", exec_module, "SourceFileLoader"),
];

/// `BuiltinImporter`'s answers for a native module: no code, no source,
/// not a package (`runpy` asks for the code of `-m sys`).
pub(crate) static BUILTIN_IMPORTER_METHODS: [BuiltinDef; 3] = [
    BuiltinDef {
        name: "get_code",
        func: builtin_none,
        owner: "BuiltinImporter",
        is_method: false,
    },
    BuiltinDef {
        name: "get_source",
        func: builtin_none,
        owner: "BuiltinImporter",
        is_method: false,
    },
    BuiltinDef {
        name: "is_package",
        func: builtin_false,
        owner: "BuiltinImporter",
        is_method: false,
    },
];

/// `FrozenImporter`'s methods Pith's frozen modules answer: no source to
/// give (the code was frozen), and none of them is a package.
pub(crate) static FROZEN_IMPORTER_METHODS: [BuiltinDef; 2] = [
    BuiltinDef {
        name: "get_source",
        func: builtin_none,
        owner: "FrozenImporter",
        is_method: false,
    },
    BuiltinDef {
        name: "is_package",
        func: builtin_false,
        owner: "FrozenImporter",
        is_method: false,
    },
];

fn set(obj: &Value, name: &str, v: Value) {
    if let Value::Instance(i) = obj {
        let _ = i.dict.clone().borrow_mut().insert(Value::str(name), v);
    }
}

/// `ModuleSpec(name, loader, *, origin=None, loader_state=None,
/// is_package=None)`.
fn spec_init(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let names = [
        "self",
        "name",
        "loader",
        "origin",
        "loader_state",
        "is_package",
    ];
    if a.pos.len() > 3 {
        return Err(PyErr::type_error(format!(
            "ModuleSpec.__init__() takes 3 positional arguments but {} were given",
            a.pos.len()
        )));
    }
    let args = bind_args(&a, "ModuleSpec", &names, 3)?;
    let arg = |i: usize| arg_or_none(&args, i);
    let this = arg(0);
    let name = arg(1);
    let is_package = crate::ops::truthy(&arg(5));
    let parent = match &name {
        Value::Str(s) if is_package => Value::Str(s.clone()),
        Value::Str(s) => Value::str(s.as_str().rsplit_once('.').map_or("", |(p, _)| p)),
        _ => Value::None,
    };
    set(&this, "name", name);
    set(&this, "loader", arg(2));
    set(&this, "origin", arg(3));
    set(&this, "loader_state", arg(4));
    let search = if is_package {
        Value::list(Vec::new())
    } else {
        Value::None
    };
    set(&this, "submodule_search_locations", search);
    set(&this, "cached", Value::None);
    set(&this, "parent", parent);
    set(&this, "has_location", Value::Bool(false));
    set(&this, "_set_fileattr", Value::Bool(false));
    Ok(Value::None)
}

/// `SourceFileLoader(fullname, path)`.
fn loader_init(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = bind_args(&a, "SourceFileLoader", &["self", "fullname", "path"], 3)?;
    let arg = |i: usize| arg_or_none(&args, i);
    let this = arg(0);
    set(&this, "name", arg(1));
    set(&this, "path", arg(2));
    Ok(Value::None)
}

/// `loader.source_to_code(data, path, *, _optimize=-1)`: `compile(data,
/// path, 'exec', dont_inherit=True, optimize=_optimize)`.
fn source_to_code(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = bind_args(
        &a,
        "source_to_code",
        &["self", "data", "path", "_optimize"],
        3,
    )?;
    let arg = |i: usize| args.get(i).copied().flatten().cloned();
    let (Some(data), Some(path)) = (arg(1), arg(2)) else {
        return Err(PyErr::type_error(
            "source_to_code() missing required argument",
        ));
    };
    let optimize = arg(3).unwrap_or(Value::Int(-1));
    compile_exec(vm, data, path, optimize)
}

fn compile_exec(vm: &mut Vm, data: Value, path: Value, optimize: Value) -> PyResult<Value> {
    let pos = [
        data,
        path,
        Value::str("exec"),
        Value::Int(0),
        Value::Bool(true),
        optimize,
    ];
    crate::exec::b_compile(vm, Args::positional(&pos))
}

/// `loader.get_code(fullname)`: the module's source file compiled.
fn get_code(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let this = a.pos.first().cloned().unwrap_or(Value::None);
    let path = vm.call_method(&this, "get_filename", &a.pos[1.min(a.pos.len())..])?;
    let data = vm.call_method(&this, "get_data", std::slice::from_ref(&path))?;
    compile_exec(vm, data, path, Value::Int(-1))
}

/// `loader.path_stats(path)`: `{'mtime': ..., 'size': ...}` from `os.stat`.
fn path_stats(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let path = match a.pos.get(1) {
        Some(Value::Str(s)) => s.as_str().to_string(),
        _ => return Err(PyErr::type_error("path_stats() needs a str path")),
    };
    let meta = std::fs::metadata(&path)
        .map_err(|e| crate::oserror::from_io(&e, Some(Value::string(path))))?;
    let mtime = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0.0, |d| d.as_secs_f64());
    let mut d = crate::dict::Dict::new();
    let _ = d.insert(Value::str("mtime"), Value::Float(mtime));
    let size = i64::try_from(meta.len()).unwrap_or(i64::MAX);
    let _ = d.insert(Value::str("size"), Value::Int(size));
    Ok(Value::dict(d))
}

/// `loader.exec_module(module)`: runs the module's code in its namespace.
fn exec_module(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (Some(this), Some(Value::Module(m))) = (a.pos.first(), a.pos.get(1)) else {
        return Err(PyErr::type_error("exec_module() needs a module"));
    };
    let name = crate::import::dict_get(&m.dict.borrow(), "__name__").unwrap_or(Value::None);
    let code = vm.call_method(this, "get_code", &[name])?;
    let Value::Code(code) = code else {
        return Err(PyErr::new(
            crate::types::ExcKind::ImportError,
            format!("cannot load module {}", m.name),
        ));
    };
    let globals = m.dict.clone();
    vm.run_code_in(code, globals.clone(), globals)?;
    Ok(Value::None)
}

fn builtin_none(_vm: &mut Vm, _a: Args<'_>) -> PyResult<Value> {
    Ok(Value::None)
}

fn builtin_false(_vm: &mut Vm, _a: Args<'_>) -> PyResult<Value> {
    Ok(Value::Bool(false))
}

/// Bound argument `i`, or `None` when it was not given.
fn arg_or_none(args: &[Option<&Value>], i: usize) -> Value {
    args.get(i)
        .copied()
        .flatten()
        .cloned()
        .unwrap_or(Value::None)
}
