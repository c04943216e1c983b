//! `_typing`: CPython's `Modules/_typingmodule.c`, the accelerator that
//! `typing` imports for `NewType.__call__`.

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::value::Value;
use crate::vm::Vm;

use super::new_module;

super::module_functions!(TYPING_FUNCTIONS, "_typing", ["_idfunc" => idfunc]);

/// Builds the `_typing` module.
pub fn init(_vm: &mut Vm) -> Value {
    new_module("_typing", TYPING_FUNCTIONS, Vec::new())
}

/// `_idfunc(x)`: `x` itself. A builtin function does not bind, so as a
/// class's `__call__` it receives only the call's argument.
fn idfunc(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    a.no_kw("_typing._idfunc")?;
    match a.pos {
        [x] => Ok(x.clone()),
        other => Err(PyErr::type_error(format!(
            "_typing._idfunc() takes exactly one argument ({} given)",
            other.len()
        ))),
    }
}
