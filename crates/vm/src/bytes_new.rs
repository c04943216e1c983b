//! The `bytes(...)` and `bytearray(...)` constructors and `bytearray.__init__`
//! (CPython's `bytes_new_impl`, `PyBytes_FromObject` and `bytearray___init__`).
//!
//! The two differ in their messages, in that only `bytes` asks `__bytes__`,
//! and in that `bytearray.__init__` fills the object it is given as it reads
//! an iterable, so the items are visible (and `__alloc__` grows) meanwhile.

use std::rc::Rc;

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::names::D;
use crate::ops;
use crate::types::{type_name, type_of, ExcKind};
use crate::value::Value;
use crate::vm::Vm;

/// The storage `bytearray.__init__` fills while it iterates.
pub(crate) type Sink<'a> = Option<&'a crate::bytearray_obj::ByteArrayObj>;

/// `bytes(source, encoding, errors)` or `bytearray(...)` (`name`); the
/// result is a `bytes` value (or what `__bytes__` returned).
pub(crate) fn construct_bytes(vm: &mut Vm, a: Args<'_>, name: &str) -> PyResult<Value> {
    construct_into(vm, a, name, None)
}

/// `bytearray.__init__(target, ...)`: empties `target`, then fills it as
/// the constructor reads its source.
pub(crate) fn bytearray_init(
    vm: &mut Vm,
    target: &Rc<crate::bytearray_obj::ByteArrayObj>,
    a: Args<'_>,
) -> PyResult<()> {
    target.resize(0)?.clear();
    let out = construct_into(vm, a, "bytearray", Some(&**target))?;
    let bytes = match &out {
        Value::Bytes(b) => b.to_vec(),
        other => crate::buffer::exported_bytes(other)
            .transpose()?
            .unwrap_or_default(),
    };
    target.replace(bytes)
}

fn construct_into(vm: &mut Vm, a: Args<'_>, name: &str, sink: Sink<'_>) -> PyResult<Value> {
    a.check_clinic_kw(name, &["source", "encoding", "errors"])?;
    if a.pos.len() + a.kwnames.len() > 3 {
        return Err(PyErr::type_error(format!(
            "{name}() takes at most 3 arguments ({} given)",
            a.pos.len() + a.kwnames.len()
        )));
    }
    let source = a.pos.first().or_else(|| a.kw("source"));
    let encoding = a.pos.get(1).or_else(|| a.kw("encoding"));
    let errors = a.pos.get(2).or_else(|| a.kw("errors"));
    let text_arg = |v: Option<&Value>, what: &str| -> PyResult<Option<String>> {
        match v {
            None => Ok(None),
            Some(Value::Str(s)) => Ok(Some(s.as_str().to_string())),
            Some(other) => match crate::instance::payload_of(other) {
                Some(Value::Str(s)) => Ok(Some(s.as_str().to_string())),
                _ => Err(PyErr::type_error(format!(
                    "{name}() argument '{what}' must be str, not {}",
                    type_name(other)
                ))),
            },
        }
    };
    let Some(source) = source else {
        if encoding.is_some() || errors.is_some() {
            return Err(PyErr::type_error(if encoding.is_some() {
                "encoding without a string argument"
            } else {
                "errors without a string argument"
            }));
        }
        return Ok(Value::Bytes(Rc::new(Vec::new())));
    };
    // A str subclass's instance is text too (its `__bytes__` is not asked
    // once an encoding is given).
    let text = match source {
        Value::Str(_) => Some(source.clone()),
        _ => match crate::instance::payload_of(source) {
            Some(s @ Value::Str(_)) => Some(s.clone()),
            _ => None,
        },
    };
    if encoding.is_some() {
        let Some(text) = text else {
            return Err(PyErr::type_error("encoding without a string argument"));
        };
        let enc = text_arg(encoding, "encoding")?;
        let err = text_arg(errors, "errors")?;
        crate::modules::codecs::check_encoding_errors(vm, enc.as_deref(), err.as_deref())?;
        let out = crate::modules::codecs::encode_str(
            vm,
            &text,
            enc.as_deref().unwrap_or("utf-8"),
            err.as_deref().unwrap_or("strict"),
        )?;
        return Ok(Value::Bytes(Rc::new(out)));
    }
    if errors.is_some() {
        return Err(PyErr::type_error(if text.is_some() {
            "string argument without an encoding"
        } else {
            "errors without a string argument"
        }));
    }
    if let Value::Bytes(b) = source {
        return Ok(Value::Bytes(b.clone()));
    }
    if name == "bytes" {
        if let Some(r) = call_dunder_bytes(vm, source)? {
            return Ok(r);
        }
    }
    if text.is_some() {
        return Err(PyErr::type_error("string argument without an encoding"));
    }
    let is_index = match source {
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => true,
        Value::Instance(_) => {
            crate::class::special(&type_of(source), D::Index).is_some()
                || matches!(
                    crate::instance::payload_of(source),
                    Some(Value::Int(_) | Value::BigInt(_) | Value::Bool(_))
                )
        }
        _ => false,
    };
    if is_index {
        // A failing `__index__` with TypeError falls back to the buffer and
        // iterable forms, as `bytes_new_impl` does.
        match count_of(vm, source) {
            Ok(n) => {
                if n < 0 {
                    return Err(PyErr::value_error("negative count"));
                }
                if n > 1 << 31 {
                    return Err(PyErr::with_args(ExcKind::MemoryError, vec![]));
                }
                return Ok(Value::Bytes(Rc::new(vec![0; n as usize])));
            }
            Err(e) if e.is(ExcKind::TypeError) => {}
            Err(e) => return Err(e),
        }
    }
    let out = match source {
        Value::ByteArray(b) => b.borrow().clone(),
        Value::MemoryView(m) => m.to_vec()?,
        _ => match crate::buffer::exported_bytes(source) {
            Some(b) => b?,
            None => from_iterable(vm, source, name, sink)?,
        },
    };
    Ok(Value::Bytes(Rc::new(out)))
}

/// The size an int-like source asks for (`PyNumber_AsSsize_t` with
/// OverflowError).
fn count_of(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let r = match v {
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => v.clone(),
        _ => crate::enumerate::index_int(vm, v)?,
    };
    ops::exact_index(&r).ok_or_else(|| {
        PyErr::overflow(format!(
            "cannot fit '{}' into an index-sized integer",
            type_name(v)
        ))
    })
}

/// The bytes of an iterable of ints (each item's `__index__` included), for
/// the constructor `name`, pushed into `sink` too as they are read. A list
/// is read by position with its length read again at each step, as an
/// item's `__index__` may change it.
fn from_iterable(vm: &mut Vm, v: &Value, name: &str, sink: Sink<'_>) -> PyResult<Vec<u8>> {
    let mut out = Vec::new();
    let mut push = |b: u8| -> PyResult<()> {
        out.push(b);
        if let Some(s) = sink {
            let n = s.borrow().len();
            s.resize(n + 1)?.push(b);
        }
        Ok(())
    };
    match v {
        Value::List(l) => {
            let mut i = 0;
            loop {
                let item = match l.borrow().get(i) {
                    Some(x) => x.clone(),
                    None => break,
                };
                push(byte_of(vm, &item, name)?)?;
                i += 1;
            }
        }
        Value::Tuple(t) => {
            for item in t.iter() {
                push(byte_of(vm, item, name)?)?;
            }
        }
        _ => {
            let it = vm.get_iter(v).map_err(|e| {
                if e.is(ExcKind::TypeError) {
                    PyErr::type_error(format!(
                        "cannot convert '{}' object to {name}",
                        type_name(v)
                    ))
                } else {
                    e
                }
            })?;
            while let Some(item) = vm.iter_next(&it)? {
                push(byte_of(vm, &item, name)?)?;
            }
        }
    }
    Ok(out)
}

/// One item of an iterable source as a byte.
fn byte_of(vm: &mut Vm, it: &Value, name: &str) -> PyResult<u8> {
    let i = match ops::index_of(it) {
        Some(i) => i,
        None if crate::attr::is_heap_object(it) => vm.index_value(it)?,
        None if matches!(it, Value::BigInt(_)) => -1,
        None => {
            return Err(PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                type_name(it)
            )))
        }
    };
    u8::try_from(i).map_err(|_| {
        PyErr::value_error(if name == "bytes" {
            "bytes must be in range(0, 256)"
        } else {
            "byte must be in range(0, 256)"
        })
    })
}

/// `PyObject_Bytes(v)`: a bytes object as is, what `__bytes__` returns, a
/// buffer's bytes, else the bytes of an iterable of ints (never of a str).
pub(crate) fn object_bytes(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Value::Bytes(b) = v {
        return Ok(b.to_vec());
    }
    if let Some(r) = call_dunder_bytes(vm, v)? {
        return crate::buffer::exported_bytes(&r)
            .transpose()?
            .ok_or_else(|| PyErr::system_error("__bytes__ result is not bytes"));
    }
    if let Some(b) = crate::buffer::exported_bytes(v) {
        return b;
    }
    let is_text =
        matches!(v, Value::Str(_)) || matches!(crate::instance::payload_of(v), Some(Value::Str(_)));
    if is_text {
        return Err(PyErr::type_error(format!(
            "cannot convert '{}' object to bytes",
            type_name(v)
        )));
    }
    from_iterable(vm, v, "bytes", None)
}

/// `v.__bytes__()` looked up on its class, if the class has one (`None`
/// there is called too, and fails); its result must be bytes.
pub(crate) fn call_dunder_bytes(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    if !crate::attr::is_heap_object(v) {
        return Ok(None);
    }
    let key = vm.intern("__bytes__");
    let t = type_of(v);
    let Some(f) = crate::class::lookup(&t, &key) else {
        return Ok(None);
    };
    let bound = vm.bind_attr(f, v, &t)?;
    let r = vm.call(&bound, &[])?;
    let is_bytes = matches!(r, Value::Bytes(_))
        || matches!(crate::instance::payload_of(&r), Some(Value::Bytes(_)));
    if !is_bytes {
        return Err(PyErr::type_error(format!(
            "__bytes__ returned non-bytes (type {})",
            type_name(&r)
        )));
    }
    Ok(Some(r))
}

/// The bytes assigned to a bytearray slice (`b[i:j] = v`): a buffer's
/// bytes, or the items of an iterable as `bytearray(v)` reads them; numbers
/// and text are refused first, as `bytearray_ass_subscript` does.
pub(crate) fn bytearray_slice_source(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    let t = type_of(v);
    let number = matches!(
        v,
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) | Value::Float(_) | Value::Complex(_)
    ) || [D::Index, D::Int, D::Float]
        .into_iter()
        .any(|d| crate::class::special(&t, d).is_some());
    let text =
        matches!(v, Value::Str(_)) || matches!(crate::instance::payload_of(v), Some(Value::Str(_)));
    if number || text {
        return Err(PyErr::type_error(
            "can assign only bytes, buffers, or iterables of ints in range(0, 256)",
        ));
    }
    if let Some(b) = crate::buffer::exported_bytes(v) {
        return b;
    }
    from_iterable(vm, v, "bytearray", None)
}
