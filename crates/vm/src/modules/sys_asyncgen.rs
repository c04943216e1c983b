//! `sys.get_asyncgen_hooks`, `sys.set_asyncgen_hooks` and
//! `sys.is_finalizing`, which `asyncio`'s event loop calls around every run,
//! and the coroutine origin tracking depth its debug mode sets.
//!
//! The hooks are recorded and reported as CPython does; the VM does not call
//! them yet (an async generator left unfinished is closed by the VM's own
//! finalizer instead of by the loop's `aclose` task).

use std::cell::{Cell, RefCell};

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::native::{bind_args, is_callable, positional};
use crate::types::type_name;
use crate::value::Value;
use crate::vm::Vm;

use super::structseq::{self, StructSeqType};

thread_local! {
    /// `(firstiter, finalizer)`, `None` when unset.
    static HOOKS: RefCell<(Value, Value)> = const { RefCell::new((Value::None, Value::None)) };
    /// How many frames a new coroutine records as its `cr_origin`; per
    /// thread, as CPython's thread state keeps it.
    static ORIGIN_DEPTH: Cell<u32> = const { Cell::new(0) };
}

/// How many frames a coroutine created now records as its origin (0: none).
pub(crate) fn origin_depth() -> u32 {
    ORIGIN_DEPTH.with(Cell::get)
}

/// `sys.get_coroutine_origin_tracking_depth()`.
pub(super) fn get_origin_depth(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    positional(&a, "get_coroutine_origin_tracking_depth", 0, 0)?;
    Ok(Value::Int(i64::from(origin_depth())))
}

/// `sys.set_coroutine_origin_tracking_depth(depth)`.
pub(super) fn set_origin_depth(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let b = bind_args(&a, "set_coroutine_origin_tracking_depth", &["depth"], 1)?;
    let depth = super::cint::as_c_int(vm, b[0].unwrap_or(&Value::None))?;
    let depth = u32::try_from(depth).map_err(|_| PyErr::value_error("depth must be >= 0"))?;
    ORIGIN_DEPTH.with(|d| d.set(depth));
    Ok(Value::None)
}

static ASYNCGEN_HOOKS: StructSeqType = StructSeqType {
    name: "asyncgen_hooks",
    fields: &["firstiter", "finalizer"],
    n_in_sequence: 2,
    constructible: false,
    fill: None,
};

/// `sys.get_asyncgen_hooks()`: `asyncgen_hooks(firstiter, finalizer)`.
pub(super) fn get_asyncgen_hooks(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    positional(&a, "get_asyncgen_hooks", 0, 0)?;
    let (first, fin) = HOOKS.with(|h| h.borrow().clone());
    Ok(structseq::new(vm, &ASYNCGEN_HOOKS, vec![first, fin]))
}

/// `sys.set_asyncgen_hooks(firstiter=..., finalizer=...)`: an omitted
/// argument keeps its hook, `None` clears it.
pub(super) fn set_asyncgen_hooks(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let b = bind_args(&a, "set_asyncgen_hooks", &["firstiter", "finalizer"], 0)?;
    for (v, what) in [(b[0], "firstiter"), (b[1], "finalizer")] {
        if let Some(v) = v {
            if !matches!(v, Value::None) && !is_callable(v) {
                return Err(PyErr::type_error(format!(
                    "callable {what} expected, got {}",
                    type_name(v)
                )));
            }
        }
    }
    HOOKS.with(|h| {
        let mut h = h.borrow_mut();
        if let Some(v) = b[0] {
            h.0 = v.clone();
        }
        if let Some(v) = b[1] {
            h.1 = v.clone();
        }
    });
    Ok(Value::None)
}

/// `sys.is_finalizing()`: true once the `atexit` handlers have run and
/// the interpreter tears down (a `__del__` of a module global sees it).
pub(super) fn is_finalizing(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    positional(&a, "is_finalizing", 0, 0)?;
    Ok(Value::Bool(vm.finalizing != crate::vm::Finalizing::No))
}
