//! What `SEND` (and `send`/`throw` called from Python) does to the objects of
//! this module: coroutines and their wrappers, the `asend`/`athrow`
//! awaitables of async generators (`async_gen_asend_send`,
//! `async_gen_athrow_send`, `async_gen_unwrap_value`) and `anext_awaitable`.

use std::cell::Cell;
use std::rc::Rc;

use super::resume::Resume;
use super::{is_coroutine, name, AsyncObj, AwState, CoroObj, Flavor, N};
use crate::exc::{PyErr, PyResult};
use crate::gen::{stop_iteration, GenResult};
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// `SEND` to an object of this module (`PyIter_Send`).
    pub(crate) fn async_send(&mut self, a: &Rc<AsyncObj>, v: Value) -> PyResult<GenResult> {
        match &**a {
            AsyncObj::Coro(c) => self.resume_frame(&c.gen, c.flavor, Resume::Send(v), false),
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
    pub(super) fn anext_iter(&mut self, a: &AsyncObj) -> PyResult<Value> {
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
            Value::Generator(g) => self.resume_frame(g, Flavor::Generator, Resume::Send(v), false),
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
    pub(super) fn async_throw(&mut self, a: &Rc<AsyncObj>, args: &[Value]) -> PyResult<GenResult> {
        match &**a {
            AsyncObj::Coro(c) => {
                let r = self.throw_args_into(&c.gen, c.flavor, true, args);
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
                let r = self.throw_args_into(&c.gen, c.flavor, true, args);
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
                let r = self.throw_args_into(&c.gen, c.flavor, true, args);
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
                    Value::Generator(g) => self.throw_args_into(g, Flavor::Generator, true, args),
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
        let r = self.resume_frame(&c.gen, c.flavor, Resume::Send(v), false);
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
            let r = self.resume_frame(&c.gen, c.flavor, Resume::Send(v), false);
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
