//! `_signal`: CPython's `Modules/signalmodule.c`. A Python handler is
//! installed in the OS as `signal_raw`'s C handler, which only marks the
//! signal tripped; the eval loop (backward jumps and calls) and the blocking
//! calls (`time.sleep`, `select`, `pause`, `sigwait`, ...) see the pending
//! flag and run the Python handlers on the main thread
//! ([`Vm::check_signals`]), so a handler's exception propagates from there.

use std::cell::RefCell;
use std::rc::{Rc, Weak};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use crate::dict::Dict;
use crate::exc::{ExcObj, PyErr, PyResult};
use crate::func::Args;
use crate::native::{bind_args, is_callable, positional};
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::Vm;

use super::new_module;
use super::posix::fd::errno_err;
use super::signal_raw::{self as raw, Action, SigSet};
use super::thread::sched::Wait;
use super::thread::switch::block_on;

pub use super::signal_raw::{block_all, restore_mask, SigSet as SignalMask};

/// `NSIG` on Linux: signals are 1..=64.
const NSIG: i64 = raw::NSIG as i64;

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
    "alarm" => alarm, "pause" => pause, "raise_signal" => raise_signal,
    "setitimer" => setitimer, "getitimer" => getitimer, "pthread_sigmask" => pthread_sigmask,
    "pthread_kill" => pthread_kill, "sigpending" => sigpending, "sigwait" => sigwait,
    "siginterrupt" => siginterrupt,
]);

/// `SIGNAL_FUNCTIONS[2]`: what SIGINT runs after start-up.
const DEFAULT_INT_HANDLER: usize = 2;

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

/// What `getsignal` answers before any `signal()` call: what the OS does
/// now, as CPython's module init reads it (`None` for a foreign handler).
fn initial_handlers() -> Vec<Value> {
    (0..NSIG)
        .map(|n| match raw::get_action(n as i32) {
            _ if n == 0 => Value::Int(0),
            Ok(Action::Default) => Value::Int(0),
            Ok(Action::Ignore) => Value::Int(1),
            // Installed at start-up: `default_int_handler`.
            Ok(Action::Catch) if n == 2 => Value::Builtin(&SIGNAL_FUNCTIONS[DEFAULT_INT_HANDLER]),
            _ => Value::None,
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

/// What CPython does to signals at start-up (`signal_install_handlers`):
/// SIGPIPE and SIGXFSZ ignored (so a write fails with EPIPE or EFBIG rather
/// than killing the process), and SIGINT raising `KeyboardInterrupt`
/// unless something (`nohup`, a parent) made the process ignore it.
pub fn install_startup_handlers() {
    let _ = raw::set_action(libc::SIGPIPE, Action::Ignore);
    let _ = raw::set_action(libc::SIGXFSZ, Action::Ignore);
    if raw::get_action(libc::SIGINT) == Ok(Action::Default) {
        let _ = raw::set_action(libc::SIGINT, Action::Catch);
    }
}

/// Set when a program ended with an uncaught `KeyboardInterrupt`.
static UNHANDLED_INTERRUPT: AtomicBool = AtomicBool::new(false);

/// Records that the program ends with an uncaught `KeyboardInterrupt`.
pub(crate) fn note_unhandled_interrupt() {
    UNHANDLED_INTERRUPT.store(true, Ordering::SeqCst);
}

/// After an uncaught `KeyboardInterrupt`, ends the process by SIGINT as
/// CPython's `exit_sigint` does, so a shell sees the interrupt (status
/// 128 + 2) and stops a script; returns only if that failed.
pub fn exit_if_interrupted() {
    if !UNHANDLED_INTERRUPT.load(Ordering::SeqCst) {
        return;
    }
    if raw::set_action(libc::SIGINT, Action::Default).is_ok() {
        let _ = raw::pthread_sigmask(libc::SIG_UNBLOCK, Some(&SigSet::of(&[libc::SIGINT])));
        let _ = raw::raise(libc::SIGINT);
    }
}

/// Builds the `_signal` module.
pub fn init(vm: &mut Vm) -> Value {
    let mut extra: Vec<(&str, Value)> =
        CONSTANTS.iter().map(|&(n, v)| (n, Value::Int(v))).collect();
    extra.push(("__doc__", Value::str(DOC)));
    extra.push(("ItimerError", Value::Type(itimer_error(vm))));
    new_module("_signal", SIGNAL_FUNCTIONS, extra)
}

fn itimer_error(vm: &mut Vm) -> Rc<crate::types::TypeObj> {
    super::native_exc::class(
        vm,
        "signal.itimer_error",
        "signal",
        "itimer_error",
        ExcKind::OSError,
    )
}

/// `ItimerError(errno, strerror)`.
fn itimer_err(vm: &mut Vm, e: i32) -> PyErr {
    let t = itimer_error(vm);
    let text = crate::oserror::strerror(&std::io::Error::from_raw_os_error(e));
    let exc = ExcObj::new(t, vec![Value::Int(i64::from(e)), Value::string(text)]);
    crate::oserror::init(&exc);
    PyErr(Rc::new(exc))
}

impl Vm {
    /// `PyErr_CheckSignals`: runs the Python handlers of the signals
    /// delivered since the last check, on the main thread only. An
    /// exception from a handler is returned; the signals not yet handled
    /// stay pending.
    pub fn check_signals(&mut self) -> PyResult<()> {
        if !raw::pending() {
            return Ok(());
        }
        self.run_signal_handlers()
    }

    #[cold]
    #[inline(never)]
    fn run_signal_handlers(&mut self) -> PyResult<()> {
        if self.sched.ident() != super::thread::main_ident() || !raw::take_pending() {
            return Ok(());
        }
        if let Some(e) = raw::take_wakeup_error() {
            let err = errno_err(e);
            self.unraisable(
                Some("when trying to write to the signal wakeup fd"),
                &Value::None,
                &err,
            );
        }
        for n in 1..raw::NSIG {
            if !raw::take_tripped(n) {
                continue;
            }
            let handler = with_state(self, |st| st.handlers[n].clone());
            if matches!(handler, Value::Int(_) | Value::None) {
                // The handler changed between the delivery and now.
                let err = PyErr::new(
                    ExcKind::OSError,
                    format!("Signal {n} ignored due to race condition"),
                );
                self.unraisable(None, &Value::None, &err);
                continue;
            }
            let frame = match self.frames.len() {
                0 => Value::None,
                len => self.frame_object(len - 1),
            };
            if let Err(e) = self.call(&handler, &[Value::Int(n as i64), frame]) {
                // The rest run at the next check.
                raw::set_pending();
                return Err(e);
            }
        }
        Ok(())
    }

    /// Whether the running Python thread is the main one.
    fn on_main_thread(&self) -> bool {
        self.sched.ident() == super::thread::main_ident()
    }
}

/// `PyErr_SetInterruptEx(signum)`: trips `signum` as if it had been
/// delivered, unless its handler is SIG_IGN or SIG_DFL.
pub(crate) fn simulate(vm: &mut Vm, signum: i64) -> PyResult<()> {
    if !(1..NSIG).contains(&signum) {
        return Err(PyErr::value_error("signal number out of range"));
    }
    let n = signum as usize;
    if !matches!(
        with_state(vm, |st| st.handlers[n].clone()),
        Value::Int(_) | Value::None
    ) {
        raw::trip(n);
    }
    Ok(())
}

fn signum_arg(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    let n = vm.index_value(v)?;
    if !(1..NSIG).contains(&n) {
        return Err(PyErr::value_error("signal number out of range"));
    }
    Ok(n as usize)
}

fn signal(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let [num, handler] = positional(&a, "signal", 2, 2)? else {
        return Err(PyErr::type_error("signal expected 2 arguments"));
    };
    if !vm.on_main_thread() {
        return Err(PyErr::value_error(
            "signal only works in main thread of the main interpreter",
        ));
    }
    let n = signum_arg(vm, num)?;
    // Only exact ints are SIG_DFL/SIG_IGN (3.11's `compare_handler`).
    let action = match handler {
        Value::Int(0) => Action::Default,
        Value::Int(1) => Action::Ignore,
        h if !matches!(h, Value::Int(_)) && is_callable(h) => Action::Catch,
        _ => {
            return Err(PyErr::type_error(
                "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object",
            ))
        }
    };
    // Signals delivered before the change still see the old handler.
    vm.check_signals()?;
    // The table starts from what the OS does now, so it is read before the change.
    with_state(vm, |_| ());
    raw::set_action(n as i32, action).map_err(errno_err)?;
    let new = handler.clone();
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

fn int_set(signals: &[i32]) -> Value {
    let mut d = Dict::new();
    for &n in signals {
        let _ = d.insert(Value::Int(i64::from(n)), Value::None);
    }
    Value::set(d)
}

fn valid_signals(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    positional(&a, "valid_signals", 0, 0)?;
    let all: Vec<i32> = (1..NSIG as i32).filter(|n| !matches!(n, 32 | 33)).collect();
    Ok(int_set(&all))
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

/// `set_wakeup_fd(fd, *, warn_on_full_buffer=True)`: the C handler writes
/// each signal's number to `fd` (which must be non-blocking); gives the
/// previous descriptor.
fn set_wakeup_fd(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    if a.pos.len() > 1 {
        // `warn_on_full_buffer` is keyword-only.
        return Err(PyErr::type_error(format!(
            "set_wakeup_fd() takes at most 1 positional argument ({} given)",
            a.pos.len()
        )));
    }
    let args = bind_args(&a, "set_wakeup_fd", &["fd", "warn_on_full_buffer"], 1)?;
    let fd = super::cint::arg_c_int(vm, args[0].unwrap_or(&Value::None))?;
    let warn = match args[1] {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    if !vm.on_main_thread() {
        return Err(PyErr::value_error(
            "set_wakeup_fd only works in main thread of the main interpreter",
        ));
    }
    if fd != -1 && !raw::fd_nonblocking(fd).map_err(errno_err)? {
        return Err(PyErr::value_error(format!(
            "the fd {fd} must be in non-blocking mode"
        )));
    }
    raw::set_wakeup_fd(fd, warn);
    Ok(Value::Int(with_state(vm, |st| {
        std::mem::replace(&mut st.wakeup_fd, i64::from(fd))
    })))
}

/// `alarm(seconds)`: the seconds left of the previous alarm.
fn alarm(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let [secs] = positional(&a, "alarm", 1, 1)? else {
        return Err(PyErr::type_error("alarm expected 1 argument"));
    };
    // A negative count wraps to unsigned, as C's conversion does.
    let secs = super::cint::arg_c_int(vm, secs)? as u32;
    Ok(Value::Int(i64::from(raw::alarm(secs))))
}

/// `pause()`: waits for a signal, then runs its handler.
fn pause(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    positional(&a, "pause", 0, 0)?;
    vm.flush();
    raw::pause();
    vm.check_signals()?;
    Ok(Value::None)
}

fn raise_signal(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let [num] = positional(&a, "raise_signal", 1, 1)? else {
        return Err(PyErr::type_error("raise_signal expected 1 argument"));
    };
    let n = super::cint::arg_c_int(vm, num)?;
    raw::raise(n).map_err(errno_err)?;
    vm.check_signals()?;
    Ok(Value::None)
}

/// A number of seconds (`_PyTime_FromSecondsObject`): a float, else an
/// integer.
fn seconds_arg(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(f) if f.is_nan() => {
            Err(PyErr::value_error("Invalid value NaN (not a number)"))
        }
        Value::Float(f) => Ok(*f),
        other => Ok(vm.index_value(other)? as f64),
    }
}

fn timer_value(t: raw::Timer) -> Value {
    Value::tuple(vec![Value::Float(t.0), Value::Float(t.1)])
}

/// `setitimer(which, seconds, interval=0.0)`: the previous timer.
fn setitimer(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "setitimer", 2, 3)?;
    let which = super::cint::arg_c_int(vm, &args[0])?;
    let delay = seconds_arg(vm, &args[1])?;
    let interval = match args.get(2) {
        Some(v) => seconds_arg(vm, v)?,
        None => 0.0,
    };
    match raw::setitimer(which, (delay, interval)) {
        Ok(old) => Ok(timer_value(old)),
        Err(e) => Err(itimer_err(vm, e)),
    }
}

/// `getitimer(which)`.
fn getitimer(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let [which] = positional(&a, "getitimer", 1, 1)? else {
        return Err(PyErr::type_error("getitimer expected 1 argument"));
    };
    let which = super::cint::arg_c_int(vm, which)?;
    match raw::getitimer(which) {
        Ok(t) => Ok(timer_value(t)),
        Err(e) => Err(itimer_err(vm, e)),
    }
}

/// An iterable of signal numbers as a set (CPython's `sigset_t` converter).
fn sigset_arg(vm: &mut Vm, v: &Value) -> PyResult<SigSet> {
    let items = vm.collect(v)?;
    let mut signals = Vec::with_capacity(items.len());
    for item in &items {
        let n = vm.index_value(item)?;
        if !(1..NSIG).contains(&n) {
            return Err(PyErr::value_error(format!(
                "signal number {n} out of range [1; {}]",
                NSIG - 1
            )));
        }
        signals.push(n as i32);
    }
    Ok(SigSet::of(&signals))
}

/// `pthread_sigmask(how, mask)`: the previous mask, as a set.
fn pthread_sigmask(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "pthread_sigmask", 2, 2)?;
    let how = super::cint::arg_c_int(vm, &args[0])?;
    let set = sigset_arg(vm, &args[1])?;
    let old = raw::pthread_sigmask(how, Some(&set)).map_err(errno_err)?;
    // Unblocking may have let a signal in.
    vm.check_signals()?;
    Ok(int_set(&old.members()))
}

/// `pthread_kill(thread_id, signalnum)`. Every Python thread runs on the
/// VM's OS thread, so a known thread id is that thread.
fn pthread_kill(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "pthread_kill", 2, 2)?;
    let ident = vm.index_value(&args[0])?;
    let sig = super::cint::arg_c_int(vm, &args[1])?;
    if !vm.sched.threads.iter().any(|t| t.ident == ident) {
        return Err(errno_err(libc::ESRCH));
    }
    raw::kill_this_thread(sig).map_err(errno_err)?;
    vm.check_signals()?;
    Ok(Value::None)
}

/// `sigpending()`: the blocked signals waiting for delivery.
fn sigpending(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    positional(&a, "sigpending", 0, 0)?;
    let set = raw::sigpending().map_err(errno_err)?;
    Ok(int_set(&set.members()))
}

/// `sigwait(sigset)`: waits for one of the (blocked) signals and takes it.
fn sigwait(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let [set] = positional(&a, "sigwait", 1, 1)? else {
        return Err(PyErr::type_error("sigwait expected 1 argument"));
    };
    let set = sigset_arg(vm, set)?;
    vm.flush();
    // The VM's Python threads share its OS thread: while others exist,
    // poll and let them run between polls rather than stop them all.
    while vm.sched.threads.len() > 1 {
        match raw::sigpoll(&set) {
            Ok(n) => return Ok(Value::Int(i64::from(n))),
            Err(libc::EAGAIN) => {
                vm.sched.direct = false;
                let until = Instant::now() + Duration::from_millis(2);
                block_on(vm, Wait::Sleep(until), &Value::None)?;
            }
            Err(libc::EINTR) => vm.check_signals()?,
            Err(e) => return Err(errno_err(e)),
        }
    }
    loop {
        match raw::sigwait(&set) {
            Ok(n) => return Ok(Value::Int(i64::from(n))),
            // PEP 475: run the handlers, then wait again.
            Err(libc::EINTR) => vm.check_signals()?,
            Err(e) => return Err(errno_err(e)),
        }
    }
}

/// `siginterrupt(signalnum, flag)`: whether the signal interrupts system
/// calls (true) or lets them restart.
fn siginterrupt(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "siginterrupt", 2, 2)?;
    let n = signum_arg(vm, &args[0])?;
    let flag = super::cint::arg_c_int(vm, &args[1])?;
    raw::siginterrupt(n as i32, flag != 0).map_err(errno_err)?;
    Ok(Value::None)
}
