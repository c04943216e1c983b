//! Methods of `float`.

use num_bigint::BigInt;
use num_traits::{One, Zero};

use crate::exc::{PyErr, PyResult};
use crate::func::{Args, BuiltinDef};
use crate::value::Value;
use crate::vm::Vm;

use super::*;

method_table!(pub(super) FLOAT_METHODS, "float", [
    "__getnewargs__" => crate::reduce::getnewargs, "__getformat__" => float_getformat,
    "as_integer_ratio" => float_as_integer_ratio, "conjugate" => float_conjugate,
    "fromhex" => float_fromhex, "hex" => float_hex, "is_integer" => float_is_integer,
    "__trunc__" => float_trunc, "__floor__" => float_floor, "__ceil__" => float_ceil,
    "__round__" => float_round,
]);

/// `float.__round__(ndigits=None, /)`.
fn float_round(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    recv_float(&a, "__round__")?;
    round_method(&a, "float")
}

fn float_trunc(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    rounded(&a, "__trunc__", f64::trunc)
}

fn float_floor(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    rounded(&a, "__floor__", f64::floor)
}

fn float_ceil(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    rounded(&a, "__ceil__", f64::ceil)
}

/// The receiver rounded by `round` as an `int` (NaN and infinities refused).
fn rounded(a: &Args<'_>, name: &str, round: fn(f64) -> f64) -> PyResult<Value> {
    let f = recv_float(a, name)?;
    noargs(a, "float", name)?;
    crate::int_new::float_to_int(round(f))
}

fn recv_float(a: &Args<'_>, name: &str) -> PyResult<f64> {
    match a.pos.first() {
        Some(Value::Float(f)) => Ok(*f),
        other => Err(descriptor_error(name, "float", other)),
    }
}

fn float_is_integer(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let f = recv_float(&a, "is_integer")?;
    noargs(&a, "float", "is_integer")?;
    Ok(Value::Bool(f.is_finite() && f.fract() == 0.0))
}

fn float_conjugate(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let f = recv_float(&a, "conjugate")?;
    noargs(&a, "float", "conjugate")?;
    Ok(Value::Float(f))
}

/// Mantissa and exponent with `x == m * 2**e`, `m` an integer.
fn decompose(x: f64) -> (i64, i32) {
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    let frac = (bits & ((1 << 52) - 1)) as i64;
    let (m, e) = if exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1 << 52), exp - 1075)
    };
    (if x < 0.0 { -m } else { m }, e)
}

fn float_as_integer_ratio(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let x = recv_float(&a, "as_integer_ratio")?;
    noargs(&a, "float", "as_integer_ratio")?;
    if x.is_nan() {
        return Err(PyErr::value_error("cannot convert NaN to integer ratio"));
    }
    if x.is_infinite() {
        return Err(PyErr::overflow("cannot convert Infinity to integer ratio"));
    }
    let (mut m, mut e) = decompose(x);
    if m == 0 {
        return Ok(Value::tuple(vec![Value::Int(0), Value::Int(1)]));
    }
    while m % 2 == 0 && e < 0 {
        m /= 2;
        e += 1;
    }
    let (num, den) = if e >= 0 {
        (BigInt::from(m) << e as usize, BigInt::one())
    } else {
        (BigInt::from(m), BigInt::one() << (-e) as usize)
    };
    Ok(Value::tuple(vec![
        Value::from_bigint(num),
        Value::from_bigint(den),
    ]))
}

fn float_hex(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let x = recv_float(&a, "hex")?;
    noargs(&a, "float", "hex")?;
    if x.is_nan() {
        return Ok(Value::str("nan"));
    }
    if x.is_infinite() {
        return Ok(Value::str(if x < 0.0 { "-inf" } else { "inf" }));
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return Ok(Value::string(format!("{sign}0x0.0p+0")));
    }
    let bits = x.abs().to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1 << 52) - 1);
    let (lead, e) = if exp == 0 {
        (0, -1022)
    } else {
        (1, exp - 1023)
    };
    Ok(Value::string(format!("{sign}0x{lead}.{frac:013x}p{e:+}")))
}

/// `float.__getformat__(typestr)`: the layout of C's `double` and `float`,
/// both IEEE 754 little-endian on every target Pith builds for.
fn float_getformat(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (_, a) = super::split_class(&a);
    match a.pos {
        [Value::Str(s)] if matches!(s.as_str(), "double" | "float") => {
            Ok(Value::str(if cfg!(target_endian = "little") {
                "IEEE, little-endian"
            } else {
                "IEEE, big-endian"
            }))
        }
        [Value::Str(_)] => Err(PyErr::value_error(
            "__getformat__() argument 1 must be 'double' or 'float'",
        )),
        [other] => Err(PyErr::type_error(format!(
            "__getformat__() argument must be str, not {}",
            crate::types::type_name(other)
        ))),
        _ => Err(PyErr::type_error(format!(
            "float.__getformat__() takes exactly one argument ({} given)",
            a.pos.len()
        ))),
    }
}

fn float_fromhex(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (cls, a) = super::split_class(&a);
    let s = match a.pos {
        [Value::Str(s)] => s.as_str(),
        [_] => {
            return Err(PyErr::type_error(
                "bad argument type for built-in operation",
            ))
        }
        _ => {
            return Err(PyErr::type_error(format!(
                "float.fromhex() takes exactly one argument ({} given)",
                a.pos.len()
            )))
        }
    };
    let f = parse_hex_float(s)?;
    super::for_class(vm, cls, Value::Float(f))
}

fn parse_hex_float(text: &str) -> PyResult<f64> {
    let invalid = || PyErr::value_error("invalid hexadecimal floating-point string");
    let t = text.trim_matches(super::chars::is_space);
    let (neg, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = body.to_ascii_lowercase();
    let sign = if neg { -1.0 } else { 1.0 };
    match lower.as_str() {
        "inf" | "infinity" => return Ok(sign * f64::INFINITY),
        "nan" => return Ok(f64::NAN),
        _ => {}
    }
    let body = lower.strip_prefix("0x").unwrap_or(&lower);
    let (mant, exp) = match body.split_once('p') {
        Some((m, e)) => {
            let (neg_exp, digits) = match e.as_bytes().first() {
                Some(b'-') => (true, &e[1..]),
                Some(b'+') => (false, &e[1..]),
                _ => (false, e),
            };
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return Err(invalid());
            }
            // An exponent past i64 saturates: the value over- or underflows anyway.
            let e = digits.parse::<i64>().unwrap_or(i64::MAX / 2);
            (m, if neg_exp { -e } else { e })
        }
        None => (body, 0),
    };
    let (ip, fp) = mant.split_once('.').unwrap_or((mant, ""));
    if ip.is_empty() && fp.is_empty() {
        return Err(invalid());
    }
    let mut digits: Vec<u32> = Vec::with_capacity(ip.len() + fp.len());
    for c in ip.chars().chain(fp.chars()) {
        digits.push(c.to_digit(16).ok_or_else(invalid)?);
    }
    // value = digits * 2**(exp - 4 * len(fp)), rounded to nearest even.
    let mut n = BigInt::zero();
    for d in &digits {
        n = (n << 4usize) + BigInt::from(*d);
    }
    let e2 = exp.saturating_sub(4 * fp.len() as i64);
    if n.is_zero() {
        return Ok(sign * 0.0);
    }
    let bits = n.bits() as i64;
    // The exponent of the leading bit.
    let top = bits - 1 + e2;
    if top > 1023 {
        return Err(PyErr::overflow(
            "hexadecimal value too large to represent as a float",
        ));
    }
    // Below half the smallest subnormal (2**-1075): rounds to zero.
    if top < -1075 {
        return Ok(sign * 0.0);
    }
    // Keep 53 significant bits (fewer for subnormals), rounding half to even.
    let lowest = (top - 52).max(-1074);
    let shift = lowest - e2;
    let m = if shift > 0 {
        let sh = shift as usize;
        let q: BigInt = &n >> sh;
        let rem: BigInt = &n - (&q << sh);
        let half = BigInt::one() << (sh - 1);
        if rem > half || (rem == half && (&q & BigInt::one()) == BigInt::one()) {
            q + 1
        } else {
            q
        }
    } else {
        n << (-shift) as usize
    };
    let mf = num_traits::ToPrimitive::to_f64(&m).unwrap_or(f64::INFINITY);
    let v = mf * 2f64.powi(lowest as i32);
    let v = if lowest < -1022 {
        // Scale in two steps so the subnormal result is exact.
        mf * 2f64.powi(-1022) * 2f64.powi((lowest + 1022) as i32)
    } else {
        v
    };
    if v.is_infinite() {
        return Err(PyErr::overflow(
            "hexadecimal value too large to represent as a float",
        ));
    }
    Ok(sign * v)
}
