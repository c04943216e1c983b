//! Arguments of `cmath`: CPython's `PyComplex_AsCComplex` and
//! `PyFloat_AsDouble`, with their messages.

use crate::complex::Complex;
use crate::exc::{PyErr, PyResult};
use crate::instance::payload_of;
use crate::types::type_name;
use crate::value::Value;
use crate::vm::Vm;

/// Calls `v.name()` if `v` has that attribute; `None` when it has not.
fn call_special(vm: &mut Vm, v: &Value, name: &str) -> PyResult<Option<Value>> {
    let n = vm.intern(name);
    match vm.get_attr(v, &n) {
        Ok(f) => vm.call(&f, &[]).map(Some),
        Err(_) => Ok(None),
    }
}

fn not_real(v: &Value) -> PyErr {
    PyErr::type_error(format!("must be real number, not {}", type_name(v)))
}

/// `PyFloat_AsDouble`: a float, an int, or what `__float__`/`__index__` give.
pub(super) fn to_double(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(_) | Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
            crate::ops::to_f64(v)?.ok_or_else(|| not_real(v))
        }
        Value::Instance(_) => {
            if let Some(r) = call_special(vm, v, "__float__")? {
                let inner = payload_of(&r).unwrap_or(&r);
                return match inner {
                    Value::Float(f) => Ok(*f),
                    _ => Err(PyErr::type_error(format!(
                        "{}.__float__ returned non-float (type {})",
                        type_name(v),
                        type_name(&r)
                    ))),
                };
            }
            if let Some(p @ (Value::Float(_) | Value::Int(_) | Value::Bool(_) | Value::BigInt(_))) =
                payload_of(v)
            {
                let p = p.clone();
                return crate::ops::to_f64(&p)?.ok_or_else(|| not_real(v));
            }
            if let Some(r) = call_special(vm, v, "__index__")? {
                let inner = payload_of(&r).unwrap_or(&r).clone();
                return match inner {
                    Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
                        crate::ops::to_f64(&inner)?.ok_or_else(|| not_real(v))
                    }
                    _ => Err(PyErr::type_error(format!(
                        "__index__ returned non-int (type {})",
                        type_name(&r)
                    ))),
                };
            }
            Err(not_real(v))
        }
        _ => Err(not_real(v)),
    }
}

/// `PyComplex_AsCComplex`: a complex, `__complex__`'s result, or a real number.
pub(super) fn to_complex(vm: &mut Vm, v: &Value) -> PyResult<Complex> {
    match v {
        Value::Complex(c) => Ok(**c),
        Value::Instance(_) => {
            if let Some(Value::Complex(c)) = payload_of(v) {
                return Ok(**c);
            }
            if let Some(r) = call_special(vm, v, "__complex__")? {
                return match payload_of(&r).unwrap_or(&r) {
                    Value::Complex(c) => Ok(**c),
                    _ => Err(PyErr::type_error(format!(
                        "__complex__ returned non-complex (type {})",
                        type_name(&r)
                    ))),
                };
            }
            Ok(Complex::new(to_double(vm, v)?, 0.0))
        }
        _ => Ok(Complex::new(to_double(vm, v)?, 0.0)),
    }
}
