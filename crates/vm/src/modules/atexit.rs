//! `atexit` (`Modules/atexitmodule.c`): functions registered to run when the
//! interpreter exits, last registered first. `logging` registers its
//! `shutdown`; the embedder runs them with [`run_exitfuncs`].

use std::cell::RefCell;

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::value::Value;
use crate::vm::Vm;

use super::{module_functions, new_module};

/// A registered call: the function, its positional and keyword arguments.
struct Callback {
    func: Value,
    args: Vec<Value>,
    kwnames: Vec<Value>,
    kwvals: Vec<Value>,
}

thread_local! {
    static CALLBACKS: RefCell<Vec<Callback>> = const { RefCell::new(Vec::new()) };
}

module_functions!(ATEXIT_FUNCTIONS, "atexit", [
    "register" => register, "unregister" => unregister, "_clear" => clear,
    "_run_exitfuncs" => run_exitfuncs_fn, "_ncallbacks" => ncallbacks,
]);

/// Builds the `atexit` module.
pub fn init(_vm: &mut Vm) -> Value {
    new_module("atexit", ATEXIT_FUNCTIONS, Vec::new())
}

fn register(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let Some(func) = a.pos.first().cloned() else {
        return Err(PyErr::type_error(
            "register() takes at least 1 argument (0 given)",
        ));
    };
    if !crate::native::is_callable(&func) {
        return Err(PyErr::type_error("the first argument must be callable"));
    }
    CALLBACKS.with(|c| {
        c.borrow_mut().push(Callback {
            func: func.clone(),
            args: a.pos[1..].to_vec(),
            kwnames: a.kwnames.to_vec(),
            kwvals: a.kwvals.to_vec(),
        });
    });
    Ok(func)
}

fn unregister(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    crate::native::positional(&a, "unregister", 1, 1)?;
    let target = a.pos[0].clone();
    let funcs: Vec<Value> =
        CALLBACKS.with(|c| c.borrow().iter().map(|cb| cb.func.clone()).collect());
    let mut keep = Vec::with_capacity(funcs.len());
    for f in &funcs {
        keep.push(!vm.eq_values(f, &target)?);
    }
    CALLBACKS.with(|c| {
        let mut c = c.borrow_mut();
        let mut it = keep.iter();
        c.retain(|_| it.next().copied().unwrap_or(true));
    });
    Ok(Value::None)
}

fn clear(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    crate::native::positional(&a, "_clear", 0, 0)?;
    CALLBACKS.with(|c| c.borrow_mut().clear());
    Ok(Value::None)
}

fn ncallbacks(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    crate::native::positional(&a, "_ncallbacks", 0, 0)?;
    Ok(Value::Int(CALLBACKS.with(|c| c.borrow().len()) as i64))
}

fn run_exitfuncs_fn(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    crate::native::positional(&a, "_run_exitfuncs", 0, 0)?;
    run_exitfuncs(vm);
    Ok(Value::None)
}

/// Runs and forgets the registered functions, last first; an exception is
/// reported as CPython's `atexit_callfuncs` does and the next one runs.
pub fn run_exitfuncs(vm: &mut Vm) {
    let callbacks = CALLBACKS.with(|c| std::mem::take(&mut *c.borrow_mut()));
    for cb in callbacks.into_iter().rev() {
        if let Err(e) = vm.call_with_kw(&cb.func, &cb.args, &cb.kwnames, &cb.kwvals) {
            vm.write_unraisable("in atexit callback", &cb.func, &e);
        }
    }
}
