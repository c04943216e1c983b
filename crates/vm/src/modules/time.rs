//! `time`: CPython's `Modules/timemodule.c`.

use crate::value::Value;
use crate::vm::Vm;

use super::new_module;

/// Builds the `time` module.
pub fn init(_vm: &mut Vm) -> Value {
    new_module("time", &[], vec![])
}
