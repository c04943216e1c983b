//! `obj.__class__ = C`, with CPython's checks (`object_set_class` in
//! `Objects/typeobject.c`): only between classes defined in Python whose
//! instances have the same layout (builtin base and `__slots__`).

use std::rc::Rc;

use crate::exc::{PyErr, PyResult};
use crate::types::{type_name, type_of, TypeObj};
use crate::value::Value;

/// Assigns (`Some`) or deletes (`None`) the class of `obj`.
pub fn set_class(obj: &Value, value: Option<Value>) -> PyResult<()> {
    let Some(value) = value else {
        return Err(PyErr::type_error("can't delete __class__ attribute"));
    };
    let Value::Type(new) = &value else {
        return Err(PyErr::type_error(format!(
            "__class__ must be set to a class, not '{}' object",
            type_name(&value)
        )));
    };
    let old = type_of(obj);
    let Value::Instance(inst) = obj else {
        return Err(not_mutable());
    };
    if old.heap.is_none() || new.heap.is_none() {
        return Err(not_mutable());
    }
    if !same_layout(&old, new) {
        return Err(PyErr::type_error(format!(
            "__class__ assignment: '{}' object layout differs from '{}'",
            new.name, old.name
        )));
    }
    inst.set_class(new.clone());
    Ok(())
}

fn not_mutable() -> PyErr {
    PyErr::type_error(
        "__class__ assignment only supported for mutable types or ModuleType subclasses",
    )
}

/// Whether instances of `a` and `b` are laid out alike: the same builtin base
/// and the same `__slots__` (or both with a `__dict__`).
fn same_layout(a: &Rc<TypeObj>, b: &Rc<TypeObj>) -> bool {
    let (Some(ha), Some(hb)) = (&a.heap, &b.heap) else {
        return false;
    };
    if !Rc::ptr_eq(&ha.solid, &hb.solid) {
        return false;
    }
    match (&ha.slots, &hb.slots) {
        (None, None) => true,
        (Some(x), Some(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| p.as_str() == q.as_str())
        }
        _ => false,
    }
}
