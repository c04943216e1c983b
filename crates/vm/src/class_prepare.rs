//! Class namespaces that `__prepare__` returns as a `dict` subclass (enum's
//! `_EnumDict`): the body runs in a plain dict, whose entries are then
//! stored into the mapping through its own `__setitem__`, in definition
//! order, before the metaclass is called with the mapping.
//!
//! The body writes directly only to a plain dict (the eval loop's name
//! stores are dict stores), so a key assigned twice reaches `__setitem__`
//! once, with its last value.

use std::cell::RefCell;
use std::rc::Rc;

use crate::dict::Dict;
use crate::exc::PyResult;
use crate::value::Value;
use crate::vm::Vm;

/// The dict behind a `dict` subclass instance.
pub fn dict_payload(v: &Value) -> Option<Rc<RefCell<Dict>>> {
    match v {
        Value::Instance(i) => match &i.payload {
            Value::Dict(d) => Some(d.clone()),
            _ => None,
        },
        _ => None,
    }
}

/// Stores each entry of the body's namespace into `mapping` through its
/// `__setitem__`.
pub fn replay(vm: &mut Vm, body_ns: &Rc<RefCell<Dict>>, mapping: &Value) -> PyResult<()> {
    let items: Vec<(Value, Value)> = body_ns
        .borrow()
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let name = vm.intern("__setitem__");
    let setitem = vm.get_attr(mapping, &name)?;
    for (k, v) in items {
        vm.call(&setitem, &[k, v])?;
    }
    Ok(())
}
