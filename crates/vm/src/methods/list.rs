//! Methods of `list` and `tuple`, and the stable sort.

use crate::exc::{PyErr, PyResult};
use crate::func::{Args, BuiltinDef};
use crate::ops::{self, CmpOp};
use crate::value::Value;
use crate::vm::Vm;

use super::*;

method_table!(pub(super) LIST_METHODS, "list", [
    "append" => list_append, "extend" => list_extend, "pop" => list_pop, "insert" => list_insert,
    "remove" => list_remove, "index" => list_index, "count" => list_count, "sort" => list_sort,
    "reverse" => list_reverse, "copy" => list_copy, "clear" => list_clear,
]);

method_table!(pub(super) TUPLE_METHODS, "tuple", [
    "index" => list_index, "count" => list_count, "__getnewargs__" => crate::reduce::getnewargs,
]);

// ---- list / tuple ----

fn list_append(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let l = recv_list(&a, "append")?;
    nargs(&a, "append", 1, 1)?;
    l.borrow_mut().push(a.pos[1].clone());
    Ok(Value::None)
}

fn list_extend(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let l = recv_list(&a, "extend")?;
    nargs(&a, "extend", 1, 1)?;
    // `list_extend` presizes from the length hint, as `list()` does.
    let items = vm.collect_sized(&a.pos[1])?;
    l.borrow_mut().extend(items);
    Ok(Value::None)
}

fn list_pop(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let l = recv_list(&a, "pop")?;
    nargs(&a, "pop", 0, 1)?;
    let i = match a.pos.get(1) {
        Some(v) => int_arg(vm, v)?,
        None => -1,
    };
    let mut l = l.borrow_mut();
    if l.is_empty() {
        return Err(PyErr::index_error("pop from empty list"));
    }
    let len = l.len() as i64;
    let i = if i < 0 { i + len } else { i };
    if !(0..len).contains(&i) {
        return Err(PyErr::index_error("pop index out of range"));
    }
    Ok(l.remove(i as usize))
}

fn list_insert(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let l = recv_list(&a, "insert")?;
    nargs(&a, "insert", 2, 2)?;
    let i = int_arg(vm, &a.pos[1])?;
    let mut l = l.borrow_mut();
    let len = l.len() as i64;
    let i = if i < 0 { (i + len).max(0) } else { i.min(len) };
    l.insert(i as usize, a.pos[2].clone());
    Ok(Value::None)
}

fn list_remove(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let l = recv_list(&a, "remove")?;
    nargs(&a, "remove", 1, 1)?;
    // `__eq__` may run Python code (even mutate the list): no borrow across it.
    let mut i = 0;
    loop {
        let Some(x) = l.borrow().get(i).cloned() else {
            return Err(PyErr::value_error("list.remove(x): x not in list"));
        };
        if vm.eq_values(&x, &a.pos[1])? {
            let mut l = l.borrow_mut();
            if i < l.len() {
                l.remove(i);
            }
            return Ok(Value::None);
        }
        i += 1;
    }
}

/// The `i`-th item of a list or tuple, read afresh (the list may shrink
/// while `__eq__` runs).
fn seq_item(v: &Value, i: usize) -> Option<Value> {
    match v {
        Value::List(l) => l.borrow().get(i).cloned(),
        Value::Tuple(t) => t.get(i).cloned(),
        _ => None,
    }
}

fn seq_len(v: &Value) -> usize {
    match v {
        Value::List(l) => l.borrow().len(),
        Value::Tuple(t) => t.len(),
        _ => 0,
    }
}

fn list_index(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    nargs(&a, "index", 1, 3)?;
    let (start, stop) = adjust(
        slice_arg_not_none(vm, a.pos.get(2))?,
        slice_arg_not_none(vm, a.pos.get(3))?,
        seq_len(&a.pos[0]),
    );
    let mut i = start.max(0) as usize;
    while (i as i64) < stop {
        let Some(x) = seq_item(&a.pos[0], i) else {
            break;
        };
        if vm.eq_values(&x, &a.pos[1])? {
            return Ok(Value::Int(i as i64));
        }
        i += 1;
    }
    Err(PyErr::value_error(if matches!(a.pos[0], Value::Tuple(_)) {
        "tuple.index(x): x not in tuple".to_string()
    } else {
        format!("{} is not in list", vm.repr_of(&a.pos[1])?)
    }))
}

fn list_count(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    nargs(&a, "count", 1, 1)?;
    let mut n = 0;
    let mut i = 0;
    while let Some(x) = seq_item(&a.pos[0], i) {
        if vm.eq_values(&x, &a.pos[1])? {
            n += 1;
        }
        i += 1;
    }
    Ok(Value::Int(n))
}

/// The `reverse=` argument of `sort` and `sorted`: an int-like value.
pub fn reverse_flag(v: Option<&Value>) -> PyResult<bool> {
    match v {
        None => Ok(false),
        Some(v) => ops::index_of(v).map(|i| i != 0).ok_or_else(|| {
            PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                crate::types::type_name(v)
            ))
        }),
    }
}

/// Stable merge sort using only `<`, stopping at the first comparison error.
pub fn sort_values(
    vm: &mut Vm,
    items: &mut Vec<Value>,
    key: Option<&Value>,
    reverse: bool,
) -> PyResult<()> {
    let keys: Vec<Value> = match key {
        Some(k) if !matches!(k, Value::None) => {
            let mut ks = Vec::with_capacity(items.len());
            for it in items.iter() {
                ks.push(vm.call(k, std::slice::from_ref(it))?);
            }
            ks
        }
        _ => items.clone(),
    };
    if let Some(idx) = super::plain_order::plain_sort(&keys, reverse) {
        let old = std::mem::take(items);
        *items = idx.into_iter().map(|i| old[i].clone()).collect();
        return Ok(());
    }
    let mut idx: Vec<usize> = (0..items.len()).collect();
    if reverse {
        idx.reverse();
    }
    let mut lt = |a: usize, b: usize| -> PyResult<bool> {
        let (x, y) = (&keys[a], &keys[b]);
        if let (Value::Int(p), Value::Int(q)) = (x, y) {
            return Ok(p < q);
        }
        vm.compare_bool(CmpOp::Lt, x, y)
    };
    let mut buf = idx.clone();
    let n = idx.len();
    let mut width = 1;
    // insertion sort small runs first
    const RUN: usize = 16;
    let mut s = 0;
    while s < n {
        let e = (s + RUN).min(n);
        for i in s + 1..e {
            let mut j = i;
            while j > s && lt(idx[j], idx[j - 1])? {
                idx.swap(j, j - 1);
                j -= 1;
            }
        }
        s = e;
    }
    width = width.max(RUN);
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut i, mut j, mut k) = (start, mid, start);
            while i < mid && j < end {
                if lt(idx[j], idx[i])? {
                    buf[k] = idx[j];
                    j += 1;
                } else {
                    buf[k] = idx[i];
                    i += 1;
                }
                k += 1;
            }
            buf[k..k + (mid - i)].copy_from_slice(&idx[i..mid]);
            k += mid - i;
            buf[k..k + (end - j)].copy_from_slice(&idx[j..end]);
            start = end;
        }
        std::mem::swap(&mut idx, &mut buf);
        width *= 2;
    }
    if reverse {
        idx.reverse();
    }
    let old = std::mem::take(items);
    *items = idx.into_iter().map(|i| old[i].clone()).collect();
    Ok(())
}

fn list_sort(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let l = recv_list(&a, "sort")?;
    if a.pos.len() > 1 {
        return Err(PyErr::type_error("sort() takes no positional arguments"));
    }
    a.check_kw("sort", &["key", "reverse"])?;
    let mut items = std::mem::take(&mut *l.borrow_mut());
    let reverse = reverse_flag(a.kw("reverse"))?;
    let r = sort_values(vm, &mut items, a.kw("key"), reverse);
    // The keys died as the sort ended; CPython runs their `__del__` then,
    // before it looks for a change.
    if crate::finalize::queued() {
        vm.run_finalizers();
    }
    // The list was left empty with no storage, as CPython's is: anything
    // that stored an item meanwhile, even one taken out again, left storage.
    let modified = {
        let l = l.borrow();
        !l.is_empty() || l.capacity() != 0
    };
    *l.borrow_mut() = items;
    r?;
    if modified {
        return Err(PyErr::value_error("list modified during sort"));
    }
    Ok(Value::None)
}

fn list_reverse(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let l = recv_list(&a, "reverse")?;
    noargs(&a, "list", "reverse")?;
    l.borrow_mut().reverse();
    Ok(Value::None)
}

fn list_copy(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let l = recv_list(&a, "copy")?;
    noargs(&a, "list", "copy")?;
    Ok(Value::list(l.borrow().clone()))
}

fn list_clear(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let l = recv_list(&a, "clear")?;
    noargs(&a, "list", "clear")?;
    let mut old = std::mem::take(&mut *l.borrow_mut());
    // CPython releases the items last to first (finalizers run in that order).
    while let Some(x) = old.pop() {
        drop(x);
    }
    Ok(Value::None)
}
