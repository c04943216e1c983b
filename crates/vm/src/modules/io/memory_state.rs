//! What `StringIO` and `BytesIO` add to the shared file methods: their
//! pickling state (`__getstate__`/`__setstate__`, which `pickle` and `copy`
//! use through `object.__reduce_ex__`) and `StringIO`'s `TextIOWrapper`-like
//! attributes, with the `newlines` record both text classes keep
//! (`Modules/_io/stringio.c` and `bytesio.c` of 3.11).

use super::stream::Newline;
use super::{with_state, Kind};
use crate::exc::{PyErr, PyResult};
use crate::func::{Args, BuiltinDef};
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::Vm;

/// `__getstate__` and `__setstate__`, in `StringIO` and `BytesIO` only.
pub(super) static METHODS: &[BuiltinDef] = &[
    BuiltinDef {
        name: "__getstate__",
        func: m_getstate,
        owner: "_io",
        is_method: true,
    },
    BuiltinDef {
        name: "__setstate__",
        func: m_setstate,
        owner: "_io",
        is_method: true,
    },
];

static NEWLINES: BuiltinDef = BuiltinDef {
    name: "newlines",
    func: forward_newlines,
    owner: "_io",
    is_method: true,
};

static LINE_BUFFERING: BuiltinDef = BuiltinDef {
    name: "line_buffering",
    func: stringio_line_buffering,
    owner: "_io",
    is_method: true,
};

static ENCODING: BuiltinDef = BuiltinDef {
    name: "encoding",
    func: stringio_no_codec,
    owner: "_io",
    is_method: true,
};

static ERRORS: BuiltinDef = BuiltinDef {
    name: "errors",
    func: stringio_no_codec,
    owner: "_io",
    is_method: true,
};

/// The read-only attributes class `name` gets besides `closed`.
pub(super) fn properties(name: &str) -> Vec<(&'static str, Value)> {
    let defs: &[&'static BuiltinDef] = match name {
        "StringIO" => &[&NEWLINES, &LINE_BUFFERING, &ENCODING, &ERRORS],
        "TextIOWrapper" => &[&NEWLINES],
        _ => &[],
    };
    defs.iter()
        .map(|def| (def.name, super::methods::read_only_property(name, def)))
        .collect()
}

/// A closed file's error: `StringIO` words it without the period the
/// other classes end it with.
fn closed_error(stringio: bool) -> PyErr {
    if stringio {
        PyErr::value_error("I/O operation on closed file")
    } else {
        super::methods::closed_error()
    }
}

fn forward_newlines(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    super::delegate::forward(vm, a, "newlines", newlines)
}

/// `newlines`: the line ends a universal-newlines decoder has met (reads of
/// a `TextIOWrapper`, writes of a `StringIO`); `None` without such a
/// decoder or before any line end, a str for one kind, else a tuple.
fn newlines(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let obj = super::methods::this(&a, "newlines")?;
    let kinds = with_state(obj, |st| {
        if matches!(st.kind, Kind::StringIo(_)) && st.closed {
            return Err(closed_error(true));
        }
        Ok(st.stream.newlines_seen())
    })?;
    Ok(super::stream::newlines_value(kinds))
}

fn open_stringio(obj: &Value) -> PyResult<()> {
    with_state(obj, |st| {
        if st.closed {
            Err(closed_error(true))
        } else {
            Ok(())
        }
    })
}

fn stringio_line_buffering(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    open_stringio(super::methods::this(&a, "line_buffering")?)?;
    Ok(Value::Bool(false))
}

/// `encoding` and `errors` of a `StringIO` (`_TextIOBase`'s): it has no codec.
fn stringio_no_codec(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    super::methods::this(&a, "encoding")?;
    Ok(Value::None)
}

/// The `newline` argument that makes a `StringIO` of kind `nl`.
fn newline_arg(nl: Newline) -> Value {
    match nl {
        Newline::Universal => Value::None,
        Newline::Untranslated => Value::str(""),
        Newline::Lf => Value::str("\n"),
        Newline::Cr => Value::str("\r"),
        Newline::CrLf => Value::str("\r\n"),
    }
}

/// The instance dict for the state: a copy, or `None` when empty.
fn dict_state(obj: &Value) -> Value {
    match obj {
        Value::Instance(i) => {
            let d = i.dict.snapshot();
            if d.is_empty() {
                Value::None
            } else {
                Value::dict(d)
            }
        }
        _ => Value::None,
    }
}

/// `StringIO.__getstate__()`: `(value, newline, position, dict)`;
/// `BytesIO.__getstate__()`: `(value, position, dict)`.
fn m_getstate(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let obj = super::methods::this(&a, "__getstate__")?;
    let (kind, closed) = with_state(obj, |st| Ok((st.kind, st.closed)))?;
    if closed {
        return Err(closed_error(matches!(kind, Kind::StringIo(_))));
    }
    let pos = super::methods::m_tell(vm, Args::positional(std::slice::from_ref(obj)))?;
    let value = super::methods::m_getvalue(vm, Args::positional(std::slice::from_ref(obj)))?;
    let dict = dict_state(obj);
    Ok(Value::tuple(match kind {
        Kind::StringIo(nl) => vec![value, newline_arg(nl), pos, dict],
        _ => vec![value, pos, dict],
    }))
}

/// `__setstate__(state)`: as `__init__` with the state's value, which is
/// then put back as it was (the state holds it already translated), with
/// the position and the instance attributes.
fn m_setstate(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let obj = super::methods::this(&a, "__setstate__")?;
    let text = match obj {
        Value::Instance(i) => crate::class::mro_of(&i.class())
            .iter()
            .any(|t| t.name.as_str() == "StringIO"),
        _ => false,
    };
    let (class, arity) = if text {
        ("StringIO", 4)
    } else {
        ("BytesIO", 3)
    };
    // A closed object refuses; a new one (from `__new__`) has no state yet.
    if with_state(obj, |st| Ok(st.closed)).unwrap_or(false) {
        return Err(closed_error(text));
    }
    let state = a.pos.get(1).cloned().unwrap_or(Value::None);
    let items = match &state {
        Value::Tuple(t) if t.len() >= arity => t.clone(),
        other => {
            return Err(PyErr::type_error(format!(
                "_io.{class}.__setstate__ argument should be {arity}-tuple, got {}",
                crate::types::type_name(other)
            )))
        }
    };
    let init_args: Vec<Value> = if text {
        vec![obj.clone(), items[0].clone(), items[1].clone()]
    } else {
        vec![obj.clone(), items[0].clone()]
    };
    super::methods::m_init(vm, Args::positional(&init_args))?;
    let pos_item = &items[arity - 2];
    let pos = match pos_item {
        Value::Int(n) => *n,
        Value::Bool(b) => *b as i64,
        Value::BigInt(_) => {
            return Err(PyErr::new(
                ExcKind::OverflowError,
                "Python int too large to convert to C ssize_t",
            ))
        }
        other => {
            return Err(PyErr::type_error(if text {
                format!(
                    "third item of state must be an integer, got {}",
                    crate::types::type_name(other)
                )
            } else {
                format!(
                    "second item of state must be an integer, not {}",
                    crate::types::type_name(other)
                )
            }))
        }
    };
    if pos < 0 {
        return Err(PyErr::value_error("position value cannot be negative"));
    }
    if let Value::Str(s) = &items[0] {
        let raw = s.as_str().as_bytes().to_vec();
        with_state(obj, |st| {
            st.stream.set_contents(raw, 0);
            Ok(())
        })?;
    }
    let seek_args = [obj.clone(), Value::Int(pos)];
    super::methods::m_seek(vm, Args::positional(&seek_args))?;
    let dict = &items[arity - 1];
    match dict {
        Value::None => {}
        Value::Dict(d) => {
            if let Value::Instance(i) = obj {
                let target = i.dict.clone();
                let entries: Vec<(Value, Value)> = d
                    .borrow()
                    .iter()
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect();
                let mut target = target.borrow_mut();
                for (k, v) in entries {
                    target.insert(k, v)?;
                }
            }
        }
        other => {
            return Err(PyErr::type_error(format!(
                "{} item of state should be a dict, got a {}",
                if text { "fourth" } else { "third" },
                crate::types::type_name(other)
            )))
        }
    }
    Ok(Value::None)
}

#[cfg(test)]
mod tests {
    use super::super::stream::seen;

    #[test]
    fn scans_each_kind_of_line_end() {
        assert_eq!(seen::scan("a\r\nb"), seen::CRLF);
        assert_eq!(seen::scan("a\rb\n"), seen::CR | seen::LF);
        assert_eq!(seen::scan("\r"), seen::CR);
        assert_eq!(seen::scan("none"), 0);
    }
}
