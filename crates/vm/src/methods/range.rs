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

/// `slice.indices(length)` on Python ints of any size
/// (`_PySlice_GetLongIndices`).
fn slice_indices(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    use num_bigint::BigInt;
    use num_traits::{Signed, Zero};
    let Some(Value::Slice(s)) = a.pos.first() else {
        return Err(descriptor_error("indices", "slice", a.pos.first()));
    };
    let n = onearg(&a, "slice", "indices")?;
    let big = |v: &Value| -> BigInt {
        match v {
            Value::BigInt(b) => (**b).clone(),
            other => BigInt::from(ops::index_of(other).unwrap_or(0)),
        }
    };
    let length = big(&crate::enumerate::index_int(vm, n)?);
    if length.is_negative() {
        return Err(PyErr::value_error("length should not be negative"));
    }
    let mut member = |v: &Value| -> PyResult<Option<BigInt>> {
        if matches!(v, Value::None) {
            return Ok(None);
        }
        match crate::enumerate::index_int(vm, v) {
            Ok(i) => Ok(Some(big(&i))),
            Err(e) if e.is(crate::types::ExcKind::TypeError) => Err(PyErr::type_error(
                "slice indices must be integers or None or have an __index__ method",
            )),
            Err(e) => Err(e),
        }
    };
    let step = member(&s[2])?.unwrap_or_else(|| BigInt::from(1));
    if step.is_zero() {
        return Err(PyErr::value_error("slice step cannot be zero"));
    }
    let backwards = step.is_negative();
    let (lower, upper) = if backwards {
        (BigInt::from(-1), &length - 1)
    } else {
        (BigInt::zero(), length.clone())
    };
    let clamp = |i: BigInt| {
        if i.is_negative() {
            let i = i + &length;
            if i < lower {
                lower.clone()
            } else {
                i
            }
        } else if i > upper {
            upper.clone()
        } else {
            i
        }
    };
    let start = match member(&s[0])? {
        Some(i) => clamp(i),
        None if backwards => upper.clone(),
        None => lower.clone(),
    };
    let stop = match member(&s[1])? {
        Some(i) => clamp(i),
        None if backwards => lower.clone(),
        None => upper.clone(),
    };
    Ok(Value::tuple(vec![
        Value::from_bigint(start),
        Value::from_bigint(stop),
        Value::from_bigint(step),
    ]))
}
