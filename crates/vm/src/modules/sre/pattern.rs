//! `re.Pattern` (`pattern_*` of `sre.c`) and the scanner behind `finditer`.

use std::cell::RefCell;
use std::rc::Rc;

use crate::dict::Dict;
use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::native::{
    bind_args, borrow, native_fn, native_methods, new_native, receiver, ClassSpec, PropSpec,
    SpecFlags,
};
use crate::types::{type_name, TypeKind};
use crate::value::Value;
use crate::vm::Vm;

use super::constants::FLAG_NAMES;
use super::engine::{Found, Matcher, Mode};
use super::matchobj::new_match;
use super::{engine_error, Subject};

/// A compiled pattern: what `_sre.compile` was given.
#[derive(Debug)]
pub(crate) struct PatternState {
    /// The source (str, bytes or None).
    pub pattern: Value,
    pub flags: i64,
    pub code: Rc<[u32]>,
    /// The number of capturing groups.
    pub groups: usize,
    /// Name to number (a dict).
    pub groupindex: Value,
    /// Number to name (a tuple).
    pub indexgroup: Value,
}

native_methods!(PATTERN_M, "Pattern", [
    "match" => p_match, "fullmatch" => p_fullmatch, "search" => p_search,
    "findall" => p_findall, "finditer" => p_finditer, "sub" => p_sub, "subn" => p_subn,
    "split" => p_split, "scanner" => p_scanner, "__repr__" => p_repr,
    "__copy__" => p_copy, "__deepcopy__" => p_deepcopy,
    "__eq__" => p_eq, "__ne__" => p_ne, "__hash__" => p_hash,
]);
native_fn!(P_PATTERN, "pattern", "Pattern", p_pattern);
native_fn!(P_FLAGS, "flags", "Pattern", p_flags);
native_fn!(P_GROUPS, "groups", "Pattern", p_groups);
native_fn!(P_GROUPINDEX, "groupindex", "Pattern", p_groupindex);

/// `re.Pattern`.
pub(crate) static PATTERN: ClassSpec = ClassSpec {
    name: "Pattern",
    module: "re",
    base: TypeKind::Object,
    methods: PATTERN_M,
    classmethods: crate::native::GENERIC,
    props: &[
        PropSpec {
            name: "pattern",
            get: &P_PATTERN,
            set: None,
        },
        PropSpec {
            name: "flags",
            get: &P_FLAGS,
            set: None,
        },
        PropSpec {
            name: "groups",
            get: &P_GROUPS,
            set: None,
        },
        PropSpec {
            name: "groupindex",
            get: &P_GROUPINDEX,
            set: None,
        },
    ],
    unhashable: false,
    flags: SpecFlags::WEAKREFS,
};

native_methods!(SCANNER_M, "SRE_Scanner", [
    "match" => s_match, "search" => s_search,
]);
native_fn!(S_PATTERN, "pattern", "SRE_Scanner", s_pattern);

static SCANNER: ClassSpec = ClassSpec {
    name: "SRE_Scanner",
    module: "_sre",
    base: TypeKind::Object,
    methods: SCANNER_M,
    classmethods: &[],
    props: &[PropSpec {
        name: "pattern",
        get: &S_PATTERN,
        set: None,
    }],
    unhashable: false,
    flags: SpecFlags::NONE,
};

/// A new `re.Pattern` object.
pub(crate) fn new_pattern(vm: &mut Vm, st: PatternState) -> Value {
    new_native(vm, &PATTERN, st)
}

fn this(a: &Args<'_>, name: &str) -> PyResult<Rc<RefCell<PatternState>>> {
    receiver::<PatternState>(a, "re.Pattern", name)
}

/// The subject checked against the pattern's type, and `pos`/`endpos` clamped.
pub(crate) struct Prepared {
    pub subject: Rc<Subject>,
    pub pos: usize,
    pub endpos: usize,
}

/// A `Py_ssize_t` argument: an index that fits.
fn ssize(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if let Value::BigInt(_) = v {
        return Err(PyErr::overflow(
            "Python int too large to convert to C ssize_t",
        ));
    }
    vm.index_value(v)
}

fn prepare(
    vm: &mut Vm,
    st: &PatternState,
    string: &Value,
    pos: Option<&Value>,
    endpos: Option<&Value>,
) -> PyResult<Prepared> {
    // Argument Clinic converts `pos` and `endpos` before the string is
    // looked at.
    let pos = pos.map(|v| ssize(vm, v)).transpose()?;
    let endpos = endpos.map(|v| ssize(vm, v)).transpose()?;
    let Some(subject) = Subject::cached(string) else {
        return Err(PyErr::type_error(format!(
            "expected string or bytes-like object, got '{}'",
            type_name(string)
        )));
    };
    match (&st.pattern, subject.bytes) {
        (Value::Str(_), true) => {
            return Err(PyErr::type_error(
                "cannot use a string pattern on a bytes-like object",
            ))
        }
        (Value::Bytes(_), false) => {
            return Err(PyErr::type_error(
                "cannot use a bytes pattern on a string-like object",
            ))
        }
        _ => {}
    }
    let len = subject.text.len() as i64;
    let clamp = |n: i64| n.clamp(0, len) as usize;
    let pos = pos.map_or(0, clamp);
    let endpos = endpos.map_or(len as usize, clamp);
    Ok(Prepared {
        subject,
        pos,
        endpos,
    })
}

/// Where an iteration over the matches of a subject stands (`findall`,
/// `sub`, `split`, the scanner): the next start and whether an empty match
/// there is refused because the previous match ended there empty.
#[derive(Debug)]
pub(crate) struct Cursor {
    pub start: usize,
    pub must_advance: bool,
    pub done: bool,
}

impl Cursor {
    fn new(start: usize) -> Cursor {
        Cursor {
            start,
            must_advance: false,
            done: false,
        }
    }
}

/// Runs one match (`search` or anchored) at the cursor and advances it.
fn step(
    st: &PatternState,
    p: &Prepared,
    cur: &mut Cursor,
    search: bool,
    match_all: bool,
) -> PyResult<Option<Found>> {
    if cur.done || cur.start > p.endpos {
        cur.done = true;
        return Ok(None);
    }
    let text = &p.subject.text[..p.endpos];
    let mut m = Matcher::new(&st.code, text);
    let mode = Mode {
        match_all,
        must_advance: cur.must_advance,
    };
    let found = if search {
        m.search(cur.start, st.groups, mode)
    } else {
        m.match_at(cur.start, st.groups, mode)
    }
    .map_err(engine_error)?;
    match &found {
        Some(f) => {
            cur.must_advance = f.end == f.start;
            cur.start = f.end;
        }
        None => cur.done = true,
    }
    Ok(found)
}

fn parse_call<'a>(a: &Args<'a>, name: &str) -> PyResult<Vec<Option<&'a Value>>> {
    let rest = crate::native::rest(a);
    bind_args(&rest, name, &["string", "pos", "endpos"], 1)
}

fn one_match(vm: &mut Vm, a: Args<'_>, name: &str, search: bool, all: bool) -> PyResult<Value> {
    let st = this(&a, name)?;
    let args = parse_call(&a, name)?;
    let string = args[0].cloned().unwrap_or(Value::None);
    let (found, p) = {
        let s = borrow(&st)?;
        let p = prepare(vm, &s, &string, args[1], args[2])?;
        let mut cur = Cursor::new(p.pos);
        (step(&s, &p, &mut cur, search, all)?, p)
    };
    Ok(match found {
        Some(f) => new_match(vm, &a.pos[0], &st, string, &p, f),
        None => Value::None,
    })
}

fn p_match(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    one_match(vm, a, "match", false, false)
}

fn p_fullmatch(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    one_match(vm, a, "fullmatch", false, true)
}

fn p_search(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    one_match(vm, a, "search", true, false)
}

fn p_findall(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = this(&a, "findall")?;
    let args = parse_call(&a, "findall")?;
    let string = args[0].cloned().unwrap_or(Value::None);
    let s = borrow(&st)?;
    let p = prepare(vm, &s, &string, args[1], args[2])?;
    let mut cur = Cursor::new(p.pos);
    let mut out = Vec::new();
    while let Some(f) = step(&s, &p, &mut cur, true, false)? {
        let item = |g: Option<(usize, usize)>| match g {
            Some((a, b)) => p.subject.slice(a, b),
            None => p.subject.slice(0, 0),
        };
        out.push(match s.groups {
            0 => p.subject.slice(f.start, f.end),
            1 => item(f.groups.first().copied().flatten()),
            _ => Value::tuple(f.groups.iter().map(|g| item(*g)).collect()),
        });
    }
    Ok(Value::list(out))
}

fn p_finditer(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let scanner = p_scanner(vm, a)?;
    let search = vm.intern("search");
    let f = vm.get_attr(&scanner, &search)?;
    let builtins = vm.import_module("builtins")?;
    let iter = vm.intern("iter");
    let iter = vm.get_attr(&builtins, &iter)?;
    vm.call(&iter, &[f, Value::None])
}

/// The scanner's state.
struct ScannerState {
    pattern: Value,
    string: Value,
    prepared: Prepared,
    cursor: Cursor,
    /// The subject's buffer when it exports one (a bytearray, an array):
    /// held while the scanner lives, as CPython's `SRE_STATE` holds its
    /// `Py_buffer`, so the subject cannot be resized under the scanner.
    _buffer: Option<crate::methods::memoryview::MemView>,
}

fn p_scanner(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = this(&a, "scanner")?;
    let args = parse_call(&a, "scanner")?;
    let string = args[0].cloned().unwrap_or(Value::None);
    let prepared = prepare(vm, &*borrow(&st)?, &string, args[1], args[2])?;
    let cursor = Cursor::new(prepared.pos);
    let buffer = match &string {
        Value::Str(_) | Value::Bytes(_) => None,
        other => crate::methods::memoryview::MemView::of(other).and_then(Result::ok),
    };
    Ok(new_native(
        vm,
        &SCANNER,
        ScannerState {
            pattern: a.pos[0].clone(),
            string,
            prepared,
            cursor,
            _buffer: buffer,
        },
    ))
}

fn scan(vm: &mut Vm, a: &Args<'_>, name: &str, search: bool) -> PyResult<Value> {
    let sc = receiver::<ScannerState>(a, "_sre.SRE_Scanner", name)?;
    let (pat, string) = {
        let s = borrow(&sc)?;
        (s.pattern.clone(), s.string.clone())
    };
    let Some(pst) = crate::native::state_of::<PatternState>(&pat) else {
        return Ok(Value::None);
    };
    let (found, subject, pos, endpos) = {
        let mut s = borrow(&sc)?;
        let s = &mut *s;
        let ps = borrow(&pst)?;
        let f = step(&ps, &s.prepared, &mut s.cursor, search, false)?;
        (
            f,
            s.prepared.subject.clone(),
            s.prepared.pos,
            s.prepared.endpos,
        )
    };
    let p = Prepared {
        subject,
        pos,
        endpos,
    };
    Ok(match found {
        Some(f) => new_match(vm, &pat, &pst, string, &p, f),
        None => Value::None,
    })
}

fn s_match(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    scan(vm, &a, "match", false)
}

fn s_search(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    scan(vm, &a, "search", true)
}

fn s_pattern(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let sc = receiver::<ScannerState>(&a, "_sre.SRE_Scanner", "pattern")?;
    let p = borrow(&sc)?.pattern.clone();
    Ok(p)
}

/// The replacement of `sub`: a literal, or a callable given each match.
enum Repl {
    Literal(Value),
    Call(Value),
}

/// Whether a replacement has a `\\` and needs `re._subx` to read its
/// template; one that is no str or bytes-like object goes there too, for
/// its error.
fn has_backslash(v: &Value) -> bool {
    match crate::instance::payload_of(v).unwrap_or(v) {
        Value::Str(s) => s.as_str().contains('\\'),
        Value::Bytes(b) => b.contains(&b'\\'),
        _ => crate::buffer::bytes_like(v).map_or(true, |b| b.contains(&b'\\')),
    }
}

/// `string` when `[a:b]` is all of an exact str or bytes (CPython's
/// `getslice` and the joins return the object itself), else a copy.
fn whole_or_slice(string: &Value, subject: &Subject, a: usize, b: usize) -> Value {
    if a == 0 && b >= subject.text.len() && matches!(string, Value::Str(_) | Value::Bytes(_)) {
        return string.clone();
    }
    subject.slice(a, b)
}

fn subx(vm: &mut Vm, a: Args<'_>, name: &str) -> PyResult<(Value, i64)> {
    let st = this(&a, name)?;
    let rest = crate::native::rest(&a);
    let args = bind_args(&rest, name, &["repl", "string", "count"], 2)?;
    let repl = args[0].cloned().unwrap_or(Value::None);
    let string = args[1].cloned().unwrap_or(Value::None);
    let count = match args[2] {
        Some(v) => vm.index_value(v)?,
        None => 0,
    };
    let repl = if crate::native::is_callable(&repl) {
        Repl::Call(repl)
    } else if !has_backslash(&repl) {
        Repl::Literal(repl)
    } else {
        let re = vm.import_dotted("re")?;
        let name = vm.intern("_subx");
        let f = vm.get_attr(&re, &name)?;
        let filter = vm.call(&f, &[a.pos[0].clone(), repl])?;
        if crate::native::is_callable(&filter) {
            Repl::Call(filter)
        } else {
            Repl::Literal(filter)
        }
    };
    let p = prepare(vm, &*borrow(&st)?, &string, None, None)?;
    let bytes = p.subject.bytes;
    let mut out: Vec<u32> = Vec::new();
    let mut last = 0;
    let mut n = 0i64;
    let mut cur = Cursor::new(0);
    while count == 0 || n < count {
        let found = step(&*borrow(&st)?, &p, &mut cur, true, false)?;
        let Some(f) = found else { break };
        out.extend_from_slice(&p.subject.text[last..f.start]);
        let piece = match &repl {
            Repl::Literal(v) => v.clone(),
            Repl::Call(c) => {
                let m = new_match(vm, &a.pos[0], &st, string.clone(), &p, f);
                vm.call(c, &[m])?
            }
        };
        let piece_bytes = match (&piece, bytes) {
            (Value::Str(_) | Value::Bytes(_) | Value::None, _) => None,
            (_, true) => crate::buffer::bytes_like(&piece).ok(),
            _ => None,
        };
        match (crate::instance::payload_of(&piece).unwrap_or(&piece), bytes) {
            (Value::Str(s), false) => out.extend(s.code_points()),
            (Value::Bytes(b), true) => out.extend(b.iter().map(|&c| u32::from(c))),
            (Value::None, _) => {}
            _ if piece_bytes.is_some() => {
                out.extend(piece_bytes.iter().flatten().map(|&c| u32::from(c)));
            }
            _ => {
                let want = if bytes {
                    "a bytes-like object"
                } else {
                    "str instance"
                };
                return Err(PyErr::type_error(format!(
                    "sequence item {}: expected {}, {} found",
                    2 * n + 1,
                    want,
                    type_name(&piece)
                )));
            }
        }
        last = cur.start;
        n += 1;
    }
    if n == 0 {
        return Ok((
            whole_or_slice(&string, &p.subject, 0, p.subject.text.len()),
            0,
        ));
    }
    out.extend_from_slice(&p.subject.text[last..]);
    let text = Subject { text: out, bytes };
    Ok((text.slice(0, text.text.len()), n))
}

fn p_sub(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(subx(vm, a, "sub")?.0)
}

fn p_subn(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (s, n) = subx(vm, a, "subn")?;
    Ok(Value::tuple(vec![s, Value::Int(n)]))
}

fn p_split(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = this(&a, "split")?;
    let rest = crate::native::rest(&a);
    let args = bind_args(&rest, "split", &["string", "maxsplit"], 1)?;
    let string = args[0].cloned().unwrap_or(Value::None);
    let maxsplit = match args[1] {
        Some(v) => vm.index_value(v)?,
        None => 0,
    };
    let s = borrow(&st)?;
    let p = prepare(vm, &s, &string, None, None)?;
    let mut out = Vec::new();
    let mut last = 0;
    let mut n = 0;
    let mut cur = Cursor::new(0);
    while maxsplit <= 0 || n < maxsplit {
        let Some(f) = step(&s, &p, &mut cur, true, false)? else {
            break;
        };
        out.push(p.subject.slice(last, f.start));
        for g in &f.groups {
            out.push(match g {
                Some((a, b)) => p.subject.slice(*a, *b),
                None => Value::None,
            });
        }
        last = f.end;
        n += 1;
    }
    out.push(whole_or_slice(
        &string,
        &p.subject,
        last,
        p.subject.text.len(),
    ));
    Ok(Value::list(out))
}

fn p_repr(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = this(&a, "__repr__")?;
    let (pattern, flags) = {
        let s = borrow(&st)?;
        (s.pattern.clone(), s.flags)
    };
    let mut flags = flags;
    // A str pattern is Unicode by default: the flag is not shown.
    if matches!(pattern, Value::Str(_)) && flags & (4 | 32 | 256) == 32 {
        flags &= !32;
    }
    let prepr: String = vm.repr_of(&pattern)?.chars().take(200).collect();
    if flags == 0 {
        return Ok(Value::string(format!("re.compile({prepr})")));
    }
    let mut names = Vec::new();
    for (bit, name) in FLAG_NAMES {
        if flags & bit != 0 {
            names.push((*name).to_string());
            flags &= !bit;
        }
    }
    if flags != 0 {
        names.push(format!("{flags:#x}"));
    }
    Ok(Value::string(format!(
        "re.compile({prepr}, {})",
        names.join("|")
    )))
}

fn p_copy(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(a.pos.first().cloned().unwrap_or(Value::None))
}

fn p_deepcopy(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(a.pos.first().cloned().unwrap_or(Value::None))
}

fn p_pattern(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(borrow(&*this(&a, "pattern")?)?.pattern.clone())
}

fn p_flags(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(borrow(&*this(&a, "flags")?)?.flags))
}

fn p_groups(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(borrow(&*this(&a, "groups")?)?.groups as i64))
}

fn p_groupindex(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let gi = borrow(&*this(&a, "groupindex")?)?.groupindex.clone();
    let copy = match &gi {
        Value::Dict(d) => d.borrow().clone(),
        _ => Dict::new(),
    };
    Ok(crate::mappingproxy::new(Rc::new(RefCell::new(copy))))
}

/// `pattern_richcompare`: same flags, code and source.
fn same(vm: &mut Vm, a: &Args<'_>, name: &str) -> PyResult<Option<bool>> {
    let st = this(a, name)?;
    let other = a.pos.get(1).cloned().unwrap_or(Value::None);
    let Some(ot) = crate::native::state_of::<PatternState>(&other) else {
        return Ok(None);
    };
    if Rc::ptr_eq(&st, &ot) {
        return Ok(Some(true));
    }
    let (p1, p2) = {
        let (x, y) = (borrow(&st)?, borrow(&ot)?);
        if x.flags != y.flags || x.code != y.code {
            return Ok(Some(false));
        }
        (x.pattern.clone(), y.pattern.clone())
    };
    Ok(Some(vm.compare_bool(crate::ops::CmpOp::Eq, &p1, &p2)?))
}

fn p_eq(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(same(vm, &a, "__eq__")?.map_or(Value::NotImplemented, Value::Bool))
}

fn p_ne(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(same(vm, &a, "__ne__")?.map_or(Value::NotImplemented, |b| Value::Bool(!b)))
}

/// `pattern_hash`: the source's hash mixed with the code's bytes, the flags
/// and the code size.
fn p_hash(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = this(&a, "__hash__")?;
    let s = borrow(&st)?;
    let bytes: Vec<u8> = s.code.iter().flat_map(|c| c.to_le_bytes()).collect();
    let mut h = crate::dict::hash_value(&s.pattern)?;
    h ^= crate::hash::bytes_hash(&bytes);
    h ^= s.flags;
    h ^= i64::from(matches!(s.pattern, Value::Bytes(_)));
    h ^= s.code.len() as i64;
    Ok(Value::Int(if h == -1 { -2 } else { h }))
}
