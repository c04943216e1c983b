//! A generator's frame entering and leaving the VM's call stack. One pair of
//! steps serves generators, coroutines and async generators, whether a Rust
//! caller resumes the frame (`next()`, `send()`, `list(gen)`: a nested
//! `run_frames` that the frame's `YIELD_VALUE` or return leaves) or Python
//! code does (`FOR_ITER` and `SEND` on a generator: the frame is pushed on the
//! running loop's stack and its `YIELD_VALUE` continues the caller's frame, as
//! CPython 3.11 links a generator's frame into the call chain).
//!
//! A generator's frame keeps its fast locals and evaluation stack in its own
//! vector (`GenState::values`), as CPython 3.11 embeds the frame in the
//! generator object. Entering swaps that vector with the VM's value stack, so
//! that the generator holds its resumer's stack while it runs; leaving swaps
//! them back. A switch is O(1) and allocates nothing: no value moves, and
//! the frame's base is 0 in its own vector. Frames the generator calls push
//! onto the same vector, so every generator frame on the call stack starts
//! one segment of values; [`Vm::with_frame_values`] finds any frame's.

use std::rc::Rc;

use pith_bytecode::Opcode as Op;

use crate::coro::Flavor;
use crate::exc::{ExcObj, PyErr, PyResult};
use crate::gen::{GenObj, GenState};
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::{Frame, Vm};

/// How a frame is being resumed, for the checks of an unusual resume.
struct Entry<'a> {
    flavor: Flavor,
    sent: Option<&'a Value>,
    closing: bool,
    entry: bool,
}

fn already_executing(flavor: Flavor) -> PyErr {
    PyErr::value_error(format!("{} already executing", flavor.name()))
}

/// Gives the resumer back its `exc_info`; a suspending frame keeps the
/// exception it is handling (`gi_exc_state`). Tags are tested before values
/// move: in the usual switch both sides are `None` and nothing is written.
#[inline]
fn restore_caller_exc(exc_info: &mut Value, st: &mut GenState, suspended: bool) {
    let caller = st.take_caller_exc();
    if suspended && st.handlers > 0 && matches!(exc_info, Value::Exception(_)) {
        let inner = std::mem::replace(exc_info, caller);
        std::mem::replace(&mut st.exc, inner).release();
    } else if matches!(exc_info, Value::None) && matches!(caller, Value::None) {
        // Released, not dropped: a scalar needs no drop call.
        caller.release();
    } else {
        std::mem::replace(exc_info, caller).release();
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

/// [`Vm::with_frame_values`] over the VM's parts (for callers holding
/// another part mutably). Frame `index`'s values are in the segment that
/// starts at the generator frame nearest below or at it (or at the bottom);
/// while the generator frame nearest above it runs, that one's state holds
/// the segment, else it is the VM's stack.
pub(crate) fn with_frame_values<R>(
    frames: &[Frame],
    stack: &[Value],
    index: usize,
    f: impl FnOnce(&[Value]) -> R,
) -> R {
    let Some(frame) = frames.get(index) else {
        return f(&[]);
    };
    let region = |values: &[Value]| -> R {
        let end = match frames.get(index + 1) {
            Some(next) if next.generator.is_none() => next.base,
            _ => values.len(),
        };
        f(values.get(frame.base..end.max(frame.base)).unwrap_or(&[]))
    };
    let above = frames
        .get(index + 1..)
        .and_then(|fs| fs.iter().find_map(|f| f.generator.as_ref()));
    match above {
        None => region(stack),
        Some(g) => match g.state.try_borrow() {
            Ok(st) => region(&st.values),
            Err(_) => region(&[]),
        },
    }
}

/// A frame record for `gen`'s code, to be completed by the resume that
/// pushes it (its `ip`, `entry` and generator).
#[cold]
fn new_gen_frame(gen: &GenObj) -> Frame {
    Frame {
        code: gen.code.clone(),
        globals: gen.globals.clone(),
        names: gen.names.clone(),
        base: 0,
        ret_to: 0,
        ip: 0,
        entry: false,
        generator: None,
    }
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
        let Ok(st) = gen.state.try_borrow_mut() else {
            return Err(already_executing(flavor));
        };
        if !self.gen_entry_ok(&st, entry) {
            let how = Entry {
                flavor,
                sent: sent.as_ref(),
                closing,
                entry,
            };
            if !self.gen_entry_checked(&st, how)? {
                return Ok(false);
            }
        }
        let (ip, cached) = self.link_gen_state(st, sent);
        self.push_gen_frame(gen.clone(), ip, cached, entry);
        Ok(true)
    }

    /// Whether a resume of the frame whose state is `st` needs none of
    /// [`Vm::gen_entry_checked`]'s answers: a started generator, neither
    /// running nor finished, within the recursion limits. One branch for
    /// the usual resume.
    #[inline(always)]
    fn gen_entry_ok(&self, st: &GenState, entry: bool) -> bool {
        st.started
            & !st.running
            & !st.done
            & (self.frames.len() < self.recursion_limit)
            & (!entry || self.native_depth < crate::vm::MAX_NATIVE_DEPTH)
    }

    /// The checks of a resume that [`Vm::gen_entry_ok`] did not pass, in
    /// CPython's order: `Ok(true)` to go on, `Ok(false)` if the frame has
    /// finished, or the error the resume raises.
    #[cold]
    #[inline(never)]
    fn gen_entry_checked(&self, st: &GenState, how: Entry<'_>) -> PyResult<bool> {
        let flavor = how.flavor;
        if st.running {
            return Err(already_executing(flavor));
        }
        if st.done {
            if flavor == Flavor::Coroutine && !how.closing {
                return Err(PyErr::new(
                    ExcKind::RuntimeError,
                    "cannot reuse already awaited coroutine",
                ));
            }
            return Ok(false);
        }
        if let Some(v) = how.sent {
            if !st.started && !matches!(v, Value::None) {
                return Err(PyErr::type_error(format!(
                    "can't send non-None value to a just-started {}",
                    flavor.name()
                )));
            }
        }
        if (how.entry && self.native_depth >= crate::vm::MAX_NATIVE_DEPTH)
            || self.frames.len() >= self.recursion_limit
        {
            return Err(PyErr::new(
                ExcKind::RecursionError,
                "maximum recursion depth exceeded",
            ));
        }
        Ok(true)
    }

    /// First half of pushing a generator's frame, whose state `st` has
    /// passed the checks of a resume: its values become the VM's stack (with
    /// `sent` on top), it sees its own `exc_info`, and it is marked running.
    /// Gives the frame's next instruction and kept frame record for
    /// [`Vm::push_gen_frame`]; the state borrow ends here, so that the
    /// caller may move the generator's reference into the frame.
    #[inline(always)]
    fn link_gen_state(
        &mut self,
        mut st: std::cell::RefMut<'_, GenState>,
        sent: Option<Value>,
    ) -> (usize, Option<Frame>) {
        st.running = true;
        st.started = true;
        std::mem::swap(&mut self.stack, &mut st.values);
        if let Some(v) = sent {
            crate::stack_words::push(&mut self.stack, v);
        }
        // The frame sees the exception it was handling when it suspended, or
        // else its caller's (CPython chains `gi_exc_state` to the caller's).
        if !st.exc.is_null() {
            let own = std::mem::replace(&mut st.exc, Value::Null);
            let caller = std::mem::replace(&mut self.exc_info, own);
            st.set_caller_exc(caller);
        } else if !matches!(self.exc_info, Value::None) {
            st.set_caller_exc(self.exc_info.fast_clone());
        } else {
            // Taken by the last leave, so it already stands for `None`.
            debug_assert!(st.caller_exc.is_null());
        }
        (st.ip, st.frame.take())
    }

    /// Second half: pushes the frame record (`cached`, or a new one) of
    /// `gen` at instruction `ip`, the frame keeping the reference.
    #[inline(always)]
    fn push_gen_frame(&mut self, gen: Rc<GenObj>, ip: usize, cached: Option<Frame>, entry: bool) {
        let Frame {
            code,
            globals,
            names,
            ..
        } = match cached {
            Some(f) => f,
            None => new_gen_frame(&gen),
        };
        self.resume_frame_object(self.frames.len(), &gen);
        // Built in its slot from the fields, not moved whole with `ip` and
        // the generator set on the moving copy: those were narrow stores
        // that the wide loads of the move then waited for (a
        // store-forwarding stall, half the time of a resume).
        crate::stack_words::push_with(&mut self.frames, || Frame {
            code,
            globals,
            names,
            base: 0,
            ret_to: 0,
            ip,
            entry,
            generator: Some(gen),
        });
    }

    /// The generator frame `gen` runs has been popped after finishing (a
    /// return or an exception): frees its values, gives its resumer back its
    /// stack and `exc_info`, and marks it done.
    pub(crate) fn finish_gen_frame(&mut self, gen: &GenObj) {
        // Locals are freed first to last, as CPython clears a frame.
        self.stack.clear();
        self.leave_gen_frame(gen, false);
    }

    /// The generator `gen` has finished and its frame left the call stack:
    /// gives the resumer back its stack and `exc_info`, and frees what is
    /// left of the frame's values. Does nothing if it is not running.
    pub(crate) fn leave_gen_frame(&mut self, gen: &GenObj, suspended: bool) {
        let Ok(mut st) = gen.state.try_borrow_mut() else {
            return;
        };
        if !st.running {
            return;
        }
        std::mem::swap(&mut self.stack, &mut st.values);
        st.running = false;
        restore_caller_exc(&mut self.exc_info, &mut st, suspended);
        if !suspended {
            st.handlers = 0;
            st.done = true;
            st.values = Vec::new();
            st.frame = None;
        }
    }

    /// `YIELD_VALUE` of the top frame `f` (already popped, the yielded value
    /// too), whose next instruction is `ip`: its values stay in its vector,
    /// the frame record is kept for the next resume, and the generator is
    /// suspended as `leave_gen_frame` does, under one borrow of the state.
    /// Inlined, so that the fields of `f` go from registers to the record.
    #[inline(always)]
    pub(crate) fn suspend_gen_frame(&mut self, f: Frame, ip: usize) {
        // The kept record holds no reference to its own generator (a
        // cycle). It is rebuilt from the fields rather than by clearing
        // `f.generator` first, which would make the move of `f` a
        // store-forwarding stall (as in `push_gen_frame`). Its base and
        // return height are 0 (its values are its own vector), so they are
        // not read either: a wide load of them straddled two stores.
        let Frame {
            code,
            globals,
            names,
            generator,
            ..
        } = f;
        let Some(gen) = generator else {
            return;
        };
        let Ok(mut st) = gen.state.try_borrow_mut() else {
            return;
        };
        let st = &mut *st;
        if st.running {
            std::mem::swap(&mut self.stack, &mut st.values);
            st.running = false;
            restore_caller_exc(&mut self.exc_info, st, true);
        }
        st.ip = ip;
        st.frame = Some(Frame {
            code,
            globals,
            names,
            base: 0,
            ret_to: 0,
            ip,
            entry: false,
            generator: None,
        });
    }

    /// Runs `f` on the values (fast locals, then evaluation stack) of frame
    /// `index` of the call stack, wherever its generator segment keeps them.
    pub(crate) fn with_frame_values<R>(&self, index: usize, f: impl FnOnce(&[Value]) -> R) -> R {
        with_frame_values(&self.frames, &self.stack, index, f)
    }

    /// A generator frame that Python code resumed returned `v`: the resuming
    /// `FOR_ITER` ends its loop, a `SEND` pushes `v` in place of its receiver,
    /// and both jump to their targets.
    pub(crate) fn gen_frame_returned(&mut self, v: Value) {
        let Some(parent) = self.frames.last() else {
            return;
        };
        // A hook's event sees the frame at its `FOR_ITER` or `SEND`, so the
        // jump is taken after it.
        match parent.last_instruction() {
            Some(i) if i.op == Op::ForIter => {
                self.stack.pop();
                if self.hooks.is_some() {
                    self.hooks_subiterator_returned(&v, true);
                }
                self.jump_top_frame(i.arg);
            }
            Some(i) if i.op == Op::Send => {
                if self.hooks.is_some() {
                    self.hooks_subiterator_returned(&v, false);
                }
                self.jump_top_frame(i.arg);
                match self.stack.last_mut() {
                    Some(top) => *top = v,
                    None => crate::stack_words::push(&mut self.stack, v),
                }
            }
            _ => crate::stack_words::push(&mut self.stack, v),
        }
    }

    fn jump_top_frame(&mut self, target: u32) {
        if let Some(f) = self.frames.last_mut() {
            f.ip = target as usize;
        }
    }

    /// `FOR_ITER` or `SEND` (`sent`) on a generator from Python code: pushes its
    /// frame for the running loop to continue in. `Ok(false)` when it has
    /// finished (the loop ends, `SEND` gets `None`).
    /// Takes the generator's reference, which its pushed frame keeps.
    #[inline(never)]
    pub(crate) fn resume_gen_inline(
        &mut self,
        gen: Rc<GenObj>,
        sent: Value,
        ip: usize,
    ) -> PyResult<bool> {
        if let Some(fr) = self.frames.last_mut() {
            fr.ip = ip;
        }
        let Ok(st) = gen.state.try_borrow_mut() else {
            return Err(already_executing(Flavor::Generator));
        };
        if !self.gen_entry_ok(&st, false) {
            let how = Entry {
                flavor: Flavor::Generator,
                sent: Some(&sent),
                closing: false,
                entry: false,
            };
            if !self.gen_entry_checked(&st, how)? {
                return Ok(false);
            }
        }
        let (ip, cached) = self.link_gen_state(st, Some(sent));
        self.push_gen_frame(gen, ip, cached, false);
        Ok(true)
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
