//! `_locale`: CPython's `Modules/_localemodule.c` over the C library's
//! locale (`locale_raw`): `setlocale`, `localeconv`, `nl_langinfo`,
//! `strcoll`, `strxfrm`, `getencoding` and the gettext functions.
//!
//! CPython sets `LC_CTYPE` from the environment when it starts; Pith does
//! so when this module is first imported, the first point at which Python
//! code can observe the C locale.

use std::ffi::CString;
use std::rc::Rc;

use crate::dict::Dict;
use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::types::{type_name, ExcKind, TypeObj};
use crate::value::Value;
use crate::vm::Vm;

use super::cint::as_c_int;
use super::locale_raw as raw;
use super::pwd::one_arg;
use super::{module_functions, new_module};

module_functions!(LOCALE_FUNCTIONS, "_locale", [
    "setlocale" => setlocale, "localeconv" => localeconv, "nl_langinfo" => nl_langinfo,
    "strcoll" => strcoll, "strxfrm" => strxfrm, "getencoding" => getencoding,
    "gettext" => gettext, "dgettext" => dgettext, "dcgettext" => dcgettext,
    "textdomain" => textdomain, "bindtextdomain" => bindtextdomain,
    "bind_textdomain_codeset" => bind_textdomain_codeset,
]);

const CATEGORIES: &[(&str, i64)] = &[
    ("LC_CTYPE", 0),
    ("LC_NUMERIC", 1),
    ("LC_TIME", 2),
    ("LC_COLLATE", 3),
    ("LC_MONETARY", 4),
    ("LC_MESSAGES", 5),
    ("LC_ALL", 6),
    ("CHAR_MAX", 127),
];

/// The `nl_langinfo` items CPython exposes (glibc's values); any other
/// item is refused.
const LANGINFO: &[(&str, i32)] = &[
    ("ABDAY_1", 131072),
    ("ABDAY_2", 131073),
    ("ABDAY_3", 131074),
    ("ABDAY_4", 131075),
    ("ABDAY_5", 131076),
    ("ABDAY_6", 131077),
    ("ABDAY_7", 131078),
    ("ABMON_1", 131086),
    ("ABMON_10", 131095),
    ("ABMON_11", 131096),
    ("ABMON_12", 131097),
    ("ABMON_2", 131087),
    ("ABMON_3", 131088),
    ("ABMON_4", 131089),
    ("ABMON_5", 131090),
    ("ABMON_6", 131091),
    ("ABMON_7", 131092),
    ("ABMON_8", 131093),
    ("ABMON_9", 131094),
    ("ALT_DIGITS", 131119),
    ("AM_STR", 131110),
    ("CODESET", 14),
    ("CRNCYSTR", 262159),
    ("DAY_1", 131079),
    ("DAY_2", 131080),
    ("DAY_3", 131081),
    ("DAY_4", 131082),
    ("DAY_5", 131083),
    ("DAY_6", 131084),
    ("DAY_7", 131085),
    ("D_FMT", 131113),
    ("D_T_FMT", 131112),
    ("ERA", 131116),
    ("ERA_D_FMT", 131118),
    ("ERA_D_T_FMT", 131120),
    ("ERA_T_FMT", 131121),
    ("MON_1", 131098),
    ("MON_10", 131107),
    ("MON_11", 131108),
    ("MON_12", 131109),
    ("MON_2", 131099),
    ("MON_3", 131100),
    ("MON_4", 131101),
    ("MON_5", 131102),
    ("MON_6", 131103),
    ("MON_7", 131104),
    ("MON_8", 131105),
    ("MON_9", 131106),
    ("NOEXPR", 327681),
    ("PM_STR", 131111),
    ("RADIXCHAR", 65536),
    ("THOUSEP", 65537),
    ("T_FMT", 131114),
    ("T_FMT_AMPM", 131115),
    ("YESEXPR", 327680),
    ("_DATE_FMT", 131180),
];

fn error_class(vm: &mut Vm) -> Rc<TypeObj> {
    super::native_exc::class(vm, "locale.Error", "locale", "Error", ExcKind::Exception)
}

fn error(vm: &mut Vm, msg: &str) -> PyErr {
    let t = error_class(vm);
    super::native_exc::raise(&t, msg)
}

/// Builds the `_locale` module.
pub fn init(vm: &mut Vm) -> Value {
    // As CPython's startup does (see the module comment).
    let _ = raw::setlocale(libc::LC_CTYPE, CString::new("").ok().as_ref());
    let mut extra: Vec<(&str, Value)> = CATEGORIES
        .iter()
        .map(|&(n, v)| (n, Value::Int(v)))
        .collect();
    extra.extend(LANGINFO.iter().map(|&(n, v)| (n, Value::Int(i64::from(v)))));
    extra.push(("Error", Value::Type(error_class(vm))));
    new_module("_locale", LOCALE_FUNCTIONS, extra)
}

/// Text the C library returned, decoded as the locale's strings are
/// (UTF-8, undecodable bytes as surrogates).
fn text(b: &[u8]) -> Value {
    super::pwd::text(b)
}

/// A `str` argument as a C string (`argument N must be str, not T`).
fn c_str(v: &Value, what: &str) -> PyResult<CString> {
    let Value::Str(s) = v else {
        return Err(PyErr::type_error(format!(
            "{what} must be str, not {}",
            type_name(v)
        )));
    };
    CString::new(s.as_str().as_bytes()).map_err(|_| PyErr::value_error("embedded null character"))
}

/// A `str` or `None` argument.
fn c_str_or_none(v: &Value, what: &str) -> PyResult<Option<CString>> {
    match v {
        Value::None => Ok(None),
        Value::Str(_) => c_str(v, what).map(Some),
        _ => Err(PyErr::type_error(format!(
            "{what} must be str or None, not {}",
            type_name(v)
        ))),
    }
}

/// Positional arguments only, with the module-qualified keyword message.
fn args_of<'a>(a: &Args<'a>, name: &str, min: usize, max: usize) -> PyResult<&'a [Value]> {
    if !a.kwnames.is_empty() {
        return Err(PyErr::type_error(format!(
            "_locale.{name}() takes no keyword arguments"
        )));
    }
    crate::native::positional(a, name, min, max)
}

/// `setlocale(category, locale=None)`.
fn setlocale(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = args_of(&a, "setlocale", 1, 2)?;
    let category = as_c_int(vm, &args[0])?;
    let locale = match args.get(1) {
        Some(v) => c_str_or_none(v, "setlocale() argument 2")?,
        None => None,
    };
    // glibc rejects unknown categories with EINVAL; CPython checks first.
    match raw::setlocale(category, locale.as_ref()) {
        Some(r) => Ok(text(&r)),
        None if locale.is_some() => Err(error(vm, "unsupported locale setting")),
        None => Err(error(vm, "locale query failed")),
    }
}

/// A grouping string as CPython lists it: each size, then the final 0 or
/// `CHAR_MAX` that ends it; an empty string is an empty list.
fn grouping(b: &[u8]) -> Value {
    let mut out = Vec::new();
    for &c in b {
        out.push(Value::Int(i64::from(c as i8)));
        if c as i8 == i8::MAX {
            return Value::list(out);
        }
    }
    if !out.is_empty() {
        out.push(Value::Int(0));
    }
    Value::list(out)
}

/// `localeconv()`: the numeric and monetary conventions, keys in
/// CPython's order.
fn localeconv(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    super::pwd::no_args(&a, "_locale.localeconv")?;
    let l = raw::localeconv();
    let string = |name: &str| {
        l.strings
            .iter()
            .find(|(n, _)| *n == name)
            .map_or(&[][..], |(_, b)| b.as_slice())
    };
    let mut d = Dict::new();
    for name in [
        "int_curr_symbol",
        "currency_symbol",
        "mon_decimal_point",
        "mon_thousands_sep",
    ] {
        let _ = d.insert(Value::str(name), text(string(name)));
    }
    let _ = d.insert(Value::str("mon_grouping"), grouping(string("mon_grouping")));
    for name in ["positive_sign", "negative_sign"] {
        let _ = d.insert(Value::str(name), text(string(name)));
    }
    for (name, c) in &l.chars {
        let _ = d.insert(Value::str(name), Value::Int(i64::from(*c)));
    }
    for name in ["decimal_point", "thousands_sep"] {
        let _ = d.insert(Value::str(name), text(string(name)));
    }
    let _ = d.insert(Value::str("grouping"), grouping(string("grouping")));
    Ok(Value::dict(d))
}

fn nl_langinfo(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let v = one_arg(&a, "_locale.nl_langinfo")?;
    let item = as_c_int(vm, v)?;
    if !LANGINFO.iter().any(|&(_, n)| n == item) {
        return Err(PyErr::value_error("unsupported langinfo constant"));
    }
    Ok(text(&raw::nl_langinfo(item)))
}

/// A `str` argument for the wide-character calls, NUL-free.
fn wide_arg<'a>(v: &'a Value, what: &str) -> PyResult<&'a str> {
    let Value::Str(s) = v else {
        return Err(PyErr::type_error(format!(
            "{what} must be str, not {}",
            type_name(v)
        )));
    };
    if s.as_str().contains('\0') {
        return Err(PyErr::value_error("embedded null character"));
    }
    Ok(s.as_str())
}

fn strcoll(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = args_of(&a, "strcoll", 2, 2)?;
    let x = wide_arg(&args[0], "strcoll() argument 1")?;
    let y = wide_arg(&args[1], "strcoll() argument 2")?;
    Ok(Value::Int(i64::from(raw::strcoll(x, y))))
}

fn strxfrm(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let v = one_arg(&a, "_locale.strxfrm")?;
    let s = wide_arg(v, "strxfrm() argument")?;
    let out: String = raw::strxfrm(s)
        .into_iter()
        .map(|c| char::from_u32(c).unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect();
    Ok(Value::string(out))
}

/// `getencoding()`: the locale's codeset (`nl_langinfo(CODESET)`), as
/// CPython reports it outside UTF-8 mode.
fn getencoding(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    super::pwd::no_args(&a, "_locale.getencoding")?;
    let codeset = raw::nl_langinfo(libc::CODESET);
    if codeset.is_empty() {
        // CPython falls back to UTF-8 when the C library reports nothing.
        return Ok(Value::str("utf-8"));
    }
    Ok(text(&codeset))
}

fn gettext(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let v = one_arg(&a, "_locale.gettext")?;
    let msg = c_str(v, "gettext() argument")?;
    Ok(text(&raw::translate(None, &msg, None)))
}

fn dgettext(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = args_of(&a, "dgettext", 2, 2)?;
    let domain = c_str_or_none(&args[0], "dgettext() argument 1")?;
    let msg = c_str(&args[1], "dgettext() argument 2")?;
    Ok(text(&raw::translate(domain.as_ref(), &msg, None)))
}

fn dcgettext(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = args_of(&a, "dcgettext", 3, 3)?;
    let domain = c_str_or_none(&args[0], "dcgettext() argument 1")?;
    let msg = c_str(&args[1], "dcgettext() argument 2")?;
    let category = as_c_int(vm, &args[2])?;
    Ok(text(&raw::translate(domain.as_ref(), &msg, Some(category))))
}

fn os_error() -> PyErr {
    super::posix::fd::errno_err(super::posix::raw::errno())
}

fn textdomain(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let v = one_arg(&a, "_locale.textdomain")?;
    let domain = c_str_or_none(v, "textdomain() argument")?;
    raw::text_domain(domain.as_ref())
        .map(|d| text(&d))
        .ok_or_else(os_error)
}

fn bindtextdomain(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = args_of(&a, "bindtextdomain", 2, 2)?;
    let domain = c_str(&args[0], "bindtextdomain() argument 1")?;
    if domain.as_bytes().is_empty() {
        return Err(PyErr::value_error("domain must be a non-empty string"));
    }
    let dir = c_str_or_none(&args[1], "bindtextdomain() argument 2")?;
    raw::bind_domain(&domain, dir.as_ref())
        .map(|d| text(&d))
        .ok_or_else(os_error)
}

fn bind_textdomain_codeset(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = args_of(&a, "bind_textdomain_codeset", 2, 2)?;
    let domain = c_str(&args[0], "bind_textdomain_codeset() argument 1")?;
    let codeset = c_str_or_none(&args[1], "bind_textdomain_codeset() argument 2")?;
    Ok(raw::bind_codeset(&domain, codeset.as_ref()).map_or(Value::None, |c| text(&c)))
}
