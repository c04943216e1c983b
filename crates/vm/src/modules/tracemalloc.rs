//! `_tracemalloc`: the state half of CPython's `Modules/_tracemalloc.c`.
//!
//! `start`, `stop`, `is_tracing` and the traceback limit behave as
//! CPython's, with its argument checks. Pith's objects are not allocated
//! through a hook this module could watch, so no allocation is ever traced:
//! the traced sizes are 0, the trace list is empty and no object has an
//! allocation traceback. `tracemalloc.py` runs on this unchanged (its
//! snapshots are simply empty).

use std::cell::Cell;

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::value::Value;
use crate::vm::Vm;

use super::pwd::{no_args, one_arg};
use super::{module_functions, new_module};

module_functions!(TRACEMALLOC_FUNCTIONS, "_tracemalloc", [
    "is_tracing" => is_tracing, "start" => start, "stop" => stop,
    "get_traceback_limit" => get_traceback_limit,
    "get_traced_memory" => get_traced_memory, "reset_peak" => reset_peak,
    "clear_traces" => clear_traces, "get_tracemalloc_memory" => get_tracemalloc_memory,
    "_get_traces" => get_traces, "_get_object_traceback" => get_object_traceback,
]);

/// The most frames a trace may keep (CPython's `MAX_NFRAME`).
const MAX_NFRAME: i64 = 65535;

thread_local! {
    static TRACING: Cell<bool> = const { Cell::new(false) };
    static LIMIT: Cell<i64> = const { Cell::new(1) };
}

/// Builds the `_tracemalloc` module.
pub fn init(_vm: &mut Vm) -> Value {
    new_module("_tracemalloc", TRACEMALLOC_FUNCTIONS, Vec::new())
}

fn is_tracing(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    no_args(&a, "_tracemalloc.is_tracing")?;
    Ok(Value::Bool(TRACING.with(Cell::get)))
}

/// `start(nframe=1, /)`.
fn start(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    if !a.kwnames.is_empty() {
        return Err(PyErr::type_error(
            "_tracemalloc.start() takes no keyword arguments",
        ));
    }
    let args = crate::native::positional(&a, "start", 0, 1)?;
    let n = match args.first() {
        Some(v) => super::cint::as_c_int(vm, v)?.into(),
        None => 1,
    };
    if !(1..=MAX_NFRAME).contains(&n) {
        return Err(PyErr::value_error(format!(
            "the number of frames must be in range [1; {MAX_NFRAME}]"
        )));
    }
    LIMIT.with(|l| l.set(n));
    TRACING.with(|t| t.set(true));
    Ok(Value::None)
}

fn stop(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    no_args(&a, "_tracemalloc.stop")?;
    TRACING.with(|t| t.set(false));
    Ok(Value::None)
}

fn get_traceback_limit(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    no_args(&a, "_tracemalloc.get_traceback_limit")?;
    Ok(Value::Int(LIMIT.with(Cell::get)))
}

/// `(current, peak)` of the traced blocks: none are traced (module doc).
fn get_traced_memory(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    no_args(&a, "_tracemalloc.get_traced_memory")?;
    Ok(Value::tuple(vec![Value::Int(0), Value::Int(0)]))
}

fn reset_peak(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    no_args(&a, "_tracemalloc.reset_peak")?;
    Ok(Value::None)
}

fn clear_traces(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    no_args(&a, "_tracemalloc.clear_traces")?;
    Ok(Value::None)
}

/// The memory the tracer itself uses: it keeps no tables.
fn get_tracemalloc_memory(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    no_args(&a, "_tracemalloc.get_tracemalloc_memory")?;
    Ok(Value::Int(0))
}

fn get_traces(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    no_args(&a, "_tracemalloc._get_traces")?;
    Ok(Value::list(Vec::new()))
}

fn get_object_traceback(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    one_arg(&a, "_tracemalloc._get_object_traceback")?;
    Ok(Value::None)
}
