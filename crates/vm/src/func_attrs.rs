//! Attributes set on Python functions (`f.calls = 0`, `f.cache = {}`): a
//! `__dict__` made on first use.

use std::cell::RefCell;
use std::rc::Rc;

use crate::dict::Dict;
use crate::exc::{PyErr, PyResult};
use crate::func::Function;
use crate::value::{StrObj, Value};

/// `f.__dict__`, created if needed.
pub fn dict_of(f: &Function) -> Rc<RefCell<Dict>> {
    f.dict
        .borrow_mut()
        .get_or_insert_with(|| Rc::new(RefCell::new(Dict::new())))
        .clone()
}

/// `f.name` from the function's `__dict__`.
pub fn get(f: &Function, name: &Rc<StrObj>) -> Option<Value> {
    match name.as_str() {
        "__dict__" => return Some(Value::Dict(dict_of(f))),
        "__annotations__" => return Some(annotations_of(f)),
        // Unset, the caller reads the code's docstring or the globals' name.
        "__doc__" => return f.members.borrow().as_ref()?.doc.clone(),
        "__module__" => return f.members.borrow().as_ref()?.module.clone(),
        _ => {}
    }
    let d = f.dict.borrow().clone()?;
    let v = d.borrow().get_str(name).cloned();
    v
}

/// `f.name = value` for a name that is not one of the function's fixed
/// fields; `__defaults__` and `__dict__` are checked as CPython does.
pub fn set(f: &Function, name: &Rc<StrObj>, value: Value) -> PyResult<()> {
    match name.as_str() {
        // `T_OBJECT` members with `READONLY` in `funcobject.c`: not shadowed
        // by the `__dict__`.
        n if is_readonly(n) => return Err(readonly()),
        n @ ("__doc__" | "__module__") => {
            set_member(f, n == "__doc__", value);
            return Ok(());
        }
        "__defaults__" => {
            let new = match value {
                Value::None => None,
                Value::Tuple(t) => Some(t),
                _ => {
                    return Err(PyErr::type_error(
                        "__defaults__ must be set to a tuple object",
                    ))
                }
            };
            // The old tuple is dropped after the borrow ends: a finalizer
            // among its items may read the function.
            let old = std::mem::replace(&mut *f.defaults.borrow_mut(), new);
            drop(old);
            return Ok(());
        }
        "__kwdefaults__" => {
            let new = match value {
                Value::None => None,
                Value::Dict(d) => Some(d),
                _ => {
                    return Err(PyErr::type_error(
                        "__kwdefaults__ must be set to a dict object",
                    ))
                }
            };
            let old = std::mem::replace(&mut *f.kwdefaults.borrow_mut(), new);
            drop(old);
            return Ok(());
        }
        "__annotations__" => {
            return match value {
                Value::Dict(_) => {
                    *f.annotations.borrow_mut() = Some(value);
                    Ok(())
                }
                Value::None => {
                    *f.annotations.borrow_mut() = None;
                    Ok(())
                }
                _ => Err(PyErr::type_error(
                    "__annotations__ must be set to a dict object",
                )),
            };
        }
        "__code__" => {
            let Value::Code(c) = value else {
                return Err(PyErr::type_error("__code__ must be set to a code object"));
            };
            // The closure fills the new code's free variables, so their
            // counts must agree, as CPython checks.
            let nfree = c.raw.freevars().len();
            let nclosure = f.closure.as_ref().map_or(0, |cl| cl.len());
            if nfree != nclosure {
                return Err(PyErr::value_error(format!(
                    "{}() requires a code object with {} free vars, not {}",
                    f.name.borrow().as_str(),
                    nclosure,
                    nfree
                )));
            }
            *f.code.borrow_mut() = c;
            return Ok(());
        }
        "__dict__" => {
            return match value {
                Value::Dict(d) => {
                    *f.dict.borrow_mut() = Some(d);
                    Ok(())
                }
                other => Err(PyErr::type_error(format!(
                    "__dict__ must be set to a dictionary, not a '{}'",
                    crate::types::type_name(&other)
                ))),
            };
        }
        _ => {}
    }
    let d = dict_of(f);
    let h = name.hash();
    // The old value is dropped after the dict's borrow ends: its finalizer
    // may read the function.
    let old = d
        .borrow_mut()
        .replace_hashed(Value::Str(name.clone()), h, value);
    drop(old);
    Ok(())
}

/// `f.__annotations__`: a dict made from `MAKE_FUNCTION`'s name/value pairs
/// (or an empty one) on first read, the same dict afterwards.
fn annotations_of(f: &Function) -> Value {
    let cur = f.annotations.borrow().clone();
    if let Some(d @ Value::Dict(_)) = cur {
        return d;
    }
    let mut d = Dict::new();
    if let Some(Value::Tuple(pairs)) = cur {
        for kv in pairs.chunks_exact(2) {
            // Names are strs (the compiler made them): no error is possible.
            let _ = d.insert(kv[0].clone(), kv[1].clone());
        }
    }
    let v = Value::Dict(Rc::new(RefCell::new(d)));
    *f.annotations.borrow_mut() = Some(v.clone());
    v
}

/// `del f.name`: whether it was there.
pub fn delete(f: &Function, name: &Rc<StrObj>) -> PyResult<bool> {
    match name.as_str() {
        n if is_readonly(n) => return Err(readonly()),
        // Their setters refuse a missing value as any non-string one.
        n @ ("__name__" | "__qualname__") => {
            return Err(PyErr::type_error(format!(
                "{n} must be set to a string object"
            )))
        }
        "__code__" => return Err(PyErr::type_error("__code__ must be set to a code object")),
        "__dict__" => return Err(PyErr::type_error("cannot delete __dict__")),
        _ => {}
    }
    if matches!(name.as_str(), "__defaults__" | "__kwdefaults__") {
        // Their setters take a missing value as None: none, as if never given.
        set(f, name, Value::None)?;
        return Ok(true);
    }
    if name.as_str() == "__annotations__" {
        *f.annotations.borrow_mut() = None;
        return Ok(true);
    }
    if let n @ ("__module__" | "__doc__") = name.as_str() {
        // CPython's `func_module` and `func_doc` members: deleted, they read
        // as None (neither the globals' `__name__` nor the code's docstring
        // answers any more).
        set_member(f, n == "__doc__", Value::None);
        return Ok(true);
    }
    let Some(d) = f.dict.borrow().clone() else {
        return Ok(false);
    };
    let removed = d.borrow_mut().remove(&Value::Str(name.clone()))?;
    Ok(removed.is_some())
}

/// The function members that can be read but neither set nor deleted.
fn is_readonly(name: &str) -> bool {
    matches!(name, "__closure__" | "__globals__" | "__builtins__")
}

/// `AttributeError` for a store to or deletion of a read-only member.
fn readonly() -> PyErr {
    PyErr::new(crate::types::ExcKind::AttributeError, "readonly attribute")
}

/// Stores `__doc__` (`doc`) or `__module__`; the old value is dropped after
/// the borrow ends, as its finalizer may read the function.
fn set_member(f: &Function, doc: bool, value: Value) {
    let old = {
        let mut m = f.members.borrow_mut();
        let m = m.get_or_insert_with(Default::default);
        let slot = if doc { &mut m.doc } else { &mut m.module };
        slot.replace(value)
    };
    drop(old);
}
