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

/// The position of `v` in `r`, for ints (and bools, which equal ints).
fn position(r: &RangeObj, v: &Value) -> Option<i64> {
    let x = match v {
        Value::Int(_) | Value::Bool(_) => ops::index_of(v)?,
        Value::Float(f) if f.fract() == 0.0 && f.abs() < 9.0e18 => *f as i64,
        _ => return None,
    };
    let off = (x as i128) - (r.start as i128);
    if off % (r.step as i128) != 0 {
        return None;
    }
    let i = off / (r.step as i128);
    (0..r.len() as i128).contains(&i).then_some(i as i64)
}

fn range_count(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let r = recv_range(&a, "count")?;
    let v = onearg(&a, "range", "count")?;
    Ok(Value::Int(i64::from(position(r, v).is_some())))
}

fn range_index(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let r = recv_range(&a, "index")?;
    let v = onearg(&a, "range", "index")?;
    position(r, v)
        .map(Value::Int)
        .ok_or_else(|| PyErr::value_error(format!("{} is not in range", crate::repr::repr(v))))
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
