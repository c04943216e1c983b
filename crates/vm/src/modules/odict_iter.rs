//! `OrderedDict`'s iterator (`odict_iterator`) and views (`odict_keys`,
//! `odict_values`, `odict_items`), as `Objects/odictobject.c`.
//!
//! As CPython's, the iterator remembers the next *key* rather than a
//! position, finds it again on each step, and checks the OrderedDict's
//! `od_state` and size first, with CPython's two messages. The views are
//! dict views (the payload is the dict's view, so `len`, `in`, set
//! operations and `mapping` are the dict's) whose iteration and
//! `__reversed__` are the OrderedDict's.

use std::cell::RefCell;
use std::rc::Rc;

use crate::dict::Dict;
use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::instance::Instance;
use crate::iter::DictPart;
use crate::native::{
    borrow, class_of, iter_self, native_methods, new_object, receiver, repr_guard, short_name,
    state_of, stop, ClassSpec, SpecFlags,
};
use crate::types::{type_of, ExcKind, TypeKind};
use crate::value::Value;
use crate::vm::Vm;

use super::odict::{dict_of, OdState};

/// What an iterator or view gives for each entry.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Keys,
    Values,
    Items,
}

native_methods!(ODICT_ITER_M, "builtins.odict_iterator", [
    "__iter__" => iter_self, "__next__" => iter_next, "__reduce__" => iter_reduce,
]);
static ODICT_ITER: ClassSpec = ClassSpec {
    name: "odict_iterator",
    module: "builtins",
    base: TypeKind::Object,
    methods: ODICT_ITER_M,
    classmethods: &[],
    props: &[],
    unhashable: false,
    flags: SpecFlags::NONE,
};

native_methods!(KEYS_M, "builtins.odict_keys", [
    "__iter__" => view_iter, "__reversed__" => view_reversed, "__repr__" => view_repr,
]);
native_methods!(VALUES_M, "builtins.odict_values", [
    "__iter__" => view_iter, "__reversed__" => view_reversed, "__repr__" => view_repr,
]);
native_methods!(ITEMS_M, "builtins.odict_items", [
    "__iter__" => view_iter, "__reversed__" => view_reversed, "__repr__" => view_repr,
]);

/// One view class per kind; `base` is the dict view it derives from.
const fn view_spec(
    name: &'static str,
    base: TypeKind,
    methods: &'static [crate::func::BuiltinDef],
) -> ClassSpec {
    ClassSpec {
        name,
        module: "builtins",
        base,
        methods,
        classmethods: &[],
        props: &[],
        unhashable: false,
        flags: SpecFlags::NONE,
    }
}
static KEYS: ClassSpec = view_spec("odict_keys", TypeKind::DictKeys, KEYS_M);
static VALUES: ClassSpec = view_spec("odict_values", TypeKind::DictValues, VALUES_M);
static ITEMS: ClassSpec = view_spec("odict_items", TypeKind::DictItems, ITEMS_M);

/// `odictiterobject`.
#[derive(Clone)]
struct OdIter {
    /// The OrderedDict; `None` once the iterator is finished.
    od: Option<Value>,
    dict: Rc<RefCell<Dict>>,
    kind: Kind,
    reversed: bool,
    /// The size at creation (`di_size`); `None` after a size change was
    /// reported, which keeps being reported.
    size: Option<usize>,
    /// `od_state` at creation (`di_state`).
    state: u64,
    /// The next key and its hash (`di_current`).
    current: Option<(Value, i64)>,
}

fn od_state(od: &Value) -> u64 {
    state_of::<OdState>(od).map_or(0, |s| s.borrow().state)
}

/// A new iterator over `od` (an OrderedDict instance).
pub(crate) fn new_iter(vm: &mut Vm, od: &Value, kind: Kind, reversed: bool) -> PyResult<Value> {
    let dict = dict_of(od).ok_or_else(|| PyErr::type_error("OrderedDict without a dict"))?;
    let (current, size) = {
        let d = dict.borrow();
        let pos = if reversed {
            d.last_position()
        } else {
            d.live_from(0)
        };
        let current = pos
            .and_then(|p| d.entry_parts(p))
            .map(|(h, k, _)| (k.clone(), h));
        (current, d.len())
    };
    let st = OdIter {
        od: Some(od.clone()),
        dict,
        kind,
        reversed,
        size: Some(size),
        state: od_state(od),
        current,
    };
    let cls = class_of(vm, &ODICT_ITER);
    Ok(new_object(&cls, st))
}

/// One step of `odictiter_iternext`: `Ok(None)` at the end.
fn step(it: &mut OdIter) -> PyResult<Option<Value>> {
    let Some(od) = it.od.clone() else {
        return Ok(None);
    };
    let Some((key, hash)) = it.current.clone() else {
        it.od = None;
        return Ok(None);
    };
    if od_state(&od) != it.state {
        it.od = None;
        return Err(PyErr::new(
            ExcKind::RuntimeError,
            "OrderedDict mutated during iteration",
        ));
    }
    let d = it.dict.borrow();
    if it.size != Some(d.len()) {
        it.size = None;
        return Err(PyErr::new(
            ExcKind::RuntimeError,
            "OrderedDict changed size during iteration",
        ));
    }
    let Some(pos) = d.position_of(&key, hash) else {
        // Deleted behind the OrderedDict's back (`dict.__delitem__`).
        drop(d);
        it.current = None;
        return Err(PyErr::key_error(key));
    };
    let next = if it.reversed {
        d.live_before(pos)
    } else {
        d.live_from(pos + 1)
    };
    let value = d.entry_parts(pos).map(|(_, _, v)| v.clone());
    it.current = next
        .and_then(|p| d.entry_parts(p))
        .map(|(h, k, _)| (k.clone(), h));
    drop(d);
    let value = value.unwrap_or(Value::None);
    Ok(Some(match it.kind {
        Kind::Keys => key,
        Kind::Values => value,
        Kind::Items => Value::tuple(vec![key, value]),
    }))
}

fn iter_state(a: &Args<'_>, name: &str) -> PyResult<Rc<RefCell<OdIter>>> {
    receiver::<OdIter>(a, "odict_iterator", name)
}

fn iter_next(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = iter_state(&a, "__next__")?;
    let r = step(&mut *borrow(&st)?)?;
    r.ok_or_else(stop)
}

/// `(iter, (remaining items,))`: a copy of the iterator is run to the
/// end, so this one is not advanced.
fn iter_reduce(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = iter_state(&a, "__reduce__")?;
    let iter_f = crate::import::builtin_looked_up(vm, "iter")?;
    let mut copy = borrow(&st)?.clone();
    let mut items = Vec::new();
    while let Some(v) = step(&mut copy)? {
        items.push(v);
    }
    Ok(Value::tuple(vec![
        iter_f,
        Value::tuple(vec![Value::list(items)]),
    ]))
}

/// A view's OrderedDict.
struct ViewState {
    od: Value,
    kind: Kind,
}

/// `od.keys()`, `od.values()` or `od.items()`.
pub(crate) fn new_view(vm: &mut Vm, od: &Value, kind: Kind) -> PyResult<Value> {
    let dict = dict_of(od).ok_or_else(|| PyErr::type_error("OrderedDict without a dict"))?;
    let (spec, part) = match kind {
        Kind::Keys => (&KEYS, DictPart::Keys),
        Kind::Values => (&VALUES, DictPart::Values),
        Kind::Items => (&ITEMS, DictPart::Items),
    };
    let cls = class_of(vm, spec);
    let mut inst = Instance::new(cls, Value::DictView(Rc::new((dict, part))));
    inst.native = Some(Rc::new(RefCell::new(ViewState {
        od: od.clone(),
        kind,
    })));
    Ok(Value::Instance(Rc::new(inst)))
}

fn view_state(a: &Args<'_>, name: &str) -> PyResult<(Value, Kind)> {
    let st = receiver::<ViewState>(a, "odict_keys", name)?;
    let s = borrow(&st)?;
    Ok((s.od.clone(), s.kind))
}

fn view_iter(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (od, kind) = view_state(&a, "__iter__")?;
    new_iter(vm, &od, kind, false)
}

fn view_reversed(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (od, kind) = view_state(&a, "__reversed__")?;
    new_iter(vm, &od, kind, true)
}

/// `odict_keys(['a', 'b'])`: the view's own iteration, in order.
fn view_repr(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (od, kind) = view_state(&a, "__repr__")?;
    let obj = a.pos[0].clone();
    let name = short_name(&type_of(&obj)).to_string();
    let body = repr_guard(&obj, || {
        let it = new_iter(vm, &od, kind, false)?;
        let items = vm.collect(&it)?;
        Ok(format!("{name}({})", vm.repr_of(&Value::list(items))?))
    })?;
    Ok(Value::string(body.unwrap_or_else(|| "...".to_string())))
}
