//! Conversions of Python ints to C integer types, with the messages of
//! CPython's `_PyLong_AsInt` and `PyLong_AsLong` (the argument clinic's `i`
//! and `l` converters), shared by the small libc-backed modules.

use crate::exc::{PyErr, PyResult};
use crate::value::Value;
use crate::vm::Vm;

/// An int (or `__index__`) that must fit a C `long`.
pub(crate) fn as_c_long(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if matches!(v, Value::BigInt(_)) {
        return Err(PyErr::overflow("Python int too large to convert to C long"));
    }
    match vm.index_value(v) {
        Err(e) if e.is(crate::types::ExcKind::OverflowError) => {
            Err(PyErr::overflow("Python int too large to convert to C long"))
        }
        r => r,
    }
}

/// An int (or `__index__`) that must fit a C `int`.
pub(crate) fn as_c_int(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let n = as_c_long(vm, v).map_err(|e| {
        if e.is(crate::types::ExcKind::OverflowError) {
            PyErr::overflow("Python int too large to convert to C int")
        } else {
            e
        }
    })?;
    i32::try_from(n).map_err(|_| PyErr::overflow("Python int too large to convert to C int"))
}

/// An int (or `__index__`) for an `i` argument of `PyArg_Parse`: a C `int`,
/// with that format's range messages.
pub(crate) fn arg_c_int(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let n = vm.index_value(v)?;
    i32::try_from(n).map_err(|_| {
        PyErr::overflow(if n < 0 {
            "signed integer is less than minimum"
        } else {
            "signed integer is greater than maximum"
        })
    })
}
