//! The built-in error handlers of `Python/codecs.c` (`strict`, `ignore`,
//! `replace`, `xmlcharrefreplace`, `backslashreplace`, `namereplace`,
//! `surrogateescape`, `surrogatepass`) as callables, which
//! `codecs.lookup_error` returns and the codecs call for names they do not
//! handle inline. Each checks the kind of error it is given and reads its
//! `object`, `start` and `end` with CPython's clamping.

use std::rc::Rc;

use crate::exc::{ExcObj, PyErr, PyResult};
use crate::func::Args;
use crate::str_surrogates::is_surrogate;
use crate::types::{type_name, ExcKind};
use crate::value::Value;
use crate::vm::Vm;

super::module_functions!(HANDLERS, "_codecs", [
    "strict_errors" => strict_errors, "ignore_errors" => ignore_errors,
    "replace_errors" => replace_errors, "xmlcharrefreplace_errors" => xmlcharrefreplace_errors,
    "backslashreplace_errors" => backslashreplace_errors,
    "namereplace_errors" => namereplace_errors,
    "surrogateescape" => surrogateescape_errors, "surrogatepass" => surrogatepass_errors,
]);

/// The handler names, in the order of `HANDLERS`.
const NAMES: [&str; 8] = [
    "strict",
    "ignore",
    "replace",
    "xmlcharrefreplace",
    "backslashreplace",
    "namereplace",
    "surrogateescape",
    "surrogatepass",
];

/// `(name, handler)` for each built-in handler, to seed the registry.
pub(super) fn builtin_handlers() -> impl Iterator<Item = (&'static str, Value)> {
    NAMES
        .into_iter()
        .enumerate()
        .map(|(i, name)| (name, Value::Builtin(&HANDLERS[i])))
}

/// Which of the three Unicode errors a handler was given.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Encode,
    Decode,
    Translate,
}

/// The one argument, an exception, and its kind (`None`: another exception).
fn exc_arg(a: &Args<'_>, fname: &str) -> PyResult<(Rc<ExcObj>, Option<Kind>)> {
    let e = match a.pos {
        [Value::Exception(e)] if a.kwnames.is_empty() => e.clone(),
        [other] if a.kwnames.is_empty() => return Err(wrong_type(other)),
        _ if !a.kwnames.is_empty() => {
            return Err(PyErr::type_error(format!(
                "{fname}() takes no keyword arguments"
            )))
        }
        _ => {
            return Err(PyErr::type_error(format!(
                "{fname}() takes exactly one argument ({} given)",
                a.pos.len()
            )))
        }
    };
    let kind = if e.is_instance(ExcKind::UnicodeEncodeError) {
        Some(Kind::Encode)
    } else if e.is_instance(ExcKind::UnicodeDecodeError) {
        Some(Kind::Decode)
    } else if e.is_instance(ExcKind::UnicodeTranslateError) {
        Some(Kind::Translate)
    } else {
        None
    };
    Ok((e, kind))
}

/// `wrong_exception_type` of `codecs.c`.
fn wrong_type(v: &Value) -> PyErr {
    PyErr::type_error(format!(
        "don't know how to handle {} in error callback",
        type_name(v)
    ))
}

/// The failing span of an error: its `object` and the clamped `start`/`end`
/// (`PyUnicodeEncodeError_GetStart` and friends).
struct Span {
    object: Value,
    start: usize,
    end: usize,
}

fn attr(vm: &mut Vm, e: &Rc<ExcObj>, name: &str) -> PyResult<Value> {
    let n = vm.intern(name);
    vm.get_attr(&Value::Exception(e.clone()), &n)
}

fn int_attr(vm: &mut Vm, e: &Rc<ExcObj>, name: &str) -> PyResult<i64> {
    match attr(vm, e, name)? {
        Value::Int(n) => Ok(n),
        Value::Bool(b) => Ok(i64::from(b)),
        other => Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(&other)
        ))),
    }
}

fn span(vm: &mut Vm, e: &Rc<ExcObj>, kind: Kind) -> PyResult<Span> {
    let object = attr(vm, e, "object")?;
    let size = match (&object, kind) {
        (Value::Bytes(b), Kind::Decode) => b.len(),
        (_, Kind::Decode) => {
            return Err(PyErr::type_error("object attribute must be bytes"));
        }
        (Value::Str(s), _) => s.char_len(),
        _ => return Err(PyErr::type_error("object attribute must be unicode")),
    };
    let start = int_attr(vm, e, "start")?;
    let end = int_attr(vm, e, "end")?;
    let size_i = size as i64;
    let start = if start < 0 {
        0
    } else if start >= size_i {
        (size_i - 1).max(0)
    } else {
        start
    };
    let end = end.max(1).min(size_i);
    Ok(Span {
        object,
        start: start as usize,
        end: end.max(0) as usize,
    })
}

impl Span {
    /// The code points `start..end` of an encode or translate error's str.
    fn chars(&self) -> Vec<u32> {
        match &self.object {
            Value::Str(s) => s
                .code_points()
                .skip(self.start)
                .take(self.end.saturating_sub(self.start))
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The bytes `start..end` and after of a decode error's bytes.
    fn bytes(&self) -> &[u8] {
        match &self.object {
            Value::Bytes(b) => b.get(self.start..).unwrap_or(&[]),
            _ => &[],
        }
    }
}

fn result(text: Value, end: usize) -> PyResult<Value> {
    Ok(Value::tuple(vec![text, Value::Int(end as i64)]))
}

fn strict_errors(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    match a.pos {
        [Value::Exception(e)] => Err(PyErr(e.clone())),
        [_] => Err(PyErr::type_error("codec must pass exception instance")),
        _ => Err(PyErr::type_error(format!(
            "strict_errors() takes exactly one argument ({} given)",
            a.pos.len()
        ))),
    }
}

fn ignore_errors(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (e, kind) = exc_arg(&a, "ignore_errors")?;
    let Some(kind) = kind else {
        return Err(wrong_type(&Value::Exception(e)));
    };
    let sp = span(vm, &e, kind)?;
    result(Value::str(""), sp.end)
}

fn replace_errors(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (e, kind) = exc_arg(&a, "replace_errors")?;
    let Some(kind) = kind else {
        return Err(wrong_type(&Value::Exception(e)));
    };
    let sp = span(vm, &e, kind)?;
    let n = sp.end.saturating_sub(sp.start);
    let text = match kind {
        Kind::Encode => "?".repeat(n),
        Kind::Decode => "\u{fffd}".to_string(),
        Kind::Translate => "\u{fffd}".repeat(n),
    };
    result(Value::string(text), sp.end)
}

/// The span of an encoding error, else the TypeError for any other error.
fn encode_span(vm: &mut Vm, a: &Args<'_>, fname: &str) -> PyResult<(Rc<ExcObj>, Span)> {
    let (e, kind) = exc_arg(a, fname)?;
    if kind != Some(Kind::Encode) {
        return Err(wrong_type(&Value::Exception(e)));
    }
    let sp = span(vm, &e, Kind::Encode)?;
    Ok((e, sp))
}

fn xmlcharrefreplace_errors(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (_, sp) = encode_span(vm, &a, "xmlcharrefreplace_errors")?;
    let text: String = sp.chars().iter().map(|c| format!("&#{c};")).collect();
    result(Value::string(text), sp.end)
}

/// `\xhh`, `\uhhhh` or `\Uhhhhhhhh` for a code point.
pub(crate) fn backslash_escape(c: u32) -> String {
    if c < 0x100 {
        format!("\\x{c:02x}")
    } else if c < 0x10000 {
        format!("\\u{c:04x}")
    } else {
        format!("\\U{c:08x}")
    }
}

fn backslashreplace_errors(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (e, kind) = exc_arg(&a, "backslashreplace_errors")?;
    let Some(kind) = kind else {
        return Err(wrong_type(&Value::Exception(e)));
    };
    let sp = span(vm, &e, kind)?;
    let text: String = if kind == Kind::Decode {
        let n = sp.end.saturating_sub(sp.start);
        sp.bytes()
            .iter()
            .take(n)
            .map(|b| format!("\\x{b:02x}"))
            .collect()
    } else {
        sp.chars().into_iter().map(backslash_escape).collect()
    };
    result(Value::string(text), sp.end)
}

fn namereplace_errors(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (_, sp) = encode_span(vm, &a, "namereplace_errors")?;
    let text: String = sp
        .chars()
        .into_iter()
        .map(|c| match super::unicodedata::char_name(c) {
            Some(name) => format!("\\N{{{name}}}"),
            None => backslash_escape(c),
        })
        .collect();
    result(Value::string(text), sp.end)
}

fn surrogateescape_errors(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (e, kind) = exc_arg(&a, "surrogateescape")?;
    match kind {
        Some(Kind::Encode) => {
            let sp = span(vm, &e, Kind::Encode)?;
            let mut out = Vec::with_capacity(sp.end.saturating_sub(sp.start));
            for c in sp.chars() {
                if !(0xDC80..=0xDCFF).contains(&c) {
                    return Err(PyErr(e));
                }
                out.push((c - 0xDC00) as u8);
            }
            result(Value::Bytes(Rc::new(out)), sp.end)
        }
        Some(Kind::Decode) => {
            let sp = span(vm, &e, Kind::Decode)?;
            let n = sp.end.saturating_sub(sp.start);
            let cps: Vec<u32> = sp
                .bytes()
                .iter()
                .take(n.min(4))
                .take_while(|&&b| b >= 0x80)
                .map(|&b| 0xDC00 + u32::from(b))
                .collect();
            if cps.is_empty() {
                return Err(PyErr(e));
            }
            let end = sp.start + cps.len();
            result(Value::from_code_points(cps), end)
        }
        _ => Err(wrong_type(&Value::Exception(e))),
    }
}

/// The UTF flavours `surrogatepass` knows (`get_standard_encoding`): the
/// code unit size and byte order, from the error's `encoding`.
fn standard_encoding(name: &str) -> Option<(usize, bool)> {
    if name == "CP_UTF8" {
        return Some((3, false));
    }
    let lower = name.get(..3)?;
    if !lower.eq_ignore_ascii_case("utf") {
        return None;
    }
    let rest = &name[3..];
    let rest = rest
        .strip_prefix('-')
        .or_else(|| rest.strip_prefix('_'))
        .unwrap_or(rest);
    if rest == "8" {
        return Some((3, false));
    }
    let (width, tail) = if let Some(t) = rest.strip_prefix("16") {
        (2, t)
    } else if let Some(t) = rest.strip_prefix("32") {
        (4, t)
    } else {
        return None;
    };
    if tail.is_empty() {
        return Some((width, false));
    }
    let tail = tail
        .strip_prefix('-')
        .or_else(|| tail.strip_prefix('_'))
        .unwrap_or(tail);
    match tail.to_ascii_lowercase().as_str() {
        "be" => Some((width, true)),
        "le" => Some((width, false)),
        _ => None,
    }
}

fn surrogatepass_errors(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (e, kind) = exc_arg(&a, "surrogatepass")?;
    let kind @ (Kind::Encode | Kind::Decode) = kind.unwrap_or(Kind::Translate) else {
        return Err(wrong_type(&Value::Exception(e)));
    };
    let sp = span(vm, &e, kind)?;
    let encoding = match attr(vm, &e, "encoding")? {
        Value::Str(s) => s.as_str().to_string(),
        _ => return Err(PyErr::type_error("encoding attribute must be unicode")),
    };
    let Some((width, big)) = standard_encoding(&encoding) else {
        return Err(PyErr(e));
    };
    if kind == Kind::Encode {
        let mut out = Vec::new();
        for c in sp.chars() {
            if !is_surrogate(c) {
                return Err(PyErr(e));
            }
            match (width, big) {
                (3, _) => out.extend([
                    (0xE0 | (c >> 12)) as u8,
                    (0x80 | ((c >> 6) & 0x3F)) as u8,
                    (0x80 | (c & 0x3F)) as u8,
                ]),
                (2, false) => out.extend_from_slice(&(c as u16).to_le_bytes()),
                (2, true) => out.extend_from_slice(&(c as u16).to_be_bytes()),
                (_, false) => out.extend_from_slice(&c.to_le_bytes()),
                (_, true) => out.extend_from_slice(&c.to_be_bytes()),
            }
        }
        return result(Value::Bytes(Rc::new(out)), sp.end);
    }
    // One surrogate at a time: the codec calls again for the next.
    let p = sp.bytes();
    let mut ch = 0u32;
    if p.len() >= width {
        ch = match (width, big) {
            (3, _) => {
                if p[0] & 0xF0 == 0xE0 && p[1] & 0xC0 == 0x80 && p[2] & 0xC0 == 0x80 {
                    (u32::from(p[0] & 0x0F) << 12)
                        + (u32::from(p[1] & 0x3F) << 6)
                        + u32::from(p[2] & 0x3F)
                } else {
                    0
                }
            }
            (2, false) => u32::from(u16::from_le_bytes([p[0], p[1]])),
            (2, true) => u32::from(u16::from_be_bytes([p[0], p[1]])),
            (_, false) => u32::from_le_bytes([p[0], p[1], p[2], p[3]]),
            (_, true) => u32::from_be_bytes([p[0], p[1], p[2], p[3]]),
        };
    }
    if !is_surrogate(ch) {
        return Err(PyErr(e));
    }
    result(Value::from_code_points(vec![ch]), sp.start + width)
}
