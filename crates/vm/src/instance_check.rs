//! `isinstance` and `issubclass` as CPython's `PyObject_IsInstance` and
//! `PyObject_IsSubclass`: tuples and unions are tried member by member in
//! order, classes through their metaclass's `__instancecheck__` /
//! `__subclasscheck__`, and any other object through its own class's hook
//! (a generic alias refuses; `typing`'s special forms answer).

use std::rc::Rc;

use crate::class::special;
use crate::exc::{PyErr, PyResult};
use crate::names::D;
use crate::types::{type_of, ExcKind};
use crate::value::Value;
use crate::vm::Vm;

/// How deeply nested tuples of classes may be on the Rust stack, whatever
/// the recursion limit.
const MAX_DEPTH: usize = 1000;

/// Whether `depth` more levels of nesting pass CPython's recursion check
/// (`Py_EnterRecursiveCall`): its budget is shared with the Python frames
/// below, so a low `sys.setrecursionlimit()` cuts nesting short too.
fn past_limit(vm: &Vm, depth: usize) -> bool {
    depth > MAX_DEPTH || vm.frames.len() + depth > vm.recursion_limit
}

fn too_deep(what: &str) -> PyErr {
    PyErr::new(
        ExcKind::RecursionError,
        format!("maximum recursion depth exceeded in __{what}__"),
    )
}

/// The members of `cls` to try one by one, when it is a tuple (of a tuple
/// subclass too: `PyTuple_Check`) or a union.
fn members(cls: &Value) -> Option<Vec<Value>> {
    match cls {
        Value::Tuple(t) => Some(t.to_vec()),
        other => match crate::instance::payload_of(other) {
            Some(Value::Tuple(t)) => Some(t.to_vec()),
            _ => crate::union::union_args(other),
        },
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
    if past_limit(vm, depth) {
        return Err(too_deep("instancecheck"));
    }
    if let Value::Type(c) = cls {
        if let Some(hook) = vm.meta_check(c, inst, D::InstanceCheck)? {
            return Ok(hook);
        }
        return real_isinstance(vm, inst, c);
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
        // Bound as any special method: a descriptor there gives the callable.
        let r = vm.call_special(&f, cls, std::slice::from_ref(inst))?;
        return vm.truthy(&r);
    }
    // An object that is not a class but has a `__bases__` tuple stands for
    // one (the "abstract class" protocol of `abstract_issubclass`).
    if bases_of(vm, cls)?.is_none() {
        return Err(PyErr::type_error(
            "isinstance() arg 2 must be a type, a tuple of types, or a union",
        ));
    }
    match class_attr(vm, inst)? {
        Some(icls) => abstract_issubclass(vm, &icls, cls, depth),
        None => Ok(false),
    }
}

/// `object_isinstance` for a class: no metaclass hook (`type.__instancecheck__`).
fn real_isinstance(vm: &mut Vm, inst: &Value, c: &Rc<crate::types::TypeObj>) -> PyResult<bool> {
    if type_of(inst).is_subtype(c) {
        return Ok(true);
    }
    // An instance may claim another class through a `__class__` property
    // (`unittest.mock` specs do). Its class's flags answer for the common
    // case, a class that defines neither `__class__` nor `__getattribute__`:
    // `object.__class__` is a data descriptor, so the claim is its own type.
    if let Value::Instance(i) = inst {
        let t = i.class();
        if special(&t, D::Class).is_none() && special(&t, D::GetAttribute).is_none() {
            return Ok(false);
        }
        if let Some(Value::Type(claimed)) = class_attr(vm, inst)? {
            return Ok(!Rc::ptr_eq(&claimed, &type_of(inst)) && claimed.is_subtype(c));
        }
    }
    Ok(false)
}

/// `type.__instancecheck__(cls, inst)`.
pub(crate) fn type_instancecheck(vm: &mut Vm, a: crate::func::Args<'_>) -> PyResult<Value> {
    match a.pos {
        [Value::Type(c), inst] => real_isinstance(vm, inst, c).map(Value::Bool),
        [_, _] => Err(PyErr::type_error(
            "descriptor '__instancecheck__' requires a 'type' object",
        )),
        _ => Err(PyErr::type_error(format!(
            "__instancecheck__() takes exactly one argument ({} given)",
            a.pos.len().saturating_sub(1)
        ))),
    }
}

/// `type.__subclasscheck__(cls, sub)`.
pub(crate) fn type_subclasscheck(vm: &mut Vm, a: crate::func::Args<'_>) -> PyResult<Value> {
    match a.pos {
        [cls @ Value::Type(_), sub] => recursive_issubclass(vm, sub, cls, 0).map(Value::Bool),
        [_, _] => Err(PyErr::type_error(
            "descriptor '__subclasscheck__' requires a 'type' object",
        )),
        _ => Err(PyErr::type_error(format!(
            "__subclasscheck__() takes exactly one argument ({} given)",
            a.pos.len().saturating_sub(1)
        ))),
    }
}

/// `inst.__class__`, or `None` when reading it raises AttributeError.
fn class_attr(vm: &mut Vm, inst: &Value) -> PyResult<Option<Value>> {
    let name = vm.intern("__class__");
    match vm.get_attr(inst, &name) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.is(ExcKind::AttributeError) => Ok(None),
        Err(e) => Err(e),
    }
}

/// `abstract_get_bases`: `v.__bases__` when it is a tuple.
fn bases_of(vm: &mut Vm, v: &Value) -> PyResult<Option<Rc<Vec<Value>>>> {
    let name = vm.intern("__bases__");
    match vm.get_attr(v, &name) {
        Ok(Value::Tuple(t)) => Ok(Some(Rc::new(t.to_vec()))),
        Ok(_) => Ok(None),
        Err(e) if e.is(ExcKind::AttributeError) => Ok(None),
        Err(e) => Err(e),
    }
}

/// `abstract_issubclass`: whether `cls` is reached from `derived` through
/// `__bases__`, following single inheritance without recursion.
fn abstract_issubclass(vm: &mut Vm, derived: &Value, cls: &Value, depth: usize) -> PyResult<bool> {
    if past_limit(vm, depth) {
        return Err(too_deep("subclasscheck"));
    }
    let mut derived = derived.clone();
    loop {
        if derived.is(cls) {
            return Ok(true);
        }
        let Some(bases) = bases_of(vm, &derived)? else {
            return Ok(false);
        };
        match bases.as_slice() {
            [] => return Ok(false),
            [only] => derived = only.clone(),
            many => {
                for base in many {
                    if abstract_issubclass(vm, base, cls, depth + 1)? {
                        return Ok(true);
                    }
                }
                return Ok(false);
            }
        }
    }
}

/// `recursive_issubclass`: classes by their MRO, other objects with a
/// `__bases__` tuple through [`abstract_issubclass`].
fn recursive_issubclass(vm: &mut Vm, derived: &Value, cls: &Value, depth: usize) -> PyResult<bool> {
    if let (Value::Type(d), Value::Type(c)) = (derived, cls) {
        return Ok(d.is_subtype(c));
    }
    if bases_of(vm, derived)?.is_none() {
        return Err(PyErr::type_error("issubclass() arg 1 must be a class"));
    }
    if crate::union::union_args(cls).is_none() && bases_of(vm, cls)?.is_none() {
        return Err(PyErr::type_error(
            "issubclass() arg 2 must be a class, a tuple of classes, or a union",
        ));
    }
    abstract_issubclass(vm, derived, cls, depth)
}

/// `issubclass(derived, cls)`.
pub fn issubclass(vm: &mut Vm, derived: &Value, cls: &Value) -> PyResult<bool> {
    issubclass_at(vm, derived, cls, 0)
}

fn issubclass_at(vm: &mut Vm, derived: &Value, cls: &Value, depth: usize) -> PyResult<bool> {
    if past_limit(vm, depth) {
        return Err(too_deep("subclasscheck"));
    }
    if let Value::Type(c) = cls {
        if c.heap.as_ref().and_then(|h| h.meta.as_ref()).is_some() {
            if let Some(b) = vm.meta_check(c, derived, D::SubclassCheck)? {
                return Ok(b);
            }
        }
        return recursive_issubclass(vm, derived, cls, depth);
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
        // Bound as any special method: a descriptor there gives the callable.
        let r = vm.call_special(&f, cls, std::slice::from_ref(derived))?;
        return vm.truthy(&r);
    }
    recursive_issubclass(vm, derived, cls, depth)
}
