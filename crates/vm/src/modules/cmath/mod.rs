//! `cmath`: CPython's `Modules/cmathmodule.c`, mathematical functions of
//! complex numbers.
//!
//! Arguments are converted as `PyComplex_AsCComplex` does (`convert.rs`); the
//! functions (`funcs.rs`) follow CPython's formulas and report errors the way
//! C's `errno` does there: a domain error is ValueError("math domain error"),
//! an overflow OverflowError("math range error"). Results for infinities and
//! NaNs come from tables generated from CPython itself (`tables.rs`).

mod convert;
mod funcs;
mod tables;

use crate::complex::Complex;
use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::value::Value;
use crate::vm::Vm;

use super::{module_functions, new_module};
use convert::{to_complex, to_double};
use funcs::{Errno, Out};

/// One entry of a special-value table.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Special {
    /// This result.
    C(f64, f64),
    /// A domain error (ValueError).
    E,
    /// Unused: both parts finite.
    U,
}

module_functions!(CMATH_FUNCTIONS, "cmath", [
    "acos" => c_acos, "acosh" => c_acosh, "asin" => c_asin, "asinh" => c_asinh,
    "atan" => c_atan, "atanh" => c_atanh, "cos" => c_cos, "cosh" => c_cosh,
    "exp" => c_exp, "isclose" => c_isclose, "isfinite" => c_isfinite, "isinf" => c_isinf,
    "isnan" => c_isnan, "log" => c_log, "log10" => c_log10, "phase" => c_phase,
    "polar" => c_polar, "rect" => c_rect, "sin" => c_sin, "sinh" => c_sinh,
    "sqrt" => c_sqrt, "tan" => c_tan, "tanh" => c_tanh,
]);

/// Builds the `cmath` module.
pub fn init(_vm: &mut Vm) -> Value {
    new_module(
        "cmath",
        CMATH_FUNCTIONS,
        vec![
            ("e", Value::Float(std::f64::consts::E)),
            ("inf", Value::Float(f64::INFINITY)),
            ("infj", Complex::new(0.0, f64::INFINITY).value()),
            ("nan", Value::Float(f64::NAN)),
            ("nanj", Complex::new(0.0, f64::NAN).value()),
            ("pi", Value::Float(std::f64::consts::PI)),
            ("tau", Value::Float(std::f64::consts::TAU)),
        ],
    )
}

/// The exception for an error state, if any.
fn check(e: Errno) -> PyResult<()> {
    match e {
        Errno::Ok => Ok(()),
        Errno::Domain => Err(PyErr::value_error("math domain error")),
        Errno::Range => Err(PyErr::overflow("math range error")),
    }
}

/// The single positional argument of `cmath.NAME()`.
fn one<'a>(a: &Args<'a>, name: &str) -> PyResult<&'a Value> {
    a.no_kw_lazy(|| format!("cmath.{name}"))?;
    match a.pos {
        [x] => Ok(x),
        _ => Err(PyErr::type_error(format!(
            "cmath.{name}() takes exactly one argument ({} given)",
            a.pos.len()
        ))),
    }
}

/// A function of one complex argument returning a complex.
fn unary(vm: &mut Vm, a: &Args<'_>, name: &str, f: fn(Complex) -> Out) -> PyResult<Value> {
    let z = to_complex(vm, one(a, name)?)?;
    let (r, e) = f(z);
    check(e)?;
    Ok(r.value())
}

macro_rules! unary_functions {
    ($( $wrapper:ident => $name:literal, $f:path; )*) => {
        $(
            fn $wrapper(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
                unary(vm, &a, $name, $f)
            }
        )*
    };
}

unary_functions! {
    c_acos => "acos", funcs::acos;
    c_acosh => "acosh", funcs::acosh;
    c_asin => "asin", funcs::asin;
    c_asinh => "asinh", funcs::asinh;
    c_atan => "atan", funcs::atan;
    c_atanh => "atanh", funcs::atanh;
    c_cos => "cos", funcs::cos;
    c_cosh => "cosh", funcs::cosh;
    c_exp => "exp", funcs::exp;
    c_log10 => "log10", funcs::log10;
    c_sin => "sin", funcs::sin;
    c_sinh => "sinh", funcs::sinh;
    c_sqrt => "sqrt", funcs::sqrt;
    c_tan => "tan", funcs::tan;
    c_tanh => "tanh", funcs::tanh;
}

/// `log(z[, base])`.
fn c_log(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    a.no_kw("cmath.log")?;
    let (x, base) = match a.pos {
        [] => return Err(PyErr::type_error("log expected at least 1 argument, got 0")),
        [x] => (x, None),
        [x, b] => (x, Some(b)),
        _ => {
            return Err(PyErr::type_error(format!(
                "log expected at most 2 arguments, got {}",
                a.pos.len()
            )))
        }
    };
    let z = to_complex(vm, x)?;
    let (mut r, mut e) = funcs::log(z);
    if let Some(b) = base {
        let zb = to_complex(vm, b)?;
        // As in C, the base's log resets errno: only its state and the
        // division's count.
        let (lb, eb) = funcs::log(zb);
        let (q, eq) = funcs::quot(r, lb);
        r = q;
        e = if eq == Errno::Ok { eb } else { eq };
    }
    check(e)?;
    Ok(r.value())
}

fn c_phase(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let z = to_complex(vm, one(&a, "phase")?)?;
    let phi = z.im.atan2(z.re);
    // The C library's atan2 reports an underflow to zero with ERANGE.
    if phi == 0.0 && z.im != 0.0 && z.re.is_finite() {
        return Err(PyErr::overflow("math range error"));
    }
    Ok(Value::Float(phi))
}

fn c_polar(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let z = to_complex(vm, one(&a, "polar")?)?;
    let phi = z.im.atan2(z.re);
    let (r, e) = funcs::abs(z);
    check(e)?;
    Ok(Value::tuple(vec![Value::Float(r), Value::Float(phi)]))
}

fn c_rect(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    a.no_kw("cmath.rect")?;
    let [r, phi] = a.pos else {
        return Err(PyErr::type_error(format!(
            "rect expected 2 arguments, got {}",
            a.pos.len()
        )));
    };
    let r = to_double(vm, r)?;
    let phi = to_double(vm, phi)?;
    let (z, e) = funcs::rect(r, phi);
    check(e)?;
    Ok(z.value())
}

fn c_isfinite(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let z = to_complex(vm, one(&a, "isfinite")?)?;
    Ok(Value::Bool(z.re.is_finite() && z.im.is_finite()))
}

fn c_isinf(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let z = to_complex(vm, one(&a, "isinf")?)?;
    Ok(Value::Bool(z.re.is_infinite() || z.im.is_infinite()))
}

fn c_isnan(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let z = to_complex(vm, one(&a, "isnan")?)?;
    Ok(Value::Bool(z.re.is_nan() || z.im.is_nan()))
}

/// `isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)`.
fn c_isclose(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    for k in a.kwnames {
        if let Value::Str(s) = k {
            if !["a", "b", "rel_tol", "abs_tol"].contains(&s.as_str()) {
                return Err(PyErr::type_error(format!(
                    "'{}' is an invalid keyword argument for isclose()",
                    s.as_str()
                )));
            }
        }
    }
    if a.pos.len() > 2 {
        return Err(PyErr::type_error(format!(
            "isclose() takes exactly 2 positional arguments ({} given)",
            a.pos.len()
        )));
    }
    let missing = |name: &str, pos: usize| {
        PyErr::type_error(format!(
            "isclose() missing required argument '{name}' (pos {pos})"
        ))
    };
    let x = a
        .pos
        .first()
        .or_else(|| a.kw("a"))
        .ok_or_else(|| missing("a", 1))?;
    let y = a
        .pos
        .get(1)
        .or_else(|| a.kw("b"))
        .ok_or_else(|| missing("b", 2))?;
    let x = to_complex(vm, x)?;
    let y = to_complex(vm, y)?;
    let rel_tol = match a.kw("rel_tol") {
        Some(v) => to_double(vm, v)?,
        None => 1e-09,
    };
    let abs_tol = match a.kw("abs_tol") {
        Some(v) => to_double(vm, v)?,
        None => 0.0,
    };
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(PyErr::value_error("tolerances must be non-negative"));
    }
    if x.re == y.re && x.im == y.im {
        // Catches two equal infinities.
        return Ok(Value::Bool(true));
    }
    if x.re.is_infinite() || x.im.is_infinite() || y.re.is_infinite() || y.im.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let diff = funcs::abs(Complex::new(x.re - y.re, x.im - y.im)).0;
    let close =
        diff <= rel_tol * funcs::abs(y).0 || diff <= rel_tol * funcs::abs(x).0 || diff <= abs_tol;
    Ok(Value::Bool(close))
}
