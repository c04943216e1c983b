//! Traceback and frame objects, made only when Python code asks for them
//! (`e.__traceback__`, `sys._getframe()`, `sys.exc_info()`): the eval loop
//! keeps its own compact frames and an exception keeps `(code, ip, globals)`
//! entries, from which these objects are built.

use std::cell::{Cell, OnceCell, RefCell};
use std::rc::{Rc, Weak};

use crate::code::Code;
use crate::dict::Dict;
use crate::exc::{ExcObj, PyErr, PyResult, TbEntry};
use crate::func::{Args, BuiltinDef};
use crate::types::{type_name, ExcKind};
use crate::value::{StrObj, Value};
use crate::vm::Vm;

/// A `traceback` object: one entry of an exception's traceback and the link
/// to the next (inner) one.
#[derive(Debug)]
pub struct TbObj {
    /// The whole chain, outermost entry first.
    entries: Rc<Vec<TbEntry>>,
    /// The frame objects made for the entries so far (shared along the chain;
    /// weak, so that only the traceback objects themselves keep them).
    frames: Rc<RefCell<Vec<Weak<FrameObj>>>>,
    /// This object's entry.
    pos: usize,
    frame: OnceCell<Value>,
    /// `tb_next` once made or assigned.
    next: RefCell<Option<Value>>,
    /// What follows the last entry: the older chain a re-raise extended.
    tail: Option<Value>,
}

/// A `frame` object. While its frame runs (`depth` names it on the VM's call
/// stack) it reads the live frame; afterwards it keeps what it saw last.
#[derive(Debug)]
pub struct FrameObj {
    code: Rc<Code>,
    globals: Rc<RefCell<Dict>>,
    /// Index of the frame's current instruction in the decoded code.
    ip: Cell<u32>,
    /// Whether the frame waits for a call to return (for `f_lasti`).
    in_call: Cell<bool>,
    /// Position in the VM's call stack while the frame runs (`None` once
    /// it has left the stack: see [`Vm::retire_frame_object`]).
    depth: Cell<Option<u32>>,
    /// `f_locals` (refreshed from the live frame on each read).
    locals: RefCell<Option<Value>>,
    /// `f_back`.
    back: Option<Value>,
    /// What `sys.settrace`'s events use (`sys_trace.rs`).
    hooks: FrameHooks,
    /// The generator or coroutine whose suspended frame this is (`gi_frame`),
    /// which `clear()` closes.
    generator: Option<Weak<crate::gen::GenObj>>,
}

/// The tracing state of a frame object.
#[derive(Debug)]
struct FrameHooks {
    /// `f_trace`: the local trace function, or `None`.
    trace: RefCell<Value>,
    /// `f_trace_lines`.
    lines: Cell<bool>,
    /// `f_trace_opcodes`.
    opcodes: Cell<bool>,
    /// The line a `line` event reports, for an instruction the internal
    /// code dropped (a `pass` statement's `NOP`): `f_lineno` reads it.
    line_override: Cell<Option<i32>>,
    /// The byte offset `f_lasti` reports during a `call` event: the
    /// frame's `RESUME`, which the internal code may have dropped.
    lasti_override: Cell<Option<u32>>,
}

impl Default for FrameHooks {
    fn default() -> FrameHooks {
        FrameHooks {
            trace: RefCell::new(Value::None),
            lines: Cell::new(true),
            opcodes: Cell::new(false),
            line_override: Cell::new(None),
            lasti_override: Cell::new(None),
        }
    }
}

impl FrameObj {
    /// The code object the frame runs.
    pub(crate) fn code(&self) -> &Rc<Code> {
        &self.code
    }

    /// `f_trace`.
    pub(crate) fn trace(&self) -> Value {
        self.hooks.trace.borrow().clone()
    }

    /// Sets `f_trace`.
    pub(crate) fn set_trace(&self, f: Value) {
        let old = self.hooks.trace.replace(f);
        drop(old);
    }

    /// `f_trace_lines`.
    pub(crate) fn trace_lines(&self) -> bool {
        self.hooks.lines.get()
    }

    /// `f_trace_opcodes`.
    pub(crate) fn trace_opcodes(&self) -> bool {
        self.hooks.opcodes.get()
    }

    /// Makes `f_lineno` read `line` (or the frame's position again).
    pub(crate) fn set_line_override(&self, line: Option<i32>) {
        self.hooks.line_override.set(line);
    }

    /// Makes `f_lasti` read byte offset `offset` (or the frame's position again).
    pub(crate) fn set_lasti_override(&self, offset: Option<u32>) {
        self.hooks.lasti_override.set(offset);
    }

    /// Records that the frame, off the call stack now, stopped at internal
    /// instruction `ip` (a generator's `YIELD_VALUE`).
    pub(crate) fn note_stopped_at(&self, ip: u32) {
        self.ip.set(ip);
        self.in_call.set(false);
    }
}

/// For the cycle collector: the values a traceback or frame object holds
/// itself (not those of the entry list its traceback objects share).
pub fn referents(v: &Value, out: &mut Vec<Value>) {
    match v {
        Value::Traceback(t) => {
            out.extend(t.frame.get().cloned());
            if let Ok(Some(n)) = t.next.try_borrow().as_deref() {
                out.push(n.clone());
            }
            out.extend(t.tail.clone());
            // The entries are shared along the chain (`tb_next`): only their
            // one holder lists the locals they keep, never each object twice.
            if Rc::strong_count(&t.entries) == 1 {
                out.extend(t.entries.iter().filter_map(|x| x.locals.clone()));
            }
        }
        Value::Frame(f) => {
            out.push(Value::Dict(f.globals.clone()));
            if let Ok(Some(l)) = f.locals.try_borrow().as_deref() {
                out.push(l.clone());
            }
            out.extend(f.back.clone());
            if let Ok(t) = f.hooks.trace.try_borrow() {
                out.push(t.clone());
            }
        }
        _ => {}
    }
}

// Chains of frames and of traceback objects are as long as the call stack
// was: they are unlinked iteratively rather than by recursive drops.
impl Drop for FrameObj {
    fn drop(&mut self) {
        let mut next = self.back.take();
        while let Some(Value::Frame(f)) = next {
            next = match Rc::try_unwrap(f) {
                Ok(mut inner) => inner.back.take(),
                Err(_) => None,
            };
        }
    }
}

impl Drop for TbObj {
    fn drop(&mut self) {
        let mut pending: Vec<Value> = Vec::new();
        pending.extend(self.next.get_mut().take());
        pending.extend(self.tail.take());
        while let Some(v) = pending.pop() {
            if let Value::Traceback(t) = v {
                if let Ok(mut inner) = Rc::try_unwrap(t) {
                    pending.extend(inner.next.get_mut().take());
                    pending.extend(inner.tail.take());
                }
            }
        }
    }
}

impl TbObj {
    fn entry(&self) -> Option<&TbEntry> {
        self.entries.get(self.pos)
    }
}

/// `e.__traceback__`: `None` or the outermost `traceback` object (the same
/// object while no entry is added).
pub fn traceback_of(e: &ExcObj) -> Value {
    let tb = e.traceback.borrow();
    if tb.is_empty() {
        return Value::None;
    }
    // Entries added since the last object was made are outer frames: they
    // go in front of the old chain, which Python code may have cut.
    let mut tail = None;
    let mut skip = 0;
    if let Some((n, v)) = e.tb_obj.borrow().as_ref() {
        if *n == tb.len() {
            return v.clone();
        }
        if *n < tb.len() {
            tail = Some(v.clone());
            skip = *n;
        }
    }
    let entries: Vec<TbEntry> = tb[skip..].iter().rev().cloned().collect();
    let v = Value::Traceback(Rc::new(TbObj {
        entries: Rc::new(entries),
        frames: Rc::default(),
        pos: 0,
        frame: OnceCell::new(),
        next: RefCell::new(None),
        tail,
    }));
    *e.tb_obj.borrow_mut() = Some((tb.len(), v.clone()));
    v
}

/// `e.__traceback__ = tb` and `e.with_traceback(tb)`.
pub fn set_traceback(e: &ExcObj, v: &Value) -> PyResult<()> {
    match v {
        Value::None => {
            e.traceback.borrow_mut().clear();
            *e.tb_obj.borrow_mut() = None;
        }
        Value::Traceback(_) => {
            let mut entries = chain_entries(v);
            entries.reverse();
            let n = entries.len();
            *e.traceback.borrow_mut() = entries;
            *e.tb_obj.borrow_mut() = Some((n, v.clone()));
        }
        _ => {
            return Err(PyErr::type_error(
                "__traceback__ must be a traceback or None",
            ))
        }
    }
    Ok(())
}

fn lineno(code: &Code, ip: u32) -> Value {
    match code.positions(ip).0 {
        Some(l) => Value::Int(i64::from(l)),
        None => Value::None,
    }
}

/// CPython's `f_lasti` for the instruction at decoded index `ip`: its byte
/// offset, or, for a frame waiting in a call, the last cache word of the
/// `CALL` (3.11 skips the caches before it pushes the callee's frame).
fn lasti(code: &Code, ip: u32, in_call: bool) -> Value {
    let ip = ip as usize;
    let offsets = &code.decoded_or_empty().offsets;
    let start = offsets.get(ip).copied().unwrap_or(0) as usize;
    let raw = &code.raw.code;
    let end = offsets
        .get(ip + 1)
        .map_or(raw.len(), |&o| o as usize)
        .min(raw.len());
    // Dropped instructions (`PRECALL`, `NOP`) may follow in the range; only
    // an `EXTENDED_ARG` prefix precedes the instruction itself.
    let mut off = start;
    while off + 2 < end && raw[off] == EXTENDED_ARG {
        off += 2;
    }
    if in_call {
        // A `CALL` that pushed a Python frame has stepped over its inline
        // caches (CPython's `prev_instr` is the last one): the offset is that
        // of the call's last cache unit, not of whatever dropped instruction
        // follows it in the range. Other instructions that run Python code
        // (a `__getitem__`, `__add__`, a generator's `__next__`) call it
        // before they step over their caches, so they name themselves.
        let op = pith_bytecode::Opcode::from_u8(raw.get(off).copied().unwrap_or(0));
        if let Some(op) = op.filter(|op| op.deopt() == pith_bytecode::Opcode::Call) {
            let last = off + 2 * op.cache_entries();
            if last < end {
                return Value::Int(last as i64);
            }
        }
    }
    Value::Int(off as i64)
}

const EXTENDED_ARG: u8 = 144;

thread_local! {
    /// The frame objects of running frames by call-stack depth, so that
    /// asking twice gives the same object, as in CPython.
    static LIVE: RefCell<Vec<Weak<FrameObj>>> = const { RefCell::new(Vec::new()) };
    /// `LIVE`'s length, read on every return: a thread-local without a
    /// destructor is read with no registration check.
    static LIVE_LEN: Cell<usize> = const { Cell::new(0) };
    /// Frame objects `locals()` made, by call-stack index, kept alive (and
    /// so their dicts) until their frames leave the stack; always at most
    /// as long as `LIVE`, whose truncation truncates it.
    static PINNED: RefCell<Vec<Option<Rc<FrameObj>>>> = const { RefCell::new(Vec::new()) };
}

/// Call-stack entries at and above `index` have left the stack: forgets
/// their frame objects (dropping them keeps `retire_frame_object`'s check
/// a length test) and lets go of those `locals()` kept. Gives entry
/// `index`'s object, if alive, and whether `locals()` had kept it.
fn leave_stack(index: usize) -> (Option<Rc<FrameObj>>, bool) {
    let f = LIVE.with(|live| {
        let mut live = live.borrow_mut();
        let f = live.get(index).and_then(Weak::upgrade);
        live.truncate(index);
        LIVE_LEN.with(|n| n.set(live.len()));
        f
    });
    let dropped: Vec<Option<Rc<FrameObj>>> = PINNED.with(|pinned| {
        let mut pinned = pinned.borrow_mut();
        if pinned.len() > index {
            pinned.split_off(index)
        } else {
            Vec::new()
        }
    });
    (f, dropped.first().is_some_and(Option::is_some))
}

fn tb_frame(vm: &Vm, t: &TbObj) -> Value {
    if let Some(f) = t.frame.get() {
        return f.clone();
    }
    let f = chain_frame(vm, t);
    let _ = t.frame.set(f.clone());
    f
}

/// The frame of entry `t.pos`, linked to the frames of the outer entries:
/// built outward-in from the nearest entry whose frame exists (iteratively,
/// as a traceback may be as long as the recursion limit allows).
fn chain_frame(vm: &Vm, t: &TbObj) -> Value {
    let Ok(mut made) = t.frames.try_borrow_mut() else {
        return Value::None;
    };
    if made.len() < t.entries.len() {
        made.resize(t.entries.len(), Weak::new());
    }
    let mut start = t.pos;
    let mut back: Option<Value> = None;
    loop {
        if let Some(f) = made.get(start).and_then(Weak::upgrade) {
            if start == t.pos {
                return Value::Frame(f);
            }
            back = Some(Value::Frame(f));
            start += 1;
            break;
        }
        if start == 0 {
            break;
        }
        start -= 1;
    }
    for i in start..=t.pos {
        let Some(entry) = t.entries.get(i) else {
            break;
        };
        let f = if vm.is_live(entry.depth, &entry.code, &entry.globals) {
            match vm.frame_object(entry.depth as usize) {
                Value::Frame(f) => f,
                _ => break,
            }
        } else {
            // Module-level code runs with its globals as locals.
            let module_level = !entry
                .code
                .flags
                .contains(pith_bytecode::CodeFlags::OPTIMIZED);
            Rc::new(FrameObj {
                code: entry.code.clone(),
                globals: entry.globals.clone(),
                ip: Cell::new(entry.frame_ip),
                in_call: Cell::new(i + 1 < t.entries.len()),
                depth: Cell::new(None),
                locals: RefCell::new(if module_level {
                    Some(Value::Dict(entry.globals.clone()))
                } else {
                    entry.locals.as_ref().map(|l| locals_dict(&entry.code, l))
                }),
                back: back.take(),
                hooks: FrameHooks::default(),
                generator: None,
            })
        };
        made[i] = Rc::downgrade(&f);
        back = Some(Value::Frame(f));
    }
    back.unwrap_or(Value::None)
}

/// `f_locals` of a finished frame from the fast locals its traceback entry
/// kept (a list or tuple, by `co_localsplusnames`): bound names, cells read.
fn locals_dict(code: &Code, locals: &Value) -> Value {
    let mut d = Dict::new();
    match locals {
        Value::List(values) => {
            if let Ok(values) = values.try_borrow() {
                bind_locals(&mut d, code, &values);
            }
        }
        Value::Tuple(values) => bind_locals(&mut d, code, values),
        _ => {}
    }
    Value::dict(d)
}

/// Each fast local of a frame of `code` (`values` by
/// `co_localsplusnames`) as a key and its value, cells read through;
/// `Value::Null` for an unbound one.
fn fast_locals<'a>(
    code: &'a Code,
    values: &'a [Value],
) -> impl Iterator<Item = (Value, Value)> + 'a {
    code.localsplus.iter().zip(values).map(|(name, v)| {
        let v = match v {
            Value::Cell(c) => c.borrow().clone(),
            v => v.clone(),
        };
        (Value::Str(name.clone()), v)
    })
}

/// `PyFrame_FastToLocals` into a frame's existing dict `d`: bound locals
/// are set, unbound ones removed, and keys that are not locals (an
/// `exec`'s new names) stay.
fn refill_locals(d: &mut Dict, code: &Code, values: &[Value]) {
    for (key, v) in fast_locals(code, values) {
        if v.is_null() {
            let _ = d.remove(&key);
        } else {
            let _ = d.insert(key, v);
        }
    }
}

/// Adds to `d` each bound fast local of a frame of `code` (`values` by
/// `co_localsplusnames`), reading cells, as `PyFrame_FastToLocals` does.
fn bind_locals(d: &mut Dict, code: &Code, values: &[Value]) {
    for (key, v) in fast_locals(code, values) {
        if !v.is_null() {
            let _ = d.insert(key, v);
        }
    }
}

fn tb_next(t: &TbObj) -> Value {
    if let Ok(Some(n)) = t.next.try_borrow().as_deref() {
        return n.clone();
    }
    let n = if t.pos + 1 >= t.entries.len() {
        t.tail.clone().unwrap_or(Value::None)
    } else {
        Value::Traceback(Rc::new(TbObj {
            entries: t.entries.clone(),
            frames: t.frames.clone(),
            pos: t.pos + 1,
            frame: OnceCell::new(),
            next: RefCell::new(None),
            tail: t.tail.clone(),
        }))
    };
    if let Ok(mut slot) = t.next.try_borrow_mut() {
        *slot = Some(n.clone());
    }
    n
}

/// The entries of a chain of traceback objects, outermost first, following
/// `tb_next` as Python code may have reassigned it.
fn chain_entries(v: &Value) -> Vec<TbEntry> {
    let mut out = Vec::new();
    let mut cur = v.clone();
    while let Value::Traceback(t) = cur {
        out.extend(t.entry().cloned());
        cur = tb_next(&t);
    }
    out
}

/// The traceback entries to print for `e`, innermost first: its traceback
/// objects' chain when Python code holds one (it may have cut `tb_next`).
pub(crate) fn print_entries(e: &ExcObj) -> Vec<TbEntry> {
    if e.tb_obj.borrow().is_none() {
        return e.traceback.borrow().clone();
    }
    let mut entries = chain_entries(&traceback_of(e));
    entries.reverse();
    entries
}

/// `tb.tb_next = value`.
fn set_tb_next(t: &Rc<TbObj>, value: &Value) -> PyResult<()> {
    if !matches!(value, Value::None | Value::Traceback(_)) {
        return Err(PyErr::type_error(format!(
            "expected traceback object, got '{}'",
            type_name(value)
        )));
    }
    check_no_loop(t, value)?;
    if let Ok(mut slot) = t.next.try_borrow_mut() {
        *slot = Some(value.clone());
    }
    Ok(())
}

/// `tb_next`'s setter refuses a chain that would reach `t` again.
fn check_no_loop(t: &Rc<TbObj>, value: &Value) -> PyResult<()> {
    let mut cur = value.clone();
    while let Value::Traceback(c) = cur {
        if Rc::ptr_eq(&c, t) {
            return Err(PyErr::value_error("traceback loop detected"));
        }
        cur = tb_next(&c);
    }
    Ok(())
}

/// `types.TracebackType(tb_next, tb_frame, tb_lasti, tb_lineno)`: a
/// traceback object naming a frame and a position Python code chose
/// (`tb_new`, whose Argument Clinic converters check the frame and the two
/// C ints before the body checks `tb_next`).
pub(crate) fn construct_traceback(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    const PARAMS: &[&str] = &["tb_next", "tb_frame", "tb_lasti", "tb_lineno"];
    let args = crate::native::bind_args(&a, "TracebackType", PARAMS, 4)?;
    // `bind_args` has refused a call without all four.
    let arg = |i: usize| args.get(i).copied().flatten().unwrap_or(&Value::None);
    let frame = match arg(1) {
        Value::Frame(f) => f.clone(),
        other => {
            return Err(PyErr::type_error(format!(
                "TracebackType() argument 'tb_frame' must be frame, not {}",
                type_name(other)
            )))
        }
    };
    let lasti = crate::modules::cint::as_c_int(vm, arg(2))?;
    let lineno = crate::modules::cint::as_c_int(vm, arg(3))?;
    let next = arg(0).clone();
    if !matches!(next, Value::None | Value::Traceback(_)) {
        return Err(PyErr::type_error(format!(
            "expected traceback object or None, got '{}'",
            type_name(&next)
        )));
    }
    let entry = TbEntry {
        code: frame.code.clone(),
        ip: frame.ip.get(),
        frame_ip: frame.ip.get(),
        // Never a live frame's index: the frame object is given.
        depth: u32::MAX,
        globals: frame.globals.clone(),
        given: Some(crate::exc::GivenPos { lasti, lineno }),
        locals: None,
    };
    let frame_value = OnceCell::new();
    let _ = frame_value.set(Value::Frame(frame));
    Ok(Value::Traceback(Rc::new(TbObj {
        entries: Rc::new(vec![entry]),
        frames: Rc::default(),
        pos: 0,
        frame: frame_value,
        next: RefCell::new(Some(next)),
        tail: None,
    })))
}

/// The error for a missing attribute, after the methods every object
/// inherits from `object` (`__dir__`, `__eq__`, `__reduce_ex__`, ...).
fn no_attr_or_object(obj: &Value, name: &str) -> PyResult<Value> {
    crate::base_methods::object_method(obj, name).ok_or_else(|| no_attr(obj, name))
}

fn no_attr(obj: &Value, name: &str) -> PyErr {
    PyErr::new(
        ExcKind::AttributeError,
        format!("'{}' object has no attribute '{}'", type_name(obj), name),
    )
}

/// Attributes of `traceback` and `frame` objects.
pub fn getattr(vm: &mut Vm, obj: &Value, name: &Rc<StrObj>) -> PyResult<Value> {
    let n = name.as_str();
    if n == "__class__" {
        return Ok(Value::Type(crate::types::type_of(obj)));
    }
    match obj {
        Value::Traceback(t) => {
            let Some(entry) = t.entry() else {
                return Err(no_attr(obj, n));
            };
            match n {
                "tb_frame" => Ok(tb_frame(vm, t)),
                "tb_next" => Ok(tb_next(t)),
                "tb_lineno" => Ok(match entry.given {
                    Some(g) => Value::Int(i64::from(g.lineno)),
                    None => lineno(&entry.code, entry.ip),
                }),
                "tb_lasti" => Ok(match entry.given {
                    Some(g) => Value::Int(i64::from(g.lasti)),
                    None => lasti(&entry.code, entry.ip, t.pos + 1 < t.entries.len()),
                }),
                _ => no_attr_or_object(obj, n),
            }
        }
        Value::Frame(f) => {
            let live = vm.refresh_frame_position(f);
            match n {
                "f_code" => Ok(Value::Code(f.code.clone())),
                "f_lineno" => match f.hooks.line_override.get() {
                    Some(line) => Ok(Value::Int(i64::from(line))),
                    None => Ok(lineno(&f.code, f.ip.get())),
                },
                "f_lasti" => match f.hooks.lasti_override.get() {
                    Some(offset) => Ok(Value::Int(i64::from(offset))),
                    None => Ok(lasti(&f.code, f.ip.get(), f.in_call.get())),
                },
                "f_globals" => Ok(Value::Dict(f.globals.clone())),
                "f_locals" => {
                    if let Some(d) = live {
                        let fresh = vm.frame_locals(d, f.locals.borrow().as_ref());
                        *f.locals.borrow_mut() = Some(fresh);
                    }
                    let mut slot = f.locals.borrow_mut();
                    Ok(slot.get_or_insert_with(|| Value::dict(Dict::new())).clone())
                }
                "f_builtins" => Ok(vm.builtins_value(&f.globals)),
                // A generator's frame links to whoever resumed it, and to
                // nothing while it is suspended; in the `return` event of a
                // yield or a return, to the frame it is leaving for.
                "f_back" if f.generator.is_some() => Ok(live
                    .and_then(|d| d.checked_sub(1))
                    .or_else(|| vm.exiting_caller(f))
                    .map_or(Value::None, |caller| vm.frame_object(caller))),
                "f_back" => Ok(f.back.clone().unwrap_or(Value::None)),
                "f_trace" => Ok(f.trace()),
                "f_trace_lines" => Ok(Value::Bool(f.hooks.lines.get())),
                "f_trace_opcodes" => Ok(Value::Bool(f.hooks.opcodes.get())),
                "clear" => Ok(Value::BoundBuiltin(Rc::new((obj.clone(), &FRAME_CLEAR)))),
                _ => no_attr_or_object(obj, n),
            }
        }
        _ => Err(no_attr(obj, n)),
    }
}

static FRAME_CLEAR: BuiltinDef = BuiltinDef {
    name: "clear",
    func: frame_clear,
    owner: "frame",
    is_method: true,
};

/// `frame.clear()`: drops the frame's locals; a suspended generator's frame
/// closes the generator first (`frame_tp_clear` after `_PyGen_Finalize`'s
/// close), and a running frame refuses.
fn frame_clear(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    a.no_kw("clear")?;
    let f = match a.pos {
        [Value::Frame(f)] => f,
        [_] => {
            return Err(PyErr::type_error(
                "descriptor 'clear' requires a 'frame' object",
            ))
        }
        _ => {
            return Err(PyErr::type_error(format!(
                "frame.clear() takes no arguments ({} given)",
                a.pos.len().saturating_sub(1)
            )))
        }
    };
    let executing = PyErr::new(ExcKind::RuntimeError, "cannot clear an executing frame");
    if f.depth
        .get()
        .is_some_and(|d| vm.is_live(d, &f.code, &f.globals))
    {
        return Err(executing);
    }
    if let Some(g) = f.generator.as_ref().and_then(Weak::upgrade) {
        let (running, done) = {
            let st = g.state.borrow();
            (st.running, st.done)
        };
        if running {
            return Err(executing);
        }
        if !done {
            let (flavor, _) = crate::coro::finalize::flavor_of(&g.code);
            vm.close_gen(&g, flavor)?;
        }
    }
    let old = f.locals.replace(None);
    drop(old);
    Ok(Value::None)
}

/// Attribute writes on `traceback` and `frame` objects: `f_trace`,
/// `f_trace_lines` and `f_trace_opcodes` are writable, the rest read-only
/// as in CPython.
pub fn setattr(obj: &Value, name: &str, value: &Value) -> PyResult<()> {
    let (kind, known): (&str, &[&str]) = match obj {
        Value::Traceback(_) => ("traceback", &["tb_next", "tb_lasti", "tb_lineno"]),
        _ => (
            "frame",
            &[
                "f_back",
                "f_code",
                "f_globals",
                "f_locals",
                "f_builtins",
                "f_lasti",
            ],
        ),
    };
    if let (Value::Traceback(t), "tb_next") = (obj, name) {
        return set_tb_next(t, value);
    }
    if let Value::Frame(f) = obj {
        match name {
            "f_trace" => {
                f.set_trace(value.clone());
                return Ok(());
            }
            "f_trace_lines" | "f_trace_opcodes" => {
                let Value::Bool(b) = value else {
                    return Err(PyErr::type_error("attribute value type must be bool"));
                };
                let cell = if name == "f_trace_lines" {
                    &f.hooks.lines
                } else {
                    &f.hooks.opcodes
                };
                cell.set(*b);
                return Ok(());
            }
            _ => {}
        }
    }
    match name {
        "tb_frame" => Err(PyErr::new(ExcKind::AttributeError, "readonly attribute")),
        "f_lineno" => Err(if matches!(value, Value::Int(_) | Value::Bool(_)) {
            PyErr::value_error("f_lineno can only be set by a trace function")
        } else {
            PyErr::value_error("lineno must be an integer")
        }),
        n if known.contains(&n) => Err(PyErr::new(
            ExcKind::AttributeError,
            format!("attribute '{n}' of '{kind}' objects is not writable"),
        )),
        n => Err(no_attr(obj, n)),
    }
}

/// `del frame.name`: `f_trace` goes back to `None` (`bdb` deletes it); the
/// other members refuse with CPython's messages.
pub fn delattr(obj: &Value, name: &str) -> PyResult<()> {
    let Value::Frame(f) = obj else {
        return Err(no_attr(obj, name));
    };
    match name {
        "f_trace" => {
            f.set_trace(Value::None);
            Ok(())
        }
        "f_lineno" => Err(PyErr::new(
            ExcKind::AttributeError,
            "cannot delete attribute",
        )),
        "f_trace_lines" | "f_trace_opcodes" => {
            Err(PyErr::type_error("can't delete numeric/char attribute"))
        }
        _ => setattr(obj, name, &Value::None),
    }
}

/// `repr()` of `traceback` and `frame` objects.
pub fn repr(v: &Value) -> String {
    let addr = v.identity();
    match v {
        Value::Frame(f) => format!(
            "<frame at {:#x}, file {}, line {}, code {}>",
            addr,
            pith_repr::str_repr(&f.code.raw.filename.to_string_lossy()),
            f.hooks
                .line_override
                .get()
                .or_else(|| f.code.positions(f.ip.get()).0)
                .unwrap_or(0),
            f.code.name.as_str()
        ),
        _ => format!("<traceback object at {addr:#x}>"),
    }
}

impl Vm {
    /// Brings the position of frame object `f` up to date when its frame
    /// still runs; its index on the call stack then.
    pub(crate) fn refresh_frame_position(&self, f: &FrameObj) -> Option<usize> {
        let live = f
            .depth
            .get()
            .filter(|&d| self.is_live(d, &f.code, &f.globals))
            .map(|d| d as usize);
        if let Some(d) = live {
            if let Some(fr) = self.frames.get(d) {
                f.ip.set(fr.ip.saturating_sub(1) as u32);
                f.in_call.set(d + 1 < self.frames.len());
            }
        } else if f.depth.get().is_none() {
            let g = f.generator.as_ref().and_then(Weak::upgrade);
            if let Some(g) = g {
                if let Ok(st) = g.state.try_borrow() {
                    if !st.running && !st.done {
                        sync_suspended(f, &st);
                    }
                }
            }
        }
        live
    }

    /// Whether frame `depth` of the call stack runs `code` with `globals`.
    fn is_live(&self, depth: u32, code: &Rc<Code>, globals: &Rc<RefCell<Dict>>) -> bool {
        self.frames
            .get(depth as usize)
            .is_some_and(|f| Rc::ptr_eq(&f.code, code) && Rc::ptr_eq(&f.globals, globals))
    }

    /// The frame object of running frame `index` if one exists already.
    pub(crate) fn live_frame_object(&self, index: usize) -> Option<Rc<FrameObj>> {
        let f = LIVE.with(|live| live.borrow().get(index).and_then(Weak::upgrade))?;
        let fr = self.frames.get(index)?;
        (Rc::ptr_eq(&f.code, &fr.code) && Rc::ptr_eq(&f.globals, &fr.globals)).then_some(f)
    }

    /// The frame object of a running frame: `index` 0 is the outermost.
    pub(crate) fn frame_object(&self, index: usize) -> Value {
        if index >= self.frames.len() {
            return Value::None;
        }
        LIVE.with(|live| {
            let mut live = live.borrow_mut();
            let valid = |i: usize, live: &Vec<Weak<FrameObj>>| -> Option<Rc<FrameObj>> {
                let f = live.get(i)?.upgrade()?;
                let fr = self.frames.get(i)?;
                (f.depth.get() == u32::try_from(i).ok()
                    && Rc::ptr_eq(&f.code, &fr.code)
                    && Rc::ptr_eq(&f.globals, &fr.globals))
                .then_some(f)
            };
            // Built from the nearest caller that already has one, upward, so
            // that each object keeps its `f_back` after its caller returns.
            let mut first = index;
            let mut back: Option<Value> = None;
            loop {
                if let Some(f) = valid(first, &live) {
                    back = Some(Value::Frame(f));
                    first += 1;
                    break;
                }
                if first == 0 {
                    break;
                }
                first -= 1;
            }
            if live.len() < index + 1 {
                live.resize(index + 1, Weak::new());
                LIVE_LEN.with(|n| n.set(live.len()));
            }
            for i in first..=index {
                let Some(fr) = self.frames.get(i) else {
                    break;
                };
                let f = Rc::new(FrameObj {
                    code: fr.code.clone(),
                    globals: fr.globals.clone(),
                    ip: Cell::new(fr.ip.saturating_sub(1) as u32),
                    in_call: Cell::new(i + 1 < self.frames.len()),
                    depth: Cell::new(u32::try_from(i).ok()),
                    locals: RefCell::new(None),
                    back: back.take(),
                    hooks: FrameHooks::default(),
                    generator: fr.generator.as_ref().map(Rc::downgrade),
                });
                // A generator has one frame object: `gi_frame` is this one.
                if let Some(g) = &fr.generator {
                    if let Ok(mut slot) = g.frame.try_borrow_mut() {
                        *slot = Rc::downgrade(&f);
                    }
                }
                live[i] = Rc::downgrade(&f);
                back = Some(Value::Frame(f));
            }
            back.unwrap_or(Value::None)
        })
    }

    /// `gi_frame` of a generator: `None` once it has finished; its frame
    /// object on the call stack while it runs; else a snapshot of the
    /// suspended (or not yet started) frame, with its locals and position.
    pub(crate) fn generator_frame(&self, g: &Rc<crate::gen::GenObj>) -> Value {
        let st = g.state.borrow();
        if st.done {
            return Value::None;
        }
        if st.running {
            let at = self
                .frames
                .iter()
                .rposition(|f| f.generator.as_ref().is_some_and(|fg| Rc::ptr_eq(fg, g)));
            return at.map_or(Value::None, |i| self.frame_object(i));
        }
        // The object made before, brought up to date: one frame per generator.
        let made = g.frame.borrow().upgrade();
        if let Some(f) = made.filter(|f| f.depth.get().is_none()) {
            sync_suspended(&f, &st);
            return Value::Frame(f);
        }
        let mut d = Dict::new();
        bind_locals(&mut d, &g.code, &st.values);
        let ip = st.ip.saturating_sub(1) as u32;
        let f = Rc::new(FrameObj {
            code: g.code.clone(),
            globals: g.globals.clone(),
            ip: Cell::new(ip),
            in_call: Cell::new(false),
            depth: Cell::new(None),
            locals: RefCell::new(Some(Value::dict(d))),
            back: None,
            hooks: FrameHooks::default(),
            generator: Some(Rc::downgrade(g)),
        });
        *g.frame.borrow_mut() = Rc::downgrade(&f);
        Value::Frame(f)
    }

    /// Called as running frame `index` (the innermost) returns or unwinds:
    /// its frame object, if one was made, keeps the frame's locals and
    /// position from now on, as CPython's frame object takes over the data
    /// of a frame that leaves the stack (`take_ownership`), so
    /// `inspect.getargvalues` of a finished frame still sees its arguments.
    ///
    /// `ip` is the frame's next instruction when the eval loop holds it in
    /// a register (a return), `None` when the frame has it (an unwind).
    #[inline]
    pub(crate) fn retire_frame_object(&self, index: usize, ip: Option<usize>) {
        if LIVE_LEN.with(Cell::get) <= index {
            return;
        }
        self.retire_frame_object_slow(index, ip);
    }

    #[cold]
    fn retire_frame_object_slow(&self, index: usize, ip: Option<usize>) {
        let (f, pinned) = leave_stack(index);
        let Some(f) = f else {
            return;
        };
        if f.depth.get() != u32::try_from(index).ok() || !self.live_at(index, &f) {
            return;
        }
        if let Some(fr) = self.frames.get(index) {
            f.ip.set(ip.unwrap_or(fr.ip).saturating_sub(1) as u32);
        }
        f.in_call.set(false);
        // The dict `locals()` handed out stays as that call left it, as
        // CPython refreshes a frame's dict only when asked for it.
        if !pinned {
            let locals = self.frame_locals(index, f.locals.borrow().as_ref());
            *f.locals.borrow_mut() = Some(locals);
        }
        f.depth.set(None);
    }

    /// Called as generator frame `index` suspends (`YIELD_VALUE` popped it):
    /// its frame object, if one was made while it ran, leaves the call stack
    /// and reads the generator's saved frame until it resumes.
    #[inline(always)]
    pub(crate) fn suspend_frame_object(&self, index: usize) {
        // Tested inline: it runs at every yield, and frame objects are rare.
        if LIVE_LEN.with(Cell::get) > index {
            self.detach_frame_object(index);
        }
    }

    /// [`Vm::suspend_frame_object`] when a frame object may be live at `index`.
    #[inline(never)]
    fn detach_frame_object(&self, index: usize) {
        let (f, _) = leave_stack(index);
        if let Some(f) = f.filter(|f| f.depth.get() == u32::try_from(index).ok()) {
            f.in_call.set(false);
            f.depth.set(None);
        }
    }

    /// Called as generator `gen`'s frame is pushed at `index` to resume: the
    /// frame object it had while suspended (`gi_frame`, or one made while it
    /// ran before) is the running frame's again, so that it stays one object
    /// and keeps the frame's last locals when the generator finishes.
    #[inline(always)]
    pub(crate) fn resume_frame_object(&self, index: usize, gen: &crate::gen::GenObj) {
        // Tested inline: most generators never had a frame object made, and
        // this runs at every resume.
        if matches!(gen.frame.try_borrow(), Ok(w) if w.strong_count() > 0) {
            self.relink_frame_object(index, gen);
        }
    }

    /// [`Vm::resume_frame_object`] for a generator with a live frame object.
    #[inline(never)]
    fn relink_frame_object(&self, index: usize, gen: &crate::gen::GenObj) {
        let f = match gen.frame.try_borrow() {
            Ok(w) => w.upgrade(),
            _ => return,
        };
        let Some(f) = f.filter(|f| f.depth.get().is_none()) else {
            return;
        };
        f.depth.set(u32::try_from(index).ok());
        LIVE.with(|live| {
            let mut live = live.borrow_mut();
            if live.len() < index + 1 {
                live.resize(index + 1, Weak::new());
            }
            live[index] = Rc::downgrade(&f);
            LIVE_LEN.with(|n| n.set(live.len()));
        });
    }

    /// Whether frame object `f` is the object of running frame `index`.
    fn live_at(&self, index: usize, f: &FrameObj) -> bool {
        self.frames
            .get(index)
            .is_some_and(|fr| Rc::ptr_eq(&fr.code, &f.code) && Rc::ptr_eq(&fr.globals, &f.globals))
    }

    /// `f_locals` of the running frame `index`: the namespace of module and
    /// class bodies, else a dict of the bound locals, cells and free variables
    /// (`old`, refilled, when there is one: CPython keeps one dict per frame).
    fn frame_locals(&self, index: usize, old: Option<&Value>) -> Value {
        let Some(fr) = self.frames.get(index) else {
            return Value::dict(Dict::new());
        };
        if let Some(d) = &fr.names {
            return Value::Dict(d.clone());
        }
        let values: Vec<Value> = self.with_frame_values(index, |vals| {
            vals.iter().take(fr.code.nlocalsplus()).cloned().collect()
        });
        if let Some(Value::Dict(old)) = old {
            if let Ok(mut o) = old.try_borrow_mut() {
                refill_locals(&mut o, &fr.code, &values);
                drop(o);
                return Value::Dict(old.clone());
            }
        }
        let mut d = Dict::new();
        bind_locals(&mut d, &fr.code, &values);
        Value::dict(d)
    }

    /// `locals()` of the running function frame: its frame object's
    /// `f_locals`, refreshed. The object is kept until the frame leaves
    /// the stack, so every call gives the same dict and names an `exec`
    /// added stay in it, as CPython 3.11's frame keeps its locals dict.
    pub(crate) fn function_locals(&self) -> Option<Rc<RefCell<Dict>>> {
        let index = self.frames.len().checked_sub(1)?;
        let Value::Frame(f) = self.frame_object(index) else {
            return None;
        };
        let fresh = self.frame_locals(index, f.locals.borrow().as_ref());
        let Value::Dict(d) = &fresh else {
            return None;
        };
        let d = d.clone();
        *f.locals.borrow_mut() = Some(fresh);
        PINNED.with(|pinned| {
            let mut pinned = pinned.borrow_mut();
            if pinned.len() < index + 1 {
                pinned.resize(index + 1, None);
            }
            pinned[index] = Some(f);
        });
        Some(d)
    }
}

/// Brings frame object `f` of a suspended generator (state `st`) up to
/// date: its position and locals are the saved frame's.
fn sync_suspended(f: &FrameObj, st: &crate::gen::GenState) {
    f.ip.set(st.ip.saturating_sub(1) as u32);
    f.in_call.set(false);
    // One dict per frame, as `frame_locals` keeps it.
    if let Some(Value::Dict(old)) = &*f.locals.borrow() {
        if let Ok(mut o) = old.try_borrow_mut() {
            refill_locals(&mut o, &f.code, &st.values);
            return;
        }
    }
    let mut d = Dict::new();
    bind_locals(&mut d, &f.code, &st.values);
    let old = f.locals.borrow_mut().replace(Value::dict(d));
    drop(old);
}

/// Frame objects of another thread's frames (`frames`, over that thread's
/// value `stack`), innermost first in the chain: `f_back` links each to its
/// caller. The thread is not running, so each object is a snapshot of its
/// frame (locals and position now), as a suspended generator's is; `None`
/// when the thread has no frame.
pub(crate) fn snapshot_frames(frames: &[crate::vm::Frame], stack: &[Value]) -> Value {
    let mut back: Option<Value> = None;
    for (i, fr) in frames.iter().enumerate() {
        let locals = match &fr.names {
            Some(d) => Value::Dict(d.clone()),
            None => {
                let mut d = Dict::new();
                crate::gen_frame::with_frame_values(frames, stack, i, |vals| {
                    bind_locals(&mut d, &fr.code, vals);
                });
                Value::dict(d)
            }
        };
        let f = Rc::new(FrameObj {
            code: fr.code.clone(),
            globals: fr.globals.clone(),
            ip: Cell::new(fr.ip.saturating_sub(1) as u32),
            in_call: Cell::new(i + 1 < frames.len()),
            depth: Cell::new(None),
            locals: RefCell::new(Some(locals)),
            back: back.take(),
            hooks: FrameHooks::default(),
            generator: fr.generator.as_ref().map(Rc::downgrade),
        });
        back = Some(Value::Frame(f));
    }
    back.unwrap_or(Value::None)
}

/// `sys.exc_info()`'s tuple for a thread's handled exception `exc`.
pub(crate) fn exc_info_of(exc: &Value) -> Value {
    match exc {
        e @ Value::Exception(x) => {
            Value::tuple(vec![Value::Type(x.typ.clone()), e.clone(), traceback_of(x)])
        }
        _ => Value::tuple(vec![Value::None, Value::None, Value::None]),
    }
}

/// `sys._getframe([depth])`.
pub fn getframe(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    if !a.kwnames.is_empty() {
        return Err(PyErr::type_error(
            "sys._getframe() takes no keyword arguments",
        ));
    }
    if a.pos.len() > 1 {
        return Err(PyErr::type_error(format!(
            "_getframe expected at most 1 argument, got {}",
            a.pos.len()
        )));
    }
    let depth = match a.pos.first() {
        None => 0,
        Some(Value::Int(i)) if i32::try_from(*i).is_ok() => *i,
        Some(Value::Bool(b)) => i64::from(*b),
        Some(Value::Int(_) | Value::BigInt(_)) => {
            return Err(PyErr::overflow("Python int too large to convert to C int"))
        }
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                type_name(other)
            )))
        }
    };
    let depth = usize::try_from(depth.max(0)).unwrap_or(usize::MAX);
    let n = vm.frames.len();
    if depth >= n {
        return Err(PyErr::value_error("call stack is not deep enough"));
    }
    Ok(vm.frame_object(n - 1 - depth))
}

/// `sys.exc_info()`.
pub fn exc_info(vm: &mut Vm) -> Value {
    exc_info_of(&vm.exc_info)
}
