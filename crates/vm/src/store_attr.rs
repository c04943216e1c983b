//! `STORE_ATTR` on an instance of a Python class that customizes nothing
//! about the store (no `__setattr__`, a name that `__slots__` allows, no
//! class attribute that could be a descriptor): the value goes straight into the instance
//! dict, replacing an existing entry in place. Everything else takes the
//! general `Vm::set_attr`.

use std::rc::Rc;

use crate::class::{lookup, special};
use crate::exc::PyResult;
use crate::instance::Instance;
use crate::names::D;
use crate::value::{StrObj, Value};
use crate::vm::Vm;

/// Stores `v` as `i.name` when nothing on the class intercepts the store;
/// gives `v` back otherwise. `Ok(Some(old))` is the replaced value, which the
/// caller frees once the dict is no longer borrowed.
#[inline]
fn plain_store(i: &Instance, name: &Rc<StrObj>, v: Value) -> Result<Option<Value>, Value> {
    let t = i.class();
    let Some(h) = &t.heap else {
        return Err(v);
    };
    if let Some(slots) = &h.slots {
        // A declared slot is stored as any attribute; other names raise in `set_attr`.
        if !slots
            .iter()
            .any(|s| Rc::ptr_eq(s, name) || s.as_str() == name.as_str())
        {
            return Err(v);
        }
    }
    if special(&t, D::SetAttr).is_some()
        || name.as_str() == "__class__"
        || name.as_str() == "__dict__"
    {
        return Err(v);
    }
    match lookup(&t, name) {
        None => {}
        Some(Value::Descr(_) | Value::Instance(_)) => return Err(v),
        Some(_) => {}
    }
    i.dict.store(name, v)
}

impl Vm {
    /// `obj.name = v` for the eval loop.
    #[inline]
    pub(crate) fn store_attr(&mut self, obj: &Value, name: &Rc<StrObj>, v: Value) -> PyResult<()> {
        let v = match obj {
            Value::Instance(i) => match plain_store(i, name, v) {
                Ok(old) => {
                    if let Some(old) = old {
                        old.release();
                    }
                    return Ok(());
                }
                Err(v) => v,
            },
            _ => v,
        };
        self.set_attr(obj, name, v)
    }
}
