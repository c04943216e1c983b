//! Methods of `bytes`.

use std::borrow::Cow;
use std::rc::Rc;

use crate::exc::{PyErr, PyResult};
use crate::func::{Args, BuiltinDef};
use crate::types::type_name;
use crate::value::Value;
use crate::vm::Vm;

use super::*;

method_table!(pub(super) BYTES_METHODS, "bytes", [
    "__getnewargs__" => crate::reduce::getnewargs, "__bytes__" => bytes_bytes,
    "capitalize" => bytes_capitalize, "count" => bytes_count, "decode" => bytes_decode,
    "endswith" => bytes_endswith, "find" => bytes_find, "fromhex" => bytes_fromhex,
    "hex" => bytes_hex, "index" => bytes_index, "isalnum" => bytes_isalnum,
    "isalpha" => bytes_isalpha, "isascii" => bytes_isascii, "isdigit" => bytes_isdigit,
    "islower" => bytes_islower, "isspace" => bytes_isspace, "isupper" => bytes_isupper,
    "join" => bytes_join, "lower" => bytes_lower, "lstrip" => bytes_lstrip,
    "partition" => bytes_partition, "removeprefix" => bytes_removeprefix,
    "removesuffix" => bytes_removesuffix, "replace" => bytes_replace, "rfind" => bytes_rfind,
    "rindex" => bytes_rindex, "rstrip" => bytes_rstrip, "split" => bytes_split,
    "startswith" => bytes_startswith, "strip" => bytes_strip, "swapcase" => bytes_swapcase,
    "title" => bytes_title, "upper" => bytes_upper, "center" => bytes_center,
    "ljust" => bytes_ljust, "rjust" => bytes_rjust, "zfill" => bytes_zfill,
    "expandtabs" => bytes_expandtabs, "splitlines" => bytes_splitlines, "rsplit" => bytes_rsplit,
    "rpartition" => bytes_rpartition, "istitle" => bytes_istitle, "translate" => bytes_translate,
    "maketrans" => bytes_maketrans,
]);

fn recv<'a>(a: &Args<'a>, name: &str) -> PyResult<&'a [u8]> {
    match a.pos.first() {
        Some(Value::Bytes(b)) => Ok(b),
        other => Err(descriptor_error(name, "bytes", other)),
    }
}

/// `bytes.__bytes__()`: the value as an exact `bytes` (a subclass
/// instance's receiver is already its value).
fn bytes_bytes(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    recv(&a, "__bytes__")?;
    noargs(&a, "bytes", "__bytes__")?;
    Ok(a.pos[0].clone())
}

pub(super) fn bytes_val(b: Vec<u8>) -> Value {
    Value::Bytes(Rc::new(b))
}

/// A bytes-like argument (anything that exports a buffer).
fn buffer(v: &Value) -> PyResult<Cow<'_, [u8]>> {
    match v {
        Value::Bytes(b) => Ok(Cow::Borrowed(b)),
        other => crate::buffer::bytes_like(other).map(Cow::Owned),
    }
}

/// `Py_ISSPACE`: ASCII whitespace with the vertical tab, which Rust's
/// `is_ascii_whitespace` leaves out.
fn is_space(b: &u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

fn trim_space_start(s: &[u8]) -> &[u8] {
    let n = s.iter().take_while(|b| is_space(b)).count();
    &s[n..]
}

fn trim_space_end(s: &[u8]) -> &[u8] {
    let n = s.iter().rev().take_while(|b| is_space(b)).count();
    &s[..s.len() - n]
}

fn find_sub(hay: &[u8], needle: &[u8], rev: bool) -> Option<usize> {
    if needle.len() > hay.len() {
        return None;
    }
    let last = hay.len() - needle.len();
    if rev {
        (0..=last)
            .rev()
            .find(|&i| &hay[i..i + needle.len()] == needle)
    } else {
        (0..=last).find(|&i| &hay[i..i + needle.len()] == needle)
    }
}

fn needle_of(v: &Value) -> PyResult<Vec<u8>> {
    match v {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
            let i = crate::ops::index_of(v).unwrap_or(i64::MAX);
            u8::try_from(i)
                .map(|b| vec![b])
                .map_err(|_| PyErr::value_error("byte must be in range(0, 256)"))
        }
        other => buffer(other).map(Cow::into_owned).map_err(|_| {
            PyErr::type_error(format!(
                "argument should be integer or bytes-like object, not '{}'",
                type_name(other)
            ))
        }),
    }
}

fn find_impl(vm: &mut Vm, a: &Args<'_>, name: &str, rev: bool) -> PyResult<Option<i64>> {
    let s = recv(a, name)?;
    takes(a, "bytes", name, 1, 3)?;
    let (start, end) = adjust(
        slice_arg(vm, a.pos.get(2))?,
        slice_arg(vm, a.pos.get(3))?,
        s.len(),
    );
    let needle = needle_of(&a.pos[1])?;
    if start > end {
        return Ok(None);
    }
    let (start, end) = (start as usize, end as usize);
    Ok(find_sub(&s[start..end], &needle, rev).map(|i| (start + i) as i64))
}

pub(super) fn bytes_find(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(find_impl(vm, &a, "find", false)?.unwrap_or(-1)))
}
pub(super) fn bytes_rfind(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(find_impl(vm, &a, "rfind", true)?.unwrap_or(-1)))
}
pub(super) fn bytes_index(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    find_impl(vm, &a, "index", false)?
        .map(Value::Int)
        .ok_or_else(|| PyErr::value_error("subsection not found"))
}
pub(super) fn bytes_rindex(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    find_impl(vm, &a, "rindex", true)?
        .map(Value::Int)
        .ok_or_else(|| PyErr::value_error("subsection not found"))
}

pub(super) fn bytes_count(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = recv(&a, "count")?;
    takes(&a, "bytes", "count", 1, 3)?;
    let (start, end) = adjust(
        slice_arg(vm, a.pos.get(2))?,
        slice_arg(vm, a.pos.get(3))?,
        s.len(),
    );
    let needle = needle_of(&a.pos[1])?;
    if start > end {
        return Ok(Value::Int(0));
    }
    let hay = &s[start as usize..end as usize];
    if needle.is_empty() {
        return Ok(Value::Int(hay.len() as i64 + 1));
    }
    let (mut n, mut i) = (0, 0);
    while let Some(k) = find_sub(&hay[i..], &needle, false) {
        n += 1;
        i += k + needle.len();
    }
    Ok(Value::Int(n))
}

pub(super) fn bytes_decode(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = recv(&a, "decode")?;
    let [encoding, errors] = bind(&a, "decode", ["encoding", "errors"], 0)?;
    let text = |v: Option<&Value>, d: &'static str, what: &str| -> PyResult<String> {
        match v {
            None => Ok(d.to_string()),
            Some(Value::Str(s)) => Ok(s.as_str().to_string()),
            Some(other) => Err(PyErr::type_error(format!(
                "decode() argument '{what}' must be str, not {}",
                type_name(other)
            ))),
        }
    };
    let enc = text(encoding, "utf-8", "encoding")?;
    let err = text(errors, "strict", "errors")?;
    crate::modules::codecs::check_encoding_errors(
        vm,
        encoding.map(|_| enc.as_str()),
        errors.map(|_| err.as_str()),
    )?;
    if s.is_empty() {
        // CPython returns the empty string before looking the codec up.
        return Ok(Value::str(""));
    }
    if let Ok(codec) = crate::format::codecs::lookup(&enc) {
        return crate::modules::codecs::decode_native(vm, s, codec, &err, true).map(|(t, _)| t);
    }
    match crate::str_codecs::decode(s, &enc, &err) {
        // Codecs written in Python (`idna`, `punycode`, ...) come from the registry.
        Err(e) if crate::modules::codecs::is_unknown_encoding(&e) => {
            let obj = a.pos.first().cloned().unwrap_or(Value::None);
            crate::modules::codecs::via_registry(vm, obj, &enc, &err, 1)
        }
        r => r,
    }
}

pub(super) fn bytes_hex(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = recv(&a, "hex")?;
    let [sep, per] = bind(&a, "hex", ["sep", "bytes_per_sep"], 0)?;
    let per = match per {
        Some(Value::BigInt(_)) => {
            return Err(PyErr::overflow("Python int too large to convert to C int"))
        }
        Some(v) => {
            let p = int_arg(vm, v)?;
            if i32::try_from(p).is_err() {
                return Err(PyErr::overflow("Python int too large to convert to C int"));
            }
            p
        }
        None => 1,
    };
    let one = |len: usize| -> PyResult<()> {
        if len == 1 {
            Ok(())
        } else {
            Err(PyErr::value_error("sep must be length 1."))
        }
    };
    let sep = match sep {
        None => None,
        Some(Value::Str(x)) => {
            one(x.char_len())?;
            let c = x.as_str().chars().next().unwrap_or(' ');
            if !c.is_ascii() {
                return Err(PyErr::value_error("sep must be ASCII."));
            }
            Some(c)
        }
        Some(Value::Bytes(x)) => {
            one(x.len())?;
            if !x[0].is_ascii() {
                return Err(PyErr::value_error("sep must be ASCII."));
            }
            Some(x[0] as char)
        }
        Some(Value::List(l)) => {
            one(l.borrow().len())?;
            return Err(PyErr::type_error("sep must be str or bytes."));
        }
        Some(Value::Tuple(t)) => {
            one(t.len())?;
            return Err(PyErr::type_error("sep must be str or bytes."));
        }
        Some(Value::Dict(d)) => {
            one(d.borrow().len())?;
            return Err(PyErr::type_error("sep must be str or bytes."));
        }
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "object of type '{}' has no len()",
                type_name(other)
            )))
        }
    };
    let mut out = String::with_capacity(s.len() * 3);
    let n = s.len();
    let group = per.unsigned_abs().max(1) as usize;
    // `bytes_per_sep=0` writes no separator at all.
    let sep = sep.filter(|_| per != 0);
    for (i, b) in s.iter().enumerate() {
        if let Some(c) = sep {
            // Positive counts group from the right, negative from the left.
            let boundary = if per > 0 {
                (n - i) % group == 0
            } else {
                i % group == 0
            };
            if i > 0 && boundary {
                out.push(c);
            }
        }
        out.push_str(&format!("{b:02x}"));
    }
    Ok(Value::string(out))
}

pub(super) fn bytes_fromhex(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (cls, a) = super::split_class(&a);
    let s = match a.pos {
        [Value::Str(s)] => s.as_str(),
        [other] => {
            return Err(PyErr::type_error(format!(
                "fromhex() argument must be str, not {}",
                type_name(other)
            )))
        }
        _ => {
            return Err(PyErr::type_error(format!(
                "bytes.fromhex() takes exactly one argument ({} given)",
                a.pos.len()
            )))
        }
    };
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(chars.len() / 2);
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii() && is_space(&(chars[i] as u8)) {
            i += 1;
            continue;
        }
        let hi = chars[i].to_digit(16);
        let lo = chars.get(i + 1).and_then(|c| c.to_digit(16));
        match (hi, lo) {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            (Some(_), None) if i + 1 < chars.len() => {
                return Err(PyErr::value_error(format!(
                    "non-hexadecimal number found in fromhex() arg at position {}",
                    i + 1
                )))
            }
            (Some(_), None) => {
                return Err(PyErr::value_error(format!(
                    "non-hexadecimal number found in fromhex() arg at position {}",
                    i + 1
                )))
            }
            (None, _) => {
                return Err(PyErr::value_error(format!(
                    "non-hexadecimal number found in fromhex() arg at position {i}"
                )))
            }
        }
        i += 2;
    }
    super::for_class(vm, cls, bytes_val(out))
}

pub(super) fn bytes_join(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let sep = recv(&a, "join")?;
    let arg = onearg(&a, "bytes", "join")?;
    let items = vm.sequence_fast(arg, "can only join an iterable")?;
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(sep);
        }
        match item {
            Value::Bytes(b) => out.extend_from_slice(b),
            Value::ByteArray(b) => out.extend_from_slice(&b.borrow()),
            // A failed buffer request (a non-contiguous view) reads as
            // no buffer at all, as `stringlib/join.h` reports it.
            other => match crate::buffer::exported_bytes(other) {
                Some(Ok(b)) => out.extend_from_slice(&b),
                _ => {
                    return Err(PyErr::type_error(format!(
                        "sequence item {i}: expected a bytes-like object, {} found",
                        type_name(other)
                    )))
                }
            },
        }
    }
    Ok(bytes_val(out))
}

pub(super) fn bytes_split(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = recv(&a, "split")?;
    let [sep, maxsplit] = bind(&a, "split", ["sep", "maxsplit"], 0)?;
    let limit = match maxsplit {
        Some(v) => int_arg(vm, v)?,
        None => -1,
    };
    let limit = if limit < 0 {
        usize::MAX
    } else {
        limit as usize
    };
    let mut out = Vec::new();
    match sep {
        None | Some(Value::None) => {
            let mut rest = trim_space_start(s);
            while !rest.is_empty() {
                if out.len() == limit {
                    out.push(bytes_val(rest.to_vec()));
                    break;
                }
                match rest.iter().position(is_space) {
                    Some(i) => {
                        out.push(bytes_val(rest[..i].to_vec()));
                        rest = trim_space_start(&rest[i..]);
                    }
                    None => {
                        out.push(bytes_val(rest.to_vec()));
                        break;
                    }
                }
            }
        }
        Some(v) => {
            let sep_buf = buffer(v)?;
            let sep: &[u8] = &sep_buf;
            if sep.is_empty() {
                return Err(PyErr::value_error("empty separator"));
            }
            let mut rest = s;
            while out.len() < limit {
                match find_sub(rest, sep, false) {
                    Some(i) => {
                        out.push(bytes_val(rest[..i].to_vec()));
                        rest = &rest[i + sep.len()..];
                    }
                    None => break,
                }
            }
            out.push(bytes_val(rest.to_vec()));
        }
    }
    Ok(Value::list(out))
}

fn strip_impl(a: &Args<'_>, name: &str, left: bool, right: bool) -> PyResult<Value> {
    let s = recv(a, name)?;
    nargs(a, name, 0, 1)?;
    let set_buf = match a.pos.get(1) {
        None | Some(Value::None) => None,
        Some(v) => Some(buffer(v)?),
    };
    let set: Option<&[u8]> = set_buf.as_deref();
    let keep = |b: &u8| match set {
        Some(set) => !set.contains(b),
        None => !is_space(b),
    };
    let start = if left {
        s.iter().position(keep).unwrap_or(s.len())
    } else {
        0
    };
    let end = if right {
        s.iter().rposition(keep).map_or(start, |i| i + 1)
    } else {
        s.len()
    };
    if start == 0 && end == s.len() {
        if let Some(same) = exact_self(a) {
            return Ok(same);
        }
    }
    Ok(bytes_val(s[start..end.max(start)].to_vec()))
}

/// The receiver itself when it is an exact `bytes`: what CPython's methods
/// return in place of an unchanged copy (`return_self`).
fn exact_self(a: &Args<'_>) -> Option<Value> {
    match a.pos.first() {
        Some(v @ Value::Bytes(_)) => Some(v.clone()),
        _ => None,
    }
}

pub(super) fn bytes_strip(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    strip_impl(&a, "strip", true, true)
}
pub(super) fn bytes_lstrip(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    strip_impl(&a, "lstrip", true, false)
}
pub(super) fn bytes_rstrip(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    strip_impl(&a, "rstrip", false, true)
}

pub(super) fn bytes_replace(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = recv(&a, "replace")?;
    nargs(&a, "replace", 2, 3)?;
    let (old_buf, new_buf) = (buffer(&a.pos[1])?, buffer(&a.pos[2])?);
    let (old, new): (&[u8], &[u8]) = (&old_buf, &new_buf);
    let count = match a.pos.get(3) {
        Some(v) => int_arg(vm, v)?,
        None => -1,
    };
    let mut left = if count < 0 {
        usize::MAX
    } else {
        count as usize
    };
    if left == 0 || (old.is_empty() && new.is_empty()) || find_sub(s, old, false).is_none() {
        if let Some(same) = exact_self(&a) {
            return Ok(same);
        }
    }
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    if old.is_empty() {
        for &b in s {
            if left > 0 {
                out.extend_from_slice(new);
                left -= 1;
            }
            out.push(b);
        }
        if left > 0 {
            out.extend_from_slice(new);
        }
        return Ok(bytes_val(out));
    }
    while left > 0 {
        match find_sub(&s[i..], old, false) {
            Some(k) => {
                out.extend_from_slice(&s[i..i + k]);
                out.extend_from_slice(new);
                i += k + old.len();
                left -= 1;
            }
            None => break,
        }
    }
    out.extend_from_slice(&s[i..]);
    Ok(bytes_val(out))
}

fn prefix_check(vm: &mut Vm, a: &Args<'_>, name: &str, start: bool) -> PyResult<Value> {
    let s = recv(a, name)?;
    takes(a, "bytes", name, 1, 3)?;
    match &a.pos[1] {
        // A tuple's items are checked as they are tried (CPython's order):
        // one that matches ends the search before a later non-buffer.
        Value::Bytes(_) | Value::ByteArray(_) | Value::Tuple(_) => {}
        other => {
            return Err(PyErr::type_error(format!(
                "{name} first arg must be bytes or a tuple of bytes, not {}",
                type_name(other)
            )))
        }
    }
    let (b, e) = adjust(
        slice_arg(vm, a.pos.get(2))?,
        slice_arg(vm, a.pos.get(3))?,
        s.len(),
    );
    if b > e {
        // Nothing can match, but every item is still tried.
        if let Value::Tuple(t) = &a.pos[1] {
            for p in t.iter() {
                buffer(p)?;
            }
        }
        return Ok(Value::Bool(false));
    }
    let hay = &s[b as usize..e as usize];
    let test = |p: &[u8]| {
        if start {
            hay.starts_with(p)
        } else {
            hay.ends_with(p)
        }
    };
    match &a.pos[1] {
        Value::Bytes(_) | Value::ByteArray(_) => Ok(Value::Bool(test(&buffer(&a.pos[1])?))),
        Value::Tuple(t) => {
            for p in t.iter() {
                if test(&buffer(p)?) {
                    return Ok(Value::Bool(true));
                }
            }
            Ok(Value::Bool(false))
        }
        other => Err(PyErr::type_error(format!(
            "{name} first arg must be bytes or a tuple of bytes, not {}",
            type_name(other)
        ))),
    }
}

pub(super) fn bytes_startswith(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    prefix_check(vm, &a, "startswith", true)
}
pub(super) fn bytes_endswith(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    prefix_check(vm, &a, "endswith", false)
}

fn affix(a: &Args<'_>, name: &str, prefix: bool) -> PyResult<Value> {
    let s = recv(a, name)?;
    let x_buf = buffer(onearg(a, "bytes", name)?)?;
    let x: &[u8] = &x_buf;
    let r = if prefix {
        s.strip_prefix(x)
    } else {
        s.strip_suffix(x)
    };
    Ok(match r {
        Some(r) => bytes_val(r.to_vec()),
        None => a.pos[0].clone(),
    })
}
pub(super) fn bytes_removeprefix(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    affix(&a, "removeprefix", true)
}
pub(super) fn bytes_removesuffix(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    affix(&a, "removesuffix", false)
}

pub(super) fn bytes_partition(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = recv(&a, "partition")?;
    let sep_buf = buffer(onearg(&a, "bytes", "partition")?)?;
    let sep: &[u8] = &sep_buf;
    if sep.is_empty() {
        return Err(PyErr::value_error("empty separator"));
    }
    Ok(match find_sub(s, sep, false) {
        Some(i) => Value::tuple(vec![
            bytes_val(s[..i].to_vec()),
            a.pos[1].clone(),
            bytes_val(s[i + sep.len()..].to_vec()),
        ]),
        None => Value::tuple(vec![a.pos[0].clone(), bytes_val(vec![]), bytes_val(vec![])]),
    })
}

fn map_bytes(a: &Args<'_>, name: &str, f: fn(&[u8]) -> Vec<u8>) -> PyResult<Value> {
    let s = recv(a, name)?;
    noargs(a, "bytes", name)?;
    Ok(bytes_val(f(s)))
}

pub(super) fn bytes_upper(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    map_bytes(&a, "upper", <[u8]>::to_ascii_uppercase)
}
pub(super) fn bytes_lower(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    map_bytes(&a, "lower", <[u8]>::to_ascii_lowercase)
}
pub(super) fn bytes_swapcase(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    map_bytes(&a, "swapcase", |s| {
        s.iter()
            .map(|&b| {
                if b.is_ascii_uppercase() {
                    b.to_ascii_lowercase()
                } else {
                    b.to_ascii_uppercase()
                }
            })
            .collect()
    })
}
pub(super) fn bytes_capitalize(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    map_bytes(&a, "capitalize", |s| {
        s.iter()
            .enumerate()
            .map(|(i, &b)| {
                if i == 0 {
                    b.to_ascii_uppercase()
                } else {
                    b.to_ascii_lowercase()
                }
            })
            .collect()
    })
}
pub(super) fn bytes_title(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    map_bytes(&a, "title", |s| {
        let mut prev = false;
        s.iter()
            .map(|&b| {
                let r = if prev {
                    b.to_ascii_lowercase()
                } else {
                    b.to_ascii_uppercase()
                };
                prev = b.is_ascii_alphabetic();
                r
            })
            .collect()
    })
}

fn pred(a: &Args<'_>, name: &str, f: fn(&u8) -> bool) -> PyResult<Value> {
    let s = recv(a, name)?;
    noargs(a, "bytes", name)?;
    Ok(Value::Bool(!s.is_empty() && s.iter().all(f)))
}

pub(super) fn bytes_isalnum(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    pred(&a, "isalnum", u8::is_ascii_alphanumeric)
}
pub(super) fn bytes_isalpha(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    pred(&a, "isalpha", u8::is_ascii_alphabetic)
}
pub(super) fn bytes_isdigit(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    pred(&a, "isdigit", u8::is_ascii_digit)
}
pub(super) fn bytes_isspace(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    pred(&a, "isspace", is_space)
}
pub(super) fn bytes_isascii(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = recv(&a, "isascii")?;
    noargs(&a, "bytes", "isascii")?;
    Ok(Value::Bool(s.is_ascii()))
}
pub(super) fn bytes_isupper(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = recv(&a, "isupper")?;
    noargs(&a, "bytes", "isupper")?;
    Ok(Value::Bool(
        s.iter().any(u8::is_ascii_uppercase) && !s.iter().any(u8::is_ascii_lowercase),
    ))
}
pub(super) fn bytes_islower(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = recv(&a, "islower")?;
    noargs(&a, "bytes", "islower")?;
    Ok(Value::Bool(
        s.iter().any(u8::is_ascii_lowercase) && !s.iter().any(u8::is_ascii_uppercase),
    ))
}

fn fill_byte(v: Option<&Value>, name: &str) -> PyResult<u8> {
    match v {
        None => Ok(b' '),
        Some(Value::Bytes(b)) if b.len() == 1 => Ok(b[0]),
        Some(Value::ByteArray(b)) if b.borrow().len() == 1 => Ok(b.borrow()[0]),
        Some(other) => Err(PyErr::type_error(format!(
            "{name}() argument 2 must be a byte string of length 1, not {}",
            type_name(other)
        ))),
    }
}

fn justify(vm: &mut Vm, a: &Args<'_>, name: &str, align: char) -> PyResult<Value> {
    let s = recv(a, name)?;
    nargs(a, name, 1, 2)?;
    let width = int_arg(vm, &a.pos[1])?;
    let fill = fill_byte(a.pos.get(2), name)?;
    let len = s.len() as i64;
    if width <= len {
        return Ok(bytes_val(s.to_vec()));
    }
    if width > 1 << 31 {
        return Err(PyErr::with_args(crate::types::ExcKind::MemoryError, vec![]));
    }
    let padn = (width - len) as usize;
    let left = match align {
        '<' => 0,
        '>' => padn,
        _ => padn / 2 + (padn & width as usize & 1),
    };
    let mut out = Vec::with_capacity(width as usize);
    out.resize(left, fill);
    out.extend_from_slice(s);
    out.resize(width as usize, fill);
    Ok(bytes_val(out))
}

pub(super) fn bytes_center(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    justify(vm, &a, "center", '^')
}
pub(super) fn bytes_ljust(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    justify(vm, &a, "ljust", '<')
}
pub(super) fn bytes_rjust(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    justify(vm, &a, "rjust", '>')
}

pub(super) fn bytes_zfill(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = recv(&a, "zfill")?;
    let width = int_arg(vm, onearg(&a, "bytes", "zfill")?)?;
    let len = s.len() as i64;
    if width <= len {
        return Ok(bytes_val(s.to_vec()));
    }
    if width > 1 << 31 {
        return Err(PyErr::with_args(crate::types::ExcKind::MemoryError, vec![]));
    }
    let zeros = (width - len) as usize;
    let mut out = Vec::with_capacity(width as usize);
    let (sign, body) = match s.first() {
        Some(&c @ (b'+' | b'-')) => (Some(c), &s[1..]),
        _ => (None, s),
    };
    out.extend(sign);
    out.resize(out.len() + zeros, b'0');
    out.extend_from_slice(body);
    Ok(bytes_val(out))
}

pub(super) fn bytes_expandtabs(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = recv(&a, "expandtabs")?;
    let [tabsize] = bind(&a, "expandtabs", ["tabsize"], 0)?;
    let tabsize = match tabsize {
        Some(v) => int_arg(vm, v)?,
        None => 8,
    };
    if i32::try_from(tabsize).is_err() {
        return Err(PyErr::overflow("Python int too large to convert to C int"));
    }
    let mut out = Vec::with_capacity(s.len());
    let mut col: i64 = 0;
    for &c in s {
        match c {
            b'\t' => {
                if tabsize > 0 {
                    let n = tabsize - col % tabsize;
                    if out.len() as i64 + n > 1 << 31 {
                        return Err(PyErr::overflow("result too long"));
                    }
                    out.resize(out.len() + n as usize, b' ');
                    col += n;
                }
            }
            b'\n' | b'\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(bytes_val(out))
}

pub(super) fn bytes_splitlines(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = recv(&a, "splitlines")?;
    let [keep] = bind(&a, "splitlines", ["keepends"], 0)?;
    let keep = keepends_arg(vm, keep)?;
    let mut out = Vec::new();
    let (mut start, mut i) = (0, 0);
    while i < s.len() {
        let c = s[i];
        if c == b'\n' || c == b'\r' {
            let mut end = i + 1;
            if c == b'\r' && s.get(i + 1) == Some(&b'\n') {
                end += 1;
            }
            out.push(bytes_val(s[start..if keep { end } else { i }].to_vec()));
            start = end;
            i = end;
        } else {
            i += 1;
        }
    }
    if start < s.len() {
        out.push(bytes_val(s[start..].to_vec()));
    }
    Ok(Value::list(out))
}

pub(super) fn bytes_rsplit(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = recv(&a, "rsplit")?;
    let [sep, maxsplit] = bind(&a, "rsplit", ["sep", "maxsplit"], 0)?;
    let limit = match maxsplit {
        Some(v) => int_arg(vm, v)?,
        None => -1,
    };
    let limit = if limit < 0 {
        usize::MAX
    } else {
        limit as usize
    };
    let mut out = Vec::new();
    match sep {
        None | Some(Value::None) => {
            let mut rest = trim_space_end(s);
            while !rest.is_empty() {
                if out.len() == limit {
                    out.push(bytes_val(rest.to_vec()));
                    break;
                }
                match rest.iter().rposition(is_space) {
                    Some(i) => {
                        out.push(bytes_val(rest[i + 1..].to_vec()));
                        rest = trim_space_end(&rest[..i]);
                    }
                    None => {
                        out.push(bytes_val(rest.to_vec()));
                        break;
                    }
                }
            }
        }
        Some(v) => {
            let sep_buf = buffer(v)?;
            let sep: &[u8] = &sep_buf;
            if sep.is_empty() {
                return Err(PyErr::value_error("empty separator"));
            }
            let mut rest = s;
            while out.len() < limit {
                match find_sub(rest, sep, true) {
                    Some(i) => {
                        out.push(bytes_val(rest[i + sep.len()..].to_vec()));
                        rest = &rest[..i];
                    }
                    None => break,
                }
            }
            out.push(bytes_val(rest.to_vec()));
        }
    }
    out.reverse();
    Ok(Value::list(out))
}

pub(super) fn bytes_rpartition(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = recv(&a, "rpartition")?;
    let sep_buf = buffer(onearg(&a, "bytes", "rpartition")?)?;
    let sep: &[u8] = &sep_buf;
    if sep.is_empty() {
        return Err(PyErr::value_error("empty separator"));
    }
    Ok(match find_sub(s, sep, true) {
        Some(i) => Value::tuple(vec![
            bytes_val(s[..i].to_vec()),
            bytes_val(sep.to_vec()),
            bytes_val(s[i + sep.len()..].to_vec()),
        ]),
        None => Value::tuple(vec![
            bytes_val(vec![]),
            bytes_val(vec![]),
            bytes_val(s.to_vec()),
        ]),
    })
}

pub(super) fn bytes_istitle(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = recv(&a, "istitle")?;
    noargs(&a, "bytes", "istitle")?;
    let (mut cased, mut prev) = (false, false);
    for &c in s {
        if c.is_ascii_uppercase() {
            if prev {
                return Ok(Value::Bool(false));
            }
            prev = true;
            cased = true;
        } else if c.is_ascii_lowercase() {
            if !prev {
                return Ok(Value::Bool(false));
            }
            prev = true;
            cased = true;
        } else {
            prev = false;
        }
    }
    Ok(Value::Bool(cased))
}

pub(super) fn bytes_translate(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = recv(&a, "translate")?;
    let [table, delete] = bind(&a, "translate", ["table", "delete"], 1)?;
    let table_buf = match table {
        None | Some(Value::None) => None,
        Some(v) => {
            let t = buffer(v)?;
            if t.len() != 256 {
                return Err(PyErr::value_error(
                    "translation table must be 256 characters long",
                ));
            }
            Some(t)
        }
    };
    let delete_buf = match delete {
        None => None,
        Some(v) => Some(buffer(v)?),
    };
    let del: &[u8] = delete_buf.as_deref().unwrap_or(&[]);
    let out: Vec<u8> = s
        .iter()
        .filter(|b| !del.contains(b))
        .map(|&b| table_buf.as_ref().map_or(b, |t| t[b as usize]))
        .collect();
    Ok(bytes_val(out))
}

pub(super) fn bytes_maketrans(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (from, to) = match a.pos {
        [x, y] => (buffer(x)?, buffer(y)?),
        _ => {
            return Err(PyErr::type_error(format!(
                "maketrans expected 2 arguments, got {}",
                a.pos.len()
            )))
        }
    };
    if from.len() != to.len() {
        return Err(PyErr::value_error(
            "maketrans arguments must have same length",
        ));
    }
    let mut table: Vec<u8> = (0..=255u8).collect();
    for (&f, &t) in from.iter().zip(to.iter()) {
        table[f as usize] = t;
    }
    Ok(bytes_val(table))
}
