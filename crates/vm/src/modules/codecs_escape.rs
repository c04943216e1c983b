//! The `unicode_escape` and `raw_unicode_escape` codecs of `_codecs`
//! (CPython's `_PyUnicode_DecodeUnicodeEscapeInternal` and
//! `PyUnicode_DecodeRawUnicodeEscape`), which `encodings.unicode_escape`
//! and `encodings.raw_unicode_escape` wrap. Encoding is shared with
//! `str.encode` (`crate::str_codecs`); decoding is here.
//!
//! Both decoders take `final`: without it an escape cut off by the end of the
//! data is left unconsumed for the next call (the incremental decoders).
//! Bytes that are not part of an escape are Latin-1 characters.

use pith_repr::escape::InvalidEscape;

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::native::bind_args;
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::Vm;

use super::codecs::{bytes_arg, errors_arg};
use super::codecs_utf16::{recover_decode, Resume};

/// Which of the two codecs: their names in errors and the escapes they know.
#[derive(Clone, Copy, PartialEq)]
enum Flavor {
    /// Every escape of a str literal.
    Full,
    /// Only `\uXXXX` and `\UXXXXXXXX`.
    Raw,
}

impl Flavor {
    fn codec(self) -> &'static str {
        match self {
            Flavor::Full => "unicodeescape",
            Flavor::Raw => "rawunicodeescape",
        }
    }
}

/// What stopped an escape: the end of the data (which waits for more input
/// when the call is not final) or a malformed escape, with CPython's reason.
enum Bad {
    Incomplete(&'static str),
    Error(&'static str),
}

/// Decodes one escape whose backslash is at `start` (the data has a byte
/// after it). Returns the position after the escape, or what went wrong and
/// where the bad span ends. The first escape that `unicode_escape`
/// deprecates (unknown, or octal above `\377`) is noted in `first_invalid`.
fn escape(
    data: &[u8],
    start: usize,
    flavor: Flavor,
    out: &mut Vec<u32>,
    first_invalid: &mut Option<InvalidEscape>,
) -> Result<usize, (Bad, usize)> {
    let mut s = start + 1;
    let c = data[s];
    s += 1;
    let (count, message) = match c {
        b'u' => (4, "truncated \\uXXXX escape"),
        b'U' => (8, "truncated \\UXXXXXXXX escape"),
        b'x' if flavor == Flavor::Full => (2, "truncated \\xXX escape"),
        _ if flavor == Flavor::Raw => {
            // Not an escape: both bytes stand, so `\\u` is no escape either.
            out.extend([u32::from(b'\\'), u32::from(c)]);
            return Ok(s);
        }
        b'\n' => return Ok(s),
        b'N' => return named(data, s, out),
        b'0'..=b'7' => {
            let mut v = u32::from(c - b'0');
            for _ in 0..2 {
                match data.get(s) {
                    Some(&d @ b'0'..=b'7') => {
                        v = v * 8 + u32::from(d - b'0');
                        s += 1;
                    }
                    _ => break,
                }
            }
            // Only three digits exceed a byte.
            if v > 0o377 && first_invalid.is_none() {
                if let Some(&[a, b, c]) = data.get(start + 1..s) {
                    *first_invalid = Some(InvalidEscape::Octal([a, b, c]));
                }
            }
            out.push(v);
            return Ok(s);
        }
        _ => {
            let simple = match c {
                b'\\' | b'\'' | b'"' => Some(u32::from(c)),
                b'a' => Some(7),
                b'b' => Some(8),
                b'f' => Some(12),
                b'n' => Some(10),
                b'r' => Some(13),
                b't' => Some(9),
                b'v' => Some(11),
                _ => None,
            };
            match simple {
                Some(v) => out.push(v),
                // An unknown escape keeps its backslash.
                None => {
                    if first_invalid.is_none() {
                        *first_invalid = Some(InvalidEscape::Unknown(char::from(c)));
                    }
                    out.extend([u32::from(b'\\'), u32::from(c)]);
                }
            }
            return Ok(s);
        }
    };
    let mut ch: u32 = 0;
    for _ in 0..count {
        let Some(&d) = data.get(s) else {
            return Err((Bad::Incomplete(message), s));
        };
        let Some(v) = (d as char).to_digit(16) else {
            return Err((Bad::Error(message), s));
        };
        ch = (ch << 4) | v;
        s += 1;
    }
    if ch > 0x10FFFF {
        let reason = match flavor {
            Flavor::Full => "illegal Unicode character",
            Flavor::Raw => "\\Uxxxxxxxx out of range",
        };
        return Err((Bad::Error(reason), s));
    }
    out.push(ch);
    Ok(s)
}

/// `\N{name}`, `s` just past the `N`.
fn named(data: &[u8], mut s: usize, out: &mut Vec<u32>) -> Result<usize, (Bad, usize)> {
    const MALFORMED: &str = "malformed \\N character escape";
    match data.get(s) {
        None => return Err((Bad::Incomplete(MALFORMED), s)),
        Some(b'{') => {}
        Some(_) => return Err((Bad::Error(MALFORMED), s)),
    }
    s += 1;
    let name_start = s;
    let Some(len) = data[s..].iter().position(|&b| b == b'}') else {
        return Err((Bad::Incomplete(MALFORMED), data.len()));
    };
    if len == 0 {
        return Err((Bad::Error(MALFORMED), s));
    }
    s += len + 1;
    match super::unicodedata::char_named(&data[name_start..name_start + len]) {
        Some(cp) => {
            out.push(cp);
            Ok(s)
        }
        None => Err((Bad::Error("unknown Unicode character name"), s)),
    }
}

/// Decodes `data`; returns the code points and how many bytes were used.
fn decode(
    vm: &mut Vm,
    data: &[u8],
    flavor: Flavor,
    errors: &str,
    last: bool,
) -> PyResult<(Vec<u32>, usize)> {
    let mut out = Vec::with_capacity(data.len());
    let mut first_invalid = None;
    // The input a registered handler substituted, if any.
    let mut replaced: Option<Vec<u8>> = None;
    let mut i = 0;
    loop {
        let data = replaced.as_deref().unwrap_or(data);
        let Some(&c) = data.get(i) else {
            break;
        };
        if c != b'\\' {
            out.push(u32::from(c));
            i += 1;
            continue;
        }
        let result = if i + 1 == data.len() {
            if flavor == Flavor::Raw {
                if !last {
                    break;
                }
                out.push(u32::from(c));
                i += 1;
                continue;
            }
            Err((Bad::Incomplete("\\ at end of string"), data.len()))
        } else {
            escape(data, i, flavor, &mut out, &mut first_invalid)
        };
        let (bad, end) = match result {
            Ok(next) => {
                i = next;
                continue;
            }
            Err(e) => e,
        };
        let reason = match bad {
            Bad::Incomplete(_) if !last => break,
            Bad::Incomplete(r) | Bad::Error(r) => r,
        };
        let resume = recover(vm, data, (i, end), reason, errors, flavor, &mut out)?;
        i = resume.at;
        if resume.input.is_some() {
            replaced = resume.input;
        }
    }
    if let Some(invalid) = first_invalid {
        vm.warn(ExcKind::DeprecationWarning, &invalid.message())?;
    }
    Ok((out, i))
}

/// Applies the error handler to the bad span of `data`; returns where
/// decoding resumes.
fn recover(
    vm: &mut Vm,
    data: &[u8],
    span: (usize, usize),
    reason: &str,
    errors: &str,
    flavor: Flavor,
    out: &mut Vec<u32>,
) -> PyResult<Resume> {
    let (start, end) = span;
    let error = || crate::unicode_error::decode_error(flavor.codec(), data, start, end, reason);
    recover_decode(vm, data, span, errors, error, out)
}

fn decode_entry(vm: &mut Vm, a: &Args<'_>, fname: &str, flavor: Flavor) -> PyResult<Value> {
    let args = bind_args(a, fname, &["data", "errors", "final"], 1)?;
    // Like CPython's `s*`, a str argument is read as its UTF-8 bytes.
    let data = match args[0] {
        Some(Value::Str(s)) => s.as_str().as_bytes().to_vec(),
        v => bytes_arg(v, fname)?,
    };
    let errors = errors_arg(args[1], fname, 2)?;
    let last = args[2].map_or(true, crate::ops::truthy);
    let (cps, used) = decode(vm, &data, flavor, &errors, last)?;
    Ok(Value::tuple(vec![
        Value::from_code_points(cps),
        Value::Int(super::codecs_utf16::consumed(&data, used, last)),
    ]))
}

fn encode_entry(a: &Args<'_>, fname: &str, encoding: &str) -> PyResult<Value> {
    let args = bind_args(a, fname, &["str", "errors"], 1)?;
    let s = match args[0] {
        Some(Value::Str(s)) => s.clone(),
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "{fname}() argument 1 must be str, not {}",
                crate::types::type_name(other)
            )))
        }
        None => return Err(PyErr::type_error(format!("{fname}() missing argument 1"))),
    };
    errors_arg(args[1], fname, 2)?;
    let out = crate::str_codecs::encode(&s, encoding, "strict")?;
    Ok(Value::tuple(vec![
        Value::Bytes(std::rc::Rc::new(out)),
        Value::Int(s.code_points().count() as i64),
    ]))
}

/// `unicode_escape_decode(data, errors=None, final=True)`.
pub(super) fn unicode_escape_decode(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    decode_entry(vm, &a, "unicode_escape_decode", Flavor::Full)
}

/// `raw_unicode_escape_decode(data, errors=None, final=True)`.
pub(super) fn raw_unicode_escape_decode(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    decode_entry(vm, &a, "raw_unicode_escape_decode", Flavor::Raw)
}

/// `unicode_escape_encode(str, errors=None)`.
pub(super) fn unicode_escape_encode(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    encode_entry(&a, "unicode_escape_encode", "unicode_escape")
}

/// `raw_unicode_escape_encode(str, errors=None)`.
pub(super) fn raw_unicode_escape_encode(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    encode_entry(&a, "raw_unicode_escape_encode", "raw_unicode_escape")
}
