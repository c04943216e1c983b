//! Generator objects. A generator owns the vector that holds its frame's fast
//! locals and evaluation stack; while it runs, that vector is the VM's value
//! stack (`gen_frame.rs`), so resuming and suspending swap vectors instead of
//! moving values. Python code resumes a generator in its own eval loop; Rust
//! callers (`next()`, `list(gen)`) run the frame in a nested `run_frames`.

use std::cell::RefCell;
use std::rc::Rc;

use crate::code::Code;
use crate::coro::Resume;
use crate::dict::Dict;
use crate::exc::{PyErr, PyResult};
use crate::func::{Args, BuiltinDef};
use crate::types::ExcKind;
use crate::value::{StrObj, Value};
use crate::vm::Vm;

/// Execution state of a generator.
#[derive(Debug, Default)]
pub struct GenState {
    /// While suspended: the frame's fast locals followed by its evaluation
    /// stack, in order. While running, the two vectors trade places: this
    /// one is the VM's value stack, and this field holds the resumer's (the
    /// values of the frames below). Freed once finished.
    pub values: Vec<Value>,
    /// Next instruction.
    pub ip: usize,
    /// Whether it is running now.
    pub running: bool,
    /// Whether it has finished.
    pub done: bool,
    /// Whether it has been resumed at least once.
    pub started: bool,
    /// The exception it is handling while suspended (`gi_exc_state`), or `Null`.
    pub exc: Value,
    /// While running: the resumer's `exc_info`, restored when the frame
    /// leaves; `Null` stands for `None` (the usual value, so that the usual
    /// switch writes nothing here). Read through [`GenState::caller_exc`].
    pub(crate) caller_exc: Value,
    /// How many `except`/`finally` handlers of its frame are active (a
    /// `PUSH_EXC_INFO` not yet matched by its `POP_EXCEPT`): while one is,
    /// `exc_info` is the frame's own exception rather than its resumer's,
    /// and a suspension keeps it (`gi_exc_state`).
    pub(crate) handlers: u32,
    /// While suspended: the frame record its last suspension took off the
    /// call stack (code, globals and names, without the generator), pushed
    /// again by the next resume so that a switch moves it instead of
    /// cloning and dropping its references. `None` before the first
    /// suspension, after the generator finished, or when a frame left the
    /// stack another way (an exception, `throw()`'s linking); a resume then
    /// builds it from the generator's own fields.
    pub(crate) frame: Option<crate::vm::Frame>,
}

impl GenState {
    /// While running: the resumer's `exc_info`.
    pub(crate) fn caller_exc(&self) -> Value {
        match &self.caller_exc {
            Value::Null => Value::None,
            v => v.clone(),
        }
    }

    /// Takes the resumer's `exc_info` as the frame leaves.
    #[inline(always)]
    pub(crate) fn take_caller_exc(&mut self) -> Value {
        if self.caller_exc.is_null() {
            Value::None
        } else {
            std::mem::replace(&mut self.caller_exc, Value::Null)
        }
    }

    /// Records the resumer's `exc_info` as the frame enters.
    #[inline(always)]
    pub(crate) fn set_caller_exc(&mut self, v: Value) {
        let v = if matches!(v, Value::None) {
            Value::Null
        } else {
            v
        };
        std::mem::replace(&mut self.caller_exc, v).release();
    }
}

/// A generator object.
#[derive(Debug)]
pub struct GenObj {
    /// The generator function's code.
    pub code: Rc<Code>,
    /// Its globals.
    pub globals: Rc<RefCell<Dict>>,
    /// Mutable state.
    pub state: RefCell<GenState>,
    /// `__name__` and `__qualname__` once assigned; until then the code's.
    /// Boxed so that a generator that is never renamed pays one word.
    pub(crate) renamed: RefCell<Option<Box<GenNames>>>,
    /// The `locals()` mapping of a module body compiled with
    /// `PyCF_ALLOW_TOP_LEVEL_AWAIT`, whose frame is a coroutine's and still
    /// runs `LOAD_NAME`/`STORE_NAME`; `None` for function frames.
    pub(crate) names: Option<Rc<RefCell<Dict>>>,
    /// The frame object `gi_frame` last gave for the suspended frame, so
    /// that reading it again gives the same object (`gen.gi_frame is
    /// gen.gi_frame`), as CPython's generator owns one frame.
    pub(crate) frame: RefCell<std::rc::Weak<crate::frame_obj::FrameObj>>,
}

/// The generator object behind a generator, coroutine or async generator.
pub(crate) fn frame_owner(v: &Value) -> Option<&Rc<GenObj>> {
    match v {
        Value::Generator(g) => Some(g),
        Value::Async(a) => a.generator(),
        _ => None,
    }
}

/// A generator's assigned `__name__` and `__qualname__`.
#[derive(Debug, Clone)]
pub(crate) struct GenNames {
    name: Rc<StrObj>,
    qualname: Rc<StrObj>,
}

impl GenObj {
    /// A generator for the frame of `code`, suspended before its first instruction.
    pub(crate) fn new(code: Rc<Code>, globals: Rc<RefCell<Dict>>, state: GenState) -> Self {
        GenObj {
            code,
            globals,
            state: RefCell::new(state),
            renamed: RefCell::new(None),
            names: None,
            frame: RefCell::new(std::rc::Weak::new()),
        }
    }

    /// `__name__`.
    pub fn name(&self) -> Rc<StrObj> {
        match &*self.renamed.borrow() {
            Some(n) => n.name.clone(),
            None => self.code.name.clone(),
        }
    }

    /// `__qualname__`, which reprs and warnings show.
    pub fn qualname(&self) -> Rc<StrObj> {
        match &*self.renamed.borrow() {
            Some(n) => n.qualname.clone(),
            None => self.code.qualname.clone(),
        }
    }

    /// `g.__name__ = value` (`qualified`: `__qualname__`), as
    /// `gen_set_name`/`gen_set_qualname` check it; `None` deletes, which
    /// generators refuse.
    pub(crate) fn set_name(&self, qualified: bool, value: Option<&Value>) -> PyResult<()> {
        let Some(Value::Str(s)) = value else {
            let which = if qualified {
                "__qualname__"
            } else {
                "__name__"
            };
            return Err(PyErr::type_error(format!(
                "{which} must be set to a string object"
            )));
        };
        let mut slot = self.renamed.borrow_mut();
        let names = slot.get_or_insert_with(|| {
            Box::new(GenNames {
                name: self.code.name.clone(),
                qualname: self.code.qualname.clone(),
            })
        });
        if qualified {
            names.qualname = s.clone();
        } else {
            names.name = s.clone();
        }
        Ok(())
    }
}

/// The names a generator function's frame hands to the generator it is
/// about to make, when the function was renamed after its code was
/// compiled: `_Py_MakeCoro` names a generator after its function.
#[derive(Debug)]
pub(crate) struct PendingGenNames {
    /// How many frames were on the stack below the function's frame.
    depth: usize,
    /// The function's code, which the generator's must be.
    code: *const Code,
    names: Box<GenNames>,
}

impl Vm {
    /// Called when a frame of generator `code` for `f` has just been pushed
    /// (it runs `RETURN_GENERATOR` before anything else): remembers `f`'s
    /// names for the generator if they are not the code's.
    #[cold]
    #[inline(never)]
    pub(crate) fn note_gen_names(&mut self, f: &crate::func::Function, code: &Rc<Code>) {
        let name = f.name.borrow();
        let qualname = f.qualname.borrow();
        if name.as_str() == code.name.as_str() && qualname.as_str() == code.qualname.as_str() {
            return;
        }
        self.pending_gen_names = Some(PendingGenNames {
            depth: self.frames.len(),
            code: Rc::as_ptr(code),
            names: Box::new(GenNames {
                name: name.clone(),
                qualname: qualname.clone(),
            }),
        });
    }

    /// `RETURN_GENERATOR` (its frame popped) made `gen`: gives it the names
    /// its function had, if they were noted for this frame.
    #[cold]
    #[inline(never)]
    pub(crate) fn take_gen_names(&mut self, gen: &GenObj) {
        if let Some(p) = self.pending_gen_names.take() {
            if p.depth == self.frames.len() && std::ptr::eq(p.code, Rc::as_ptr(&gen.code)) {
                *gen.renamed.borrow_mut() = Some(p.names);
            }
        }
    }
}

/// How a resumption ended.
#[derive(Debug)]
pub enum GenResult {
    /// The generator yielded a value.
    Yielded(Value),
    /// The generator returned (the value of `StopIteration`).
    Returned(Value),
}

impl Vm {
    /// Resumes a generator from Rust, sending `sent` as the value of the
    /// pending `yield`.
    pub fn resume(&mut self, gen: &Rc<GenObj>, sent: Value) -> PyResult<GenResult> {
        self.resume_frame(
            gen,
            crate::coro::Flavor::Generator,
            Resume::Send(sent),
            false,
        )
    }
}

/// `RETURN_GENERATOR` of frame `f` (popped): moves the new generator's frame
/// values (`stack[f.base..]`) into a vector of their own, with room for the
/// frame's whole evaluation stack and a sent value, so that running it
/// allocates nothing unless it calls; drops `stack` to `f.ret_to`.
pub(crate) fn frame_vector(stack: &mut Vec<Value>, f: &crate::vm::Frame) -> Vec<Value> {
    // A code object's sizes come from its file: a corrupt `co_stacksize`
    // must not reserve gigabytes up front (the vector grows if need be).
    const MAX_RESERVE: usize = 1 << 12;
    let from = f.base.min(stack.len());
    let room = (f.code.nlocalsplus() + f.code.raw.stacksize as usize + 1).min(MAX_RESERVE);
    let mut values = Vec::with_capacity(room.max(stack.len() - from));
    values.extend(stack.drain(from..));
    stack.truncate(f.ret_to);
    values
}

impl Vm {
    /// `FOR_ITER`'s slow path: a generator is resumed directly, anything else
    /// goes through the general `iter_next`.
    #[inline]
    pub(crate) fn for_iter_next(&mut self, it: &Value) -> PyResult<Option<Value>> {
        if let Value::Generator(g) = it {
            return Ok(match self.resume(g, Value::None)? {
                GenResult::Yielded(v) => Some(v),
                GenResult::Returned(_) => None,
            });
        }
        self.iter_next(it)
    }
}

fn recv_gen<'a>(a: &Args<'a>, name: &str) -> PyResult<&'a Rc<GenObj>> {
    match a.pos.first() {
        Some(Value::Generator(g)) => Ok(g),
        _ => Err(PyErr::type_error(format!(
            "descriptor '{name}' requires a 'generator' object"
        ))),
    }
}

fn gen_send(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let g = recv_gen(&a, "send")?;
    let v = a.pos.get(1).cloned().unwrap_or(Value::None);
    let fresh = !g.state.borrow().started;
    if fresh && !matches!(v, Value::None) {
        return Err(PyErr::type_error(
            "can't send non-None value to a just-started generator",
        ));
    }
    match vm.resume(g, v)? {
        GenResult::Yielded(v) => Ok(v),
        GenResult::Returned(v) => Err(stop_iteration(v)),
    }
}

fn gen_next(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let g = recv_gen(&a, "__next__")?;
    match vm.resume(g, Value::None)? {
        GenResult::Yielded(v) => Ok(v),
        GenResult::Returned(v) => Err(stop_iteration(v)),
    }
}

fn gen_close(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let g = recv_gen(&a, "close")?;
    vm.close_gen(g, crate::coro::Flavor::Generator)?;
    Ok(Value::None)
}

/// `StopIteration(value)` (no arguments for `None`).
pub fn stop_iteration(v: Value) -> PyErr {
    if matches!(v, Value::None) {
        PyErr::with_args(ExcKind::StopIteration, Vec::new())
    } else {
        PyErr::with_args(ExcKind::StopIteration, vec![v])
    }
}

/// The value a StopIteration carries (its first argument, else `None`).
pub fn stop_value(e: &PyErr) -> Value {
    if let Some(v) = e.0.stored_member("value") {
        return v;
    }
    e.0.args.borrow().first().cloned().unwrap_or(Value::None)
}

/// Methods of generator objects.
pub static GEN_METHODS: &[BuiltinDef] = &[
    BuiltinDef {
        name: "send",
        func: gen_send,
        owner: "generator",
        is_method: true,
    },
    BuiltinDef {
        name: "__next__",
        func: gen_next,
        owner: "generator",
        is_method: true,
    },
    BuiltinDef {
        name: "throw",
        func: crate::coro::gen_throw,
        owner: "generator",
        is_method: true,
    },
    BuiltinDef {
        name: "close",
        func: gen_close,
        owner: "generator",
        is_method: true,
    },
];
