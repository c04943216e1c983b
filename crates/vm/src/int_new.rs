//! `int(x=0, /, base=10)`: CPython's `long_new_impl` and, for an object that
//! is not text, `PyNumber_Long` (`__int__`, `__index__`, then the deprecated
//! `__trunc__`, then the bytes of a buffer).

use num_bigint::BigInt;

use crate::builtins::{ascii_text, parse_int};
use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::instance::payload_of;
use crate::names::D;
use crate::types::{type_name, type_of, ExcKind};
use crate::value::Value;
use crate::vm::Vm;

/// `int(...)` called on `int` itself.
pub(crate) fn construct(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    if let Some(Value::Str(k)) = a
        .kwnames
        .iter()
        .find(|k| !matches!(k, Value::Str(s) if s.as_str() == "base"))
    {
        return Err(PyErr::type_error(format!(
            "'{}' is an invalid keyword argument for int()",
            k.as_str()
        )));
    }
    if a.pos.len() > 2 {
        return Err(PyErr::type_error(format!(
            "int() takes at most 2 arguments ({} given)",
            a.pos.len()
        )));
    }
    let base = a.pos.get(1).or_else(|| a.kw("base"));
    let Some(x) = a.pos.first() else {
        return match base {
            Some(_) => Err(PyErr::type_error("int() missing string argument")),
            None => Ok(Value::Int(0)),
        };
    };
    let Some(base) = base else {
        return number_long(vm, x);
    };
    let base = base_arg(vm, base)?;
    // Subclasses of str, bytes and bytearray are parsed as their text.
    let text = payload_of(x).unwrap_or(x);
    match text {
        Value::Str(s) => parse_text(s.as_str(), base, x),
        Value::Bytes(_) | Value::ByteArray(_) => {
            parse_text(&ascii_text(&bytes_of(text)), base, text)
        }
        _ => Err(PyErr::type_error(
            "int() can't convert non-string with explicit base",
        )),
    }
}

/// The `base` argument: an index in 2..=36, or 0.
fn base_arg(vm: &mut Vm, base: &Value) -> PyResult<u32> {
    let out_of_range = || PyErr::value_error("int() base must be >= 2 and <= 36, or 0");
    let b = match base {
        Value::BigInt(_) => return Err(out_of_range()),
        other => match vm.index_value(other) {
            Ok(b) => b,
            Err(e) if e.is(ExcKind::OverflowError) => return Err(out_of_range()),
            Err(e) => return Err(e),
        },
    };
    if b != 0 && !(2..=36).contains(&b) {
        return Err(out_of_range());
    }
    Ok(b as u32)
}

/// Parses `text` in `base`; `shown` is what the error message quotes.
fn parse_text(text: &str, base: u32, shown: &Value) -> PyResult<Value> {
    crate::format::check_int_parse_digits(text, base)?;
    parse_int(text, base)
        .map(Value::from_bigint)
        .ok_or_else(|| {
            PyErr::value_error(format!(
                "invalid literal for int() with base {base}: {}",
                crate::repr::repr(&quoted(shown))
            ))
        })
}

/// The value an error message quotes: bytes for any bytes-like object, the
/// string itself for a `str` subclass.
fn quoted(v: &Value) -> Value {
    match payload_of(v).unwrap_or(v) {
        s @ Value::Str(_) => s.clone(),
        other => match crate::buffer::exported_bytes(other) {
            Some(Ok(b)) => Value::Bytes(std::rc::Rc::new(b)),
            _ => other.clone(),
        },
    }
}

fn bytes_of(v: &Value) -> Vec<u8> {
    match crate::buffer::exported_bytes(v) {
        Some(Ok(b)) => b,
        _ => Vec::new(),
    }
}

/// `PyNumber_Long(x)`.
pub(crate) fn number_long(vm: &mut Vm, x: &Value) -> PyResult<Value> {
    match x {
        Value::Int(_) | Value::BigInt(_) => return Ok(x.clone()),
        Value::Bool(b) => return Ok(Value::Int(i64::from(*b))),
        Value::Float(f) => return float_to_int(*f),
        Value::Str(s) => return parse_text(s.as_str(), 10, x),
        Value::Bytes(_) | Value::ByteArray(_) => {
            return parse_text(&ascii_text(&bytes_of(x)), 10, x)
        }
        _ => {}
    }
    let t = type_of(x);
    // `nb_int`: a Python `__int__`, else the builtin number a subclass holds.
    if let Some(f) = crate::class::special(&t, D::Int) {
        let r = vm.call_special(&f, x, &[])?;
        return exact_int(vm, r, "__int__");
    }
    if let Some(p @ (Value::Int(_) | Value::BigInt(_) | Value::Bool(_) | Value::Float(_))) =
        payload_of(x)
    {
        return number_long(vm, &p.clone());
    }
    if let Some(f) = crate::class::special(&t, D::Index) {
        let r = vm.call_special(&f, x, &[])?;
        return exact_int(vm, r, "__index__");
    }
    let trunc = vm.intern("__trunc__");
    if let Some(f) = crate::class::lookup(&t, &trunc) {
        vm.warn(
            ExcKind::DeprecationWarning,
            "The delegation of int() to __trunc__ is deprecated.",
        )?;
        let r = vm.call_special(&f, x, &[])?;
        if let Some(i) = int_value(&r) {
            return Ok(i);
        }
        let Some(index) = crate::class::special(&type_of(&r), D::Index) else {
            return Err(PyErr::type_error(format!(
                "__trunc__ returned non-Integral (type {})",
                type_name(&r)
            )));
        };
        let i = vm.call_special(&index, &r, &[])?;
        return exact_int(vm, i, "__index__");
    }
    if let Some(p @ (Value::Str(_) | Value::Bytes(_) | Value::ByteArray(_))) = payload_of(x) {
        return number_long(vm, &p.clone());
    }
    if let Some(bytes) = crate::buffer::exported_bytes(x) {
        return parse_text(&ascii_text(&bytes?), 10, x);
    }
    Err(PyErr::type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        type_name(x)
    )))
}

/// The exact `int` of an int or int-subclass value, if it is one.
fn int_value(v: &Value) -> Option<Value> {
    match v {
        Value::Int(_) | Value::BigInt(_) => Some(v.clone()),
        Value::Bool(b) => Some(Value::Int(i64::from(*b))),
        Value::Instance(_) => match payload_of(v) {
            Some(p @ (Value::Int(_) | Value::BigInt(_))) => Some(p.clone()),
            Some(Value::Bool(b)) => Some(Value::Int(i64::from(*b))),
            _ => None,
        },
        _ => None,
    }
}

/// What `__int__`/`__index__` returned, as `int()` accepts it: an exact int,
/// or an int subclass with a `DeprecationWarning`; anything else is a
/// TypeError.
fn exact_int(vm: &mut Vm, r: Value, method: &str) -> PyResult<Value> {
    if matches!(r, Value::Int(_) | Value::BigInt(_)) {
        return Ok(r);
    }
    let value = int_value(&r);
    vm.subclass_result(&format!("{method} returned non-int"), "int", &r, value)
}

/// `int(float)`: truncation toward zero.
pub(crate) fn float_to_int(f: f64) -> PyResult<Value> {
    if f.is_nan() {
        return Err(PyErr::value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(PyErr::overflow("cannot convert float infinity to integer"));
    }
    Ok(<BigInt as num_traits::FromPrimitive>::from_f64(f.trunc())
        .map_or(Value::Int(0), Value::from_bigint))
}
