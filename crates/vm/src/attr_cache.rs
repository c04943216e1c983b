//! Attribute caches for `LOAD_ATTR`, `STORE_ATTR` and `LOAD_METHOD` on
//! instances of Python classes: CPython 3.11's `LOAD_ATTR_INSTANCE_VALUE`,
//! `STORE_ATTR_INSTANCE_VALUE`, `LOAD_METHOD_WITH_VALUES` and (3.12)
//! `LOAD_ATTR_PROPERTY`.
//!
//! Each code object keeps one entry per name. An entry records what the class
//! lookup of that name on one class concluded: the position of the name among
//! the class's shared instance keys (`inst_dict.rs`), the plain function a
//! method call finds, or the getter of a property. It holds while the class is
//! the instance's class and no class namespace has been written since (the
//! global epoch of `class.rs`, CPython's type version tags in one counter), so
//! a hit costs a pointer compare, an epoch compare and a vector index. The
//! instance's own state (split or not, which names it holds) is checked on
//! every hit; anything unusual takes the general path, which stays the only
//! place with the rules (descriptors, `__getattr__`, errors and suggestions).
//!
//! Classes and functions are held weakly: their memory cannot be reused by
//! another object while an entry names them, and entries keep nothing alive
//! (a code object caching its own function would be a cycle the collector
//! cannot see).

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use crate::attr::plain_getter;
use crate::class::{epoch, lookup, special};
use crate::descr::Descr;
use crate::exc::PyResult;
use crate::func::{BuiltinDef, Function};
use crate::instance::Instance;
use crate::names::D;
use crate::types::TypeObj;
use crate::value::{StrObj, Value};
use crate::vm::Vm;

/// What the class lookup of one name concluded.
#[derive(Debug, Default)]
enum Kind {
    /// Nothing the fast paths can use (the general path runs each time).
    #[default]
    None,
    /// The name is at position `idx` of the class's shared keys; `load`: no
    /// class attribute competes with the instance's value; `store`: nothing
    /// on the class intercepts a store.
    Value { idx: usize, load: bool, store: bool },
    /// A plain function of the class, absent from the first `nkeys` shared keys.
    Method { nkeys: usize, func: Weak<Function> },
    /// A method written in Rust (of a class such as `deque`, or of the
    /// builtin type a class derives from), absent from the first `nkeys`
    /// shared keys: called with its receiver, as the general path binds it.
    BuiltinMethod {
        nkeys: usize,
        def: &'static BuiltinDef,
    },
    /// A property whose getter runs as a frame.
    Getter(Weak<Function>),
    /// A `__slots__` member: the value lives at `index` of the instance's
    /// slot values (CPython's `LOAD_ATTR_SLOT`/`STORE_ATTR_SLOT`); `load`
    /// and `store` as for `Value`.
    Slot {
        index: usize,
        load: bool,
        store: bool,
    },
}

/// One cache entry: the class it was made for, the epoch it holds at, and what it knows.
#[derive(Debug, Default)]
struct Entry {
    class: Weak<TypeObj>,
    epoch: u64,
    kind: Kind,
}

/// How many classes one name's cache remembers (a site that sees a base and
/// a subclass in turn, as `shape.area()` over mixed shapes, stays cached).
const WAYS: usize = 4;

/// The attribute cache of one name in one code object, most recent first.
#[derive(Debug, Default)]
pub(crate) struct AttrCache(RefCell<[Entry; WAYS]>);

/// Empty caches for a code object with `n` names.
pub(crate) fn caches(n: usize) -> Vec<AttrCache> {
    (0..n).map(|_| AttrCache::default()).collect()
}

/// What a probe of the cache found.
enum Probe<T> {
    /// The fast answer.
    Hit(T),
    /// The entry is current but has no fast answer for this instance.
    Known,
    /// The entry is for another class or an old epoch.
    Miss,
}

impl AttrCache {
    /// Runs `f` on the entry's kind when the entry is current for class `t`.
    #[inline]
    fn probe<T>(&self, t: &Rc<TypeObj>, f: impl FnOnce(&Kind) -> Option<T>) -> Probe<T> {
        let Ok(ways) = self.0.try_borrow() else {
            return Probe::Known;
        };
        let Some(e) = ways
            .iter()
            .find(|e| std::ptr::eq(e.class.as_ptr(), Rc::as_ptr(t)))
        else {
            return Probe::Miss;
        };
        if e.epoch != epoch() {
            return Probe::Miss;
        }
        match f(&e.kind) {
            Some(v) => Probe::Hit(v),
            None => Probe::Known,
        }
    }

    /// Records what the lookup of `name` on `t` concludes, if no class changed since `at`.
    fn fill(&self, t: &Rc<TypeObj>, name: &Rc<StrObj>, at: u64) {
        if epoch() != at {
            return;
        }
        let kind = classify(t, name);
        if let Ok(mut ways) = self.0.try_borrow_mut() {
            // This class's old entry, else the least recent, makes room at the front.
            let end = ways
                .iter()
                .position(|e| std::ptr::eq(e.class.as_ptr(), Rc::as_ptr(t)))
                .unwrap_or(WAYS - 1);
            if let Some(slice) = ways.get_mut(..=end) {
                slice.rotate_right(1);
            }
            ways[0] = Entry {
                class: Rc::downgrade(t),
                epoch: at,
                kind,
            };
        }
    }
}

/// The cacheable conclusion of looking `name` up on class `t` for its instances.
fn classify(t: &Rc<TypeObj>, name: &Rc<StrObj>) -> Kind {
    let Some(h) = &t.heap else {
        return Kind::None;
    };
    let getattribute = special(t, D::GetAttribute).is_some();
    let found = lookup(t, name);
    if let Some(index) = found
        .as_ref()
        .and_then(|v| crate::modules::builtins::member_slot_for(v, t))
    {
        return Kind::Slot {
            index,
            load: !getattribute,
            store: special(t, D::SetAttr).is_none(),
        };
    }
    let (pos, nkeys) = h.keys.find(name);
    if !getattribute {
        if let Some(f) = found.as_ref().and_then(plain_getter) {
            return Kind::Getter(Rc::downgrade(&f));
        }
        if let Some(Value::Function(f)) = &found {
            return match pos {
                None => Kind::Method {
                    nkeys,
                    func: Rc::downgrade(f),
                },
                Some(_) => Kind::None,
            };
        }
        if let (Some(Value::Builtin(def)), None) = (&found, pos) {
            // What `bind_attr` turns into a bound builtin; `__new__` and
            // class methods bind otherwise.
            if def.is_method && def.name != "__new__" && !crate::methods::is_classmethod(def) {
                return Kind::BuiltinMethod { nkeys, def };
            }
        }
    }
    let Some(idx) = pos else {
        return Kind::None;
    };
    let slot_ok = match &h.slots {
        Some(s) => s
            .iter()
            .any(|s| Rc::ptr_eq(s, name) || s.as_str() == name.as_str()),
        None => true,
    };
    let store = slot_ok
        && special(t, D::SetAttr).is_none()
        && name.as_str() != "__class__"
        && name.as_str() != "__dict__"
        && !matches!(found, Some(Value::Descr(_) | Value::Instance(_)));
    Kind::Value {
        idx,
        load: !getattribute && found.is_none(),
        store,
    }
}

impl Vm {
    /// `LOAD_ATTR` on an instance: the value, or the getter of a property for
    /// the eval loop to run as a frame (see `Vm::load_attr_instance`).
    #[inline]
    pub(crate) fn load_attr_cached(
        &mut self,
        cache: &AttrCache,
        obj: &Value,
        i: &Instance,
        name: &Rc<StrObj>,
    ) -> PyResult<Result<Value, Rc<Function>>> {
        let probe = {
            let t = i.class_ref();
            cache.probe(&t, |k| match k {
                Kind::Value {
                    idx, load: true, ..
                } => {
                    let h = t.heap.as_ref()?;
                    i.dict.split_get(&h.keys, *idx).map(Ok)
                }
                Kind::Getter(f) => f.upgrade().map(Err),
                Kind::Slot {
                    index, load: true, ..
                } => i.slot_value(*index).map(Ok),
                _ => None,
            })
        };
        match probe {
            Probe::Hit(r) => Ok(r),
            Probe::Known => self.load_attr_instance(obj, &i.class(), name),
            Probe::Miss => {
                let t = i.class();
                let at = epoch();
                let r = self.load_attr_instance(obj, &t, name);
                cache.fill(&t, name, at);
                r
            }
        }
    }

    /// `STORE_ATTR` for the eval loop.
    #[inline]
    pub(crate) fn store_attr_cached(
        &mut self,
        cache: &AttrCache,
        obj: &Value,
        name: &Rc<StrObj>,
        v: Value,
    ) -> PyResult<()> {
        let Value::Instance(i) = obj else {
            return self.store_attr(obj, name, v);
        };
        let (probe, v) = {
            let t = i.class_ref();
            let mut v = Some(v);
            let probe = cache.probe(&t, |k| match k {
                Kind::Value {
                    idx, store: true, ..
                } => {
                    let h = t.heap.as_ref()?;
                    match i.dict.split_store(&h.keys, *idx, v.take()?) {
                        Ok(old) => Some(old),
                        Err(back) => {
                            v = Some(back);
                            None
                        }
                    }
                }
                Kind::Slot {
                    index, store: true, ..
                } => match i.set_slot_value(*index, v.take()?) {
                    Ok(old) => Some(old),
                    Err(back) => {
                        v = Some(back);
                        None
                    }
                },
                _ => None,
            });
            (probe, v)
        };
        let v = match (probe, v) {
            (Probe::Hit(old), _) => {
                if let Some(old) = old {
                    old.release();
                }
                return Ok(());
            }
            (Probe::Known, Some(v)) => return self.store_attr(obj, name, v),
            (_, Some(v)) => v,
            // The value was stored (a hit): unreachable in practice.
            (_, None) => return Ok(()),
        };
        let t = i.class();
        let at = epoch();
        let r = self.store_attr(obj, name, v);
        cache.fill(&t, name, at);
        r
    }

    /// `LOAD_METHOD` for the eval loop (builtin receivers are handled there).
    #[inline]
    pub(crate) fn load_method_cached(
        &mut self,
        cache: &AttrCache,
        obj: Value,
        name: &Rc<StrObj>,
    ) -> PyResult<(Value, Value)> {
        let i = match &obj {
            Value::Instance(i) => i,
            Value::Descr(d) => return self.super_method_cached(d, obj.clone(), name),
            _ => return self.load_method(obj, name),
        };
        let probe = {
            let t = i.class_ref();
            cache.probe(&t, |k| match k {
                Kind::Method { nkeys, func } => {
                    let h = t.heap.as_ref()?;
                    if !i.dict.split_within(&h.keys, *nkeys) {
                        return None;
                    }
                    func.upgrade().map(Value::Function)
                }
                Kind::BuiltinMethod { nkeys, def } => {
                    let h = t.heap.as_ref()?;
                    if !i.dict.split_within(&h.keys, *nkeys) {
                        return None;
                    }
                    Some(Value::Builtin(def))
                }
                _ => None,
            })
        };
        match probe {
            Probe::Hit(Value::Builtin(def)) => {
                let receiver = crate::attr::receiver_for(&obj, def);
                Ok((Value::Builtin(def), receiver))
            }
            Probe::Hit(f) => Ok((f, obj)),
            Probe::Known => self.instance_load_method(obj, name),
            Probe::Miss => {
                let t = i.class();
                let at = epoch();
                let r = self.instance_load_method(obj, name);
                cache.fill(&t, name, at);
                r
            }
        }
    }

    /// `LOAD_METHOD` on a `super` object (or another descriptor object).
    fn super_method_cached(
        &mut self,
        d: &Descr,
        obj: Value,
        name: &Rc<StrObj>,
    ) -> PyResult<(Value, Value)> {
        let Descr::Super {
            typ,
            obj: inst @ Value::Instance(_),
            obj_type: Some(start),
        } = d
        else {
            return self.load_method(obj, name);
        };
        let slot = super_slot(start, typ, name);
        let hit = SUPER_CACHE.with(|c| {
            let c = c.try_borrow().ok()?;
            let e = c.get(slot)?.as_ref()?;
            (e.epoch == epoch()
                && std::ptr::eq(e.start.as_ptr(), Rc::as_ptr(start))
                && std::ptr::eq(e.typ.as_ptr(), Rc::as_ptr(typ))
                && Rc::ptr_eq(&e.name, name))
            .then(|| e.func.upgrade())?
        });
        if let Some(f) = hit.map(Value::Function) {
            return Ok((f, inst.clone()));
        }
        let at = epoch();
        let (typ, start) = (typ.clone(), start.clone());
        let r = self.load_method(obj, name)?;
        if let (Value::Function(f), _) = &r {
            if epoch() == at {
                let entry = SuperEntry {
                    start: Rc::downgrade(&start),
                    typ: Rc::downgrade(&typ),
                    name: name.clone(),
                    epoch: at,
                    func: Rc::downgrade(f),
                };
                let old = SUPER_CACHE.with(|c| {
                    let mut c = c.try_borrow_mut().ok()?;
                    if c.is_empty() {
                        c.resize_with(SUPER_CACHE_SIZE, || None);
                    }
                    c.get_mut(slot)?.replace(entry)
                });
                drop(old);
            }
        }
        Ok(r)
    }
}

/// A method found through `super()`: valid for this (class of the instance,
/// class of the method's `__class__` cell, name) while the epoch holds.
struct SuperEntry {
    start: Weak<TypeObj>,
    typ: Weak<TypeObj>,
    name: Rc<StrObj>,
    epoch: u64,
    func: Weak<Function>,
}

const SUPER_CACHE_SIZE: usize = 64;

thread_local! {
    /// `super().name` method lookups, direct-mapped (3.12's `LOAD_SUPER_ATTR`
    /// leans on the type cache the same way).
    static SUPER_CACHE: RefCell<Vec<Option<SuperEntry>>> = const { RefCell::new(Vec::new()) };
}

fn super_slot(start: &Rc<TypeObj>, typ: &Rc<TypeObj>, name: &Rc<StrObj>) -> usize {
    let h = (Rc::as_ptr(start) as usize >> 4)
        ^ (Rc::as_ptr(typ) as usize >> 3)
        ^ (Rc::as_ptr(name) as usize >> 5);
    h % SUPER_CACHE_SIZE
}
