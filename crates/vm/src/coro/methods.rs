//! The Python-facing side: attributes (`cr_await`, `ag_running`, `gi_*`),
//! methods (`send`, `throw`, `close`, `__await__`, `asend`, `athrow`,
//! `aclose`, ...) and the builtins `aiter` and `anext`.

use std::cell::Cell;
use std::rc::Rc;

use super::{asend, delegate, name, AsyncObj, AwState, Flavor, N};
use crate::exc::{PyErr, PyResult};
use crate::func::{Args, BuiltinDef};
use crate::gen::{stop_iteration, GenObj, GenResult};
use crate::types::type_name;
use crate::value::{StrObj, Value};
use crate::vm::Vm;

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
                (Some("frame"), _) => Some(self.generator_frame(&c.gen)),
                (Some("running"), _) if ag => Some(Value::Bool(c.running_async.get())),
                (Some("running"), _) => Some(Value::Bool(st().running)),
                (Some("origin"), _) if !ag => Some(c.origin.clone()),
                (Some("suspended"), _) if !ag => {
                    let s = st();
                    Some(Value::Bool(s.started && !s.done && !s.running))
                }
                (_, "__name__") => Some(Value::Str(c.gen.name())),
                (_, "__qualname__") => Some(Value::Str(c.gen.qualname())),
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
            "gi_frame" => Some(self.generator_frame(g)),
            "gi_running" => Some(Value::Bool(g.state.borrow().running)),
            "gi_suspended" => {
                let s = g.state.borrow();
                Some(Value::Bool(s.started && !s.done && !s.running))
            }
            "__name__" => Some(Value::Str(g.name())),
            "__qualname__" => Some(Value::Str(g.qualname())),
            _ => None,
        };
        match v {
            Some(v) => Ok(v),
            None => self.builtin_getattr(obj, attr),
        }
    }
}

/// The error of assigning or deleting the data attribute `name` of a
/// generator, coroutine or async generator other than `__name__` and
/// `__qualname__`: CPython's members say "readonly attribute", its getsets
/// that they are not writable. `None` for any other attribute.
pub(crate) fn readonly_attr_error(obj: &Value, name: &str) -> Option<PyErr> {
    if matches!(name, "__name__" | "__qualname__") {
        return None;
    }
    let kind = type_name(obj);
    let member = crate::modules::builtins::named_data_attr(&kind, name)?;
    Some(if member {
        PyErr::new(crate::types::ExcKind::AttributeError, "readonly attribute")
    } else {
        PyErr::new(
            crate::types::ExcKind::AttributeError,
            format!("attribute '{name}' of '{kind}' objects is not writable"),
        )
    })
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
    finish(vm.throw_args_into(g, Flavor::Generator, true, &a.pos[1..])?)
}

macro_rules! defs {
    ($owner:literal: $($name:literal => $f:ident),* $(,)?) => {
        &[$(BuiltinDef { name: $name, func: $f, owner: $owner, is_method: true }),*]
    };
}

pub(super) static CORO_METHODS: &[BuiltinDef] = defs!("coroutine":
    "send" => m_send, "throw" => m_throw, "close" => m_close, "__await__" => m_await);
pub(super) static WRAPPER_METHODS: &[BuiltinDef] = defs!("coroutine_wrapper":
    "send" => m_send, "throw" => m_throw, "close" => m_close,
    "__next__" => m_next, "__iter__" => m_iter);
pub(super) static AGEN_METHODS: &[BuiltinDef] = defs!("async_generator":
    "__aiter__" => m_aiter, "__anext__" => m_anext, "asend" => m_asend,
    "athrow" => m_athrow, "aclose" => m_aclose);
pub(super) static ASEND_METHODS: &[BuiltinDef] = defs!("async_generator_asend":
    "send" => m_send, "throw" => m_throw, "close" => m_close,
    "__next__" => m_next, "__iter__" => m_iter, "__await__" => m_await);
pub(super) static ANEXT_METHODS: &[BuiltinDef] = defs!("anext_awaitable":
    "send" => m_send, "throw" => m_throw, "close" => m_close,
    "__next__" => m_next, "__iter__" => m_iter, "__await__" => m_await);
pub(super) static ATHROW_METHODS: &[BuiltinDef] = defs!("async_generator_athrow":
    "send" => m_send, "throw" => m_throw, "close" => m_close,
    "__next__" => m_next, "__iter__" => m_iter, "__await__" => m_await);
