//! Methods of `complex`.

use crate::exc::PyResult;
use crate::func::{Args, BuiltinDef};
use crate::value::Value;
use crate::vm::Vm;

use super::*;

method_table!(pub(super) COMPLEX_METHODS, "complex", [
    "conjugate" => complex_conjugate, "__getnewargs__" => crate::reduce::getnewargs,
    "__complex__" => complex_complex,
]);

/// `complex.__complex__()`: the value as an exact complex.
fn complex_complex(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let c = match a.pos.first() {
        Some(Value::Complex(c)) => c,
        other => match other.and_then(crate::instance::payload_of) {
            Some(Value::Complex(c)) => c,
            _ => return Err(descriptor_error("__complex__", "complex", a.pos.first())),
        },
    };
    noargs(&a, "complex", "__complex__")?;
    Ok(Value::Complex(c.clone()))
}

fn complex_conjugate(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let Some(Value::Complex(c)) = a.pos.first() else {
        return Err(descriptor_error("conjugate", "complex", a.pos.first()));
    };
    noargs(&a, "complex", "conjugate")?;
    Ok(crate::complex::Complex::new(c.re, -c.im).value())
}
