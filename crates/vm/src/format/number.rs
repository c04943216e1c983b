//! The format-spec mini-language for int and float (and complex parts), with
//! C's `printf` digit rules for e/f/g and CPython's `repr` for the default.

use num_bigint::{BigInt, Sign};
use num_traits::ToPrimitive;

use super::spec::{layout_number, Spec};
use crate::exc::{PyErr, PyResult};
use crate::ops::to_bigint;
use crate::value::Value;

/// How a float's digits are laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FloatStyle {
    /// `%f`.
    Fixed,
    /// `%e` (`upper` in the boolean of [`float_digits`]).
    Exp,
    /// `%g`.
    General,
    /// `repr()`: shortest round trip.
    Repr,
    /// No type with a precision: `%g` that keeps a `.0` on integers and switches
    /// to exponent notation one digit earlier.
    GeneralDot0,
}

/// C-style exponent suffix: `e+06`.
fn push_exp(out: &mut String, e: i32, upper: bool) {
    out.push(if upper { 'E' } else { 'e' });
    out.push(if e < 0 { '-' } else { '+' });
    let a = e.unsigned_abs();
    if a < 10 {
        out.push('0');
    }
    out.push_str(&a.to_string());
}

/// Mantissa digits and exponent of `x` (finite, non-negative) rounded to `sig`
/// significant digits: `("12346", 3)` for 1234.56 and 5 digits.
fn sig_digits(x: f64, sig: usize) -> (String, i32) {
    let exact = sig.min(EXACT_DIGITS);
    let s = format!("{:.*e}", exact.saturating_sub(1), x);
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let mut digits = mant.replace('.', "");
    pad_zeros(&mut digits, sig - exact);
    (digits, exp.parse().unwrap_or(0))
}

/// More decimal digits than any double's exact expansion has (at most 767
/// significant, 1074 after the point): later digits are zeros, which are
/// appended by hand because Rust's formatter takes precisions only up to
/// `u16::MAX`.
const EXACT_DIGITS: usize = 1100;

fn pad_zeros(s: &mut String, n: usize) {
    s.extend(std::iter::repeat('0').take(n));
}

/// The digits of a finite, non-negative `x` in one of C's styles (no sign).
pub fn float_digits(x: f64, style: FloatStyle, prec: usize, alt: bool, upper: bool) -> String {
    match style {
        FloatStyle::Fixed => {
            let exact = prec.min(EXACT_DIGITS);
            let mut s = format!("{:.*}", exact, x);
            pad_zeros(&mut s, prec - exact);
            if alt && prec == 0 {
                s.push('.');
            }
            s
        }
        FloatStyle::Exp => {
            let (d, e) = sig_digits(x, prec + 1);
            let mut s = String::with_capacity(d.len() + 6);
            s.push_str(&d[..1]);
            if prec > 0 || alt {
                s.push('.');
            }
            s.push_str(&d[1..]);
            push_exp(&mut s, if x == 0.0 { 0 } else { e }, upper);
            s
        }
        FloatStyle::Repr => pith_repr::float_repr(x),
        FloatStyle::General | FloatStyle::GeneralDot0 => {
            let p = prec.max(1);
            let dot0 = style == FloatStyle::GeneralDot0;
            let (d, e) = if x == 0.0 {
                ("0".repeat(p), 0)
            } else {
                sig_digits(x, p)
            };
            let decpt = e + 1;
            let limit = if dot0 { p as i32 - 1 } else { p as i32 };
            let mut digits = d;
            if !alt {
                let t = digits.trim_end_matches('0').len().max(1);
                digits.truncate(t);
            }
            let mut s = String::with_capacity(digits.len() + 8);
            if decpt <= -4 || decpt > limit {
                s.push_str(&digits[..1]);
                if digits.len() > 1 || alt {
                    s.push('.');
                    s.push_str(&digits[1..]);
                }
                push_exp(&mut s, e, upper);
            } else if decpt <= 0 {
                s.push_str("0.");
                s.extend(std::iter::repeat('0').take((-decpt) as usize));
                s.push_str(&digits);
            } else {
                let dp = decpt as usize;
                if digits.len() <= dp {
                    s.push_str(&digits);
                    s.extend(std::iter::repeat('0').take(dp - digits.len()));
                    if alt {
                        s.push('.');
                    } else if dot0 {
                        s.push_str(".0");
                    }
                } else {
                    s.push_str(&digits[..dp]);
                    s.push('.');
                    s.push_str(&digits[dp..]);
                }
            }
            s
        }
    }
}

fn sign_str(neg: bool, spec: &Spec) -> &'static str {
    if neg {
        "-"
    } else {
        match spec.sign {
            Some('+') => "+",
            Some(' ') => " ",
            _ => "",
        }
    }
}

/// Splits formatted digits into the integer part and the rest (`.5e+10`).
fn split_int(body: &str) -> (&str, &str) {
    let i = body
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(body.len());
    body.split_at(i)
}

/// The body of a float (digits, no sign) for spec types e/f/g/%/none, plus
/// whether it ends with `%`.
fn float_body(a: f64, spec: &Spec) -> PyResult<String> {
    let upper = matches!(spec.ty, 'E' | 'F' | 'G');
    // `%` formats the value times 100, which may overflow to infinity (as in
    // CPython, where the product is taken before the digits are made).
    let a = if spec.ty == '%' { a * 100.0 } else { a };
    if !a.is_finite() {
        let t = if a.is_nan() { "nan" } else { "inf" };
        let mut t = if upper {
            t.to_uppercase()
        } else {
            t.to_string()
        };
        if spec.ty == '%' {
            t.push('%');
        }
        return Ok(t);
    }
    let p = spec.precision;
    Ok(match spec.ty {
        'f' | 'F' => float_digits(a, FloatStyle::Fixed, p.unwrap_or(6), spec.alt, upper),
        'e' | 'E' => float_digits(a, FloatStyle::Exp, p.unwrap_or(6), spec.alt, upper),
        'g' | 'G' | 'n' => float_digits(a, FloatStyle::General, p.unwrap_or(6), spec.alt, upper),
        '%' => {
            let mut s = float_digits(a, FloatStyle::Fixed, p.unwrap_or(6), spec.alt, false);
            s.push('%');
            s
        }
        _ => match p {
            Some(p) => float_digits(a, FloatStyle::GeneralDot0, p, spec.alt, false),
            None => {
                let mut s = pith_repr::float_repr(a);
                if spec.alt && !s.contains('.') {
                    match s.find('e') {
                        Some(i) => s.insert(i, '.'),
                        None => s.push('.'),
                    }
                }
                s
            }
        },
    })
}

/// `format(float, spec)`.
pub fn format_float(x: f64, spec: &Spec) -> PyResult<String> {
    if !matches!(
        spec.ty,
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%' | '\0'
    ) {
        return Err(spec.unknown(&Value::Float(x)));
    }
    let mut neg = x.is_sign_negative() && !x.is_nan();
    let body = float_body(x.abs(), spec)?;
    if neg && spec.no_neg_zero && x.is_finite() && body.bytes().all(|b| !(b'1'..=b'9').contains(&b))
    {
        neg = false;
    }
    let (int, rest) = split_int(&body);
    if !x.is_finite() && spec.grouping.is_some() {
        let plain = Spec {
            grouping: None,
            ..spec.clone()
        };
        return Ok(layout_number(&plain, sign_str(neg, spec), "", int, rest));
    }
    Ok(layout_number(spec, sign_str(neg, spec), "", int, rest))
}

/// `format(int, spec)`.
pub fn format_int(v: &Value, spec: &Spec) -> PyResult<String> {
    if matches!(spec.ty, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') {
        let f = crate::ops::to_f64(v)?.unwrap_or(0.0);
        return format_float(f, spec);
    }
    if !matches!(spec.ty, '\0' | 'd' | 'n' | 'b' | 'o' | 'x' | 'X' | 'c') {
        return Err(spec.unknown(v));
    }
    if spec.precision.is_some() {
        return Err(PyErr::value_error(
            "Precision not allowed in integer format specifier",
        ));
    }
    if spec.no_neg_zero {
        return Err(PyErr::value_error(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    if matches!(spec.ty, '\0' | 'd' | 'n') {
        super::check_int_str(v)?;
    }
    // Machine ints are formatted without a big-int detour.
    let small = match v {
        Value::Int(i) => Some(*i),
        Value::Bool(b) => Some(i64::from(*b)),
        _ => None,
    };
    let n: BigInt = match small {
        Some(_) => BigInt::default(),
        None => to_bigint(v).unwrap_or_default(),
    };
    let neg = small.map_or(n.sign() == Sign::Minus, |i| i < 0);
    let (r, prefix) = match spec.ty {
        '\0' | 'd' | 'n' => (10, ""),
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        'c' => {
            if spec.sign.is_some() {
                return Err(PyErr::value_error(
                    "Sign not allowed with integer format specifier 'c'",
                ));
            }
            if spec.alt {
                return Err(PyErr::value_error(
                    "Alternate form (#) not allowed with integer format specifier 'c'",
                ));
            }
            let n = match small {
                Some(i) => BigInt::from(i),
                None => return Err(PyErr::overflow("Python int too large to convert to C long")),
            };
            let c = n
                .to_u32()
                .and_then(char::from_u32)
                .ok_or_else(|| PyErr::overflow("%c arg not in range(0x110000)"))?;
            let mut buf = [0u8; 4];
            return Ok(layout_number(spec, "", "", "", c.encode_utf8(&mut buf)));
        }
        _ => return Err(spec.unknown(v)),
    };
    let upper = spec.ty == 'X';
    let mut buf = [0u8; 64];
    let big: String;
    let digits = match small {
        Some(i) => small_digits(i.unsigned_abs(), r, upper, &mut buf),
        None => {
            let d = n.magnitude().to_str_radix(r);
            big = if upper { d.to_uppercase() } else { d };
            &big
        }
    };
    let prefix = if spec.alt { prefix } else { "" };
    Ok(layout_number(spec, sign_str(neg, spec), prefix, digits, ""))
}

/// The digits of `m` in base `radix` (2, 8, 10 or 16), written at the end
/// of `buf`: machine ints are formatted without the `fmt` machinery.
pub(crate) fn small_digits(m: u64, radix: u32, upper: bool, buf: &mut [u8; 64]) -> &str {
    let letters: &[u8; 16] = if upper {
        b"0123456789ABCDEF"
    } else {
        b"0123456789abcdef"
    };
    // Constant divisors, so that each step is a multiply and a shift.
    let at = match radix {
        2 => write_digits::<2>(m, letters, buf),
        8 => write_digits::<8>(m, letters, buf),
        16 => write_digits::<16>(m, letters, buf),
        _ => write_digits::<10>(m, letters, buf),
    };
    std::str::from_utf8(&buf[at..]).unwrap_or_default()
}

/// Writes the base-`BASE` digits of `m` at the end of `buf`; returns where they start.
fn write_digits<const BASE: u64>(mut m: u64, letters: &[u8; 16], buf: &mut [u8; 64]) -> usize {
    let mut at = buf.len();
    // 64 slots hold the 64 binary digits of `u64::MAX`.
    while at > 0 {
        at -= 1;
        buf[at] = letters[(m % BASE) as usize];
        m /= BASE;
        if m == 0 {
            break;
        }
    }
    at
}
