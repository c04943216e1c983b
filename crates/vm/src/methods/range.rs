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

/// The position of the int `x` in `r`, computed.
fn int_position(r: &RangeObj, x: i64) -> Option<i64> {
    let off = (x as i128) - (r.start as i128);
    if off % (r.step as i128) != 0 {
        return None;
    }
    let i = off / (r.step as i128);
    (0..r.len() as i128).contains(&i).then_some(i as i64)
}

/// The positions in `r` of the elements equal to `v`: computed for an exact
/// int or bool, else found by comparing each element (`element == v`), as
/// CPython's `_PySequence_IterSearch` does; `all` finds every one.
fn search(vm: &mut Vm, r: &RangeObj, v: &Value, all: bool) -> PyResult<Vec<i64>> {
    if let Value::Int(_) | Value::Bool(_) | Value::BigInt(_) = v {
        // A big int is beyond every bound a range holds.
        let found = match v {
            Value::BigInt(_) => None,
            _ => ops::index_of(v).and_then(|x| int_position(r, x)),
        };
        return Ok(found.into_iter().collect());
    }
    let mut found = Vec::new();
    for i in 0..r.len() {
        let element = Value::Int(r.start + i * r.step);
        if vm.eq_values(&element, v)? {
            found.push(i);
            if !all {
                break;
            }
        }
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
    match search(vm, r, v, false)?.first() {
        Some(&i) => Ok(Value::Int(i)),
        None if matches!(v, Value::Int(_) | Value::Bool(_) | Value::BigInt(_)) => Err(
            PyErr::value_error(format!("{} is not in range", crate::repr::repr(v))),
        ),
        None => Err(PyErr::value_error("sequence.index(x): x not in sequence")),
    }
}

/// `range[slice]`: another range.
pub fn range_slice(r: &RangeObj, s: &[Value; 3]) -> PyResult<Value> {
    let len = r.len();
    let (start, stop, step) = crate::protocol::slice_indices(s, len.max(0) as usize)?;
    let new_step = r
        .step
        .checked_mul(step)
        .ok_or_else(|| PyErr::overflow("range too large"))?;
    let at = |i: i64| r.start.saturating_add(i.saturating_mul(r.step));
    Ok(Value::Range(Rc::new(RangeObj {
        start: at(start),
        stop: at(stop),
        step: new_step,
    })))
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
