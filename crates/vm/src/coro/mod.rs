//! Coroutines (`async def`) and async generators, on the generators' frame
//! machinery (`gen.rs`): a suspended frame kept in a [`GenObj`], resumed by a
//! nested `run_frames`. This module adds what `Objects/genobject.c` adds on top
//! of plain generators: resuming with an exception (`throw`, `close`),
//! delegation to the awaited object (`cr_await`), the awaitables of async
//! generators (`asend`, `athrow`, `aclose`) and the `await`/`async for`/`async
//! with` opcodes. Everything here runs without an event loop: a coroutine is
//! driven by `send(None)` from Python code.
//!
//! `resume.rs` resumes frames (send, throw, close, delegation); `awaitables.rs`
//! drives the objects `SEND` sees (`asend`, `athrow`, `anext_awaitable`,
//! wrappers); `ops.rs` has the opcodes; `methods.rs` the Python-facing methods
//! and attributes; `finalize.rs` what happens when these objects are freed.

mod awaitables;
pub(crate) mod finalize;
mod methods;
mod ops;
mod resume;

use std::cell::Cell;
use std::rc::Rc;

use crate::exc::PyErr;
use crate::func::BuiltinDef;
use crate::gen::GenObj;
use crate::types::ExcKind;
use crate::value::{StrObj, Value};

pub(crate) use methods::readonly_attr_error;
pub use methods::{b_aiter, b_anext, gen_throw};
pub(crate) use ops::end_async_for;
pub(crate) use resume::delegate;
pub(crate) use resume::Resume;

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
    pub(crate) fn name(self) -> &'static str {
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
    /// `cr_origin`: where a coroutine was created, as `(filename, lineno,
    /// name)` tuples from the creating frame outwards, when
    /// `sys.set_coroutine_origin_tracking_depth` asked for it; else `None`.
    origin: Value,
}

impl Drop for CoroObj {
    fn drop(&mut self) {
        let Ok(st) = self.gen.state.try_borrow() else {
            return;
        };
        if st.done || st.running || self.warned.get() {
            return;
        }
        // A suspended frame is closed by the frame object's own `Drop`
        // (`finalize.rs`).
        if !st.started && self.flavor == Flavor::Coroutine {
            // CPython hands the dying coroutine itself to
            // `warnings._warn_unawaited_coroutine`; an `Rc` cannot be
            // resurrected, so a twin on the same frame stands in for it.
            let twin = Value::Async(Rc::new(AsyncObj::Coro(CoroObj {
                gen: self.gen.clone(),
                flavor: self.flavor,
                running_async: Cell::new(false),
                closed: Cell::new(false),
                warned: Cell::new(true),
                origin: self.origin.clone(),
            })));
            finalize::never_awaited(self.gen.qualname().as_str(), self.origin.clone(), twin);
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

    /// The generator running a coroutine's or async generator's frame.
    pub(crate) fn generator(&self) -> Option<&Rc<GenObj>> {
        self.coro().map(|c| &c.gen)
    }

    fn coro(&self) -> Option<&CoroObj> {
        match self {
            AsyncObj::Coro(c) => Some(c),
            _ => None,
        }
    }

    /// The method table of the object's type.
    pub fn methods(&self) -> &'static [BuiltinDef] {
        table_named(self.type_name()).unwrap_or(&[])
    }
}

/// The method table of the type called `name`, so that the type object
/// answers `coroutine.send` as its instances do.
pub(crate) fn table_named(name: &str) -> Option<&'static [BuiltinDef]> {
    Some(match name {
        "async_generator" => methods::AGEN_METHODS,
        "coroutine" => methods::CORO_METHODS,
        "coroutine_wrapper" => methods::WRAPPER_METHODS,
        "async_generator_asend" => methods::ASEND_METHODS,
        "async_generator_athrow" => methods::ATHROW_METHODS,
        "anext_awaitable" => methods::ANEXT_METHODS,
        _ => return None,
    })
}

/// The object `RETURN_GENERATOR` makes for a frame of `code`: a generator, a
/// coroutine or an async generator, by the code's flags; a coroutine keeps
/// `origin` as its `cr_origin`.
pub fn new_generator(gen: GenObj, origin: Value) -> Value {
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
        origin,
    })))
}

impl crate::vm::Vm {
    /// `cr_origin` for a coroutine created now, by the frames running (the
    /// creator's first): `compute_cr_origin` of `genobject.c`. `None` unless
    /// origin tracking is on.
    pub(crate) fn coroutine_origin(&self) -> Value {
        let depth = crate::modules::sys_asyncgen::origin_depth();
        if depth == 0 {
            return Value::None;
        }
        let frames = self.frames.iter().rev().take(depth as usize).map(|f| {
            Value::tuple(vec![
                Value::str(&f.code.raw.filename.to_string_lossy()),
                Value::Int(i64::from(f.line().unwrap_or(-1))),
                Value::Str(f.code.name.clone()),
            ])
        });
        Value::tuple(frames.collect())
    }
}

/// The name and origin of a coroutine that never ran, which is then not
/// reported again when it is freed.
pub(crate) fn unawaited(a: &AsyncObj) -> Option<(Rc<str>, Value)> {
    let c = a.coro()?;
    let st = c.gen.state.try_borrow().ok()?;
    if c.flavor != Flavor::Coroutine || st.started || st.done || c.warned.get() {
        return None;
    }
    c.warned.set(true);
    Some((c.gen.qualname().as_str().into(), c.origin.clone()))
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
            c.gen.qualname().as_str(),
            addr
        ),
        _ => format!("<{} object at {}>", a.type_name(), addr),
    }
}

/// `RuntimeError(msg)` raised from `cause` (`_PyErr_FormatFromCause`).
pub(crate) fn from_cause(kind: ExcKind, msg: &str, cause: &PyErr) -> PyErr {
    let e = PyErr::new(kind, msg);
    *e.0.cause.borrow_mut() = Some(cause.0.clone());
    *e.0.context.borrow_mut() = Some(cause.0.clone());
    e.0.suppress_context.set(true);
    e
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

pub(super) use crate::native::is_iterator;

pub(super) fn is_coroutine(v: &Value) -> bool {
    matches!(v, Value::Async(a) if matches!(&**a, AsyncObj::Coro(c) if c.flavor == Flavor::Coroutine))
}

/// A new `asend(val)` awaitable of `agen`.
pub(super) fn asend(agen: &Rc<AsyncObj>, val: Value) -> Value {
    Value::Async(Rc::new(AsyncObj::ASend {
        agen: agen.clone(),
        val,
        state: Cell::new(AwState::Init),
    }))
}
