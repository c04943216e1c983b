//! Python strs holding lone surrogates (U+D800..U+DFFF).
//!
//! Rust's `str` cannot hold them, so such a `StrObj` keeps its text with U+FFFD in
//! their place (what the many callers of `as_str` see) and, beside it, its exact
//! code points. Ordinary strs carry no code points and pay one pointer test in
//! the operations that must be exact: equality, hashing, ordering, `repr`,
//! indexing, slicing, iteration, `in`, concatenation, joining and the codecs.

use std::cmp::Ordering;
use std::rc::Rc;

use crate::value::{StrObj, Value};

/// The exact code points of a str with at least one lone surrogate.
#[derive(Debug, PartialEq, Eq)]
pub struct CodePoints(Box<[u32]>);

impl CodePoints {
    /// The code points.
    pub fn as_slice(&self) -> &[u32] {
        &self.0
    }
}

/// Whether `cp` is a surrogate code point.
pub fn is_surrogate(cp: u32) -> bool {
    (0xD800..=0xDFFF).contains(&cp)
}

/// The char for `cp`, U+FFFD for a surrogate (or anything out of range).
fn lossy_char(cp: u32) -> char {
    char::from_u32(cp).unwrap_or('\u{fffd}')
}

/// Iterator over a str's exact code points.
pub enum CodePointIter<'a> {
    /// A str without surrogates.
    Chars(std::str::Chars<'a>),
    /// A str with surrogates.
    Exact(std::slice::Iter<'a, u32>),
}

impl Iterator for CodePointIter<'_> {
    type Item = u32;
    #[inline]
    fn next(&mut self) -> Option<u32> {
        match self {
            CodePointIter::Chars(c) => c.next().map(u32::from),
            CodePointIter::Exact(e) => e.next().copied(),
        }
    }
}

impl StrObj {
    /// A str from code points (at most 0x10FFFF each); it keeps its exact form only
    /// when a lone surrogate is among them.
    pub fn from_code_points(cps: Vec<u32>) -> StrObj {
        let text: String = cps.iter().map(|&c| lossy_char(c)).collect();
        if cps.iter().any(|&c| is_surrogate(c)) {
            StrObj::with_exact(text, CodePoints(cps.into_boxed_slice()))
        } else {
            StrObj::from_string(text)
        }
    }

    /// A str from CPython's `surrogatepass` UTF-8 (each surrogate as its own 3-byte
    /// sequence), as marshal stores strs; `None` when the bytes are not that.
    pub fn from_surrogatepass(bytes: &[u8]) -> Option<StrObj> {
        if let Ok(text) = std::str::from_utf8(bytes) {
            return Some(StrObj::new(text));
        }
        decode_surrogatepass(bytes).map(StrObj::from_code_points)
    }

    /// The exact code points.
    pub fn code_points(&self) -> CodePointIter<'_> {
        match self.surrogates() {
            None => CodePointIter::Chars(self.as_str().chars()),
            Some(cps) => CodePointIter::Exact(cps.iter()),
        }
    }

    /// The code point at index `i`.
    pub fn code_point_at(&self, i: usize) -> Option<u32> {
        match self.surrogates() {
            None => self.char_at(i).map(u32::from),
            Some(cps) => cps.get(i).copied(),
        }
    }

    /// Python's ordering of strs: by code point.
    pub fn py_cmp(&self, other: &StrObj) -> Ordering {
        if self.surrogates().is_none() && other.surrogates().is_none() {
            return self.as_str().cmp(other.as_str());
        }
        self.code_points().cmp(other.code_points())
    }

    /// The `surrogatepass` UTF-8 of the str (plain UTF-8 when it has no surrogates).
    pub fn to_surrogatepass(&self) -> std::borrow::Cow<'_, [u8]> {
        match self.surrogates() {
            None => std::borrow::Cow::Borrowed(self.as_str().as_bytes()),
            Some(cps) => std::borrow::Cow::Owned(encode_surrogatepass(cps)),
        }
    }

    /// The first lone surrogate: its index and code point.
    pub fn first_surrogate(&self) -> Option<(usize, u32)> {
        self.surrogates()?
            .iter()
            .enumerate()
            .find(|(_, &c)| is_surrogate(c))
            .map(|(i, &c)| (i, c))
    }
}

impl PartialEq for StrObj {
    #[inline]
    fn eq(&self, other: &StrObj) -> bool {
        self.as_str() == other.as_str() && self.surrogates() == other.surrogates()
    }
}

impl Value {
    /// A str value from code points (see [`StrObj::from_code_points`]).
    pub fn from_code_points(cps: Vec<u32>) -> Value {
        Value::Str(Rc::new(StrObj::from_code_points(cps)))
    }
}

/// The str of one code point (`chr`).
pub fn one_char(cp: u32) -> Value {
    match char::from_u32(cp) {
        Some(c) => Value::char(c),
        None => Value::from_code_points(vec![cp]),
    }
}

/// Whether any of `parts` holds lone surrogates.
pub fn any_exact<'a>(mut parts: impl Iterator<Item = &'a StrObj>) -> bool {
    parts.any(|p| p.surrogates().is_some())
}

/// The concatenation of `parts`, exact (for parts that hold lone surrogates).
pub fn concat_exact<'a>(parts: impl Iterator<Item = &'a StrObj>) -> Value {
    let mut cps = Vec::new();
    for p in parts {
        cps.extend(p.code_points());
    }
    Value::from_code_points(cps)
}

/// A new str object equal to `s` (`_PyUnicode_Copy`), lone surrogates kept.
pub fn copy_str(s: &StrObj) -> Value {
    if s.surrogates().is_some() {
        return concat_exact(std::iter::once(s));
    }
    Value::str(s.as_str())
}

/// `s[i]` for a str with surrogates (`i` already in range).
pub fn item(cps: &[u32], i: usize) -> Option<Value> {
    cps.get(i).map(|&c| one_char(c))
}

/// The str of the code points at `positions` of a str with surrogates.
pub fn pick(cps: &[u32], positions: impl Iterator<Item = usize>) -> Value {
    Value::from_code_points(positions.filter_map(|i| cps.get(i).copied()).collect())
}

/// `sub in s` when either holds lone surrogates.
pub fn contains(s: &StrObj, sub: &StrObj) -> bool {
    let hay: Vec<u32> = s.code_points().collect();
    let needle: Vec<u32> = sub.code_points().collect();
    needle.is_empty() || hay.windows(needle.len()).any(|w| w == needle.as_slice())
}

/// `repr()` of a str with lone surrogates, as CPython's `unicode_repr`.
pub fn write_repr(out: &mut String, s: &StrObj) {
    match pith_bytecode::PyStr::from_surrogatepass(&s.to_surrogatepass(), false) {
        Some(p) => out.push_str(&p.repr()),
        None => pith_repr::write_str_repr(out, s.as_str()),
    }
}

/// Code points of `surrogatepass` UTF-8, `None` if malformed.
pub fn decode_surrogatepass(bytes: &[u8]) -> Option<Vec<u32>> {
    let mut cps = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let (cp, len) = decode_one(&bytes[i..])?;
        cps.push(cp);
        i += len;
    }
    Some(cps)
}

/// One code point of UTF-8 in which surrogates are allowed: the code point and
/// its length in bytes, `None` if `b` does not start with one.
pub fn decode_one(b: &[u8]) -> Option<(u32, usize)> {
    let b0 = *b.first()?;
    let cont = |k: usize| {
        b.get(k)
            .filter(|&&c| (c & 0xC0) == 0x80)
            .map(|&c| u32::from(c & 0x3F))
    };
    match b0 {
        0x00..=0x7F => Some((u32::from(b0), 1)),
        0xC2..=0xDF => Some(((u32::from(b0 & 0x1F) << 6) | cont(1)?, 2)),
        0xE0..=0xEF => {
            let cp = (u32::from(b0 & 0x0F) << 12) | (cont(1)? << 6) | cont(2)?;
            (cp >= 0x800).then_some((cp, 3))
        }
        0xF0..=0xF4 => {
            let cp = (u32::from(b0 & 0x07) << 18) | (cont(1)? << 12) | (cont(2)? << 6) | cont(3)?;
            (0x10000..=0x10FFFF).contains(&cp).then_some((cp, 4))
        }
        _ => None,
    }
}

/// `surrogatepass` UTF-8 of code points.
pub fn encode_surrogatepass(cps: &[u32]) -> Vec<u8> {
    let mut out = Vec::with_capacity(cps.len() * 3);
    for &cp in cps {
        push_utf8(&mut out, cp);
    }
    out
}

/// Appends the UTF-8 form of `cp`, surrogates encoded as any other code point.
pub fn push_utf8(out: &mut Vec<u8>, cp: u32) {
    match cp {
        0..=0x7F => out.push(cp as u8),
        0x80..=0x7FF => out.extend([0xC0 | (cp >> 6) as u8, 0x80 | (cp & 0x3F) as u8]),
        0x800..=0xFFFF => out.extend([
            0xE0 | (cp >> 12) as u8,
            0x80 | ((cp >> 6) & 0x3F) as u8,
            0x80 | (cp & 0x3F) as u8,
        ]),
        _ => out.extend([
            0xF0 | (cp >> 18) as u8,
            0x80 | ((cp >> 12) & 0x3F) as u8,
            0x80 | ((cp >> 6) & 0x3F) as u8,
            0x80 | (cp & 0x3F) as u8,
        ]),
    }
}

/// `BUILD_STRING`: the concatenation of the strs among `parts`.
pub fn build_string(parts: &[Value]) -> Value {
    let strs = || {
        parts.iter().filter_map(|v| match v {
            Value::Str(p) => Some(&**p),
            _ => None,
        })
    };
    if any_exact(strs()) {
        return concat_exact(strs());
    }
    let mut s = String::with_capacity(strs().map(|p| p.as_str().len()).sum());
    for p in strs() {
        s.push_str(p.as_str());
    }
    Value::string(s)
}

/// `sep.join(parts)` when a str involved holds lone surrogates.
pub fn join_exact<'a>(sep: &StrObj, parts: impl Iterator<Item = &'a StrObj>) -> Value {
    let mut cps = Vec::new();
    for (i, p) in parts.enumerate() {
        if i > 0 {
            cps.extend(sep.code_points());
        }
        cps.extend(p.code_points());
    }
    Value::from_code_points(cps)
}

/// Where [`via_private_use`] parks surrogates: U+D800..U+DFFF become
/// U+100000..U+1007FF (Supplementary Private Use Area-B), characters that, like
/// surrogates, are uncased, not printable and in no other class.
const PARK: u32 = 0x10_0000;

fn parked(c: char) -> bool {
    (PARK..PARK + 0x800).contains(&u32::from(c))
}

fn has_exact(v: &Value) -> bool {
    matches!(v, Value::Str(s) if s.surrogates().is_some())
}

fn has_parked(v: &Value) -> bool {
    matches!(v, Value::Str(s) if s.as_str().chars().any(parked))
}

fn park_value(v: &Value) -> Value {
    match v {
        Value::Str(s) if s.surrogates().is_some() => park(s),
        other => other.clone(),
    }
}

fn park(s: &StrObj) -> Value {
    let text: String = s
        .code_points()
        .map(|c| {
            let c = if is_surrogate(c) {
                c - 0xD800 + PARK
            } else {
                c
            };
            lossy_char(c)
        })
        .collect();
    Value::string(text)
}

fn unpark_str(v: Value) -> Value {
    match &v {
        Value::Str(s) if s.as_str().chars().any(parked) => Value::from_code_points(
            s.as_str()
                .chars()
                .map(|c| {
                    if parked(c) {
                        u32::from(c) - PARK + 0xD800
                    } else {
                        u32::from(c)
                    }
                })
                .collect(),
        ),
        _ => v,
    }
}

/// A method's result with its parked characters restored: a str, or the strs
/// of a list or tuple.
fn unpark(v: Value) -> Value {
    match &v {
        Value::List(l) => {
            let old = std::mem::take(&mut *l.borrow_mut());
            let items: Vec<Value> = old.into_iter().map(unpark_str).collect();
            *l.borrow_mut() = items;
            v
        }
        Value::Tuple(t) => Value::tuple(t.iter().cloned().map(unpark_str).collect()),
        _ => unpark_str(v),
    }
}

/// Runs the str method `f`, which works on Rust text, exactly when a str among
/// its arguments holds lone surrogates: they are parked in a private-use range
/// for the call and restored in the result (a str, or a list or tuple of
/// strs). Methods whose result shows characters otherwise (`repr` inside
/// `format`, `encode`, `translate` tables) must not use this.
pub fn via_private_use(
    vm: &mut crate::vm::Vm,
    a: crate::func::Args<'_>,
    f: fn(&mut crate::vm::Vm, crate::func::Args<'_>) -> crate::exc::PyResult<Value>,
) -> crate::exc::PyResult<Value> {
    if !a.pos.iter().chain(a.kwvals).any(has_exact) {
        return f(vm, a);
    }
    // A private-use character already there would come back as a surrogate.
    if a.pos.iter().chain(a.kwvals).any(has_parked) {
        return f(vm, a);
    }
    let pos: Vec<Value> = a.pos.iter().map(park_value).collect();
    let kwvals: Vec<Value> = a.kwvals.iter().map(park_value).collect();
    let parked_args = crate::func::Args {
        pos: &pos,
        kwnames: a.kwnames,
        kwvals: &kwvals,
    };
    f(vm, parked_args).map(unpark)
}

/// `str.format` (and `format_map`): exact through [`via_private_use`] unless
/// a field shows a `repr` (`!r`, `!a`), which would show the parked characters.
pub fn format_method(
    vm: &mut crate::vm::Vm,
    a: crate::func::Args<'_>,
    f: fn(&mut crate::vm::Vm, crate::func::Args<'_>) -> crate::exc::PyResult<Value>,
) -> crate::exc::PyResult<Value> {
    let shows_repr = matches!(a.pos.first(), Some(Value::Str(t)) if t.as_str().contains("!r") || t.as_str().contains("!a"));
    if shows_repr {
        f(vm, a)
    } else {
        via_private_use(vm, a, f)
    }
}

/// `fmt % args`: exact for lone surrogates in `fmt` or among the str arguments
/// unless a `%r`/`%a` shows a `repr`.
pub fn percent_format(fmt: &StrObj, args: &Value) -> crate::exc::PyResult<Value> {
    let items: &[Value] = match args {
        Value::Tuple(t) => t,
        other => std::slice::from_ref(other),
    };
    let lossy = || crate::format::percent_format(fmt.as_str(), args);
    if fmt.surrogates().is_none() && !items.iter().any(has_exact) {
        return lossy();
    }
    if fmt.as_str().chars().any(parked)
        || items.iter().any(has_parked)
        || percent_shows_repr(fmt.as_str())
    {
        return lossy();
    }
    let Value::Str(pf) = park(fmt) else {
        return lossy();
    };
    let pargs = match args {
        Value::Tuple(t) => Value::tuple(t.iter().map(park_value).collect()),
        other => park_value(other),
    };
    crate::format::percent_format(pf.as_str(), &pargs).map(unpark)
}

/// Whether a `%` format has a `%r` or `%a` conversion.
fn percent_shows_repr(fmt: &str) -> bool {
    let b = fmt.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'%' {
            i += 1;
            continue;
        }
        i += 1;
        if b.get(i) == Some(&b'(') {
            let mut depth = 0;
            while i < b.len() {
                match b[i] {
                    b'(' => depth += 1,
                    b')' => depth -= 1,
                    _ => {}
                }
                i += 1;
                if depth == 0 {
                    break;
                }
            }
        }
        while i < b.len() && b"-+ #0*.123456789hlL".contains(&b[i]) {
            i += 1;
        }
        if matches!(b.get(i), Some(b'r' | b'a')) {
            return true;
        }
        i += 1;
    }
    false
}

/// `format(s, spec)` of a str holding lone surrogates.
pub fn format_exact(s: &StrObj, spec: &str) -> crate::exc::PyResult<Value> {
    if s.as_str().chars().any(parked) {
        return crate::format::format_value(&Value::Str(Rc::new(StrObj::new(s.as_str()))), spec)
            .map(Value::string);
    }
    crate::format::format_value(&park(s), spec).map(|t| unpark(Value::string(t)))
}

/// `FORMAT_VALUE` with a spec: `format(v, spec)`, exact for a str with lone
/// surrogates.
pub fn format_op(vm: &mut crate::vm::Vm, v: &Value, spec: &str) -> crate::exc::PyResult<Value> {
    match v {
        Value::Str(s) if s.surrogates().is_some() => format_exact(s, spec),
        _ => vm.format_of(v, spec).map(Value::string),
    }
}

/// `PyUnicode_AsUTF8`: the text of `s`, or CPython's `UnicodeEncodeError`
/// when it holds a lone surrogate (which UTF-8 cannot encode).
pub(crate) fn as_utf8(s: &Rc<StrObj>) -> crate::exc::PyResult<&str> {
    match s.first_surrogate() {
        None => Ok(s.as_str()),
        Some((at, _)) => Err(crate::unicode_error::encode_error(
            "utf-8",
            Value::Str(s.clone()),
            at,
            at + 1,
            "surrogates not allowed",
        )),
    }
}
