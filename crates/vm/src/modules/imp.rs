//! `_imp`: the hooks `importlib._bootstrap` and `_bootstrap_external` call
//! (Python/import.c). Pith has no frozen modules and loads no extension
//! modules; its native modules are the built-in ones.

use std::cell::Cell;

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::native::bind_args;
use crate::types::{type_name, ExcKind};
use crate::value::Value;
use crate::vm::Vm;

use super::new_module;

super::module_functions!(FUNCTIONS, "_imp", [
    "_fix_co_filename" => fix_co_filename,
    "_frozen_module_names" => frozen_module_names,
    "_override_frozen_modules_for_tests" => returns_none,
    "acquire_lock" => acquire_lock,
    "release_lock" => release_lock,
    "lock_held" => lock_held,
    "create_builtin" => create_builtin,
    "create_dynamic" => create_dynamic,
    "exec_builtin" => exec_module,
    "exec_dynamic" => exec_module,
    "extension_suffixes" => extension_suffixes,
    "find_frozen" => find_frozen,
    "get_frozen_object" => not_frozen,
    "init_frozen" => returns_none,
    "is_builtin" => is_builtin,
    "is_frozen" => is_frozen,
    "is_frozen_package" => not_frozen,
    "source_hash" => source_hash,
]);

thread_local! {
    /// Depth of `acquire_lock` calls: Pith runs one thread, so the import
    /// lock is only counted, for `lock_held` and `release_lock`'s error.
    static LOCK_DEPTH: Cell<u32> = const { Cell::new(0) };
}

/// Builds `_imp`.
pub fn init(_vm: &mut Vm) -> Value {
    new_module(
        "_imp",
        FUNCTIONS,
        vec![("check_hash_based_pycs", Value::str("default"))],
    )
}

fn returns_none(_: &mut Vm, _: Args<'_>) -> PyResult<Value> {
    Ok(Value::None)
}

fn name_arg<'a>(a: &Args<'a>, fname: &str) -> PyResult<&'a str> {
    let args = bind_args(a, fname, &["name"], 1)?;
    match args[0] {
        Some(Value::Str(s)) => Ok(s.as_str()),
        Some(other) => Err(PyErr::type_error(format!(
            "{fname}() argument must be str, not {}",
            type_name(other)
        ))),
        None => Err(PyErr::type_error(format!(
            "{fname}() missing required argument 'name' (pos 1)"
        ))),
    }
}

/// `_fix_co_filename(code, path)`: Pith's code objects are immutable once
/// loaded, so a cached code object keeps the file name it was compiled with.
fn fix_co_filename(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    match a.pos {
        [Value::Code(_), Value::Str(_)] => Ok(Value::None),
        [first, _] if !matches!(first, Value::Code(_)) => Err(PyErr::type_error(format!(
            "_fix_co_filename() argument 1 must be code, not {}",
            type_name(first)
        ))),
        [_, second] => Err(PyErr::type_error(format!(
            "_fix_co_filename() argument 2 must be str, not {}",
            type_name(second)
        ))),
        _ => Err(PyErr::type_error(format!(
            "_fix_co_filename expected 2 arguments, got {}",
            a.pos.len()
        ))),
    }
}

fn frozen_module_names(_: &mut Vm, _: Args<'_>) -> PyResult<Value> {
    Ok(Value::list(Vec::new()))
}

fn acquire_lock(_: &mut Vm, _: Args<'_>) -> PyResult<Value> {
    LOCK_DEPTH.with(|d| d.set(d.get().saturating_add(1)));
    Ok(Value::None)
}

fn release_lock(_: &mut Vm, _: Args<'_>) -> PyResult<Value> {
    LOCK_DEPTH.with(|d| match d.get() {
        0 => Err(PyErr::new(
            ExcKind::RuntimeError,
            "not holding the import lock",
        )),
        n => {
            d.set(n - 1);
            Ok(Value::None)
        }
    })
}

fn lock_held(_: &mut Vm, _: Args<'_>) -> PyResult<Value> {
    Ok(Value::Bool(LOCK_DEPTH.with(|d| d.get() > 0)))
}

/// `is_builtin(name)`: 1 for Pith's native modules, -1 for the two that
/// cannot be initialised again (`sys`, `builtins`), else 0.
fn is_builtin(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let name = name_arg(&a, "is_builtin")?;
    Ok(Value::Int(match name {
        "sys" | "builtins" => -1,
        n if super::is_native(n) => 1,
        _ => 0,
    }))
}

fn is_frozen(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    // Pith's frozen modules (`crate::frozen`) come from sources, not from
    // frozen code objects: a fresh `importlib._bootstrap` asked to fix
    // them up as frozen would look for what only frozen code leaves.
    name_arg(&a, "is_frozen")?;
    Ok(Value::Bool(false))
}

fn find_frozen(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = bind_args(&a, "find_frozen", &["name", "withdata"], 1)?;
    match args[0] {
        Some(Value::Str(_)) => Ok(Value::None),
        Some(other) => Err(PyErr::type_error(format!(
            "find_frozen() argument 1 must be str, not {}",
            type_name(other)
        ))),
        None => Err(PyErr::type_error(
            "find_frozen() missing required argument 'name' (pos 1)",
        )),
    }
}

fn not_frozen(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let name = a.pos.first().map_or_else(String::new, |v| match v {
        Value::Str(s) => pith_repr::str_repr(s.as_str()),
        _ => String::new(),
    });
    Err(PyErr::new(
        ExcKind::ImportError,
        format!("No such frozen object named {name}"),
    ))
}

/// `create_builtin(spec)`: the native module named `spec.name`.
fn create_builtin(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let Some(spec) = a.pos.first() else {
        return Err(PyErr::type_error(
            "create_builtin() takes exactly one argument (0 given)",
        ));
    };
    let key = vm.intern("name");
    let name = vm.get_attr(spec, &key)?;
    let Value::Str(name) = name else {
        return Err(PyErr::type_error(format!(
            "name must be string, not {}",
            type_name(&name)
        )));
    };
    if let Some(m) = vm.sys_module(name.as_str()) {
        return Ok(m);
    }
    if !super::is_native(name.as_str()) {
        return Ok(Value::None);
    }
    vm.import_module(name.as_str())
}

fn create_dynamic(_: &mut Vm, _: Args<'_>) -> PyResult<Value> {
    Err(PyErr::new(
        ExcKind::ImportError,
        "Pith cannot load extension modules",
    ))
}

/// `exec_builtin(mod)` / `exec_dynamic(mod)`: native modules are complete
/// when created.
fn exec_module(_: &mut Vm, _: Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(0))
}

fn extension_suffixes(_: &mut Vm, _: Args<'_>) -> PyResult<Value> {
    Ok(Value::list(Vec::new()))
}

/// `source_hash(key, source)`: the keyed SipHash-1-3 `.pyc` headers store.
fn source_hash(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = bind_args(&a, "source_hash", &["key", "source"], 2)?;
    let key = match args[0] {
        Some(Value::Int(k)) => *k as u64,
        Some(Value::Bool(b)) => u64::from(*b),
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                type_name(other)
            )))
        }
        None => {
            return Err(PyErr::type_error(
                "source_hash() missing required argument 'key' (pos 1)",
            ))
        }
    };
    let source = match args[1] {
        Some(v) => crate::buffer::bytes_like(v)?,
        None => {
            return Err(PyErr::type_error(
                "source_hash() missing required argument 'source' (pos 2)",
            ))
        }
    };
    let h = pith_bytecode::pyc::source_hash_keyed(key, &source);
    Ok(Value::Bytes(std::rc::Rc::new(h.to_vec())))
}
