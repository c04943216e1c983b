//! Methods of `str`.

use std::rc::Rc;

use crate::exc::{PyErr, PyResult};
use crate::func::{Args, BuiltinDef};
use crate::ops::{self};
use crate::types::{type_name, ExcKind};
use crate::value::{StrObj, Value};
use crate::vm::Vm;

use super::*;

method_table!(pub(super) STR_METHODS, "str", [
    "join" => str_join, "split" => str_split, "rsplit" => str_rsplit, "strip" => str_strip,
    "lstrip" => str_lstrip, "rstrip" => str_rstrip, "upper" => str_upper, "lower" => str_lower,
    "replace" => str_replace, "startswith" => str_startswith, "endswith" => str_endswith,
    "find" => str_find, "rfind" => str_rfind, "index" => str_index, "count" => str_count,
    "isdigit" => str_isdigit, "isalpha" => str_isalpha, "isspace" => str_isspace,
    "isalnum" => str_isalnum, "isupper" => str_isupper, "islower" => str_islower,
    "title" => str_title, "capitalize" => str_capitalize, "center" => str_center,
    "ljust" => str_ljust, "rjust" => str_rjust, "zfill" => str_zfill,
    "splitlines" => str_splitlines, "format" => str_format, "partition" => str_partition,
    "swapcase" => str_swapcase, "isdecimal" => str_isdigit, "isnumeric" => str_isdigit,
    "encode" => str_encode,
]);

// ---- str ----

fn str_join(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let sep = recv_str(&a, "join")?;
    nargs(&a, "join", 1, 1)?;
    let items = vm.collect(&a.pos[1])?;
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep.as_str());
        }
        match item {
            Value::Str(s) => out.push_str(s.as_str()),
            other => {
                return Err(PyErr::type_error(format!(
                    "sequence item {}: expected str instance, {} found",
                    i,
                    type_name(other)
                )))
            }
        }
    }
    Ok(Value::string(out))
}

fn split_args(a: &Args<'_>, name: &str) -> PyResult<(Option<String>, i64)> {
    let n = a.pos.len() - 1;
    if n > 2 {
        return Err(PyErr::type_error(format!(
            "{name} expected at most 2 arguments, got {n}"
        )));
    }
    let mut sep = a.pos.get(1).cloned().or_else(|| a.kw("sep").cloned());
    let maxsplit = a.pos.get(2).or_else(|| a.kw("maxsplit")).cloned();
    if matches!(sep, Some(Value::None)) {
        sep = None;
    }
    let sep = match sep {
        Some(Value::Str(s)) => {
            if s.as_str().is_empty() {
                return Err(PyErr::value_error("empty separator"));
            }
            Some(s.as_str().to_string())
        }
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "must be str or None, not {}",
                type_name(&other)
            )))
        }
        None => None,
    };
    let maxsplit = match maxsplit {
        Some(v) => ops::index_of(&v).ok_or_else(|| {
            PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                type_name(&v)
            ))
        })?,
        None => -1,
    };
    Ok((sep, maxsplit))
}

fn str_split(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = recv_str(&a, "split")?.as_str();
    let (sep, maxsplit) = split_args(&a, "split")?;
    let limit = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    let parts: Vec<Value> = match sep {
        Some(sep) => {
            if limit == usize::MAX {
                s.split(sep.as_str()).map(Value::str).collect()
            } else {
                s.splitn(limit + 1, sep.as_str()).map(Value::str).collect()
            }
        }
        None => {
            let mut out = Vec::new();
            let mut rest = s.trim_start();
            while !rest.is_empty() {
                if out.len() == limit {
                    out.push(Value::str(rest));
                    break;
                }
                match rest.find(char::is_whitespace) {
                    Some(i) => {
                        out.push(Value::str(&rest[..i]));
                        rest = rest[i..].trim_start();
                    }
                    None => {
                        out.push(Value::str(rest));
                        break;
                    }
                }
            }
            out
        }
    };
    Ok(Value::list(parts))
}

fn str_rsplit(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = recv_str(&a, "rsplit")?.as_str();
    let (sep, maxsplit) = split_args(&a, "rsplit")?;
    let limit = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    let mut parts: Vec<Value> = match sep {
        Some(sep) => {
            if limit == usize::MAX {
                s.rsplit(sep.as_str()).map(Value::str).collect()
            } else {
                s.rsplitn(limit + 1, sep.as_str()).map(Value::str).collect()
            }
        }
        None => {
            let mut out = Vec::new();
            let mut rest = s.trim_end();
            while !rest.is_empty() {
                if out.len() == limit {
                    out.push(Value::str(rest));
                    break;
                }
                match rest.rfind(char::is_whitespace) {
                    Some(i) => {
                        let ch = rest[i..].chars().next().map_or(1, char::len_utf8);
                        out.push(Value::str(&rest[i + ch..]));
                        rest = rest[..i].trim_end();
                    }
                    None => {
                        out.push(Value::str(rest));
                        break;
                    }
                }
            }
            out
        }
    };
    parts.reverse();
    Ok(Value::list(parts))
}

fn strip_impl(a: &Args<'_>, name: &str, left: bool, right: bool) -> PyResult<Value> {
    let s = recv_str(a, name)?.as_str();
    nargs(a, name, 0, 1)?;
    let chars: Option<Vec<char>> = match a.pos.get(1) {
        None | Some(Value::None) => None,
        Some(Value::Str(c)) => Some(c.as_str().chars().collect()),
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "{} arg must be None or str",
                name
            )))
            .map(|_: ()| other.clone())
        }
    };
    let pred = |c: char| match &chars {
        Some(cs) => cs.contains(&c),
        None => c.is_whitespace(),
    };
    let mut r = s;
    if left {
        r = r.trim_start_matches(pred);
    }
    if right {
        r = r.trim_end_matches(pred);
    }
    Ok(Value::str(r))
}

fn str_strip(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    strip_impl(&a, "strip", true, true)
}
fn str_lstrip(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    strip_impl(&a, "lstrip", true, false)
}
fn str_rstrip(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    strip_impl(&a, "rstrip", false, true)
}

fn str_upper(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = recv_str(&a, "upper")?;
    nargs(&a, "upper", 0, 0)?;
    if s.is_ascii() {
        return Ok(Value::string(s.as_str().to_ascii_uppercase()));
    }
    Ok(Value::string(s.as_str().to_uppercase()))
}

fn str_lower(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = recv_str(&a, "lower")?;
    nargs(&a, "lower", 0, 0)?;
    if s.is_ascii() {
        return Ok(Value::string(s.as_str().to_ascii_lowercase()));
    }
    Ok(Value::string(s.as_str().to_lowercase()))
}

fn str_swapcase(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = recv_str(&a, "swapcase")?.as_str();
    Ok(Value::string(
        s.chars()
            .flat_map(|c| {
                if c.is_uppercase() {
                    c.to_lowercase().collect::<Vec<_>>()
                } else {
                    c.to_uppercase().collect::<Vec<_>>()
                }
            })
            .collect(),
    ))
}

fn str_replace(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = recv_str(&a, "replace")?.as_str();
    nargs(&a, "replace", 2, 3)?;
    let old = arg_str(&a.pos[1], "replace() argument 1", "")?;
    let new = arg_str(&a.pos[2], "replace() argument 2", "")?;
    let count = a.pos.get(3).and_then(ops::index_of).unwrap_or(-1);
    if count < 0 {
        Ok(Value::string(s.replace(old, new)))
    } else {
        Ok(Value::string(s.replacen(old, new, count as usize)))
    }
}

fn prefix_check(a: &Args<'_>, name: &str, start: bool) -> PyResult<Value> {
    let s = recv_str(a, name)?.as_str();
    nargs(a, name, 1, 3)?;
    let test = |p: &str| {
        if start {
            s.starts_with(p)
        } else {
            s.ends_with(p)
        }
    };
    match &a.pos[1] {
        Value::Str(p) => Ok(Value::Bool(test(p.as_str()))),
        Value::Tuple(t) => Ok(Value::Bool(
            t.iter()
                .any(|p| matches!(p, Value::Str(p) if test(p.as_str()))),
        )),
        other => Err(PyErr::type_error(format!(
            "{} first arg must be str or a tuple of str, not {}",
            name,
            type_name(other)
        ))),
    }
}

fn str_startswith(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    prefix_check(&a, "startswith", true)
}
fn str_endswith(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    prefix_check(&a, "endswith", false)
}

fn char_index(s: &StrObj, byte: usize) -> i64 {
    if s.is_ascii() {
        byte as i64
    } else {
        s.as_str()[..byte].chars().count() as i64
    }
}

fn find_impl(a: &Args<'_>, name: &str, rev: bool) -> PyResult<Option<i64>> {
    let so = recv_str(a, name)?;
    nargs(a, name, 1, 3)?;
    let sub = arg_str(&a.pos[1], "must be str, not ", "")
        .map_err(|_| PyErr::type_error(format!("must be str, not {}", type_name(&a.pos[1]))))?;
    let len = so.char_len();
    let start = a.pos.get(2).and_then(ops::index_of).map_or(0, |i| {
        if i < 0 {
            (i + len as i64).max(0)
        } else {
            i.min(len as i64)
        }
    }) as usize;
    let end = a
        .pos
        .get(3)
        .and_then(ops::index_of)
        .map_or(len as i64, |i| {
            if i < 0 {
                (i + len as i64).max(0)
            } else {
                i.min(len as i64)
            }
        }) as usize;
    if start > end {
        return Ok(None);
    }
    let (bs, be) = (so.byte_offset(start), so.byte_offset(end));
    let hay = &so.as_str()[bs..be];
    let found = if rev { hay.rfind(sub) } else { hay.find(sub) };
    Ok(found.map(|b| char_index(so, bs + b)))
}

fn str_find(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(find_impl(&a, "find", false)?.unwrap_or(-1)))
}
fn str_rfind(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(find_impl(&a, "rfind", true)?.unwrap_or(-1)))
}
fn str_index(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    find_impl(&a, "index", false)?
        .map(Value::Int)
        .ok_or_else(|| PyErr::value_error("substring not found"))
}

fn str_count(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = recv_str(&a, "count")?.as_str();
    nargs(&a, "count", 1, 3)?;
    let sub = arg_str(&a.pos[1], "must be str, not ", "")?;
    if sub.is_empty() {
        return Ok(Value::Int(s.chars().count() as i64 + 1));
    }
    Ok(Value::Int(s.matches(sub).count() as i64))
}

fn str_pred(a: &Args<'_>, name: &str, f: fn(char) -> bool) -> PyResult<Value> {
    let s = recv_str(a, name)?.as_str();
    Ok(Value::Bool(!s.is_empty() && s.chars().all(f)))
}

fn str_isdigit(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    str_pred(&a, "isdigit", |c| c.is_ascii_digit() || c.is_numeric())
}
fn str_isalpha(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    str_pred(&a, "isalpha", char::is_alphabetic)
}
fn str_isspace(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    str_pred(&a, "isspace", char::is_whitespace)
}
fn str_isalnum(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    str_pred(&a, "isalnum", char::is_alphanumeric)
}

fn str_isupper(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = recv_str(&a, "isupper")?.as_str();
    Ok(Value::Bool(
        s.chars().any(char::is_uppercase) && !s.chars().any(char::is_lowercase),
    ))
}
fn str_islower(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = recv_str(&a, "islower")?.as_str();
    Ok(Value::Bool(
        s.chars().any(char::is_lowercase) && !s.chars().any(char::is_uppercase),
    ))
}

fn str_title(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = recv_str(&a, "title")?.as_str();
    let mut out = String::with_capacity(s.len());
    let mut prev_cased = false;
    for c in s.chars() {
        if prev_cased {
            out.extend(c.to_lowercase());
        } else {
            out.extend(c.to_uppercase());
        }
        prev_cased = c.is_alphabetic();
    }
    Ok(Value::string(out))
}

fn str_capitalize(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = recv_str(&a, "capitalize")?.as_str();
    let mut chars = s.chars();
    let mut out = String::with_capacity(s.len());
    if let Some(c) = chars.next() {
        out.extend(c.to_uppercase());
    }
    for c in chars {
        out.extend(c.to_lowercase());
    }
    Ok(Value::string(out))
}

fn justify(a: &Args<'_>, name: &str, align: char) -> PyResult<Value> {
    let s = recv_str(a, name)?;
    nargs(a, name, 1, 2)?;
    let width = ops::index_of(&a.pos[1]).ok_or_else(|| {
        PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(&a.pos[1])
        ))
    })?;
    let fill = match a.pos.get(2) {
        None => ' ',
        Some(Value::Str(f)) if f.char_len() == 1 => f.as_str().chars().next().unwrap_or(' '),
        Some(_) => {
            return Err(PyErr::type_error(
                "The fill character must be exactly one character long",
            ))
        }
    };
    let len = s.char_len() as i64;
    if width <= len {
        return Ok(a.pos[0].clone());
    }
    if width > (1 << 28) {
        return Err(PyErr::new(ExcKind::MemoryError, ""));
    }
    let padn = (width - len) as usize;
    let fills = |n: usize| std::iter::repeat(fill).take(n).collect::<String>();
    let body = s.as_str();
    Ok(Value::string(match align {
        '<' => format!("{body}{}", fills(padn)),
        '>' => format!("{}{body}", fills(padn)),
        _ => {
            // CPython's centering puts the extra char on the left when width is odd... per formula
            let left = padn / 2 + (padn & width as usize & 1);
            format!("{}{body}{}", fills(left), fills(padn - left))
        }
    }))
}

fn str_center(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    justify(&a, "center", '^')
}
fn str_ljust(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    justify(&a, "ljust", '<')
}
fn str_rjust(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    justify(&a, "rjust", '>')
}

fn str_zfill(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = recv_str(&a, "zfill")?;
    nargs(&a, "zfill", 1, 1)?;
    let width = ops::index_of(&a.pos[1]).unwrap_or(0).min(1 << 28);
    let len = s.char_len() as i64;
    if width <= len {
        return Ok(a.pos[0].clone());
    }
    let text = s.as_str();
    let zeros = "0".repeat((width - len) as usize);
    let out = match text.chars().next() {
        Some(c @ ('+' | '-')) => format!("{c}{zeros}{}", &text[1..]),
        _ => format!("{zeros}{text}"),
    };
    Ok(Value::string(out))
}

fn str_splitlines(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = recv_str(&a, "splitlines")?.as_str();
    let keep = a
        .pos
        .get(1)
        .or_else(|| a.kw("keepends"))
        .is_some_and(ops::truthy);
    let mut out = Vec::new();
    let mut start = 0;
    let bytes: Vec<(usize, char)> = s.char_indices().collect();
    let mut i = 0;
    while i < bytes.len() {
        let (b, c) = bytes[i];
        if matches!(
            c,
            '\n' | '\r'
                | '\x0b'
                | '\x0c'
                | '\x1c'
                | '\x1d'
                | '\x1e'
                | '\u{85}'
                | '\u{2028}'
                | '\u{2029}'
        ) {
            let mut end = b + c.len_utf8();
            if c == '\r' && bytes.get(i + 1).is_some_and(|&(_, n)| n == '\n') {
                end += 1;
                i += 1;
            }
            out.push(Value::str(if keep { &s[start..end] } else { &s[start..b] }));
            start = end;
        }
        i += 1;
    }
    if start < s.len() {
        out.push(Value::str(&s[start..]));
    }
    Ok(Value::list(out))
}

fn str_partition(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = recv_str(&a, "partition")?.as_str();
    nargs(&a, "partition", 1, 1)?;
    let sep = arg_str(&a.pos[1], "must be str, not ", "")?;
    if sep.is_empty() {
        return Err(PyErr::value_error("empty separator"));
    }
    Ok(match s.find(sep) {
        Some(i) => Value::tuple(vec![
            Value::str(&s[..i]),
            Value::str(sep),
            Value::str(&s[i + sep.len()..]),
        ]),
        None => Value::tuple(vec![Value::str(s), Value::str(""), Value::str("")]),
    })
}

fn str_encode(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = recv_str(&a, "encode")?.as_str();
    Ok(Value::Bytes(Rc::new(s.as_bytes().to_vec())))
}

fn str_format(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let fmt = recv_str(&a, "format")?.as_str();
    let args = &a.pos[1..];
    let mut out = String::new();
    let mut auto = 0usize;
    let mut chars = fmt.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                out.push('{');
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                out.push('}');
            }
            '{' => {
                let mut field = String::new();
                let mut depth = 1;
                for ch in chars.by_ref() {
                    if ch == '{' {
                        depth += 1;
                    } else if ch == '}' {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    field.push(ch);
                }
                let (head, spec) = match field.find(':') {
                    Some(i) => (field[..i].to_string(), field[i + 1..].to_string()),
                    None => (field.clone(), String::new()),
                };
                let (name, conv) = match head.find('!') {
                    Some(i) => (head[..i].to_string(), head[i + 1..].chars().next()),
                    None => (head, None),
                };
                let v = if name.is_empty() {
                    let v = args.get(auto).cloned().ok_or_else(|| {
                        PyErr::index_error(format!(
                            "Replacement index {auto} out of range for positional args tuple"
                        ))
                    })?;
                    auto += 1;
                    v
                } else if let Ok(i) = name.parse::<usize>() {
                    args.get(i).cloned().ok_or_else(|| {
                        PyErr::index_error(format!(
                            "Replacement index {i} out of range for positional args tuple"
                        ))
                    })?
                } else {
                    a.kw(&name)
                        .cloned()
                        .ok_or_else(|| PyErr::key_error(Value::string(name.clone())))?
                };
                let v = match conv {
                    Some('r') => Value::string(vm.repr_of(&v)?),
                    Some('s') => Value::string(vm.str_of(&v)?),
                    _ => v,
                };
                out.push_str(&crate::format::format_value(&v, &spec)?);
            }
            '}' => {
                return Err(PyErr::value_error(
                    "Single '}' encountered in format string",
                ))
            }
            other => out.push(other),
        }
    }
    Ok(Value::string(out))
}
