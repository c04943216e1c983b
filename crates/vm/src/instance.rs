//! Instances of user-defined classes.
//!
//! An instance holds its class, its `__dict__` and, for subclasses of builtin
//! types (`class L(list)`), the builtin value it extends: every builtin
//! operation that the class does not override works on that payload, so an
//! instance of a `list` subclass behaves as a list.

use std::cell::RefCell;
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
    /// The Rust state of an object whose class is written in Rust
    /// (`collections.deque`, `itertools.count`, ...; see `crate::native`).
    pub native: Option<Rc<dyn std::any::Any>>,
}

impl Instance {
    /// A fresh instance with an empty dict.
    pub fn new(typ: Rc<TypeObj>, payload: Value) -> Instance {
        Instance {
            typ,
            dict: Rc::new(RefCell::new(Dict::new())),
            payload,
            native: None,
        }
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
