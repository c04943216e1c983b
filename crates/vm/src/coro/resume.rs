//! Resuming a suspended frame: with a value (`send`), with an exception
//! (`throw`, `close`), first in the object it delegates to (`await`,
//! `yield from`), as `gen_send_ex2`, `_gen_throw` and `gen_close`.

use std::rc::Rc;

use pith_bytecode::Opcode as Op;

use super::{name, AsyncObj, Flavor, N};
use crate::exc::{PyErr, PyResult};
use crate::gen::{GenObj, GenResult};
use crate::types::{type_name, ExcKind, TypeKind};
use crate::value::Value;
use crate::vm::Vm;

/// How a frame is resumed.
pub(crate) enum Resume {
    /// With a value for the pending `yield` (or `None` to start it).
    Send(Value),
    /// With an exception raised at the pending `yield`.
    Throw(PyErr),
}

/// `_PyGen_yf`: the object a suspended frame is delegating to (`await` or
/// `yield from`), found as CPython does: the frame stopped at a `YIELD_VALUE`
/// followed by `RESUME` with an argument of 2 or more, with the delegate on top
/// of its stack.
pub(crate) fn delegate(gen: &GenObj) -> Option<Value> {
    let st = gen.state.try_borrow().ok()?;
    if !st.started || st.done || st.running {
        return None;
    }
    let k = st.ip.checked_sub(1)?;
    let off = *gen.code.decoded_or_empty().offsets.get(k)? as usize + 2;
    let raw = &gen.code.raw.code;
    let resume = raw.get(off) == Some(&(Op::Resume as u8));
    if resume && raw.get(off + 1).is_some_and(|&a| a >= 2) {
        st.values.last().cloned()
    } else {
        None
    }
}

fn set_running(gen: &GenObj, on: bool) {
    if let Ok(mut st) = gen.state.try_borrow_mut() {
        st.running = on;
    }
}

/// Ends a delegation whose delegate finished: pops it and moves to the target
/// of the `SEND` that drove it, as `_gen_throw` does.
fn end_delegation(gen: &GenObj) {
    if let Ok(mut st) = gen.state.try_borrow_mut() {
        st.values.pop();
        if let Some(send) = st
            .ip
            .checked_sub(2)
            .and_then(|i| gen.code.decoded_or_empty().instrs.get(i))
        {
            if send.op == Op::Send {
                st.ip = send.arg as usize;
            }
        }
    }
}

fn frame_of(v: &Value) -> Option<(&Rc<GenObj>, Flavor)> {
    match v {
        Value::Generator(g) => Some((g, Flavor::Generator)),
        Value::Async(a) => match &**a {
            AsyncObj::Coro(c) if c.flavor == Flavor::Coroutine => Some((&c.gen, c.flavor)),
            _ => None,
        },
        _ => None,
    }
}

impl Vm {
    /// Resumes a frame-backed object from Rust (`gen_send_ex2`): its frame runs
    /// in a nested loop until it yields, returns or raises. `closing` silences
    /// the error of an exhausted coroutine (from `close()`).
    pub(crate) fn resume_frame(
        &mut self,
        gen: &Rc<GenObj>,
        flavor: Flavor,
        how: Resume,
        closing: bool,
    ) -> PyResult<GenResult> {
        let (sent, thrown) = match how {
            Resume::Send(v) => (Some(v), None),
            Resume::Throw(e) => (None, Some(e)),
        };
        if !self.enter_gen_frame(gen, flavor, sent, closing, true)? {
            return match thrown {
                None => Ok(GenResult::Returned(Value::None)),
                Some(e) => {
                    // Restored as it was given (`PyErr_Restore`), not raised:
                    // the caller does not chain it.
                    e.0.escaped.set(true);
                    Err(e)
                }
            };
        }
        self.native_depth += 1;
        let r = match thrown {
            None => self.run_frames(),
            Some(e) => {
                // Raised at the pending `yield` (the instruction before `ip`).
                // It is chained to the exception the frame itself handles,
                // not to its resumer's (`gen_send_ex2`'s
                // `_PyErr_ChainStackItem`), even when it comes back from a
                // delegate; the unwinder must not chain it again.
                let ip = self.frames.last().map_or(0, |f| f.ip);
                if gen.state.borrow().handlers > 0 {
                    if let Value::Exception(h) = &self.exc_info {
                        if !Rc::ptr_eq(h, &e.0) {
                            crate::eval::set_context(&e.0, h);
                        }
                    }
                }
                e.0.escaped.set(true);
                match self.unwind::<false>(e, false, ip.saturating_sub(1) as u32) {
                    Ok(()) => self.run_frames(),
                    Err(e) => Err(e),
                }
            }
        };
        self.native_depth -= 1;
        let yielded = std::mem::take(&mut self.yielded);
        match r {
            Ok(v) if yielded => Ok(GenResult::Yielded(v)),
            Ok(v) => Ok(GenResult::Returned(v)),
            Err(e) => {
                // The unwinder has left the frame already; this only matters
                // if the loop failed without popping it.
                self.leave_gen_frame(gen, false);
                Err(crate::gen_frame::escaped_error(flavor, e))
            }
        }
    }

    /// `_gen_throw`: raises `exc` in a suspended frame, first in the object it
    /// delegates to, if any.
    pub(crate) fn throw_into(
        &mut self,
        gen: &Rc<GenObj>,
        flavor: Flavor,
        close_on_genexit: bool,
        exc: PyErr,
    ) -> PyResult<GenResult> {
        let Some(yf) = delegate(gen) else {
            return self.resume_frame(gen, flavor, Resume::Throw(exc), false);
        };
        if close_on_genexit && exc.is(ExcKind::GeneratorExit) {
            set_running(gen, true);
            let r = self.close_iter(&yf);
            set_running(gen, false);
            let exc = match r {
                Err(e) => e,
                Ok(()) => exc,
            };
            return self.resume_frame(gen, flavor, Resume::Throw(exc), false);
        }
        let r = if let Some((g, fl)) = frame_of(&yf) {
            let g = g.clone();
            // `_gen_throw` links the delegating frame into the frame chain
            // while the exception goes into the frame it awaits, so that
            // frame's `f_back` (and a traceback printed there) sees it.
            let linked = self.enter_gen_frame(gen, flavor, None, false, true)?;
            if !linked {
                set_running(gen, true);
            }
            let r = self.throw_into(&g, fl, close_on_genexit, exc);
            if linked {
                self.unlink_gen_frame(gen);
            }
            r
        } else {
            match self.delegate_throw_method(gen, &yf)? {
                None => return self.resume_frame(gen, flavor, Resume::Throw(exc), false),
                Some(m) => self.call(&m, &[exc.value()]).map(GenResult::Yielded),
            }
        };
        set_running(gen, false);
        self.after_delegate_throw(gen, flavor, r)
    }

    /// `throw(*args)` on `gen`. As `_gen_throw`, a delegate that is not a
    /// generator or coroutine gets the arguments as given, unchecked, from
    /// its own `throw` (unless they are a `GeneratorExit`, which closes it);
    /// otherwise they make the exception [`Vm::throw_into`] throws.
    pub(crate) fn throw_args_into(
        &mut self,
        gen: &Rc<GenObj>,
        flavor: Flavor,
        close_on_genexit: bool,
        args: &[Value],
    ) -> PyResult<GenResult> {
        if let Some(yf) = delegate(gen).filter(|yf| frame_of(yf).is_none()) {
            let closing = close_on_genexit && args.first().is_some_and(is_generator_exit);
            if !closing {
                if let Some(m) = self.delegate_throw_method(gen, &yf)? {
                    let r = self.call(&m, args).map(GenResult::Yielded);
                    set_running(gen, false);
                    return self.after_delegate_throw(gen, flavor, r);
                }
            }
        }
        let exc = self.throw_args(args)?;
        self.throw_into(gen, flavor, close_on_genexit, exc)
    }

    /// The `throw` method of `gen`'s delegate `yf` (`None` if it has none),
    /// looked up with `gen` marked running; it stays so only when one is
    /// found, for the call.
    fn delegate_throw_method(&mut self, gen: &Rc<GenObj>, yf: &Value) -> PyResult<Option<Value>> {
        set_running(gen, true);
        match self.get_attr(yf, &name(N::Throw)) {
            Ok(m) => Ok(Some(m)),
            Err(e) => {
                set_running(gen, false);
                if e.is(ExcKind::AttributeError) {
                    Ok(None)
                } else {
                    Err(e)
                }
            }
        }
    }

    /// What a delegate's `throw` gave becomes `gen`'s: a value it yields, or
    /// the end of the delegation (a return value or StopIteration sent into
    /// `gen`'s frame, another exception thrown there).
    fn after_delegate_throw(
        &mut self,
        gen: &Rc<GenObj>,
        flavor: Flavor,
        r: PyResult<GenResult>,
    ) -> PyResult<GenResult> {
        match r {
            Ok(GenResult::Yielded(v)) => Ok(GenResult::Yielded(v)),
            Ok(GenResult::Returned(v)) => {
                end_delegation(gen);
                self.resume_frame(gen, flavor, Resume::Send(v), false)
            }
            Err(e) => {
                end_delegation(gen);
                if e.is(ExcKind::StopIteration) {
                    let v = e.0.args.borrow().first().cloned().unwrap_or(Value::None);
                    self.resume_frame(gen, flavor, Resume::Send(v), false)
                } else {
                    self.resume_frame(gen, flavor, Resume::Throw(e), false)
                }
            }
        }
    }

    /// Undoes the `enter_gen_frame` of [`Vm::throw_into`] that only linked
    /// `gen`'s frame into the chain: pops it and suspends it where it was.
    fn unlink_gen_frame(&mut self, gen: &Rc<GenObj>) {
        let ours = self
            .frames
            .last()
            .and_then(|f| f.generator.as_ref())
            .is_some_and(|g| Rc::ptr_eq(g, gen));
        if ours {
            self.frames.pop();
        }
        self.leave_gen_frame(gen, true);
    }

    /// `gen_close_iter`: closes what a frame delegates to.
    pub(super) fn close_iter(&mut self, yf: &Value) -> PyResult<()> {
        if let Some((g, fl)) = frame_of(yf) {
            let g = g.clone();
            return self.close_gen(&g, fl);
        }
        match self.get_attr(yf, &name(N::Close)) {
            Ok(m) => self.call(&m, &[]).map(|_| ()),
            Err(e) if e.is(ExcKind::AttributeError) => Ok(()),
            // A failing lookup of `close` cannot stop the close: CPython
            // reports it as unraisable and goes on closing the frame.
            Err(e) => {
                self.unraisable(None, yf, &e);
                Ok(())
            }
        }
    }

    /// `gen_close`.
    pub(crate) fn close_gen(&mut self, gen: &Rc<GenObj>, flavor: Flavor) -> PyResult<()> {
        let mut exc = None;
        if let Some(yf) = delegate(gen) {
            set_running(gen, true);
            let r = self.close_iter(&yf);
            set_running(gen, false);
            exc = r.err();
        }
        let exc = exc.unwrap_or_else(|| PyErr::with_args(ExcKind::GeneratorExit, Vec::new()));
        match self.resume_frame(gen, flavor, Resume::Throw(exc), true) {
            Ok(GenResult::Yielded(_)) => Err(PyErr::new(
                ExcKind::RuntimeError,
                format!("{} ignored GeneratorExit", flavor.name()),
            )),
            Ok(GenResult::Returned(_)) => Ok(()),
            Err(e) if e.is(ExcKind::StopIteration) || e.is(ExcKind::GeneratorExit) => Ok(()),
            Err(e) => Err(e),
        }
    }

    /// `throw(typ[, val[, tb]])`'s exception, carrying `tb` as its
    /// `__traceback__` when one is given (`_gen_throw`'s `PyErr_Restore`).
    pub(super) fn throw_args(&mut self, args: &[Value]) -> PyResult<PyErr> {
        let typ = args.first().cloned().unwrap_or(Value::None);
        let val = args.get(1).cloned().unwrap_or(Value::None);
        let tb = match args.get(2) {
            None | Some(Value::None) => None,
            Some(tb @ Value::Traceback(_)) => Some(tb),
            Some(_) => {
                return Err(PyErr::type_error(
                    "throw() third argument must be a traceback object",
                ))
            }
        };
        let err = self.throw_exception(typ, val)?;
        if let Some(tb) = tb {
            crate::frame_obj::set_traceback(&err.0, tb)?;
        }
        Ok(err)
    }

    /// The exception `throw(typ, val)` raises (`PyErr_NormalizeException`).
    /// An error while making it from a class is thrown in instead, as
    /// CPython restores whatever normalization left.
    fn throw_exception(&mut self, typ: Value, val: Value) -> PyResult<PyErr> {
        match &typ {
            Value::Type(t) if matches!(t.kind, TypeKind::Exception(_)) => {
                let made = match &val {
                    Value::Exception(e) if e.typ.is_subtype(t) => return Ok(PyErr(e.clone())),
                    Value::None => self.call(&typ, &[]),
                    Value::Tuple(items) => self.call(&typ, items),
                    other => self.call(&typ, std::slice::from_ref(other)),
                };
                match made {
                    Ok(Value::Exception(e)) => Ok(PyErr(e)),
                    Err(e) => Ok(e),
                    Ok(other) => Ok(PyErr::type_error(format!(
                        "calling {} should have returned an instance of BaseException, not {}",
                        crate::repr::repr(&typ),
                        type_name(&other)
                    ))),
                }
            }
            Value::Exception(e) => {
                if !matches!(val, Value::None) {
                    return Err(PyErr::type_error(
                        "instance exception may not have a separate value",
                    ));
                }
                Ok(PyErr(e.clone()))
            }
            other => Err(PyErr::type_error(format!(
                "exceptions must be classes or instances deriving from BaseException, not {}",
                type_name(other)
            ))),
        }
    }
}

/// Whether `typ`, the first argument of a `throw()`, is `GeneratorExit` or
/// an instance or subclass of it (`PyErr_GivenExceptionMatches`).
fn is_generator_exit(typ: &Value) -> bool {
    let genexit = crate::types::exc_type(ExcKind::GeneratorExit);
    match typ {
        Value::Type(t) => t.is_subtype(&genexit),
        Value::Exception(e) => e.typ.is_subtype(&genexit),
        _ => false,
    }
}
