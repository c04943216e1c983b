//! `math`: CPython's `Modules/mathmodule.c`.
//!
//! Float functions follow `math_1`'s error rules: a NaN result from a non-NaN
//! argument is "math domain error" (ValueError); an infinite result from a
//! finite argument is "math range error" (OverflowError) where the function can
//! overflow, else a domain error. `gamma`/`lgamma` are CPython's own Lanczos
//! implementation (so results match bit for bit); `erf`/`erfc` come from the
//! `libm` crate, a port of the same fdlibm code the C library uses.

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::ops::{nb, to_f64};
use crate::types::type_name;
use crate::value::Value;
use crate::vm::Vm;

use super::{module_functions, new_module};

module_functions!(MATH_FUNCTIONS, "math", [
    "acos" => w_acos, "acosh" => w_acosh, "asin" => w_asin, "asinh" => w_asinh,
    "atan" => w_atan, "atan2" => w_atan2, "atanh" => w_atanh, "cbrt" => w_cbrt,
    "ceil" => r_ceil, "comb" => w_comb, "copysign" => w_copysign, "cos" => w_cos,
    "cosh" => w_cosh, "degrees" => w_degrees, "dist" => m_dist, "erf" => w_erf,
    "erfc" => w_erfc, "exp" => w_exp, "exp2" => w_exp2, "expm1" => w_expm1,
    "fabs" => w_fabs, "factorial" => w_factorial, "floor" => r_floor, "fmod" => w_fmod,
    "frexp" => w_frexp, "fsum" => m_fsum, "gamma" => w_gamma, "gcd" => w_gcd,
    "hypot" => w_hypot, "isclose" => w_isclose, "isfinite" => w_isfinite,
    "isinf" => w_isinf, "isnan" => w_isnan, "isqrt" => w_isqrt, "lcm" => w_lcm,
    "ldexp" => w_ldexp, "lgamma" => w_lgamma, "log" => w_log, "log10" => w_log10,
    "log1p" => w_log1p, "log2" => w_log2, "modf" => w_modf, "nextafter" => w_nextafter,
    "perm" => w_perm, "pow" => w_pow, "prod" => m_prod, "radians" => w_radians,
    "remainder" => w_remainder, "sin" => w_sin, "sinh" => w_sinh, "sqrt" => w_sqrt,
    "tan" => w_tan, "tanh" => w_tanh, "trunc" => r_trunc, "ulp" => w_ulp,
]);

/// Builds the `math` module.
pub fn init(_vm: &mut Vm) -> Value {
    new_module(
        "math",
        MATH_FUNCTIONS,
        vec![
            ("e", Value::Float(std::f64::consts::E)),
            ("inf", Value::Float(f64::INFINITY)),
            ("nan", Value::Float(f64::NAN)),
            ("pi", Value::Float(std::f64::consts::PI)),
            ("tau", Value::Float(std::f64::consts::TAU)),
        ],
    )
}

/// The largest result, in bits, that `factorial`, `comb` and `perm` compute;
/// past it they raise OverflowError instead of running for minutes (CPython
/// would compute, then likely run out of memory).
const MAX_RESULT_BITS: u64 = 1 << 24;

// ---- objects standing for numbers ----

/// What an argument that is an instance of a Python class converts to.
#[derive(Clone, Copy)]
enum Want {
    /// A real number: `__float__`, else `__index__` (`PyFloat_AsDouble`).
    Float,
    /// An integer: `__index__` only (`PyNumber_Index`).
    Index,
}

/// The positional arguments with each instance replaced by the number it
/// converts to (`None` when there is no instance: the common case costs a scan).
/// An instance without the method is left as it is, for the function's own error.
fn converted(vm: &mut Vm, pos: &[Value], want: Want) -> PyResult<Option<Vec<Value>>> {
    if !pos.iter().any(|v| matches!(v, Value::Instance(_))) {
        return Ok(None);
    }
    let mut out = Vec::with_capacity(pos.len());
    for v in pos {
        // CPython converts left to right and stops at the first argument
        // that is no number: a later `__float__` must not run.
        if out.last().is_some_and(|p| !is_number(p)) {
            out.push(v.clone());
            continue;
        }
        out.push(match (v, want) {
            // `PyFloat_AsDouble`: a float subclass is its value, whatever
            // its `__float__` says.
            (Value::Instance(i), Want::Float) if matches!(i.payload(), Some(Value::Float(_))) => {
                i.payload.clone()
            }
            (Value::Instance(_), Want::Float) => {
                let r = vm.convert_arg(crate::types::TypeKind::Float, v)?;
                match r {
                    Some(f @ Value::Float(_)) => f,
                    Some(i) if is_int(&i) => i,
                    Some(other) => {
                        return Err(PyErr::type_error(format!(
                            "{}.__float__ returned non-float (type {})",
                            type_name(v),
                            type_name(&other)
                        )))
                    }
                    None => v.clone(),
                }
            }
            (Value::Instance(_), Want::Index) => match vm.call_named_special(v, "__index__")? {
                Some(i) if is_int(&i) => i,
                Some(other) => {
                    return Err(PyErr::type_error(format!(
                        "__index__ returned non-int (type {})",
                        type_name(&other)
                    )))
                }
                None => crate::instance::payload_of(v)
                    .filter(|p| is_int(p))
                    .cloned()
                    .unwrap_or_else(|| v.clone()),
            },
            _ => v.clone(),
        });
    }
    Ok(Some(out))
}

/// Whether `v` is a plain number (what a conversion gives).
fn is_number(v: &Value) -> bool {
    matches!(
        v,
        Value::Int(_) | Value::Bool(_) | Value::Float(_) | Value::BigInt(_)
    )
}

/// `f` called with the instance arguments of `a` converted as `want` says.
fn call_converted(vm: &mut Vm, a: Args<'_>, want: Want, f: NativeFn) -> PyResult<Value> {
    match converted(vm, a.pos, want)? {
        None => f(vm, a),
        Some(pos) => f(
            vm,
            Args {
                pos: &pos,
                kwnames: a.kwnames,
                kwvals: a.kwvals,
            },
        ),
    }
}

/// Defines `$wrapper`: `$f` called with instance arguments converted as `$want` says.
macro_rules! with_numbers {
    ($( $wrapper:ident => $f:ident, $want:expr; )*) => {
        $(
            fn $wrapper(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
                call_converted(vm, a, $want, $f)
            }
        )*
    };
}

with_numbers!(
    w_acos => m_acos, Want::Float;
    w_acosh => m_acosh, Want::Float;
    w_asin => m_asin, Want::Float;
    w_asinh => m_asinh, Want::Float;
    w_atan => m_atan, Want::Float;
    w_atan2 => m_atan2, Want::Float;
    w_atanh => m_atanh, Want::Float;
    w_cbrt => m_cbrt, Want::Float;
    w_copysign => m_copysign, Want::Float;
    w_cos => m_cos, Want::Float;
    w_cosh => m_cosh, Want::Float;
    w_degrees => m_degrees, Want::Float;
    w_erf => m_erf, Want::Float;
    w_erfc => m_erfc, Want::Float;
    w_exp => m_exp, Want::Float;
    w_exp2 => m_exp2, Want::Float;
    w_expm1 => m_expm1, Want::Float;
    w_fabs => m_fabs, Want::Float;
    w_fmod => m_fmod, Want::Float;
    w_frexp => m_frexp, Want::Float;
    w_gamma => m_gamma, Want::Float;
    w_hypot => m_hypot, Want::Float;
    w_isclose => m_isclose, Want::Float;
    w_isfinite => m_isfinite, Want::Float;
    w_isinf => m_isinf, Want::Float;
    w_isnan => m_isnan, Want::Float;
    w_ldexp => m_ldexp, Want::Float;
    w_lgamma => m_lgamma, Want::Float;
    w_log => m_log, Want::Float;
    w_log10 => m_log10, Want::Float;
    w_log1p => m_log1p, Want::Float;
    w_log2 => m_log2, Want::Float;
    w_modf => m_modf, Want::Float;
    w_nextafter => m_nextafter, Want::Float;
    w_pow => m_pow, Want::Float;
    w_radians => m_radians, Want::Float;
    w_remainder => m_remainder, Want::Float;
    w_sin => m_sin, Want::Float;
    w_sinh => m_sinh, Want::Float;
    w_sqrt => m_sqrt, Want::Float;
    w_tan => m_tan, Want::Float;
    w_tanh => m_tanh, Want::Float;
    w_ulp => m_ulp, Want::Float;
    w_comb => m_comb, Want::Index;
    w_factorial => m_factorial, Want::Index;
    w_gcd => m_gcd, Want::Index;
    w_isqrt => m_isqrt, Want::Index;
    w_lcm => m_lcm, Want::Index;
    w_perm => m_perm, Want::Index;
);

/// `math.floor`, `ceil` and `trunc` of an instance: its `__floor__` (`__ceil__`,
/// `__trunc__`) and
/// whatever that returns; without one, floor and ceil convert with `__float__`.
fn rounding(vm: &mut Vm, a: Args<'_>, name: &str, f: NativeFn) -> PyResult<Value> {
    if let [x @ Value::Instance(_)] = a.pos {
        if a.kwnames.is_empty() {
            if let Some(r) = vm.call_named_special(x, &format!("__{name}__"))? {
                return Ok(r);
            }
            if name == "trunc" {
                return Err(PyErr::type_error(format!(
                    "type {} doesn't define __trunc__ method",
                    type_name(x)
                )));
            }
        }
    }
    call_converted(vm, a, Want::Float, f)
}

type NativeFn = fn(&mut Vm, Args<'_>) -> PyResult<Value>;

fn r_floor(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    rounding(vm, a, "floor", m_floor)
}

fn r_ceil(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    rounding(vm, a, "ceil", m_ceil)
}

fn r_trunc(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    rounding(vm, a, "trunc", m_trunc)
}

// ---- argument helpers ----

fn float_arg(v: &Value) -> PyResult<f64> {
    to_f64(v)?
        .ok_or_else(|| PyErr::type_error(format!("must be real number, not {}", type_name(v))))
}

fn not_integer(v: &Value) -> PyErr {
    PyErr::type_error(format!(
        "'{}' object cannot be interpreted as an integer",
        type_name(v)
    ))
}

fn int_arg(v: &Value) -> PyResult<BigInt> {
    crate::ops::to_bigint(v).ok_or_else(|| not_integer(v))
}

/// One positional argument, with `math_1`'s messages.
fn one<'a>(a: &Args<'a>, name: &str) -> PyResult<&'a Value> {
    a.no_kw_lazy(|| format!("math.{name}"))?;
    match a.pos {
        [x] => Ok(x),
        _ => Err(PyErr::type_error(format!(
            "math.{}() takes exactly one argument ({} given)",
            name,
            a.pos.len()
        ))),
    }
}

/// Exactly `n` positional arguments (Argument Clinic's "NAME expected N arguments").
fn exactly<'a>(a: &Args<'a>, name: &str, n: usize) -> PyResult<&'a [Value]> {
    a.no_kw_lazy(|| format!("math.{name}"))?;
    if a.pos.len() != n {
        return Err(PyErr::type_error(format!(
            "{} expected {} arguments, got {}",
            name,
            n,
            a.pos.len()
        )));
    }
    Ok(a.pos)
}

fn domain() -> PyErr {
    PyErr::value_error("math domain error")
}

fn range() -> PyErr {
    PyErr::overflow("math range error")
}

/// `math_1`: applies `f` and turns special results into CPython's errors.
fn math_1(a: &Args<'_>, name: &str, f: fn(f64) -> f64, can_overflow: bool) -> PyResult<Value> {
    let x = float_arg(one(a, name)?)?;
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain());
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow { range() } else { domain() });
    }
    Ok(Value::Float(r))
}

macro_rules! float_functions {
    ($( $fname:ident, $pyname:literal, $f:expr, $overflow:literal; )*) => {
        $(
            fn $fname(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
                math_1(&a, $pyname, $f, $overflow)
            }
        )*
    };
}

float_functions! {
    m_acos, "acos", f64::acos, false;
    m_acosh, "acosh", super::libm_raw::acosh, false;
    m_asin, "asin", f64::asin, false;
    m_asinh, "asinh", super::libm_raw::asinh, false;
    m_atan, "atan", f64::atan, false;
    m_atanh, "atanh", atanh, false;
    m_cbrt, "cbrt", super::libm_raw::cbrt, false;
    m_cos, "cos", f64::cos, false;
    m_cosh, "cosh", f64::cosh, true;
    m_erf, "erf", super::libm_raw::erf, false;
    m_erfc, "erfc", super::libm_raw::erfc, false;
    m_exp, "exp", f64::exp, true;
    m_exp2, "exp2", f64::exp2, true;
    m_expm1, "expm1", f64::exp_m1, true;
    m_fabs, "fabs", f64::abs, false;
    m_log1p, "log1p", log1p, false;
    m_sin, "sin", f64::sin, false;
    m_sinh, "sinh", f64::sinh, true;
    m_sqrt, "sqrt", sqrt, false;
    m_tan, "tan", f64::tan, false;
    m_tanh, "tanh", f64::tanh, false;
    m_degrees, "degrees", degrees, true;
    m_radians, "radians", radians, false;
}

// Rust's f64 methods return inf/-inf at the poles where C's return a NaN-or-inf
// with errno set; these keep the C special values that `math_1` inspects.
fn atanh(x: f64) -> f64 {
    if x.abs() >= 1.0 && x.is_finite() {
        if x.abs() == 1.0 {
            return f64::INFINITY.copysign(x);
        }
        return f64::NAN;
    }
    libm::atanh(x)
}

fn log1p(x: f64) -> f64 {
    if x <= -1.0 {
        return if x == -1.0 {
            f64::NEG_INFINITY
        } else {
            f64::NAN
        };
    }
    x.ln_1p()
}

fn sqrt(x: f64) -> f64 {
    x.sqrt()
}

fn degrees(x: f64) -> f64 {
    x * (180.0 / std::f64::consts::PI)
}

fn radians(x: f64) -> f64 {
    x * (std::f64::consts::PI / 180.0)
}

fn m_gamma(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let x = float_arg(one(&a, "gamma")?)?;
    gamma::tgamma(x).map(Value::Float)
}

fn m_lgamma(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let x = float_arg(one(&a, "lgamma")?)?;
    gamma::lgamma(x).map(Value::Float)
}

fn m_isnan(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(Value::Bool(float_arg(one(&a, "isnan")?)?.is_nan()))
}

fn m_isinf(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(Value::Bool(float_arg(one(&a, "isinf")?)?.is_infinite()))
}

fn m_isfinite(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(Value::Bool(float_arg(one(&a, "isfinite")?)?.is_finite()))
}

// ---- logarithms (ints of any size have one) ----

/// `loghelper`: `f(x)` for an int or float `x`, big ints via `x = m * 2**e`.
fn loghelper(v: &Value, f: fn(f64) -> f64) -> PyResult<f64> {
    if let Value::BigInt(b) = v {
        if b.sign() != Sign::Plus {
            return Err(domain());
        }
        if let Some(x) = b.to_f64().filter(|x| x.is_finite()) {
            return Ok(f(x));
        }
        // frexp-style: keep the top 64 bits as the mantissa in [0.5, 1).
        let bits = b.bits();
        let shift = bits - 64;
        let top = (&**b >> shift).to_f64().unwrap_or(1.0);
        let m = top / 2f64.powi(64);
        return Ok(f(m) + (bits as f64) * f(2.0));
    }
    let x = float_arg(v)?;
    if x.is_nan() {
        return Ok(x);
    }
    if x <= 0.0 {
        return Err(domain());
    }
    if x.is_infinite() {
        return Ok(x);
    }
    Ok(f(x))
}

fn m_log(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    a.no_kw("math.log")?;
    if a.pos.is_empty() || a.pos.len() > 2 {
        return Err(PyErr::type_error("math.log requires 1 to 2 arguments"));
    }
    let num = loghelper(&a.pos[0], f64::ln)?;
    match a.pos.get(1) {
        None => Ok(Value::Float(num)),
        Some(base) => {
            let den = loghelper(base, f64::ln)?;
            if den == 0.0 {
                return Err(PyErr::zero_division("float division by zero"));
            }
            Ok(Value::Float(num / den))
        }
    }
}

fn m_log2(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(Value::Float(loghelper(one(&a, "log2")?, f64::log2)?))
}

fn m_log10(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(Value::Float(loghelper(one(&a, "log10")?, f64::log10)?))
}

// ---- rounding ----

fn float_to_int(f: f64) -> PyResult<Value> {
    if f.is_nan() {
        return Err(PyErr::value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(PyErr::overflow("cannot convert float infinity to integer"));
    }
    if f.abs() < 9.0e18 {
        return Ok(Value::Int(f as i64));
    }
    Ok(
        <BigInt as num_traits::FromPrimitive>::from_f64(f)
            .map_or(Value::Int(0), Value::from_bigint),
    )
}

fn is_int(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::BigInt(_) | Value::Bool(_))
}

fn m_floor(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let x = one(&a, "floor")?;
    if is_int(x) {
        return crate::ops::unary('+', x);
    }
    float_to_int(float_arg(x)?.floor())
}

fn m_ceil(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let x = one(&a, "ceil")?;
    if is_int(x) {
        return crate::ops::unary('+', x);
    }
    float_to_int(float_arg(x)?.ceil())
}

fn m_trunc(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let x = one(&a, "trunc")?;
    match x {
        _ if is_int(x) => crate::ops::unary('+', x),
        Value::Float(f) => float_to_int(f.trunc()),
        other => Err(PyErr::type_error(format!(
            "type {} doesn't define __trunc__ method",
            type_name(other)
        ))),
    }
}

// ---- two-argument float functions ----

fn two_floats(a: &Args<'_>, name: &str) -> PyResult<(f64, f64)> {
    let p = exactly(a, name, 2)?;
    Ok((float_arg(&p[0])?, float_arg(&p[1])?))
}

fn m_atan2(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (y, x) = two_floats(&a, "atan2")?;
    Ok(Value::Float(y.atan2(x)))
}

fn m_copysign(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (x, y) = two_floats(&a, "copysign")?;
    Ok(Value::Float(x.copysign(y)))
}

fn m_fmod(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (x, y) = two_floats(&a, "fmod")?;
    if y.is_infinite() && x.is_finite() {
        return Ok(Value::Float(x));
    }
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain());
    }
    Ok(Value::Float(r))
}

fn m_remainder(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (x, y) = two_floats(&a, "remainder")?;
    if x.is_nan() {
        return Ok(Value::Float(x));
    }
    if y.is_nan() {
        return Ok(Value::Float(y));
    }
    if x.is_infinite() || y == 0.0 {
        return Err(domain());
    }
    if y.is_infinite() {
        return Ok(Value::Float(x));
    }
    let (ax, ay) = (x.abs(), y.abs());
    let m = ax % ay;
    // Compare m with ay - m rather than with ay / 2, which may be inexact.
    let c = ay - m;
    let r = if m < c {
        m
    } else if m > c {
        -c
    } else {
        // Exactly halfway: round to the even multiple.
        m - 2.0 * ((0.5 * (ax - m)) % ay)
    };
    Ok(Value::Float(1f64.copysign(x) * r))
}

fn m_pow(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (x, y) = two_floats(&a, "pow")?;
    let r = if !x.is_finite() || !y.is_finite() {
        if x.is_nan() {
            if y == 0.0 {
                1.0
            } else {
                x
            }
        } else if y.is_nan() {
            if x == 1.0 {
                1.0
            } else {
                y
            }
        } else if x.is_infinite() {
            let odd_y = y.is_finite() && y % 2.0 != 0.0 && y.fract() == 0.0;
            if y > 0.0 {
                if odd_y {
                    x
                } else {
                    x.abs()
                }
            } else if y == 0.0 {
                1.0
            } else if odd_y {
                0f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            1.0
        } else if (y > 0.0) == (x.abs() > 1.0) {
            f64::INFINITY
        } else {
            0.0
        }
    } else {
        if x == 0.0 && y < 0.0 {
            return Err(domain());
        }
        if x < 0.0 && y.fract() != 0.0 {
            return Err(domain());
        }
        let r = x.powf(y);
        if r.is_infinite() {
            return Err(range());
        }
        r
    };
    Ok(Value::Float(r))
}

fn m_ldexp(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let p = exactly(&a, "ldexp", 2)?;
    let x = float_arg(&p[0])?;
    let e = match &p[1] {
        Value::Int(i) => *i,
        Value::Bool(b) => i64::from(*b),
        Value::BigInt(b) => {
            if b.is_negative() {
                i64::MIN
            } else {
                i64::MAX
            }
        }
        _ => {
            return Err(PyErr::type_error(
                "Expected an int as second argument to ldexp.",
            ))
        }
    };
    if x == 0.0 || !x.is_finite() {
        return Ok(Value::Float(x));
    }
    // Past +-10000 the result is 0 or inf for every finite non-zero x.
    let r = libm::scalbn(x, e.clamp(-10_000, 10_000) as i32);
    if r.is_infinite() {
        return Err(range());
    }
    Ok(Value::Float(r))
}

fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    libm::frexp(x)
}

fn m_frexp(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let x = float_arg(one(&a, "frexp")?)?;
    let (m, e) = frexp(x);
    Ok(Value::tuple(vec![
        Value::Float(m),
        Value::Int(i64::from(e)),
    ]))
}

fn m_modf(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let x = float_arg(one(&a, "modf")?)?;
    let (frac, int) = if x.is_infinite() {
        (0f64.copysign(x), x)
    } else {
        (x.fract().copysign(x), x.trunc())
    };
    Ok(Value::tuple(vec![Value::Float(frac), Value::Float(int)]))
}

fn m_nextafter(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (x, y) = two_floats(&a, "nextafter")?;
    Ok(Value::Float(nextafter(x, y)))
}

fn nextafter(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if x == y {
        return y;
    }
    if x == 0.0 {
        return f64::from_bits(1).copysign(y);
    }
    let bits = x.to_bits();
    let up = (y > x) == (x > 0.0);
    f64::from_bits(if up { bits + 1 } else { bits - 1 })
}

fn m_ulp(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let x = float_arg(one(&a, "ulp")?)?;
    if x.is_nan() {
        return Ok(Value::Float(x));
    }
    let x = x.abs();
    if x.is_infinite() {
        return Ok(Value::Float(x));
    }
    let next = nextafter(x, f64::INFINITY);
    if next.is_infinite() {
        // x is the largest float: use the gap below it.
        return Ok(Value::Float(x - nextafter(x, 0.0)));
    }
    Ok(Value::Float(next - x))
}

fn m_isclose(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    a.check_kw("isclose", &["a", "b", "rel_tol", "abs_tol"])?;
    let mut vals: [Option<&Value>; 4] = [None; 4];
    if a.pos.len() > 2 {
        return Err(PyErr::type_error(format!(
            "isclose() takes exactly 2 positional arguments ({} given)",
            a.pos.len()
        )));
    }
    for (i, v) in a.pos.iter().enumerate() {
        vals[i] = Some(v);
    }
    for (i, name) in ["a", "b", "rel_tol", "abs_tol"].iter().enumerate() {
        if let Some(v) = a.kw(name) {
            if vals[i].is_some() {
                return Err(PyErr::type_error(format!(
                    "argument for isclose() given by name ('{name}') and position ({})",
                    i + 1
                )));
            }
            vals[i] = Some(v);
        }
    }
    // An instance given by keyword (`abs_tol=...`) converts as a positional
    // one does: `__float__`, or a float subclass's value.
    let mut owned: [Option<Value>; 4] = Default::default();
    for (slot, v) in owned.iter_mut().zip(vals) {
        if let Some(v @ Value::Instance(_)) = v {
            *slot = converted(vm, std::slice::from_ref(v), Want::Float)?.and_then(|mut o| o.pop());
        }
    }
    let arg = |i: usize| owned[i].as_ref().or(vals[i]);
    let get = |i: usize, name: &str| -> PyResult<f64> {
        match arg(i) {
            Some(v) => float_arg(v),
            None => Err(PyErr::type_error(format!(
                "isclose() missing required argument '{}' (pos {})",
                name,
                i + 1
            ))),
        }
    };
    let x = get(0, "a")?;
    let y = get(1, "b")?;
    let rel_tol = arg(2).map_or(Ok(1e-9), float_arg)?;
    let abs_tol = arg(3).map_or(Ok(0.0), float_arg)?;
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(PyErr::value_error("tolerances must be non-negative"));
    }
    if x == y {
        return Ok(Value::Bool(true));
    }
    if x.is_infinite() || y.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let diff = (y - x).abs();
    Ok(Value::Bool(
        diff <= (rel_tol * y).abs() || diff <= (rel_tol * x).abs() || diff <= abs_tol,
    ))
}

// ---- sums and norms ----

fn m_fsum(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let it = one(&a, "fsum")?;
    let items = vm.collect(it)?;
    let items = converted(vm, &items, Want::Float)?.unwrap_or(items);
    let mut xs = Vec::with_capacity(items.len());
    for v in &items {
        xs.push(float_arg(v)?);
    }
    fsum(&xs).map(Value::Float)
}

/// Shewchuk's exactly rounded sum, as CPython's `math_fsum`: the running sum is
/// kept as non-overlapping partials, added exactly, and rounded once at the end.
fn fsum(xs: &[f64]) -> PyResult<f64> {
    let mut partials: Vec<f64> = Vec::new();
    let mut special_sum = 0.0f64;
    let mut inf_sum = 0.0f64;
    for &orig in xs {
        let mut x = orig;
        let mut kept = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[kept] = lo;
                kept += 1;
            }
            x = hi;
        }
        partials.truncate(kept);
        if x != 0.0 {
            if !x.is_finite() {
                // Either an inf/nan summand or an overflow of finite ones.
                if orig.is_finite() {
                    return Err(PyErr::overflow("intermediate overflow in fsum"));
                }
                if orig.is_infinite() {
                    inf_sum += orig;
                }
                special_sum += orig;
                partials.clear();
            } else {
                partials.push(x);
            }
        }
    }
    if special_sum != 0.0 {
        if inf_sum.is_nan() {
            return Err(PyErr::value_error("-inf + inf in fsum"));
        }
        return Ok(special_sum);
    }
    let mut n = partials.len();
    let mut hi = 0.0;
    if n > 0 {
        n -= 1;
        hi = partials[n];
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        // Half-even rounding across partials: if the next partial has the same
        // sign as the rounding error, the true sum is past the halfway point.
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(hi)
}

/// The Euclidean norm of non-negative finite `v` (max element `max`), as
/// CPython 3.11's `vector_norm`: scaled by a power of two, squared with a
/// Veltkamp-Dekker split, summed with compensation, then one correction step
/// of the square root.
fn vector_norm(v: &[f64], max: f64, found_nan: bool) -> f64 {
    const T27: f64 = 134_217_729.0; // 2**27 + 1
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || v.len() <= 1 {
        return max;
    }
    let (_, max_e) = frexp(max);
    let add = |csum: &mut f64, frac: &mut f64, x: f64| {
        let old = *csum;
        *csum += x;
        *frac += (old - *csum) + x;
    };
    let mut csum = 1.0;
    let mut frac1 = 0.0;
    if max_e >= -1023 {
        let scale = 2f64.powi(-max_e);
        let (mut frac2, mut frac3) = (0.0, 0.0);
        for &x in v {
            let x = x * scale;
            let t = x * T27;
            let hi = t - (t - x);
            let lo = x - hi;
            add(&mut csum, &mut frac1, hi * hi);
            add(&mut csum, &mut frac2, 2.0 * hi * lo);
            frac3 += lo * lo;
        }
        let h = (csum - 1.0 + (frac1 + frac2 + frac3)).sqrt();
        let t = h * T27;
        let hi = t - (t - h);
        let lo = h - hi;
        add(&mut csum, &mut frac1, -hi * hi);
        add(&mut csum, &mut frac2, -2.0 * hi * lo);
        add(&mut csum, &mut frac3, -lo * lo);
        let x = csum - 1.0 + (frac1 + frac2 + frac3);
        return (h + x / (2.0 * h)) / scale;
    }
    // Subnormal maximum: 2**-max_e would overflow, so divide by max instead.
    for &x in v {
        let x = x / max;
        add(&mut csum, &mut frac1, x * x);
    }
    max * (csum - 1.0 + frac1).sqrt()
}

fn m_hypot(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    a.no_kw("math.hypot")?;
    let mut v = Vec::with_capacity(a.pos.len());
    let (mut max, mut nan) = (0.0f64, false);
    for x in a.pos {
        let x = float_arg(x)?.abs();
        nan |= x.is_nan();
        if x > max {
            max = x;
        }
        v.push(x);
    }
    Ok(Value::Float(vector_norm(&v, max, nan)))
}

fn m_dist(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let pq = exactly(&a, "dist", 2)?;
    let p = vm.collect(&pq[0])?;
    let p = converted(vm, &p, Want::Float)?.unwrap_or(p);
    let q = vm.collect(&pq[1])?;
    let q = converted(vm, &q, Want::Float)?.unwrap_or(q);
    if p.len() != q.len() {
        return Err(PyErr::value_error(
            "both points must have the same number of dimensions",
        ));
    }
    let mut v = Vec::with_capacity(p.len());
    let (mut max, mut nan) = (0.0f64, false);
    for (x, y) in p.iter().zip(&q) {
        let d = (float_arg(x)? - float_arg(y)?).abs();
        nan |= d.is_nan();
        if d > max {
            max = d;
        }
        v.push(d);
    }
    Ok(Value::Float(vector_norm(&v, max, nan)))
}

fn m_prod(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    a.check_kw("prod", &["start"])?;
    let [it] = a.pos else {
        return Err(PyErr::type_error(format!(
            "prod() takes exactly 1 positional argument ({} given)",
            a.pos.len()
        )));
    };
    let mut acc = a.kw("start").cloned().unwrap_or(Value::Int(1));
    let items = vm.collect(it)?;
    for x in &items {
        // Through the VM: a Python class's `__rmul__` (Fraction) takes part.
        acc = vm.binary_op(nb::MULTIPLY, &acc, x)?;
    }
    Ok(acc)
}

// ---- integer functions ----

fn m_gcd(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    a.no_kw("math.gcd")?;
    if let Some(g) = small_gcd(a.pos) {
        return Ok(g);
    }
    let mut acc = BigInt::zero();
    for v in a.pos {
        acc = acc.gcd(&int_arg(v)?);
    }
    Ok(Value::from_bigint(acc))
}

/// `gcd` of machine-sized ints without building big integers (fractions
/// reduced in a loop call it on small ints millions of times). `None` when
/// an argument is not a plain int or bool, or the result (`2**63`, from
/// `-2**63`) does not fit.
fn small_gcd(args: &[Value]) -> Option<Value> {
    let mut acc: u64 = 0;
    for v in args {
        let mut n = match v {
            Value::Int(n) => n.unsigned_abs(),
            Value::Bool(b) => u64::from(*b),
            _ => return None,
        };
        while n != 0 {
            (acc, n) = (n, acc % n);
        }
    }
    i64::try_from(acc).ok().map(Value::Int)
}

fn m_lcm(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    a.no_kw("math.lcm")?;
    let mut acc = BigInt::one();
    for v in a.pos {
        let b = int_arg(v)?;
        acc = if acc.is_zero() || b.is_zero() {
            BigInt::zero()
        } else {
            acc.lcm(&b)
        };
    }
    Ok(Value::from_bigint(acc))
}

fn m_isqrt(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let n = int_arg(one(&a, "isqrt")?)?;
    if n.is_negative() {
        return Err(PyErr::value_error("isqrt() argument must be nonnegative"));
    }
    Ok(Value::from_bigint(n.sqrt()))
}

/// `lo * (lo + 1) * ... * (hi - 1)` by binary splitting, so the big
/// multiplications are balanced (Karatsuba pays off).
fn range_product(lo: u64, hi: u64) -> BigInt {
    if hi <= lo {
        return BigInt::one();
    }
    if hi - lo <= 16 {
        let mut acc = BigInt::from(lo);
        for i in lo + 1..hi {
            acc *= i;
        }
        return acc;
    }
    let mid = lo + (hi - lo) / 2;
    range_product(lo, mid) * range_product(mid, hi)
}

/// An estimate of `log2(n!) - log2((n-k)!)`, to refuse absurd sizes up front.
fn product_bits(n: u64, k: u64) -> u64 {
    let log2n = 64 - u64::from(n.leading_zeros());
    k.saturating_mul(log2n)
}

fn m_factorial(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    factorial(vm, &int_arg(one(&a, "factorial")?)?)
}

fn factorial(vm: &mut Vm, n: &BigInt) -> PyResult<Value> {
    if n.is_negative() {
        return Err(PyErr::value_error(
            "factorial() not defined for negative values",
        ));
    }
    let Some(n) = n.to_u64().filter(|&n| n <= i64::MAX as u64) else {
        return Err(PyErr::overflow(format!(
            "factorial() argument should not exceed {}",
            i64::MAX
        )));
    };
    if product_bits(n, n) > MAX_RESULT_BITS {
        return Err(PyErr::overflow(format!(
            "factorial() argument should not exceed {}",
            max_n_for_bits(|n| product_bits(n, n))
        )));
    }
    super::charge(vm, product_bits(n, n) / 64)?;
    Ok(Value::from_bigint(range_product(1, n + 1)))
}

/// The largest `n` with `bits(n) <= MAX_RESULT_BITS` (`bits` is increasing).
fn max_n_for_bits(bits: impl Fn(u64) -> u64) -> u64 {
    let (mut lo, mut hi) = (1u64, 1u64 << 40);
    while lo < hi {
        let mid = lo + (hi - lo).div_ceil(2);
        if bits(mid) <= MAX_RESULT_BITS {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    lo
}

fn comb_perm_args(
    a: &Args<'_>,
    name: &str,
    k_optional: bool,
) -> PyResult<(BigInt, Option<BigInt>)> {
    a.no_kw_lazy(|| format!("math.{name}"))?;
    let ok = if k_optional {
        (1..=2).contains(&a.pos.len())
    } else {
        a.pos.len() == 2
    };
    if !ok {
        let msg = if k_optional {
            format!(
                "{} expected at {} {} argument{}, got {}",
                name,
                if a.pos.is_empty() { "least" } else { "most" },
                if a.pos.is_empty() { 1 } else { 2 },
                if a.pos.is_empty() { "" } else { "s" },
                a.pos.len()
            )
        } else {
            format!("{} expected 2 arguments, got {}", name, a.pos.len())
        };
        return Err(PyErr::type_error(msg));
    }
    let n = int_arg(&a.pos[0])?;
    let k = match a.pos.get(1) {
        None | Some(Value::None) => None,
        Some(v) => Some(int_arg(v)?),
    };
    Ok((n, k))
}

fn m_perm(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (n, k) = comb_perm_args(&a, "perm", true)?;
    let Some(k) = k else {
        if n.is_negative() {
            return Err(PyErr::value_error(
                "factorial() not defined for negative values",
            ));
        }
        return factorial(vm, &n);
    };
    if n.is_negative() {
        return Err(PyErr::value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(PyErr::value_error("k must be a non-negative integer"));
    }
    if k > n {
        return Ok(Value::Int(0));
    }
    let too_big = || PyErr::overflow(format!("k must not exceed {}", i64::MAX));
    let k = k
        .to_u64()
        .filter(|&k| k <= i64::MAX as u64)
        .ok_or_else(too_big)?;
    if k == 0 {
        return Ok(Value::Int(1));
    }
    let bits = k.saturating_mul(n.bits().max(1));
    if bits > MAX_RESULT_BITS {
        return Err(PyErr::overflow("perm() result would be too large"));
    }
    super::charge(vm, bits / 64)?;
    match n.to_u64() {
        Some(n) => Ok(Value::from_bigint(range_product(n - k + 1, n + 1))),
        None => {
            let mut acc = BigInt::one();
            for i in 0..k {
                acc *= &n - i;
            }
            Ok(Value::from_bigint(acc))
        }
    }
}

fn m_comb(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (n, k) = comb_perm_args(&a, "comb", false)?;
    let k = k.unwrap_or_default();
    if n.is_negative() {
        return Err(PyErr::value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(PyErr::value_error("k must be a non-negative integer"));
    }
    if k > n {
        return Ok(Value::Int(0));
    }
    let k = std::cmp::min(k.clone(), &n - &k);
    let k = k
        .to_u64()
        .filter(|&k| k <= i64::MAX as u64)
        .ok_or_else(|| PyErr::overflow(format!("min(n - k, k) must not exceed {}", i64::MAX)))?;
    let nbits = n.bits();
    if k.saturating_mul(nbits) > MAX_RESULT_BITS {
        return Err(PyErr::overflow("comb() result would be too large"));
    }
    super::charge(vm, k * nbits / 64)?;
    // C(n, k) = prod_{i=1..k} (n - k + i) / i, exact at every step.
    let mut acc = BigInt::one();
    let base = &n - k;
    for i in 1..=k {
        acc *= &base + i;
        acc /= i;
    }
    Ok(Value::from_bigint(acc))
}

mod gamma {
    //! CPython's Lanczos-based `m_tgamma` and `m_lgamma` (N = 13,
    //! g = 6.024680040776729583740234375), so results match its bits.
    // The constants are written with CPython's digits, more than a double holds.
    #![allow(clippy::excessive_precision)]

    use super::{domain, range};
    use crate::exc::PyResult;

    const LANCZOS_G: f64 = 6.024_680_040_776_729_583_740_234_375;
    const LANCZOS_G_MINUS_HALF: f64 = 5.524_680_040_776_729_583_740_234_375;
    const NUM: [f64; 13] = [
        23531376880.410759688572007674451636754734846804940,
        42919803642.649098768957899047001988850926355848959,
        35711959237.355668049440185451547166705960488635843,
        17921034426.037209699919755754458931112671403265390,
        6039542586.3520280050642916443072979210699388420708,
        1439720407.3117216736632230727949123939715485786772,
        248874557.86205415651146038641322942321632125127801,
        31426415.585400194380614231628318205362874684987640,
        2876370.6289353724412254090516208496135991145378768,
        186056.26539522349504029498971604569928220784236328,
        8071.6720023658162106380029022722506138218516325024,
        210.82427775157934587250973392071336271166969580291,
        2.5066282746310002701649081771338373386264310793408,
    ];
    const DEN: [f64; 13] = [
        0.0,
        39916800.0,
        120543840.0,
        150917976.0,
        105258076.0,
        45995730.0,
        13339535.0,
        2637558.0,
        357423.0,
        32670.0,
        1925.0,
        66.0,
        1.0,
    ];
    const PI: f64 = std::f64::consts::PI;
    const LOGPI: f64 = 1.144_729_885_849_400_174_143_427_351_353_058_711_647;

    fn lanczos_sum(x: f64) -> f64 {
        let (mut num, mut den) = (0.0, 0.0);
        // For large x, evaluate as a rational function of 1/x to avoid overflow.
        if x < 5.0 {
            for i in (0..13).rev() {
                num = num * x + NUM[i];
                den = den * x + DEN[i];
            }
        } else {
            for i in 0..13 {
                num = num / x + NUM[i];
                den = den / x + DEN[i];
            }
        }
        num / den
    }

    /// `sin(pi * x)`, accurate near the integers.
    fn sinpi(x: f64) -> f64 {
        let y = x.abs() % 2.0;
        let n = (2.0 * y).round() as i32;
        let r = match n {
            0 => (PI * y).sin(),
            1 => (PI * (y - 0.5)).cos(),
            2 => (PI * (1.0 - y)).sin(),
            3 => -(PI * (y - 1.5)).cos(),
            _ => (PI * (y - 2.0)).sin(),
        };
        1f64.copysign(x) * r
    }

    pub(super) fn tgamma(x: f64) -> PyResult<f64> {
        if !x.is_finite() {
            if x.is_nan() || x > 0.0 {
                return Ok(x);
            }
            return Err(domain());
        }
        if x == 0.0 {
            return Err(domain());
        }
        if x == x.floor() {
            if x < 0.0 {
                return Err(domain());
            }
            if x <= 23.0 {
                let mut f = 1.0;
                for i in 2..(x as i32) {
                    f *= f64::from(i);
                }
                return Ok(f);
            }
        }
        let absx = x.abs();
        if absx < 1e-20 {
            let r = 1.0 / x;
            return if r.is_infinite() { Err(range()) } else { Ok(r) };
        }
        if absx > 200.0 {
            if x < 0.0 {
                return Ok(0.0 / sinpi(x));
            }
            return Err(range());
        }
        let y = absx + LANCZOS_G_MINUS_HALF;
        // The rounding error of y, folded back in as a first-order correction.
        let z = if absx > LANCZOS_G_MINUS_HALF {
            let q = y - absx;
            q - LANCZOS_G_MINUS_HALF
        } else {
            let q = y - LANCZOS_G_MINUS_HALF;
            q - absx
        };
        let z = z * LANCZOS_G / y;
        let r = if x < 0.0 {
            let mut r = -PI / sinpi(absx) / absx * y.exp() / lanczos_sum(absx);
            r -= z * r;
            if absx < 140.0 {
                r /= y.powf(absx - 0.5);
            } else {
                let sqrtpow = y.powf(absx / 2.0 - 0.25);
                r /= sqrtpow;
                r /= sqrtpow;
            }
            r
        } else {
            let mut r = lanczos_sum(absx) / y.exp();
            r += z * r;
            if absx < 140.0 {
                r *= y.powf(absx - 0.5);
            } else {
                let sqrtpow = y.powf(absx / 2.0 - 0.25);
                r *= sqrtpow;
                r *= sqrtpow;
            }
            r
        };
        if r.is_infinite() {
            return Err(range());
        }
        Ok(r)
    }

    pub(super) fn lgamma(x: f64) -> PyResult<f64> {
        if !x.is_finite() {
            return Ok(if x.is_nan() { x } else { f64::INFINITY });
        }
        if x == x.floor() && x <= 2.0 {
            if x <= 0.0 {
                return Err(domain());
            }
            return Ok(0.0);
        }
        let absx = x.abs();
        if absx < 1e-20 {
            return Ok(-absx.ln());
        }
        let mut r = lanczos_sum(absx).ln() - LANCZOS_G;
        r += (absx - 0.5) * ((absx + LANCZOS_G - 0.5).ln() - 1.0);
        if x < 0.0 {
            r = LOGPI - sinpi(absx).abs().ln() - absx.ln() - r;
        }
        if r.is_infinite() {
            return Err(range());
        }
        Ok(r)
    }
}
