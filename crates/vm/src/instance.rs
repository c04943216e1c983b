//! Instances of user-defined classes.
//!
//! An instance holds its class, its `__dict__` and, for subclasses of builtin
//! types (`class L(list)`), the builtin value it extends: every builtin
//! operation that the class does not override works on that payload, so an
//! instance of a `list` subclass behaves as a list.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::inst_dict::InstDict;
use crate::types::TypeObj;
use crate::value::Value;

/// An instance of a class created by a `class` statement or `type(name, bases, ns)`.
#[derive(Debug)]
pub struct Instance {
    /// `__class__` (assignable: [`Instance::class`], [`Instance::set_class`]).
    typ: RefCell<Rc<TypeObj>>,
    /// `__dict__` (also holds `__slots__` values; `vars()` is refused for those),
    /// kept as values against the class's shared names until needed as a dict.
    pub dict: InstDict,
    /// The builtin value a subclass of a builtin type extends, else `Null`.
    pub payload: Value,
    /// The values of the `__slots__` members of its class and bases, by
    /// member index (`Null` while unset; see `modules/builtins.rs`).
    pub slot_values: RefCell<Vec<Value>>,
    /// The Rust state of an object whose class is written in Rust
    /// (`collections.deque`, `itertools.count`, ...; see `crate::native`).
    pub native: Option<Rc<dyn std::any::Any>>,
    /// Whether `__del__` has run (or been queued): it runs once per object.
    pub finalized: Cell<bool>,
    /// Whether a weak reference with a callback was made to this object: its
    /// death then queues the callbacks (`crate::modules::weakref::died`).
    pub weak_callbacks: Cell<bool>,
    /// Declared last so it drops last: ends this object's share of the
    /// drop-depth count (see [`DropGuard`]).
    _guard: DropGuard,
}

impl Instance {
    /// A fresh instance with an empty dict.
    pub fn new(typ: Rc<TypeObj>, payload: Value) -> Instance {
        let keys = typ.heap.as_ref().map(|h| h.keys.clone());
        Instance {
            typ: RefCell::new(typ),
            dict: InstDict::new(keys),
            payload,
            slot_values: RefCell::new(Vec::new()),
            native: None,
            finalized: Cell::new(false),
            weak_callbacks: Cell::new(false),
            _guard: DropGuard,
        }
    }

    /// The value of `__slots__` member `index`, if set.
    #[inline]
    pub fn slot_value(&self, index: usize) -> Option<Value> {
        let slots = self.slot_values.try_borrow().ok()?;
        slots.get(index).filter(|v| !v.is_null()).cloned()
    }

    /// Stores `v` as `__slots__` member `index`, giving back the old value
    /// (if it was set) for the caller to drop after the store: its `__del__`
    /// may read the slots. `Err(v)` if the slot values are borrowed.
    #[inline]
    pub fn set_slot_value(&self, index: usize, v: Value) -> Result<Option<Value>, Value> {
        let Ok(mut slots) = self.slot_values.try_borrow_mut() else {
            return Err(v);
        };
        if slots.len() <= index {
            slots.resize(index + 1, Value::Null);
        }
        let old = std::mem::replace(&mut slots[index], v);
        Ok((!old.is_null()).then_some(old))
    }

    /// A fresh instance as a value, registered with the cycle collector.
    pub fn new_value(typ: Rc<TypeObj>, payload: Value) -> Value {
        let v = Value::Instance(Rc::new(Instance::new(typ, payload)));
        crate::gc::track(&v);
        v
    }

    /// `__class__`.
    pub fn class(&self) -> Rc<TypeObj> {
        self.typ.borrow().clone()
    }

    /// `__class__`, borrowed (no reference count change; see `attr_cache.rs`).
    pub fn class_ref(&self) -> std::cell::Ref<'_, Rc<TypeObj>> {
        self.typ.borrow()
    }

    /// `obj.__class__ = t` (the caller checks that the layouts agree).
    pub fn set_class(&self, t: Rc<TypeObj>) {
        *self.typ.borrow_mut() = t;
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

/// The result of an in-place operator applied to `receiver`'s builtin
/// value: when the operator mutated that value and gave it back, the result
/// is the receiver itself (a `list` subclass instance stays one after `+=`).
pub(crate) fn inplace_result(receiver: Value, result: Value) -> Value {
    if payload_of(&receiver).is_some_and(|p| p.is(&result)) {
        receiver
    } else {
        result
    }
}

/// How deep instance drops may nest before the rest is deferred.
const MAX_DROP_DEPTH: u32 = 1000;

thread_local! {
    /// Instance drops in progress on the Rust stack.
    static DROP_DEPTH: Cell<u32> = const { Cell::new(0) };
    /// Contents of instances whose drop was too deep, freed by the outermost drop.
    static DEFERRED: RefCell<Vec<(InstDict, Value)>> = const { RefCell::new(Vec::new()) };
}

/// CPython's "trashcan": freeing a long chain of objects (a linked list of a
/// million nodes) must not recurse a million times in Rust. `Instance::drop`
/// counts itself in; past [`MAX_DROP_DEPTH`] it moves its contents aside
/// instead, and when the count returns to zero (this guard, the last field,
/// is dropped after the others) the set-aside contents are freed one by one.
#[derive(Debug)]
struct DropGuard;

impl Drop for DropGuard {
    fn drop(&mut self) {
        let Ok(depth) = DROP_DEPTH.try_with(Cell::get) else {
            return;
        };
        let depth = depth.saturating_sub(1);
        DROP_DEPTH.with(|d| d.set(depth));
        if depth > 0 {
            return;
        }
        DROP_DEPTH.with(|d| d.set(1));
        while let Some(item) = DEFERRED
            .try_with(|q| q.try_borrow_mut().ok().and_then(|mut q| q.pop()))
            .ok()
            .flatten()
        {
            drop(item);
        }
        DROP_DEPTH.with(|d| d.set(0));
    }
}

impl Drop for Instance {
    fn drop(&mut self) {
        let Ok(depth) = DROP_DEPTH.try_with(Cell::get) else {
            return;
        };
        DROP_DEPTH.with(|d| d.set(depth + 1));
        let has_del = self
            .typ
            .try_borrow()
            .is_ok_and(|t| crate::finalize::has_finalizer(&t));
        if !self.finalized.get() && has_del {
            self.resurrect_for_finalizer();
            // CPython clears the weak references after `__del__`.
            if self.weak_callbacks.get() {
                crate::modules::weakref::died(self as *const Instance as usize);
            }
            return;
        }
        if self.weak_callbacks.get() {
            crate::modules::weakref::died(self as *const Instance as usize);
        }
        let sole_owner = self
            .dict
            .materialized()
            .map_or(true, |d| Rc::strong_count(&d) == 2);
        if depth >= MAX_DROP_DEPTH && sole_owner {
            let contents = (
                std::mem::take(&mut self.dict),
                std::mem::take(&mut self.payload),
            );
            let _ = DEFERRED.try_with(|q| {
                if let Ok(mut q) = q.try_borrow_mut() {
                    q.push(contents);
                }
            });
        }
    }
}

impl Instance {
    fn resurrect_for_finalizer(&mut self) {
        // Resurrect the contents into a new object for `__del__` to see.
        let obj = Instance {
            typ: RefCell::new(self.class()),
            dict: std::mem::take(&mut self.dict),
            payload: std::mem::take(&mut self.payload),
            slot_values: RefCell::new(std::mem::take(self.slot_values.get_mut())),
            native: self.native.take(),
            finalized: Cell::new(true),
            weak_callbacks: Cell::new(false),
            _guard: DropGuard,
        };
        let rc = Rc::new(obj);
        // State kept elsewhere by the object's address follows it.
        crate::modules::io::moved(self as *const Instance as usize, &rc);
        let v = Value::Instance(rc);
        crate::gc::track(&v);
        crate::finalize::defer(v);
    }
}
