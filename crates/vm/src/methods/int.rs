//! Methods of `int` (and `bool`).

use std::rc::Rc;

use num_bigint::{BigInt, Sign};
use num_traits::{Signed, Zero};

use crate::exc::{PyErr, PyResult};
use crate::func::{Args, BuiltinDef};
use crate::ops;
use crate::types::type_name;
use crate::value::Value;
use crate::vm::Vm;

use super::*;

method_table!(pub(super) INT_METHODS, "int", [
    "__getnewargs__" => crate::reduce::getnewargs,
    "as_integer_ratio" => int_as_integer_ratio, "bit_count" => int_bit_count,
    "bit_length" => int_bit_length, "conjugate" => int_conjugate, "from_bytes" => int_from_bytes,
    "to_bytes" => int_to_bytes, "__index__" => int_index, "__int__" => int_int,
    "__trunc__" => int_trunc, "__floor__" => int_floor, "__ceil__" => int_ceil,
    "__round__" => int_round,
]);

/// `int.__round__(ndigits=<none>, /)`.
fn int_round(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    recv_int(&a, "__round__")?;
    // `int___round___impl` reads `ndigits` as an index: unlike
    // `float.__round__` (and `round()`, which drops it), None is refused.
    if let Some(nd @ Value::None) = a.pos.get(1) {
        return Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            crate::types::type_name(nd)
        )));
    }
    round_method(&a, "int")
}

fn recv_int(a: &Args<'_>, name: &str) -> PyResult<BigInt> {
    match a.pos.first() {
        Some(v @ (Value::Int(_) | Value::BigInt(_) | Value::Bool(_))) => {
            Ok(ops::to_bigint(v).unwrap_or_default())
        }
        other => Err(descriptor_error(name, "int", other)),
    }
}

fn int_bit_length(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let n = recv_int(&a, "bit_length")?;
    noargs(&a, "int", "bit_length")?;
    Ok(Value::Int(n.bits() as i64))
}

fn int_bit_count(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let n = recv_int(&a, "bit_count")?;
    noargs(&a, "int", "bit_count")?;
    let ones: u64 = n
        .magnitude()
        .iter_u64_digits()
        .map(|d| u64::from(d.count_ones()))
        .sum();
    Ok(Value::Int(ones as i64))
}

fn int_conjugate(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let n = recv_int(&a, "conjugate")?;
    noargs(&a, "int", "conjugate")?;
    Ok(Value::from_bigint(n))
}

fn int_index(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    exact_self(&a, "__index__")
}

fn int_int(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    exact_self(&a, "__int__")
}

fn int_trunc(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    exact_self(&a, "__trunc__")
}

fn int_floor(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    exact_self(&a, "__floor__")
}

fn int_ceil(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    exact_self(&a, "__ceil__")
}

/// The receiver as an exact `int` (what `int`'s rounding and conversion
/// methods return).
fn exact_self(a: &Args<'_>, name: &str) -> PyResult<Value> {
    noargs(a, "int", name)?;
    recv_int(a, name).map(Value::from_bigint)
}

fn int_as_integer_ratio(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let n = recv_int(&a, "as_integer_ratio")?;
    noargs(&a, "int", "as_integer_ratio")?;
    Ok(Value::tuple(vec![Value::from_bigint(n), Value::Int(1)]))
}

fn byteorder(v: Option<&Value>, fname: &str) -> PyResult<bool> {
    // A str subclass's instance names the order too (gh-98783).
    let v = v.map(|v| match crate::instance::payload_of(v) {
        Some(p @ Value::Str(_)) => p,
        _ => v,
    });
    match v {
        None => Ok(true),
        Some(Value::Str(s)) => match s.as_str() {
            "big" => Ok(true),
            "little" => Ok(false),
            _ => Err(PyErr::value_error(
                "byteorder must be either 'little' or 'big'",
            )),
        },
        Some(other) => Err(PyErr::type_error(format!(
            "{fname}() argument 'byteorder' must be str, not {}",
            type_name(other)
        ))),
    }
}

fn int_to_bytes(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let n = recv_int(&a, "to_bytes")?;
    let [length, order, signed] = bind(&a, "to_bytes", ["length", "byteorder", "signed"], 0)?;
    if a.pos.len() > 3 {
        return Err(PyErr::type_error(format!(
            "to_bytes() takes at most 2 positional arguments ({} given)",
            a.pos.len() - 1
        )));
    }
    let length = match length {
        Some(v) => int_arg(vm, v)?,
        None => 1,
    };
    let big = byteorder(order, "to_bytes")?;
    if length < 0 {
        return Err(PyErr::value_error("length argument must be non-negative"));
    }
    let signed = signed.is_some_and(ops::truthy);
    if n.is_negative() && !signed {
        return Err(PyErr::overflow("can't convert negative int to unsigned"));
    }
    let mut bytes = if signed {
        n.to_signed_bytes_le()
    } else {
        n.magnitude().to_bytes_le()
    };
    if n.is_zero() {
        bytes.clear();
    }
    if length > 1 << 31 {
        return Err(PyErr::with_args(crate::types::ExcKind::MemoryError, vec![]));
    }
    let length = length as usize;
    if bytes.len() > length {
        return Err(PyErr::overflow("int too big to convert"));
    }
    let fill = if n.is_negative() { 0xff } else { 0 };
    bytes.resize(length, fill);
    if big {
        bytes.reverse();
    }
    Ok(Value::Bytes(Rc::new(bytes)))
}

fn int_from_bytes(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (cls, a) = super::split_class(&a);
    // Bound like a method, after a placeholder receiver.
    let mut all = vec![Value::None];
    all.extend(a.pos.iter().cloned());
    let b = Args {
        pos: &all,
        kwnames: a.kwnames,
        kwvals: a.kwvals,
    };
    let [bytes, order, signed] = bind(&b, "from_bytes", ["bytes", "byteorder", "signed"], 1)?;
    let data: Vec<u8> = match bytes {
        Some(v) => crate::bytes_new::object_bytes(vm, v)?,
        None => Vec::new(),
    };
    let big = byteorder(order, "from_bytes")?;
    let signed = signed.is_some_and(ops::truthy);
    let n = match (big, signed) {
        (true, true) => BigInt::from_signed_bytes_be(&data),
        (false, true) => BigInt::from_signed_bytes_le(&data),
        (true, false) => BigInt::from_bytes_be(Sign::Plus, &data),
        (false, false) => BigInt::from_bytes_le(Sign::Plus, &data),
    };
    if cls.is_some_and(|c| c.kind == crate::types::TypeKind::Bool) {
        return Ok(Value::Bool(!n.is_zero()));
    }
    super::for_class(vm, cls, Value::from_bigint(n))
}
