//! The attribute store of an instance: CPython 3.11's "split keys" idea.
//!
//! Most instances of a class set the same attributes in the same order (in
//! `__init__`). The class keeps that order once, as [`SharedKeys`]; an
//! instance keeps only a vector of values, the `i`-th for the `i`-th shared
//! name. A million `P(x, y)` then cost two values each instead of a hash
//! table each.
//!
//! The real dict is made from the values the first time something needs it
//! (`__dict__`, `vars()`, a deletion, an attribute set out of the shared
//! order, code that reads the dict directly) and from then on the instance
//! uses that dict alone, so every dict semantics (identity, order, views,
//! mutation through `__dict__`) is the dict's own.
//!
//! An instance stays split only while its values are exactly the first
//! `values.len()` shared names, in that order: storing a name already there
//! replaces in place; storing the next shared name (or a new name when the
//! instance holds all of them) appends. Anything else materializes.

use std::cell::RefCell;
use std::rc::Rc;

use crate::dict::Dict;
use crate::value::{StrObj, Value};

/// How many names a class shares before new names make instances use a dict.
const MAX_SHARED: usize = 30;

/// The attribute names the instances of one class set, in first-set order.
#[derive(Debug, Default)]
pub struct SharedKeys {
    names: RefCell<Vec<Rc<StrObj>>>,
}

impl SharedKeys {
    /// An empty table, for a new class.
    pub fn new() -> Rc<SharedKeys> {
        Rc::new(SharedKeys::default())
    }

    /// Where `name` sits among the shared names, and how many there are.
    pub fn find(&self, name: &Rc<StrObj>) -> (Option<usize>, usize) {
        match self.names.try_borrow() {
            Ok(names) => (position(&names, name), names.len()),
            Err(_) => (None, usize::MAX),
        }
    }
}

/// Values stored against a class's shared names.
///
/// Once `obj.__dict__` was set to an instance of a `dict` subclass, `keys` is
/// `None` and `values` holds just that object (the dict is its payload), so
/// `obj.__dict__` gives it back without a field every instance would pay for.
#[derive(Debug, Default)]
struct Split {
    keys: Option<Rc<SharedKeys>>,
    values: Vec<Value>,
}

/// An instance's `__dict__`: split values until a real dict is needed.
///
/// [`InstDict::clone`] hands out the dict (making it); the hot paths use
/// [`InstDict::get`], [`InstDict::contains`] and [`InstDict::store`]. The
/// dict can be replaced (`obj.__dict__ = d`, [`InstDict::replace`]), which is
/// why it sits in a `RefCell` and is handed out as an `Rc`, never borrowed.
#[derive(Debug, Default)]
pub struct InstDict {
    dict: RefCell<Option<Rc<RefCell<Dict>>>>,
    split: RefCell<Split>,
}

/// Appends a value for the next shared name.
#[inline]
fn push_value(values: &mut Vec<Value>, shared: usize, v: Value) {
    if values.capacity() == 0 {
        // Instances usually get every shared name: room for all at once.
        values.reserve_exact(shared);
    }
    values.push(v);
}

/// Where `name` sits among the first `n` shared names.
#[inline]
fn position(names: &[Rc<StrObj>], name: &Rc<StrObj>) -> Option<usize> {
    // Names in code objects are usually the same objects: compare pointers first.
    if let Some(j) = names.iter().position(|k| Rc::ptr_eq(k, name)) {
        return Some(j);
    }
    let h = name.hash();
    names
        .iter()
        .position(|k| k.hash() == h && k.as_str() == name.as_str())
}

impl InstDict {
    /// An empty store whose names are shared through `keys` (`None`: a plain dict).
    pub fn new(keys: Option<Rc<SharedKeys>>) -> InstDict {
        InstDict {
            dict: RefCell::new(None),
            split: RefCell::new(Split {
                keys,
                values: Vec::new(),
            }),
        }
    }

    /// The real dict, made from the split values on first use.
    pub fn materialize(&self) -> Rc<RefCell<Dict>> {
        if let Some(d) = self.materialized() {
            return d;
        }
        let mut d = Dict::new();
        if let Ok(mut s) = self.split.try_borrow_mut() {
            let values = std::mem::take(&mut s.values);
            if let Some(keys) = s.keys.take() {
                let names = keys.names.borrow();
                for (k, v) in names.iter().zip(values) {
                    d.insert_hashed(Value::Str(k.clone()), k.hash(), v);
                }
            }
        }
        let d = Rc::new(RefCell::new(d));
        *self.dict.borrow_mut() = Some(d.clone());
        d
    }

    /// `obj.__dict__ = d`: the instance uses `d` from now on. Gives back what
    /// it held (split values, the old dict) for the caller to free once
    /// nothing is borrowed.
    pub fn replace(&self, d: Rc<RefCell<Dict>>) -> Vec<Value> {
        let mut old = Vec::new();
        if let Ok(mut s) = self.split.try_borrow_mut() {
            old.append(&mut s.values);
            s.keys = None;
        }
        if let Some(prev) = self.dict.borrow_mut().replace(d) {
            old.push(Value::Dict(prev));
        }
        old
    }

    /// `obj.__dict__ = d` for `d` an instance of a `dict` subclass whose
    /// payload is `dict`: as [`InstDict::replace`], remembering `d` for
    /// [`InstDict::object`].
    pub fn replace_owned(&self, dict: Rc<RefCell<Dict>>, owner: Value) -> Vec<Value> {
        let old = self.replace(dict);
        if let Ok(mut s) = self.split.try_borrow_mut() {
            s.values.push(owner);
        }
        old
    }

    /// What `obj.__dict__` gives: the `dict` subclass instance it was set
    /// to, else the dict (made now if need be).
    pub fn object(&self) -> Value {
        if let (Some(d), Ok(s)) = (self.materialized(), self.split.try_borrow()) {
            if let (None, [owner]) = (&s.keys, s.values.as_slice()) {
                if matches!(crate::instance::payload_of(owner), Some(Value::Dict(p)) if Rc::ptr_eq(p, &d))
                {
                    return owner.clone();
                }
            }
        }
        Value::Dict(self.materialize())
    }

    /// Whether the dict has been made (the split store is no longer used).
    #[inline]
    fn has_dict(&self) -> bool {
        self.dict.borrow().is_some()
    }

    /// A copy of the attributes as a dict, leaving this store as it is.
    pub fn snapshot(&self) -> Dict {
        if let Some(d) = &*self.dict.borrow() {
            return d.borrow().clone();
        }
        let mut d = Dict::new();
        if let Ok(s) = self.split.try_borrow() {
            if let Some(keys) = &s.keys {
                let names = keys.names.borrow();
                for (k, v) in names.iter().zip(&s.values) {
                    d.insert_hashed(Value::Str(k.clone()), k.hash(), v.clone());
                }
            }
        }
        d
    }

    /// The dict if it has been made.
    pub fn materialized(&self) -> Option<Rc<RefCell<Dict>>> {
        self.dict.borrow().clone()
    }

    /// `Rc` handle on the dict (making it): what `__dict__` returns.
    // Named as `Rc::clone` was on the field this replaces, so code written
    // against it reads the same.
    #[allow(clippy::should_implement_trait)]
    pub fn clone(&self) -> Rc<RefCell<Dict>> {
        self.materialize()
    }

    /// The value of attribute `name`, if set.
    #[inline]
    pub fn get(&self, name: &Rc<StrObj>) -> Option<Value> {
        if let Some(d) = &*self.dict.borrow() {
            return d.borrow().get_str(name).cloned();
        }
        let s = self.split.try_borrow().ok()?;
        let keys = s.keys.as_ref()?;
        let names = keys.names.borrow();
        let n = s.values.len().min(names.len());
        let j = position(&names[..n], name)?;
        s.values.get(j).cloned()
    }

    /// Whether attribute `name` is set.
    pub fn contains(&self, name: &Rc<StrObj>) -> bool {
        if let Some(d) = &*self.dict.borrow() {
            return d.borrow().get_str(name).is_some();
        }
        let Ok(s) = self.split.try_borrow() else {
            return false;
        };
        let Some(keys) = &s.keys else {
            return false;
        };
        let names = keys.names.borrow();
        let n = s.values.len().min(names.len());
        position(&names[..n], name).is_some()
    }

    /// Sets attribute `name`, returning the value it replaces (for the caller
    /// to free once nothing is borrowed). `Err(v)`: the dict is borrowed.
    pub fn store(&self, name: &Rc<StrObj>, v: Value) -> Result<Option<Value>, Value> {
        if !self.has_dict() {
            match self.store_split(name, v) {
                Ok(old) => return Ok(old),
                Err(back) => {
                    return self.store_dict(name, back);
                }
            }
        }
        self.store_dict(name, v)
    }

    fn store_dict(&self, name: &Rc<StrObj>, v: Value) -> Result<Option<Value>, Value> {
        let dict = self.materialize();
        let Ok(mut d) = dict.try_borrow_mut() else {
            return Err(v);
        };
        if let Some(slot) = d.get_str_mut(name) {
            return Ok(Some(std::mem::replace(slot, v)));
        }
        d.insert_hashed(Value::Str(name.clone()), name.hash(), v);
        Ok(None)
    }

    /// The split store, when the name fits the shared order; `Err(v)` otherwise.
    fn store_split(&self, name: &Rc<StrObj>, v: Value) -> Result<Option<Value>, Value> {
        let Ok(mut s) = self.split.try_borrow_mut() else {
            return Err(v);
        };
        let s = &mut *s;
        let Some(keys) = &s.keys else {
            return Err(v);
        };
        let Ok(mut names) = keys.names.try_borrow_mut() else {
            return Err(v);
        };
        let n = s.values.len();
        if n > names.len() {
            return Err(v);
        }
        // `__init__` setting the next shared name is the common case: test it first.
        let is_next = |k: &Rc<StrObj>| Rc::ptr_eq(k, name) || k.as_str() == name.as_str();
        if names.get(n).is_some_and(|k| Rc::ptr_eq(k, name)) {
            push_value(&mut s.values, names.len(), v);
            return Ok(None);
        }
        if let Some(j) = position(&names[..n], name) {
            return Ok(Some(std::mem::replace(&mut s.values[j], v)));
        }
        if n < names.len() {
            if is_next(&names[n]) {
                push_value(&mut s.values, names.len(), v);
                return Ok(None);
            }
            return Err(v);
        }
        if n >= MAX_SHARED {
            return Err(v);
        }
        names.push(name.clone());
        s.values.push(v);
        Ok(None)
    }

    /// The value at position `idx` of the shared names `keys`, while the
    /// instance is split over exactly those keys (`attr_cache.rs`).
    #[inline]
    pub fn split_get(&self, keys: &Rc<SharedKeys>, idx: usize) -> Option<Value> {
        if self.has_dict() {
            return None;
        }
        let s = self.split.try_borrow().ok()?;
        if !s.keys.as_ref().is_some_and(|k| Rc::ptr_eq(k, keys)) {
            return None;
        }
        s.values.get(idx).map(Value::fast_clone)
    }

    /// Whether the instance is split over `keys` and holds none of the names
    /// past the first `n` (so none that was absent from them).
    #[inline]
    pub fn split_within(&self, keys: &Rc<SharedKeys>, n: usize) -> bool {
        if self.has_dict() {
            return false;
        }
        let Ok(s) = self.split.try_borrow() else {
            return false;
        };
        s.keys.as_ref().is_some_and(|k| Rc::ptr_eq(k, keys)) && s.values.len() <= n
    }

    /// Stores the value of the name at position `idx` of `keys`: in place, or
    /// appended when it is the next name; `Err(v)` when the store needs the
    /// general path. `Ok(Some(old))` is the replaced value for the caller to free.
    #[inline]
    pub fn split_store(
        &self,
        keys: &Rc<SharedKeys>,
        idx: usize,
        v: Value,
    ) -> Result<Option<Value>, Value> {
        if self.has_dict() {
            return Err(v);
        }
        let Ok(mut s) = self.split.try_borrow_mut() else {
            return Err(v);
        };
        if !s.keys.as_ref().is_some_and(|k| Rc::ptr_eq(k, keys)) {
            return Err(v);
        }
        if let Some(slot) = s.values.get_mut(idx) {
            return Ok(Some(std::mem::replace(slot, v)));
        }
        if idx != s.values.len() {
            return Err(v);
        }
        let Ok(names) = keys.names.try_borrow() else {
            return Err(v);
        };
        if idx >= names.len() {
            return Err(v);
        }
        push_value(&mut s.values, names.len(), v);
        Ok(None)
    }

    /// Number of attributes.
    pub fn len(&self) -> usize {
        match &*self.dict.borrow() {
            Some(d) => d.borrow().len(),
            None => self.split.try_borrow().map_or(0, |s| s.values.len()),
        }
    }

    /// Whether no attribute is set.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// What the cycle collector follows: the dict once made, else the values
    /// that `keep` selects.
    pub fn referents(&self, keep: impl Fn(&Value) -> bool, out: &mut Vec<Value>) {
        if let Some(d) = &*self.dict.borrow() {
            out.push(Value::Dict(d.clone()));
            // The `dict` subclass instance `__dict__` was set to, if any.
            if let Ok(s) = self.split.try_borrow() {
                out.extend(s.values.iter().filter(|v| keep(v)).cloned());
            }
            return;
        }
        if let Ok(s) = self.split.try_borrow() {
            out.extend(s.values.iter().filter(|v| keep(v)).cloned());
        }
    }

    /// Moves the split values out (the collector clearing garbage); a made
    /// dict is cleared as an object of its own.
    pub fn clear_split(&self, out: &mut Vec<Value>) {
        if let Ok(mut s) = self.split.try_borrow_mut() {
            out.append(&mut s.values);
        }
    }
}

/// Whether instances of `t` have a `__dict__` (no `__slots__` without it).
pub fn has_dict_slot(t: &Rc<crate::types::TypeObj>) -> bool {
    crate::class::mro_of(t).iter().all(|c| match &c.heap {
        Some(h) => h
            .slots
            .as_ref()
            .map_or(true, |s| s.iter().any(|n| n.as_str() == "__dict__")),
        None => true,
    })
}

/// `obj.__dict__ = value` (`del obj.__dict__` when `value` is `None`): the
/// instance uses the given dict itself from now on (a `dict` subclass too),
/// as CPython's `PyObject_GenericSetDict`.
pub fn set_dict(i: &crate::instance::Instance, value: Option<Value>) -> crate::exc::PyResult<()> {
    let d = match value {
        None => Rc::new(RefCell::new(Dict::new())),
        Some(Value::Dict(d)) => d,
        Some(v) => match crate::instance::payload_of(&v) {
            Some(Value::Dict(d)) => {
                let old = i.dict.replace_owned(d.clone(), v);
                drop(old);
                return Ok(());
            }
            _ => {
                return Err(crate::exc::PyErr::type_error(format!(
                    "__dict__ must be set to a dictionary, not a '{}'",
                    crate::types::type_name(&v)
                )))
            }
        },
    };
    let old = i.dict.replace(d);
    drop(old);
    Ok(())
}
