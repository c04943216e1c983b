//! `for x in iter(callable, sentinel)` with a Python callable: each call
//! runs as an ordinary frame of the loop's eval loop instead of a nested
//! one, as generators do (`gen_frame.rs`).
//!
//! Nothing but speed would tell the two apart, except threads: a green
//! thread blocked under a nested loop can only resume once every thread
//! blocked above it has (`modules/thread/sched.rs`). Worker threads written
//! as `for item in iter(queue.get, None)` (and `multiprocessing.Pool`'s task
//! handler) wait in `queue.get` for one another, and deadlocked when each
//! wait sat in its own nested loop.
//!
//! The frame carries a [`ReturnHook::Sentinel`]: its return value is
//! compared with the sentinel (`calliter_iternext`), and a match, or a
//! `StopIteration` leaving the frame, ends the `FOR_ITER` loop below it.
//!
//! An iterator object whose class defines `__next__` in Python is run the
//! same way ([`ReturnHook::ForIterNext`]): its result is the loop's next
//! value, and a `StopIteration` leaving it ends the loop.

use std::cell::RefCell;
use std::rc::Rc;

use crate::iter::IterObj;
use crate::ops::CmpOp;
use crate::value::Value;
use crate::vm::{ReturnHook, Vm};
use pith_bytecode::Opcode as Op;

impl Vm {
    /// `FOR_ITER` (its next instruction `ip`) on `it`: if `it` is a live
    /// `callable_iterator` of a Python function or method, pushes the call's
    /// frame with its hook and returns `true`; `false` leaves `it` to the
    /// general path.
    #[inline(never)]
    pub(crate) fn for_iter_call(&mut self, it: &Value, ip: usize) -> crate::exc::PyResult<bool> {
        if let Some(f) = crate::special::inline_next_method(it) {
            return self.for_iter_next_frame(&f, it, ip).map(|()| true);
        }
        let Value::Iter(cell) = it else {
            return Ok(false);
        };
        // A busy iterator is left to the general path, which reports it.
        let Ok(state) = cell.try_borrow() else {
            return Ok(false);
        };
        let (func, sentinel) = match &*state {
            IterObj::Callable { func, sentinel } if !func.is_null() => {
                (func.clone(), sentinel.clone())
            }
            _ => return Ok(false),
        };
        drop(state);
        let (f, receiver) = match &func {
            Value::Function(f) => (f.clone(), None),
            Value::Method(m) => match &m.1 {
                Value::Function(f) => (f.clone(), Some(m.0.clone())),
                _ => return Ok(false),
            },
            _ => return Ok(false),
        };
        if let Some(fr) = self.frames.last_mut() {
            fr.ip = ip;
        }
        let ret_to = self.stack.len();
        if let Some(r) = receiver {
            crate::stack_words::push(&mut self.stack, r);
        }
        if let Err(e) = self.push_call_frame(&f, ret_to, ret_to, None) {
            self.stack.truncate(ret_to);
            return Err(e);
        }
        self.return_hooks.push((
            self.frames.len() - 1,
            ReturnHook::Sentinel {
                iter: cell.clone(),
                sentinel,
            },
        ));
        Ok(true)
    }

    /// `FOR_ITER` on an instance whose `__next__` is the Python function
    /// `f`: pushes `f(it)`'s frame with a [`ReturnHook::ForIterNext`].
    fn for_iter_next_frame(
        &mut self,
        f: &Rc<crate::func::Function>,
        it: &Value,
        ip: usize,
    ) -> crate::exc::PyResult<()> {
        let ret_to = self.stack.len();
        crate::stack_words::push(&mut self.stack, it.clone());
        let r = self.push_special_frame(f, ret_to, ret_to, ip, Some(ReturnHook::ForIterNext));
        if r.is_err() {
            self.stack.truncate(ret_to);
        }
        r
    }

    /// The frame of a [`ReturnHook::Sentinel`] has returned, its value on
    /// top of the loop frame's stack: a value equal to the sentinel empties
    /// the iterator and ends the loop. An error comparing them is the loop's
    /// `FOR_ITER`'s to raise.
    pub(crate) fn call_iter_returned(
        &mut self,
        iter: &RefCell<IterObj>,
        sentinel: &Value,
    ) -> crate::exc::PyResult<()> {
        let Some(v) = self.stack.last().cloned() else {
            return Ok(());
        };
        // The callable emptied its own iterator meanwhile (gh-101892).
        if is_exhausted(iter) {
            self.end_call_iter_loop(true);
            return Ok(());
        }
        // `PyObject_RichCompareBool(sentinel, result, Py_EQ)`: identity
        // first, then the sentinel's `__eq__`.
        let reached = v.is(sentinel) || self.compare_bool(CmpOp::Eq, sentinel, &v)?;
        if reached {
            exhaust(iter);
            self.end_call_iter_loop(true);
        }
        Ok(())
    }

    /// Ends the `FOR_ITER` loop of the top frame whose callable frame just
    /// left: pops the iterator (and the value the frame returned, if
    /// `returned`) and jumps to the loop's exit.
    pub(crate) fn end_call_iter_loop(&mut self, returned: bool) {
        if returned {
            if let Some(v) = self.stack.pop() {
                v.release();
            }
        }
        if let Some(it) = self.stack.pop() {
            it.release();
        }
        let Some(parent) = self.frames.last_mut() else {
            return;
        };
        if let Some(i) = parent.last_instruction().filter(|i| i.op == Op::ForIter) {
            parent.ip = i.arg as usize;
        }
    }

    /// An exception left the frame of a [`ReturnHook::Sentinel`] (the frame
    /// is popped and the stack cut back to the frame's base): a
    /// `StopIteration` ends the loop below it, as `calliter_iternext`
    /// swallows it. Returns whether it did.
    pub(crate) fn call_iter_raised(
        &mut self,
        iter: &Rc<RefCell<IterObj>>,
        err: &crate::exc::PyErr,
    ) -> bool {
        if !err.is(crate::types::ExcKind::StopIteration) {
            return false;
        }
        exhaust(iter);
        self.end_call_iter_loop(false);
        true
    }
}

/// Marks a `callable_iterator` finished: later `next()` calls stop at once.
pub(crate) fn exhaust(iter: &RefCell<IterObj>) {
    if let Ok(mut b) = iter.try_borrow_mut() {
        if let IterObj::Callable { func, .. } = &mut *b {
            std::mem::replace(func, Value::Null).release();
        }
    }
}

/// Whether a `callable_iterator` is finished (its callable dropped).
pub(crate) fn is_exhausted(iter: &RefCell<IterObj>) -> bool {
    iter.try_borrow()
        .is_ok_and(|b| matches!(&*b, IterObj::Callable { func, .. } if func.is_null()))
}
