//! `_json.Scanner` (`make_scanner`): `scan_once_unicode` and the array and
//! object parsers of `_json.c`, as one loop over a stack of open containers.

use std::collections::HashMap;
use std::rc::Rc;

use crate::dict::Dict;
use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::native::{bind_args, cls_arg, native_fn, native_methods, new_object, receiver};
use crate::native::{ClassSpec, PropSpec, SpecFlags};
use crate::types::{builtin_type, TypeKind};
use crate::value::Value;
use crate::vm::Vm;

use super::decode_error::{stop_iteration, ScanErr};
use super::levels::Levels;
use super::scanstring::{self, Found};
use super::text::Text;

/// What a scanner was made with (`JSONDecoder`'s attributes).
pub(super) struct Hooks {
    strict: bool,
    object_hook: Value,
    object_pairs_hook: Value,
    /// `parse_float`, unless it is `float` itself.
    pub parse_float: Option<Value>,
    /// `parse_int`, unless it is `int` itself.
    pub parse_int: Option<Value>,
    parse_constant: Value,
    /// The attributes as given, for the read-only members.
    given_float: Value,
    given_int: Value,
}

native_methods!(SCANNER_M, "Scanner", ["__new__" => scanner_new, "__call__" => scanner_call]);

macro_rules! member {
    ($($member:tt)*) => {
        json_member!(Hooks, "_json.Scanner", "Scanner", $($member)*)
    };
}

static SCANNER_P: &[PropSpec] = &[
    member!(G_STRICT, "strict", |h| Value::Bool(h.strict)),
    member!(G_OHOOK, "object_hook", |h| h.object_hook.clone()),
    member!(G_PHOOK, "object_pairs_hook", |h| h
        .object_pairs_hook
        .clone()),
    member!(G_FLOAT, "parse_float", |h| h.given_float.clone()),
    member!(G_INT, "parse_int", |h| h.given_int.clone()),
    member!(G_CONST, "parse_constant", |h| h.parse_constant.clone()),
];

/// `_json.Scanner`.
pub(super) static SCANNER: ClassSpec = ClassSpec {
    name: "Scanner",
    module: "_json",
    base: TypeKind::Object,
    methods: SCANNER_M,
    classmethods: &[],
    props: SCANNER_P,
    unhashable: false,
    flags: SpecFlags::MUTABLE,
};

/// `v` unless it is the builtin type `kind` itself.
fn unless_builtin(v: &Value, kind: TypeKind) -> Option<Value> {
    match v {
        Value::Type(t) if Rc::ptr_eq(t, &builtin_type(kind)) => None,
        _ => Some(v.clone()),
    }
}

/// `make_scanner(context)`: reads the decoder's attributes once.
fn scanner_new(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let cls = cls_arg(&a)?;
    let rest = crate::native::rest(&a);
    let args = bind_args(&rest, "make_scanner", &["context"], 1)?;
    let ctx = args[0].cloned().unwrap_or(Value::None);
    let get = |vm: &mut Vm, name: &str| {
        let n = vm.intern(name);
        vm.get_attr(&ctx, &n)
    };
    let strict = get(vm, "strict")?;
    let strict = vm.truthy(&strict)?;
    let object_hook = get(vm, "object_hook")?;
    let object_pairs_hook = get(vm, "object_pairs_hook")?;
    let given_float = get(vm, "parse_float")?;
    let given_int = get(vm, "parse_int")?;
    let parse_constant = get(vm, "parse_constant")?;
    Ok(new_object(
        &cls,
        Hooks {
            strict,
            object_hook,
            object_pairs_hook,
            parse_float: unless_builtin(&given_float, TypeKind::Float),
            parse_int: unless_builtin(&given_int, TypeKind::Int),
            parse_constant,
            given_float,
            given_int,
        },
    ))
}

/// `scanner(string, idx)`: `(value, end)`.
fn scanner_call(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<Hooks>(&a, "_json.Scanner", "__call__")?;
    let rest = crate::native::rest(&a);
    let args = bind_args(&rest, "scan_once", &["string", "idx"], 2)?;
    let (Some(doc), Some(idx)) = (args[0], args[1]) else {
        return Err(PyErr::type_error("scan_once() missing required argument"));
    };
    let idx = super::ssize_arg(vm, idx)?;
    let s = super::str_arg(doc)?.clone();
    if idx < 0 {
        return Err(PyErr::value_error("idx cannot be negative"));
    }
    if idx as usize >= s.char_len() {
        return Err(stop_iteration(idx));
    }
    let t = Text::new(&s, doc);
    // Only read: a hook may run this scanner again.
    let h = st.borrow();
    let mut levels = Levels::default();
    let r = Parser {
        h: &h,
        t: &t,
        memo: HashMap::new(),
    }
    .run(vm, &mut levels, t.byte_of(idx as usize));
    levels.leave_all(vm);
    match r {
        Ok((v, end)) => Ok(Value::tuple(vec![v, Value::Int(t.char_index(end) as i64)])),
        Err(e) => Err(e.into_pyerr(vm, &t)),
    }
}

/// An open container.
enum Open {
    Array(Vec<Value>),
    /// A dict being filled, and the key of the value being scanned.
    Object(Dict, Value),
    /// The pairs for `object_pairs_hook`, and the pending key.
    Pairs(Vec<Value>, Value),
}

impl Open {
    /// Adds a scanned value; the byte that closes this container.
    fn add(&mut self, v: Value) -> u8 {
        match self {
            Open::Array(items) => {
                items.push(v);
                b']'
            }
            Open::Object(d, key) => {
                let k = std::mem::take(key);
                if let Value::Str(s) = &k {
                    let hash = s.hash();
                    d.insert_hashed(k, hash, v);
                }
                b'}'
            }
            Open::Pairs(pairs, key) => {
                let k = std::mem::take(key);
                pairs.push(Value::tuple(vec![k, v]));
                b'}'
            }
        }
    }

    /// Sets the key of the next value of an object.
    fn set_key(&mut self, k: Value) {
        if let Open::Object(_, key) | Open::Pairs(_, key) = self {
            *key = k;
        }
    }
}

const IN_OBJECT: &str = " while decoding a JSON object from a unicode string";
const IN_ARRAY: &str = " while decoding a JSON array from a unicode string";

struct Parser<'a> {
    h: &'a Hooks,
    t: &'a Text<'a>,
    /// Keys already made, so equal keys share one str (`_json.c`'s memo).
    memo: HashMap<Box<str>, Value>,
}

/// What starts at a position: a finished value or an opened container.
enum Start {
    Value(Value, usize),
    Opened(Open, usize),
}

impl Parser<'_> {
    /// Scans one value from byte `idx`: the value and the byte after it.
    fn run(
        mut self,
        vm: &mut Vm,
        levels: &mut Levels,
        idx: usize,
    ) -> Result<(Value, usize), ScanErr> {
        let mut stack: Vec<Open> = Vec::new();
        let mut idx = idx;
        loop {
            let (mut v, mut pos) = match self.start(vm, levels, idx)? {
                Start::Value(v, pos) => (v, pos),
                Start::Opened(open, pos) => {
                    stack.push(open);
                    idx = pos;
                    continue;
                }
            };
            // Hand the value to the containers it completes.
            let t = self.t;
            loop {
                let Some(top) = stack.last_mut() else {
                    return Ok((v, pos));
                };
                let close = top.add(v);
                pos = t.skip_ws(pos);
                match t.at(pos) {
                    c if c == close && pos < t.b.len() => {
                        let r = match stack.pop() {
                            Some(open) => self.close(vm, open),
                            None => Ok(Value::None),
                        };
                        levels.leave(vm);
                        v = r?;
                        pos += 1;
                    }
                    b',' if pos < t.b.len() => {
                        idx = t.skip_ws(pos + 1);
                        if close == b'}' {
                            let (k, after) = self.key(idx)?;
                            top.set_key(k);
                            idx = after;
                        }
                        break;
                    }
                    _ => return Err(ScanErr::Decode("Expecting ',' delimiter", pos)),
                }
            }
        }
    }

    /// A key, its `:` and the white space after: the key and where its
    /// value starts.
    fn key(&mut self, at: usize) -> Result<(Value, usize), ScanErr> {
        let t = self.t;
        if t.at(at) != b'"' || at >= t.b.len() {
            return Err(ScanErr::Decode(
                "Expecting property name enclosed in double quotes",
                at,
            ));
        }
        let (found, next) = scanstring::scan(t, at + 1, self.h.strict)?;
        let key = match found {
            Found::Piece(a, b) if t.exact(a, b).is_none() => {
                let text = t.str_at(a, b);
                match self.memo.get(text) {
                    Some(k) => k.clone(),
                    None => {
                        let k = Value::str(text);
                        self.memo.insert(text.into(), k.clone());
                        k
                    }
                }
            }
            other => other.into_value(t),
        };
        let colon = t.skip_ws(next);
        if t.at(colon) != b':' || colon >= t.b.len() {
            return Err(ScanErr::Decode("Expecting ':' delimiter", colon));
        }
        Ok((key, t.skip_ws(colon + 1)))
    }

    /// The value of a closed container: the list, the dict, or a hook's
    /// result.
    fn close(&self, vm: &mut Vm, open: Open) -> PyResult<Value> {
        match open {
            Open::Pairs(pairs, _) => vm.call(&self.h.object_pairs_hook, &[Value::list(pairs)]),
            Open::Object(d, _) => {
                let d = Value::dict(d);
                if matches!(self.h.object_hook, Value::None) {
                    Ok(d)
                } else {
                    vm.call(&self.h.object_hook, &[d])
                }
            }
            Open::Array(items) => Ok(Value::list(items)),
        }
    }

    /// `scan_once_unicode` at byte `idx`, containers only opened.
    fn start(&mut self, vm: &mut Vm, levels: &mut Levels, idx: usize) -> Result<Start, ScanErr> {
        let t = self.t;
        let len = t.b.len();
        if idx >= len {
            return Err(ScanErr::Stop(idx));
        }
        let rest = &t.b[idx..];
        let value = |v: Value, n: usize| Ok(Start::Value(v, idx + n));
        match rest[0] {
            b'"' => {
                let (found, next) = scanstring::scan(t, idx + 1, self.h.strict)?;
                Ok(Start::Value(found.into_value(t), next))
            }
            b'{' => {
                levels.enter(vm, IN_OBJECT)?;
                let pairs = !matches!(self.h.object_pairs_hook, Value::None);
                let at = t.skip_ws(idx + 1);
                if t.at(at) == b'}' && at < len {
                    let open = if pairs {
                        Open::Pairs(Vec::new(), Value::None)
                    } else {
                        Open::Object(Dict::new(), Value::None)
                    };
                    let r = self.close(vm, open);
                    levels.leave(vm);
                    return Ok(Start::Value(r?, at + 1));
                }
                let (key, after) = self.key(at)?;
                let open = if pairs {
                    Open::Pairs(Vec::new(), key)
                } else {
                    Open::Object(Dict::new(), key)
                };
                Ok(Start::Opened(open, after))
            }
            b'[' => {
                levels.enter(vm, IN_ARRAY)?;
                let at = t.skip_ws(idx + 1);
                if t.at(at) == b']' && at < len {
                    levels.leave(vm);
                    return Ok(Start::Value(Value::list(Vec::new()), at + 1));
                }
                Ok(Start::Opened(Open::Array(Vec::new()), at))
            }
            b'n' if rest.starts_with(b"null") => value(Value::None, 4),
            b't' if rest.starts_with(b"true") => value(Value::Bool(true), 4),
            b'f' if rest.starts_with(b"false") => value(Value::Bool(false), 5),
            b'N' if rest.starts_with(b"NaN") => self.constant(vm, "NaN", idx),
            b'I' if rest.starts_with(b"Infinity") => self.constant(vm, "Infinity", idx),
            b'-' if rest.starts_with(b"-Infinity") => self.constant(vm, "-Infinity", idx),
            _ => {
                let (v, next) = super::number::scan(vm, self.h, t, idx)?;
                Ok(Start::Value(v, next))
            }
        }
    }

    /// `parse_constant(name)` for `NaN`, `Infinity`, `-Infinity`.
    fn constant(&self, vm: &mut Vm, name: &str, idx: usize) -> Result<Start, ScanErr> {
        let arg = Value::Str(vm.intern(name));
        let v = vm.call(&self.h.parse_constant, &[arg])?;
        Ok(Start::Value(v, idx + name.len()))
    }
}
