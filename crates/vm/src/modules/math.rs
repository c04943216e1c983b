//! `math`: CPython's `Modules/mathmodule.c`.

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::ops::to_f64;
use crate::types::type_name;
use crate::value::Value;
use crate::vm::Vm;

use super::{module_functions, new_module};

module_functions!(MATH_FUNCTIONS, "math", [
    "sqrt" => m_sqrt, "sin" => m_sin, "cos" => m_cos, "tan" => m_tan, "asin" => m_asin,
    "acos" => m_acos, "atan" => m_atan, "atan2" => m_atan2, "exp" => m_exp, "log" => m_log,
    "log10" => m_log10, "log2" => m_log2, "floor" => m_floor, "ceil" => m_ceil, "fabs" => m_fabs,
    "pow" => m_pow, "hypot" => m_hypot, "isnan" => m_isnan, "isinf" => m_isinf,
    "isfinite" => m_isfinite, "trunc" => m_trunc, "factorial" => m_factorial, "gcd" => m_gcd,
    "degrees" => m_degrees, "radians" => m_radians, "copysign" => m_copysign,
]);

/// Builds the `math` module.
pub fn init(_vm: &mut Vm) -> Value {
    new_module(
        "math",
        MATH_FUNCTIONS,
        vec![
            ("pi", Value::Float(std::f64::consts::PI)),
            ("e", Value::Float(std::f64::consts::E)),
            ("tau", Value::Float(std::f64::consts::TAU)),
            ("inf", Value::Float(f64::INFINITY)),
            ("nan", Value::Float(f64::NAN)),
        ],
    )
}

fn float_arg(v: &Value) -> PyResult<f64> {
    to_f64(v)?
        .ok_or_else(|| PyErr::type_error(format!("must be real number, not {}", type_name(v))))
}

fn args_n<'a>(a: &Args<'a>, name: &str, n: usize) -> PyResult<&'a [Value]> {
    a.no_kw(name)?;
    if a.pos.len() != n {
        let msg = if n == 1 {
            format!(
                "math.{}() takes exactly one argument ({} given)",
                name,
                a.pos.len()
            )
        } else {
            format!("{} expected {} arguments, got {}", name, n, a.pos.len())
        };
        return Err(PyErr::type_error(msg));
    }
    Ok(a.pos)
}

fn domain() -> PyErr {
    PyErr::value_error("math domain error")
}

fn unary(a: &Args<'_>, name: &str, f: fn(f64) -> f64, valid: fn(f64) -> bool) -> PyResult<Value> {
    let x = float_arg(&args_n(a, name, 1)?[0])?;
    if !valid(x) {
        return Err(domain());
    }
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain());
    }
    if r.is_infinite() && x.is_finite() {
        return Err(PyErr::overflow("math range error"));
    }
    Ok(Value::Float(r))
}

fn any(_: f64) -> bool {
    true
}

fn m_sqrt(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    unary(&a, "sqrt", f64::sqrt, |x| x >= 0.0 || x.is_nan())
}
fn m_sin(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    unary(&a, "sin", f64::sin, |x| !x.is_infinite())
}
fn m_cos(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    unary(&a, "cos", f64::cos, |x| !x.is_infinite())
}
fn m_tan(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    unary(&a, "tan", f64::tan, |x| !x.is_infinite())
}
fn m_asin(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    unary(&a, "asin", f64::asin, |x| {
        (-1.0..=1.0).contains(&x) || x.is_nan()
    })
}
fn m_acos(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    unary(&a, "acos", f64::acos, |x| {
        (-1.0..=1.0).contains(&x) || x.is_nan()
    })
}
fn m_atan(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    unary(&a, "atan", f64::atan, any)
}
fn m_exp(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    unary(&a, "exp", f64::exp, any)
}
fn m_log10(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    unary(&a, "log10", f64::log10, |x| x > 0.0 || x.is_nan())
}
fn m_log2(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    unary(&a, "log2", f64::log2, |x| x > 0.0 || x.is_nan())
}
fn m_fabs(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    unary(&a, "fabs", f64::abs, any)
}
fn m_degrees(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    unary(&a, "degrees", f64::to_degrees, any)
}
fn m_radians(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    unary(&a, "radians", f64::to_radians, any)
}

fn m_log(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    a.no_kw("log")?;
    let x = a
        .pos
        .first()
        .ok_or_else(|| PyErr::type_error("log expected at least 1 argument, got 0"))?;
    let ln = |v: &Value| -> PyResult<f64> {
        // Big ints beyond float range still have a logarithm.
        if let Value::BigInt(b) = v {
            if b.sign() == num_bigint::Sign::Plus {
                if let Some(f) = num_traits::ToPrimitive::to_f64(&**b).filter(|f| f.is_finite()) {
                    return Ok(f.ln());
                }
                // As CPython's loghelper: frexp-style mantissa and exponent.
                let bits = b.bits();
                let shift = bits.saturating_sub(53);
                let top = num_traits::ToPrimitive::to_f64(&(&**b >> shift)).unwrap_or(1.0);
                let m = top / 2f64.powi(53.min(bits as i32));
                return Ok(m.ln() + 2f64.ln() * bits as f64);
            }
            return Err(domain());
        }
        let f = float_arg(v)?;
        if f <= 0.0 {
            return Err(domain());
        }
        Ok(f.ln())
    };
    let num = ln(x)?;
    match a.pos.get(1) {
        None => Ok(Value::Float(num)),
        Some(base) => {
            let den = ln(base)?;
            if den == 0.0 {
                return Err(PyErr::zero_division("float division by zero"));
            }
            Ok(Value::Float(num / den))
        }
    }
}

fn int_result(f: f64) -> PyResult<Value> {
    if f.is_nan() {
        return Err(PyErr::value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(PyErr::overflow("cannot convert float infinity to integer"));
    }
    Ok(
        <num_bigint::BigInt as num_traits::FromPrimitive>::from_f64(f)
            .map_or(Value::Int(0), Value::from_bigint),
    )
}

fn m_floor(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let x = &args_n(&a, "floor", 1)?[0];
    if matches!(x, Value::Int(_) | Value::BigInt(_) | Value::Bool(_)) {
        return crate::ops::unary('+', x);
    }
    int_result(float_arg(x)?.floor())
}
fn m_ceil(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let x = &args_n(&a, "ceil", 1)?[0];
    if matches!(x, Value::Int(_) | Value::BigInt(_) | Value::Bool(_)) {
        return crate::ops::unary('+', x);
    }
    int_result(float_arg(x)?.ceil())
}
fn m_trunc(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let x = &args_n(&a, "trunc", 1)?[0];
    if matches!(x, Value::Int(_) | Value::BigInt(_) | Value::Bool(_)) {
        return crate::ops::unary('+', x);
    }
    int_result(float_arg(x)?.trunc())
}

fn m_atan2(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let p = args_n(&a, "atan2", 2)?;
    Ok(Value::Float(float_arg(&p[0])?.atan2(float_arg(&p[1])?)))
}
fn m_copysign(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let p = args_n(&a, "copysign", 2)?;
    Ok(Value::Float(float_arg(&p[0])?.copysign(float_arg(&p[1])?)))
}
fn m_pow(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let p = args_n(&a, "pow", 2)?;
    let (x, y) = (float_arg(&p[0])?, float_arg(&p[1])?);
    if x == 0.0 && y < 0.0 {
        return Err(domain());
    }
    if x < 0.0 && y.fract() != 0.0 && y.is_finite() {
        return Err(domain());
    }
    let r = x.powf(y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(PyErr::overflow("math range error"));
    }
    Ok(Value::Float(r))
}
fn m_hypot(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    a.no_kw("hypot")?;
    let mut acc = 0.0f64;
    for v in a.pos {
        let f = float_arg(v)?;
        acc = acc.hypot(f);
    }
    Ok(Value::Float(acc))
}
fn m_isnan(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(Value::Bool(
        float_arg(&args_n(&a, "isnan", 1)?[0])?.is_nan(),
    ))
}
fn m_isinf(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(Value::Bool(
        float_arg(&args_n(&a, "isinf", 1)?[0])?.is_infinite(),
    ))
}
fn m_isfinite(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(Value::Bool(
        float_arg(&args_n(&a, "isfinite", 1)?[0])?.is_finite(),
    ))
}

fn m_factorial(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let x = &args_n(&a, "factorial", 1)?[0];
    let n = match x {
        Value::Int(i) => *i,
        Value::Bool(b) => i64::from(*b),
        Value::Float(_) => {
            return Err(PyErr::type_error(
                "'float' object cannot be interpreted as an integer",
            ))
        }
        other => {
            return Err(PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                type_name(other)
            )))
        }
    };
    if n < 0 {
        return Err(PyErr::value_error(
            "factorial() not defined for negative values",
        ));
    }
    if n > 100_000 {
        return Err(PyErr::overflow(
            "factorial() argument should not exceed 100000",
        ));
    }
    let mut acc = num_bigint::BigInt::from(1);
    for i in 2..=n {
        acc *= i;
    }
    Ok(Value::from_bigint(acc))
}

fn m_gcd(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    a.no_kw("gcd")?;
    let mut acc = num_bigint::BigInt::from(0);
    for v in a.pos {
        let b = crate::ops::to_bigint(v).ok_or_else(|| {
            PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                type_name(v)
            ))
        })?;
        acc = num_integer::Integer::gcd(&acc, &b);
    }
    Ok(Value::from_bigint(acc))
}
