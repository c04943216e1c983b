//! The `complex` type: arithmetic with CPython's algorithms (`Objects/complexobject.c`),
//! parsing of `complex('1+2j')`, hashing and formatting.

use std::rc::Rc;

use crate::exc::{PyErr, PyResult};
use crate::format::{float_digits, FloatStyle, Spec};
use crate::ops::nb;
use crate::value::Value;

/// A complex number.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Complex {
    /// Real part.
    pub re: f64,
    /// Imaginary part.
    pub im: f64,
}

impl Complex {
    /// A complex number.
    pub fn new(re: f64, im: f64) -> Complex {
        Complex { re, im }
    }

    /// As a value.
    pub fn value(self) -> Value {
        Value::Complex(Rc::new(self))
    }

    fn mul(self, b: Complex) -> Complex {
        Complex::new(
            self.re * b.re - self.im * b.im,
            self.re * b.im + self.im * b.re,
        )
    }

    /// `_Py_c_quot` (Smith's method); `None` for division by zero.
    fn quot(self, b: Complex) -> Option<Complex> {
        let (abs_br, abs_bi) = (b.re.abs(), b.im.abs());
        if abs_br >= abs_bi {
            if abs_br == 0.0 {
                return None;
            }
            let ratio = b.im / b.re;
            let denom = b.re + b.im * ratio;
            Some(Complex::new(
                (self.re + self.im * ratio) / denom,
                (self.im - self.re * ratio) / denom,
            ))
        } else if abs_bi >= abs_br {
            let ratio = b.re / b.im;
            let denom = b.re * ratio + b.im;
            Some(Complex::new(
                (self.re * ratio + self.im) / denom,
                (self.im * ratio - self.re) / denom,
            ))
        } else {
            Some(Complex::new(f64::NAN, f64::NAN))
        }
    }

    fn powu(self, mut n: u32) -> Complex {
        let mut r = Complex::new(1.0, 0.0);
        let mut p = self;
        while n > 0 {
            if n & 1 == 1 {
                r = r.mul(p);
            }
            n >>= 1;
            if n > 0 {
                p = p.mul(p);
            }
        }
        r
    }

    /// `a ** b` as CPython's `complex_pow`.
    pub fn pow(self, b: Complex) -> PyResult<Complex> {
        let r = if b.im == 0.0 && b.re == b.re.trunc() && b.re.abs() <= 100.0 {
            let n = b.re as i32;
            if n >= 0 {
                self.powu(n as u32)
            } else {
                match Complex::new(1.0, 0.0).quot(self.powu(n.unsigned_abs())) {
                    Some(r) => r,
                    None => return Err(PyErr::zero_division("0.0 to a negative or complex power")),
                }
            }
        } else if b.re == 0.0 && b.im == 0.0 {
            Complex::new(1.0, 0.0)
        } else if self.re == 0.0 && self.im == 0.0 {
            if b.im != 0.0 || b.re < 0.0 {
                return Err(PyErr::zero_division("0.0 to a negative or complex power"));
            }
            Complex::new(0.0, 0.0)
        } else {
            let vabs = self.re.hypot(self.im);
            let mut len = vabs.powf(b.re);
            let at = self.im.atan2(self.re);
            let mut phase = at * b.re;
            if b.im != 0.0 {
                len /= (at * b.im).exp();
                phase += b.im * vabs.ln();
            }
            let r = Complex::new(len * phase.cos(), len * phase.sin());
            // libm's cos/sin of an infinite phase set errno to EDOM, which
            // CPython reports with the message of the zero-base case; a NaN
            // from an overflowed length (inf / inf) sets nothing.
            if phase.is_infinite() {
                return Err(PyErr::zero_division("0.0 to a negative or complex power"));
            }
            r
        };
        // `_Py_ADJUST_ERANGE2`: an infinite part is an overflow, whatever
        // the operands; libm's own ERANGE on a part that is not infinite
        // (an overflowed length divided into NaN) is forgotten.
        if r.re.is_infinite() || r.im.is_infinite() {
            return Err(PyErr::overflow("complex exponentiation"));
        }
        Ok(r)
    }
}

/// A number as a complex (int, bool, float or complex).
pub fn as_complex(v: &Value) -> PyResult<Option<Complex>> {
    Ok(match v {
        Value::Complex(c) => Some(**c),
        Value::Float(f) => Some(Complex::new(*f, 0.0)),
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
            crate::ops::to_f64(v)?.map(|f| Complex::new(f, 0.0))
        }
        _ => None,
    })
}

/// `a op b` when one side is complex; `None` if the operation does not apply.
pub fn binary_op(op: u32, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    let (Some(x), Some(y)) = (as_complex(a)?, as_complex(b)?) else {
        return Ok(None);
    };
    let r = match op % nb::INPLACE {
        nb::ADD => Complex::new(x.re + y.re, x.im + y.im),
        nb::SUBTRACT => Complex::new(x.re - y.re, x.im - y.im),
        nb::MULTIPLY => x.mul(y),
        nb::TRUE_DIVIDE => x
            .quot(y)
            .ok_or_else(|| PyErr::zero_division("complex division by zero"))?,
        nb::POWER => x.pow(y)?,
        _ => return Ok(None),
    };
    Ok(Some(r.value()))
}

/// Python's hash of a complex number.
pub fn hash(c: &Complex) -> i64 {
    let h = crate::dict::hash_f64(c.re)
        .wrapping_add(crate::dict::hash_f64(c.im).wrapping_mul(1_000_003));
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `complex(text)`.
pub fn parse(text: &str) -> PyResult<Complex> {
    let bad = || PyErr::value_error("complex() arg is a malformed string");
    let mut s = text.trim_matches(crate::methods::chars::is_space);
    if let Some(inner) = s.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        s = inner.trim_matches(crate::methods::chars::is_space);
    }
    if s.is_empty() || s.contains(crate::methods::chars::is_space) {
        return Err(bad());
    }
    // Split at the sign that starts the imaginary part (not one after an 'e').
    let b = s.as_bytes();
    let mut split = None;
    for i in 1..b.len() {
        if (b[i] == b'+' || b[i] == b'-') && !matches!(b[i - 1], b'e' | b'E') {
            split = Some(i);
        }
    }
    let num = |t: &str| -> PyResult<f64> {
        match t {
            "" | "+" => Ok(1.0),
            "-" => Ok(-1.0),
            _ => crate::builtins::parse_float_text(t).ok_or_else(bad),
        }
    };
    let lower = s.to_ascii_lowercase();
    match lower.strip_suffix('j') {
        Some(body) => {
            let body_orig = &s[..s.len() - 1];
            match split {
                Some(i) if i < body.len() => {
                    let re = num(&body_orig[..i]).and_then(|r| {
                        if matches!(&body_orig[..i], "" | "+" | "-") {
                            Err(bad())
                        } else {
                            Ok(r)
                        }
                    })?;
                    Ok(Complex::new(re, num(&body_orig[i..])?))
                }
                _ => Ok(Complex::new(0.0, num(body_orig)?)),
            }
        }
        None => {
            if split.is_some_and(|i| !lower[..i].ends_with('e'))
                && !lower.contains("inf")
                && !lower.contains("nan")
            {
                return Err(bad());
            }
            Ok(Complex::new(
                num(s).and_then(|r| {
                    if matches!(s, "+" | "-") {
                        Err(bad())
                    } else {
                        Ok(r)
                    }
                })?,
                0.0,
            ))
        }
    }
}

/// `format(complex, spec)`, after CPython's `format_complex_internal`.
pub fn format(c: &Complex, spec_text: &str) -> PyResult<String> {
    let v = c.value();
    if spec_text.is_empty() {
        return Ok(pith_repr::complex_repr(c.re, c.im));
    }
    let spec = Spec::parse(spec_text, &v, '>')?;
    let (mut style, upper) = match spec.ty {
        'e' => (FloatStyle::Exp, false),
        'E' => (FloatStyle::Exp, true),
        'f' => (FloatStyle::Fixed, false),
        'F' => (FloatStyle::Fixed, true),
        'g' | 'n' => (FloatStyle::General, false),
        'G' => (FloatStyle::General, true),
        '\0' => (FloatStyle::Repr, false),
        _ => return Err(spec.unknown(&v)),
    };
    if spec.fill == '0' {
        return Err(PyErr::value_error(
            "Zero padding is not allowed in complex format specifier",
        ));
    }
    if spec.align == '=' {
        return Err(PyErr::value_error(
            "'=' alignment flag is not allowed in complex format specifier",
        ));
    }
    let omitted = spec.ty == '\0';
    let skip_re = omitted && c.re == 0.0 && c.re.is_sign_positive();
    let prec = match spec.precision {
        Some(p) => {
            if style == FloatStyle::Repr {
                style = FloatStyle::General;
            }
            p
        }
        None if omitted => 0,
        None => 6,
    };
    // One part: digits with its sign; `force` always writes '+' or '-'.
    let part = |x: f64, force: bool| -> String {
        let body = if x.is_nan() {
            if upper {
                "NAN".into()
            } else {
                "nan".into()
            }
        } else if x.is_infinite() {
            if upper {
                "INF".into()
            } else {
                "inf".into()
            }
        } else {
            let mut d = float_digits(x.abs(), style, prec, spec.alt, upper);
            if style == FloatStyle::Repr {
                // Complex parts are written without float repr's ".0".
                if d.ends_with(".0") {
                    d.truncate(d.len() - if spec.alt { 1 } else { 2 });
                } else if spec.alt && !d.contains('.') {
                    match d.find('e') {
                        Some(i) => d.insert(i, '.'),
                        None => d.push('.'),
                    }
                }
            }
            if let Some(sep) = spec.grouping {
                let end = d.find(|c: char| !c.is_ascii_digit()).unwrap_or(d.len());
                let int = crate::format::spec::group(&d[..end], sep, spec.group_every, 0);
                d.replace_range(..end, &int);
            }
            d
        };
        let mut neg = x.is_sign_negative() && !x.is_nan();
        if neg
            && spec.no_neg_zero
            && x.is_finite()
            && !body.bytes().any(|b| (b'1'..=b'9').contains(&b))
        {
            neg = false;
        }
        let sign = if neg {
            "-"
        } else if force {
            "+"
        } else {
            match spec.sign {
                Some('+') => "+",
                Some(' ') => " ",
                _ => "",
            }
        };
        format!("{sign}{body}")
    };
    let mut body = String::new();
    if !skip_re {
        body.push_str(&part(c.re, false));
    }
    body.push_str(&part(c.im, !skip_re));
    body.push('j');
    if omitted && !skip_re {
        body = format!("({body})");
    }
    let mut out = String::new();
    crate::format::pad(&mut out, &body, &spec);
    Ok(out)
}
