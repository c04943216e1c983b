//! `_thread`: CPython's `Modules/_threadmodule.c` over green threads. Every
//! Python thread runs on the VM's one OS thread; a thread runs until it blocks
//! (a lock, `time.sleep`, a `join`) or its switch interval ends, and then
//! another runnable one takes over (`sched.rs` chooses, `switch.rs` swaps the
//! VM's per-thread state). Locks live in `lock.rs`.
//!
//! A thread blocked with every other thread blocked for good would wait
//! forever in CPython; here its blocking call raises `RuntimeError` instead.

pub(crate) mod fd_wait;
pub(crate) mod local;
pub(crate) mod lock;
pub(crate) mod sched;
pub(crate) mod switch;

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::native::{class_of, positional, ClassSpec};
use crate::types::{builtin_type, ExcKind, TypeKind};
use crate::value::Value;
use crate::vm::Vm;

use super::new_module;
use sched::{Home, Start, Thread};

/// `_thread.TIMEOUT_MAX`.
pub(crate) const TIMEOUT_MAX: f64 = 9223372036.0;

/// The main thread's identifier once set: at first use, and again in a
/// forked child, whose forking thread becomes its main thread.
static MAIN_IDENT: std::sync::atomic::AtomicI64 = std::sync::atomic::AtomicI64::new(0);

/// The main thread's identifier.
pub(crate) fn main_ident() -> i64 {
    use std::sync::atomic::Ordering::Relaxed;
    match MAIN_IDENT.load(Relaxed) {
        0 => {
            // Any stable positive number will do; CPython's is a pthread_t.
            let ident = i64::from(std::process::id()) * 4096 + 0x7f00_0000_0000;
            MAIN_IDENT.store(ident, Relaxed);
            ident
        }
        ident => ident,
    }
}

impl Vm {
    /// In the child of `os.fork()`: only the forking thread goes on, as only
    /// it exists in the child process, and it is the child's main thread
    /// (signal handlers run on it, `signal.signal` works there). The other
    /// threads' `threading.Thread` objects are marked stopped by
    /// `threading`'s own after-fork hook.
    pub(crate) fn after_fork_child(&mut self) {
        let cur = self.sched.current;
        let me = self.sched.ident();
        let gone: Vec<i64> = (self.sched.threads.iter())
            .map(|t| t.ident)
            .filter(|&ident| ident != me)
            .collect();
        let mut i = 0;
        self.sched.threads.retain(|_| {
            i += 1;
            i - 1 == cur
        });
        self.sched.current = 0;
        // States of threads that waited under Rust frames: those frames are
        // never returned to (the child's code ends in `os._exit` or exits).
        self.sched.held.retain(|(ident, _)| *ident == me);
        for ident in gone {
            self.forget_locals(ident);
        }
        MAIN_IDENT.store(me, std::sync::atomic::Ordering::Relaxed);
        self.sync_locals();
        self.disarm_preemption();
    }
}

super::module_functions!(THREAD_FUNCTIONS, "_thread", [
    "allocate_lock" => lock::allocate_lock, "allocate" => lock::allocate_lock,
    "get_ident" => get_ident, "get_native_id" => get_native_id, "_count" => count,
    "stack_size" => stack_size, "start_new_thread" => start_new_thread,
    "start_new" => start_new_thread, "_set_sentinel" => set_sentinel,
    "interrupt_main" => interrupt_main, "exit" => exit, "exit_thread" => exit,
    "daemon_threads_allowed" => daemon_threads_allowed,
]);

/// Builds the `_thread` module.
pub fn init(vm: &mut Vm) -> Value {
    let lock = Value::Type(class_of(vm, &lock::LOCK));
    let rlock: &'static ClassSpec = &lock::RLOCK;
    new_module(
        "_thread",
        THREAD_FUNCTIONS,
        vec![
            ("LockType", lock.clone()),
            ("lock", lock),
            ("RLock", Value::Type(class_of(vm, rlock))),
            ("_local", Value::Type(class_of(vm, &local::LOCAL))),
            (
                "error",
                Value::Type(builtin_type(TypeKind::Exception(ExcKind::RuntimeError))),
            ),
            ("TIMEOUT_MAX", Value::Float(TIMEOUT_MAX)),
        ],
    )
}

fn get_ident(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    positional(&a, "get_ident", 0, 0)?;
    Ok(Value::Int(vm.sched.ident()))
}

fn get_native_id(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    positional(&a, "get_native_id", 0, 0)?;
    // The process id for the main thread, distinct small numbers after it.
    let pid = i64::from(std::process::id());
    Ok(Value::Int(
        pid + (vm.sched.ident() - main_ident()) / 0x1_0000,
    ))
}

fn count(vm: &mut Vm, _a: Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(vm.sched.threads.len() as i64 - 1))
}

/// `stack_size([size])`: sets the size new threads get (0, the default,
/// when omitted), checked as CPython's pthread build checks it (0, or at
/// least 32 KiB), and returns the previous one. Pith's threads share
/// the VM's one OS thread, so the size is recorded and reported only.
fn stack_size(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "stack_size", 0, 1)?;
    // As CPython's: no argument sets the default (0) too.
    let size = match args.first() {
        Some(v) => vm.index_value(v)?,
        None => 0,
    };
    if size < 0 {
        return Err(PyErr::value_error("size must be 0 or a positive value"));
    }
    if size != 0 && size < 0x8000 {
        return Err(PyErr::value_error(format!("size not valid: {size} bytes")));
    }
    let old = std::mem::replace(&mut vm.sched.stack_size, size);
    Ok(Value::Int(old))
}

fn daemon_threads_allowed(_vm: &mut Vm, _a: Args<'_>) -> PyResult<Value> {
    Ok(Value::Bool(true))
}

/// `start_new_thread(function, args, kwargs=None)`: records the thread; it
/// first runs when the running thread blocks or its interval ends.
fn start_new_thread(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    a.no_kw("start_new_thread")?;
    if a.pos.len() < 2 || a.pos.len() > 3 {
        return Err(PyErr::type_error(format!(
            "start_new_thread expected at least 2 arguments, got {}",
            a.pos.len()
        )));
    }
    let func = a.pos[0].clone();
    if !crate::native::is_callable(&func) {
        return Err(PyErr::type_error("first arg must be callable"));
    }
    let Value::Tuple(args) = &a.pos[1] else {
        return Err(PyErr::type_error("2nd arg must be a tuple"));
    };
    let (mut kwnames, mut kwvals) = (Vec::new(), Vec::new());
    match a.pos.get(2) {
        None => {}
        Some(Value::Dict(d)) => {
            for (k, v) in d.borrow().iter() {
                kwnames.push(k.clone());
                kwvals.push(v.clone());
            }
        }
        Some(_) => return Err(PyErr::type_error("optional 3rd arg must be a dictionary")),
    }
    let ident = vm.sched.new_ident();
    let mut t = Thread::new(ident, Home::Any);
    t.func = func.clone();
    t.start = Some(Start {
        func,
        args: args.to_vec(),
        kwnames,
        kwvals,
    });
    vm.sched.threads.push(t);
    vm.arm_preemption();
    Ok(Value::Int(ident))
}

/// `_set_sentinel()`: a lock released when the calling thread ends
/// (`threading` joins threads by waiting for it).
fn set_sentinel(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let lock = lock::allocate_lock(vm, a)?;
    let cur = vm.sched.current;
    if let Some(t) = vm.sched.threads.get_mut(cur) {
        t.sentinel = Some(lock.clone());
    }
    Ok(lock)
}

/// `interrupt_main(signum=SIGINT)`: as if the signal arrived, without the
/// OS: its Python handler runs (for SIGINT, `KeyboardInterrupt` by
/// default); nothing happens when it is ignored or left to the default.
fn interrupt_main(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let b = crate::native::bind_args(&a, "interrupt_main", &["signum"], 0)?;
    let signum = match b[0] {
        Some(v) => vm.index_value(v)?,
        None => 2,
    };
    super::signal::simulate(vm, signum)?;
    // CPython's eval breaker runs it as the call returns.
    vm.check_signals()?;
    Ok(Value::None)
}

fn exit(_vm: &mut Vm, _a: Args<'_>) -> PyResult<Value> {
    Err(PyErr::with_args(ExcKind::SystemExit, Vec::new()))
}
