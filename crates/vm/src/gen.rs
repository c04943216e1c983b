//! Generator objects. A suspended generator keeps its fast locals and evaluation
//! stack in a vector; resuming copies them back onto the VM's value stack and runs
//! the frame as an entry frame of a nested `run_frames` (one level of Rust
//! recursion per active resumption, as CPython's `gen_send_ex`).

use std::cell::RefCell;
use std::rc::Rc;

use crate::code::Code;
use crate::dict::Dict;
use crate::exc::{PyErr, PyResult};
use crate::func::{Args, BuiltinDef};
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::{Frame, Vm};

/// Execution state of a generator.
#[derive(Debug, Default)]
pub struct GenState {
    /// Fast locals followed by the evaluation stack, while suspended.
    pub saved: Vec<Value>,
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
    /// Resumes a generator, sending `sent` as the value of the pending `yield`.
    pub fn resume(&mut self, gen: &Rc<GenObj>, sent: Value) -> PyResult<GenResult> {
        let (saved, ip) = {
            let mut st = gen
                .state
                .try_borrow_mut()
                .map_err(|_| PyErr::value_error("generator already executing"))?;
            if st.running {
                return Err(PyErr::value_error("generator already executing"));
            }
            if st.done {
                return Ok(GenResult::Returned(Value::None));
            }
            st.running = true;
            st.started = true;
            (std::mem::take(&mut st.saved), st.ip)
        };
        if self.native_depth >= crate::vm::MAX_NATIVE_DEPTH
            || self.frames.len() >= self.recursion_limit
        {
            let mut st = gen.state.borrow_mut();
            st.saved = saved;
            st.running = false;
            return Err(PyErr::new(
                ExcKind::RecursionError,
                "maximum recursion depth exceeded",
            ));
        }
        let base = self.stack.len();
        let mut saved = saved;
        self.stack.append(&mut saved);
        self.stack.push(sent);
        // Hand the (now empty) buffer back so the next yield reuses its capacity.
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
        self.native_depth += 1;
        let r = self.run_frames();
        self.native_depth -= 1;
        let yielded = std::mem::take(&mut self.yielded);
        let mut st = gen.state.borrow_mut();
        st.running = false;
        match r {
            Ok(v) if yielded => Ok(GenResult::Yielded(v)),
            Ok(v) => {
                st.done = true;
                st.saved.clear();
                Ok(GenResult::Returned(v))
            }
            Err(e) => {
                st.done = true;
                st.saved.clear();
                if e.is(ExcKind::StopIteration) {
                    return Err(PyErr::new(
                        ExcKind::RuntimeError,
                        "generator raised StopIteration",
                    ));
                }
                Err(e)
            }
        }
    }
}

/// Moves `stack[from..]` (a suspending generator's fast locals and evaluation
/// stack) into `saved`, replacing its contents, and shortens `stack` to `from`.
#[inline]
pub(crate) fn save_frame_values(stack: &mut Vec<Value>, from: usize, saved: &mut Vec<Value>) {
    saved.clear();
    crate::stack_move::move_tail(stack, from, saved);
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
