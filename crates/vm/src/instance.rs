//! Instances of user-defined classes.
//!
//! An instance holds its class, its `__dict__` and, for subclasses of builtin
//! types (`class L(list)`), the builtin value it extends: every builtin
//! operation that the class does not override works on that payload, so an
//! instance of a `list` subclass behaves as a list.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::dict::Dict;
use crate::types::TypeObj;
use crate::value::Value;

/// An instance of a class created by a `class` statement or `type(name, bases, ns)`.
#[derive(Debug)]
pub struct Instance {
    /// `__class__`.
    pub typ: Rc<TypeObj>,
    /// `__dict__` (also holds `__slots__` values; `vars()` is refused for those).
    pub dict: Rc<RefCell<Dict>>,
    /// The builtin value a subclass of a builtin type extends, else `Null`.
    pub payload: Value,
    /// Whether `__del__` has run (or been queued): it runs once per object.
    pub finalized: Cell<bool>,
}

impl Instance {
    /// A fresh instance with an empty dict.
    pub fn new(typ: Rc<TypeObj>, payload: Value) -> Instance {
        Instance {
            typ,
            dict: Rc::new(RefCell::new(Dict::new())),
            payload,
            finalized: Cell::new(false),
        }
    }

    /// A fresh instance as a value, registered with the cycle collector.
    pub fn new_value(typ: Rc<TypeObj>, payload: Value) -> Value {
        let v = Value::Instance(Rc::new(Instance::new(typ, payload)));
        crate::gc::track(&v);
        v
    }

    /// The builtin value this instance extends, if its class derives from one.
    pub fn payload(&self) -> Option<&Value> {
        (!self.payload.is_null()).then_some(&self.payload)
    }
}

/// The builtin payload of `v` if it is an instance of a subclass of a builtin type.
pub fn payload_of(v: &Value) -> Option<&Value> {
    match v {
        Value::Instance(i) => i.payload(),
        _ => None,
    }
}

impl Drop for Instance {
    fn drop(&mut self) {
        if self.finalized.get() || !crate::finalize::has_finalizer(&self.typ) {
            return;
        }
        // Resurrect the contents into a new object for `__del__` to see.
        let obj = Instance {
            typ: self.typ.clone(),
            dict: std::mem::take(&mut self.dict),
            payload: std::mem::take(&mut self.payload),
            finalized: Cell::new(true),
        };
        let v = Value::Instance(Rc::new(obj));
        crate::gc::track(&v);
        crate::finalize::defer(v);
    }
}
