//! `ImportError`'s `msg`, `name` and `path` (`Objects/exceptions.c`,
//! `ImportError_init`): the only builtin exception that takes keyword
//! arguments (`ImportError(msg, name=..., path=...)`), and the attributes
//! the importer sets on the errors it raises.

use std::rc::Rc;

use crate::exc::{ExcObj, PyErr, PyResult};
use crate::types::{exc_type, ExcKind, TypeObj};
use crate::value::Value;

/// Whether instances of `t` take `name=` and `path=`.
pub(crate) fn takes_keywords(t: &Rc<TypeObj>) -> bool {
    t.is_subtype(&exc_type(ExcKind::ImportError))
}

/// Sets `msg`, `name` and `path` of a new `ImportError` (or subclass) from
/// its arguments; other exceptions are left alone.
pub(crate) fn init(e: &ExcObj, kwnames: &[Value], kwvals: &[Value]) -> PyResult<()> {
    if !e.is_instance(ExcKind::ImportError) {
        return Ok(());
    }
    let (mut name, mut path) = (Value::None, Value::None);
    for (k, v) in kwnames.iter().zip(kwvals) {
        match k {
            Value::Str(s) if s.as_str() == "name" => name = v.clone(),
            Value::Str(s) if s.as_str() == "path" => path = v.clone(),
            Value::Str(s) => {
                return Err(PyErr::type_error(format!(
                    "'{}' is an invalid keyword argument for ImportError()",
                    s.as_str()
                )))
            }
            _ => return Err(PyErr::type_error("keywords must be strings")),
        }
    }
    let msg = {
        let args = e.args.borrow();
        if args.len() == 1 {
            args[0].clone()
        } else {
            Value::None
        }
    };
    let d = e.dict();
    let mut d = d.borrow_mut();
    d.insert(Value::str("msg"), msg)?;
    d.insert(Value::str("name"), name)?;
    d.insert(Value::str("path"), path)?;
    Ok(())
}

/// An `ImportError` (or `ModuleNotFoundError`) raised by the importer, with
/// its `name` and `path`.
pub(crate) fn new(kind: ExcKind, msg: String, name: &str, path: Option<&str>) -> PyErr {
    let e = ExcObj::new(exc_type(kind), vec![Value::string(msg)]);
    let _ = init(
        &e,
        &[Value::str("name"), Value::str("path")],
        &[Value::str(name), path.map_or(Value::None, Value::str)],
    );
    PyErr(Rc::new(e))
}
