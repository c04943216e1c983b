//! Parsing of a format spec (`[[fill]align][sign][z][#][0][width][,|_][.precision][type]`)
//! and the padding and digit grouping shared by all types, after CPython's
//! `Python/formatter_unicode.c`.

use crate::exc::{PyErr, PyResult};
use crate::types::{type_name, ExcKind};
use crate::value::Value;

/// Widths and precisions beyond this fail with `MemoryError` instead of
/// attempting the allocation.
pub(crate) const MAX_WIDTH: usize = 1 << 28;

/// A parsed format spec.
#[derive(Clone, Debug)]
pub struct Spec {
    /// Fill character.
    pub fill: char,
    /// `<`, `>`, `^` or `=`.
    pub align: char,
    /// Whether an alignment was given.
    pub align_given: bool,
    /// `+`, `-` or ` `.
    pub sign: Option<char>,
    /// `z`: negative zero becomes positive.
    pub no_neg_zero: bool,
    /// `#`.
    pub alt: bool,
    /// Minimum width.
    pub width: usize,
    /// `,` or `_` between digit groups.
    pub grouping: Option<char>,
    /// Digits per group (3, or 4 for `_` with b/o/x/X).
    pub group_every: usize,
    /// Precision.
    pub precision: Option<usize>,
    /// Presentation type (`'\0'` when absent).
    pub ty: char,
}

fn is_align(c: char) -> bool {
    matches!(c, '<' | '>' | '^' | '=')
}

fn too_many_digits() -> PyErr {
    PyErr::value_error("Too many decimal digits in format string")
}

fn digits(chars: &[char], pos: &mut usize) -> PyResult<Option<usize>> {
    let start = *pos;
    let mut n: usize = 0;
    while let Some(d) = chars.get(*pos).and_then(|c| c.to_digit(10)) {
        n = n
            .checked_mul(10)
            .and_then(|n| n.checked_add(d as usize))
            .filter(|&n| n <= isize::MAX as usize)
            .ok_or_else(too_many_digits)?;
        *pos += 1;
    }
    Ok((*pos > start).then_some(n))
}

impl Spec {
    /// Parses `spec` for a value `v` whose default alignment is `default_align`.
    pub fn parse(spec: &str, v: &Value, default_align: char) -> PyResult<Spec> {
        // Specs are short: ASCII ones are decoded on the stack.
        let mut buf = ['\0'; 24];
        let heap: Vec<char>;
        let chars: &[char] = if spec.len() <= buf.len() && spec.is_ascii() {
            for (slot, b) in buf.iter_mut().zip(spec.bytes()) {
                *slot = b as char;
            }
            &buf[..spec.len()]
        } else {
            heap = spec.chars().collect();
            &heap
        };
        let mut s = Spec {
            fill: ' ',
            align: default_align,
            align_given: false,
            sign: None,
            no_neg_zero: false,
            alt: false,
            width: 0,
            grouping: None,
            group_every: 3,
            precision: None,
            ty: '\0',
        };
        let mut pos = 0;
        let mut fill_given = false;
        if chars.len() >= 2 && is_align(chars[1]) {
            s.fill = chars[0];
            s.align = chars[1];
            s.align_given = true;
            fill_given = true;
            pos = 2;
        } else if chars.first().is_some_and(|&c| is_align(c)) {
            s.align = chars[0];
            s.align_given = true;
            pos = 1;
        }
        if let Some(&c @ ('+' | '-' | ' ')) = chars.get(pos) {
            s.sign = Some(c);
            pos += 1;
        }
        if chars.get(pos) == Some(&'z') {
            s.no_neg_zero = true;
            pos += 1;
        }
        if chars.get(pos) == Some(&'#') {
            s.alt = true;
            pos += 1;
        }
        if !fill_given && chars.get(pos) == Some(&'0') {
            s.fill = '0';
            if !s.align_given && default_align == '>' {
                s.align = '=';
            }
            pos += 1;
        }
        s.width = digits(chars, &mut pos)?.unwrap_or(0);
        let both = || PyErr::value_error("Cannot specify both ',' and '_'.");
        if chars.get(pos) == Some(&',') {
            s.grouping = Some(',');
            pos += 1;
        }
        if chars.get(pos) == Some(&'_') {
            if s.grouping.is_some() {
                return Err(both());
            }
            s.grouping = Some('_');
            pos += 1;
        }
        if chars.get(pos) == Some(&',') && s.grouping == Some('_') {
            return Err(both());
        }
        if chars.get(pos) == Some(&'.') {
            pos += 1;
            match digits(chars, &mut pos)? {
                Some(p) => s.precision = Some(p),
                None => return Err(PyErr::value_error("Format specifier missing precision")),
            }
        }
        if chars.len() - pos > 1 {
            return Err(PyErr::value_error(format!(
                "Invalid format specifier '{}' for object of type '{}'",
                spec,
                type_name(v)
            )));
        }
        if let Some(&c) = chars.get(pos) {
            s.ty = c;
        }
        if let Some(g) = s.grouping {
            // A str's omitted type is 's'.
            let ty = if s.ty == '\0' && default_align == '<' {
                's'
            } else {
                s.ty
            };
            match ty {
                'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F' | '\0' => {}
                'b' | 'o' | 'x' | 'X' if g == '_' => s.group_every = 4,
                t => {
                    return Err(PyErr::value_error(format!(
                        "Cannot specify '{g}' with {}.",
                        code_repr(t)
                    )))
                }
            }
        }
        if s.precision.is_some_and(|p| p > i32::MAX as usize) {
            return Err(PyErr::value_error("precision too big"));
        }
        if s.width > MAX_WIDTH || s.precision.is_some_and(|p| p > MAX_WIDTH) {
            return Err(PyErr::with_args(ExcKind::MemoryError, vec![]));
        }
        Ok(s)
    }

    /// `Unknown format code 'x' for object of type 'T'`.
    pub fn unknown(&self, v: &Value) -> PyErr {
        PyErr::value_error(format!(
            "Unknown format code {} for object of type '{}'",
            code_repr(self.ty),
            type_name(v)
        ))
    }
}

/// A type code in an error message: `'x'`, or `'\x1'` for an unprintable one.
fn code_repr(c: char) -> String {
    if (' '..='~').contains(&c) {
        format!("'{c}'")
    } else {
        format!("'\\x{:x}'", c as u32)
    }
}

/// `format(str, spec)`.
pub fn format_str(text: &str, spec: &Spec) -> PyResult<String> {
    if !matches!(spec.ty, 's' | '\0') {
        return Err(PyErr::value_error(format!(
            "Unknown format code {} for object of type 'str'",
            code_repr(spec.ty)
        )));
    }
    if let Some(sign) = spec.sign {
        return Err(PyErr::value_error(if sign == ' ' {
            "Space not allowed in string format specifier"
        } else {
            "Sign not allowed in string format specifier"
        }));
    }
    if spec.no_neg_zero {
        return Err(PyErr::value_error(
            "Negative zero coercion (z) not allowed in string format specifier",
        ));
    }
    if spec.alt {
        return Err(PyErr::value_error(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    if spec.align == '=' {
        return Err(PyErr::value_error(
            "'=' alignment not allowed in string format specifier",
        ));
    }
    if let Some(g) = spec.grouping {
        return Err(PyErr::value_error(format!(
            "Cannot specify '{g}' with 's'."
        )));
    }
    let body = match spec.precision {
        Some(p) => match text.char_indices().nth(p) {
            Some((b, _)) => &text[..b],
            None => text,
        },
        None => text,
    };
    let mut out = String::new();
    pad_into(&mut out, body, body.chars().count(), spec);
    Ok(out)
}

/// Appends `body` (of `len` characters) padded to the spec's width; `=` is
/// treated as right alignment (numbers place their own padding).
pub(crate) fn pad_into(out: &mut String, body: &str, len: usize, spec: &Spec) {
    let padn = spec.width.saturating_sub(len);
    let left = match spec.align {
        '<' => 0,
        '^' => padn / 2,
        _ => padn,
    };
    out.reserve(body.len() + padn);
    out.extend(std::iter::repeat(spec.fill).take(left));
    out.push_str(body);
    out.extend(std::iter::repeat(spec.fill).take(padn - left));
}

/// Lays out a number: `sign`, `prefix` (`0x`), the integer digits (grouped), and
/// `rest` (fraction, exponent, `%`), padded as the spec says. With `=` alignment
/// and `0` fill, the zeros are grouped like digits, as CPython does.
pub(crate) fn layout_number(
    spec: &Spec,
    sign: &str,
    prefix: &str,
    int_digits: &str,
    rest: &str,
) -> String {
    let fixed = sign.len() + prefix.len() + rest.chars().count();
    let zero_pad = spec.align == '=' && spec.fill == '0';
    let min_width = if zero_pad {
        spec.width.saturating_sub(fixed)
    } else {
        0
    };
    // Without grouping, zero padding goes straight into the result.
    let (grouped, zeros) = match spec.grouping {
        Some(sep) => (Some(group(int_digits, sep, spec.group_every, min_width)), 0),
        None => (None, min_width.saturating_sub(int_digits.len())),
    };
    let digits = grouped.as_deref().unwrap_or(int_digits);
    let len = fixed + zeros + digits.chars().count();
    let padn = spec.width.saturating_sub(len);
    let (left, mid) = match spec.align {
        '<' => (0, 0),
        '^' => (padn / 2, 0),
        '=' => (0, padn),
        _ => (padn, 0),
    };
    let mut out = String::with_capacity(len + padn);
    out.extend(std::iter::repeat(spec.fill).take(left));
    out.push_str(sign);
    out.push_str(prefix);
    out.extend(std::iter::repeat(spec.fill).take(mid));
    out.extend(std::iter::repeat('0').take(zeros));
    out.push_str(digits);
    out.push_str(rest);
    out.extend(std::iter::repeat(spec.fill).take(padn - left - mid));
    out
}

/// Inserts `sep` every `every` digits from the right, padding with zeros to at
/// least `min_width` characters (CPython's `_PyUnicode_InsertThousandsGrouping`).
pub(crate) fn group(digits: &str, sep: char, every: usize, min_width: usize) -> String {
    let d = digits.as_bytes();
    let mut remaining = d.len() as isize;
    let mut min_width = min_width as isize;
    let mut parts: Vec<u8> = Vec::with_capacity(d.len() + d.len() / every + 2);
    let mut first = true;
    let every = every as isize;
    loop {
        let l = every.min(remaining.max(min_width).max(1));
        let zeros = (l - remaining).max(0);
        let n_chars = remaining.min(l).max(0);
        if !first {
            parts.push(b'\0');
        }
        // Pushed in reverse; flipped at the end.
        for i in 0..n_chars {
            parts.push(d[(remaining - 1 - i) as usize]);
        }
        parts.extend(std::iter::repeat(b'0').take(zeros as usize));
        first = false;
        remaining -= n_chars;
        min_width -= l;
        if remaining <= 0 && min_width <= 0 {
            break;
        }
        min_width -= 1;
    }
    parts
        .iter()
        .rev()
        .map(|&b| if b == 0 { sep } else { b as char })
        .collect()
}
