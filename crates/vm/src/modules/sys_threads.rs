//! `sys._current_frames()` and `sys._current_exceptions()`: what every live
//! Python thread is running and handling, keyed by thread identifier, as
//! `traceback`, `faulthandler`-style dumpers and test harnesses read them.
//!
//! The running thread's frames are the VM's own (its innermost frame is the
//! caller's, as in CPython); a thread switched out keeps its frames in its
//! scheduler record, or, when it waits under Rust frames, in
//! [`Sched::held`](super::thread::sched::Sched). A thread not started yet
//! has no frame and is left out.

use crate::dict::Dict;
use crate::exc::PyResult;
use crate::frame_obj::{exc_info_of, snapshot_frames};
use crate::func::Args;
use crate::value::Value;
use crate::vm::Vm;

use super::thread::sched::SavedState;

/// What one thread shows: its identifier, its innermost frame object (or
/// `None`) and its handled exception.
fn each_thread(vm: &Vm, mut f: impl FnMut(i64, &dyn Fn() -> Value, &Value)) {
    let current = vm.sched.ident();
    let running = || match vm.frames.len() {
        0 => Value::None,
        n => vm.frame_object(n - 1),
    };
    f(current, &running, &vm.exc_info);
    let saved = |s: &SavedState| snapshot_frames(&s.frames, &s.stack);
    for t in &vm.sched.threads {
        if t.ident == current || t.start.is_some() {
            continue;
        }
        let state = t.saved.as_ref().or_else(|| {
            vm.sched
                .held
                .iter()
                .rev()
                .find(|(id, _)| *id == t.ident)
                .map(|(_, s)| s)
        });
        if let Some(s) = state {
            f(t.ident, &|| saved(s), &s.exc_info);
        }
    }
}

/// `sys._current_frames()`: thread identifier to the thread's innermost frame.
pub(super) fn current_frames(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    a.no_args("sys._current_frames")?;
    let mut d = Dict::new();
    let mut err = None;
    each_thread(vm, |ident, frame, _| {
        let f = frame();
        if !matches!(f, Value::None) && err.is_none() {
            if let Err(e) = d.insert(Value::Int(ident), f) {
                err = Some(e);
            }
        }
    });
    match err {
        Some(e) => Err(e),
        None => Ok(Value::dict(d)),
    }
}

/// `sys._current_exceptions()`: thread identifier to the `exc_info()` tuple
/// of the exception the thread is handling (3.11's form; 3.12 gives the
/// exception alone).
pub(super) fn current_exceptions(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    a.no_args("sys._current_exceptions")?;
    let mut d = Dict::new();
    let mut err = None;
    each_thread(vm, |ident, _, exc| {
        if err.is_none() {
            if let Err(e) = d.insert(Value::Int(ident), exc_info_of(exc)) {
                err = Some(e);
            }
        }
    });
    match err {
        Some(e) => Err(e),
        None => Ok(Value::dict(d)),
    }
}
