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

/// What a class's instances hold beyond `object`'s: slot values, a dict,
/// weak references (CPython's basic size and offsets).
fn layout_size(t: &Rc<TypeObj>) -> (usize, bool, bool) {
    (
        crate::modules::builtins::slot_count(t),
        crate::class::provides_dict(t),
        crate::class::provides_weakref(t),
    )
}

/// `compatible_with_tp_base`: a Python class whose instances hold nothing
/// its `__base__`'s do not.
fn compatible_with_base(t: &Rc<TypeObj>) -> Option<Rc<TypeObj>> {
    t.heap.as_ref()?;
    let base = t.base.clone()?;
    (layout_size(t) == layout_size(&base)).then_some(base)
}

/// The `__slots__` members `t` adds to its base's, sorted (`ht_slots`).
fn own_slots(t: &Rc<TypeObj>) -> Vec<Rc<crate::value::StrObj>> {
    let first = t
        .base
        .as_ref()
        .map_or(0, crate::modules::builtins::slot_count);
    let mut names: Vec<_> = crate::modules::builtins::slot_members(t)
        .into_iter()
        .filter(|(_, i)| *i >= first)
        .map(|(n, _)| n)
        .collect();
    names.sort_by(|a, b| a.as_str().cmp(b.as_str()));
    names
}

/// `compatible_for_assignment`: past the classes that add nothing to their
/// base's layout, both are the same class, or extend the same base by the
/// same slots, dict and weak references (`same_slots_added`).
fn same_layout(a: &Rc<TypeObj>, b: &Rc<TypeObj>) -> bool {
    let walk = |mut t: Rc<TypeObj>| {
        while let Some(base) = compatible_with_base(&t) {
            t = base;
        }
        t
    };
    let (a, b) = (walk(a.clone()), walk(b.clone()));
    if Rc::ptr_eq(&a, &b) {
        return true;
    }
    let same_base = match (&a.base, &b.base) {
        (Some(x), Some(y)) => Rc::ptr_eq(x, y),
        _ => false,
    };
    let slots_eq = |x: &[Rc<crate::value::StrObj>], y: &[Rc<crate::value::StrObj>]| {
        x.len() == y.len() && x.iter().zip(y).all(|(p, q)| p.as_str() == q.as_str())
    };
    same_base
        && a.heap.is_some()
        && b.heap.is_some()
        && layout_size(&a) == layout_size(&b)
        && slots_eq(&own_slots(&a), &own_slots(&b))
}
