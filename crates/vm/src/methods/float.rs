//! Methods of `float`.

use crate::exc::PyResult;
use crate::func::{Args, BuiltinDef};
use crate::value::Value;
use crate::vm::Vm;

use super::*;

method_table!(pub(super) FLOAT_METHODS, "float", ["is_integer" => float_is_integer]);

fn float_is_integer(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    match a.pos.first() {
        Some(Value::Float(f)) => Ok(Value::Bool(f.is_finite() && f.fract() == 0.0)),
        other => Err(descriptor_error("is_integer", "float", other)),
    }
}
