//! Methods of `set` and `frozenset`, set algebra and iteration order.

use std::cell::RefCell;
use std::rc::Rc;

use crate::dict::Dict;
use crate::exc::{PyErr, PyResult};
use crate::func::{Args, BuiltinDef};
use crate::ops::{self, CmpOp};
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::Vm;

use super::*;

method_table!(pub(super) SET_METHODS, "set", [
    "add" => set_add, "remove" => set_remove, "discard" => set_discard, "pop" => set_pop,
    "union" => set_union, "intersection" => set_intersection, "difference" => set_difference,
    "symmetric_difference" => set_symdiff, "update" => set_update, "copy" => set_copy,
    "clear" => set_clear, "issubset" => set_issubset, "issuperset" => set_issuperset,
    "isdisjoint" => set_isdisjoint, "intersection_update" => set_intersection_update,
    "difference_update" => set_difference_update,
    "symmetric_difference_update" => set_symdiff_update,
    "__reduce__" => crate::reduce::builtin_reduce,
]);

method_table!(pub(super) FROZENSET_METHODS, "frozenset", [
    "copy" => set_copy, "difference" => set_difference, "intersection" => set_intersection,
    "isdisjoint" => set_isdisjoint, "issubset" => set_issubset, "issuperset" => set_issuperset,
    "symmetric_difference" => set_symdiff, "union" => set_union,
    "__reduce__" => crate::reduce::builtin_reduce,
]);

// ---- set ----

/// The table of a set or frozenset in set layout, read where it lies; a
/// copy only if it is in dict layout. A set being mutated, whose table
/// cannot be read, reads as empty.
pub(crate) enum SetTable<'a> {
    /// A set's table, borrowed.
    Set(std::cell::Ref<'a, Dict>),
    /// A frozenset's table.
    Frozen(&'a Dict),
    /// A copy in set layout, or an empty table.
    Copy(Dict),
}

impl std::ops::Deref for SetTable<'_> {
    type Target = Dict;

    fn deref(&self) -> &Dict {
        match self {
            SetTable::Set(d) => d,
            SetTable::Frozen(d) => d,
            SetTable::Copy(d) => d,
        }
    }
}

/// The [`SetTable`] of `v` if it is a set or frozenset.
pub(crate) fn set_table(v: &Value) -> Option<SetTable<'_>> {
    let table = match v {
        Value::Set(d) => match d.try_borrow() {
            Ok(t) if t.is_set_table() => SetTable::Set(t),
            Ok(t) => SetTable::Copy(t.clone().into_set_table()),
            Err(_) => SetTable::Copy(Dict::new_set()),
        },
        Value::FrozenSet(d) if d.is_set_table() => SetTable::Frozen(d),
        Value::FrozenSet(d) => SetTable::Copy((**d).clone().into_set_table()),
        _ => return None,
    };
    Some(table)
}

/// A copy of the table of a set or frozenset (in set layout).
fn set_items(v: &Value) -> Option<Dict> {
    match v {
        Value::Set(d) => Some(d.borrow().clone().into_set_table()),
        Value::FrozenSet(d) => Some((**d).clone().into_set_table()),
        _ => None,
    }
}

fn make_like(like: &Value, d: Dict) -> Value {
    match like {
        Value::FrozenSet(_) => Value::frozenset(d),
        _ => Value::set(d),
    }
}

/// A new set table filled from any iterable as `set(iterable)` fills it.
fn new_set_from(vm: &mut Vm, v: &Value) -> PyResult<Dict> {
    let target = Rc::new(RefCell::new(Dict::new_set()));
    update_internal(vm, &target, v)?;
    let out = target.borrow().clone();
    Ok(out)
}

fn other_set(vm: &mut Vm, v: &Value) -> PyResult<Dict> {
    match set_items(v) {
        Some(d) => Ok(d),
        None => new_set_from(vm, v),
    }
}

/// Whether `v` is the set held in `target`.
fn is_same(target: &Rc<RefCell<Dict>>, v: &Value) -> bool {
    matches!(v, Value::Set(s) if Rc::ptr_eq(s, target))
}

/// CPython's `set_update_internal`: a set source is merged, a dict's keys
/// are added after one up-front resize, any other iterable one by one.
pub fn update_internal(vm: &mut Vm, target: &Rc<RefCell<Dict>>, v: &Value) -> PyResult<()> {
    if is_same(target, v) {
        return Ok(());
    }
    if let Some(other) = set_table(v) {
        if !crate::seq_eq::sets_with_objects(v, v) {
            target.borrow_mut().set_merge(&other);
            return Ok(());
        }
        // Elements with `__eq__`: added one by one through the VM, with
        // the hashes their table stored (CPython's `set_merge`); `v` is
        // not borrowed while Python code runs.
        let entries = set_entries(&other);
        drop(other);
        target.borrow_mut().set_presize(entries.len());
        for (h, k) in entries {
            vm.map_insert_known_hash(target, k, h, Value::None)?;
        }
        return Ok(());
    } else if let Value::Dict(d) = v {
        // An exact dict's keys come with their stored hashes: no `__hash__`.
        let entries = dict_entries(d);
        target.borrow_mut().set_presize(entries.len());
        for (h, k) in entries {
            vm.map_insert_known_hash(target, k, h, Value::None)?;
        }
        return Ok(());
    }
    for item in vm.collect(v)? {
        vm.map_insert(target, item, Value::None)?;
    }
    Ok(())
}

/// The elements of a set table with their stored hashes.
pub fn set_entries(d: &Dict) -> Vec<(i64, Value)> {
    d.iter_entries().map(|(h, k, _)| (h, k.clone())).collect()
}

/// The keys of an exact dict with their stored hashes (`_PyDict_Next`).
fn dict_entries(d: &Rc<RefCell<Dict>>) -> Vec<(i64, Value)> {
    d.borrow()
        .iter_entries()
        .map(|(h, k, _)| (h, k.clone()))
        .collect()
}

/// Fills the fresh table of `set(src)` / `frozenset(src)` as
/// `set_update_internal` does: a set merged, an exact dict's keys added with
/// their stored hashes, anything else element by element.
pub fn fill_new_set(vm: &mut Vm, d: &mut Dict, src: &Value) -> PyResult<()> {
    if let Value::Dict(src) = src {
        let entries = dict_entries(src);
        d.set_presize(entries.len());
        for (h, k) in entries {
            vm.local_insert_known_hash(d, k, h, Value::None)?;
        }
        return Ok(());
    }
    if !update_from(d, &merge_source(src)) {
        for item in vm.collect(src)? {
            vm.local_insert(d, item, Value::None)?;
        }
    }
    Ok(())
}

/// CPython's `set_difference_update_internal`: `v`'s elements removed from
/// `target`, then the dummies shed if many.
fn difference_update_internal(vm: &mut Vm, target: &Rc<RefCell<Dict>>, v: &Value) -> PyResult<()> {
    if is_same(target, v) {
        target.borrow_mut().clear();
        return Ok(());
    }
    if let Some(other) = set_table(v) {
        let t = Value::Set(target.clone());
        if !crate::seq_eq::sets_with_objects(&t, v) {
            target.borrow_mut().set_difference_update(&other);
            return Ok(());
        }
        // Elements with `__eq__`: removed one by one with the hashes their
        // table stored (`set_discard_entry`), `v` not borrowed meanwhile.
        let entries = set_entries(&other);
        drop(other);
        for (h, k) in entries {
            vm.map_remove_known_hash(target, &k, h)?;
        }
        target.borrow_mut().set_shed_dummies();
        return Ok(());
    }
    for item in vm.collect(v)? {
        vm.map_remove(target, &item)?;
    }
    target.borrow_mut().set_shed_dummies();
    Ok(())
}

/// `a op b` on two sets or frozensets (a new set of `a`'s type), each
/// operation building its result as CPython's algorithm does so that the
/// tables, hence iteration orders, agree.
pub fn set_binop(op: u32, a: &Value, b: &Value) -> PyResult<Value> {
    let (Some(x), Some(y)) = (set_table(a), set_table(b)) else {
        return Ok(make_like(a, Dict::new_set()));
    };
    let out = match op {
        ops::nb::OR | ops::nb::AND if a.is(b) => x.set_copy(),
        ops::nb::OR => crate::dict::set_union(&x, &y),
        ops::nb::AND => crate::dict::set_intersection(&x, &y),
        ops::nb::SUBTRACT => crate::dict::set_difference(&x, &y),
        _ => crate::dict::set_symmetric_difference(&x, &y),
    };
    Ok(make_like(a, out))
}

/// `a op= b` on a set `a` and a set or frozenset `b`: `a` updated in place.
pub fn set_inplace(op: u32, a: &Rc<RefCell<Dict>>, b: &Value) {
    if is_same(a, b) {
        let mut t = a.borrow_mut();
        match op {
            ops::nb::OR => {}
            ops::nb::AND => {
                let copy = t.set_copy();
                t.set_take_table(copy);
            }
            _ => t.clear(),
        }
        return;
    }
    let other = set_table(b).unwrap_or(SetTable::Copy(Dict::new_set()));
    let mut t = a.borrow_mut();
    match op {
        ops::nb::OR => t.set_merge(&other),
        ops::nb::AND => {
            let narrowed = crate::dict::set_intersection(&t, &other);
            t.set_take_table(narrowed);
        }
        ops::nb::SUBTRACT => t.set_difference_update(&other),
        _ => t.set_symmetric_update(&other),
    }
}

/// `a op b` where an operand is a dict view (each read as a set): the
/// result is built as CPython's `dictviews_*` build it.
pub fn view_binop(op: u32, a: Dict, b: Dict) -> Value {
    let (x, y) = (a.into_set_table(), b.into_set_table());
    let out = match op {
        ops::nb::OR => crate::dict::set_union(&x, &y),
        ops::nb::AND => crate::dict::set_intersection(&x, &y),
        ops::nb::SUBTRACT => {
            let mut out = x;
            out.set_difference_update(&y);
            out
        }
        _ => {
            let mut out = x;
            out.set_symmetric_update(&y);
            out
        }
    };
    Value::set(out)
}

/// Set equality.
pub fn set_eq(a: &Value, b: &Value) -> bool {
    let (Some(x), Some(y)) = (set_table(a), set_table(b)) else {
        return false;
    };
    x.len() == y.len() && x.iter_entries().all(|(h, k, _)| y.contains_hashed(k, h))
}

/// Subset / superset comparisons.
pub fn set_compare(op: CmpOp, a: &Value, b: &Value) -> PyResult<bool> {
    let (Some(x), Some(y)) = (set_table(a), set_table(b)) else {
        return Ok(false);
    };
    let sub = |p: &Dict, q: &Dict| p.iter_entries().all(|(h, k, _)| q.contains_hashed(k, h));
    Ok(match op {
        CmpOp::Le => sub(&x, &y),
        CmpOp::Lt => x.len() < y.len() && sub(&x, &y),
        CmpOp::Ge => sub(&y, &x),
        CmpOp::Gt => y.len() < x.len() && sub(&y, &x),
        CmpOp::Eq => set_eq(a, b),
        CmpOp::Ne => !set_eq(a, b),
    })
}

/// Iteration order of a set: its table's live slots in order, as CPython
/// iterates.
pub fn set_order(d: &Dict) -> Vec<Value> {
    // `keys()` skips empty slots, so it gives no length to collect into.
    let mut out = Vec::with_capacity(d.len());
    out.extend(d.keys().cloned());
    out
}

/// What a bulk set update reads from its source, taken before the target is
/// borrowed (the source may be the target itself).
pub enum MergeSource {
    /// A set or frozenset (its table).
    Set(Dict),
    /// A dict of this many keys.
    Dict(usize),
    /// Any other iterable.
    Other,
}

/// The [`MergeSource`] of a value.
pub fn merge_source(v: &Value) -> MergeSource {
    match v {
        Value::Set(s) => s
            .try_borrow()
            .map_or(MergeSource::Other, |d| MergeSource::Set(d.clone())),
        Value::FrozenSet(s) => MergeSource::Set((**s).clone()),
        Value::Dict(d) => d
            .try_borrow()
            .map_or(MergeSource::Other, |d| MergeSource::Dict(d.len())),
        _ => MergeSource::Other,
    }
}

/// `SET_UPDATE` / `set(iterable)` into a set other than the source: merges
/// a set source as CPython does and returns true; for other sources (added
/// one by one by the caller) only a dict's up-front resize is made.
pub fn update_from(target: &mut Dict, source: &MergeSource) -> bool {
    match source {
        MergeSource::Set(other) => {
            target.set_merge(other);
            true
        }
        MergeSource::Dict(n) => {
            target.set_presize(*n);
            false
        }
        MergeSource::Other => false,
    }
}

fn recv_set<'a>(a: &Args<'a>, name: &str) -> PyResult<&'a Value> {
    match a.pos.first() {
        Some(v @ (Value::Set(_) | Value::FrozenSet(_))) => Ok(v),
        other => Err(descriptor_error(name, "set", other)),
    }
}

fn mutable_set<'a>(a: &Args<'a>, name: &str) -> PyResult<&'a Rc<RefCell<Dict>>> {
    match a.pos.first() {
        Some(Value::Set(d)) => Ok(d),
        Some(Value::FrozenSet(_)) => Err(PyErr::new(
            ExcKind::AttributeError,
            format!("'frozenset' object has no attribute '{name}'"),
        )),
        other => Err(descriptor_error(name, "set", other)),
    }
}

fn set_add(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = mutable_set(&a, "add")?;
    nargs(&a, "add", 1, 1)?;
    vm.map_insert(s, a.pos[1].clone(), Value::None)?;
    Ok(Value::None)
}

fn set_remove(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = mutable_set(&a, "remove")?;
    nargs(&a, "remove", 1, 1)?;
    let key = &a.pos[1];
    match retry_as_frozen(vm, key, |vm, k| vm.map_remove(s, k))? {
        Some(_) => Ok(Value::None),
        // The KeyError names the key given, not its frozen copy.
        None => Err(PyErr::key_error(key.clone())),
    }
}

fn set_discard(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = mutable_set(&a, "discard")?;
    nargs(&a, "discard", 1, 1)?;
    retry_as_frozen(vm, &a.pos[1], |vm, k| vm.map_remove(s, k))?;
    Ok(Value::None)
}

fn set_pop(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = mutable_set(&a, "pop")?;
    noargs(&a, "set", "pop")?;
    let popped = s.borrow_mut().set_pop();
    popped.ok_or_else(|| PyErr::new(ExcKind::KeyError, "pop from an empty set"))
}

/// The receiver of a set method as a shared table (a frozenset's copied).
fn shared(v: &Value) -> Rc<RefCell<Dict>> {
    match v {
        Value::Set(d) => d.clone(),
        other => Rc::new(RefCell::new(set_items(other).unwrap_or_default())),
    }
}

/// `set_intersection(so, other)` for any iterable `other`.
fn intersection_one(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<Value> {
    if matches!(other, Value::Set(_) | Value::FrozenSet(_)) {
        return vm.set_binop_eq(ops::nb::AND, so, other);
    }
    let base = shared(so);
    let out = Rc::new(RefCell::new(Dict::new_set()));
    for item in vm.collect(other)? {
        if vm.map_get(&base, &item)?.is_some() {
            vm.map_insert(&out, item, Value::None)?;
        }
    }
    let d = out.borrow().clone();
    Ok(make_like(so, d))
}

/// `set_intersection_multi`: a copy of `so` narrowed by each argument.
fn intersection_multi(vm: &mut Vm, so: &Value, others: &[Value]) -> PyResult<Value> {
    let mut acc = make_like(so, set_items(so).unwrap_or_default().set_copy());
    if others.is_empty() {
        return Ok(acc);
    }
    acc = so.clone();
    for other in others {
        acc = intersection_one(vm, &acc, other)?;
    }
    Ok(acc)
}

/// `set_difference(so, other)` for any iterable `other`.
fn difference_one(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<Value> {
    if matches!(other, Value::Set(_) | Value::FrozenSet(_)) {
        return vm.set_binop_eq(ops::nb::SUBTRACT, so, other);
    }
    let mine = set_items(so).unwrap_or_default();
    if let Value::Dict(d) = other {
        let n = d.borrow().len();
        if (mine.len() >> 2) <= n {
            // The set's stored hashes serve both the lookups and the inserts.
            let d = d.clone();
            let out = Rc::new(RefCell::new(Dict::new_set()));
            let entries: Vec<(i64, Value)> = mine
                .iter_entries()
                .map(|(h, k, _)| (h, k.clone()))
                .collect();
            for (h, k) in entries {
                if vm.map_get_known_hash(&d, &k, h)?.is_none() {
                    vm.map_insert_known_hash(&out, k, h, Value::None)?;
                }
            }
            let out = out.borrow().clone();
            return Ok(make_like(so, out));
        }
    }
    // `set_copy_and_difference`.
    let out = Rc::new(RefCell::new(mine.set_copy()));
    difference_update_internal(vm, &out, other)?;
    let out = out.borrow().clone();
    Ok(make_like(so, out))
}

fn set_union(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let so = recv_set(&a, "union")?;
    a.no_kw("set.union")?;
    let out = Rc::new(RefCell::new(set_items(so).unwrap_or_default().set_copy()));
    for other in &a.pos[1..] {
        if other.is(so) {
            continue;
        }
        update_internal(vm, &out, other)?;
    }
    let out = out.borrow().clone();
    Ok(make_like(so, out))
}

fn set_intersection(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let so = recv_set(&a, "intersection")?;
    a.no_kw("set.intersection")?;
    intersection_multi(vm, so, &a.pos[1..])
}

fn set_difference(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let so = recv_set(&a, "difference")?;
    a.no_kw("set.difference")?;
    let Some((first, rest)) = a.pos[1..].split_first() else {
        return Ok(make_like(so, set_items(so).unwrap_or_default().set_copy()));
    };
    let result = difference_one(vm, so, first)?;
    let out = shared(&result);
    for other in rest {
        difference_update_internal(vm, &out, other)?;
    }
    let out = out.borrow().clone();
    Ok(make_like(so, out))
}

fn set_symdiff(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let so = recv_set(&a, "symmetric_difference")?;
    let other = onearg(&a, type_name(so).as_ref(), "symmetric_difference")?;
    if matches!(other, Value::Set(_) | Value::FrozenSet(_)) {
        return vm.set_binop_eq(ops::nb::XOR, so, other);
    }
    let mut out = new_set_from(vm, other)?;
    out.set_symmetric_update(&set_items(so).unwrap_or_default());
    Ok(make_like(so, out))
}

fn set_update(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = mutable_set(&a, "update")?;
    a.no_kw("set.update")?;
    for other in &a.pos[1..] {
        update_internal(vm, s, other)?;
    }
    Ok(Value::None)
}

fn set_copy(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = recv_set(&a, "copy")?;
    noargs(&a, type_name(s).as_ref(), "copy")?;
    if let Value::FrozenSet(_) = s {
        // An immutable frozenset is its own copy.
        return Ok(s.clone());
    }
    Ok(make_like(s, set_items(s).unwrap_or_default().set_copy()))
}

fn set_clear(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = mutable_set(&a, "clear")?;
    noargs(&a, "set", "clear")?;
    s.borrow_mut().clear();
    Ok(Value::None)
}

fn set_issubset(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = recv_set(&a, "issubset")?;
    nargs(&a, "issubset", 1, 1)?;
    let o = Value::frozenset(other_set(vm, &a.pos[1])?);
    Ok(Value::Bool(vm.set_compare_eq(CmpOp::Le, s, &o)?))
}

fn set_issuperset(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = recv_set(&a, "issuperset")?;
    nargs(&a, "issuperset", 1, 1)?;
    let o = Value::frozenset(other_set(vm, &a.pos[1])?);
    Ok(Value::Bool(vm.set_compare_eq(CmpOp::Ge, s, &o)?))
}

fn set_isdisjoint(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = recv_set(&a, "isdisjoint")?;
    nargs(&a, "isdisjoint", 1, 1)?;
    let o = Value::frozenset(other_set(vm, &a.pos[1])?);
    let r = vm.set_binop_eq(ops::nb::AND, s, &o)?;
    Ok(Value::Bool(set_items(&r).map_or(true, |d| d.is_empty())))
}

fn set_intersection_update(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = mutable_set(&a, "intersection_update")?;
    a.no_kw("set.intersection_update")?;
    let r = intersection_multi(vm, &a.pos[0], &a.pos[1..])?;
    // CPython swaps the result's table into the set.
    s.borrow_mut()
        .set_take_table(set_items(&r).unwrap_or_default());
    Ok(Value::None)
}

fn set_difference_update(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = mutable_set(&a, "difference_update")?;
    a.no_kw("set.difference_update")?;
    for other in &a.pos[1..] {
        difference_update_internal(vm, s, other)?;
    }
    Ok(Value::None)
}

fn set_symdiff_update(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = mutable_set(&a, "symmetric_difference_update")?;
    let other = onearg(&a, "set", "symmetric_difference_update")?;
    if is_same(s, other) {
        s.borrow_mut().clear();
        return Ok(Value::None);
    }
    if let Value::Dict(d) = other {
        // A dict's keys are toggled in the dict's order, with their hashes.
        for (h, k) in dict_entries(d) {
            if vm.map_remove_known_hash(s, &k, h)?.is_none() {
                vm.map_insert_known_hash(s, k, h, Value::None)?;
            }
        }
        return Ok(Value::None);
    }
    if matches!(other, Value::Set(_) | Value::FrozenSet(_)) {
        let r = vm.set_binop_eq(ops::nb::INPLACE + ops::nb::XOR, &a.pos[0], other)?;
        debug_assert!(r.is(&a.pos[0]));
        return Ok(Value::None);
    }
    let o = new_set_from(vm, other)?;
    let holds = |d: &Dict| d.has_object_keys() || d.has_heap_keys();
    let with_objects = holds(&o) || holds(&s.borrow());
    if with_objects {
        // Elements with `__eq__`: each of `other`'s is discarded if present,
        // else added, with its stored hash (`set_discard_entry`).
        for (h, k) in set_entries(&o) {
            if vm.map_remove_known_hash(s, &k, h)?.is_none() {
                vm.map_insert_known_hash(s, k, h, Value::None)?;
            }
        }
        return Ok(Value::None);
    }
    s.borrow_mut().set_symmetric_update(&o);
    Ok(Value::None)
}

/// The frozenset a `set` (or an instance of a `set` subclass) stands for
/// when used as a key: its elements, frozen.
fn frozen_copy(v: &Value) -> Option<Value> {
    match v {
        Value::Set(d) => Some(Value::frozenset(d.borrow().clone())),
        Value::Instance(i) => match i.payload() {
            Some(Value::Set(d)) => Some(Value::frozenset(d.borrow().clone())),
            _ => None,
        },
        _ => None,
    }
}

/// A lookup in a set (`in`, `remove`, `discard`) whose key is a `set`:
/// CPython's `set_contains`/`set_remove`/`set_discard` retry an unhashable
/// set key as a temporary frozenset of its elements (`PySet_Check` and a
/// `TypeError`: a subclass defining `__hash__` is looked up as itself).
pub fn retry_as_frozen<T>(
    vm: &mut Vm,
    key: &Value,
    mut lookup: impl FnMut(&mut Vm, &Value) -> PyResult<T>,
) -> PyResult<T> {
    match lookup(vm, key) {
        Err(e) if e.is(ExcKind::TypeError) => match frozen_copy(key) {
            Some(k) => lookup(vm, &k),
            None => Err(e),
        },
        r => r,
    }
}
