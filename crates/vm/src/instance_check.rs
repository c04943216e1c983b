//! `isinstance` and `issubclass` as CPython's `PyObject_IsInstance` and
//! `PyObject_IsSubclass`: tuples and unions are tried member by member in
//! order, classes through their metaclass's `__instancecheck__` /
//! `__subclasscheck__`, and any other object through its own class's hook
//! (a generic alias refuses; `typing`'s special forms answer).

use std::rc::Rc;

use crate::exc::{PyErr, PyResult};
use crate::names::D;
use crate::types::{type_of, ExcKind, TypeObj};
use crate::value::Value;
use crate::vm::Vm;

/// How deeply nested tuples of classes may be (CPython's recursion check).
const MAX_DEPTH: usize = 1000;

fn too_deep(what: &str) -> PyErr {
    PyErr::new(
        ExcKind::RecursionError,
        format!("maximum recursion depth exceeded in __{what}__"),
    )
}

/// The members of `cls` to try one by one, when it is a tuple or a union.
fn members(cls: &Value) -> Option<Vec<Value>> {
    match cls {
        Value::Tuple(t) => Some(t.to_vec()),
        other => crate::union::union_args(other),
    }
}

/// `isinstance(inst, cls)`.
pub fn isinstance(vm: &mut Vm, inst: &Value, cls: &Value) -> PyResult<bool> {
    if let Value::Type(c) = cls {
        if Rc::ptr_eq(&type_of(inst), c) {
            return Ok(true);
        }
    }
    isinstance_at(vm, inst, cls, 0)
}

fn isinstance_at(vm: &mut Vm, inst: &Value, cls: &Value, depth: usize) -> PyResult<bool> {
    if depth > MAX_DEPTH {
        return Err(too_deep("instancecheck"));
    }
    if let Value::Type(c) = cls {
        let hook = vm.meta_check(c, inst, D::InstanceCheck)?;
        return Ok(hook.unwrap_or_else(|| type_of(inst).is_subtype(c)));
    }
    if let Some(items) = members(cls) {
        for c in &items {
            if isinstance_at(vm, inst, c, depth + 1)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if let Some(f) = crate::class::special(&type_of(cls), D::InstanceCheck) {
        let r = vm.call(&f, &[cls.clone(), inst.clone()])?;
        return vm.truthy(&r);
    }
    Err(PyErr::type_error(
        "isinstance() arg 2 must be a type, a tuple of types, or a union",
    ))
}

/// `issubclass(derived, cls)`.
pub fn issubclass(vm: &mut Vm, derived: &Value, cls: &Value) -> PyResult<bool> {
    issubclass_at(vm, derived, cls, 0)
}

fn derived_class(derived: &Value) -> PyResult<&Rc<TypeObj>> {
    match derived {
        Value::Type(t) => Ok(t),
        _ => Err(PyErr::type_error("issubclass() arg 1 must be a class")),
    }
}

fn issubclass_at(vm: &mut Vm, derived: &Value, cls: &Value, depth: usize) -> PyResult<bool> {
    if depth > MAX_DEPTH {
        return Err(too_deep("subclasscheck"));
    }
    if let Value::Type(c) = cls {
        if c.heap.as_ref().and_then(|h| h.meta.as_ref()).is_none() {
            return Ok(derived_class(derived)?.is_subtype(c));
        }
        let hook = vm.meta_check(c, derived, D::SubclassCheck)?;
        return match hook {
            Some(b) => Ok(b),
            None => Ok(derived_class(derived)?.is_subtype(c)),
        };
    }
    if let Some(items) = members(cls) {
        for c in &items {
            if issubclass_at(vm, derived, c, depth + 1)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if let Some(f) = crate::class::special(&type_of(cls), D::SubclassCheck) {
        let r = vm.call(&f, &[cls.clone(), derived.clone()])?;
        return vm.truthy(&r);
    }
    derived_class(derived)?;
    Err(PyErr::type_error(
        "issubclass() arg 2 must be a class, a tuple of classes, or a union",
    ))
}
