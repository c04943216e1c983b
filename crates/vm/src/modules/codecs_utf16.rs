//! The UTF-16 and UTF-32 codecs of `_codecs` (CPython's
//! `Objects/unicodeobject.c`, `PyUnicode_EncodeUTF16` and friends): the
//! byte-order-mark forms (`utf_16_encode`, `utf_16_decode`,
//! `utf_16_ex_decode`) and the fixed-order ones (`utf_16_le_*`, ...), which
//! `encodings.utf_16` and `encodings.utf_32` wrap into stateless, incremental
//! and stream codecs.
//!
//! Decoders take `final`: without it an unfinished code unit (or a high
//! surrogate still waiting for its partner) is left unconsumed for the next
//! call, which is what the incremental decoders rely on. Errors go through
//! the handler named by `errors`, the built-in ones here and any registered
//! with `codecs.register_error` by calling it as CPython does.

use std::rc::Rc;

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::native::bind_args;
use crate::str_surrogates::is_surrogate;
use crate::types::{type_name, ExcKind};
use crate::value::{StrObj, Value};
use crate::vm::Vm;

use super::codecs::{bytes_arg, error_handler, errors_arg};

/// The size of a code unit.
#[derive(Clone, Copy, PartialEq)]
enum Width {
    /// UTF-16: two bytes, with surrogate pairs above U+FFFF.
    Two,
    /// UTF-32: four bytes, one per code point.
    Four,
}

impl Width {
    fn bytes(self) -> usize {
        match self {
            Width::Two => 2,
            Width::Four => 4,
        }
    }

    fn family(self) -> &'static str {
        match self {
            Width::Two => "utf-16",
            Width::Four => "utf-32",
        }
    }
}

/// CPython's `byteorder` argument: -1 little endian, 1 big endian, 0 native
/// (little endian here) with a byte order mark.
type ByteOrder = i64;

/// The codec's name in error messages for a byte order.
fn codec_name(width: Width, order: ByteOrder) -> String {
    match order {
        -1 => format!("{}-le", width.family()),
        1 => format!("{}-be", width.family()),
        _ => width.family().to_string(),
    }
}

fn push_unit(out: &mut Vec<u8>, width: Width, big: bool, unit: u32) {
    match (width, big) {
        (Width::Two, false) => out.extend_from_slice(&(unit as u16).to_le_bytes()),
        (Width::Two, true) => out.extend_from_slice(&(unit as u16).to_be_bytes()),
        (Width::Four, false) => out.extend_from_slice(&unit.to_le_bytes()),
        (Width::Four, true) => out.extend_from_slice(&unit.to_be_bytes()),
    }
}

/// Appends a code point that is not a lone surrogate.
fn push_char(out: &mut Vec<u8>, width: Width, big: bool, cp: u32) {
    if width == Width::Two && cp >= 0x10000 {
        let c = cp - 0x10000;
        push_unit(out, width, big, 0xD800 + (c >> 10));
        push_unit(out, width, big, 0xDC00 + (c & 0x3FF));
    } else {
        push_unit(out, width, big, cp);
    }
}

fn read_unit(data: &[u8], at: usize, width: Width, big: bool) -> u32 {
    let b = &data[at..at + width.bytes()];
    match (width, big) {
        (Width::Two, false) => u32::from(u16::from_le_bytes([b[0], b[1]])),
        (Width::Two, true) => u32::from(u16::from_be_bytes([b[0], b[1]])),
        (Width::Four, false) => u32::from_le_bytes([b[0], b[1], b[2], b[3]]),
        (Width::Four, true) => u32::from_be_bytes([b[0], b[1], b[2], b[3]]),
    }
}

/// Where decoding resumes after an error handler ran.
pub(super) struct Resume {
    /// The position in the input to go on from.
    pub at: usize,
    /// The new input, when a registered handler replaced the exception's
    /// `object` (CPython's decoders read it back and go on over it).
    pub input: Option<Vec<u8>>,
}

impl Resume {
    fn at(at: usize) -> Self {
        Resume { at, input: None }
    }
}

/// The decoding error handlers every codec here shares: `strict`,
/// `ignore`, `replace`, `backslashreplace`, and a registered handler for any
/// other name. Appends the replacement for the bad bytes `span` of `data` to
/// `out` and returns where decoding resumes, and over what.
pub(super) fn recover_decode(
    vm: &mut Vm,
    data: &[u8],
    span: (usize, usize),
    errors: &str,
    error: impl Fn() -> PyErr,
    out: &mut Vec<u32>,
) -> PyResult<Resume> {
    let (start, end) = span;
    match errors {
        "strict" => Err(error()),
        "ignore" => Ok(Resume::at(end)),
        "replace" => {
            out.push(0xFFFD);
            Ok(Resume::at(end))
        }
        "backslashreplace" => {
            for b in &data[start..end] {
                out.extend(format!("\\x{b:02x}").chars().map(u32::from));
            }
            Ok(Resume::at(end))
        }
        other => {
            let exc = error();
            let (rep, pos) = call_handler(vm, other, exc.clone(), "decoding")?;
            let Value::Str(r) = &rep else {
                return Err(PyErr::type_error(
                    "decoding error handler must return (str, int) tuple",
                ));
            };
            let input = handler_input(&exc, data)?;
            let len = input.as_ref().map_or(data.len(), Vec::len);
            let at = handler_position(&pos, len)?;
            out.extend(r.code_points());
            Ok(Resume { at, input })
        }
    }
}

/// The exception's `object` after its handler ran, when the handler
/// replaced it with other bytes (`unicode_decode_call_errorhandler_writer`
/// re-reads it, so a handler may hand the decoder new input).
fn handler_input(exc: &PyErr, data: &[u8]) -> PyResult<Option<Vec<u8>>> {
    let object = exc
        .0
        .dict
        .borrow()
        .as_ref()
        .and_then(|d| crate::import::dict_get(&d.borrow(), "object"));
    match object {
        Some(Value::Bytes(b)) if b.as_slice() == data => Ok(None),
        Some(Value::Bytes(b)) => Ok(Some(b.to_vec())),
        _ => Err(PyErr::type_error("object attribute must be bytes")),
    }
}

/// A position an error handler returned, negative from the end, checked.
pub(super) fn handler_position(pos: &Value, len: usize) -> PyResult<usize> {
    let p = match pos {
        Value::Int(p) => *p,
        Value::Bool(b) => i64::from(*b),
        other => {
            return Err(PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                type_name(other)
            )))
        }
    };
    let at = if p < 0 { len as i64 + p } else { p };
    if at < 0 || at as usize > len {
        return Err(PyErr::new(
            ExcKind::IndexError,
            format!("position {p} from error handler out of bounds"),
        ));
    }
    Ok(at as usize)
}

/// Calls the registered handler `errors` with `exc`: `(replacement, resume)`.
pub(super) fn call_handler(
    vm: &mut Vm,
    errors: &str,
    exc: PyErr,
    what: &str,
) -> PyResult<(Value, Value)> {
    let handler = error_handler(vm, errors)?;
    let r = vm.call(&handler, &[Value::Exception(exc.0)])?;
    match &r {
        Value::Tuple(t) if t.len() == 2 => Ok((t[0].clone(), t[1].clone())),
        _ if what == "encoding" => Err(PyErr::type_error(super::codec_errors::ENCODE_RESULT)),
        _ => Err(PyErr::type_error(format!(
            "{what} error handler must return (str, int) tuple"
        ))),
    }
}

/// Encodes the str `obj` (whose text is `s`).
fn encode_text(
    vm: &mut Vm,
    obj: &Value,
    s: &StrObj,
    width: Width,
    order: ByteOrder,
    errors: &str,
) -> PyResult<Vec<u8>> {
    let name = codec_name(width, order);
    let big = order == 1;
    let cps: Vec<u32> = s.code_points().collect();
    let mut out = Vec::with_capacity(cps.len() * width.bytes() + 4);
    if order == 0 {
        push_unit(&mut out, width, big, 0xFEFF);
    }
    let mut i = 0;
    while i < cps.len() {
        let c = cps[i];
        if !is_surrogate(c) {
            push_char(&mut out, width, big, c);
            i += 1;
            continue;
        }
        let text = |t: &str, out: &mut Vec<u8>| {
            t.chars()
                .for_each(|ch| push_char(out, width, big, u32::from(ch)))
        };
        match errors {
            "surrogatepass" => push_unit(&mut out, width, big, c),
            "ignore" => {}
            "replace" => text("?", &mut out),
            "backslashreplace" | "namereplace" => text(&format!("\\u{c:04x}"), &mut out),
            "xmlcharrefreplace" => text(&format!("&#{c};"), &mut out),
            "strict" | "surrogateescape" => {
                return Err(surrogate_error(&name, obj, i));
            }
            other => {
                let exc = surrogate_error(&name, obj, i);
                let (rep, pos) = call_handler(vm, other, exc, "encoding")?;
                match &rep {
                    // CPython takes ASCII text, and bytes of whole code
                    // units, and reports the surrogate otherwise.
                    Value::Str(r) => {
                        if r.code_points().any(|cp| cp >= 0x80) {
                            return Err(surrogate_error(&name, obj, i));
                        }
                        r.code_points()
                            .for_each(|cp| push_char(&mut out, width, big, cp));
                    }
                    Value::Bytes(b) if b.len() % width.bytes() == 0 => out.extend_from_slice(b),
                    Value::Bytes(_) => return Err(surrogate_error(&name, obj, i)),
                    _ => return Err(PyErr::type_error(super::codec_errors::ENCODE_RESULT)),
                }
                i = handler_position(&pos, cps.len())?;
                continue;
            }
        }
        i += 1;
    }
    Ok(out)
}

fn surrogate_error(name: &str, obj: &Value, at: usize) -> PyErr {
    crate::unicode_error::encode_error(name, obj.clone(), at, at + 1, "surrogates not allowed")
}

/// Decodes `data[start..]`; returns the code points and where decoding
/// stopped (short of the end when not `last` and the tail is unfinished).
#[allow(clippy::too_many_arguments)]
fn decode_units(
    vm: &mut Vm,
    data: &[u8],
    start: usize,
    width: Width,
    big: bool,
    errors: &str,
    last: bool,
    name: &str,
) -> PyResult<(Vec<u32>, usize)> {
    let mut cps = Vec::with_capacity(data.len() / width.bytes());
    // The input a registered handler substituted, if any.
    let mut replaced: Option<Vec<u8>> = None;
    let mut i = start;
    loop {
        let data = replaced.as_deref().unwrap_or(data);
        let len = data.len();
        if i >= len {
            break;
        }
        let rem = len - i;
        let problem = match width {
            Width::Two if rem < 2 => Some((len, "truncated data")),
            Width::Two => {
                let u = read_unit(data, i, width, big);
                if !is_surrogate(u) {
                    cps.push(u);
                    i += 2;
                    None
                } else if u >= 0xDC00 {
                    Some((i + 2, "illegal encoding"))
                } else if rem < 4 {
                    Some((len, "unexpected end of data"))
                } else {
                    let lo = read_unit(data, i + 2, width, big);
                    if (0xDC00..0xE000).contains(&lo) {
                        cps.push(0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00));
                        i += 4;
                        None
                    } else {
                        Some((i + 2, "illegal UTF-16 surrogate"))
                    }
                }
            }
            Width::Four if rem < 4 => Some((len, "truncated data")),
            Width::Four => {
                let c = read_unit(data, i, width, big);
                if c > 0x10FFFF {
                    Some((i + 4, "code point not in range(0x110000)"))
                } else if is_surrogate(c) {
                    Some((
                        i + 4,
                        "code point in surrogate code point range(0xd800, 0xe000)",
                    ))
                } else {
                    cps.push(c);
                    i += 4;
                    None
                }
            }
        };
        let Some((end, reason)) = problem else {
            continue;
        };
        // An unfinished tail waits for more input unless this is the end.
        if end == len && !last && matches!(reason, "truncated data" | "unexpected end of data") {
            break;
        }
        let resume = recover(
            vm,
            data,
            (i, end),
            reason,
            errors,
            name,
            (width, big),
            &mut cps,
        )?;
        i = resume.at;
        if resume.input.is_some() {
            replaced = resume.input;
        }
    }
    Ok((cps, i))
}

/// Applies the error handler to the bad bytes `span` of `data`: appends the
/// replacement to `cps` and returns where decoding resumes.
#[allow(clippy::too_many_arguments)]
fn recover(
    vm: &mut Vm,
    data: &[u8],
    span: (usize, usize),
    reason: &str,
    errors: &str,
    name: &str,
    unit: (Width, bool),
    cps: &mut Vec<u32>,
) -> PyResult<Resume> {
    let (start, end) = span;
    let (width, big) = unit;
    let error = || crate::unicode_error::decode_error(name, data, start, end, reason);
    match errors {
        "surrogatepass" => {
            // The handler turns one encoded surrogate back into itself.
            let w = width.bytes();
            if start + w <= data.len() {
                let u = read_unit(data, start, width, big);
                if is_surrogate(u) {
                    cps.push(u);
                    return Ok(Resume::at(start + w));
                }
            }
            Err(error())
        }
        "surrogateescape" => {
            let n = data[start..end]
                .iter()
                .take(4)
                .take_while(|&&b| b >= 0x80)
                .count();
            if n == 0 {
                return Err(error());
            }
            cps.extend(
                data[start..start + n]
                    .iter()
                    .map(|&b| 0xDC00 + u32::from(b)),
            );
            Ok(Resume::at(start + n))
        }
        _ => recover_decode(vm, data, span, errors, error, cps),
    }
}

// ---- the `_codecs` functions ----

fn encode_entry(
    vm: &mut Vm,
    a: &Args<'_>,
    fname: &str,
    width: Width,
    fixed: Option<ByteOrder>,
) -> PyResult<Value> {
    let names: &[&str] = if fixed.is_some() {
        &["str", "errors"]
    } else {
        &["str", "errors", "byteorder"]
    };
    let args = bind_args(a, fname, names, 1)?;
    let obj = args[0].cloned().unwrap_or(Value::None);
    let Value::Str(s) = &obj else {
        return Err(PyErr::type_error(format!(
            "{fname}() argument 1 must be str, not {}",
            type_name(&obj)
        )));
    };
    let errors = errors_arg(args[1], fname, 2)?;
    let order = match fixed {
        Some(o) => o,
        None => int_arg(args.get(2).copied().flatten(), fname)?,
    };
    let out = encode_text(vm, &obj, s, width, order, &errors)?;
    Ok(Value::tuple(vec![
        Value::Bytes(Rc::new(out)),
        Value::Int(s.char_len() as i64),
    ]))
}

fn int_arg(v: Option<&Value>, fname: &str) -> PyResult<i64> {
    match v {
        None => Ok(0),
        Some(Value::Int(n)) => Ok(*n),
        Some(Value::Bool(b)) => Ok(i64::from(*b)),
        Some(other) => Err(PyErr::type_error(format!(
            "{fname}() argument 3 must be int, not {}",
            type_name(other)
        ))),
    }
}

/// The byte order a byte order mark at the start of `data` announces.
fn bom(data: &[u8], width: Width) -> Option<ByteOrder> {
    match width {
        Width::Two if data.starts_with(&[0xFF, 0xFE]) => Some(-1),
        Width::Two if data.starts_with(&[0xFE, 0xFF]) => Some(1),
        Width::Four if data.starts_with(&[0xFF, 0xFE, 0, 0]) => Some(-1),
        Width::Four if data.starts_with(&[0, 0, 0xFE, 0xFF]) => Some(1),
        _ => None,
    }
}

/// Decodes with byte order `order` (0: read a byte order mark, else native):
/// `(text, consumed, byte order found)`.
fn decode_ordered(
    vm: &mut Vm,
    data: &[u8],
    width: Width,
    order: ByteOrder,
    errors: &str,
    last: bool,
) -> PyResult<(Value, usize, ByteOrder)> {
    let mut order = order;
    let mut start = 0;
    if order == 0 {
        if let Some(found) = bom(data, width) {
            order = found;
            start = width.bytes();
        } else if data.len() < width.bytes() && !last {
            // Too short to tell whether a byte order mark is coming.
            return Ok((Value::str(""), 0, 0));
        }
    }
    let big = order == 1;
    let name = codec_name(width, if big { 1 } else { -1 });
    let (cps, used) = decode_units(vm, data, start, width, big, errors, last, &name)?;
    Ok((Value::from_code_points(cps), used, order))
}

fn decode_entry(
    vm: &mut Vm,
    a: &Args<'_>,
    fname: &str,
    width: Width,
    fixed: Option<ByteOrder>,
) -> PyResult<Value> {
    let args = bind_args(a, fname, &["data", "errors", "final"], 1)?;
    let data = bytes_arg(args[0], fname)?;
    let errors = errors_arg(args[1], fname, 2)?;
    let last = args[2].is_some_and(crate::ops::truthy);
    let (text, used, _) = decode_ordered(vm, &data, width, fixed.unwrap_or(0), &errors, last)?;
    Ok(Value::tuple(vec![
        text,
        Value::Int(consumed(&data, used, last)),
    ]))
}

fn ex_decode_entry(vm: &mut Vm, a: &Args<'_>, fname: &str, width: Width) -> PyResult<Value> {
    let args = bind_args(a, fname, &["data", "errors", "byteorder", "final"], 1)?;
    let data = bytes_arg(args[0], fname)?;
    let errors = errors_arg(args[1], fname, 2)?;
    let order = int_arg(args[2], fname)?;
    let last = args[3].is_some_and(crate::ops::truthy);
    let (text, used, found) = decode_ordered(vm, &data, width, order, &errors, last)?;
    Ok(Value::tuple(vec![
        text,
        Value::Int(consumed(&data, used, last)),
        Value::Int(found),
    ]))
}

/// The consumed count a decoder returns: all of `data` when final (even if
/// an error handler substituted other input, as CPython's `_codecs` reports
/// the argument's length), else where decoding stopped.
pub(super) fn consumed(data: &[u8], used: usize, last: bool) -> i64 {
    if last {
        data.len() as i64
    } else {
        used as i64
    }
}

/// Declares the `_codecs` entry points, each a call of one of the shared
/// entries with its own name, width and fixed byte order.
macro_rules! codec_entries {
    ($($(#[$doc:meta])* $name:ident => $entry:ident($($arg:expr),*);)*) => {
        $($(#[$doc])*
        pub(super) fn $name(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
            $entry(vm, &a, stringify!($name), $($arg),*)
        })*
    };
}

codec_entries! {
    /// `utf_16_encode(str, errors=None, byteorder=0)`.
    utf_16_encode => encode_entry(Width::Two, None);
    /// `utf_16_le_encode(str, errors=None)`.
    utf_16_le_encode => encode_entry(Width::Two, Some(-1));
    /// `utf_16_be_encode(str, errors=None)`.
    utf_16_be_encode => encode_entry(Width::Two, Some(1));
    /// `utf_16_decode(data, errors=None, final=False)`.
    utf_16_decode => decode_entry(Width::Two, None);
    /// `utf_16_le_decode(data, errors=None, final=False)`.
    utf_16_le_decode => decode_entry(Width::Two, Some(-1));
    /// `utf_16_be_decode(data, errors=None, final=False)`.
    utf_16_be_decode => decode_entry(Width::Two, Some(1));
    /// `utf_16_ex_decode(data, errors=None, byteorder=0, final=False)`.
    utf_16_ex_decode => ex_decode_entry(Width::Two);
    /// `utf_32_encode(str, errors=None, byteorder=0)`.
    utf_32_encode => encode_entry(Width::Four, None);
    /// `utf_32_le_encode(str, errors=None)`.
    utf_32_le_encode => encode_entry(Width::Four, Some(-1));
    /// `utf_32_be_encode(str, errors=None)`.
    utf_32_be_encode => encode_entry(Width::Four, Some(1));
    /// `utf_32_decode(data, errors=None, final=False)`.
    utf_32_decode => decode_entry(Width::Four, None);
    /// `utf_32_le_decode(data, errors=None, final=False)`.
    utf_32_le_decode => decode_entry(Width::Four, Some(-1));
    /// `utf_32_be_decode(data, errors=None, final=False)`.
    utf_32_be_decode => decode_entry(Width::Four, Some(1));
    /// `utf_32_ex_decode(data, errors=None, byteorder=0, final=False)`.
    utf_32_ex_decode => ex_decode_entry(Width::Four);
}
