//! `_warnings`, reduced to what `importlib._bootstrap` and
//! `_bootstrap_external` import: `warn` and `warn_explicit`, which hand over
//! to the pure-Python `warnings` module. It has no `filters`, so `warnings`
//! itself still falls back to its Python implementation (its
//! `from _warnings import filters, ...` fails with ImportError).

use crate::exc::PyResult;
use crate::func::Args;
use crate::value::Value;
use crate::vm::Vm;

use super::new_module;

super::module_functions!(FUNCTIONS, "_warnings", [
    "warn" => warn,
    "warn_explicit" => warn_explicit,
]);

/// Builds `_warnings`.
pub fn init(_vm: &mut Vm) -> Value {
    new_module("_warnings", FUNCTIONS, Vec::new())
}

/// Calls `warnings.NAME` with the same arguments. A native call adds no
/// Python frame, so `stacklevel` counts from the same caller as in CPython.
fn forward(vm: &mut Vm, name: &str, a: Args<'_>) -> PyResult<Value> {
    let module = vm.import_dotted("warnings")?;
    let key = vm.intern(name);
    let f = vm.get_attr(&module, &key)?;
    vm.call_with_kw(&f, a.pos, a.kwnames, a.kwvals)
}

fn warn(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    forward(vm, "warn", a)
}

fn warn_explicit(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    forward(vm, "warn_explicit", a)
}
