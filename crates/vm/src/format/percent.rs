//! printf-style `%` formatting of str and bytes, after CPython's
//! `PyUnicode_Format` and `_PyBytes_FormatEx`.
//!
//! Bytes are handled as Latin-1 text, so one implementation serves both: each
//! byte is the char of the same number, and the result is mapped back.

use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::{FromPrimitive, Signed};

use super::number::{float_digits, FloatStyle};
use super::spec::MAX_WIDTH;
use crate::exc::{PyErr, PyResult};
use crate::ops::{index_of, to_bigint};
use crate::repr::{repr, to_str};
use crate::types::{type_name, ExcKind};
use crate::value::Value;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Str,
    Bytes,
}

struct Flags {
    left: bool,
    plus: bool,
    space: bool,
    alt: bool,
    zero: bool,
}

/// `fmt % args` for a str.
pub fn percent_format(fmt: &str, args: &Value) -> PyResult<Value> {
    format_core(fmt, args, Mode::Str).map(Value::string)
}

/// `fmt % args` for bytes.
pub fn bytes_percent_format(fmt: &[u8], args: &Value) -> PyResult<Value> {
    let text: String = fmt.iter().map(|&b| b as char).collect();
    let out = format_core(&text, args, Mode::Bytes)?;
    Ok(Value::Bytes(Rc::new(
        out.chars().map(|c| c as u8).collect(),
    )))
}

fn latin1(b: &[u8]) -> String {
    b.iter().map(|&b| b as char).collect()
}

fn is_mapping(v: &Value) -> bool {
    matches!(v, Value::Dict(_))
}

fn format_core(fmt: &str, args: &Value, mode: Mode) -> PyResult<String> {
    let (items, arglen): (&[Value], isize) = match args {
        Value::Tuple(t) => (t.as_slice(), t.len() as isize),
        _ => (std::slice::from_ref(args), -1),
    };
    let mut argidx: isize = if arglen < 0 { -2 } else { 0 };
    let dict = if is_mapping(args) { Some(args) } else { None };
    let next_arg = |argidx: &mut isize| -> PyResult<Value> {
        if *argidx < arglen {
            let i = *argidx;
            *argidx += 1;
            if arglen < 0 {
                return Ok(args.clone());
            }
            return Ok(items[i as usize].clone());
        }
        Err(PyErr::type_error("not enough arguments for format string"))
    };
    // Scanned by byte: every character with a meaning here is ASCII.
    let b = fmt.as_bytes();
    let ascii = fmt.is_ascii();
    let at = |i: usize| b.get(i).map(|&c| c as char);
    let mut out = String::with_capacity(fmt.len() + 16);
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'%' {
            let next = fmt[i..].find('%').map_or(b.len(), |k| i + k);
            out.push_str(&fmt[i..next]);
            i = next;
            continue;
        }
        i += 1;
        if at(i) == Some('%') {
            out.push('%');
            i += 1;
            continue;
        }
        let mut keyed: Option<Value> = None;
        if at(i) == Some('(') {
            let Some(d) = dict else {
                return Err(PyErr::type_error("format requires a mapping"));
            };
            let mut depth = 1;
            let start = i + 1;
            i += 1;
            while i < b.len() && depth > 0 {
                match b[i] {
                    b'(' => depth += 1,
                    b')' => depth -= 1,
                    _ => {}
                }
                i += 1;
            }
            if depth > 0 {
                return Err(PyErr::value_error("incomplete format key"));
            }
            let key: String = fmt[start..i - 1].to_string();
            let key = match mode {
                Mode::Str => Value::string(key),
                Mode::Bytes => Value::Bytes(Rc::new(key.chars().map(|c| c as u8).collect())),
            };
            let Value::Dict(dd) = d else {
                return Err(PyErr::type_error("format requires a mapping"));
            };
            let got = dd.borrow().get(&key)?.cloned();
            keyed = Some(got.ok_or_else(|| PyErr::key_error(key))?);
            argidx = arglen;
        }
        let mut f = Flags {
            left: false,
            plus: false,
            space: false,
            alt: false,
            zero: false,
        };
        while let Some(ch) = at(i) {
            match ch {
                '-' => f.left = true,
                '+' => f.plus = true,
                ' ' => f.space = true,
                '#' => f.alt = true,
                '0' => f.zero = true,
                _ => break,
            }
            i += 1;
        }
        let mut width: usize = 0;
        if at(i) == Some('*') {
            let v = next_arg(&mut argidx)?;
            let w = match v {
                Value::BigInt(_) => {
                    return Err(PyErr::overflow(
                        "Python int too large to convert to C ssize_t",
                    ))
                }
                Value::Int(_) | Value::Bool(_) => index_of(&v).unwrap_or(0),
                _ => return Err(PyErr::type_error("* wants int")),
            };
            if w < 0 {
                f.left = true;
            }
            // CPython negates the width in a C `Py_ssize_t`: the most negative
            // one stays negative, which pads nothing.
            width = if w == i64::MIN {
                0
            } else {
                usize::try_from(w.unsigned_abs()).unwrap_or(usize::MAX)
            };
            i += 1;
        } else {
            while let Some(d) = at(i).and_then(|c| c.to_digit(10)) {
                // A width is a C `Py_ssize_t`.
                width = width
                    .checked_mul(10)
                    .and_then(|w| w.checked_add(d as usize))
                    .filter(|&w| isize::try_from(w).is_ok())
                    .ok_or_else(|| PyErr::value_error("width too big"))?;
                i += 1;
            }
        }
        let mut prec: Option<usize> = None;
        if at(i) == Some('.') {
            i += 1;
            if at(i) == Some('*') {
                let v = next_arg(&mut argidx)?;
                let too_large = || PyErr::overflow("Python int too large to convert to C int");
                let p = match v {
                    Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
                        index_of(&v).ok_or_else(too_large)?
                    }
                    _ => return Err(PyErr::type_error("* wants int")),
                };
                if i32::try_from(p).is_err() {
                    return Err(too_large());
                }
                prec = Some(p.max(0) as usize);
                i += 1;
            } else {
                let mut p: usize = 0;
                while let Some(d) = at(i).and_then(|c| c.to_digit(10)) {
                    // A precision is a C `int`.
                    p = p
                        .checked_mul(10)
                        .and_then(|w| w.checked_add(d as usize))
                        .filter(|&w| i32::try_from(w).is_ok())
                        .ok_or_else(|| PyErr::value_error("precision too big"))?;
                    i += 1;
                }
                prec = Some(p);
            }
        }
        if width > MAX_WIDTH || prec.is_some_and(|p| p > MAX_WIDTH) {
            return Err(PyErr::with_args(ExcKind::MemoryError, vec![]));
        }
        while matches!(at(i), Some('h' | 'l' | 'L')) {
            i += 1;
        }
        let Some(conv) = fmt.get(i..).and_then(|r| r.chars().next()) else {
            return Err(PyErr::value_error("incomplete format"));
        };
        let conv_index = if ascii { i } else { fmt[..i].chars().count() };
        i += conv.len_utf8();
        let v = match keyed.take() {
            Some(v) => v,
            None => next_arg(&mut argidx)?,
        };
        let (sign, body, numeric) = convert(conv, conv_index, &v, &f, prec, mode)?;
        let len = sign.chars().count() + body.chars().count();
        let padn = width.saturating_sub(len);
        if f.left {
            out.push_str(&sign);
            out.push_str(&body);
            out.extend(std::iter::repeat(' ').take(padn));
        } else if f.zero && numeric {
            out.push_str(&sign);
            out.extend(std::iter::repeat('0').take(padn));
            out.push_str(&body);
        } else {
            out.extend(std::iter::repeat(' ').take(padn));
            out.push_str(&sign);
            out.push_str(&body);
        }
    }
    if argidx < arglen && dict.is_none() {
        return Err(PyErr::type_error(match mode {
            Mode::Str => "not all arguments converted during string formatting",
            Mode::Bytes => "not all arguments converted during bytes formatting",
        }));
    }
    Ok(out)
}

fn sign_of(neg: bool, f: &Flags) -> &'static str {
    if neg {
        "-"
    } else if f.plus {
        "+"
    } else if f.space {
        " "
    } else {
        ""
    }
}

/// One conversion: (sign and prefix, body, whether `0` padding applies).
fn convert(
    conv: char,
    index: usize,
    v: &Value,
    f: &Flags,
    prec: Option<usize>,
    mode: Mode,
) -> PyResult<(String, String, bool)> {
    let truncate = |s: String| match prec {
        Some(p) => s.chars().take(p).collect(),
        None => s,
    };
    // `%s`, `%r` and `%a` of an int go through its `str`/`repr`, which
    // refuse more decimal digits than `sys.get_int_max_str_digits()`.
    if matches!(conv, 's' | 'r' | 'a') && matches!(v, Value::BigInt(_)) {
        super::check_int_str(v)?;
    }
    Ok(match conv {
        's' if mode == Mode::Str => (String::new(), truncate(to_str(v)), false),
        's' | 'b' if mode == Mode::Bytes => {
            let b = match v {
                Value::Bytes(b) => latin1(b),
                Value::ByteArray(b) => latin1(&b.borrow()),
                other => {
                    return Err(PyErr::type_error(format!(
                        "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
                        type_name(other)
                    )))
                }
            };
            (String::new(), truncate(b), false)
        }
        'r' | 'a' => {
            let r = repr(v);
            let r = if conv == 'a' || mode == Mode::Bytes {
                crate::builtins::ascii_of(&r)
            } else {
                r
            };
            (String::new(), truncate(r), false)
        }
        'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
            let radix = match conv {
                'o' => 8,
                'x' | 'X' => 16,
                _ => 10,
            };
            let small = match v {
                Value::Int(i) => Some(*i),
                Value::Bool(b) => Some(i64::from(*b)),
                _ => None,
            };
            let (negative, mut digits) = match small {
                // Machine ints are formatted without a big-int detour.
                Some(i) => {
                    let mut buf = [0u8; 64];
                    let d =
                        super::number::small_digits(i.unsigned_abs(), radix, conv == 'X', &mut buf);
                    (i < 0, d.to_string())
                }
                None => {
                    let n = big_int_operand(v, conv)?;
                    let d = n.magnitude().to_str_radix(radix);
                    if radix == 10 {
                        super::check_decimal_digits(d.len())?;
                    }
                    let d = if conv == 'X' { d.to_uppercase() } else { d };
                    (n.is_negative(), d)
                }
            };
            if let Some(p) = prec {
                if digits.len() < p {
                    digits = "0".repeat(p - digits.len()) + &digits;
                }
            }
            let mut sign = sign_of(negative, f).to_string();
            if f.alt {
                sign.push_str(match conv {
                    'o' => "0o",
                    'x' => "0x",
                    'X' => "0X",
                    _ => "",
                });
            }
            (sign, digits, true)
        }
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
            let x = match v {
                Value::Float(x) => *x,
                Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
                    crate::ops::to_f64(v)?.unwrap_or(0.0)
                }
                other => {
                    return Err(PyErr::type_error(format!(
                        "must be real number, not {}",
                        type_name(other)
                    )))
                }
            };
            let upper = conv.is_ascii_uppercase();
            let a = x.abs();
            let body = if !a.is_finite() {
                let t = if a.is_nan() { "nan" } else { "inf" };
                if upper {
                    t.to_uppercase()
                } else {
                    t.to_string()
                }
            } else {
                let style = match conv {
                    'e' | 'E' => FloatStyle::Exp,
                    'f' | 'F' => FloatStyle::Fixed,
                    _ => FloatStyle::General,
                };
                float_digits(a, style, prec.unwrap_or(6), f.alt, upper)
            };
            let neg = x.is_sign_negative() && !x.is_nan();
            (sign_of(neg, f).to_string(), body, true)
        }
        'c' => {
            let ch = match v {
                Value::Str(s) if mode == Mode::Str && s.char_len() == 1 => s.as_str().to_string(),
                Value::Bytes(b) if mode == Mode::Bytes && b.len() == 1 => latin1(b),
                Value::ByteArray(b) if mode == Mode::Bytes && b.borrow().len() == 1 => {
                    latin1(&b.borrow())
                }
                Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
                    let n = index_of(v).unwrap_or(-1);
                    match mode {
                        Mode::Str => match u32::try_from(n).ok().and_then(char::from_u32) {
                            Some(c) if n < 0x110000 => c.to_string(),
                            _ => return Err(PyErr::overflow("%c arg not in range(0x110000)")),
                        },
                        Mode::Bytes => match u8::try_from(n) {
                            Ok(b) => (b as char).to_string(),
                            Err(_) => return Err(PyErr::overflow("%c arg not in range(256)")),
                        },
                    }
                }
                _ => {
                    return Err(PyErr::type_error(match mode {
                        Mode::Str => "%c requires int or char",
                        Mode::Bytes => "%c requires an integer in range(256) or a single byte",
                    }))
                }
            };
            (String::new(), ch, false)
        }
        other => {
            return Err(PyErr::value_error(format!(
                "unsupported format character '{}' (0x{:x}) at index {}",
                if (' '..='~').contains(&other) {
                    other.to_string()
                } else {
                    "?".into()
                },
                other as u32,
                index
            )))
        }
    })
}

/// The integer a `%d`, `%o` or `%x` conversion shows for a big int, a
/// float (`%d` truncates it) or a bool.
fn big_int_operand(v: &Value, conv: char) -> PyResult<BigInt> {
    Ok(match v {
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => to_bigint(v).unwrap_or_default(),
        Value::Float(x) if matches!(conv, 'd' | 'i' | 'u') => {
            if !x.is_finite() {
                return Err(if x.is_nan() {
                    PyErr::value_error("cannot convert float NaN to integer")
                } else {
                    PyErr::overflow("cannot convert float infinity to integer")
                });
            }
            BigInt::from_f64(x.trunc()).unwrap_or_default()
        }
        other => {
            return Err(PyErr::type_error(if matches!(conv, 'd' | 'i' | 'u') {
                format!(
                    "%{conv} format: a real number is required, not {}",
                    type_name(other)
                )
            } else {
                format!(
                    "%{conv} format: an integer is required, not {}",
                    type_name(other)
                )
            }))
        }
    })
}
