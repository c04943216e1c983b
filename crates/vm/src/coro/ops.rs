//! The opcodes of `await`, `async for` and `async with`: `GET_AWAITABLE`,
//! `GET_AITER`, `GET_ANEXT`, `END_ASYNC_FOR`, `BEFORE_ASYNC_WITH`,
//! `ASYNC_GEN_WRAP`.

use std::rc::Rc;

use pith_bytecode::Opcode as Op;

use super::{asend, delegate, from_cause, is_coroutine, is_iterator, name, AsyncObj, Flavor, N};
use crate::exc::{PyErr, PyResult};
use crate::types::{type_name, type_of, ExcKind};
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// `_PyObject_LookupSpecial`: a method of `obj`'s type, bound to `obj`.
    pub(super) fn lookup_special(&mut self, obj: &Value, n: N) -> PyResult<Option<Value>> {
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
    pub(super) fn awaitable_iter(&mut self, v: &Value) -> PyResult<Value> {
        if is_coroutine(v) || is_iterable_coroutine(v) {
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
                let has_await = is_coroutine(&v)
                    || is_iterable_coroutine(&v)
                    || self.lookup_special(&v, N::Await)?.is_some();
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

/// A generator of a generator-based coroutine (`types.coroutine`), which
/// `await` accepts as it is (`CO_ITERABLE_COROUTINE`).
fn is_iterable_coroutine(v: &Value) -> bool {
    matches!(v, Value::Generator(g)
        if g.code.flags.contains(pith_bytecode::CodeFlags::ITERABLE_COROUTINE))
}
