//! `operator.length_hint` (CPython's `PyObject_LengthHint`) and the
//! `__length_hint__` method of the builtin iterators it consults.

use num_traits::Signed;

use crate::exc::{PyErr, PyResult};
use crate::func::{Args, BuiltinDef};
use crate::iter::LengthHint;
use crate::types::{type_name, ExcKind};
use crate::value::Value;
use crate::vm::Vm;

/// `_operator.length_hint`, which `operator.py` star-imports over its own.
pub(crate) static LENGTH_HINT: BuiltinDef = BuiltinDef {
    name: "length_hint",
    func: length_hint,
    owner: "_operator",
    is_method: false,
};

/// `__length_hint__` of the builtin iterators that have one.
pub(crate) static ITER_LENGTH_HINT: BuiltinDef = BuiltinDef {
    name: "__length_hint__",
    func: iter_length_hint,
    owner: "iterator",
    is_method: true,
};

/// Whether `v` is a builtin iterator whose type has `__length_hint__`.
pub(crate) fn has_hint_method(v: &Value) -> bool {
    match v {
        Value::Iter(it) => it
            .try_borrow()
            .is_ok_and(|it| it.length_hint() != LengthHint::NoMethod),
        _ => false,
    }
}

/// A builtin iterator's hint: `None` when its type has no method, or the
/// `__getitem__` iterator's object has no length (CPython's
/// `NotImplemented`).
fn builtin_hint(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let Value::Iter(it) = v else {
        return Ok(None);
    };
    let (hint, obj) = match it.try_borrow() {
        Ok(b) => {
            let obj = match b.core() {
                crate::iter::IterObj::LongRange(it) => {
                    return Ok(Some(Value::from_bigint(it.left())));
                }
                crate::iter::IterObj::SeqIndex { obj, .. }
                | crate::iter::IterObj::SeqReversed { obj, .. } => Some(obj.clone()),
                _ => None,
            };
            (b.length_hint(), obj)
        }
        Err(_) => return Ok(None),
    };
    match hint {
        LengthHint::NoMethod | LengthHint::LongRange => Ok(None),
        LengthHint::Items(n) => Ok(Some(Value::Int(n as i64))),
        LengthHint::ReversedFromLen { position } => {
            let Some(obj) = obj else { return Ok(None) };
            let n = vm.len_of(&obj)? as i64;
            Ok(Some(Value::Int(if n < position { 0 } else { position })))
        }
        LengthHint::FromLen { index } => {
            let Some(obj) = obj else { return Ok(None) };
            match vm.len_of(&obj) {
                Ok(n) => Ok(Some(Value::Int((n as i64 - index).max(0)))),
                Err(e) if e.is(ExcKind::TypeError) => Ok(Some(Value::NotImplemented)),
                Err(e) => Err(e),
            }
        }
    }
}

pub(crate) fn iter_length_hint(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let recv = a
        .pos
        .first()
        .ok_or_else(|| PyErr::type_error("__length_hint__ needs an argument"))?;
    crate::native::positional(&crate::native::rest(&a), "__length_hint__", 0, 0)?;
    Ok(builtin_hint(vm, recv)?.unwrap_or(Value::Int(0)))
}

/// `length_hint(obj, default=0, /)`: `len(obj)` when it has one, else its
/// `__length_hint__()` checked as CPython checks it, else `default`.
fn length_hint(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    if !a.kwnames.is_empty() {
        return Err(PyErr::type_error(
            "_operator.length_hint() takes no keyword arguments",
        ));
    }
    let args = crate::native::positional(&a, "length_hint", 1, 2)?;
    let default = match args.get(1) {
        Some(v @ (Value::Int(_) | Value::BigInt(_))) => v.clone(),
        Some(v) => {
            return Err(PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                type_name(v)
            )))
        }
        None => Value::Int(0),
    };
    object_length_hint(vm, &args[0], default)
}

/// CPython's `PyObject_LengthHint(obj, default)`: `len(obj)` when it has a
/// length (an error other than `TypeError` propagates), else its
/// `__length_hint__()` checked, else `default`.
pub(crate) fn object_length_hint(vm: &mut Vm, obj: &Value, default: Value) -> PyResult<Value> {
    match vm.len_of(obj) {
        Ok(n) => return Ok(Value::Int(n as i64)),
        Err(e) if e.is(ExcKind::TypeError) => {}
        Err(e) => return Err(e),
    }
    let hint = match obj {
        Value::Iter(_) => builtin_hint(vm, obj)?,
        Value::Instance(_) => {
            let name = vm.intern("__length_hint__");
            let t = crate::types::type_of(obj);
            match vm.get_attr(&Value::Type(t), &name) {
                // A `TypeError` from the method means "no hint", as
                // `repeat(x).__length_hint__()` raises for an endless repeat.
                Ok(f) => match vm.call(&f, std::slice::from_ref(obj)) {
                    Ok(v) => Some(v),
                    Err(e) if e.is(ExcKind::TypeError) => None,
                    Err(e) => return Err(e),
                },
                Err(e) if e.is(ExcKind::AttributeError) => None,
                Err(e) => return Err(e),
            }
        }
        _ => None,
    };
    let Some(hint) = hint else {
        return Ok(default);
    };
    match &hint {
        Value::NotImplemented => Ok(default),
        Value::Int(n) if *n < 0 => Err(PyErr::value_error("__length_hint__() should return >= 0")),
        Value::Bool(b) => Ok(Value::Int(i64::from(*b))),
        Value::Int(_) => Ok(hint),
        Value::BigInt(n) if n.is_negative() => {
            Err(PyErr::value_error("__length_hint__() should return >= 0"))
        }
        Value::BigInt(_) => Err(PyErr::overflow(
            "Python int too large to convert to C ssize_t",
        )),
        other => Err(PyErr::type_error(format!(
            "__length_hint__ must be an integer, not {}",
            type_name(other)
        ))),
    }
}
