//! The complex functions of `cmath`, as CPython 3.11's `Modules/cmathmodule.c`
//! computes them: the same formulas (so results agree to the last bit with the
//! same C library underneath), the same rescaling against spurious overflow,
//! and C99 Annex G's special values from the generated tables.

use super::tables;
use super::Special;
use crate::complex::Complex;

/// What C's `errno` would say after a function: CPython turns `Domain` into
/// ValueError("math domain error") and `Range` into OverflowError("math range error").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Errno {
    /// No error.
    Ok,
    /// EDOM.
    Domain,
    /// ERANGE.
    Range,
}

/// A result and its error state.
pub(super) type Out = (Complex, Errno);

const INF: f64 = f64::INFINITY;
const LN2: f64 = std::f64::consts::LN_2;
const LN10: f64 = std::f64::consts::LN_10;
const DBL_MANT_DIG: i32 = 53;
/// Odd power of two that makes a subnormal normal (`CM_SCALE_UP`).
const SCALE_UP: i32 = 2 * (DBL_MANT_DIG / 2) + 1;
const SCALE_DOWN: i32 = -(SCALE_UP + 1) / 2;

fn large() -> f64 {
    f64::MAX / 4.0
}
fn sqrt_large() -> f64 {
    large().sqrt()
}
fn log_large() -> f64 {
    large().ln()
}

fn c(re: f64, im: f64) -> Complex {
    Complex::new(re, im)
}

/// Index of a double's class in the special-value tables.
fn class(d: f64) -> usize {
    if d.is_nan() {
        6
    } else if d.is_infinite() {
        if d > 0.0 {
            5
        } else {
            0
        }
    } else if d == 0.0 {
        if d.is_sign_positive() {
            3
        } else {
            2
        }
    } else if d > 0.0 {
        4
    } else {
        1
    }
}

/// The table's entry for a non-finite `z`; `None` when `z` is finite.
fn special(table: &[[Special; 7]; 7], z: Complex) -> Option<Out> {
    if z.re.is_finite() && z.im.is_finite() {
        return None;
    }
    Some(match table[class(z.re)][class(z.im)] {
        Special::C(re, im) => (c(re, im), Errno::Ok),
        Special::E => (c(f64::NAN, f64::NAN), Errno::Domain),
        Special::U => (c(f64::NAN, f64::NAN), Errno::Ok),
    })
}

/// Whether `z` is an infinity plus a finite nonzero imaginary part, the one
/// non-finite case where exp, cosh, sinh and tanh depend on the angle.
fn inf_with_angle(z: Complex) -> bool {
    z.re.is_infinite() && z.im.is_finite() && z.im != 0.0
}

fn overflow_check(r: Complex) -> Out {
    if r.re.is_infinite() || r.im.is_infinite() {
        (r, Errno::Range)
    } else {
        (r, Errno::Ok)
    }
}

/// `-i * f(i z)`, how asin, atan, sin and tan reuse their hyperbolic twins.
fn rotated(z: Complex, f: fn(Complex) -> Out) -> Out {
    let (s, e) = f(c(-z.im, z.re));
    (c(s.im, -s.re), e)
}

pub(super) fn sqrt(z: Complex) -> Out {
    if let Some(r) = special(&tables::SQRT, z) {
        return r;
    }
    if z.re == 0.0 && z.im == 0.0 {
        return (c(0.0, z.im), Errno::Ok);
    }
    let mut ax = z.re.abs();
    let ay = z.im.abs();
    let s = if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        // Both parts subnormal: scale up so hypot keeps its precision.
        ax = libm::scalbn(ax, SCALE_UP);
        libm::scalbn(
            (ax + ax.hypot(libm::scalbn(ay, SCALE_UP))).sqrt(),
            SCALE_DOWN,
        )
    } else {
        ax /= 8.0;
        2.0 * (ax + ax.hypot(ay / 8.0)).sqrt()
    };
    let d = ay / (2.0 * s);
    if z.re >= 0.0 {
        (c(s, d.copysign(z.im)), Errno::Ok)
    } else {
        (c(d, s.copysign(z.im)), Errno::Ok)
    }
}

pub(super) fn acos(z: Complex) -> Out {
    if let Some(r) = special(&tables::ACOS, z) {
        return r;
    }
    let r = if z.re.abs() > large() || z.im.abs() > large() {
        c(
            z.im.abs().atan2(z.re),
            -((z.re / 2.0).hypot(z.im / 2.0).ln() + LN2 * 2.0).copysign(z.im),
        )
    } else {
        let s1 = sqrt(c(1.0 - z.re, -z.im)).0;
        let s2 = sqrt(c(1.0 + z.re, z.im)).0;
        c(
            2.0 * s1.re.atan2(s2.re),
            real_asinh(s2.re * s1.im - s2.im * s1.re),
        )
    };
    (r, Errno::Ok)
}

pub(super) fn acosh(z: Complex) -> Out {
    if let Some(r) = special(&tables::ACOSH, z) {
        return r;
    }
    let r = if z.re.abs() > large() || z.im.abs() > large() {
        c(
            (z.re / 2.0).hypot(z.im / 2.0).ln() + LN2 * 2.0,
            z.im.atan2(z.re),
        )
    } else {
        let s1 = sqrt(c(z.re - 1.0, z.im)).0;
        let s2 = sqrt(c(z.re + 1.0, z.im)).0;
        c(
            real_asinh(s1.re * s2.re + s1.im * s2.im),
            2.0 * s1.im.atan2(s2.re),
        )
    };
    (r, Errno::Ok)
}

pub(super) fn asin(z: Complex) -> Out {
    rotated(z, asinh)
}

pub(super) fn asinh(z: Complex) -> Out {
    if let Some(r) = special(&tables::ASINH, z) {
        return r;
    }
    let r = if z.re.abs() > large() || z.im.abs() > large() {
        let l = (z.re / 2.0).hypot(z.im / 2.0).ln() + LN2 * 2.0;
        let re = if z.im >= 0.0 {
            l.copysign(z.re)
        } else {
            -l.copysign(-z.re)
        };
        c(re, z.im.atan2(z.re.abs()))
    } else {
        let s1 = sqrt(c(1.0 + z.im, -z.re)).0;
        let s2 = sqrt(c(1.0 - z.im, z.re)).0;
        c(
            real_asinh(s1.re * s2.im - s2.re * s1.im),
            z.im.atan2(s1.re * s2.re - s1.im * s2.im),
        )
    };
    (r, Errno::Ok)
}

pub(super) fn atan(z: Complex) -> Out {
    rotated(z, atanh)
}

pub(super) fn atanh(z: Complex) -> Out {
    if let Some(r) = special(&tables::ATANH, z) {
        return r;
    }
    if z.re < 0.0 {
        // atanh(z) = -atanh(-z): work with a non-negative real part.
        let (r, e) = atanh(c(-z.re, -z.im));
        return (c(-r.re, -r.im), e);
    }
    let ay = z.im.abs();
    if z.re > sqrt_large() || ay > sqrt_large() {
        // Large |z|: atanh(z) ~ 1/z +/- i*pi/2.
        let h = (z.re / 2.0).hypot(z.im / 2.0);
        let re = z.re / 4.0 / h / h;
        (
            c(re, (std::f64::consts::PI / 2.0).copysign(z.im)),
            Errno::Ok,
        )
    } else if z.re == 1.0 && ay < f64::MIN_POSITIVE.sqrt() {
        if ay == 0.0 {
            (c(INF, z.im), Errno::Domain)
        } else {
            let re = -(ay.sqrt() / ay.hypot(2.0).sqrt()).ln();
            (c(re, (2.0f64.atan2(-ay) / 2.0).copysign(z.im)), Errno::Ok)
        }
    } else {
        let re = (4.0 * z.re / ((1.0 - z.re) * (1.0 - z.re) + ay * ay)).ln_1p() / 4.0;
        let im = -(-2.0 * z.im).atan2((1.0 - z.re) * (1.0 + z.re) - ay * ay) / 2.0;
        (c(re, im), Errno::Ok)
    }
}

pub(super) fn cos(z: Complex) -> Out {
    cosh(c(-z.im, z.re))
}

pub(super) fn cosh(z: Complex) -> Out {
    if !z.re.is_finite() || !z.im.is_finite() {
        if inf_with_angle(z) {
            let (co, si) = (z.im.cos(), z.im.sin());
            let im = if z.re > 0.0 {
                INF.copysign(si)
            } else {
                -INF.copysign(si)
            };
            return (c(INF.copysign(co), im), Errno::Ok);
        }
        return special(&tables::COSH, z).unwrap_or((z, Errno::Ok));
    }
    let r = if z.re.abs() > log_large() {
        // cosh(z.re) alone would overflow where cosh(z) need not.
        let x1 = z.re - 1.0f64.copysign(z.re);
        c(
            z.im.cos() * x1.cosh() * std::f64::consts::E,
            z.im.sin() * x1.sinh() * std::f64::consts::E,
        )
    } else {
        c(z.im.cos() * z.re.cosh(), z.im.sin() * z.re.sinh())
    };
    overflow_check(r)
}

pub(super) fn exp(z: Complex) -> Out {
    if !z.re.is_finite() || !z.im.is_finite() {
        if inf_with_angle(z) {
            let (co, si) = (z.im.cos(), z.im.sin());
            let m = if z.re > 0.0 { INF } else { 0.0 };
            return (c(m.copysign(co), m.copysign(si)), Errno::Ok);
        }
        return special(&tables::EXP, z).unwrap_or((z, Errno::Ok));
    }
    let r = if z.re > log_large() {
        let l = (z.re - 1.0).exp();
        c(
            l * z.im.cos() * std::f64::consts::E,
            l * z.im.sin() * std::f64::consts::E,
        )
    } else {
        let l = z.re.exp();
        c(l * z.im.cos(), l * z.im.sin())
    };
    overflow_check(r)
}

/// `c_log`: the natural logarithm, accurate near |z| = 1 and for tiny or huge |z|.
pub(super) fn log(z: Complex) -> Out {
    if let Some(r) = special(&tables::LOG, z) {
        return r;
    }
    let ax = z.re.abs();
    let ay = z.im.abs();
    let re = if ax > large() || ay > large() {
        (ax / 2.0).hypot(ay / 2.0).ln() + LN2
    } else if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        if ax > 0.0 || ay > 0.0 {
            // hypot would be subnormal and lose bits: rescale first.
            libm::scalbn(ax, DBL_MANT_DIG)
                .hypot(libm::scalbn(ay, DBL_MANT_DIG))
                .ln()
                - f64::from(DBL_MANT_DIG) * LN2
        } else {
            return (c(-INF, z.im.atan2(z.re)), Errno::Domain);
        }
    } else {
        let h = ax.hypot(ay);
        if (0.71..=1.73).contains(&h) {
            let (am, an) = if ax > ay { (ax, ay) } else { (ay, ax) };
            ((am - 1.0) * (am + 1.0) + an * an).ln_1p() / 2.0
        } else {
            h.ln()
        }
    };
    (c(re, z.im.atan2(z.re)), Errno::Ok)
}

pub(super) fn log10(z: Complex) -> Out {
    let (r, e) = log(z);
    (c(r.re / LN10, r.im / LN10), e)
}

pub(super) fn sin(z: Complex) -> Out {
    rotated(z, sinh)
}

pub(super) fn sinh(z: Complex) -> Out {
    if !z.re.is_finite() || !z.im.is_finite() {
        if inf_with_angle(z) {
            let (co, si) = (z.im.cos(), z.im.sin());
            let re = if z.re > 0.0 {
                INF.copysign(co)
            } else {
                -INF.copysign(co)
            };
            return (c(re, INF.copysign(si)), Errno::Ok);
        }
        return special(&tables::SINH, z).unwrap_or((z, Errno::Ok));
    }
    let r = if z.re.abs() > log_large() {
        let x1 = z.re - 1.0f64.copysign(z.re);
        c(
            z.im.cos() * x1.sinh() * std::f64::consts::E,
            z.im.sin() * x1.cosh() * std::f64::consts::E,
        )
    } else {
        c(z.im.cos() * z.re.sinh(), z.im.sin() * z.re.cosh())
    };
    overflow_check(r)
}

pub(super) fn tan(z: Complex) -> Out {
    rotated(z, tanh)
}

pub(super) fn tanh(z: Complex) -> Out {
    if !z.re.is_finite() || !z.im.is_finite() {
        if inf_with_angle(z) {
            let im = 0.0f64.copysign(2.0 * z.im.sin() * z.im.cos());
            let re = if z.re > 0.0 { 1.0 } else { -1.0 };
            return (c(re, im), Errno::Ok);
        }
        return special(&tables::TANH, z).unwrap_or((z, Errno::Ok));
    }
    let r = if z.re.abs() > log_large() {
        // 2*z.re could overflow: 1 - tanh(x)^2 ~ 4 exp(-2|x|).
        c(
            1.0f64.copysign(z.re),
            4.0 * z.im.sin() * z.im.cos() * (-2.0 * z.re.abs()).exp(),
        )
    } else {
        let tx = z.re.tanh();
        let ty = z.im.tan();
        let cx = 1.0 / z.re.cosh();
        let txty = tx * ty;
        let denom = 1.0 + txty * txty;
        c(tx * (1.0 + ty * ty) / denom, ((ty / denom) * cx) * cx)
    };
    (r, Errno::Ok)
}

/// `rect(r, phi)`: `r * (cos phi + i sin phi)` with Annex G's spirit for
/// non-finite arguments.
pub(super) fn rect(r: f64, phi: f64) -> Out {
    if !r.is_finite() || !phi.is_finite() {
        if r.is_infinite() && phi.is_finite() && phi != 0.0 {
            let (co, si) = (phi.cos(), phi.sin());
            let z = if r > 0.0 {
                c(INF.copysign(co), INF.copysign(si))
            } else {
                c(-INF.copysign(co), -INF.copysign(si))
            };
            return (z, Errno::Ok);
        }
        return special(&tables::RECT, c(r, phi)).unwrap_or((c(r, phi), Errno::Ok));
    }
    if phi == 0.0 {
        // r * phi keeps the sign of a -0.0 angle.
        return (c(r, r * phi), Errno::Ok);
    }
    (c(r * phi.cos(), r * phi.sin()), Errno::Ok)
}

/// `_Py_c_abs`: |z|, with Range when a finite z's modulus overflows.
pub(super) fn abs(z: Complex) -> (f64, Errno) {
    if !z.re.is_finite() || !z.im.is_finite() {
        if z.re.is_infinite() {
            return (z.re.abs(), Errno::Ok);
        }
        if z.im.is_infinite() {
            return (z.im.abs(), Errno::Ok);
        }
        return (f64::NAN, Errno::Ok);
    }
    let h = z.re.hypot(z.im);
    if h.is_finite() {
        (h, Errno::Ok)
    } else {
        (h, Errno::Range)
    }
}

/// `_Py_c_quot` (Smith's method); Domain for a zero divisor.
pub(super) fn quot(a: Complex, b: Complex) -> Out {
    let (abs_br, abs_bi) = (b.re.abs(), b.im.abs());
    if abs_br >= abs_bi {
        if abs_br == 0.0 {
            return (c(0.0, 0.0), Errno::Domain);
        }
        let ratio = b.im / b.re;
        let denom = b.re + b.im * ratio;
        let r = c((a.re + a.im * ratio) / denom, (a.im - a.re * ratio) / denom);
        (r, Errno::Ok)
    } else if abs_bi >= abs_br {
        let ratio = b.re / b.im;
        let denom = b.re * ratio + b.im;
        let r = c((a.re * ratio + a.im) / denom, (a.im * ratio - a.re) / denom);
        (r, Errno::Ok)
    } else {
        (c(f64::NAN, f64::NAN), Errno::Ok)
    }
}

/// Real `asinh` as fdlibm computes it (the C library's), on the platform's
/// `log` and `log1p`, so results match CPython's to the last bit.
fn real_asinh(x: f64) -> f64 {
    let t = x.abs();
    if !t.is_finite() {
        return x + x;
    }
    if t < f64::powi(2.0, -28) {
        return x;
    }
    let w = if t > f64::powi(2.0, 28) {
        t.ln() + LN2
    } else if t > 2.0 {
        (2.0 * t + 1.0 / ((x * x + 1.0).sqrt() + t)).ln()
    } else {
        let t2 = x * x;
        (t + t2 / (1.0 + (1.0 + t2).sqrt())).ln_1p()
    };
    w.copysign(x)
}
