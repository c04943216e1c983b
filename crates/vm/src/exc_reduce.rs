//! `BaseException.__reduce__` and `__setstate__` (`Objects/exceptions.c`),
//! which `pickle` and `copy` use: `(type(self), self.args)`, with the
//! instance `__dict__` as a third item when it holds anything. `ImportError`
//! and `OSError` keep their own attributes in that dict here, so they are
//! left out of the state and given back as CPython's `ImportError_reduce`
//! (`name`, `path` in the state) and `OSError_reduce` (`filename` and
//! `filename2` back in the args) give them.

use std::rc::Rc;

use crate::dict::Dict;
use crate::exc::{ExcObj, PyErr, PyResult};
use crate::func::Args;
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::Vm;

const IMPORT_ATTRS: &[&str] = &["msg", "name", "path"];
const OS_ATTRS: &[&str] = &["errno", "strerror", "filename", "filename2"];

fn receiver<'a>(a: &Args<'a>, name: &str) -> PyResult<&'a Rc<ExcObj>> {
    match a.pos.first() {
        Some(Value::Exception(e)) => Ok(e),
        Some(other) => Err(PyErr::type_error(format!(
            "descriptor '{name}' requires a 'BaseException' object but received a '{}'",
            crate::types::type_name(other)
        ))),
        None => Err(PyErr::type_error(format!(
            "descriptor '{name}' of 'BaseException' object needs an argument"
        ))),
    }
}

/// `BaseException.__reduce__()`.
pub(crate) fn exc_reduce(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let e = receiver(&a, "__reduce__")?;
    if a.pos.len() > 1 || !a.kwnames.is_empty() {
        return Err(PyErr::type_error(format!(
            "BaseException.__reduce__() takes no arguments ({} given)",
            a.pos.len() - 1 + a.kwnames.len()
        )));
    }
    let typ = Value::Type(e.typ.clone());
    let mut args: Vec<Value> = e.args.borrow().to_vec();
    let dict = e.dict.borrow().clone();
    let own: &[&str] = if e.is_instance(ExcKind::ImportError) {
        IMPORT_ATTRS
    } else if e.is_instance(ExcKind::OSError) {
        OS_ATTRS
    } else {
        &[]
    };
    let Some(dict) = dict else {
        return Ok(Value::tuple(vec![typ, Value::tuple(args)]));
    };
    let d = dict.borrow();
    let get = |k: &str| crate::import::dict_get(&d, k).unwrap_or(Value::None);
    let mut state = Dict::new();
    for (k, v) in d.iter() {
        let internal = matches!(k, Value::Str(s) if own.contains(&s.as_str()));
        if !internal {
            state.insert(k.clone(), v.clone())?;
        }
    }
    if e.is_instance(ExcKind::ImportError) {
        for k in ["name", "path"] {
            let v = get(k);
            if !matches!(v, Value::None) {
                state.insert(Value::str(k), v)?;
            }
        }
    } else if e.is_instance(ExcKind::OSError) && args.len() == 2 {
        let (filename, filename2) = (get("filename"), get("filename2"));
        if !matches!(filename, Value::None) {
            args.push(filename);
            if !matches!(filename2, Value::None) {
                args.push(Value::None);
                args.push(filename2);
            }
        }
    }
    drop(d);
    let mut out = vec![typ, Value::tuple(args)];
    // CPython adds the dict whenever one was made; here lookups may make an
    // empty one, so only a dict with something in it counts.
    if !state.is_empty() {
        out.push(Value::dict(state));
    }
    Ok(Value::tuple(out))
}

/// `BaseException.__setstate__(state)`: each item of a dict `state` set as
/// an attribute (`None` does nothing).
pub(crate) fn exc_setstate(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let e = receiver(&a, "__setstate__")?.clone();
    if a.pos.len() != 2 || !a.kwnames.is_empty() {
        return Err(PyErr::type_error(format!(
            "BaseException.__setstate__() takes exactly one argument ({} given)",
            a.pos.len().saturating_sub(1) + a.kwnames.len()
        )));
    }
    let items: Vec<(Value, Value)> = match &a.pos[1] {
        Value::None => return Ok(Value::None),
        Value::Dict(d) => d
            .borrow()
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
        _ => return Err(PyErr::type_error("state is not a dictionary")),
    };
    let target = Value::Exception(e);
    for (k, v) in items {
        let Value::Str(name) = k else {
            return Err(PyErr::type_error(format!(
                "attribute name must be string, not '{}'",
                crate::types::type_name(&k)
            )));
        };
        vm.set_attr(&target, &name, v)?;
    }
    Ok(Value::None)
}
