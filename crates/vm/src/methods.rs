//! Methods of the builtin types (`str.join`, `list.append`, `dict.get`, ...), and
//! set algebra and iteration order.

use std::cell::RefCell;
use std::rc::Rc;

use crate::dict::Dict;
use crate::exc::{PyErr, PyResult};
use crate::func::{Args, BuiltinDef};
use crate::iter::DictPart;
use crate::ops::{self, CmpOp};
use crate::types::{type_name, ExcKind};
use crate::value::{StrObj, Value};
use crate::vm::Vm;

macro_rules! method_table {
    ($table:ident, $owner:literal, [ $( $name:literal => $f:path ),* $(,)? ]) => {
        static $table: &[BuiltinDef] = &[
            $( BuiltinDef { name: $name, func: $f, owner: $owner, is_method: true }, )*
        ];
    };
}

method_table!(STR_METHODS, "str", [
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

method_table!(LIST_METHODS, "list", [
    "append" => list_append, "extend" => list_extend, "pop" => list_pop, "insert" => list_insert,
    "remove" => list_remove, "index" => list_index, "count" => list_count, "sort" => list_sort,
    "reverse" => list_reverse, "copy" => list_copy, "clear" => list_clear,
]);

method_table!(TUPLE_METHODS, "tuple", ["index" => list_index, "count" => list_count]);

method_table!(DICT_METHODS, "dict", [
    "get" => dict_get, "items" => dict_items, "keys" => dict_keys, "values" => dict_values,
    "pop" => dict_pop, "setdefault" => dict_setdefault, "update" => dict_update,
    "copy" => dict_copy, "clear" => dict_clear, "popitem" => dict_popitem,
]);

method_table!(SET_METHODS, "set", [
    "add" => set_add, "remove" => set_remove, "discard" => set_discard, "pop" => set_pop,
    "union" => set_union, "intersection" => set_intersection, "difference" => set_difference,
    "symmetric_difference" => set_symdiff, "update" => set_update, "copy" => set_copy,
    "clear" => set_clear, "issubset" => set_issubset, "issuperset" => set_issuperset,
    "isdisjoint" => set_isdisjoint,
]);

method_table!(INT_METHODS, "int", ["bit_length" => int_bit_length, "conjugate" => int_conjugate]);

method_table!(FLOAT_METHODS, "float", ["is_integer" => float_is_integer]);

const TABLES: [&[BuiltinDef]; 7] = [
    STR_METHODS,
    LIST_METHODS,
    TUPLE_METHODS,
    DICT_METHODS,
    SET_METHODS,
    INT_METHODS,
    FLOAT_METHODS,
];

/// Which method table serves an instance (not a type object), for caches.
#[inline]
pub fn table_id(obj: &Value) -> Option<u8> {
    Some(match obj {
        Value::Str(_) => 0,
        Value::List(_) => 1,
        Value::Tuple(_) => 2,
        Value::Dict(_) => 3,
        Value::Set(_) | Value::FrozenSet(_) => 4,
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => 5,
        Value::Float(_) => 6,
        _ => return None,
    })
}

/// Names of the methods in table `id` (for "Did you mean" hints).
pub fn method_names(id: u8) -> impl Iterator<Item = &'static str> {
    TABLES
        .get(id as usize)
        .copied()
        .unwrap_or(&[])
        .iter()
        .map(|d| d.name)
}

/// Finds a method in the table `id` (from [`table_id`]).
pub fn lookup_in(id: u8, name: &str) -> Option<&'static BuiltinDef> {
    TABLES.get(id as usize)?.iter().find(|d| d.name == name)
}

/// Finds a method of a builtin value's type (or, for a type object, of that type).
pub fn lookup(obj: &Value, name: &str) -> Option<&'static BuiltinDef> {
    let table: &'static [BuiltinDef] = match obj {
        Value::Str(_) => STR_METHODS,
        Value::List(_) => LIST_METHODS,
        Value::Tuple(_) => TUPLE_METHODS,
        Value::Dict(_) => DICT_METHODS,
        Value::Set(_) | Value::FrozenSet(_) => SET_METHODS,
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => INT_METHODS,
        Value::Float(_) => FLOAT_METHODS,
        Value::Generator(_) => crate::gen::GEN_METHODS,
        Value::Type(t) => match t.kind {
            crate::types::TypeKind::Str => STR_METHODS,
            crate::types::TypeKind::List => LIST_METHODS,
            crate::types::TypeKind::Tuple => TUPLE_METHODS,
            crate::types::TypeKind::Dict => DICT_METHODS,
            crate::types::TypeKind::Set => SET_METHODS,
            crate::types::TypeKind::Int => INT_METHODS,
            crate::types::TypeKind::Float => FLOAT_METHODS,
            _ => return None,
        },
        _ => return None,
    };
    table.iter().find(|d| d.name == name)
}

// ---- argument helpers ----

fn nargs(a: &Args<'_>, name: &str, min: usize, max: usize) -> PyResult<()> {
    let n = a.pos.len().saturating_sub(1);
    if !a.kwnames.is_empty() && name != "sort" {
        return Err(PyErr::type_error(format!(
            "{name}() takes no keyword arguments"
        )));
    }
    if n < min || n > max {
        let msg = if min == max {
            if min == 0 {
                format!("{name}() takes no arguments ({n} given)")
            } else if min == 1 {
                format!("{name}() takes exactly one argument ({n} given)")
            } else {
                format!("{name} expected {min} arguments, got {n}")
            }
        } else if n < min {
            format!(
                "{name} expected at least {min} argument{}, got {n}",
                if min == 1 { "" } else { "s" }
            )
        } else {
            format!(
                "{name} expected at most {max} argument{}, got {n}",
                if max == 1 { "" } else { "s" }
            )
        };
        return Err(PyErr::type_error(msg));
    }
    Ok(())
}

fn recv_str<'a>(a: &Args<'a>, name: &str) -> PyResult<&'a Rc<StrObj>> {
    match a.pos.first() {
        Some(Value::Str(s)) => Ok(s),
        other => Err(descriptor_error(name, "str", other)),
    }
}

fn descriptor_error(name: &str, owner: &str, got: Option<&Value>) -> PyErr {
    match got {
        Some(v) => PyErr::type_error(format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            name,
            owner,
            type_name(v)
        )),
        None => PyErr::type_error(format!("unbound method {owner}.{name}() needs an argument")),
    }
}

fn recv_list<'a>(a: &Args<'a>, name: &str) -> PyResult<&'a Rc<RefCell<Vec<Value>>>> {
    match a.pos.first() {
        Some(Value::List(l)) => Ok(l),
        other => Err(descriptor_error(name, "list", other)),
    }
}

fn recv_dict<'a>(a: &Args<'a>, name: &str) -> PyResult<&'a Rc<RefCell<Dict>>> {
    match a.pos.first() {
        Some(Value::Dict(d)) => Ok(d),
        other => Err(descriptor_error(name, "dict", other)),
    }
}

fn arg_str<'a>(v: &'a Value, fname: &str, what: &str) -> PyResult<&'a str> {
    match v {
        Value::Str(s) => Ok(s.as_str()),
        other => Err(PyErr::type_error(format!(
            "{}{} must be str, not {}",
            fname,
            what,
            type_name(other)
        ))),
    }
}

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
                out.push_str(&vm.format_of(&v, &spec)?);
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

// ---- list / tuple ----

fn list_append(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let l = recv_list(&a, "append")?;
    nargs(&a, "append", 1, 1)?;
    l.borrow_mut().push(a.pos[1].clone());
    Ok(Value::None)
}

fn list_extend(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let l = recv_list(&a, "extend")?;
    nargs(&a, "extend", 1, 1)?;
    let items = vm.collect(&a.pos[1])?;
    l.borrow_mut().extend(items);
    Ok(Value::None)
}

fn list_pop(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let l = recv_list(&a, "pop")?;
    nargs(&a, "pop", 0, 1)?;
    let mut l = l.borrow_mut();
    if l.is_empty() {
        return Err(PyErr::index_error("pop from empty list"));
    }
    let len = l.len() as i64;
    let i = a.pos.get(1).and_then(ops::index_of).unwrap_or(-1);
    let i = if i < 0 { i + len } else { i };
    if !(0..len).contains(&i) {
        return Err(PyErr::index_error("pop index out of range"));
    }
    Ok(l.remove(i as usize))
}

fn list_insert(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let l = recv_list(&a, "insert")?;
    nargs(&a, "insert", 2, 2)?;
    let mut l = l.borrow_mut();
    let len = l.len() as i64;
    let i = ops::index_of(&a.pos[1]).unwrap_or(0);
    let i = if i < 0 { (i + len).max(0) } else { i.min(len) };
    l.insert(i as usize, a.pos[2].clone());
    Ok(Value::None)
}

fn list_remove(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let l = recv_list(&a, "remove")?;
    nargs(&a, "remove", 1, 1)?;
    let mut l = l.borrow_mut();
    match l
        .iter()
        .position(|x| x.is(&a.pos[1]) || ops::eq(x, &a.pos[1]))
    {
        Some(i) => {
            l.remove(i);
            Ok(Value::None)
        }
        None => Err(PyErr::value_error("list.remove(x): x not in list")),
    }
}

fn seq_items(v: &Value) -> Vec<Value> {
    match v {
        Value::List(l) => l.borrow().clone(),
        Value::Tuple(t) => t.to_vec(),
        _ => Vec::new(),
    }
}

fn list_index(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    nargs(&a, "index", 1, 3)?;
    let items = seq_items(&a.pos[0]);
    let what = if matches!(a.pos[0], Value::Tuple(_)) {
        "tuple.index(x): x not in tuple".to_string()
    } else {
        format!("{} is not in list", crate::repr::repr(&a.pos[1]))
    };
    items
        .iter()
        .position(|x| x.is(&a.pos[1]) || ops::eq(x, &a.pos[1]))
        .map(|i| Value::Int(i as i64))
        .ok_or_else(|| PyErr::value_error(what))
}

fn list_count(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    nargs(&a, "count", 1, 1)?;
    let items = seq_items(&a.pos[0]);
    Ok(Value::Int(
        items
            .iter()
            .filter(|x| x.is(&a.pos[1]) || ops::eq(x, &a.pos[1]))
            .count() as i64,
    ))
}

/// Stable merge sort using only `<`, stopping at the first comparison error.
pub fn sort_values(
    vm: &mut Vm,
    items: &mut Vec<Value>,
    key: Option<&Value>,
    reverse: bool,
) -> PyResult<()> {
    let keys: Vec<Value> = match key {
        Some(k) if !matches!(k, Value::None) => {
            let mut ks = Vec::with_capacity(items.len());
            for it in items.iter() {
                ks.push(vm.call(k, std::slice::from_ref(it))?);
            }
            ks
        }
        _ => items.clone(),
    };
    let mut idx: Vec<usize> = (0..items.len()).collect();
    if reverse {
        idx.reverse();
    }
    let mut lt = |a: usize, b: usize| -> PyResult<bool> {
        let (x, y) = (&keys[a], &keys[b]);
        if let (Value::Int(p), Value::Int(q)) = (x, y) {
            return Ok(p < q);
        }
        vm.compare_bool(CmpOp::Lt, x, y)
    };
    let mut buf = idx.clone();
    let n = idx.len();
    let mut width = 1;
    // insertion sort small runs first
    const RUN: usize = 16;
    let mut s = 0;
    while s < n {
        let e = (s + RUN).min(n);
        for i in s + 1..e {
            let mut j = i;
            while j > s && lt(idx[j], idx[j - 1])? {
                idx.swap(j, j - 1);
                j -= 1;
            }
        }
        s = e;
    }
    width = width.max(RUN);
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut i, mut j, mut k) = (start, mid, start);
            while i < mid && j < end {
                if lt(idx[j], idx[i])? {
                    buf[k] = idx[j];
                    j += 1;
                } else {
                    buf[k] = idx[i];
                    i += 1;
                }
                k += 1;
            }
            buf[k..k + (mid - i)].copy_from_slice(&idx[i..mid]);
            k += mid - i;
            buf[k..k + (end - j)].copy_from_slice(&idx[j..end]);
            start = end;
        }
        std::mem::swap(&mut idx, &mut buf);
        width *= 2;
    }
    if reverse {
        idx.reverse();
    }
    let old = std::mem::take(items);
    *items = idx.into_iter().map(|i| old[i].clone()).collect();
    Ok(())
}

fn list_sort(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let l = recv_list(&a, "sort")?;
    if a.pos.len() > 1 {
        return Err(PyErr::type_error("sort() takes no positional arguments"));
    }
    a.check_kw("sort", &["key", "reverse"])?;
    let mut items = std::mem::take(&mut *l.borrow_mut());
    let reverse = a.kw("reverse").is_some_and(ops::truthy);
    let r = sort_values(vm, &mut items, a.kw("key"), reverse);
    let modified = !l.borrow().is_empty();
    *l.borrow_mut() = items;
    r?;
    if modified {
        return Err(PyErr::value_error("list modified during sort"));
    }
    Ok(Value::None)
}

fn list_reverse(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let l = recv_list(&a, "reverse")?;
    l.borrow_mut().reverse();
    Ok(Value::None)
}

fn list_copy(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let l = recv_list(&a, "copy")?;
    Ok(Value::list(l.borrow().clone()))
}

fn list_clear(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let l = recv_list(&a, "clear")?;
    l.borrow_mut().clear();
    Ok(Value::None)
}

// ---- dict ----

fn dict_get(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let d = recv_dict(&a, "get")?;
    nargs(&a, "get", 1, 2)?;
    let r = vm.map_get(d, &a.pos[1])?;
    Ok(r.unwrap_or_else(|| a.pos.get(2).cloned().unwrap_or(Value::None)))
}

fn dict_items(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let d = recv_dict(&a, "items")?;
    Ok(Value::DictView(Rc::new((d.clone(), DictPart::Items))))
}
fn dict_keys(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let d = recv_dict(&a, "keys")?;
    Ok(Value::DictView(Rc::new((d.clone(), DictPart::Keys))))
}
fn dict_values(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let d = recv_dict(&a, "values")?;
    Ok(Value::DictView(Rc::new((d.clone(), DictPart::Values))))
}

fn dict_pop(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let d = recv_dict(&a, "pop")?;
    nargs(&a, "pop", 1, 2)?;
    let r = d.borrow_mut().remove(&a.pos[1])?;
    match (r, a.pos.get(2)) {
        (Some(v), _) => Ok(v),
        (None, Some(dflt)) => Ok(dflt.clone()),
        (None, None) => Err(PyErr::key_error(a.pos[1].clone())),
    }
}

fn dict_popitem(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let d = recv_dict(&a, "popitem")?;
    let r = d.borrow_mut().pop_last();
    match r {
        Some((k, v)) => Ok(Value::tuple(vec![k, v])),
        None => Err(PyErr::new(
            ExcKind::KeyError,
            "popitem(): dictionary is empty",
        )),
    }
}

fn dict_setdefault(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let d = recv_dict(&a, "setdefault")?;
    nargs(&a, "setdefault", 1, 2)?;
    let existing = d.borrow().get(&a.pos[1])?.cloned();
    if let Some(v) = existing {
        return Ok(v);
    }
    let dflt = a.pos.get(2).cloned().unwrap_or(Value::None);
    d.borrow_mut().insert(a.pos[1].clone(), dflt.clone())?;
    Ok(dflt)
}

/// `dict.update` semantics: merges a mapping or an iterable of pairs.
pub fn dict_merge_from(vm: &mut Vm, d: &Rc<RefCell<Dict>>, src: &Value) -> PyResult<()> {
    if let Value::Dict(s) = src {
        let items: Vec<(Value, Value)> = s
            .borrow()
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        let mut d = d.borrow_mut();
        for (k, v) in items {
            d.insert(k, v)?;
        }
        return Ok(());
    }
    let items = vm.collect(src)?;
    for (i, item) in items.iter().enumerate() {
        let pair = vm.collect(item).map_err(|_| {
            PyErr::type_error(format!(
                "cannot convert dictionary update sequence element #{i} to a sequence"
            ))
        })?;
        if pair.len() != 2 {
            return Err(PyErr::value_error(format!(
                "dictionary update sequence element #{} has length {}; 2 is required",
                i,
                pair.len()
            )));
        }
        let mut it = pair.into_iter();
        if let (Some(k), Some(v)) = (it.next(), it.next()) {
            d.borrow_mut().insert(k, v)?;
        }
    }
    Ok(())
}

fn dict_update(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let d = recv_dict(&a, "update")?;
    if let Some(src) = a.pos.get(1) {
        dict_merge_from(vm, d, src)?;
    }
    for (k, v) in a.kwnames.iter().zip(a.kwvals) {
        d.borrow_mut().insert(k.clone(), v.clone())?;
    }
    Ok(Value::None)
}

fn dict_copy(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let d = recv_dict(&a, "copy")?;
    Ok(Value::Dict(Rc::new(RefCell::new(d.borrow().clone()))))
}

fn dict_clear(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let d = recv_dict(&a, "clear")?;
    d.borrow_mut().clear();
    Ok(Value::None)
}

// ---- set ----

fn set_items(v: &Value) -> Option<Dict> {
    match v {
        Value::Set(d) => Some(d.borrow().clone()),
        Value::FrozenSet(d) => Some((**d).clone()),
        _ => None,
    }
}

fn make_like(like: &Value, d: Dict) -> Value {
    match like {
        Value::FrozenSet(_) => Value::FrozenSet(Rc::new(d)),
        _ => Value::Set(Rc::new(RefCell::new(d))),
    }
}

fn other_set(vm: &mut Vm, v: &Value) -> PyResult<Dict> {
    if let Some(d) = set_items(v) {
        return Ok(d);
    }
    let mut d = Dict::new();
    for item in vm.collect(v)? {
        d.insert(item, Value::None)?;
    }
    Ok(d)
}

/// `a | b`, `a & b`, `a ^ b`, `a - b` on sets.
pub fn set_binop(op: u32, a: &Value, b: &Value) -> PyResult<Value> {
    let (x, y) = (
        set_items(a).unwrap_or_default(),
        set_items(b).unwrap_or_default(),
    );
    let mut out = Dict::new();
    match op {
        ops::nb::OR => {
            for (h, k, _) in x.iter_entries().chain(y.iter_entries()) {
                out.insert_hashed(k.clone(), h, Value::None);
            }
        }
        ops::nb::AND => {
            for (h, k, _) in x.iter_entries() {
                if y.contains_hashed(k, h) {
                    out.insert_hashed(k.clone(), h, Value::None);
                }
            }
        }
        ops::nb::SUBTRACT => {
            for (h, k, _) in x.iter_entries() {
                if !y.contains_hashed(k, h) {
                    out.insert_hashed(k.clone(), h, Value::None);
                }
            }
        }
        _ => {
            for (h, k, _) in x.iter_entries() {
                if !y.contains_hashed(k, h) {
                    out.insert_hashed(k.clone(), h, Value::None);
                }
            }
            for (h, k, _) in y.iter_entries() {
                if !x.contains_hashed(k, h) {
                    out.insert_hashed(k.clone(), h, Value::None);
                }
            }
        }
    }
    Ok(make_like(a, out))
}

/// Set equality.
pub fn set_eq(a: &Value, b: &Value) -> bool {
    let (x, y) = (
        set_items(a).unwrap_or_default(),
        set_items(b).unwrap_or_default(),
    );
    x.len() == y.len() && x.iter_entries().all(|(h, k, _)| y.contains_hashed(k, h))
}

/// Subset / superset comparisons.
pub fn set_compare(op: CmpOp, a: &Value, b: &Value) -> PyResult<bool> {
    let (x, y) = (
        set_items(a).unwrap_or_default(),
        set_items(b).unwrap_or_default(),
    );
    let sub = |p: &Dict, q: &Dict| p.iter_entries().all(|(h, k, _)| q.contains_hashed(k, h));
    Ok(match op {
        CmpOp::Le => sub(&x, &y),
        CmpOp::Lt => x.len() < y.len() && sub(&x, &y),
        CmpOp::Ge => sub(&y, &x),
        CmpOp::Gt => y.len() < x.len() && sub(&y, &x),
        CmpOp::Eq => set_eq(a, b),
        CmpOp::Ne => !set_eq(a, b),
    })
}

/// Iteration order of a set as CPython's hash table would give it (rebuilt from
/// the hashes in insertion order; deletions are not replayed).
pub fn set_order(d: &Dict) -> Vec<Value> {
    const LINEAR_PROBES: usize = 9;
    let entries: Vec<(u64, &Value)> = d.iter_entries().map(|(h, k, _)| (h as u64, k)).collect();
    let mut table: Vec<Option<usize>> = vec![None; 8];
    let find_free = |table: &[Option<usize>], hash: u64| -> usize {
        let mask = table.len() - 1;
        let mut perturb = hash;
        let mut i = (hash as usize) & mask;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            if let Some(k) = table[i..=i + probes].iter().position(Option::is_none) {
                return i + k;
            }
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    };
    let mut used = 0usize;
    for (idx, &(h, _)) in entries.iter().enumerate() {
        let slot = find_free(&table, h);
        table[slot] = Some(idx);
        used += 1;
        let mask = table.len() - 1;
        if used * 5 >= mask * 3 {
            let min = if used > 50000 { used * 2 } else { used * 4 };
            let mut size = 8;
            while size <= min {
                size <<= 1;
            }
            let mut nt = vec![None; size];
            for i in table.iter().flatten() {
                let s = find_free(&nt, entries[*i].0);
                nt[s] = Some(*i);
            }
            table = nt;
        }
    }
    table
        .into_iter()
        .flatten()
        .map(|i| entries[i].1.clone())
        .collect()
}

fn recv_set<'a>(a: &Args<'a>, name: &str) -> PyResult<&'a Value> {
    match a.pos.first() {
        Some(v @ (Value::Set(_) | Value::FrozenSet(_))) => Ok(v),
        other => Err(descriptor_error(name, "set", other)),
    }
}

fn mutable_set<'a>(a: &Args<'a>, name: &str) -> PyResult<&'a Rc<RefCell<Dict>>> {
    match a.pos.first() {
        Some(Value::Set(d)) => Ok(d),
        Some(Value::FrozenSet(_)) => Err(PyErr::new(
            ExcKind::AttributeError,
            format!("'frozenset' object has no attribute '{name}'"),
        )),
        other => Err(descriptor_error(name, "set", other)),
    }
}

fn set_add(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = mutable_set(&a, "add")?;
    nargs(&a, "add", 1, 1)?;
    vm.map_insert(s, a.pos[1].clone(), Value::None)?;
    Ok(Value::None)
}

fn set_remove(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = mutable_set(&a, "remove")?;
    nargs(&a, "remove", 1, 1)?;
    match s.borrow_mut().remove(&a.pos[1])? {
        Some(_) => Ok(Value::None),
        None => Err(PyErr::key_error(a.pos[1].clone())),
    }
}

fn set_discard(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = mutable_set(&a, "discard")?;
    nargs(&a, "discard", 1, 1)?;
    s.borrow_mut().remove(&a.pos[1])?;
    Ok(Value::None)
}

fn set_pop(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = mutable_set(&a, "pop")?;
    let first = set_order(&s.borrow()).into_iter().next();
    match first {
        Some(k) => {
            s.borrow_mut().remove(&k)?;
            Ok(k)
        }
        None => Err(PyErr::new(ExcKind::KeyError, "pop from an empty set")),
    }
}

fn set_multi(vm: &mut Vm, a: &Args<'_>, name: &str, op: u32) -> PyResult<Value> {
    let mut acc = recv_set(a, name)?.clone();
    for other in &a.pos[1..] {
        let o = Value::FrozenSet(Rc::new(other_set(vm, other)?));
        acc = set_binop(op, &acc, &o)?;
    }
    if a.pos.len() == 1 {
        acc = make_like(&acc, set_items(&acc).unwrap_or_default());
    }
    Ok(acc)
}

fn set_union(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    set_multi(vm, &a, "union", ops::nb::OR)
}
fn set_intersection(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    set_multi(vm, &a, "intersection", ops::nb::AND)
}
fn set_difference(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    set_multi(vm, &a, "difference", ops::nb::SUBTRACT)
}
fn set_symdiff(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    set_multi(vm, &a, "symmetric_difference", ops::nb::XOR)
}

fn set_update(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = mutable_set(&a, "update")?;
    for other in &a.pos[1..] {
        let items = vm.collect(other)?;
        let mut s = s.borrow_mut();
        for it in items {
            s.insert(it, Value::None)?;
        }
    }
    Ok(Value::None)
}

fn set_copy(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = recv_set(&a, "copy")?;
    Ok(make_like(s, set_items(s).unwrap_or_default()))
}

fn set_clear(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = mutable_set(&a, "clear")?;
    s.borrow_mut().clear();
    Ok(Value::None)
}

fn set_issubset(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = recv_set(&a, "issubset")?;
    nargs(&a, "issubset", 1, 1)?;
    let o = Value::FrozenSet(Rc::new(other_set(vm, &a.pos[1])?));
    Ok(Value::Bool(set_compare(CmpOp::Le, s, &o)?))
}

fn set_issuperset(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = recv_set(&a, "issuperset")?;
    nargs(&a, "issuperset", 1, 1)?;
    let o = Value::FrozenSet(Rc::new(other_set(vm, &a.pos[1])?));
    Ok(Value::Bool(set_compare(CmpOp::Ge, s, &o)?))
}

fn set_isdisjoint(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = recv_set(&a, "isdisjoint")?;
    nargs(&a, "isdisjoint", 1, 1)?;
    let o = Value::FrozenSet(Rc::new(other_set(vm, &a.pos[1])?));
    let r = set_binop(ops::nb::AND, s, &o)?;
    Ok(Value::Bool(set_items(&r).map_or(true, |d| d.is_empty())))
}

// ---- numbers ----

fn int_bit_length(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let n = ops::to_bigint(&a.pos[0]).unwrap_or_default();
    Ok(Value::Int(n.bits() as i64))
}

fn int_conjugate(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    ops::unary('+', &a.pos[0])
}

fn float_is_integer(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    match a.pos.first() {
        Some(Value::Float(f)) => Ok(Value::Bool(f.is_finite() && f.fract() == 0.0)),
        other => Err(descriptor_error("is_integer", "float", other)),
    }
}
