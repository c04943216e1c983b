//! Methods of `str`.

use std::rc::Rc;

use crate::dict::Dict;
use crate::exc::{PyErr, PyResult};
use crate::func::{Args, BuiltinDef};
use crate::ops;
use crate::types::{type_name, ExcKind};
use crate::value::{StrObj, Value};
use crate::vm::Vm;

use super::chars;
use super::*;

method_table!(pub(super) STR_METHODS, "str", [
    "__getnewargs__" => crate::reduce::getnewargs,
    "capitalize" => exact::str_capitalize, "casefold" => exact::str_casefold, "center" => exact::str_center,
    "count" => exact::str_count, "encode" => str_encode, "endswith" => exact::str_endswith,
    "expandtabs" => exact::str_expandtabs, "find" => exact::str_find, "format" => exact::str_format,
    "format_map" => exact::str_format_map, "index" => exact::str_index, "isalnum" => exact::str_isalnum,
    "isalpha" => exact::str_isalpha, "isascii" => str_isascii, "isdecimal" => exact::str_isdecimal,
    "isdigit" => exact::str_isdigit, "isidentifier" => exact::str_isidentifier, "islower" => exact::str_islower,
    "isnumeric" => exact::str_isnumeric, "isprintable" => str_isprintable, "isspace" => exact::str_isspace,
    "istitle" => exact::str_istitle, "isupper" => exact::str_isupper, "join" => str_join,
    "ljust" => exact::str_ljust, "lower" => exact::str_lower, "lstrip" => exact::str_lstrip,
    "maketrans" => str_maketrans, "partition" => exact::str_partition,
    "removeprefix" => exact::str_removeprefix, "removesuffix" => exact::str_removesuffix,
    "replace" => exact::str_replace, "rfind" => exact::str_rfind, "rindex" => exact::str_rindex,
    "rjust" => exact::str_rjust, "rpartition" => exact::str_rpartition, "rsplit" => exact::str_rsplit,
    "rstrip" => exact::str_rstrip, "split" => exact::str_split, "splitlines" => exact::str_splitlines,
    "startswith" => exact::str_startswith, "strip" => exact::str_strip, "swapcase" => exact::str_swapcase,
    "title" => exact::str_title, "translate" => str_translate, "upper" => exact::str_upper,
    "zfill" => exact::str_zfill,
]);

/// Largest str the methods build; beyond it CPython would fail to allocate.
const MAX_LEN: usize = 1 << 31;

fn too_big() -> PyErr {
    PyErr::new(ExcKind::MemoryError, "")
}

fn char_index(s: &StrObj, byte: usize) -> i64 {
    if s.is_ascii() {
        byte as i64
    } else {
        s.char_index_of_byte(byte) as i64
    }
}

/// `self[start:end]` of `find`-style arguments, as a byte range (`None` when `start`
/// lies beyond the end).
fn sub_range(
    vm: &mut Vm,
    so: &StrObj,
    start: Option<&Value>,
    end: Option<&Value>,
) -> PyResult<Option<(usize, usize)>> {
    let (start, end) = adjust(slice_arg(vm, start)?, slice_arg(vm, end)?, so.char_len());
    if start > end {
        return Ok(None);
    }
    Ok(Some((
        so.byte_offset(start as usize),
        so.byte_offset(end as usize),
    )))
}

fn str_of<'a>(v: &'a Value, what: &str) -> PyResult<&'a str> {
    match v {
        Value::Str(s) => Ok(s.as_str()),
        other => Err(PyErr::type_error(format!(
            "{what}must be str, not {}",
            type_name(other)
        ))),
    }
}

// ---- joining and splitting ----

fn str_join(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let sep = recv_str(&a, "join")?;
    let arg = onearg(&a, "str", "join")?;
    let items = vm.sequence_fast(arg, "can only join an iterable")?;
    // One exact str is the result itself (a str subclass's instance gives a
    // new exact str below).
    if let [v @ Value::Str(_)] = items.as_slice() {
        return Ok(v.clone());
    }
    // Instances of str subclasses join as their text.
    let items: Vec<Value> = items
        .into_iter()
        .map(|v| match &v {
            Value::Instance(_) => match crate::instance::payload_of(&v) {
                Some(p @ Value::Str(_)) => p.clone(),
                _ => v,
            },
            _ => v,
        })
        .collect();
    let mut total = sep.as_str().len() * items.len().saturating_sub(1);
    for (i, item) in items.iter().enumerate() {
        match item {
            Value::Str(s) => total += s.as_str().len(),
            other => {
                return Err(PyErr::type_error(format!(
                    "sequence item {}: expected str instance, {} found",
                    i,
                    type_name(other)
                )))
            }
        }
    }
    if total > MAX_LEN {
        return Err(too_big());
    }
    let strs = items.iter().filter_map(|v| match v {
        Value::Str(s) => Some(&**s),
        _ => None,
    });
    if sep.surrogates().is_some() || crate::str_surrogates::any_exact(strs.clone()) {
        return Ok(crate::str_surrogates::join_exact(sep, strs));
    }
    let mut out = String::with_capacity(total);
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep.as_str());
        }
        if let Value::Str(s) = item {
            out.push_str(s.as_str());
        }
    }
    Ok(Value::string(out))
}

fn split_args<'a>(vm: &mut Vm, a: &Args<'a>, name: &str) -> PyResult<(Option<&'a str>, usize)> {
    let [sep, maxsplit] = bind(a, name, ["sep", "maxsplit"], 0)?;
    // Argument Clinic converts maxsplit before it checks sep.
    let maxsplit = match maxsplit {
        Some(v) => int_arg(vm, v)?,
        None => -1,
    };
    let sep = match sep {
        None | Some(Value::None) => None,
        Some(Value::Str(s)) => {
            if s.as_str().is_empty() {
                return Err(PyErr::value_error("empty separator"));
            }
            Some(s.as_str())
        }
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "must be str or None, not {}",
                type_name(other)
            )))
        }
    };
    let limit = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    Ok((sep, limit))
}

fn str_split(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = recv_str(&a, "split")?.as_str();
    let (sep, limit) = split_args(vm, &a, "split")?;
    let parts: Vec<Value> = match sep {
        // A one-character separator (the usual `,` or `\n`) as a `char`
        // pattern: a byte search rather than the substring searcher.
        Some(sep) if sep.chars().nth(1).is_none() && !sep.is_empty() => {
            let c = sep.chars().next().unwrap_or(' ');
            s.splitn(limit.saturating_add(1), c)
                .map(Value::str)
                .collect()
        }
        Some(sep) => s
            .splitn(limit.saturating_add(1), sep)
            .map(Value::str)
            .collect(),
        None => {
            let mut out = Vec::new();
            let mut rest = s.trim_start_matches(chars::is_space);
            while !rest.is_empty() {
                if out.len() == limit {
                    out.push(Value::str(rest));
                    break;
                }
                match rest.find(chars::is_space) {
                    Some(i) => {
                        out.push(Value::str(&rest[..i]));
                        rest = rest[i..].trim_start_matches(chars::is_space);
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

fn str_rsplit(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = recv_str(&a, "rsplit")?.as_str();
    let (sep, limit) = split_args(vm, &a, "rsplit")?;
    let mut parts: Vec<Value> = match sep {
        Some(sep) => s
            .rsplitn(limit.saturating_add(1), sep)
            .map(Value::str)
            .collect(),
        None => {
            let mut out = Vec::new();
            let mut rest = s.trim_end_matches(chars::is_space);
            while !rest.is_empty() {
                if out.len() == limit {
                    out.push(Value::str(rest));
                    break;
                }
                match rest.rfind(chars::is_space) {
                    Some(i) => {
                        let ch = rest[i..].chars().next().map_or(1, char::len_utf8);
                        out.push(Value::str(&rest[i + ch..]));
                        rest = rest[..i].trim_end_matches(chars::is_space);
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

/// A line boundary of `str.splitlines()`.
pub(crate) fn is_line_break(c: char) -> bool {
    matches!(
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
    )
}

fn str_splitlines(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = recv_str(&a, "splitlines")?.as_str();
    let [keep] = bind(&a, "splitlines", ["keepends"], 0)?;
    let keep = keepends_arg(vm, keep)?;
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = s.char_indices().peekable();
    while let Some((b, c)) = it.next() {
        if is_line_break(c) {
            let mut end = b + c.len_utf8();
            if c == '\r' && it.peek().is_some_and(|&(_, n)| n == '\n') {
                it.next();
                end += 1;
            }
            out.push(Value::str(if keep { &s[start..end] } else { &s[start..b] }));
            start = end;
        }
    }
    if start < s.len() {
        out.push(Value::str(&s[start..]));
    }
    Ok(Value::list(out))
}

fn partition(a: &Args<'_>, name: &str, rev: bool) -> PyResult<Value> {
    let so = recv_str(a, name)?;
    let s = so.as_str();
    let sep = str_of(onearg(a, "str", name)?, "")?;
    if sep.is_empty() {
        return Err(PyErr::value_error("empty separator"));
    }
    let found = if rev { s.rfind(sep) } else { s.find(sep) };
    let empty = || Value::str("");
    Ok(match found {
        Some(i) => Value::tuple(vec![
            Value::str(&s[..i]),
            a.pos[1].clone(),
            Value::str(&s[i + sep.len()..]),
        ]),
        None if rev => Value::tuple(vec![empty(), empty(), a.pos[0].clone()]),
        None => Value::tuple(vec![a.pos[0].clone(), empty(), empty()]),
    })
}

fn str_partition(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    partition(&a, "partition", false)
}
fn str_rpartition(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    partition(&a, "rpartition", true)
}

// ---- stripping and affixes ----

fn strip_impl(a: &Args<'_>, name: &str, left: bool, right: bool) -> PyResult<Value> {
    let s = recv_str(a, name)?.as_str();
    nargs(a, name, 0, 1)?;
    let r = match a.pos.get(1) {
        None | Some(Value::None) => {
            let mut r = s;
            if left {
                r = r.trim_start_matches(chars::is_space);
            }
            if right {
                r = r.trim_end_matches(chars::is_space);
            }
            r
        }
        Some(Value::Str(c)) => {
            let set = c.as_str();
            let pred = |ch: char| set.contains(ch);
            let mut r = s;
            if left {
                r = r.trim_start_matches(pred);
            }
            if right {
                r = r.trim_end_matches(pred);
            }
            r
        }
        Some(_) => return Err(PyErr::type_error(format!("{name} arg must be None or str"))),
    };
    if r.len() == s.len() {
        return Ok(a.pos[0].clone());
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

fn affix(a: &Args<'_>, name: &str, prefix: bool) -> PyResult<Value> {
    let s = recv_str(a, name)?.as_str();
    let x = onearg(a, "str", name)?;
    let x = str_of(x, &format!("{name}() argument "))?;
    let r = if prefix {
        s.strip_prefix(x)
    } else {
        s.strip_suffix(x)
    };
    Ok(match r {
        Some(r) if !x.is_empty() => Value::str(r),
        _ => a.pos[0].clone(),
    })
}

fn str_removeprefix(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    affix(&a, "removeprefix", true)
}
fn str_removesuffix(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    affix(&a, "removesuffix", false)
}

fn prefix_check(vm: &mut Vm, a: &Args<'_>, name: &str, start: bool) -> PyResult<Value> {
    let so = recv_str(a, name)?;
    takes(a, "str", name, 1, 3)?;
    match &a.pos[1] {
        // A tuple's items are checked as they are tried (CPython's order):
        // one that matches ends the search before a later non-str.
        Value::Str(_) | Value::Tuple(_) => {}
        other => {
            return Err(PyErr::type_error(format!(
                "{} first arg must be str or a tuple of str, not {}",
                name,
                type_name(other)
            )))
        }
    }
    let Some((bs, be)) = sub_range(vm, so, a.pos.get(2), a.pos.get(3))? else {
        // Nothing can match, but every item is still tried.
        if let Value::Tuple(t) = &a.pos[1] {
            if let Some(other) = t.iter().find(|p| !matches!(p, Value::Str(_))) {
                return Err(PyErr::type_error(format!(
                    "tuple for {name} must only contain str, not {}",
                    type_name(other)
                )));
            }
        }
        return Ok(Value::Bool(false));
    };
    let hay = &so.as_str()[bs..be];
    let test = |p: &str| {
        if start {
            hay.starts_with(p)
        } else {
            hay.ends_with(p)
        }
    };
    match &a.pos[1] {
        Value::Str(p) => Ok(Value::Bool(test(p.as_str()))),
        Value::Tuple(t) => {
            for p in t.iter() {
                match p {
                    Value::Str(p) => {
                        if test(p.as_str()) {
                            return Ok(Value::Bool(true));
                        }
                    }
                    other => {
                        return Err(PyErr::type_error(format!(
                            "tuple for {name} must only contain str, not {}",
                            type_name(other)
                        )))
                    }
                }
            }
            Ok(Value::Bool(false))
        }
        other => Err(PyErr::type_error(format!(
            "{} first arg must be str or a tuple of str, not {}",
            name,
            type_name(other)
        ))),
    }
}

fn str_startswith(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    prefix_check(vm, &a, "startswith", true)
}
fn str_endswith(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    prefix_check(vm, &a, "endswith", false)
}

// ---- searching ----

fn find_impl(vm: &mut Vm, a: &Args<'_>, name: &str, rev: bool) -> PyResult<Option<i64>> {
    let so = recv_str(a, name)?;
    takes(a, "str", name, 1, 3)?;
    let sub = str_of(&a.pos[1], "")?;
    let Some((bs, be)) = sub_range(vm, so, a.pos.get(2), a.pos.get(3))? else {
        return Ok(None);
    };
    let hay = &so.as_str()[bs..be];
    let found = if rev { hay.rfind(sub) } else { hay.find(sub) };
    Ok(found.map(|b| char_index(so, bs + b)))
}

fn str_find(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(find_impl(vm, &a, "find", false)?.unwrap_or(-1)))
}
fn str_rfind(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(find_impl(vm, &a, "rfind", true)?.unwrap_or(-1)))
}
fn str_index(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    find_impl(vm, &a, "index", false)?
        .map(Value::Int)
        .ok_or_else(|| PyErr::value_error("substring not found"))
}
fn str_rindex(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    find_impl(vm, &a, "rindex", true)?
        .map(Value::Int)
        .ok_or_else(|| PyErr::value_error("substring not found"))
}

fn str_count(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let so = recv_str(&a, "count")?;
    takes(&a, "str", "count", 1, 3)?;
    let sub = str_of(&a.pos[1], "")?;
    let Some((bs, be)) = sub_range(vm, so, a.pos.get(2), a.pos.get(3))? else {
        return Ok(Value::Int(0));
    };
    let hay = &so.as_str()[bs..be];
    if sub.is_empty() {
        return Ok(Value::Int(hay.chars().count() as i64 + 1));
    }
    Ok(Value::Int(hay.matches(sub).count() as i64))
}

fn str_replace(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let so = recv_str(&a, "replace")?;
    let s = so.as_str();
    nargs(&a, "replace", 2, 3)?;
    let old = str_of(&a.pos[1], "replace() argument 1 ")?;
    let new = str_of(&a.pos[2], "replace() argument 2 ")?;
    let count = match a.pos.get(3) {
        Some(v) => int_arg(vm, v)?,
        None => -1,
    };
    let limit = if count < 0 {
        usize::MAX
    } else {
        count as usize
    };
    if limit == 0 || (!old.is_empty() && !s.contains(old)) {
        return Ok(a.pos[0].clone());
    }
    if old.is_empty() {
        // An empty pattern matches before every character and at the end.
        let n = (so.char_len() + 1).min(limit);
        if new.len().saturating_mul(n).saturating_add(s.len()) > MAX_LEN {
            return Err(too_big());
        }
        let mut out = String::with_capacity(s.len() + new.len() * n);
        let mut done = 0;
        for c in s.chars() {
            if done < n {
                out.push_str(new);
                done += 1;
            }
            out.push(c);
        }
        if done < n {
            out.push_str(new);
        }
        return Ok(Value::string(out));
    }
    if new.len() > old.len() {
        let hits = s.matches(old).count().min(limit);
        if (new.len() - old.len())
            .saturating_mul(hits)
            .saturating_add(s.len())
            > MAX_LEN
        {
            return Err(too_big());
        }
    }
    Ok(Value::string(s.replacen(old, new, limit)))
}

// ---- case ----

fn str_upper(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = recv_str(&a, "upper")?;
    noargs(&a, "str", "upper")?;
    if s.is_ascii() {
        return Ok(Value::string(s.as_str().to_ascii_uppercase()));
    }
    let mut out = String::with_capacity(s.as_str().len());
    for c in s.as_str().chars() {
        chars::push_upper(&mut out, c);
    }
    Ok(Value::string(out))
}

fn str_lower(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = recv_str(&a, "lower")?;
    noargs(&a, "str", "lower")?;
    if s.is_ascii() {
        return Ok(Value::string(s.as_str().to_ascii_lowercase()));
    }
    let cs: Vec<char> = s.as_str().chars().collect();
    let mut out = String::with_capacity(s.as_str().len());
    for i in 0..cs.len() {
        chars::push_lower(&mut out, &cs, i);
    }
    Ok(Value::string(out))
}

fn str_casefold(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = recv_str(&a, "casefold")?;
    noargs(&a, "str", "casefold")?;
    if s.is_ascii() {
        return Ok(Value::string(s.as_str().to_ascii_lowercase()));
    }
    let mut out = String::with_capacity(s.as_str().len());
    for c in s.as_str().chars() {
        chars::push_casefold(&mut out, c);
    }
    Ok(Value::string(out))
}

fn str_swapcase(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = recv_str(&a, "swapcase")?.as_str();
    noargs(&a, "str", "swapcase")?;
    let cs: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in cs.iter().enumerate() {
        if chars::is_upper(c) {
            chars::push_lower(&mut out, &cs, i);
        } else if chars::is_lower(c) {
            chars::push_upper(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Ok(Value::string(out))
}

fn str_title(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = recv_str(&a, "title")?.as_str();
    noargs(&a, "str", "title")?;
    let cs: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut prev_cased = false;
    for (i, &c) in cs.iter().enumerate() {
        if prev_cased {
            chars::push_lower(&mut out, &cs, i);
        } else {
            chars::push_title(&mut out, c);
        }
        prev_cased = chars::is_cased(c);
    }
    Ok(Value::string(out))
}

fn str_capitalize(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = recv_str(&a, "capitalize")?.as_str();
    noargs(&a, "str", "capitalize")?;
    let cs: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in cs.iter().enumerate() {
        if i == 0 {
            chars::push_title(&mut out, c);
        } else {
            chars::push_lower(&mut out, &cs, i);
        }
    }
    Ok(Value::string(out))
}

// ---- predicates ----

fn str_pred(a: &Args<'_>, name: &str, f: fn(char) -> bool) -> PyResult<Value> {
    let s = recv_str(a, name)?.as_str();
    noargs(a, "str", name)?;
    Ok(Value::Bool(!s.is_empty() && s.chars().all(f)))
}

fn str_isdigit(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    str_pred(&a, "isdigit", chars::is_digit)
}
fn str_isdecimal(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    str_pred(&a, "isdecimal", chars::is_decimal)
}
fn str_isnumeric(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    str_pred(&a, "isnumeric", chars::is_numeric)
}
fn str_isalpha(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    str_pred(&a, "isalpha", chars::is_alpha)
}
fn str_isspace(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    str_pred(&a, "isspace", chars::is_space)
}
fn str_isalnum(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    str_pred(&a, "isalnum", pith_repr::unicode::is_alnum)
}

fn str_isascii(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = recv_str(&a, "isascii")?;
    noargs(&a, "str", "isascii")?;
    Ok(Value::Bool(s.is_ascii()))
}

fn str_isprintable(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = recv_str(&a, "isprintable")?;
    noargs(&a, "str", "isprintable")?;
    // A lone surrogate (category Cs) is not printable.
    let exact = s.surrogates().is_none();
    Ok(Value::Bool(
        exact && s.as_str().chars().all(pith_repr::is_printable),
    ))
}

fn str_isidentifier(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = recv_str(&a, "isidentifier")?.as_str();
    noargs(&a, "str", "isidentifier")?;
    let mut it = s.chars();
    let ok = it
        .next()
        .is_some_and(pith_repr::unicode::is_identifier_start)
        && it.all(pith_repr::unicode::is_identifier_continue);
    Ok(Value::Bool(ok))
}

fn str_isupper(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = recv_str(&a, "isupper")?.as_str();
    noargs(&a, "str", "isupper")?;
    let mut cased = false;
    for c in s.chars() {
        if chars::is_lower(c) || chars::is_title(c) {
            return Ok(Value::Bool(false));
        }
        cased |= chars::is_upper(c);
    }
    Ok(Value::Bool(cased))
}

fn str_islower(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = recv_str(&a, "islower")?.as_str();
    noargs(&a, "str", "islower")?;
    let mut cased = false;
    for c in s.chars() {
        if chars::is_upper(c) || chars::is_title(c) {
            return Ok(Value::Bool(false));
        }
        cased |= chars::is_lower(c);
    }
    Ok(Value::Bool(cased))
}

fn str_istitle(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = recv_str(&a, "istitle")?.as_str();
    noargs(&a, "str", "istitle")?;
    let (mut cased, mut prev_cased) = (false, false);
    for c in s.chars() {
        if chars::is_upper(c) || chars::is_title(c) {
            if prev_cased {
                return Ok(Value::Bool(false));
            }
            prev_cased = true;
            cased = true;
        } else if chars::is_lower(c) {
            if !prev_cased {
                return Ok(Value::Bool(false));
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    Ok(Value::Bool(cased))
}

// ---- padding ----

fn fill_char(v: Option<&Value>) -> PyResult<char> {
    match v {
        None => Ok(' '),
        Some(Value::Str(f)) => {
            let mut it = f.as_str().chars();
            match (it.next(), it.next()) {
                (Some(c), None) => Ok(c),
                _ => Err(PyErr::type_error(
                    "The fill character must be exactly one character long",
                )),
            }
        }
        Some(other) => Err(PyErr::type_error(format!(
            "The fill character must be a unicode character, not {}",
            type_name(other)
        ))),
    }
}

fn justify(vm: &mut Vm, a: &Args<'_>, name: &str, align: char) -> PyResult<Value> {
    let s = recv_str(a, name)?;
    nargs(a, name, 1, 2)?;
    let width = int_arg(vm, &a.pos[1])?;
    let fill = fill_char(a.pos.get(2))?;
    let len = s.char_len() as i64;
    if width <= len {
        return Ok(a.pos[0].clone());
    }
    if width as u64 > MAX_LEN as u64 {
        return Err(too_big());
    }
    let padn = (width - len) as usize;
    let left = match align {
        '<' => 0,
        '>' => padn,
        // CPython puts the odd pad character on the left only when both the
        // padding and the width are odd.
        _ => padn / 2 + (padn & width as usize & 1),
    };
    let body = s.as_str();
    let mut out = String::with_capacity(body.len() + padn * fill.len_utf8());
    out.extend(std::iter::repeat(fill).take(left));
    out.push_str(body);
    out.extend(std::iter::repeat(fill).take(padn - left));
    Ok(Value::string(out))
}

fn str_center(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    justify(vm, &a, "center", '^')
}
fn str_ljust(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    justify(vm, &a, "ljust", '<')
}
fn str_rjust(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    justify(vm, &a, "rjust", '>')
}

fn str_zfill(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = recv_str(&a, "zfill")?;
    let width = int_arg(vm, onearg(&a, "str", "zfill")?)?;
    let len = s.char_len() as i64;
    if width <= len {
        return Ok(a.pos[0].clone());
    }
    if width as u64 > MAX_LEN as u64 {
        return Err(too_big());
    }
    let text = s.as_str();
    let zeros = "0".repeat((width - len) as usize);
    let out = match text.as_bytes().first() {
        Some(b'+' | b'-') => format!("{}{zeros}{}", &text[..1], &text[1..]),
        _ => format!("{zeros}{text}"),
    };
    Ok(Value::string(out))
}

fn str_expandtabs(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = recv_str(&a, "expandtabs")?.as_str();
    let [tabsize] = bind(&a, "expandtabs", ["tabsize"], 0)?;
    let tabsize = match tabsize {
        Some(v) => int_arg(vm, v)?,
        None => 8,
    };
    if i32::try_from(tabsize).is_err() {
        return Err(PyErr::overflow("Python int too large to convert to C int"));
    }
    let mut out = String::with_capacity(s.len());
    let mut col: i64 = 0;
    for c in s.chars() {
        match c {
            '\t' => {
                if tabsize > 0 {
                    let n = tabsize - col % tabsize;
                    if out.len() as u64 + n as u64 > MAX_LEN as u64 {
                        return Err(PyErr::overflow("new string is too long"));
                    }
                    out.extend(std::iter::repeat(' ').take(n as usize));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(Value::string(out))
}

// ---- translation ----

fn str_maketrans(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    a.no_kw("maketrans")?;
    let mut d = Dict::new();
    match a.pos {
        [m] => {
            let Value::Dict(m) = m else {
                return Err(PyErr::type_error(
                    "if you give only one argument to maketrans it must be a dict",
                ));
            };
            for (k, v) in m.borrow().iter() {
                let key = match k {
                    Value::Str(s) => {
                        let mut it = s.as_str().chars();
                        match (it.next(), it.next()) {
                            (Some(c), None) => Value::Int(c as i64),
                            _ => {
                                return Err(PyErr::value_error(
                                    "string keys in translate table must be of length 1",
                                ))
                            }
                        }
                    }
                    Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => k.clone(),
                    _ => {
                        return Err(PyErr::type_error(
                            "keys in translate table must be strings or integers",
                        ))
                    }
                };
                d.insert(key, v.clone())?;
            }
        }
        [x, y, rest @ ..] if rest.len() <= 1 => {
            let x = str_of(x, "maketrans() argument 1 ")?;
            let y = str_of(y, "maketrans() argument 2 ")?;
            if x.chars().count() != y.chars().count() {
                return Err(PyErr::value_error(
                    "the first two maketrans arguments must have equal length",
                ));
            }
            for (p, q) in x.chars().zip(y.chars()) {
                d.insert(Value::Int(p as i64), Value::Int(q as i64))?;
            }
            if let Some(z) = rest.first() {
                for c in str_of(z, "maketrans() argument 3 ")?.chars() {
                    d.insert(Value::Int(c as i64), Value::None)?;
                }
            }
        }
        _ => {
            let n = a.pos.len();
            return Err(PyErr::type_error(if n == 0 {
                "maketrans expected at least 1 argument, got 0".to_string()
            } else {
                format!("maketrans expected at most 3 arguments, got {n}")
            }));
        }
    }
    Ok(Value::Dict(Rc::new(std::cell::RefCell::new(d))))
}

/// `str.translate(table)`, on exact code points: lone surrogates in the
/// str, in replacement strs and as mapped ordinals are kept.
fn str_translate(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = recv_str(&a, "translate")?;
    let table = onearg(&a, "str", "translate")?.clone();
    let mut out: Vec<u32> = Vec::with_capacity(s.as_str().len());
    for cp in s.code_points() {
        let key = Value::Int(i64::from(cp));
        let mapped = match &table {
            Value::Dict(d) => d.borrow().get(&key)?.cloned(),
            other => match vm.getitem(other, &key) {
                Ok(v) => Some(v),
                Err(e) if e.is(ExcKind::LookupError) => None,
                Err(e) => return Err(e),
            },
        };
        match mapped {
            None => out.push(cp),
            Some(Value::None) => {}
            Some(Value::Str(r)) => out.extend(r.code_points()),
            Some(v @ (Value::Int(_) | Value::BigInt(_) | Value::Bool(_))) => {
                match ops::index_of(&v).filter(|&i| (0..0x110000).contains(&i)) {
                    Some(i) => out.push(i as u32),
                    None => {
                        return Err(PyErr::value_error(
                            "character mapping must be in range(0x110000)",
                        ))
                    }
                }
            }
            Some(_) => {
                return Err(PyErr::type_error(
                    "character mapping must return integer, None or str",
                ))
            }
        }
    }
    Ok(Value::from_code_points(out))
}

// ---- encoding and formatting ----

fn str_encode(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = recv_str(&a, "encode")?;
    let [encoding, errors] = bind(&a, "encode", ["encoding", "errors"], 0)?;
    let encoding_given = match encoding {
        None => None,
        Some(v) => Some(str_of(v, "encode() argument 'encoding' ")?),
    };
    let errors_given = match errors {
        None => None,
        Some(v) => Some(str_of(v, "encode() argument 'errors' ")?),
    };
    crate::modules::codecs::check_encoding_errors(vm, encoding_given, errors_given)?;
    let encoding = encoding_given.unwrap_or("utf-8");
    let errors = errors_given.unwrap_or("strict");
    if let Ok(codec) = crate::format::codecs::lookup(encoding) {
        let obj = a.pos.first().cloned().unwrap_or(Value::None);
        let out = crate::modules::codecs::encode_native(vm, &obj, codec, errors)?;
        return Ok(Value::Bytes(Rc::new(out)));
    }
    match crate::str_codecs::encode(s, encoding, errors) {
        Ok(b) => Ok(Value::Bytes(Rc::new(b))),
        // Codecs written in Python (`idna`, `punycode`, ...) come from the registry.
        Err(e) if crate::modules::codecs::is_unknown_encoding(&e) => {
            let obj = a.pos.first().cloned().unwrap_or(Value::None);
            crate::modules::codecs::via_registry(vm, obj, encoding, errors, 0)
        }
        Err(e) => Err(e),
    }
}

fn str_format(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let fmt = recv_str(&a, "format")?.as_str();
    let out = crate::format::str_format(vm, fmt, &a.pos[1..], &crate::format::Kwargs::Args(a))?;
    Ok(Value::string(out))
}

fn str_format_map(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let fmt = recv_str(&a, "format_map")?.as_str();
    let m = onearg(&a, "str", "format_map")?;
    let out = crate::format::str_format(vm, fmt, &[], &crate::format::Kwargs::Mapping(m))?;
    Ok(Value::string(out))
}

/// The methods above that work on Rust text, run exactly on strs holding lone
/// surrogates (`str_surrogates::via_private_use`).
mod exact {
    use super::{Args, PyResult, Value, Vm};

    macro_rules! exact {
        ($($f:ident),* $(,)?) => {
            $(
                pub(super) fn $f(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
                    crate::str_surrogates::via_private_use(vm, a, super::$f)
                }
            )*
        };
    }

    pub(super) fn str_format(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
        crate::str_surrogates::format_method(vm, a, super::str_format)
    }

    pub(super) fn str_format_map(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
        crate::str_surrogates::format_method(vm, a, super::str_format_map)
    }

    exact!(
        str_capitalize,
        str_casefold,
        str_center,
        str_count,
        str_endswith,
        str_expandtabs,
        str_find,
        str_index,
        str_isalnum,
        str_isalpha,
        str_isdecimal,
        str_isdigit,
        str_isidentifier,
        str_islower,
        str_isnumeric,
        str_isspace,
        str_istitle,
        str_isupper,
        str_ljust,
        str_lower,
        str_lstrip,
        str_partition,
        str_removeprefix,
        str_removesuffix,
        str_replace,
        str_rfind,
        str_rindex,
        str_rjust,
        str_rpartition,
        str_rsplit,
        str_rstrip,
        str_split,
        str_splitlines,
        str_startswith,
        str_strip,
        str_swapcase,
        str_title,
        str_upper,
        str_zfill
    );
}
