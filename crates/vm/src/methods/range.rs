//! Methods of `range` and `slice`.

use std::rc::Rc;

use crate::exc::{PyErr, PyResult};
use crate::func::{Args, BuiltinDef};
use crate::ops;
use crate::value::{RangeObj, Value};
use crate::vm::Vm;

use super::*;

method_table!(pub(super) RANGE_METHODS, "range", [
    "count" => range_count, "index" => range_index,
    "__reduce__" => crate::reduce::builtin_reduce,
]);

method_table!(pub(super) SLICE_METHODS, "slice", [
    "indices" => slice_indices, "__reduce__" => crate::reduce::builtin_reduce,
]);

fn recv_range<'a>(a: &Args<'a>, name: &str) -> PyResult<&'a Rc<RangeObj>> {
    match a.pos.first() {
        Some(Value::Range(r)) => Ok(r),
        other => Err(descriptor_error(name, "range", other)),
    }
}

/// The positions in `r` of the elements equal to `v`: computed for an exact
/// int or bool, else found by comparing each element (`element == v`), as
/// CPython's `_PySequence_IterSearch` does; `all` finds every one.
fn search(vm: &mut Vm, r: &RangeObj, v: &Value, all: bool) -> PyResult<Vec<Value>> {
    if let Value::Int(_) | Value::Bool(_) | Value::BigInt(_) = v {
        let found = ops::to_bigint(v).and_then(|x| r.position(&x));
        return Ok(found.map(Value::from_bigint).into_iter().collect());
    }
    let mut found = Vec::new();
    let mut it = crate::range::forward_iter(r);
    let mut i: i64 = 0;
    while let Some(Ok(Some(element))) = it.next_simple() {
        if vm.eq_values(&element, v)? {
            found.push(Value::Int(i));
            if !all {
                break;
            }
        }
        i += 1;
    }
    Ok(found)
}

/// `v in r`.
pub(crate) fn range_contains(vm: &mut Vm, r: &RangeObj, v: &Value) -> PyResult<bool> {
    Ok(!search(vm, r, v, false)?.is_empty())
}

fn range_count(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let r = recv_range(&a, "count")?;
    let v = onearg(&a, "range", "count")?;
    Ok(Value::Int(search(vm, r, v, true)?.len() as i64))
}

fn range_index(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let r = recv_range(&a, "index")?;
    let v = onearg(&a, "range", "index")?;
    match search(vm, r, v, false)?.into_iter().next() {
        Some(i) => Ok(i),
        None if matches!(v, Value::Int(_) | Value::Bool(_) | Value::BigInt(_)) => Err(
            PyErr::value_error(format!("{} is not in range", crate::repr::repr(v))),
        ),
        None => Err(PyErr::value_error("sequence.index(x): x not in sequence")),
    }
}

/// `range[slice]`: another range.
pub fn range_slice(r: &RangeObj, s: &[Value; 3]) -> PyResult<Value> {
    Ok(Value::Range(Rc::new(r.slice(s)?)))
}

fn slice_indices(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let Some(Value::Slice(s)) = a.pos.first() else {
        return Err(descriptor_error("indices", "slice", a.pos.first()));
    };
    let n = onearg(&a, "slice", "indices")?;
    let len = match n {
        Value::BigInt(b) if b.sign() == num_bigint::Sign::Plus => i64::MAX,
        Value::BigInt(_) => -1,
        other => int_arg(other)?,
    };
    if len < 0 {
        return Err(PyErr::value_error("length should not be negative"));
    }
    let (start, stop, step) = crate::protocol::slice_indices(s, len as usize)?;
    Ok(Value::tuple(vec![
        Value::Int(start),
        Value::Int(stop),
        Value::Int(step),
    ]))
}
