//! `NameError.name` and `AttributeError`'s `name` and `obj`
//! (`Objects/exceptions.c`, `NameError_init`, `AttributeError_init`): the
//! keyword-only arguments of their constructors, and the member slots the
//! VM fills in when a name or attribute lookup fails (used by tracebacks'
//! "Did you mean" hints and by programs that inspect the error).

use std::rc::Rc;

use crate::exc::{ExcObj, PyErr, PyResult};
use crate::types::{exc_type, ExcKind, TypeObj};
use crate::value::Value;

/// Whether the constructor of exception class `t` takes keyword arguments
/// (`ImportError`'s `name`/`path`, or this module's).
pub(crate) fn exception_takes_keywords(t: &Rc<TypeObj>) -> bool {
    crate::import_error::takes_keywords(t) || takes_keywords(t)
}

/// Whether instances of `t` take `name=` (and, for `AttributeError`, `obj=`).
pub(crate) fn takes_keywords(t: &Rc<TypeObj>) -> bool {
    t.is_subtype(&exc_type(ExcKind::NameError)) || t.is_subtype(&exc_type(ExcKind::AttributeError))
}

/// Whether `e` has the member `attr` (`name` or `obj`) of this module.
pub(crate) fn has_member(e: &ExcObj, attr: &str) -> bool {
    match attr {
        "name" => e.is_instance(ExcKind::NameError) || e.is_instance(ExcKind::AttributeError),
        "obj" => e.is_instance(ExcKind::AttributeError),
        _ => false,
    }
}

/// The value of member `attr` (`None` until set).
pub(crate) fn get(e: &ExcObj, attr: &str) -> Value {
    match e.name_obj.borrow().as_deref() {
        Some((name, _)) if attr == "name" => name.clone(),
        Some((_, obj)) if attr == "obj" => obj.clone(),
        _ => Value::None,
    }
}

/// Writes member `attr` (`del` resets it to `None`, as a CPython member does
/// for an object-typed slot).
pub(crate) fn set(e: &ExcObj, attr: &str, value: Option<Value>) {
    let mut slot = e.name_obj.borrow_mut();
    let pair = slot.get_or_insert_with(|| Box::new((Value::None, Value::None)));
    let v = value.unwrap_or(Value::None);
    if attr == "name" {
        pair.0 = v;
    } else {
        pair.1 = v;
    }
}

/// An `AttributeError` raised by a failed lookup of `obj.name` (from a
/// `__getattr__` or `__getattribute__` of the program's) gets the lookup's
/// `name` and `obj` unless it has them already, as CPython's `PyObject_GetAttr`.
pub(crate) fn with_context(err: PyErr, name: &Rc<crate::value::StrObj>, obj: &Value) -> PyErr {
    let unset = match err.0.name_obj.borrow().as_deref() {
        None => true,
        Some((name, obj)) => matches!((name, obj), (Value::None, Value::None)),
    };
    if unset && err.is(ExcKind::AttributeError) {
        *err.0.name_obj.borrow_mut() = Some(Box::new((Value::Str(name.clone()), obj.clone())));
    }
    err
}

/// Sets `name` and `obj` of a new `NameError` or `AttributeError` (or
/// subclass) from its keyword arguments; other exceptions are left alone.
pub(crate) fn init(e: &ExcObj, kwnames: &[Value], kwvals: &[Value]) -> PyResult<()> {
    let (is_name, is_attr) = (
        e.is_instance(ExcKind::NameError),
        e.is_instance(ExcKind::AttributeError),
    );
    if !is_name && !is_attr {
        return Ok(());
    }
    let owner = if is_name {
        "NameError"
    } else {
        "AttributeError"
    };
    let (mut name, mut obj) = (Value::None, Value::None);
    for (k, v) in kwnames.iter().zip(kwvals) {
        match k {
            Value::Str(s) if s.as_str() == "name" => name = v.clone(),
            Value::Str(s) if s.as_str() == "obj" && is_attr => obj = v.clone(),
            Value::Str(s) => {
                return Err(PyErr::type_error(format!(
                    "'{}' is an invalid keyword argument for {owner}()",
                    s.as_str()
                )))
            }
            _ => return Err(PyErr::type_error("keywords must be strings")),
        }
    }
    *e.name_obj.borrow_mut() = Some(Box::new((name, obj)));
    Ok(())
}
