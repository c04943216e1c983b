//! Exception classes that native modules define (`struct.error`,
//! `binascii.Error`): made once per thread as ordinary heap classes, as
//! `PyErr_NewException` does, and raised with one message argument.

use std::cell::RefCell;
use std::rc::Rc;

use crate::dict::Dict;
use crate::exc::{ExcObj, PyErr};
use crate::types::{exc_type, ExcKind, TypeObj};
use crate::value::Value;
use crate::vm::Vm;

thread_local! {
    static CLASSES: RefCell<Vec<(&'static str, Rc<TypeObj>)>> = const { RefCell::new(Vec::new()) };
}

/// The class `module.name` deriving from `base`, made on first use. `key`
/// is the dotted name, unique per class.
pub(crate) fn class(
    vm: &mut Vm,
    key: &'static str,
    module: &str,
    name: &str,
    base: ExcKind,
) -> Rc<TypeObj> {
    if let Some(t) = CLASSES.with(|c| {
        c.borrow()
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, t)| t.clone())
    }) {
        return t;
    }
    let mut ns = Dict::new();
    let _ = ns.insert(Value::str("__module__"), Value::str(module));
    let _ = ns.insert(Value::str("__qualname__"), Value::str(name));
    let base = exc_type(base);
    let t =
        crate::class::new_type(vm, None, name, vec![base.clone()], &ns, (&[], &[])).unwrap_or(base);
    CLASSES.with(|c| c.borrow_mut().push((key, t.clone())));
    t
}

/// An exception of class `t` with message `msg`.
pub(crate) fn raise(t: &Rc<TypeObj>, msg: impl Into<String>) -> PyErr {
    PyErr(Rc::new(ExcObj::new(
        t.clone(),
        vec![Value::string(msg.into())],
    )))
}
