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
]);

method_table!(pub(super) FROZENSET_METHODS, "frozenset", [
    "copy" => set_copy, "difference" => set_difference, "intersection" => set_intersection,
    "isdisjoint" => set_isdisjoint, "issubset" => set_issubset, "issuperset" => set_issuperset,
    "symmetric_difference" => set_symdiff, "union" => set_union,
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
        d.insert(item, Value::None)?;
    }
    Ok(d)
}

/// `a | b`, `a & b`, `a ^ b`, `a - b` on sets.
pub fn set_binop(op: u32, a: &Value, b: &Value) -> PyResult<Value> {
    let (x, y) = (
        set_items(a).unwrap_or_default(),
        set_items(b).unwrap_or_default(),
    );
    let mut out = Dict::new();
    match op {
        ops::nb::OR => {
            for (h, k, _) in x.iter_entries().chain(y.iter_entries()) {
                out.insert_hashed(k.clone(), h, Value::None);
            }
        }
        ops::nb::AND => {
            for (h, k, _) in x.iter_entries() {
                if y.contains_hashed(k, h) {
                    out.insert_hashed(k.clone(), h, Value::None);
                }
            }
        }
        ops::nb::SUBTRACT => {
            for (h, k, _) in x.iter_entries() {
                if !y.contains_hashed(k, h) {
                    out.insert_hashed(k.clone(), h, Value::None);
                }
            }
        }
        _ => {
            for (h, k, _) in x.iter_entries() {
                if !y.contains_hashed(k, h) {
                    out.insert_hashed(k.clone(), h, Value::None);
                }
            }
            for (h, k, _) in y.iter_entries() {
                if !x.contains_hashed(k, h) {
                    out.insert_hashed(k.clone(), h, Value::None);
                }
            }
        }
    }
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
/// the hashes in insertion order; deletions are not replayed).
pub fn set_order(d: &Dict) -> Vec<Value> {
    const LINEAR_PROBES: usize = 9;
    let entries: Vec<(u64, &Value)> = d.iter_entries().map(|(h, k, _)| (h as u64, k)).collect();
    let mut table: Vec<Option<usize>> = vec![None; 8];
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
    let mut used = 0usize;
    for (idx, &(h, _)) in entries.iter().enumerate() {
        let slot = find_free(&table, h);
        table[slot] = Some(idx);
        used += 1;
        let mask = table.len() - 1;
        if used * 5 >= mask * 3 {
            let min = if used > 50000 { used * 2 } else { used * 4 };
            let mut size = 8;
            while size <= min {
                size <<= 1;
            }
            let mut nt = vec![None; size];
            for i in table.iter().flatten() {
                let s = find_free(&nt, entries[*i].0);
                nt[s] = Some(*i);
            }
            table = nt;
        }
    }
    table
        .into_iter()
        .flatten()
        .map(|i| entries[i].1.clone())
        .collect()
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

fn set_add(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = mutable_set(&a, "add")?;
    nargs(&a, "add", 1, 1)?;
    s.borrow_mut().insert(a.pos[1].clone(), Value::None)?;
    Ok(Value::None)
}

fn set_remove(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = mutable_set(&a, "remove")?;
    nargs(&a, "remove", 1, 1)?;
    let key = frozen_key(&a.pos[1]);
    match s.borrow_mut().remove(&key)? {
        Some(_) => Ok(Value::None),
        None => Err(PyErr::key_error(key)),
    }
}

fn set_discard(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = mutable_set(&a, "discard")?;
    nargs(&a, "discard", 1, 1)?;
    s.borrow_mut().remove(&frozen_key(&a.pos[1]))?;
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
        acc = set_binop(op, &acc, &o)?;
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
        let items = vm.collect(other)?;
        let mut s = s.borrow_mut();
        for it in items {
            s.insert(it, Value::None)?;
        }
    }
    Ok(Value::None)
}

fn set_copy(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = recv_set(&a, "copy")?;
    noargs(&a, type_name(s).as_ref(), "copy")?;
    Ok(make_like(s, set_items(s).unwrap_or_default()))
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
    Ok(Value::Bool(set_compare(CmpOp::Le, s, &o)?))
}

fn set_issuperset(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = recv_set(&a, "issuperset")?;
    nargs(&a, "issuperset", 1, 1)?;
    let o = Value::FrozenSet(Rc::new(other_set(vm, &a.pos[1])?));
    Ok(Value::Bool(set_compare(CmpOp::Ge, s, &o)?))
}

fn set_isdisjoint(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = recv_set(&a, "isdisjoint")?;
    nargs(&a, "isdisjoint", 1, 1)?;
    let o = Value::FrozenSet(Rc::new(other_set(vm, &a.pos[1])?));
    let r = set_binop(ops::nb::AND, s, &o)?;
    Ok(Value::Bool(set_items(&r).map_or(true, |d| d.is_empty())))
}

fn set_update_with(vm: &mut Vm, a: &Args<'_>, name: &str, op: u32) -> PyResult<Value> {
    let s = mutable_set(a, name)?;
    a.no_kw(name)?;
    let mut acc = Value::Set(s.clone());
    for other in &a.pos[1..] {
        let o = Value::FrozenSet(Rc::new(other_set(vm, other)?));
        acc = set_binop(op, &acc, &o)?;
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
    let r = set_binop(ops::nb::XOR, &Value::Set(s.clone()), &o)?;
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
