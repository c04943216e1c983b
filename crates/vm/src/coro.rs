//! Coroutines (`async def`) and async generators, on the generators' frame
//! machinery (`gen.rs`): a suspended frame kept in a [`GenObj`], resumed by a
//! nested `run_frames`. This module adds what `Objects/genobject.c` adds on top
//! of plain generators: resuming with an exception (`throw`, `close`),
//! delegation to the awaited object (`cr_await`), the awaitables of async
//! generators (`asend`, `athrow`, `aclose`) and the `await`/`async for`/`async
//! with` opcodes. Everything here runs without an event loop: a coroutine is
//! driven by `send(None)` from Python code.

use std::cell::Cell;
use std::rc::Rc;

use pith_bytecode::Opcode as Op;

use crate::exc::{PyErr, PyResult};
use crate::func::{Args, BuiltinDef};
use crate::gen::{stop_iteration, GenObj, GenResult};
use crate::types::{type_name, type_of, ExcKind, TypeKind};
use crate::value::{StrObj, Value};
use crate::vm::{Frame, Vm};

/// What a frame-backed object is, for its messages ("coroutine already executing").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flavor {
    /// A plain generator.
    Generator,
    /// A coroutine (`async def` without `yield`).
    Coroutine,
    /// An async generator (`async def` with `yield`).
    AsyncGen,
}

impl Flavor {
    fn name(self) -> &'static str {
        match self {
            Flavor::Generator => "generator",
            Flavor::Coroutine => "coroutine",
            Flavor::AsyncGen => "async generator",
        }
    }
}

/// A coroutine or an async generator: its frame and the flags of `PyAsyncGenObject`.
#[derive(Debug)]
pub struct CoroObj {
    /// The suspended frame.
    pub gen: Rc<GenObj>,
    /// Coroutine or async generator (never `Generator`).
    pub flavor: Flavor,
    /// `ag_running_async`: an `asend`/`athrow` awaitable is driving it.
    running_async: Cell<bool>,
    /// `ag_closed`.
    closed: Cell<bool>,
    /// The "never awaited" warning was given already.
    warned: Cell<bool>,
}

impl Drop for CoroObj {
    fn drop(&mut self) {
        let Ok(st) = self.gen.state.try_borrow() else {
            return;
        };
        if st.done || st.running || self.warned.get() {
            return;
        }
        if !st.started {
            if self.flavor == Flavor::Coroutine {
                crate::coro_warn::never_awaited(self.gen.code.qualname.as_str());
            }
        } else if Rc::strong_count(&self.gen) == 1 {
            let kind = if self.flavor == Flavor::AsyncGen {
                "async_generator"
            } else {
                "coroutine"
            };
            let repr = format!(
                "<{kind} object {} at {:#x}>",
                self.gen.code.qualname.as_str(),
                self as *const CoroObj as usize
            );
            drop(st);
            crate::coro_warn::close_later(self.gen.clone(), self.flavor, repr);
        }
    }
}

/// Where an `asend`/`athrow` awaitable is (`AWAITABLE_STATE_*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AwState {
    /// Not started.
    Init,
    /// Started.
    Iter,
    /// Finished; awaiting it again is an error.
    Closed,
}

/// The objects of this module, behind one [`Value::Async`] variant.
#[derive(Debug)]
pub enum AsyncObj {
    /// `coroutine` or `async_generator`.
    Coro(CoroObj),
    /// `coroutine_wrapper`: what `coroutine.__await__()` returns.
    Wrapper(Rc<AsyncObj>),
    /// `async_generator_asend`: what `__anext__()` and `asend(v)` return.
    ASend {
        /// The async generator.
        agen: Rc<AsyncObj>,
        /// The value to send first.
        val: Value,
        /// Progress.
        state: Cell<AwState>,
    },
    /// `async_generator_athrow`: what `athrow(...)` and `aclose()` return.
    AThrow {
        /// The async generator.
        agen: Rc<AsyncObj>,
        /// `athrow`'s arguments; `None` for `aclose()`.
        args: Option<Vec<Value>>,
        /// Progress.
        state: Cell<AwState>,
    },
    /// A value yielded by an async generator (`ASYNC_GEN_WRAP`), told apart from
    /// what its `await`s yield.
    Wrapped(Value),
    /// `anext_awaitable`: `anext(it, default)`.
    ANext {
        /// What `__anext__()` returned.
        awaitable: Value,
        /// The iterator of `awaitable`, once started.
        iter: std::cell::RefCell<Option<Value>>,
        /// The result when the iterator is exhausted.
        default: Value,
    },
}

impl AsyncObj {
    /// The type's name.
    pub fn type_name(&self) -> &'static str {
        match self {
            AsyncObj::Coro(c) if c.flavor == Flavor::AsyncGen => "async_generator",
            AsyncObj::Coro(_) => "coroutine",
            AsyncObj::Wrapper(_) => "coroutine_wrapper",
            AsyncObj::ASend { .. } => "async_generator_asend",
            AsyncObj::AThrow { .. } => "async_generator_athrow",
            AsyncObj::Wrapped(_) => "async_generator_wrapped_value",
            AsyncObj::ANext { .. } => "anext_awaitable",
        }
    }

    /// Whether it is an iterator (`coroutine_wrapper`, `asend`, `athrow`).
    pub fn is_iterator(&self) -> bool {
        matches!(
            self,
            AsyncObj::Wrapper(_)
                | AsyncObj::ASend { .. }
                | AsyncObj::AThrow { .. }
                | AsyncObj::ANext { .. }
        )
    }

    fn coro(&self) -> Option<&CoroObj> {
        match self {
            AsyncObj::Coro(c) => Some(c),
            _ => None,
        }
    }

    /// The method table of the object's type.
    pub fn methods(&self) -> &'static [BuiltinDef] {
        match self {
            AsyncObj::Coro(c) if c.flavor == Flavor::AsyncGen => AGEN_METHODS,
            AsyncObj::Coro(_) => CORO_METHODS,
            AsyncObj::Wrapper(_) => WRAPPER_METHODS,
            AsyncObj::ASend { .. } => ASEND_METHODS,
            AsyncObj::AThrow { .. } => ATHROW_METHODS,
            AsyncObj::Wrapped(_) => &[],
            AsyncObj::ANext { .. } => ANEXT_METHODS,
        }
    }
}

/// The object `RETURN_GENERATOR` makes for a frame of `code`: a generator, a
/// coroutine or an async generator, by the code's flags.
pub fn new_generator(gen: GenObj) -> Value {
    let flags = gen.code.flags;
    let flavor = if flags.contains(pith_bytecode::CodeFlags::COROUTINE) {
        Flavor::Coroutine
    } else if flags.contains(pith_bytecode::CodeFlags::ASYNC_GENERATOR) {
        Flavor::AsyncGen
    } else {
        return Value::Generator(Rc::new(gen));
    };
    Value::Async(Rc::new(AsyncObj::Coro(CoroObj {
        gen: Rc::new(gen),
        flavor,
        running_async: Cell::new(false),
        closed: Cell::new(false),
        warned: Cell::new(false),
    })))
}

/// The name of a coroutine that never ran, which is then not reported again
/// when it is freed.
pub(crate) fn unawaited_name(a: &AsyncObj) -> Option<Rc<str>> {
    let c = a.coro()?;
    let st = c.gen.state.try_borrow().ok()?;
    if c.flavor != Flavor::Coroutine || st.started || st.done || c.warned.get() {
        return None;
    }
    c.warned.set(true);
    Some(c.gen.code.qualname.as_str().into())
}

/// The frame of a suspended coroutine or async generator, which is then
/// closed by the caller rather than when it is freed.
pub(crate) fn suspended(a: &AsyncObj) -> Option<(Rc<GenObj>, Flavor)> {
    let c = a.coro()?;
    let st = c.gen.state.try_borrow().ok()?;
    if !st.started || st.done || st.running || c.warned.get() {
        return None;
    }
    c.warned.set(true);
    Some((c.gen.clone(), c.flavor))
}

/// `repr()` of the objects of this module.
pub fn repr(a: &AsyncObj, addr: &str) -> String {
    match a {
        AsyncObj::Coro(c) => format!(
            "<{} object {} at {}>",
            a.type_name(),
            c.gen.code.qualname.as_str(),
            addr
        ),
        _ => format!("<{} object at {}>", a.type_name(), addr),
    }
}

/// How a frame is resumed.
pub(crate) enum Resume {
    /// With a value for the pending `yield` (or `None` to start it).
    Send(Value),
    /// With an exception raised at the pending `yield`.
    Throw(PyErr),
}

fn already_executing(flavor: Flavor) -> PyErr {
    PyErr::value_error(format!("{} already executing", flavor.name()))
}

/// `RuntimeError(msg)` raised from `cause` (`_PyErr_FormatFromCause`).
fn from_cause(kind: ExcKind, msg: &str, cause: &PyErr) -> PyErr {
    let e = PyErr::new(kind, msg);
    *e.0.cause.borrow_mut() = Some(cause.0.clone());
    *e.0.context.borrow_mut() = Some(cause.0.clone());
    e.0.suppress_context.set(true);
    e
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
    let off = *gen.code.offsets.get(k)? as usize + 2;
    let raw = &gen.code.raw.code;
    let resume = raw.get(off) == Some(&(Op::Resume as u8));
    if resume && raw.get(off + 1).is_some_and(|&a| a >= 2) {
        st.saved.last().cloned()
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
        st.saved.pop();
        if let Some(send) = st.ip.checked_sub(2).and_then(|i| gen.code.instrs.get(i)) {
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

thread_local! {
    static NAMES: [Rc<StrObj>; 8] = [
        "__await__", "__aiter__", "__anext__", "__aenter__", "__aexit__", "throw", "close", "send",
    ]
    .map(|s| Rc::new(StrObj::new(s)));
}

#[derive(Clone, Copy)]
enum N {
    Await,
    AIter,
    ANext,
    AEnter,
    AExit,
    Throw,
    Close,
    Send,
}

fn name(n: N) -> Rc<StrObj> {
    NAMES.with(|t| t[n as usize].clone())
}

impl Vm {
    /// Resumes a frame-backed object (`gen_send_ex2`). `closing` silences the
    /// error of an exhausted coroutine (from `close()`).
    pub(crate) fn resume_ex(
        &mut self,
        gen: &Rc<GenObj>,
        flavor: Flavor,
        how: Resume,
        closing: bool,
    ) -> PyResult<GenResult> {
        let (mut saved, ip, own_exc) = {
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
                return match how {
                    Resume::Send(_) => Ok(GenResult::Returned(Value::None)),
                    Resume::Throw(e) => Err(e),
                };
            }
            if let Resume::Send(v) = &how {
                if !st.started && !matches!(v, Value::None) {
                    return Err(PyErr::type_error(format!(
                        "can't send non-None value to a just-started {}",
                        flavor.name()
                    )));
                }
            }
            st.running = true;
            st.started = true;
            (
                std::mem::take(&mut st.saved),
                st.ip,
                std::mem::take(&mut st.exc),
            )
        };
        if self.native_depth >= crate::vm::MAX_NATIVE_DEPTH
            || self.frames.len() >= self.recursion_limit
        {
            let mut st = gen.state.borrow_mut();
            st.saved = saved;
            st.exc = own_exc;
            st.running = false;
            return Err(PyErr::new(
                ExcKind::RecursionError,
                "maximum recursion depth exceeded",
            ));
        }
        let base = self.stack.len();
        self.stack.append(&mut saved);
        let thrown = match how {
            Resume::Send(v) => {
                self.stack.push(v);
                None
            }
            Resume::Throw(e) => Some(e),
        };
        gen.state.borrow_mut().saved = saved;
        self.frames.push(Frame {
            code: gen.code.clone(),
            globals: gen.globals.clone(),
            names: None,
            base,
            ret_to: base,
            ip,
            entry: true,
            generator: Some(gen.clone()),
        });
        // The frame sees the exception it was handling when it suspended, or
        // else its caller's (CPython chains `gi_exc_state` to the caller's).
        let own = !own_exc.is_null();
        let outer_exc = if own {
            std::mem::replace(&mut self.exc_info, own_exc)
        } else {
            self.exc_info.clone()
        };
        self.native_depth += 1;
        let r = match thrown {
            None => self.run_frames(),
            // Raised at the pending `yield` (the instruction before `ip`).
            Some(e) => match self.unwind::<false>(e, false, ip.saturating_sub(1) as u32) {
                Ok(()) => self.run_frames(),
                Err(e) => Err(e),
            },
        };
        self.native_depth -= 1;
        let inner_exc = std::mem::replace(&mut self.exc_info, outer_exc);
        let yielded = std::mem::take(&mut self.yielded);
        let mut st = gen.state.borrow_mut();
        st.running = false;
        match r {
            Ok(v) if yielded => {
                let unchanged = match (&inner_exc, &self.exc_info) {
                    (Value::Exception(a), Value::Exception(b)) => Rc::ptr_eq(a, b),
                    (a, b) => {
                        !matches!(a, Value::Exception(_)) && !matches!(b, Value::Exception(_))
                    }
                };
                if (own || !unchanged) && matches!(inner_exc, Value::Exception(_)) {
                    st.exc = inner_exc;
                }
                Ok(GenResult::Yielded(v))
            }
            Ok(v) => {
                st.done = true;
                st.saved.clear();
                Ok(GenResult::Returned(v))
            }
            Err(e) => {
                st.done = true;
                st.saved.clear();
                if e.is(ExcKind::StopIteration) {
                    let msg = format!("{} raised StopIteration", flavor.name());
                    return Err(from_cause(ExcKind::RuntimeError, &msg, &e));
                }
                if flavor == Flavor::AsyncGen && e.is(ExcKind::StopAsyncIteration) {
                    let msg = "async generator raised StopAsyncIteration";
                    return Err(from_cause(ExcKind::RuntimeError, msg, &e));
                }
                Err(e)
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
            return self.resume_ex(gen, flavor, Resume::Throw(exc), false);
        };
        if close_on_genexit && exc.is(ExcKind::GeneratorExit) {
            set_running(gen, true);
            let r = self.close_iter(&yf);
            set_running(gen, false);
            let exc = match r {
                Err(e) => e,
                Ok(()) => exc,
            };
            return self.resume_ex(gen, flavor, Resume::Throw(exc), false);
        }
        set_running(gen, true);
        let r = if let Some((g, fl)) = frame_of(&yf) {
            let g = g.clone();
            self.throw_into(&g, fl, close_on_genexit, exc)
        } else {
            let meth = match self.get_attr(&yf, &name(N::Throw)) {
                Ok(m) => Some(m),
                Err(e) if e.is(ExcKind::AttributeError) => None,
                Err(e) => {
                    set_running(gen, false);
                    return Err(e);
                }
            };
            match meth {
                None => {
                    set_running(gen, false);
                    return self.resume_ex(gen, flavor, Resume::Throw(exc), false);
                }
                Some(m) => self.call(&m, &[exc.value()]).map(GenResult::Yielded),
            }
        };
        set_running(gen, false);
        match r {
            Ok(GenResult::Yielded(v)) => Ok(GenResult::Yielded(v)),
            Ok(GenResult::Returned(v)) => {
                end_delegation(gen);
                self.resume_ex(gen, flavor, Resume::Send(v), false)
            }
            Err(e) => {
                end_delegation(gen);
                if e.is(ExcKind::StopIteration) {
                    let v = e.0.args.borrow().first().cloned().unwrap_or(Value::None);
                    self.resume_ex(gen, flavor, Resume::Send(v), false)
                } else {
                    self.resume_ex(gen, flavor, Resume::Throw(e), false)
                }
            }
        }
    }

    /// `gen_close_iter`: closes what a frame delegates to.
    fn close_iter(&mut self, yf: &Value) -> PyResult<()> {
        if let Some((g, fl)) = frame_of(yf) {
            let g = g.clone();
            return self.close_gen(&g, fl);
        }
        match self.get_attr(yf, &name(N::Close)) {
            Ok(m) => self.call(&m, &[]).map(|_| ()),
            Err(e) if e.is(ExcKind::AttributeError) => Ok(()),
            Err(e) => Err(e),
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
        match self.resume_ex(gen, flavor, Resume::Throw(exc), true) {
            Ok(GenResult::Yielded(_)) => Err(PyErr::new(
                ExcKind::RuntimeError,
                format!("{} ignored GeneratorExit", flavor.name()),
            )),
            Ok(GenResult::Returned(_)) => Ok(()),
            Err(e) if e.is(ExcKind::StopIteration) || e.is(ExcKind::GeneratorExit) => Ok(()),
            Err(e) => Err(e),
        }
    }

    /// `throw(typ[, val[, tb]])`'s exception.
    fn throw_args(&mut self, args: &[Value]) -> PyResult<PyErr> {
        let typ = args.first().cloned().unwrap_or(Value::None);
        let val = args.get(1).cloned().unwrap_or(Value::None);
        if args.get(2).is_some_and(|tb| !matches!(tb, Value::None)) {
            return Err(PyErr::type_error(
                "throw() third argument must be a traceback object",
            ));
        }
        match &typ {
            Value::Type(t) if matches!(t.kind, TypeKind::Exception(_)) => {
                let inst = match &val {
                    Value::Exception(e) if e.typ.is_subtype(t) => return Ok(PyErr(e.clone())),
                    Value::None => self.call(&typ, &[])?,
                    Value::Tuple(items) => self.call(&typ, items)?,
                    other => self.call(&typ, std::slice::from_ref(other))?,
                };
                match inst {
                    Value::Exception(e) => Ok(PyErr(e)),
                    other => Err(PyErr::type_error(format!(
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

    /// `SEND` to an object of this module (`PyIter_Send`).
    pub(crate) fn async_send(&mut self, a: &Rc<AsyncObj>, v: Value) -> PyResult<GenResult> {
        match &**a {
            AsyncObj::Coro(c) => self.resume_ex(&c.gen, c.flavor, Resume::Send(v), false),
            AsyncObj::Wrapper(inner) => {
                let inner = inner.clone();
                self.async_send(&inner, v)
            }
            AsyncObj::ASend { agen, val, state } => self.asend_send(agen, val, state, v),
            AsyncObj::AThrow { agen, args, state } => {
                self.athrow_send(agen, args.as_deref(), state, v)
            }
            AsyncObj::Wrapped(_) => Err(PyErr::type_error(format!(
                "'{}' object is not an iterator",
                a.type_name()
            ))),
            AsyncObj::ANext { default, .. } => {
                let it = self.anext_iter(a)?;
                let r = self.send_any(&it, v);
                anext_default(r, default)
            }
        }
    }

    /// The iterator behind an `anext_awaitable` (`anextawaitable_getiter`).
    fn anext_iter(&mut self, a: &AsyncObj) -> PyResult<Value> {
        let AsyncObj::ANext {
            awaitable, iter, ..
        } = a
        else {
            return Err(PyErr::system_error("not an anext_awaitable"));
        };
        if let Some(it) = iter.borrow().clone() {
            return Ok(it);
        }
        let it = self.awaitable_iter(awaitable)?;
        *iter.borrow_mut() = Some(it.clone());
        Ok(it)
    }

    /// `PyIter_Send` on any object.
    fn send_any(&mut self, recv: &Value, v: Value) -> PyResult<GenResult> {
        match recv {
            Value::Generator(g) => self.resume_ex(g, Flavor::Generator, Resume::Send(v), false),
            Value::Async(a) => self.async_send(a, v),
            other if matches!(v, Value::None) => Ok(match self.iter_next(other)? {
                Some(x) => GenResult::Yielded(x),
                None => GenResult::Returned(Value::None),
            }),
            other => self.send_method(other, v),
        }
    }

    /// `SEND` of a value other than `None` to an object that is not a
    /// generator: its `send` method (`PyIter_Send`).
    pub(crate) fn send_method(&mut self, recv: &Value, v: Value) -> PyResult<GenResult> {
        let send = self.get_attr(recv, &name(N::Send))?;
        match self.call(&send, &[v]) {
            Ok(x) => Ok(GenResult::Yielded(x)),
            Err(e) if e.is(ExcKind::StopIteration) => Ok(GenResult::Returned(
                e.0.args.borrow().first().cloned().unwrap_or(Value::None),
            )),
            Err(e) => Err(e),
        }
    }

    /// `GET_YIELD_FROM_ITER` of an object of this module in a frame of `code`.
    pub(crate) fn yield_from_async(
        &mut self,
        v: Value,
        code: &crate::code::Code,
    ) -> PyResult<Value> {
        if is_coroutine(&v) {
            let ok = pith_bytecode::CodeFlags::COROUTINE;
            let iterable = pith_bytecode::CodeFlags::ITERABLE_COROUTINE;
            if code.flags.contains(ok) || code.flags.contains(iterable) {
                return Ok(v);
            }
            return Err(PyErr::type_error(
                "cannot 'yield from' a coroutine object in a non-coroutine generator",
            ));
        }
        self.get_iter(&v)
    }

    /// `next()` on an object of this module.
    pub(crate) fn async_next(&mut self, a: &Rc<AsyncObj>) -> PyResult<Option<Value>> {
        match &**a {
            AsyncObj::Wrapper(_) | AsyncObj::ASend { .. } | AsyncObj::AThrow { .. } => {
                Ok(match self.async_send(a, Value::None)? {
                    GenResult::Yielded(v) => Some(v),
                    GenResult::Returned(Value::None) => None,
                    GenResult::Returned(v) => return Err(stop_iteration(v)),
                })
            }
            _ => Err(PyErr::type_error(format!(
                "'{}' object is not an iterator",
                a.type_name()
            ))),
        }
    }

    /// `throw()` of an object of this module.
    fn async_throw(&mut self, a: &Rc<AsyncObj>, args: &[Value]) -> PyResult<GenResult> {
        match &**a {
            AsyncObj::Coro(c) => {
                let exc = self.throw_args(args)?;
                let r = self.throw_into(&c.gen, c.flavor, true, exc);
                match c.flavor {
                    Flavor::AsyncGen => agen_unwrap(c, r),
                    _ => r,
                }
            }
            AsyncObj::Wrapper(inner) => {
                let inner = inner.clone();
                self.async_throw(&inner, args)
            }
            AsyncObj::ASend { agen, state, .. } => {
                if state.get() == AwState::Closed {
                    return Err(reused_asend());
                }
                let Some(c) = agen.coro() else {
                    return Err(PyErr::system_error("asend of a non-generator"));
                };
                let exc = self.throw_args(args)?;
                let r = self.throw_into(&c.gen, c.flavor, true, exc);
                let r = agen_unwrap(c, r);
                if !matches!(r, Ok(GenResult::Yielded(_))) {
                    state.set(AwState::Closed);
                }
                r
            }
            AsyncObj::AThrow {
                agen,
                args: targs,
                state,
            } => {
                if state.get() == AwState::Closed {
                    return Err(reused_athrow());
                }
                let Some(c) = agen.coro() else {
                    return Err(PyErr::system_error("athrow of a non-generator"));
                };
                let exc = self.throw_args(args)?;
                let r = self.throw_into(&c.gen, c.flavor, true, exc);
                if targs.is_some() {
                    return agen_unwrap(c, r);
                }
                match r {
                    Ok(GenResult::Yielded(Value::Async(w)))
                        if matches!(&*w, AsyncObj::Wrapped(_)) =>
                    {
                        c.running_async.set(false);
                        state.set(AwState::Closed);
                        Err(ignored_exit())
                    }
                    Err(e) if e.is(ExcKind::StopAsyncIteration) || e.is(ExcKind::GeneratorExit) => {
                        Ok(GenResult::Returned(Value::None))
                    }
                    r => r,
                }
            }
            AsyncObj::Wrapped(_) => Err(PyErr::type_error("not a generator")),
            AsyncObj::ANext { default, .. } => {
                let it = self.anext_iter(a)?;
                let r = match &it {
                    Value::Async(x) => self.async_throw(x, args),
                    Value::Generator(g) => {
                        let exc = self.throw_args(args)?;
                        self.throw_into(g, Flavor::Generator, true, exc)
                    }
                    other => {
                        let m = self.get_attr(other, &name(N::Throw))?;
                        match self.call(&m, args) {
                            Ok(x) => Ok(GenResult::Yielded(x)),
                            Err(e) if e.is(ExcKind::StopIteration) => Ok(GenResult::Returned(
                                e.0.args.borrow().first().cloned().unwrap_or(Value::None),
                            )),
                            Err(e) => Err(e),
                        }
                    }
                };
                anext_default(r, default)
            }
        }
    }

    fn asend_send(
        &mut self,
        agen: &Rc<AsyncObj>,
        first: &Value,
        state: &Cell<AwState>,
        v: Value,
    ) -> PyResult<GenResult> {
        let Some(c) = agen.coro() else {
            return Err(PyErr::system_error("asend of a non-generator"));
        };
        let mut v = v;
        match state.get() {
            AwState::Closed => return Err(reused_asend()),
            AwState::Init => {
                if c.running_async.get() {
                    return Err(PyErr::new(
                        ExcKind::RuntimeError,
                        "anext(): asynchronous generator is already running",
                    ));
                }
                if matches!(v, Value::None) {
                    v = first.clone();
                }
                state.set(AwState::Iter);
            }
            AwState::Iter => {}
        }
        c.running_async.set(true);
        let r = self.resume_ex(&c.gen, c.flavor, Resume::Send(v), false);
        let r = agen_unwrap(c, r);
        if !matches!(r, Ok(GenResult::Yielded(_))) {
            state.set(AwState::Closed);
        }
        r
    }

    fn athrow_send(
        &mut self,
        agen: &Rc<AsyncObj>,
        args: Option<&[Value]>,
        state: &Cell<AwState>,
        v: Value,
    ) -> PyResult<GenResult> {
        let Some(c) = agen.coro() else {
            return Err(PyErr::system_error("athrow of a non-generator"));
        };
        if state.get() == AwState::Closed {
            return Err(reused_athrow());
        }
        if c.gen.state.borrow().done {
            state.set(AwState::Closed);
            return Ok(GenResult::Returned(Value::None));
        }
        let r = if state.get() == AwState::Init {
            if c.running_async.get() {
                state.set(AwState::Closed);
                let what = if args.is_none() { "aclose" } else { "athrow" };
                return Err(PyErr::new(
                    ExcKind::RuntimeError,
                    format!("{what}(): asynchronous generator is already running"),
                ));
            }
            if c.closed.get() {
                state.set(AwState::Closed);
                return Err(PyErr::with_args(ExcKind::StopAsyncIteration, Vec::new()));
            }
            if !matches!(v, Value::None) {
                return Err(PyErr::new(
                    ExcKind::RuntimeError,
                    "can't send non-None value to a just-started coroutine",
                ));
            }
            state.set(AwState::Iter);
            c.running_async.set(true);
            match args {
                None => {
                    c.closed.set(true);
                    let exc = PyErr::with_args(ExcKind::GeneratorExit, Vec::new());
                    self.throw_into(&c.gen, c.flavor, false, exc)
                }
                Some(args) => {
                    if args.is_empty() {
                        return Err(PyErr::type_error(
                            "athrow expected at least 1 argument, got 0",
                        ));
                    }
                    let exc = self.throw_args(args)?;
                    let r = self.throw_into(&c.gen, c.flavor, false, exc);
                    let r = agen_unwrap(c, r);
                    if !matches!(r, Ok(GenResult::Yielded(_))) {
                        return athrow_check_error(c, false, state, r);
                    }
                    return r;
                }
            }
        } else {
            let r = self.resume_ex(&c.gen, c.flavor, Resume::Send(v), false);
            if args.is_some() {
                return agen_unwrap(c, r);
            }
            r
        };
        // aclose() mode.
        match r {
            Ok(GenResult::Yielded(Value::Async(w))) if matches!(&*w, AsyncObj::Wrapped(_)) => {
                c.running_async.set(false);
                state.set(AwState::Closed);
                Err(ignored_exit())
            }
            Ok(GenResult::Yielded(v)) => Ok(GenResult::Yielded(v)),
            Ok(GenResult::Returned(_)) => {
                athrow_check_error(c, true, state, Ok(GenResult::Returned(Value::None)))
            }
            Err(e) => athrow_check_error(c, true, state, Err(e)),
        }
    }
}

/// The end of the iterator behind `anext(it, default)` gives `default`.
fn anext_default(r: PyResult<GenResult>, default: &Value) -> PyResult<GenResult> {
    match r {
        Err(e) if e.is(ExcKind::StopAsyncIteration) => Ok(GenResult::Returned(default.clone())),
        r => r,
    }
}

fn reused_asend() -> PyErr {
    PyErr::new(
        ExcKind::RuntimeError,
        "cannot reuse already awaited __anext__()/asend()",
    )
}

fn reused_athrow() -> PyErr {
    PyErr::new(
        ExcKind::RuntimeError,
        "cannot reuse already awaited aclose()/athrow()",
    )
}

fn ignored_exit() -> PyErr {
    PyErr::new(
        ExcKind::RuntimeError,
        "async generator ignored GeneratorExit",
    )
}

/// The `check_error` exit of `async_gen_athrow_send`.
fn athrow_check_error(
    c: &CoroObj,
    aclose: bool,
    state: &Cell<AwState>,
    r: PyResult<GenResult>,
) -> PyResult<GenResult> {
    c.running_async.set(false);
    state.set(AwState::Closed);
    match r {
        Err(e) if aclose && (e.is(ExcKind::StopAsyncIteration) || e.is(ExcKind::GeneratorExit)) => {
            Ok(GenResult::Returned(Value::None))
        }
        r => r,
    }
}

/// `async_gen_unwrap_value`: a yielded wrapped value ends the awaitable with
/// `StopIteration(value)`; the end of the generator is `StopAsyncIteration`.
fn agen_unwrap(c: &CoroObj, r: PyResult<GenResult>) -> PyResult<GenResult> {
    match r {
        Ok(GenResult::Yielded(Value::Async(w))) => match &*w {
            AsyncObj::Wrapped(v) => {
                c.running_async.set(false);
                Ok(GenResult::Returned(v.clone()))
            }
            _ => Ok(GenResult::Yielded(Value::Async(w))),
        },
        Ok(GenResult::Yielded(v)) => Ok(GenResult::Yielded(v)),
        Ok(GenResult::Returned(_)) => {
            c.closed.set(true);
            c.running_async.set(false);
            Err(PyErr::with_args(ExcKind::StopAsyncIteration, Vec::new()))
        }
        Err(e) => {
            if e.is(ExcKind::StopAsyncIteration) || e.is(ExcKind::GeneratorExit) {
                c.closed.set(true);
            }
            c.running_async.set(false);
            Err(e)
        }
    }
}

// ---- the opcodes ----

/// Whether `v` is an iterator (`PyIter_Check`).
fn is_iterator(v: &Value) -> bool {
    match v {
        Value::Iter(_) | Value::Generator(_) => true,
        Value::Async(a) => a.is_iterator(),
        Value::Instance(_) => crate::class::special(&type_of(v), crate::names::D::Next).is_some(),
        _ => false,
    }
}

fn is_coroutine(v: &Value) -> bool {
    matches!(v, Value::Async(a) if matches!(&**a, AsyncObj::Coro(c) if c.flavor == Flavor::Coroutine))
}

impl Vm {
    /// `_PyObject_LookupSpecial`: a method of `obj`'s type, bound to `obj`.
    fn lookup_special(&mut self, obj: &Value, n: N) -> PyResult<Option<Value>> {
        let name = name(n);
        if let Some(def) = crate::methods::lookup(obj, name.as_str()) {
            return Ok(Some(Value::BoundBuiltin(Rc::new((obj.clone(), def)))));
        }
        if !crate::attr::is_heap_object(obj) {
            return Ok(None);
        }
        let t = type_of(obj);
        match crate::class::lookup(&t, &name) {
            Some(f) => self.bind_attr(f, obj, &t).map(Some),
            None => Ok(None),
        }
    }

    /// `_PyCoro_GetAwaitableIter`.
    fn awaitable_iter(&mut self, v: &Value) -> PyResult<Value> {
        if is_coroutine(v) {
            return Ok(v.clone());
        }
        let Some(m) = self.lookup_special(v, N::Await)? else {
            return Err(PyErr::type_error(format!(
                "object {} can't be used in 'await' expression",
                type_name(v)
            )));
        };
        let r = self.call(&m, &[])?;
        if is_coroutine(&r) {
            return Err(PyErr::type_error("__await__() returned a coroutine"));
        }
        if !is_iterator(&r) {
            return Err(PyErr::type_error(format!(
                "__await__() returned non-iterator of type '{}'",
                type_name(&r)
            )));
        }
        Ok(r)
    }

    /// `GET_AWAITABLE`.
    fn get_awaitable(&mut self, v: Value, arg: u32) -> PyResult<Value> {
        let it = match self.awaitable_iter(&v) {
            Ok(it) => it,
            Err(e) => {
                let has_await = is_coroutine(&v) || self.lookup_special(&v, N::Await)?.is_some();
                if !has_await && (arg == 1 || arg == 2) {
                    let which = if arg == 1 { "__aenter__" } else { "__aexit__" };
                    return Err(PyErr::type_error(format!(
                        "'async with' received an object from {which} that does not implement __await__: {}",
                        type_name(&v)
                    )));
                }
                return Err(e);
            }
        };
        if let Value::Async(a) = &it {
            if let AsyncObj::Coro(c) = &**a {
                if c.flavor == Flavor::Coroutine && delegate(&c.gen).is_some() {
                    return Err(PyErr::new(
                        ExcKind::RuntimeError,
                        "coroutine is being awaited already",
                    ));
                }
            }
        }
        Ok(it)
    }

    /// `GET_AITER`.
    fn get_aiter(&mut self, obj: Value) -> PyResult<Value> {
        let Some(m) = self.lookup_special(&obj, N::AIter)? else {
            return Err(PyErr::type_error(format!(
                "'async for' requires an object with __aiter__ method, got {}",
                type_name(&obj)
            )));
        };
        let it = self.call(&m, &[])?;
        if self.lookup_special(&it, N::ANext)?.is_none() {
            return Err(PyErr::type_error(format!(
                "'async for' received an object from __aiter__ that does not implement __anext__: {}",
                type_name(&it)
            )));
        }
        Ok(it)
    }

    /// `GET_ANEXT`.
    fn get_anext(&mut self, aiter: &Value) -> PyResult<Value> {
        if let Value::Async(a) = aiter {
            if matches!(&**a, AsyncObj::Coro(c) if c.flavor == Flavor::AsyncGen) {
                return Ok(asend(a, Value::None));
            }
        }
        let Some(m) = self.lookup_special(aiter, N::ANext)? else {
            return Err(PyErr::type_error(format!(
                "'async for' requires an iterator with __anext__ method, got {}",
                type_name(aiter)
            )));
        };
        let next = self.call(&m, &[])?;
        self.awaitable_iter(&next).map_err(|e| {
            let msg = format!(
                "'async for' received an invalid object from __anext__: {}",
                type_name(&next)
            );
            from_cause(ExcKind::TypeError, &msg, &e)
        })
    }

    /// `BEFORE_ASYNC_WITH`: the bound `__aexit__` and the result of `__aenter__()`.
    fn before_async_with(&mut self, mgr: &Value) -> PyResult<(Value, Value)> {
        let Some(enter) = self.lookup_special(mgr, N::AEnter)? else {
            return Err(PyErr::type_error(format!(
                "'{}' object does not support the asynchronous context manager protocol",
                type_name(mgr)
            )));
        };
        let Some(exit) = self.lookup_special(mgr, N::AExit)? else {
            return Err(PyErr::type_error(format!(
                "'{}' object does not support the asynchronous context manager protocol (missed __aexit__ method)",
                type_name(mgr)
            )));
        };
        let r = self.call(&enter, &[])?;
        Ok((exit, r))
    }

    /// Runs one of the async opcodes that only work on the value stack
    /// (`GET_AWAITABLE`, `ASYNC_GEN_WRAP`, `GET_AITER`, `GET_ANEXT`,
    /// `BEFORE_ASYNC_WITH`); `floor` is the bottom of the frame's evaluation stack.
    pub(crate) fn async_op(&mut self, op: Op, arg: u32, floor: usize) -> PyResult<()> {
        if self.stack.len() <= floor {
            return Err(PyErr::system_error("stack underflow (corrupt bytecode)"));
        }
        let top = self.stack.pop().unwrap_or_default();
        match op {
            Op::GetAwaitable => {
                let it = self.get_awaitable(top, arg)?;
                self.stack.push(it);
            }
            Op::AsyncGenWrap => self
                .stack
                .push(Value::Async(Rc::new(AsyncObj::Wrapped(top)))),
            Op::GetAiter => {
                let it = self.get_aiter(top)?;
                self.stack.push(it);
            }
            Op::GetAnext => {
                self.stack.push(top.clone());
                let aw = self.get_anext(&top)?;
                self.stack.push(aw);
            }
            Op::BeforeAsyncWith => {
                let (exit, entered) = self.before_async_with(&top)?;
                self.stack.push(exit);
                self.stack.push(entered);
            }
            other => {
                self.stack.push(top);
                return Err(PyErr::system_error(format!(
                    "{} is not an async opcode",
                    other.name()
                )));
            }
        }
        Ok(())
    }
}

/// `END_ASYNC_FOR`: `Ok` when the exception on top of the stack ends the loop
/// (`StopAsyncIteration`), after popping it and the iterator; otherwise the
/// exception to re-raise.
pub(crate) fn end_async_for(vm: &mut Vm, floor: usize) -> Result<(), PyErr> {
    if vm.stack.len() < floor + 2 {
        return Err(PyErr::system_error("stack underflow (corrupt bytecode)"));
    }
    let exc = vm.stack.pop().unwrap_or_default();
    match exc {
        Value::Exception(e) => {
            if e.is_instance(ExcKind::StopAsyncIteration) {
                vm.stack.pop();
                Ok(())
            } else {
                Err(PyErr(e))
            }
        }
        _ => Err(PyErr::system_error("END_ASYNC_FOR of a non-exception")),
    }
}

fn asend(agen: &Rc<AsyncObj>, val: Value) -> Value {
    Value::Async(Rc::new(AsyncObj::ASend {
        agen: agen.clone(),
        val,
        state: Cell::new(AwState::Init),
    }))
}

// ---- attributes ----

impl Vm {
    /// Attributes of the objects of this module.
    pub(crate) fn async_getattr(
        &mut self,
        obj: &Value,
        a: &Rc<AsyncObj>,
        attr: &Rc<StrObj>,
    ) -> PyResult<Value> {
        if let AsyncObj::Coro(c) = &**a {
            let ag = c.flavor == Flavor::AsyncGen;
            let n = attr.as_str();
            let field = match (n.split_once('_'), ag) {
                (Some(("cr", f)), false) | (Some(("ag", f)), true) => Some(f),
                _ => None,
            };
            let st = || c.gen.state.borrow();
            let v = match (field, n) {
                (Some("await"), _) => Some(delegate(&c.gen).unwrap_or(Value::None)),
                (Some("code"), _) => Some(Value::Code(c.gen.code.clone())),
                (Some("frame"), _) => Some(Value::None),
                (Some("running"), _) if ag => Some(Value::Bool(c.running_async.get())),
                (Some("running"), _) => Some(Value::Bool(st().running)),
                (Some("origin"), _) if !ag => Some(Value::None),
                (Some("suspended"), _) if !ag => {
                    let s = st();
                    Some(Value::Bool(s.started && !s.done && !s.running))
                }
                (_, "__name__") => Some(Value::Str(c.gen.code.name.clone())),
                (_, "__qualname__") => Some(Value::Str(c.gen.code.qualname.clone())),
                _ => None,
            };
            if let Some(v) = v {
                return Ok(v);
            }
        }
        self.builtin_getattr(obj, attr)
    }
}

impl Vm {
    /// Attributes of generators (`gi_*`), from the same state as coroutines'.
    pub(crate) fn generator_getattr(
        &mut self,
        obj: &Value,
        g: &Rc<GenObj>,
        attr: &Rc<StrObj>,
    ) -> PyResult<Value> {
        let v = match attr.as_str() {
            "gi_yieldfrom" => Some(delegate(g).unwrap_or(Value::None)),
            "gi_code" => Some(Value::Code(g.code.clone())),
            "gi_frame" => Some(Value::None),
            "gi_running" => Some(Value::Bool(g.state.borrow().running)),
            "gi_suspended" => {
                let s = g.state.borrow();
                Some(Value::Bool(s.started && !s.done && !s.running))
            }
            "__name__" => Some(Value::Str(g.code.name.clone())),
            "__qualname__" => Some(Value::Str(g.code.qualname.clone())),
            _ => None,
        };
        match v {
            Some(v) => Ok(v),
            None => self.builtin_getattr(obj, attr),
        }
    }
}

// ---- methods ----

fn recv<'a>(a: &Args<'a>, what: &str) -> PyResult<&'a Rc<AsyncObj>> {
    match a.pos.first() {
        Some(Value::Async(x)) => Ok(x),
        _ => Err(PyErr::type_error(format!(
            "descriptor requires a '{what}' object"
        ))),
    }
}

/// Checks a method's argument count with CPython's messages: slot wrappers
/// (`__next__`), `METH_NOARGS` and `METH_O` methods (qualified by `owner`),
/// and `METH_VARARGS` ones (`throw`).
fn arity(a: &Args<'_>, owner: &str, name: &str, min: usize, max: usize) -> PyResult<()> {
    if !a.kwnames.is_empty() {
        return Err(PyErr::type_error(format!(
            "{owner}.{name}() takes no keyword arguments"
        )));
    }
    let n = a.pos.len().saturating_sub(1);
    if n < min || n > max {
        let msg = match (min, max) {
            _ if name.starts_with("__") => format!("expected {min} arguments, got {n}"),
            (0, 0) => format!("{owner}.{name}() takes no arguments ({n} given)"),
            (1, 1) => format!("{owner}.{name}() takes exactly one argument ({n} given)"),
            _ if n < min => format!(
                "{name} expected at least {min} argument{}, got {n}",
                if min == 1 { "" } else { "s" }
            ),
            _ => format!("{name} expected at most {max} arguments, got {n}"),
        };
        return Err(PyErr::type_error(msg));
    }
    Ok(())
}

fn finish(r: GenResult) -> PyResult<Value> {
    match r {
        GenResult::Yielded(v) => Ok(v),
        GenResult::Returned(v) => Err(stop_iteration(v)),
    }
}

fn m_send(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let x = recv(&a, "coroutine")?;
    arity(&a, x.type_name(), "send", 1, 1)?;
    let v = a.pos.get(1).cloned().unwrap_or(Value::None);
    finish(vm.async_send(x, v)?)
}

fn m_next(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let x = recv(&a, "coroutine_wrapper")?;
    arity(&a, x.type_name(), "__next__", 0, 0)?;
    finish(vm.async_send(x, Value::None)?)
}

fn m_iter(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    recv(&a, "coroutine_wrapper")?;
    Ok(a.pos[0].clone())
}

fn m_throw(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let x = recv(&a, "coroutine")?;
    arity(&a, x.type_name(), "throw", 1, 3)?;
    finish(vm.async_throw(x, &a.pos[1..])?)
}

fn m_close(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let x = recv(&a, "coroutine")?;
    arity(&a, x.type_name(), "close", 0, 0)?;
    match &**x {
        AsyncObj::Coro(c) => vm.close_gen(&c.gen, c.flavor)?,
        AsyncObj::Wrapper(inner) => {
            if let AsyncObj::Coro(c) = &**inner {
                vm.close_gen(&c.gen, c.flavor)?;
            }
        }
        AsyncObj::ASend { state, .. } | AsyncObj::AThrow { state, .. } => {
            state.set(AwState::Closed)
        }
        AsyncObj::Wrapped(_) => {}
        AsyncObj::ANext { .. } => {
            let it = vm.anext_iter(x)?;
            let m = vm.get_attr(&it, &name(N::Close))?;
            vm.call(&m, &[])?;
        }
    }
    Ok(Value::None)
}

fn m_await(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let x = recv(&a, "coroutine")?;
    arity(&a, x.type_name(), "__await__", 0, 0)?;
    Ok(match &**x {
        AsyncObj::Coro(_) => Value::Async(Rc::new(AsyncObj::Wrapper(x.clone()))),
        _ => a.pos[0].clone(),
    })
}

fn m_aiter(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let x = recv(&a, "async_generator")?;
    arity(&a, x.type_name(), "__aiter__", 0, 0)?;
    Ok(a.pos[0].clone())
}

fn m_anext(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let x = recv(&a, "async_generator")?;
    arity(&a, x.type_name(), "__anext__", 0, 0)?;
    Ok(asend(x, Value::None))
}

fn m_asend(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let x = recv(&a, "async_generator")?;
    arity(&a, x.type_name(), "asend", 1, 1)?;
    Ok(asend(x, a.pos[1].clone()))
}

fn m_athrow(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let x = recv(&a, "async_generator")?;
    // `athrow()` checks its arguments when it is first awaited.
    arity(&a, x.type_name(), "athrow", 0, 3)?;
    Ok(Value::Async(Rc::new(AsyncObj::AThrow {
        agen: x.clone(),
        args: Some(a.pos[1..].to_vec()),
        state: Cell::new(AwState::Init),
    })))
}

fn m_aclose(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let x = recv(&a, "async_generator")?;
    arity(&a, x.type_name(), "aclose", 0, 0)?;
    Ok(Value::Async(Rc::new(AsyncObj::AThrow {
        agen: x.clone(),
        args: None,
        state: Cell::new(AwState::Init),
    })))
}

/// `aiter(x)`.
pub fn b_aiter(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    a.no_kw("aiter")?;
    if a.pos.len() != 1 {
        return Err(PyErr::type_error(format!(
            "aiter() takes exactly one argument ({} given)",
            a.pos.len()
        )));
    }
    let obj = &a.pos[0];
    let Some(m) = vm.lookup_special(obj, N::AIter)? else {
        return Err(PyErr::type_error(format!(
            "'{}' object is not an async iterable",
            type_name(obj)
        )));
    };
    let it = vm.call(&m, &[])?;
    if vm.lookup_special(&it, N::ANext)?.is_none() {
        return Err(PyErr::type_error(format!(
            "aiter() returned not an async iterator of type '{}'",
            type_name(&it)
        )));
    }
    Ok(it)
}

/// `anext(it[, default])`.
pub fn b_anext(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    a.no_kw("anext")?;
    let n = a.pos.len();
    if n == 0 {
        return Err(PyErr::type_error(
            "anext expected at least 1 argument, got 0",
        ));
    }
    if n > 2 {
        return Err(PyErr::type_error(format!(
            "anext expected at most 2 arguments, got {n}"
        )));
    }
    let obj = &a.pos[0];
    let Some(m) = vm.lookup_special(obj, N::ANext)? else {
        return Err(PyErr::type_error(format!(
            "'{}' object is not an async iterator",
            type_name(obj)
        )));
    };
    let awaitable = vm.call(&m, &[])?;
    match a.pos.get(1) {
        None => Ok(awaitable),
        Some(d) => Ok(Value::Async(Rc::new(AsyncObj::ANext {
            awaitable,
            iter: std::cell::RefCell::new(None),
            default: d.clone(),
        }))),
    }
}

/// `generator.throw`, on the same machinery as coroutines.
pub fn gen_throw(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let Some(Value::Generator(g)) = a.pos.first() else {
        return Err(PyErr::type_error(
            "descriptor 'throw' requires a 'generator' object",
        ));
    };
    arity(&a, "generator", "throw", 1, 3)?;
    let exc = vm.throw_args(&a.pos[1..])?;
    finish(vm.throw_into(g, Flavor::Generator, true, exc)?)
}

macro_rules! defs {
    ($owner:literal: $($name:literal => $f:ident),* $(,)?) => {
        &[$(BuiltinDef { name: $name, func: $f, owner: $owner, is_method: true }),*]
    };
}

static CORO_METHODS: &[BuiltinDef] = defs!("coroutine":
    "send" => m_send, "throw" => m_throw, "close" => m_close, "__await__" => m_await);
static WRAPPER_METHODS: &[BuiltinDef] = defs!("coroutine_wrapper":
    "send" => m_send, "throw" => m_throw, "close" => m_close,
    "__next__" => m_next, "__iter__" => m_iter);
static AGEN_METHODS: &[BuiltinDef] = defs!("async_generator":
    "__aiter__" => m_aiter, "__anext__" => m_anext, "asend" => m_asend,
    "athrow" => m_athrow, "aclose" => m_aclose);
static ASEND_METHODS: &[BuiltinDef] = defs!("async_generator_asend":
    "send" => m_send, "throw" => m_throw, "close" => m_close,
    "__next__" => m_next, "__iter__" => m_iter, "__await__" => m_await);
static ANEXT_METHODS: &[BuiltinDef] = defs!("anext_awaitable":
    "send" => m_send, "throw" => m_throw, "close" => m_close,
    "__next__" => m_next, "__iter__" => m_iter, "__await__" => m_await);
static ATHROW_METHODS: &[BuiltinDef] = defs!("async_generator_athrow":
    "send" => m_send, "throw" => m_throw, "close" => m_close,
    "__next__" => m_next, "__iter__" => m_iter, "__await__" => m_await);
