//! Builtins that look at the running frame or the process: `globals`,
//! `locals`, `dir`, `input`, `exit` and `quit`.

use std::cell::RefCell;
use std::rc::Rc;

use crate::dict::Dict;
use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::Vm;

fn no_args(a: &Args<'_>, name: &str) -> PyResult<()> {
    a.no_kw(name)?;
    if !a.pos.is_empty() {
        return Err(PyErr::type_error(format!(
            "{name}() takes no arguments ({} given)",
            a.pos.len()
        )));
    }
    Ok(())
}

/// `globals()`.
pub fn b_globals(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    no_args(&a, "globals")?;
    match vm.frames.last() {
        Some(f) => Ok(Value::Dict(f.globals.clone())),
        None => Ok(Value::Dict(Rc::new(RefCell::new(Dict::new())))),
    }
}

/// The `locals()` mapping of the running frame: its name dict in module and
/// class bodies, else a fresh dict of the bound fast locals and cells.
fn current_locals(vm: &Vm) -> PyResult<Value> {
    // A frame run with a mapping for its locals (`eval(src, g, m)`).
    let custom = vm
        .frames
        .last()
        .and_then(|f| f.names.as_ref())
        .and_then(crate::class_ns::custom);
    if let Some(m) = custom {
        return Ok(m);
    }
    locals_dict(vm).map(Value::Dict)
}

/// The `locals()` mapping of the running frame, as a dict.
pub(crate) fn locals_dict(vm: &Vm) -> PyResult<Rc<RefCell<Dict>>> {
    let Some(f) = vm.frames.last() else {
        return Ok(Rc::new(RefCell::new(Dict::new())));
    };
    if let Some(names) = &f.names {
        return Ok(names.clone());
    }
    Ok(vm
        .function_locals()
        .unwrap_or_else(|| Rc::new(RefCell::new(Dict::new()))))
}

/// `locals()`.
pub fn b_locals(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    no_args(&a, "locals")?;
    current_locals(vm)
}

/// The `str` keys of a namespace.
fn str_keys(d: &Dict) -> Vec<String> {
    d.keys()
        .filter_map(|k| match k {
            Value::Str(s) => Some(s.as_str().to_string()),
            _ => None,
        })
        .collect()
}

fn sorted_names(keys: impl Iterator<Item = String>) -> Value {
    let mut names: Vec<String> = keys.collect();
    names.sort();
    names.dedup();
    Value::list(names.into_iter().map(Value::string).collect())
}

/// `dir()` / `dir(obj)`: names in scope, a module's names, or the methods of
/// a builtin value's type (without the special methods CPython also lists).
pub fn b_dir(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    a.no_kw("dir")?;
    match a.pos {
        [] => match current_locals(vm)? {
            Value::Dict(d) => {
                let keys = str_keys(&d.borrow());
                Ok(sorted_names(keys.into_iter()))
            }
            // Any other mapping (`eval(src, g, m)`): `PyMapping_Keys`, sorted.
            Value::None => Ok(Value::list(Vec::new())),
            m => {
                let keys = vm.intern("keys");
                let keys = vm.get_attr(&m, &keys)?;
                let keys = vm.call(&keys, &[])?;
                let mut items = vm.collect(&keys)?;
                crate::methods::sort_values(vm, &mut items, None, false)?;
                Ok(Value::list(items))
            }
        },
        [v] => match user_dir(vm, v)? {
            Some(names) => Ok(names),
            None => default_dir(v),
        },
        _ => Err(PyErr::type_error(format!(
            "dir expected at most 1 argument, got {}",
            a.pos.len()
        ))),
    }
}

/// `dir(v)` (`PyObject_Dir`): a sorted list of names.
pub(crate) fn dir_of(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match user_dir(vm, v)? {
        Some(names) => Ok(names),
        None => default_dir(v),
    }
}

/// `dir(v)` through a `__dir__` a Python class (or metaclass) defines, or
/// a module's own `__dir__` function (PEP 562): its result, sorted.
fn user_dir(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let name = Rc::new(crate::value::StrObj::new("__dir__"));
    let result = if let Value::Module(m) = v {
        let Some(f) = m.dict.borrow().get_str(&name).cloned() else {
            return Ok(None);
        };
        vm.call(&f, &[])?
    } else {
        let t = crate::types::type_of(v);
        if t.heap.is_none() {
            return Ok(None);
        }
        // `object.__dir__` and `type.__dir__` are the default listing; a
        // native class's own (`GenericAlias.__dir__`) is called.
        let default =
            |f: &Value| matches!(f, Value::Builtin(d) if matches!(d.owner, "object" | "type"));
        let Some(f) = crate::class::lookup(&t, &name).filter(|f| !default(f)) else {
            return module_subclass_dir(vm, v, &t);
        };
        let bound = vm.bind_attr(f, v, &t)?;
        vm.call(&bound, &[])?
    };
    let mut items = vm.collect(&result)?;
    crate::methods::sort_values(vm, &mut items, None, false)?;
    Ok(Some(Value::list(items)))
}

/// `module.__dir__` for an instance of a `ModuleType` subclass
/// (`module_dir`): the keys of its `__dict__`, which a subclass may replace
/// by a property; `None` for other instances.
fn module_subclass_dir(
    vm: &mut Vm,
    v: &Value,
    t: &Rc<crate::types::TypeObj>,
) -> PyResult<Option<Value>> {
    let is_module = crate::class::mro_of(t)
        .iter()
        .any(|c| c.heap.is_none() && c.kind == crate::types::TypeKind::Module);
    if !is_module {
        return Ok(None);
    }
    let d = vm.get_attr(v, &Rc::new(crate::value::StrObj::new("__dict__")))?;
    let Value::Dict(d) = d else {
        return Err(PyErr::type_error("<module>.__dict__ is not a dictionary"));
    };
    let dir_fn = d
        .borrow()
        .get_str(&Rc::new(crate::value::StrObj::new("__dir__")))
        .cloned();
    let result = match dir_fn {
        Some(f) => vm.call(&f, &[])?,
        None => {
            let keys: Vec<Value> = d.borrow().keys().cloned().collect();
            Value::list(keys)
        }
    };
    let mut items = vm.collect(&result)?;
    crate::methods::sort_values(vm, &mut items, None, false)?;
    Ok(Some(Value::list(items)))
}

/// `object.__dir__(v)` and `type.__dir__(v)`: the names `dir` lists when no
/// Python class overrides them.
pub(crate) fn object_dir(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    match a.pos {
        [v] => default_dir(v),
        _ => Err(PyErr::type_error(format!(
            "__dir__() takes no arguments ({} given)",
            a.pos.len().saturating_sub(1)
        ))),
    }
}

/// What `dir(v)` lists by itself: the attributes of a value, its class and
/// the class's bases.
fn default_dir(v: &Value) -> PyResult<Value> {
    match v {
        Value::Module(m) => {
            let keys = str_keys(&m.dict.borrow());
            Ok(sorted_names(keys.into_iter()))
        }
        v if crate::dir_names::names(v).is_some() => Ok(Value::list(
            crate::dir_names::names(v)
                .unwrap_or_default()
                .into_iter()
                .map(Value::string)
                .collect(),
        )),
        v => {
            let owner = match v {
                Value::Type(_) => v.clone(),
                other => Value::Type(crate::types::type_of(other)),
            };
            if let Value::Type(t) = &owner {
                if t.heap.is_none() {
                    if let Some(names) = crate::doc_table::dir_of(&t.name) {
                        // A function's own attributes live in its `__dict__`,
                        // which a bound method shows as its own
                        // (`method_getattro` forwards the lookup).
                        let func = match v {
                            Value::Method(m) => &m.1,
                            other => other,
                        };
                        if let Value::Function(f) = func {
                            if let Some(d) = f.dict.borrow().as_ref() {
                                let own = str_keys(&d.borrow());
                                let all = names.iter().map(|n| n.to_string()).chain(own);
                                return Ok(sorted_names(all));
                            }
                        }
                        return Ok(Value::list(names.iter().map(|n| Value::str(n)).collect()));
                    }
                }
            }
            let mut names: Vec<String> = match crate::methods::table_for(&owner) {
                Some(t) => t.iter().map(|d| d.name.to_string()).collect(),
                None => Vec::new(),
            };
            if let Value::Type(t) = &owner {
                names.extend(data_attributes(t.kind).iter().map(|s| s.to_string()));
            }
            Ok(sorted_names(names.into_iter()))
        }
    }
}

/// `input(prompt)`: one line from stdin without its newline.
/// `sys.<name>` as the program left it (`None` once deleted).
fn sys_stream(vm: &mut Vm, name: &str) -> Option<Value> {
    let (sys_key, key) = (vm.intern("sys"), vm.intern(name));
    let sys = vm.modules.borrow().get_str(&sys_key).cloned()?;
    let Value::Module(m) = sys else { return None };
    let v = m.dict.borrow().get_str(&key).cloned();
    v
}

pub fn b_input(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    a.no_kw("input")?;
    if a.pos.len() > 1 {
        return Err(PyErr::type_error(format!(
            "input expected at most 1 argument, got {}",
            a.pos.len()
        )));
    }
    // `builtin_input_impl` first makes sure the three streams are there.
    for name in ["stdin", "stdout", "stderr"] {
        if matches!(sys_stream(vm, name), None | Some(Value::None)) {
            return Err(PyErr::new(
                ExcKind::RuntimeError,
                format!("input(): lost sys.{name}"),
            ));
        }
    }
    let custom_out = crate::modules::sys::custom_print_target(vm, None);
    if let Some(p) = a.pos.first() {
        let text = vm.str_of(p)?;
        match &custom_out {
            // A replaced `sys.stdout` gets the prompt (`PyFile_WriteObject`).
            Some(f) => {
                let write = vm.intern("write");
                let write = vm.get_attr(f, &write)?;
                vm.call(&write, &[Value::string(text)])?;
            }
            None => vm.write_out(&text)?,
        }
    }
    if let Some(f) = &custom_out {
        // Its `flush` may be missing or fail: CPython ignores that.
        let flush = vm.intern("flush");
        if let Ok(flush) = vm.get_attr(f, &flush) {
            if let Err(e) = vm.call(&flush, &[]) {
                drop(e);
            }
        }
    }
    vm.flush();
    let mut line = match crate::modules::sys::replaced_stdin(vm) {
        Some(Value::None) => {
            return Err(PyErr::new(ExcKind::RuntimeError, "input(): lost sys.stdin"))
        }
        Some(stdin) => {
            let name = vm.intern("readline");
            let readline = vm.get_attr(&stdin, &name)?;
            match vm.call(&readline, &[])? {
                Value::Str(s) => s.as_str().to_string(),
                other => {
                    return Err(PyErr::type_error(format!(
                        "object.readline() returned non-string ({})",
                        crate::types::type_name(&other)
                    )))
                }
            }
        }
        None => crate::modules::sys::next_line(vm)?,
    };
    if line.is_empty() {
        return Err(PyErr::new(ExcKind::EOFError, "EOF when reading a line"));
    }
    if line.ends_with('\n') {
        line.pop();
    }
    Ok(Value::string(line))
}

/// `exit(code)` / `quit(code)`: raise `SystemExit`.
pub fn b_exit(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = match a.pos.first() {
        Some(v) => vec![v.clone()],
        None => Vec::new(),
    };
    Err(PyErr::with_args(ExcKind::SystemExit, args))
}

/// The attributes (not methods) of the builtin types, for `dir()`.
fn data_attributes(kind: crate::types::TypeKind) -> &'static [&'static str] {
    use crate::types::TypeKind as K;
    match kind {
        K::Int | K::Bool => &["denominator", "imag", "numerator", "real"],
        K::Float | K::Complex => &["imag", "real"],
        K::Range | K::Slice => &["start", "step", "stop"],
        K::DictKeys | K::DictItems | K::DictValues => &["mapping"],
        K::MemoryView => &[
            "c_contiguous",
            "contiguous",
            "f_contiguous",
            "format",
            "itemsize",
            "nbytes",
            "ndim",
            "obj",
            "readonly",
            "shape",
            "strides",
        ],
        _ => &[],
    }
}
