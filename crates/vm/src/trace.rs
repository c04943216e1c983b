//! The tracing hook: a [`Tracer`] installed with [`Vm::set_tracer`] sees
//! every instruction the program executes, with the evaluation stack after
//! it, plus frame entries and exits and exceptions.
//!
//! Tracing costs nothing when it is off: `run_frames` picks one of two
//! instantiations of the eval loop (`TRACE = false` or `true`) once per
//! entry, so the untraced loop has no hook in it at all.
//!
//! The VM runs an internal form of each code object (`code.rs`: no
//! `CACHE`/`EXTENDED_ARG`/`RESUME`/`PRECALL`/`NOP`, some pairs fused). The
//! traced loop runs fused pairs as their two instructions, and this module
//! maps the internal instruction index back to CPython's offset, opcode and
//! argument, reporting the instructions the internal form dropped as steps
//! of their own (they leave the stack as it is), so a trace reads like
//! `dis` output.
//!
//! Steps are reported *after* the instruction ran: a step is remembered when
//! the loop dispatches it and reported at the next dispatch in the same
//! frame (or when the frame exits), so a `CALL` is reported once the callee
//! has returned and its result is on the stack.

use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;

use pith_bytecode::instruction::{instructions, Instruction};
use pith_bytecode::{CodeObject, Opcode};

use crate::code::{Code, Ins};
use crate::exc::PyErr;
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::{Frame, Vm, VmError};

/// Whether the program may go on after a step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TraceFlow {
    /// Run the next instruction.
    Continue,
    /// Stop the program (it ends with [`VmError::TraceStopped`]).
    Stop,
}

/// One executed instruction, as `dis` lists it, and the stack after it.
#[derive(Debug)]
pub struct TraceStep<'a> {
    /// The code object of the frame.
    pub code: &'a CodeObject,
    /// Position of the frame in the call stack (0: the outermost).
    pub depth: usize,
    /// Byte offset of the instruction in `co_code`.
    pub offset: u32,
    /// Source line of the instruction, if it has one.
    pub line: Option<i32>,
    /// The opcode.
    pub opcode: Opcode,
    /// The argument, `EXTENDED_ARG` prefixes folded in (`dis`'s `arg`).
    pub arg: Option<i64>,
    /// The frame's evaluation stack after the instruction (bottom first).
    /// For an instruction that raised, the stack when it raised.
    pub stack: &'a [Value],
    /// Whether the instruction raised an exception instead of completing.
    pub raised: bool,
}

/// A frame that starts running, or resumes (a generator).
#[derive(Debug)]
pub struct FrameEvent<'a> {
    /// The frame's code object.
    pub code: &'a CodeObject,
    /// Position of the frame in the call stack (0: the outermost).
    pub depth: usize,
    /// The evaluation stack as the frame starts (a resumed generator's
    /// saved stack and the value sent in).
    pub stack: &'a [Value],
    /// Whether a suspended generator resumes (rather than a new call).
    pub resumed: bool,
}

/// How a frame left the call stack.
#[derive(Debug)]
pub enum FrameExit<'a> {
    /// `RETURN_VALUE`.
    Return(&'a Value),
    /// `YIELD_VALUE`: the generator is suspended.
    Yield(&'a Value),
    /// `RETURN_GENERATOR`: the call made a generator object.
    Generator,
    /// An exception propagates to the caller.
    Exception(&'a Value),
}

/// What happened to an exception.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExceptionKind {
    /// Raised by the instruction (or re-raised).
    Raised,
    /// Arrived from a callee at the instruction (a `CALL`).
    Propagated,
    /// A handler of this frame catches it; execution goes on at `handler`.
    Caught {
        /// Byte offset of the handler.
        handler: u32,
    },
}

/// An exception event in a frame.
#[derive(Debug)]
pub struct ExceptionEvent<'a> {
    /// The frame's code object.
    pub code: &'a CodeObject,
    /// Position of the frame in the call stack.
    pub depth: usize,
    /// Byte offset of the instruction where it happened.
    pub offset: u32,
    /// Its source line.
    pub line: Option<i32>,
    /// The exception instance.
    pub exception: &'a Value,
    /// What happened.
    pub kind: ExceptionKind,
    /// The evaluation stack (for [`ExceptionKind::Caught`], as the handler
    /// starts: the exception on top).
    pub stack: &'a [Value],
}

/// Receives the events of a traced run. Only `on_instruction` is required.
pub trait Tracer {
    /// An instruction ran.
    fn on_instruction(&mut self, step: &TraceStep<'_>) -> TraceFlow;
    /// A frame starts or resumes.
    fn on_frame_enter(&mut self, _frame: &FrameEvent<'_>) {}
    /// A frame returns, yields or is left by an exception.
    fn on_frame_exit(&mut self, _frame: &FrameEvent<'_>, _exit: &FrameExit<'_>) {}
    /// An exception is raised, propagates into a frame, or is caught.
    fn on_exception(&mut self, _event: &ExceptionEvent<'_>) {}
}

/// A short `repr` for traces: memory addresses left out (`<function f>`),
/// the `NULL` that 3.11 pushes before callables shown as `NULL`, and the
/// text cut to `max` characters, ending in `...`. Lists and tuples are
/// formatted only as far as the cut, so a trace of a growing list does
/// not cost its whole repr at every step.
pub fn short_repr(v: &Value, max: usize) -> String {
    let mut seen = Vec::new();
    cut(bounded_repr(v, max, &mut seen), max)
}

fn cut(full: String, max: usize) -> String {
    if full.chars().count() <= max {
        return full;
    }
    let mut out: String = full.chars().take(max.saturating_sub(3)).collect();
    out.push_str("...");
    out
}

/// At least the first `max` characters of the repr (the rest may be missing).
fn bounded_repr(v: &Value, max: usize, seen: &mut Vec<usize>) -> String {
    match v {
        Value::Null => "NULL".to_string(),
        Value::Code(c) => format!("<code object {}>", c.name.as_str()),
        Value::List(l) => {
            if seen.contains(&v.identity()) {
                return "[...]".to_string();
            }
            seen.push(v.identity());
            let items = l.borrow();
            let out = bounded_items("[", "]", &items, max, seen);
            seen.pop();
            out
        }
        Value::Tuple(t) => {
            let close = if t.len() == 1 { ",)" } else { ")" };
            bounded_items("(", close, t, max, seen)
        }
        other => strip_addresses(&crate::repr::repr(other)),
    }
}

fn bounded_items(
    open: &str,
    close: &str,
    items: &[Value],
    max: usize,
    seen: &mut Vec<usize>,
) -> String {
    let mut out = String::from(open);
    for (i, item) in items.iter().enumerate() {
        if out.chars().count() > max {
            // Past the cut: what follows will not be shown.
            out.push_str(", ...");
            return out;
        }
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&cut(bounded_repr(item, max, seen), max));
    }
    out.push_str(close);
    out
}

/// Removes memory addresses (` at 0x...`) from a repr, so traces of two
/// runs compare equal.
pub fn strip_addresses(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find(" at 0x") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 6..];
        let hex = after
            .find(|c: char| !c.is_ascii_hexdigit())
            .unwrap_or(after.len());
        rest = &after[hex..];
    }
    out.push_str(rest);
    out
}

/// CPython's instruction stream of one code object, and where each
/// internal instruction sits in it.
#[derive(Debug)]
pub(crate) struct CodeMap {
    /// Kept alive so that the map's key (the `Code`'s address) stays unique.
    code: Rc<Code>,
    /// Every instruction as `dis` lists it.
    orig: Vec<Instruction>,
    /// Source line of each of `orig`.
    lines: Vec<Option<i32>>,
    /// Index in `orig` of each internal instruction.
    index: Vec<usize>,
    /// Index in `orig` of the first `RESUME`: what comes before it is the
    /// prologue, which `sys.settrace` does not see.
    first_resume: Option<usize>,
}

impl CodeMap {
    pub(crate) fn new(code: &Rc<Code>) -> CodeMap {
        let raw = &code.raw;
        let orig: Vec<Instruction> = instructions(&raw.code).collect();
        let positions = pith_bytecode::location::co_positions(&raw.linetable, raw.firstlineno);
        let lines = orig
            .iter()
            .map(|i| positions.get((i.offset / 2) as usize).and_then(|p| p.0))
            .collect();
        let index = code
            .decoded_or_empty()
            .offsets
            .iter()
            .map(|&off| orig.partition_point(|i| i.offset < off))
            .collect();
        let first_resume = orig
            .iter()
            .position(|i| i.opcode().map(Opcode::deopt) == Some(Opcode::Resume));
        CodeMap {
            code: code.clone(),
            orig,
            lines,
            index,
            first_resume,
        }
    }

    /// Index in `orig` of the instruction at byte `offset` (or the next one).
    fn at_offset(&self, offset: i64) -> usize {
        self.orig.partition_point(|i| i64::from(i.offset) < offset)
    }

    pub(crate) fn orig_of(&self, ip: usize) -> usize {
        self.index.get(ip).copied().unwrap_or(self.orig.len())
    }

    /// Whether `orig[k]` comes after the prologue (see `first_resume`).
    pub(crate) fn traceable(&self, k: usize) -> bool {
        self.first_resume.is_some_and(|r| k > r)
    }

    /// The last `RESUME` before `orig[k]`, if any: where a frame's traced
    /// part starts (its `call` event).
    pub(crate) fn resume_before(&self, k: usize) -> Option<usize> {
        let end = k.min(self.orig.len());
        (0..end)
            .rev()
            .find(|&j| self.orig[j].opcode().map(Opcode::deopt) == Some(Opcode::Resume))
    }

    /// Whether every instruction strictly between `a` and `b` is one the
    /// internal code dropped (so going from `a` to `b` ran them all).
    pub(crate) fn dropped_between(&self, a: usize, b: usize) -> bool {
        (a + 1..b).all(|j| self.is_dropped(j))
    }

    /// Whether the internal code dropped `orig[j]` (it runs as no step).
    pub(crate) fn is_dropped(&self, j: usize) -> bool {
        self.orig.get(j).is_some_and(|i| is_dropped(i.opcode()))
    }

    /// Where the jump `orig[j]` goes, if it is one.
    pub(crate) fn jump_target_of(&self, j: usize) -> Option<usize> {
        let t = self.orig.get(j)?.jump_target()?;
        Some(self.at_offset(t))
    }

    /// The byte offset of `orig[j]`.
    pub(crate) fn offset(&self, j: usize) -> Option<u32> {
        Some(self.orig.get(j)?.offset)
    }

    /// The source line of `orig[j]`.
    pub(crate) fn line(&self, j: usize) -> Option<i32> {
        self.lines.get(j).copied().flatten()
    }

    /// The argument of `orig[j]`.
    pub(crate) fn arg(&self, j: usize) -> Option<i64> {
        self.orig.get(j)?.arg
    }

    /// The opcode of `orig[j]`, specializations undone.
    pub(crate) fn opcode(&self, j: usize) -> Option<Opcode> {
        self.orig.get(j)?.opcode().map(Opcode::deopt)
    }
}

/// Per-frame bookkeeping of the tracer.
#[derive(Clone, Copy, Debug, Default)]
struct Slot {
    /// The internal index of the instruction dispatched last, not yet reported.
    pending: Option<usize>,
    /// Where in `orig` the dropped instructions before the next dispatch
    /// start (set at entry and by exception handlers).
    start: Option<usize>,
}

/// The tracer and its state, boxed in [`Vm`] while a tracer is installed.
pub(crate) struct TraceState {
    tracer: Box<dyn Tracer>,
    slots: Vec<Slot>,
    /// How many frames (from the bottom) have had their entry reported.
    entered: usize,
    maps: HashMap<usize, Rc<CodeMap>>,
    stopped: bool,
}

impl std::fmt::Debug for TraceState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TraceState")
            .field("entered", &self.entered)
            .field("stopped", &self.stopped)
            .finish()
    }
}

impl TraceState {
    fn map(&mut self, code: &Rc<Code>) -> Rc<CodeMap> {
        self.maps
            .entry(Rc::as_ptr(code) as usize)
            .or_insert_with(|| Rc::new(CodeMap::new(code)))
            .clone()
    }

    fn slot(&mut self, i: usize) -> &mut Slot {
        if self.slots.len() <= i {
            self.slots.resize(i + 1, Slot::default());
        }
        &mut self.slots[i]
    }
}

impl Ins {
    /// The first instruction of a fused pair (`code.rs`'s superinstructions);
    /// the second one follows at the next index.
    pub(crate) fn unfused(self) -> Ins {
        let (op, arg) = match self.op {
            Opcode::CompareOpIntJump => (Opcode::CompareOp, self.arg & 7),
            Opcode::LoadFastLoadFast
            | Opcode::LoadFastLoadConst
            | crate::call_fast::LOCAL_CONST_BINOP
            | crate::call_fast::LOCAL_CONST_CMP_JUMP => (Opcode::LoadFast, self.arg & 0xffff),
            Opcode::LoadConstLoadFast => (Opcode::LoadConst, self.arg & 0xffff),
            Opcode::StoreFastLoadFast | Opcode::StoreFastStoreFast => {
                (Opcode::StoreFast, self.arg & 0xffff)
            }
            crate::subscr_fast::COPY2_SUBSCR => (Opcode::Copy, 2),
            crate::subscr_fast::SWAP3_STORE_SUBSCR => (Opcode::Swap, 3),
            _ => return self,
        };
        Ins { op, arg }
    }
}

/// Opcodes the internal form drops but a trace shows (`CACHE` is no instruction).
fn is_dropped(op: Option<Opcode>) -> bool {
    matches!(
        op.map(Opcode::deopt),
        Some(
            Opcode::ExtendedArg
                | Opcode::Precall
                | Opcode::Nop
                | Opcode::Resume
                | Opcode::CopyFreeVars
        )
    )
}

fn stack_of<'a>(stack: &'a [Value], frame: &Frame) -> &'a [Value] {
    let start = frame.base + frame.code.nlocalsplus();
    stack.get(start..).unwrap_or(&[])
}

impl Vm {
    /// Installs a tracer (`None` removes it). The next run of the eval loop
    /// uses the traced instantiation.
    pub fn set_tracer(&mut self, tracer: Option<Box<dyn Tracer>>) {
        self.trace = tracer.map(|tracer| {
            Box::new(TraceState {
                tracer,
                slots: Vec::new(),
                entered: 0,
                maps: HashMap::new(),
                stopped: false,
            })
        });
    }

    /// Removes the tracer and gives it back.
    pub fn take_tracer(&mut self) -> Option<Box<dyn Tracer>> {
        self.trace.take().map(|state| state.tracer)
    }

    /// Whether the tracer asked to stop the program.
    pub fn trace_stopped(&self) -> bool {
        self.trace.as_ref().is_some_and(|t| t.stopped)
    }

    /// [`Vm::run_code`] under a tracer: if the tracer stops the program the
    /// result is [`VmError::TraceStopped`] and no traceback is printed.
    pub fn run_code_traced(
        &mut self,
        code: Arc<CodeObject>,
        tracer: Box<dyn Tracer>,
    ) -> (Result<(), VmError>, Option<Box<dyn Tracer>>) {
        if !cfg!(feature = "trace") {
            return (Err(VmError::TracingNotBuilt), Some(tracer));
        }
        let code = match Code::load(code) {
            Ok(code) => Rc::new(code),
            Err(e) => return (Err(e.into()), Some(tracer)),
        };
        self.set_tracer(Some(tracer));
        let globals = self.new_main_globals();
        let result = self.exec_module(code, globals);
        let stopped = self.trace_stopped();
        let tracer = self.take_tracer();
        let result = match result {
            Ok(_) => Ok(()),
            Err(_) if stopped => Err(VmError::TraceStopped),
            Err(e) => {
                use std::io::Write;
                let _ = self.stdout.flush();
                if e.is(ExcKind::SystemExit) {
                    crate::builtins::print_system_exit(self, &e);
                } else {
                    self.print_exception(&e);
                }
                Err(VmError::Uncaught(e))
            }
        };
        self.flush();
        (result, tracer)
    }

    /// Reports the entry of frames not reported yet, up to the top one.
    fn trace_enter_frames(&mut self) {
        let Some(state) = self.trace.as_deref_mut() else {
            return;
        };
        let top = self.frames.len();
        while state.entered < top {
            let i = state.entered;
            let frame = &self.frames[i];
            let resumed = frame.generator.is_some() && frame.ip > 0;
            let start_at = if frame.ip == 0 {
                0
            } else {
                state.map(&frame.code).orig_of(frame.ip - 1) + 1
            };
            *state.slot(i) = Slot {
                pending: None,
                start: Some(start_at),
            };
            let nlocals = frame.code.nlocalsplus();
            crate::gen_frame::with_frame_values(&self.frames, &self.stack, i, |values| {
                state.tracer.on_frame_enter(&FrameEvent {
                    code: &frame.code.raw,
                    depth: i,
                    stack: values.get(nlocals..).unwrap_or(&[]),
                    resumed,
                });
            });
            state.entered += 1;
        }
    }

    /// Called by the traced loop before it runs instruction `ip` of the top
    /// frame. Returns `true` if the tracer stops the program.
    pub(crate) fn trace_dispatch(&mut self, ip: usize) -> bool {
        self.trace_enter_frames();
        let Some(state) = self.trace.as_deref_mut() else {
            return false;
        };
        if state.stopped {
            return true;
        }
        let Some(fi) = self.frames.len().checked_sub(1) else {
            return false;
        };
        let frame = &self.frames[fi];
        let map = state.map(&frame.code);
        let stack = stack_of(&self.stack, frame);
        let slot = *state.slot(fi);
        let mut flow = TraceFlow::Continue;
        let mut start = slot.start.unwrap_or_else(|| map.orig_of(ip));
        if let Some(prev) = slot.pending {
            let p = map.orig_of(prev);
            flow = report(state, &map, p, fi, stack, false);
            start = if ip == prev + 1 {
                p + 1
            } else {
                // A jump: only what lies between its target and `ip` ran.
                map.orig
                    .get(p)
                    .and_then(Instruction::jump_target)
                    .map_or(map.orig_of(ip), |t| map.at_offset(t))
            };
        }
        let here = map.orig_of(ip);
        for k in start..here {
            if flow == TraceFlow::Stop {
                break;
            }
            if is_dropped(map.orig[k].opcode()) {
                flow = report(state, &map, k, fi, stack, false);
            }
        }
        *state.slot(fi) = Slot {
            pending: Some(ip),
            start: None,
        };
        if flow == TraceFlow::Stop {
            state.stopped = true;
        }
        state.stopped
    }

    /// Called when frame `f` (already popped, its values still on the
    /// stack) leaves: reports its last instruction and the exit.
    pub(crate) fn trace_exit(&mut self, f: &Frame, exit: FrameExit<'_>) {
        let Some(state) = self.trace.as_deref_mut() else {
            return;
        };
        let fi = self.frames.len();
        let stack = stack_of(&self.stack, f);
        if state.stopped {
            state.entered = state.entered.min(fi);
            return;
        }
        let slot = std::mem::take(state.slot(fi));
        if let Some(prev) = slot.pending {
            let map = state.map(&f.code);
            if report(state, &map, map.orig_of(prev), fi, stack, false) == TraceFlow::Stop {
                state.stopped = true;
            }
        }
        if fi < state.entered {
            state.tracer.on_frame_exit(
                &FrameEvent {
                    code: &f.code.raw,
                    depth: fi,
                    stack,
                    resumed: false,
                },
                &exit,
            );
        }
        state.entered = state.entered.min(fi);
    }

    /// An exception at instruction `ip` of the top frame: reports the
    /// instruction (as raising) and the event.
    pub(crate) fn trace_raise(&mut self, err: &PyErr, ip: u32, kind: ExceptionKind) {
        let Some(state) = self.trace.as_deref_mut() else {
            return;
        };
        if state.stopped {
            return;
        }
        let Some(fi) = self.frames.len().checked_sub(1) else {
            return;
        };
        let frame = &self.frames[fi];
        let map = state.map(&frame.code);
        let stack = stack_of(&self.stack, frame);
        let slot = std::mem::take(state.slot(fi));
        let at = map.orig_of(ip as usize);
        if slot.pending.is_some() && report(state, &map, at, fi, stack, true) == TraceFlow::Stop {
            state.stopped = true;
            return;
        }
        let exception = Value::Exception(err.0.clone());
        let ins = map.orig.get(at);
        state.tracer.on_exception(&ExceptionEvent {
            code: &frame.code.raw,
            depth: fi,
            offset: ins.map_or(0, |i| i.offset),
            line: map.lines.get(at).copied().flatten(),
            exception: &exception,
            kind,
            stack,
        });
    }

    /// A handler of the top frame caught `err` raised at `ip`; the stack is
    /// set up for the handler, which starts at internal index `target`.
    pub(crate) fn trace_caught(&mut self, err: &PyErr, ip: u32, target: u32) {
        let Some(state) = self.trace.as_deref_mut() else {
            return;
        };
        if state.stopped {
            return;
        }
        let Some(fi) = self.frames.len().checked_sub(1) else {
            return;
        };
        let frame = &self.frames[fi];
        let map = state.map(&frame.code);
        let stack = stack_of(&self.stack, frame);
        let at = map.orig_of(ip as usize);
        let handler = map.orig_of(target as usize);
        *state.slot(fi) = Slot {
            pending: None,
            start: Some(handler),
        };
        let exception = Value::Exception(err.0.clone());
        state.tracer.on_exception(&ExceptionEvent {
            code: &frame.code.raw,
            depth: fi,
            offset: map.orig.get(at).map_or(0, |i| i.offset),
            line: map.lines.get(at).copied().flatten(),
            exception: &exception,
            kind: ExceptionKind::Caught {
                handler: map.orig.get(handler).map_or(0, |i| i.offset),
            },
            stack,
        });
    }
}

/// Reports `orig[k]` of frame `depth` as a step.
fn report(
    state: &mut TraceState,
    map: &CodeMap,
    k: usize,
    depth: usize,
    stack: &[Value],
    raised: bool,
) -> TraceFlow {
    let Some(ins) = map.orig.get(k) else {
        return TraceFlow::Continue;
    };
    let Some(opcode) = ins.opcode() else {
        return TraceFlow::Continue;
    };
    state.tracer.on_instruction(&TraceStep {
        code: &map.code.raw,
        depth,
        offset: ins.offset,
        line: map.lines.get(k).copied().flatten(),
        opcode,
        arg: ins.arg,
        stack,
        raised,
    })
}

/// The error that unwinds the program once the tracer stopped it.
pub(crate) fn stopped_error() -> PyErr {
    PyErr::system_error("the tracer stopped the program")
}

#[cfg(test)]
mod tests {
    use super::short_repr;
    use crate::value::Value;

    #[test]
    fn short_reprs_cut_long_values() {
        let big = Value::list((0..10_000).map(Value::Int).collect());
        assert_eq!(short_repr(&big, 12), "[0, 1, 2,...");
        let pair = Value::tuple(vec![Value::str("a"), Value::Null]);
        assert_eq!(short_repr(&pair, 40), "('a', NULL)");
        assert_eq!(short_repr(&Value::tuple(vec![Value::Int(1)]), 40), "(1,)");
        let l = Value::list(vec![]);
        if let Value::List(inner) = &l {
            inner.borrow_mut().push(l.clone());
        }
        assert_eq!(short_repr(&l, 40), "[[...]]");
    }
}
