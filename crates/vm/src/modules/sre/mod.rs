//! `_sre`: CPython's `Modules/_sre/sre.c`, the regular-expression engine under
//! the pure-Python `re` package. `re._compiler` turns a pattern into SRE code
//! (`constants.rs`) and calls `_sre.compile`; `engine.rs` runs that code,
//! `pattern.rs` and `matchobj.rs` are the `re.Pattern` and `re.Match` classes.

mod chars;
pub mod constants;
pub mod engine;
mod matchobj;
mod pattern;

use std::rc::Rc;

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::native::{bind_args, positional};
use crate::types::{type_name, ExcKind};
use crate::value::Value;
use crate::vm::Vm;

use super::new_module;
use constants::{MAGIC, MAXGROUPS, MAXREPEAT};

super::module_functions!(SRE_FUNCTIONS, "_sre", [
    "compile" => compile, "getcodesize" => getcodesize,
    "ascii_iscased" => ascii_iscased, "unicode_iscased" => unicode_iscased,
    "ascii_tolower" => ascii_tolower, "unicode_tolower" => unicode_tolower,
]);

/// Builds the `_sre` module.
pub fn init(_vm: &mut Vm) -> Value {
    new_module(
        "_sre",
        SRE_FUNCTIONS,
        vec![
            ("MAGIC", Value::Int(MAGIC)),
            ("CODESIZE", Value::Int(4)),
            ("MAXREPEAT", Value::Int(i64::from(MAXREPEAT))),
            ("MAXGROUPS", Value::Int(MAXGROUPS)),
            (
                "copyright",
                Value::str(" SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB "),
            ),
        ],
    )
}

/// A subject string as code points, and whether it is bytes.
#[derive(Debug)]
pub(crate) struct Subject {
    pub text: Vec<u32>,
    pub bytes: bool,
}

thread_local! {
    /// The last subject made and the str or bytes it came from: a scanner
    /// that matches at successive positions of one long string (`json`'s,
    /// `tokenize`'s) converts it once, not once per match.
    static LAST_SUBJECT: std::cell::RefCell<Option<(Value, Rc<Subject>)>> =
        const { std::cell::RefCell::new(None) };
}

impl Subject {
    /// The subject `v` as [`Subject::of`], reusing the previous conversion
    /// when `v` is the same immutable object.
    pub(crate) fn cached(v: &Value) -> Option<Rc<Subject>> {
        let same = |a: &Value| match (a, v) {
            (Value::Str(x), Value::Str(y)) => Rc::ptr_eq(x, y),
            (Value::Bytes(x), Value::Bytes(y)) => Rc::ptr_eq(x, y),
            _ => false,
        };
        let hit = LAST_SUBJECT.with(|c| {
            c.try_borrow()
                .ok()
                .and_then(|c| c.as_ref().filter(|(k, _)| same(k)).map(|(_, s)| s.clone()))
        });
        if hit.is_some() {
            return hit;
        }
        let subject = Rc::new(Subject::of(v)?);
        // Short subjects are cheap to convert again; keep only long ones.
        if subject.text.len() >= 256 {
            let old = LAST_SUBJECT.with(|c| {
                c.try_borrow_mut()
                    .ok()
                    .and_then(|mut c| c.replace((v.clone(), subject.clone())))
            });
            drop(old);
        }
        Some(subject)
    }

    /// The subject `v` (a str or bytes, a subclass of either, or another
    /// bytes-like object), or `None` for another type.
    fn of(v: &Value) -> Option<Subject> {
        let v = crate::instance::payload_of(v).unwrap_or(v);
        match v {
            Value::Str(s) if s.is_ascii() => Some(Subject {
                // The common case, converted a byte at a time.
                text: s.as_str().bytes().map(u32::from).collect(),
                bytes: false,
            }),
            Value::Str(s) => Some(Subject {
                // Exact code points: lone surrogates match as themselves.
                text: s.code_points().collect(),
                bytes: false,
            }),
            Value::Bytes(b) => Some(Subject {
                text: b.iter().map(|&c| u32::from(c)).collect(),
                bytes: true,
            }),
            Value::ByteArray(_) | Value::MemoryView(_) | Value::Instance(_) => {
                let b = crate::buffer::bytes_like(v).ok()?;
                Some(Subject {
                    text: b.iter().map(|&c| u32::from(c)).collect(),
                    bytes: true,
                })
            }
            _ => None,
        }
    }

    /// `string[a:b]` as a str or bytes value.
    pub fn slice(&self, a: usize, b: usize) -> Value {
        let part = self.text.get(a..b.max(a)).unwrap_or(&[]);
        if self.bytes {
            Value::Bytes(Rc::new(part.iter().map(|&c| c as u8).collect()))
        } else {
            match part
                .iter()
                .map(|&c| char::from_u32(c))
                .collect::<Option<String>>()
            {
                Some(text) => Value::string(text),
                None => Value::from_code_points(part.to_vec()),
            }
        }
    }
}

fn engine_error(_: engine::BadCode) -> PyErr {
    PyErr::new(
        ExcKind::RuntimeError,
        "internal error in regular expression engine",
    )
}

fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(_) | Value::Bool(_) => vm.index_value(v),
        // int subclasses (`re._constants._NamedIntConstant`).
        Value::Instance(i) if matches!(i.payload, Value::Int(_) | Value::BigInt(_)) => {
            vm.index_value(v)
        }
        _ => Err(PyErr::type_error(format!(
            "an integer is required (got type {})",
            type_name(v)
        ))),
    }
}

fn compile(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let names = [
        "pattern",
        "flags",
        "code",
        "groups",
        "groupindex",
        "indexgroup",
    ];
    let args = bind_args(&a, "compile", &names, 6)?;
    let get = |i: usize| args[i].cloned().unwrap_or(Value::None);
    let flags = int_arg(vm, &get(1))?;
    let Value::List(code_list) = get(2) else {
        return Err(PyErr::type_error(format!(
            "compile() argument 'code' must be list, not {}",
            type_name(&get(2))
        )));
    };
    let items: Vec<Value> = code_list.borrow().clone();
    let mut code = Vec::with_capacity(items.len());
    for v in &items {
        let n = int_arg(vm, v)?;
        let Ok(c) = u32::try_from(n) else {
            return Err(PyErr::overflow(
                "regular expression code size limit exceeded",
            ));
        };
        code.push(c);
    }
    let groups = int_arg(vm, &get(3))?;
    // Each group takes two MARK ops of two words: more groups than that is
    // not code `re._compiler` made (CPython's `_validate` refuses it too).
    let groups = match usize::try_from(groups) {
        Ok(g) if g <= code.len() => g,
        _ => return Err(PyErr::new(ExcKind::RuntimeError, "invalid SRE code")),
    };
    let groupindex = get(4);
    if !matches!(groupindex, Value::Dict(_)) {
        return Err(PyErr::type_error(format!(
            "compile() argument 'groupindex' must be dict, not {}",
            type_name(&groupindex)
        )));
    }
    let indexgroup = get(5);
    if !matches!(indexgroup, Value::Tuple(_)) {
        return Err(PyErr::type_error(format!(
            "compile() argument 'indexgroup' must be tuple, not {}",
            type_name(&indexgroup)
        )));
    }
    Ok(pattern::new_pattern(
        vm,
        pattern::PatternState {
            pattern: get(0),
            flags,
            code: code.into(),
            groups,
            groupindex,
            indexgroup,
        },
    ))
}

fn getcodesize(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    positional(&a, "getcodesize", 0, 0)?;
    Ok(Value::Int(4))
}

fn char_arg(vm: &mut Vm, a: &Args<'_>, name: &str) -> PyResult<u32> {
    let args = positional(a, name, 1, 1)?;
    let n = int_arg(vm, &args[0])?;
    Ok(u32::try_from(n).unwrap_or(u32::MAX))
}

fn ascii_iscased(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(Value::Bool(chars::ascii_iscased(char_arg(
        vm,
        &a,
        "ascii_iscased",
    )?)))
}

fn unicode_iscased(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(Value::Bool(chars::uni_iscased(char_arg(
        vm,
        &a,
        "unicode_iscased",
    )?)))
}

fn ascii_tolower(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(i64::from(chars::ascii_lower(char_arg(
        vm,
        &a,
        "ascii_tolower",
    )?))))
}

fn unicode_tolower(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(i64::from(chars::uni_lower(char_arg(
        vm,
        &a,
        "unicode_tolower",
    )?))))
}
