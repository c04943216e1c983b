//! Methods of `int` (and `bool`).

use crate::exc::PyResult;
use crate::func::{Args, BuiltinDef};
use crate::ops::{self};
use crate::value::Value;
use crate::vm::Vm;

method_table!(pub(super) INT_METHODS, "int", ["bit_length" => int_bit_length, "conjugate" => int_conjugate]);

// ---- numbers ----

fn int_bit_length(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let n = ops::to_bigint(&a.pos[0]).unwrap_or_default();
    Ok(Value::Int(n.bits() as i64))
}

fn int_conjugate(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    ops::unary('+', &a.pos[0])
}
