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

fn set_items(v: &Value) -> Option<Dict> {
    match v {
        Value::Set(d) => Some(d.borrow().clone()),
        Value::FrozenSet(d) => Some((**d).clone()),
        _ => None,
    }
}

fn make_like(like: &Value, d: Dict) -> Value {
    match like {
        Value::FrozenSet(_) => Value::FrozenSet(Rc::new(d)),
        _ => Value::Set(Rc::new(RefCell::new(d))),
    }
}

fn other_set(vm: &mut Vm, v: &Value) -> PyResult<Dict> {
    if let Some(d) = set_items(v) {
        return Ok(d);
    }
    let mut d = Dict::new();
    for item in vm.collect(v)? {
        vm.local_insert(&mut d, item, Value::None)?;
    }
    Ok(d)
}

/// `a | b`, `a & b`, `a ^ b`, `a - b` on sets, building the result in the
/// order CPython's algorithms insert, so iteration orders agree.
pub fn set_binop(op: u32, a: &Value, b: &Value) -> PyResult<Value> {
    let (x, y) = (
        set_items(a).unwrap_or_default(),
        set_items(b).unwrap_or_default(),
    );
    let out = match op {
        ops::nb::OR => {
            let mut out = copy_of(&x);
            merge_into(&mut out, &y);
            out
        }
        ops::nb::AND => {
            // CPython walks the smaller set and probes the larger.
            let (small, large) = if y.len() > x.len() {
                (&x, &y)
            } else {
                (&y, &x)
            };
            let mut out = Dict::new();
            for (h, k) in set_order_hashed(small) {
                if large.contains_hashed(&k, h) {
                    out.insert_hashed(k, h, Value::None);
                }
            }
            out
        }
        ops::nb::SUBTRACT => {
            let mut out = if (x.len() >> 2) > y.len() {
                copy_of(&x)
            } else {
                Dict::new()
            };
            if out.is_empty() {
                for (h, k) in set_order_hashed(&x) {
                    if !y.contains_hashed(&k, h) {
                        out.insert_hashed(k, h, Value::None);
                    }
                }
            } else {
                for (h, k) in set_order_hashed(&y) {
                    out.remove_hashed(&k, h);
                }
            }
            out
        }
        _ => {
            // CPython copies the right operand, then toggles the left's items.
            let mut out = copy_of(&y);
            for (h, k) in set_order_hashed(&x) {
                if out.remove_hashed(&k, h).is_none() {
                    out.insert_hashed(k, h, Value::None);
                }
            }
            out
        }
    };
    Ok(make_like(a, out))
}

/// Set equality.
pub fn set_eq(a: &Value, b: &Value) -> bool {
    let (x, y) = (
        set_items(a).unwrap_or_default(),
        set_items(b).unwrap_or_default(),
    );
    x.len() == y.len() && x.iter_entries().all(|(h, k, _)| y.contains_hashed(k, h))
}

/// Subset / superset comparisons.
pub fn set_compare(op: CmpOp, a: &Value, b: &Value) -> PyResult<bool> {
    let (x, y) = (
        set_items(a).unwrap_or_default(),
        set_items(b).unwrap_or_default(),
    );
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

/// Iteration order of a set as CPython's hash table would give it (rebuilt from
/// the hashes in insertion order, with the bulk resizes CPython made; deletions
/// are not replayed).
pub fn set_order(d: &Dict) -> Vec<Value> {
    set_order_hashed(d).into_iter().map(|(_, k)| k).collect()
}

/// [`set_order`] with each element's stored hash (which for instances of
/// classes defining `__hash__` only the VM can compute again).
fn set_order_hashed(d: &Dict) -> Vec<(i64, Value)> {
    let entries: Vec<(u64, &Value)> = d.iter_entries().map(|(h, k, _)| (h as u64, k)).collect();
    let table = simulate(d, &entries);
    table
        .into_iter()
        .flatten()
        .map(|i| (entries[i].0 as i64, entries[i].1.clone()))
        .collect()
}

fn table_size(min_used: usize) -> usize {
    let mut size = 8;
    while size <= min_used {
        size <<= 1;
    }
    size
}

/// CPython's set table after inserting `entries` in order: slot -> entry index.
fn simulate(d: &Dict, entries: &[(u64, &Value)]) -> Vec<Option<usize>> {
    const LINEAR_PROBES: usize = 9;
    let find_free = |table: &[Option<usize>], hash: u64| -> usize {
        let mask = table.len() - 1;
        let mut perturb = hash;
        let mut i = (hash as usize) & mask;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            if let Some(k) = table[i..=i + probes].iter().position(Option::is_none) {
                return i + k;
            }
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    };
    let resize = |table: &[Option<usize>], size: usize| -> Vec<Option<usize>> {
        let mut nt = vec![None; size];
        for i in table.iter().flatten() {
            let s = find_free(&nt, entries[*i].0);
            nt[s] = Some(*i);
        }
        nt
    };
    let events: &[(u32, u32)] = d.set_resizes.as_deref().map_or(&[], Vec::as_slice);
    let mut next_event = 0;
    let mut table: Vec<Option<usize>> = vec![None; 8];
    let mut used = 0usize;
    for (idx, &(h, _)) in entries.iter().enumerate() {
        while let Some(&(at, min_used)) = events.get(next_event) {
            if at as usize != idx {
                break;
            }
            table = resize(&table, table_size(min_used as usize));
            next_event += 1;
        }
        let slot = find_free(&table, h);
        table[slot] = Some(idx);
        used += 1;
        let mask = table.len() - 1;
        if used * 5 >= mask * 3 {
            let min = if used > 50000 { used * 2 } else { used * 4 };
            table = resize(&table, table_size(min));
        }
    }
    // Resizes recorded after the last insertion (a bulk update still to come).
    for &(_, min_used) in &events[next_event..] {
        table = resize(&table, table_size(min_used as usize));
    }
    table
}

fn presize_len(target: &mut Dict, other_len: usize) {
    let entries: Vec<(u64, &Value)> = target
        .iter_entries()
        .map(|(h, k, _)| (h as u64, k))
        .collect();
    let n = entries.len();
    let mask = simulate(target, &entries).len() - 1;
    if (n + other_len) * 5 >= mask * 3 {
        let event = (n as u32, ((n + other_len) * 2) as u32);
        target
            .set_resizes
            .get_or_insert_with(Default::default)
            .push(event);
    }
}

/// The size of the table CPython would have for `d`.
fn table_len(d: &Dict) -> usize {
    let entries: Vec<(u64, &Value)> = d.iter_entries().map(|(h, k, _)| (h as u64, k)).collect();
    simulate(d, &entries).len()
}

/// A copy of a set's items as CPython's `set_copy` builds it: a bulk merge
/// into an empty set.
fn copy_of(src: &Dict) -> Dict {
    let mut out = Dict::new();
    merge_into(&mut out, src);
    out
}

/// Adds the items of the set `other` to `target` as CPython's `set_merge`:
/// one resize up front, then the items in `other`'s order; an empty target of
/// the same size gets `other`'s table as is.
fn merge_into(target: &mut Dict, other: &Dict) {
    presize_len(target, other.len());
    if target.is_empty() && table_len(target) == table_len(other) {
        *target = other.clone();
        return;
    }
    for (h, k) in set_order_hashed(other) {
        target.insert_hashed(k, h, Value::None);
    }
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

/// `set.update(source)` / `SET_UPDATE`: fills `target` from a set source as
/// CPython does and returns true; for other sources (added one by one by the
/// caller) only the up-front resize of a dict source is recorded.
pub fn update_from(target: &mut Dict, source: &MergeSource) -> bool {
    match source {
        MergeSource::Set(other) => {
            merge_into(target, other);
            true
        }
        MergeSource::Dict(n) => {
            presize_len(target, *n);
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
    let key = frozen_key(&a.pos[1]);
    match vm.map_remove(s, &key)? {
        Some(_) => Ok(Value::None),
        None => Err(PyErr::key_error(key)),
    }
}

fn set_discard(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = mutable_set(&a, "discard")?;
    nargs(&a, "discard", 1, 1)?;
    vm.map_remove(s, &frozen_key(&a.pos[1]))?;
    Ok(Value::None)
}

fn set_pop(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = mutable_set(&a, "pop")?;
    noargs(&a, "set", "pop")?;
    let first = set_order(&s.borrow()).into_iter().next();
    match first {
        Some(k) => {
            s.borrow_mut().remove(&k)?;
            Ok(k)
        }
        None => Err(PyErr::new(ExcKind::KeyError, "pop from an empty set")),
    }
}

fn set_multi(vm: &mut Vm, a: &Args<'_>, name: &str, op: u32) -> PyResult<Value> {
    let mut acc = recv_set(a, name)?.clone();
    for other in &a.pos[1..] {
        let o = Value::FrozenSet(Rc::new(other_set(vm, other)?));
        acc = vm.set_binop_eq(op, &acc, &o)?;
    }
    if a.pos.len() == 1 {
        acc = make_like(&acc, set_items(&acc).unwrap_or_default());
    }
    Ok(acc)
}

fn set_union(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    set_multi(vm, &a, "union", ops::nb::OR)
}
fn set_intersection(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    set_multi(vm, &a, "intersection", ops::nb::AND)
}
fn set_difference(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    set_multi(vm, &a, "difference", ops::nb::SUBTRACT)
}
fn set_symdiff(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    recv_set(&a, "symmetric_difference")?;
    onearg(&a, "set", "symmetric_difference")?;
    set_multi(vm, &a, "symmetric_difference", ops::nb::XOR)
}

fn set_update(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = mutable_set(&a, "update")?;
    for other in &a.pos[1..] {
        if crate::seq_eq::sets_with_objects(other, other) {
            // Elements with `__eq__`: insert one by one through the VM.
            for it in vm.collect(other)? {
                vm.map_insert(s, it, Value::None)?;
            }
            continue;
        }
        let src = merge_source(other);
        if let MergeSource::Set(_) = src {
            update_from(&mut s.borrow_mut(), &src);
            continue;
        }
        let items = vm.collect(other)?;
        update_from(&mut s.borrow_mut(), &src);
        for it in items {
            vm.map_insert(s, it, Value::None)?;
        }
    }
    Ok(Value::None)
}

fn set_copy(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = recv_set(&a, "copy")?;
    noargs(&a, type_name(s).as_ref(), "copy")?;
    Ok(make_like(s, copy_of(&set_items(s).unwrap_or_default())))
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
    let o = Value::FrozenSet(Rc::new(other_set(vm, &a.pos[1])?));
    Ok(Value::Bool(vm.set_compare_eq(CmpOp::Le, s, &o)?))
}

fn set_issuperset(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = recv_set(&a, "issuperset")?;
    nargs(&a, "issuperset", 1, 1)?;
    let o = Value::FrozenSet(Rc::new(other_set(vm, &a.pos[1])?));
    Ok(Value::Bool(vm.set_compare_eq(CmpOp::Ge, s, &o)?))
}

fn set_isdisjoint(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = recv_set(&a, "isdisjoint")?;
    nargs(&a, "isdisjoint", 1, 1)?;
    let o = Value::FrozenSet(Rc::new(other_set(vm, &a.pos[1])?));
    let r = vm.set_binop_eq(ops::nb::AND, s, &o)?;
    Ok(Value::Bool(set_items(&r).map_or(true, |d| d.is_empty())))
}

fn set_update_with(vm: &mut Vm, a: &Args<'_>, name: &str, op: u32) -> PyResult<Value> {
    let s = mutable_set(a, name)?;
    a.no_kw(name)?;
    let mut acc = Value::Set(s.clone());
    for other in &a.pos[1..] {
        let o = Value::FrozenSet(Rc::new(other_set(vm, other)?));
        acc = vm.set_binop_eq(op, &acc, &o)?;
    }
    let result = set_items(&acc).unwrap_or_default();
    *s.borrow_mut() = result;
    Ok(Value::None)
}

fn set_intersection_update(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    set_update_with(vm, &a, "intersection_update", ops::nb::AND)
}
fn set_difference_update(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    set_update_with(vm, &a, "difference_update", ops::nb::SUBTRACT)
}
fn set_symdiff_update(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = mutable_set(&a, "symmetric_difference_update")?;
    let other = onearg(&a, "set", "symmetric_difference_update")?;
    let o = Value::FrozenSet(Rc::new(other_set(vm, other)?));
    let r = vm.set_binop_eq(ops::nb::XOR, &Value::Set(s.clone()), &o)?;
    *s.borrow_mut() = set_items(&r).unwrap_or_default();
    Ok(Value::None)
}

/// A set used as a key (`remove`, `discard`) is looked up as a frozenset.
fn frozen_key(v: &Value) -> Value {
    match v {
        Value::Set(d) => Value::FrozenSet(Rc::new(d.borrow().clone())),
        other => other.clone(),
    }
}
