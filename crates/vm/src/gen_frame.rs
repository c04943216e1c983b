//! A generator's frame entering and leaving the VM's call stack. One pair of
//! steps serves generators, coroutines and async generators, whether a Rust
//! caller resumes the frame (`next()`, `send()`, `list(gen)`: a nested
//! `run_frames` that the frame's `YIELD_VALUE` or return leaves) or Python
//! code does (`FOR_ITER` and `SEND` on a generator: the frame is pushed on the
//! running loop's stack and its `YIELD_VALUE` continues the caller's frame, as
//! CPython 3.11 links a generator's frame into the call chain).
//!
//! While suspended, a frame's fast locals and evaluation stack sit in
//! `GenState::saved`; entering moves them onto the value stack and leaving
//! moves them back: O(live values), and the buffer keeps its capacity, so a
//! resumption allocates nothing.

use std::rc::Rc;

use pith_bytecode::Opcode as Op;

use crate::coro::Flavor;
use crate::exc::{ExcObj, PyErr, PyResult};
use crate::gen::{GenObj, GenState};
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::{Frame, Vm};

fn already_executing(flavor: Flavor) -> PyErr {
    PyErr::value_error(format!("{} already executing", flavor.name()))
}

/// Whether two `exc_info` values name the same exception (or both none).
fn same_exc(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Exception(a), Value::Exception(b)) => Rc::ptr_eq(a, b),
        (a, b) => !matches!(a, Value::Exception(_)) && !matches!(b, Value::Exception(_)),
    }
}

/// Gives the resumer back its `exc_info`; a suspending frame keeps the
/// exception it is handling (`gi_exc_state`).
#[inline]
fn restore_caller_exc(exc_info: &mut Value, st: &mut GenState, suspended: bool) {
    let caller = std::mem::replace(&mut st.caller_exc, Value::Null);
    let inner = std::mem::replace(exc_info, caller);
    if suspended
        && matches!(inner, Value::Exception(_))
        && (st.own_exc || !same_exc(&inner, exc_info))
    {
        std::mem::replace(&mut st.exc, inner).release();
    } else {
        inner.release();
    }
}

/// What an error leaving a generator's frame becomes for its resumer (PEP 479).
pub(crate) fn escaped_error(flavor: Flavor, e: PyErr) -> PyErr {
    if e.is(ExcKind::StopIteration) {
        let msg = format!("{} raised StopIteration", flavor.name());
        return crate::coro::from_cause(ExcKind::RuntimeError, &msg, &e);
    }
    if flavor == Flavor::AsyncGen && e.is(ExcKind::StopAsyncIteration) {
        let msg = "async generator raised StopAsyncIteration";
        return crate::coro::from_cause(ExcKind::RuntimeError, msg, &e);
    }
    e
}

impl Vm {
    /// Pushes `gen`'s frame to resume it, with `sent` (if any) as the value of
    /// its pending `yield`. `Ok(false)`: the frame has finished, nothing was
    /// pushed. `entry`: a Rust caller runs the frame in a nested loop.
    /// `closing` (from `close()`) lets an exhausted coroutine be resumed.
    pub(crate) fn enter_gen_frame(
        &mut self,
        gen: &Rc<GenObj>,
        flavor: Flavor,
        sent: Option<Value>,
        closing: bool,
        entry: bool,
    ) -> PyResult<bool> {
        let Ok(mut st) = gen.state.try_borrow_mut() else {
            return Err(already_executing(flavor));
        };
        if st.running {
            return Err(already_executing(flavor));
        }
        if st.done {
            if flavor == Flavor::Coroutine && !closing {
                return Err(PyErr::new(
                    ExcKind::RuntimeError,
                    "cannot reuse already awaited coroutine",
                ));
            }
            return Ok(false);
        }
        if let Some(v) = &sent {
            if !st.started && !matches!(v, Value::None) {
                return Err(PyErr::type_error(format!(
                    "can't send non-None value to a just-started {}",
                    flavor.name()
                )));
            }
        }
        if (entry && self.native_depth >= crate::vm::MAX_NATIVE_DEPTH)
            || self.frames.len() >= self.recursion_limit
        {
            return Err(PyErr::new(
                ExcKind::RecursionError,
                "maximum recursion depth exceeded",
            ));
        }
        st.running = true;
        st.started = true;
        let base = self.stack.len();
        crate::gen::restore_frame_values(&mut self.stack, &mut st.saved);
        if let Some(v) = sent {
            self.stack.push(v);
        }
        // The frame sees the exception it was handling when it suspended, or
        // else its caller's (CPython chains `gi_exc_state` to the caller's).
        let own = std::mem::replace(&mut st.exc, Value::Null);
        st.own_exc = !own.is_null();
        let caller = if st.own_exc {
            std::mem::replace(&mut self.exc_info, own)
        } else {
            own.release();
            self.exc_info.fast_clone()
        };
        std::mem::replace(&mut st.caller_exc, caller).release();
        let ip = st.ip;
        drop(st);
        self.frames.push(Frame {
            code: gen.code.clone(),
            globals: gen.globals.clone(),
            names: None,
            base,
            ret_to: base,
            ip,
            entry,
            generator: Some(gen.clone()),
        });
        Ok(true)
    }

    /// The generator whose frame `f` is leaves the call stack: suspended at a
    /// `yield` (its values already saved) or finished. Restores the caller's
    /// `exc_info`. Does nothing if the generator is not running.
    pub(crate) fn leave_gen_frame(&mut self, gen: &GenObj, suspended: bool) {
        let Ok(mut st) = gen.state.try_borrow_mut() else {
            return;
        };
        if !st.running {
            return;
        }
        st.running = false;
        restore_caller_exc(&mut self.exc_info, &mut st, suspended);
        if !suspended {
            st.done = true;
            st.saved.clear();
        }
    }

    /// `YIELD_VALUE` of the top frame `f` (already popped), whose next
    /// instruction is `ip`: saves its values and suspends its generator, as
    /// `leave_gen_frame` does, under one borrow of the state.
    pub(crate) fn suspend_gen_frame(&mut self, f: &Frame, ip: usize) {
        let st = f
            .generator
            .as_ref()
            .and_then(|g| g.state.try_borrow_mut().ok());
        let Some(mut st) = st else {
            self.stack.truncate(f.ret_to);
            return;
        };
        let st = &mut *st;
        crate::gen::save_frame_values(&mut self.stack, f.base, &mut st.saved);
        st.ip = ip;
        self.stack.truncate(f.ret_to);
        if st.running {
            st.running = false;
            restore_caller_exc(&mut self.exc_info, st, true);
        }
    }

    /// A generator frame that Python code resumed returned `v`: the resuming
    /// `FOR_ITER` ends its loop, a `SEND` pushes `v` in place of its receiver,
    /// and both jump to their targets.
    pub(crate) fn gen_frame_returned(&mut self, v: Value) {
        let Some(parent) = self.frames.last_mut() else {
            return;
        };
        let at = parent.ip.checked_sub(1);
        let ins = at.and_then(|i| parent.code.instrs.get(i)).copied();
        match ins {
            Some(i) if i.op == Op::ForIter => {
                parent.ip = i.arg as usize;
                self.stack.pop();
            }
            Some(i) if i.op == Op::Send => {
                parent.ip = i.arg as usize;
                match self.stack.last_mut() {
                    Some(top) => *top = v,
                    None => self.stack.push(v),
                }
            }
            _ => self.stack.push(v),
        }
    }

    /// `FOR_ITER` or `SEND` (`sent`) on a generator from Python code: pushes its
    /// frame for the running loop to continue in. `Ok(false)` when it has
    /// finished (the loop ends, `SEND` gets `None`).
    #[inline]
    pub(crate) fn resume_gen_inline(
        &mut self,
        gen: &Rc<GenObj>,
        sent: Value,
        ip: usize,
    ) -> PyResult<bool> {
        if let Some(fr) = self.frames.last_mut() {
            fr.ip = ip;
        }
        self.enter_gen_frame(gen, Flavor::Generator, Some(sent), false, false)
    }

    /// `StopIteration` left a generator frame that Python code resumed: the
    /// `RuntimeError` its resumer raises in its place (its context is the
    /// `StopIteration`, as `_PyErr_FormatFromCause` leaves it), and that
    /// exception.
    #[cold]
    pub(crate) fn escaped_inline(&mut self, err: PyErr) -> (PyErr, Rc<ExcObj>) {
        let err = escaped_error(Flavor::Generator, err);
        let exc = err.0.clone();
        (err, exc)
    }
}
