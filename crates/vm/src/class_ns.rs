//! Class bodies whose namespace is the custom mapping a metaclass's
//! `__prepare__` returned (`enum`'s `_EnumDict`), and `exec`/`eval` given a
//! locals mapping that is not a dict.
//!
//! A frame's `names` is always a plain dict; code with a custom mapping
//! runs with an empty placeholder dict there, and this registry maps
//! the placeholder to the mapping, so `STORE_NAME`, `LOAD_NAME`,
//! `DELETE_NAME` and `LOAD_CLASSDEREF` go through the mapping's
//! `__setitem__`, `__getitem__` and `__delitem__` as in CPython. The
//! registry is empty almost always, so the check costs one thread-local read.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::dict::Dict;
use crate::exc::PyResult;
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::Vm;

thread_local! {
    static ACTIVE: Cell<usize> = const { Cell::new(0) };
    static MAPPINGS: RefCell<Vec<(usize, Value)>> = const { RefCell::new(Vec::new()) };
}

fn key(ns: &Rc<RefCell<Dict>>) -> usize {
    Rc::as_ptr(ns) as *const u8 as usize
}

/// The custom mapping standing behind the namespace `ns`, if any.
#[inline(always)]
pub(crate) fn custom(ns: &Rc<RefCell<Dict>>) -> Option<Value> {
    if ACTIVE.with(Cell::get) == 0 {
        return None;
    }
    registered(ns)
}

/// [`custom`] while some mapping is registered.
#[inline(never)]
fn registered(ns: &Rc<RefCell<Dict>>) -> Option<Value> {
    let k = key(ns);
    MAPPINGS.with(|m| {
        m.borrow()
            .iter()
            .rev()
            .find(|(p, _)| *p == k)
            .map(|(_, v)| v.clone())
    })
}

/// Keeps `mapping` registered behind a fresh placeholder namespace until dropped.
pub(crate) struct Registration {
    ns: Rc<RefCell<Dict>>,
}

impl Registration {
    /// Registers `mapping`; [`Registration::namespace`] is the dict to run the body with.
    pub(crate) fn new(mapping: Value) -> Registration {
        let ns = Rc::new(RefCell::new(Dict::new()));
        let k = key(&ns);
        MAPPINGS.with(|m| m.borrow_mut().push((k, mapping)));
        ACTIVE.with(|a| a.set(a.get() + 1));
        Registration { ns }
    }

    /// The placeholder namespace.
    pub(crate) fn namespace(&self) -> Rc<RefCell<Dict>> {
        self.ns.clone()
    }
}

impl Drop for Registration {
    fn drop(&mut self) {
        let k = key(&self.ns);
        let removed = MAPPINGS.with(|m| {
            let mut m = m.borrow_mut();
            m.iter().rposition(|(p, _)| *p == k).map(|i| m.remove(i))
        });
        if removed.is_some() {
            ACTIVE.with(|a| a.set(a.get().saturating_sub(1)));
        }
        // The mapping may hold anything; drop it outside the registry's borrow.
        drop(removed);
    }
}

impl Vm {
    /// `LOAD_NAME` (and `LOAD_CLASSDEREF`) on a custom mapping: its
    /// `__getitem__`, with a `KeyError` meaning "not here" (`Ok(None)`).
    pub(crate) fn load_custom_name(&mut self, m: &Value, name: Value) -> PyResult<Option<Value>> {
        match self.getitem(m, &name) {
            Ok(v) => Ok(Some(v)),
            Err(e) if e.is(ExcKind::KeyError) => Ok(None),
            Err(e) => Err(e),
        }
    }
}

/// Whether the class `t` is iterable through its metaclass's `__iter__`.
pub(crate) fn meta_has_iter(t: &Rc<crate::types::TypeObj>) -> bool {
    t.heap
        .as_ref()
        .and_then(|h| h.meta.clone())
        .is_some_and(|m| crate::class::special(&m, crate::names::D::Iter).is_some())
}

/// The most derived metaclass of `bases` when it is a strict subclass of
/// `meta` with a `__new__` written in Python (`type_new`'s hand-over).
pub(crate) fn derived_meta_new(
    meta: &Rc<crate::types::TypeObj>,
    bases: &[Rc<crate::types::TypeObj>],
) -> Option<Rc<crate::types::TypeObj>> {
    let mut winner = meta.clone();
    for b in bases {
        let m = crate::class::metatype(b);
        if m.is_subtype(&winner) {
            winner = m;
        }
    }
    if Rc::ptr_eq(&winner, meta) {
        return None;
    }
    let new = crate::names::D::New.name();
    matches!(
        crate::class::lookup(&winner, &new),
        Some(Value::Function(_) | Value::Descr(_))
    )
    .then_some(winner)
}

/// `_PyType_CalculateMetaclass`: the metaclass among `meta` and those of
/// `bases` that is a subclass of all the others, or the conflict error.
pub(crate) fn winner_meta(
    meta: &Rc<crate::types::TypeObj>,
    bases: &[Rc<crate::types::TypeObj>],
) -> crate::exc::PyResult<Rc<crate::types::TypeObj>> {
    let mut winner = meta.clone();
    for b in bases {
        let m = crate::class::metatype(b);
        if winner.is_subtype(&m) {
            continue;
        }
        if !m.is_subtype(&winner) {
            return Err(crate::exc::PyErr::type_error(
                crate::class::METACLASS_CONFLICT,
            ));
        }
        winner = m;
    }
    Ok(winner)
}

/// Whether the class `t` has a metaclass written in Python, whose special
/// methods (`__len__`, `__contains__`) apply to `t` itself.
pub(crate) fn has_heap_meta(t: &Rc<crate::types::TypeObj>) -> bool {
    t.heap.as_ref().is_some_and(|h| h.meta.is_some())
}

/// The special method `d` of `t`'s metaclass when Python code defines it
/// (`EnumType.__setattr__`, `__repr__`): builtin behaviour otherwise.
pub(crate) fn meta_hook(t: &Rc<crate::types::TypeObj>, d: crate::names::D) -> Option<Value> {
    let meta = t.heap.as_ref()?.meta.clone()?;
    match crate::class::special(&meta, d)? {
        f @ (Value::Function(_) | Value::Descr(_) | Value::Instance(_)) => Some(f),
        _ => None,
    }
}

fn type_receiver(
    a: &crate::func::Args<'_>,
    what: &str,
) -> PyResult<(Rc<crate::types::TypeObj>, Rc<crate::value::StrObj>)> {
    match (a.pos.first(), a.pos.get(1)) {
        (Some(Value::Type(t)), Some(Value::Str(n))) => Ok((t.clone(), n.clone())),
        (Some(Value::Type(_)), Some(other)) => Err(crate::exc::PyErr::type_error(format!(
            "attribute name must be string, not '{}'",
            crate::types::type_name(other)
        ))),
        _ => Err(crate::exc::PyErr::type_error(format!(
            "descriptor '{what}' requires a 'type' object"
        ))),
    }
}

/// `type.__setattr__(cls, name, value)` (a metaclass's `super().__setattr__`).
pub(crate) fn type_dunder_setattr(vm: &mut Vm, a: crate::func::Args<'_>) -> PyResult<Value> {
    let (t, name) = type_receiver(&a, "__setattr__")?;
    let v = a.pos.get(2).cloned().unwrap_or(Value::None);
    vm.type_setattr(&t, &name, Some(v))?;
    Ok(Value::None)
}

/// `type.__delattr__(cls, name)`.
pub(crate) fn type_dunder_delattr(vm: &mut Vm, a: crate::func::Args<'_>) -> PyResult<Value> {
    let (t, name) = type_receiver(&a, "__delattr__")?;
    vm.type_setattr(&t, &name, None)?;
    Ok(Value::None)
}

/// `__build_class__`'s check of what `__prepare__` returned (`PyMapping_Check`:
/// its class has `__getitem__`).
pub(crate) fn check_mapping(vm: &mut Vm, meta: &Value, ns: &Value) -> PyResult<()> {
    let t = crate::types::type_of(ns);
    let getitem = crate::names::D::GetItem.name();
    if vm.get_attr(&Value::Type(t), &getitem).is_ok() {
        return Ok(());
    }
    let meta_name = match meta {
        Value::Type(m) => m.name.to_string(),
        _ => "<metaclass>".to_string(),
    };
    Err(crate::exc::PyErr::type_error(format!(
        "{meta_name}.__prepare__() must return a mapping, not {}",
        crate::types::type_name(ns)
    )))
}
