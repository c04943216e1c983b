//! `mappingproxy`: the live, read-only view of a class namespace that
//! `C.__dict__` and `vars(C)` return. Writes must go through the class
//! (`setattr`), which keeps the special-method caches right; reads see the
//! namespace as it is now.

use std::cell::RefCell;
use std::rc::Rc;

use crate::descr::Descr;
use crate::dict::Dict;
use crate::exc::PyResult;
use crate::value::{StrObj, Value};
use crate::vm::Vm;

/// A proxy over `dict`.
pub fn new(dict: Rc<RefCell<Dict>>) -> Value {
    Value::Descr(Rc::new(Descr::MappingProxy(dict)))
}

/// The namespace behind `v` if it is a mappingproxy: read operations
/// (`[]`, `in`, `len`, iteration) run on it.
pub fn target(v: &Value) -> Option<Value> {
    match v {
        Value::Descr(d) => match &**d {
            Descr::MappingProxy(m) => Some(Value::Dict(m.clone())),
            _ => None,
        },
        _ => None,
    }
}

/// Attributes: the read-only methods of the dict, bound to the namespace.
pub fn getattr(
    vm: &mut Vm,
    v: &Value,
    dict: &Rc<RefCell<Dict>>,
    name: &Rc<StrObj>,
) -> PyResult<Value> {
    match name.as_str() {
        "keys" | "values" | "items" | "get" | "copy" | "__getitem__" | "__contains__"
        | "__len__" | "__iter__" => vm.get_attr(&Value::Dict(dict.clone()), name),
        n => Err(crate::protocol::attribute_error(v, n)),
    }
}

/// `types.MappingProxyType(mapping)`: a read-only view of a dict (or of the
/// dict inside a dict subclass instance).
pub(crate) fn construct(a: crate::func::Args<'_>) -> crate::exc::PyResult<Value> {
    a.no_kw("mappingproxy")?;
    let [m] = a.pos else {
        return Err(crate::exc::PyErr::type_error(format!(
            "mappingproxy() takes exactly 1 argument ({} given)",
            a.pos.len()
        )));
    };
    let d = match m {
        Value::Dict(d) => Some(d.clone()),
        Value::Instance(i) => match &i.payload {
            Value::Dict(d) => Some(d.clone()),
            _ => None,
        },
        Value::Descr(d) => match &**d {
            Descr::MappingProxy(d) => Some(d.clone()),
            _ => None,
        },
        _ => None,
    };
    d.map(new).ok_or_else(|| {
        crate::exc::PyErr::type_error(format!(
            "mappingproxy() argument must be a mapping, not {}",
            crate::types::type_name(m)
        ))
    })
}
