//! The format-spec mini-language (`format()`, f-strings) and `%`-formatting for
//! the builtin types.

use crate::exc::{PyErr, PyResult};
use crate::ops::to_bigint;
use crate::repr::{repr, to_str};
use crate::types::type_name;
use crate::value::Value;

#[derive(Default, Debug)]
struct Spec {
    fill: Option<char>,
    align: Option<char>,
    sign: Option<char>,
    alt: bool,
    zero: bool,
    width: usize,
    grouping: Option<char>,
    precision: Option<usize>,
    ty: Option<char>,
}

fn parse_spec(spec: &str) -> PyResult<Spec> {
    let chars: Vec<char> = spec.chars().collect();
    let mut s = Spec::default();
    let mut i = 0;
    let is_align = |c: char| matches!(c, '<' | '>' | '^' | '=');
    if chars.len() >= 2 && is_align(chars[1]) {
        s.fill = Some(chars[0]);
        s.align = Some(chars[1]);
        i = 2;
    } else if !chars.is_empty() && is_align(chars[0]) {
        s.align = Some(chars[0]);
        i = 1;
    }
    if let Some(&c) = chars.get(i) {
        if matches!(c, '+' | '-' | ' ') {
            s.sign = Some(c);
            i += 1;
        }
    }
    if chars.get(i) == Some(&'#') {
        s.alt = true;
        i += 1;
    }
    if chars.get(i) == Some(&'0') {
        s.zero = true;
        i += 1;
    }
    let mut width = String::new();
    while let Some(c) = chars.get(i).filter(|c| c.is_ascii_digit()) {
        width.push(*c);
        i += 1;
    }
    s.width = if width.is_empty() {
        0
    } else {
        width.parse().unwrap_or(usize::MAX)
    };
    if s.width > (1 << 28) {
        return Err(PyErr::value_error(
            "Too many decimal digits in format string",
        ));
    }
    if let Some(&c) = chars.get(i) {
        if c == ',' || c == '_' {
            s.grouping = Some(c);
            i += 1;
        }
    }
    if chars.get(i) == Some(&'.') {
        i += 1;
        let mut p = String::new();
        while let Some(c) = chars.get(i).filter(|c| c.is_ascii_digit()) {
            p.push(*c);
            i += 1;
        }
        if p.is_empty() {
            return Err(PyErr::value_error("Format specifier missing precision"));
        }
        s.precision = Some(p.parse().unwrap_or(usize::MAX));
        if s.precision > Some(1 << 20) {
            return Err(PyErr::value_error("precision too big"));
        }
    }
    if let Some(&c) = chars.get(i) {
        s.ty = Some(c);
        i += 1;
    }
    if i != chars.len() {
        return Err(PyErr::value_error("Invalid format specifier"));
    }
    Ok(s)
}

fn group(digits: &str, sep: char, every: usize) -> String {
    let n = digits.len();
    let mut out = String::with_capacity(n + n / every);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (n - i) % every == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

fn pad(body: String, sign: &str, spec: &Spec, default_align: char) -> String {
    let len = body.chars().count() + sign.chars().count();
    let align = spec
        .align
        .unwrap_or(if spec.zero { '=' } else { default_align });
    let fill = spec.fill.unwrap_or(if spec.zero && spec.align.is_none() {
        '0'
    } else {
        ' '
    });
    if len >= spec.width {
        return format!("{sign}{body}");
    }
    let padn = spec.width - len;
    let fills = |n: usize| std::iter::repeat(fill).take(n).collect::<String>();
    match align {
        '<' => format!("{sign}{body}{}", fills(padn)),
        '^' => format!("{}{sign}{body}{}", fills(padn / 2), fills(padn - padn / 2)),
        '=' => format!("{sign}{}{body}", fills(padn)),
        _ => format!("{}{sign}{body}", fills(padn)),
    }
}

/// Formats an exponent float like C's `%e` (`1.50e+02`).
fn fmt_exp(x: f64, prec: usize, upper: bool) -> String {
    let s = format!("{:.*e}", prec, x);
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let e: i32 = exp.parse().unwrap_or(0);
    let out = format!("{}e{}{:02}", mant, if e < 0 { '-' } else { '+' }, e.abs());
    if upper {
        out.to_uppercase()
    } else {
        out
    }
}

fn fmt_general(x: f64, prec: usize, alt: bool, upper: bool) -> String {
    let p = prec.max(1);
    if x == 0.0 {
        return if alt {
            format!("{:.*}", p - 1, 0.0)
        } else {
            "0".to_string()
        };
    }
    let e_form = format!("{:.*e}", p - 1, x);
    let exp: i32 = e_form
        .split_once('e')
        .and_then(|(_, e)| e.parse().ok())
        .unwrap_or(0);
    let mut s = if exp >= -4 && exp < p as i32 {
        format!("{:.*}", (p as i32 - 1 - exp).max(0) as usize, x)
    } else {
        fmt_exp(x, p - 1, upper)
    };
    if !alt {
        // strip trailing zeros of the mantissa
        let (mant, rest) = match s.find(['e', 'E']) {
            Some(i) => (s[..i].to_string(), s[i..].to_string()),
            None => (s.clone(), String::new()),
        };
        let mant = if mant.contains('.') {
            mant.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            mant
        };
        s = mant + &rest;
    }
    s
}

fn format_float(x: f64, spec: &Spec) -> PyResult<String> {
    let neg = x.is_sign_negative() && !x.is_nan();
    let a = x.abs();
    let mut body = if !a.is_finite() {
        let t = if a.is_nan() { "nan" } else { "inf" };
        if matches!(spec.ty, Some('F' | 'E' | 'G')) {
            t.to_uppercase()
        } else {
            t.to_string()
        }
    } else {
        match spec.ty {
            Some('f' | 'F') => format!("{:.*}", spec.precision.unwrap_or(6), a),
            Some('e' | 'E') => fmt_exp(a, spec.precision.unwrap_or(6), spec.ty == Some('E')),
            Some('g' | 'G') => fmt_general(
                a,
                spec.precision.unwrap_or(6),
                spec.alt,
                spec.ty == Some('G'),
            ),
            Some('%') => format!("{:.*}%", spec.precision.unwrap_or(6), a * 100.0),
            None => match spec.precision {
                Some(p) => {
                    let s = fmt_general(a, p, spec.alt, false);
                    if s.contains(['.', 'e', 'n', 'i']) {
                        s
                    } else {
                        s + ".0"
                    }
                }
                None => pith_repr::float_repr(a),
            },
            Some(c) => {
                return Err(PyErr::value_error(format!(
                    "Unknown format code '{c}' for object of type 'float'"
                )))
            }
        }
    };
    if let Some(sep) = spec.grouping {
        let (int_part, rest) = match body.find(|c: char| !c.is_ascii_digit()) {
            Some(i) => (body[..i].to_string(), body[i..].to_string()),
            None => (body.clone(), String::new()),
        };
        body = group(&int_part, sep, 3) + &rest;
    }
    let sign = if neg {
        "-"
    } else {
        match spec.sign {
            Some('+') => "+",
            Some(' ') => " ",
            _ => "",
        }
    };
    Ok(pad(body, sign, spec, '>'))
}

fn format_int(v: &Value, spec: &Spec) -> PyResult<String> {
    let n = to_bigint(v).unwrap_or_default();
    if matches!(spec.ty, Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%')) {
        let f = crate::ops::to_f64(v)?.unwrap_or(0.0);
        return format_float(f, spec);
    }
    if spec.precision.is_some() {
        return Err(PyErr::value_error(
            "Precision not allowed in integer format specifier",
        ));
    }
    let neg = n.sign() == num_bigint::Sign::Minus;
    let mag = n.magnitude();
    let (digits, prefix) = match spec.ty {
        None | Some('d') | Some('n') => (mag.to_str_radix(10), ""),
        Some('b') => (mag.to_str_radix(2), "0b"),
        Some('o') => (mag.to_str_radix(8), "0o"),
        Some('x') => (mag.to_str_radix(16), "0x"),
        Some('X') => (mag.to_str_radix(16).to_uppercase(), "0X"),
        Some('c') => {
            let c = num_traits::ToPrimitive::to_u32(&n)
                .and_then(char::from_u32)
                .ok_or_else(|| PyErr::overflow("%c arg not in range(0x110000)"))?;
            return Ok(pad(c.to_string(), "", spec, '<'));
        }
        Some(c) => {
            return Err(PyErr::value_error(format!(
                "Unknown format code '{}' for object of type '{}'",
                c,
                type_name(v)
            )))
        }
    };
    let digits = match spec.grouping {
        Some(sep) => group(
            &digits,
            sep,
            if matches!(spec.ty, Some('b' | 'o' | 'x' | 'X')) {
                4
            } else {
                3
            },
        ),
        None => digits,
    };
    let mut sign = String::from(if neg {
        "-"
    } else {
        match spec.sign {
            Some('+') => "+",
            Some(' ') => " ",
            _ => "",
        }
    });
    if spec.alt {
        sign.push_str(prefix);
    }
    Ok(pad(digits, &sign, spec, '>'))
}

/// `format(v, spec)` for builtin values.
pub fn format_value(v: &Value, spec: &str) -> PyResult<String> {
    if spec.is_empty() {
        return Ok(to_str(v));
    }
    let s = parse_spec(spec)?;
    match v {
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
            if matches!(v, Value::Bool(_)) && s.ty.is_none() {
                return Ok(pad(to_str(v), "", &s, '<'));
            }
            format_int(v, &s)
        }
        Value::Float(f) => format_float(*f, &s),
        Value::Str(st) => {
            if let Some(t) = s.ty.filter(|&t| t != 's') {
                return Err(PyErr::value_error(format!(
                    "Unknown format code '{t}' for object of type 'str'"
                )));
            }
            if s.sign.is_some() {
                return Err(PyErr::value_error(
                    "Sign not allowed in string format specifier",
                ));
            }
            let mut body = st.as_str().to_string();
            if let Some(p) = s.precision {
                body = body.chars().take(p).collect();
            }
            Ok(pad(body, "", &s, '<'))
        }
        _ => Err(PyErr::type_error(format!(
            "unsupported format string passed to {}.__format__",
            type_name(v)
        ))),
    }
}

/// `str % args` (printf-style formatting).
pub fn percent_format(fmt: &str, args: &Value) -> PyResult<Value> {
    let items: Vec<Value> = match args {
        Value::Tuple(t) => t.to_vec(),
        other => vec![other.clone()],
    };
    let mut out = String::with_capacity(fmt.len() + 16);
    let mut next = 0usize;
    let mut chars = fmt.chars().peekable();
    let take = |next: &mut usize| -> PyResult<Value> {
        let v = items
            .get(*next)
            .cloned()
            .ok_or_else(|| PyErr::type_error("not enough arguments for format string"))?;
        *next += 1;
        Ok(v)
    };
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let mut spec = String::new();
        let conv = loop {
            match chars.next() {
                Some(ch) if "-+ #0123456789.".contains(ch) => spec.push(ch),
                Some(ch) => break ch,
                None => return Err(PyErr::value_error("incomplete format")),
            }
        };
        if conv == '%' {
            out.push('%');
            continue;
        }
        let v = take(&mut next)?;
        let mut sp = String::new();
        let flags: String = spec.chars().take_while(|c| "-+ #0".contains(*c)).collect();
        let rest = &spec[flags.len()..];
        if flags.contains('-') {
            sp.push('<');
        } else if !flags.contains('0') || matches!(conv, 's' | 'r' | 'a') {
            sp.push('>');
        }
        if flags.contains('+') {
            sp.push('+');
        } else if flags.contains(' ') {
            sp.push(' ');
        }
        if flags.contains('#') {
            sp.push('#');
        }
        if flags.contains('0') && !flags.contains('-') {
            sp.push('0');
        }
        sp.push_str(rest);
        let piece = match conv {
            's' => format_value(&Value::string(to_str(&v)), &sp.replace('#', ""))?,
            'r' | 'a' => format_value(&Value::string(repr(&v)), &sp)?,
            'd' | 'i' | 'u' => {
                let iv = match &v {
                    Value::Float(f) => Value::from_bigint(
                        <num_bigint::BigInt as num_traits::FromPrimitive>::from_f64(f.trunc())
                            .unwrap_or_default(),
                    ),
                    Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => v.clone(),
                    _ => {
                        return Err(PyErr::type_error(format!(
                            "%{} format: a real number is required, not {}",
                            conv,
                            type_name(&v)
                        )))
                    }
                };
                format_value(&iv, &sp)?
            }
            'x' | 'X' | 'o' => {
                if !matches!(v, Value::Int(_) | Value::BigInt(_) | Value::Bool(_)) {
                    return Err(PyErr::type_error(format!(
                        "%{} format: an integer is required, not {}",
                        conv,
                        type_name(&v)
                    )));
                }
                format_value(&v, &format!("{sp}{conv}"))?
            }
            'f' | 'F' | 'e' | 'E' | 'g' | 'G' => {
                let f = crate::ops::to_f64(&v)?.ok_or_else(|| {
                    PyErr::type_error(format!("must be real number, not {}", type_name(&v)))
                })?;
                let sp = if sp.contains('.') || matches!(conv, 'g' | 'G') {
                    sp
                } else {
                    format!("{sp}.6")
                };
                format_value(&Value::Float(f), &format!("{sp}{conv}"))?
            }
            'c' => match &v {
                Value::Str(s) => s.as_str().to_string(),
                _ => format_value(&v, "c")?,
            },
            other => {
                return Err(PyErr::value_error(format!(
                    "unsupported format character '{}' (0x{:x}) at index {}",
                    other, other as u32, 0
                )))
            }
        };
        out.push_str(&piece);
    }
    if next < items.len() && matches!(args, Value::Tuple(_)) {
        return Err(PyErr::type_error(
            "not all arguments converted during string formatting",
        ));
    }
    Ok(Value::string(out))
}
