//! `gc`: CPython's `Modules/gcmodule.c` (the Python-facing API of the collector).

use crate::value::Value;
use crate::vm::Vm;

use super::new_module;

/// Builds the `gc` module.
pub fn init(_vm: &mut Vm) -> Value {
    new_module("gc", &[], vec![])
}
