//! `_signal`: CPython's `Modules/signalmodule.c`, as far as a VM without
//! `unsafe` can go. The constants, `signal()`/`getsignal()` bookkeeping
//! (with CPython's checks and messages), `default_int_handler`,
//! `valid_signals` and `strsignal` are complete, so `signal` and
//! `subprocess` import. Handlers are recorded, not installed in the OS:
//! installing a C signal handler needs `libc::sigaction`, so no signal is
//! ever delivered to a Python handler. Functions that only exist to deliver
//! or wait for signals (`alarm`, `pause`, `setitimer`, `raise_signal`,
//! `pthread_sigmask`, ...) are left out rather than faked.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use crate::dict::Dict;
use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::native::{is_callable, positional};
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::Vm;

use super::new_module;

/// `NSIG` on Linux: signals are 1..=64.
const NSIG: i64 = 65;

/// Linux x86-64 signal numbers, as `_signal` exports them.
const CONSTANTS: &[(&str, i64)] = &[
    ("SIGHUP", 1),
    ("SIGINT", 2),
    ("SIGQUIT", 3),
    ("SIGILL", 4),
    ("SIGTRAP", 5),
    ("SIGABRT", 6),
    ("SIGIOT", 6),
    ("SIGBUS", 7),
    ("SIGFPE", 8),
    ("SIGKILL", 9),
    ("SIGUSR1", 10),
    ("SIGSEGV", 11),
    ("SIGUSR2", 12),
    ("SIGPIPE", 13),
    ("SIGALRM", 14),
    ("SIGTERM", 15),
    ("SIGSTKFLT", 16),
    ("SIGCHLD", 17),
    ("SIGCLD", 17),
    ("SIGCONT", 18),
    ("SIGSTOP", 19),
    ("SIGTSTP", 20),
    ("SIGTTIN", 21),
    ("SIGTTOU", 22),
    ("SIGURG", 23),
    ("SIGXCPU", 24),
    ("SIGXFSZ", 25),
    ("SIGVTALRM", 26),
    ("SIGPROF", 27),
    ("SIGWINCH", 28),
    ("SIGIO", 29),
    ("SIGPOLL", 29),
    ("SIGPWR", 30),
    ("SIGSYS", 31),
    ("SIGRTMIN", 34),
    ("SIGRTMAX", 64),
    ("NSIG", NSIG),
    ("SIG_DFL", 0),
    ("SIG_IGN", 1),
    ("SIG_BLOCK", 0),
    ("SIG_UNBLOCK", 1),
    ("SIG_SETMASK", 2),
    ("ITIMER_REAL", 0),
    ("ITIMER_VIRTUAL", 1),
    ("ITIMER_PROF", 2),
];

/// `strsignal()` texts (glibc's) for the classic signals.
const NAMES: [&str; 31] = [
    "Hangup",
    "Interrupt",
    "Quit",
    "Illegal instruction",
    "Trace/breakpoint trap",
    "Aborted",
    "Bus error",
    "Floating point exception",
    "Killed",
    "User defined signal 1",
    "Segmentation fault",
    "User defined signal 2",
    "Broken pipe",
    "Alarm clock",
    "Terminated",
    "Stack fault",
    "Child exited",
    "Continued",
    "Stopped (signal)",
    "Stopped",
    "Stopped (tty input)",
    "Stopped (tty output)",
    "Urgent I/O condition",
    "CPU time limit exceeded",
    "File size limit exceeded",
    "Virtual timer expired",
    "Profiling timer expired",
    "Window changed",
    "I/O possible",
    "Power failure",
    "Bad system call",
];

super::module_functions!(SIGNAL_FUNCTIONS, "_signal", [
    "signal" => signal, "getsignal" => getsignal, "default_int_handler" => default_int_handler,
    "valid_signals" => valid_signals, "strsignal" => strsignal, "set_wakeup_fd" => set_wakeup_fd,
]);

const DOC: &str = "This module provides mechanisms to use signal handlers in Python.";

/// Per-VM state, found by the VM's `sys.modules` dict (a weak pointer, so a
/// dropped VM's entry is recognised and pruned).
struct State {
    owner: Weak<RefCell<Dict>>,
    handlers: Vec<Value>,
    wakeup_fd: i64,
}

thread_local! {
    static STATES: RefCell<Vec<State>> = const { RefCell::new(Vec::new()) };
}

fn initial_handlers() -> Vec<Value> {
    (0..NSIG)
        .map(|n| match n {
            2 => Value::Builtin(&SIGNAL_FUNCTIONS[2]),
            // CPython ignores SIGPIPE and SIGXFSZ at startup.
            13 | 25 => Value::Int(1),
            // Reserved by glibc for its threads: no Python-visible handler.
            32 | 33 => Value::None,
            _ => Value::Int(0),
        })
        .collect()
}

fn with_state<T>(vm: &Vm, f: impl FnOnce(&mut State) -> T) -> T {
    STATES.with(|s| {
        let mut s = s.borrow_mut();
        s.retain(|st| st.owner.strong_count() > 0);
        let me = Rc::downgrade(&vm.modules);
        let i = match s.iter().position(|st| st.owner.ptr_eq(&me)) {
            Some(i) => i,
            None => {
                s.push(State {
                    owner: me,
                    handlers: initial_handlers(),
                    wakeup_fd: -1,
                });
                s.len() - 1
            }
        };
        f(&mut s[i])
    })
}

/// Builds the `_signal` module.
pub fn init(vm: &mut Vm) -> Value {
    let mut extra: Vec<(&str, Value)> =
        CONSTANTS.iter().map(|&(n, v)| (n, Value::Int(v))).collect();
    extra.push(("__doc__", Value::str(DOC)));
    let itimer = super::native_exc::class(
        vm,
        "signal.itimer_error",
        "signal",
        "itimer_error",
        ExcKind::OSError,
    );
    extra.push(("ItimerError", Value::Type(itimer)));
    new_module("_signal", SIGNAL_FUNCTIONS, extra)
}

fn signum_arg(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    let n = vm.index_value(v)?;
    if !(1..NSIG).contains(&n) {
        return Err(PyErr::value_error("signal number out of range"));
    }
    Ok(n as usize)
}

fn einval() -> PyErr {
    crate::oserror::new_os_error(22, "Invalid argument", None)
}

fn signal(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let [num, handler] = positional(&a, "signal", 2, 2)? else {
        return Err(PyErr::type_error("signal expected 2 arguments"));
    };
    let n = signum_arg(vm, num)?;
    let is_constant = match handler {
        Value::Int(i) => *i == 0 || *i == 1,
        Value::Bool(_) => true,
        _ => false,
    };
    if !is_constant && (matches!(handler, Value::Int(_)) || !is_callable(handler)) {
        return Err(PyErr::type_error(
            "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object",
        ));
    }
    // The kernel refuses to change these (sigaction fails with EINVAL).
    if matches!(n, 9 | 19 | 32 | 33) {
        return Err(einval());
    }
    let new = match handler {
        Value::Bool(b) => Value::Int(i64::from(*b)),
        other => other.clone(),
    };
    Ok(with_state(vm, |st| {
        std::mem::replace(&mut st.handlers[n], new)
    }))
}

fn getsignal(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let [num] = positional(&a, "getsignal", 1, 1)? else {
        return Err(PyErr::type_error("getsignal expected 1 argument"));
    };
    let n = signum_arg(vm, num)?;
    Ok(with_state(vm, |st| st.handlers[n].clone()))
}

fn default_int_handler(_vm: &mut Vm, _a: Args<'_>) -> PyResult<Value> {
    Err(PyErr::with_args(ExcKind::KeyboardInterrupt, Vec::new()))
}

fn valid_signals(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    positional(&a, "valid_signals", 0, 0)?;
    let mut d = Dict::new();
    for n in (1..NSIG).filter(|n| !matches!(n, 32 | 33)) {
        let _ = d.insert(Value::Int(n), Value::None);
    }
    Ok(Value::set(d))
}

fn strsignal(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let [num] = positional(&a, "strsignal", 1, 1)? else {
        return Err(PyErr::type_error("strsignal expected 1 argument"));
    };
    let n = signum_arg(vm, num)?;
    Ok(match n {
        1..=31 => Value::str(NAMES[n - 1]),
        34..=64 => Value::string(format!("Real-time signal {}", n - 34)),
        _ => Value::None,
    })
}

/// Records the descriptor and returns the previous one; as no signal is
/// delivered, nothing is ever written to it.
fn set_wakeup_fd(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = crate::native::bind_args(&a, "set_wakeup_fd", &["fd", "warn_on_full_buffer"], 1)?;
    let fd = vm.index_value(args[0].unwrap_or(&Value::None))?;
    Ok(Value::Int(with_state(vm, |st| {
        std::mem::replace(&mut st.wakeup_fd, fd)
    })))
}
