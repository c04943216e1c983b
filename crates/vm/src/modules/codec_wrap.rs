//! What the codec registry adds around a codec written in Python (CPython's
//! `Python/codecs.c`): the refusal of non-text codecs by `str.encode` and
//! `bytes.decode` (`_is_text_encoding`), and the wrapping of an exception a
//! codec raised into one that names the codec (`_PyErr_TrySetFromCause`).

use std::rc::Rc;

use crate::exc::{ExcObj, PyErr, PyResult};
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::Vm;

/// `_PyCodec_LookupTextEncoding`'s check of a `CodecInfo`: a codec that says
/// `_is_text_encoding = False` (base64, rot13, ...) is a LookupError for the
/// text methods. `command` is what to use instead (`codecs.encode()`).
pub(crate) fn check_text_encoding(
    vm: &mut Vm,
    info: &Value,
    encoding: &str,
    command: &str,
) -> PyResult<()> {
    // A plain 4-tuple from a search function has no attribute to check.
    if !matches!(info, Value::Instance(_)) {
        return Ok(());
    }
    let key = vm.intern("_is_text_encoding");
    let flag = match vm.get_attr(info, &key) {
        Ok(v) => v,
        Err(e) if e.0.is_instance(ExcKind::AttributeError) => return Ok(()),
        Err(e) => return Err(e),
    };
    if vm.truthy(&flag)? {
        return Ok(());
    }
    Err(PyErr::new(
        ExcKind::LookupError,
        format!("'{encoding}' is not a text encoding; use {command} to handle arbitrary codecs"),
    ))
}

/// The builtin exception families whose CPython type has its own `__init__`,
/// `__new__` or instance layout: their exceptions carry more than a message
/// and are never rebuilt.
const NOT_WRAPPED: &[ExcKind] = &[
    ExcKind::StopIteration,
    ExcKind::SystemExit,
    ExcKind::ImportError,
    ExcKind::OSError,
    ExcKind::NameError,
    ExcKind::AttributeError,
    ExcKind::SyntaxError,
    ExcKind::UnicodeEncodeError,
    ExcKind::UnicodeDecodeError,
    ExcKind::UnicodeTranslateError,
    ExcKind::BaseExceptionGroup,
];

/// `e`, raised by a codec while `operation` ("encoding", "decoding") with
/// `encoding`, as CPython's `wrap_codec_error` leaves it: an exception of the
/// same class saying "encoding with 'hex' codec failed (Error: ...)" whose
/// `__cause__` is `e`, when the class holds nothing but its message (no
/// `__init__`/`__new__` of its own, no `__slots__`, at most one str
/// argument, an empty `__dict__`); else `e` unchanged.
pub(crate) fn wrap_codec_error(vm: &mut Vm, e: PyErr, operation: &str, encoding: &str) -> PyErr {
    if !wrappable(&e.0) {
        return e;
    }
    let text = match vm.str_of(&e.value()) {
        Ok(t) => t,
        Err(_) => return e,
    };
    let type_name = crate::native::short_name(&e.0.typ).to_string();
    let msg = format!("{operation} with '{encoding}' codec failed ({type_name}: {text})");
    let new = ExcObj::new(e.0.typ.clone(), vec![Value::string(msg)]);
    *new.cause.borrow_mut() = Some(e.0.clone());
    new.suppress_context.set(true);
    PyErr(Rc::new(new))
}

/// The conditions of `_PyErr_TrySetFromCause` for rebuilding `exc`.
fn wrappable(exc: &ExcObj) -> bool {
    if NOT_WRAPPED.iter().any(|k| exc.is_instance(*k)) {
        return false;
    }
    let args = exc.args.borrow().clone();
    match args.as_slice() {
        [] => {}
        // An exact str, not a subclass.
        [Value::Str(_)] => {}
        _ => return false,
    }
    if exc
        .dict
        .borrow()
        .as_ref()
        .is_some_and(|d| !d.borrow().is_empty())
    {
        return false;
    }
    // Python classes between it and its builtin base: none may define
    // `__init__` or `__new__`, or add slots (a larger instance).
    let Some(heap) = &exc.typ.heap else {
        return true;
    };
    let mro = heap.mro.borrow().clone();
    for t in std::iter::once(&exc.typ).chain(mro.iter()) {
        let Some(h) = &t.heap else { continue };
        let d = h.dict.borrow();
        if d.get(&Value::str("__init__")).ok().flatten().is_some()
            || d.get(&Value::str("__new__")).ok().flatten().is_some()
        {
            return false;
        }
        match d.get(&Value::str("__slots__")).ok().flatten() {
            None => {}
            Some(Value::Tuple(s)) if s.is_empty() => {}
            Some(Value::List(s)) if s.borrow().is_empty() => {}
            Some(_) => return false,
        }
    }
    true
}
