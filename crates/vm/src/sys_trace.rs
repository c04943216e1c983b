//! `sys.settrace` and `sys.setprofile`: Python functions called on the
//! events of CPython 3.11's `ceval.c` (`call`, `line`, `return`,
//! `exception`, `opcode` for a trace function; `call`, `return`, `c_call`,
//! `c_return`, `c_exception` for a profile function).
//!
//! The hooks ride on the traced instantiation of the eval loop (`trace.rs`):
//! while one is set, `run_frames` picks it, and a loop running the other
//! instantiation switches after the call that set or cleared the hooks (see
//! [`Vm::hooks_switch_due`]). Events follow CPython's rules:
//!
//! - `call` when a frame starts or a generator resumes, at its `RESUME`: the
//!   instructions before it (`RETURN_GENERATOR`, `MAKE_CELL`, ...) are not
//!   traced, so creating a generator reports nothing. The trace function's
//!   result becomes the frame's `f_trace`, which receives the frame's other
//!   events.
//! - `line` before an instruction whose line differs from the one executed
//!   before it in the frame, or reached by a backward jump (but not the
//!   `SEND` of `yield from`). The VM's internal code drops some of CPython's
//!   instructions (`NOP` for `pass`, `PRECALL`, ...), so each dispatch also
//!   replays the dropped ones executed since the last, from the trace map.
//! - `return` when a frame returns or yields (its value), or an exception
//!   leaves it (`None`).
//! - `exception` when an instruction raises or a callee's exception arrives
//!   (not for a re-raise), with `(type, value, traceback)`.
//! - The profile function sees `call` and `return` of every frame, and
//!   `c_call`/`c_return`/`c_exception` around calls of builtin functions and
//!   methods.
//!
//! A hook runs with the hooks off (CPython's `tstate->tracing`). A hook that
//! raises is removed and its exception raised where the event happened.

use std::collections::HashMap;
use std::rc::Rc;

use pith_bytecode::Opcode;

use crate::exc::{PyErr, PyResult};
use crate::frame_obj::FrameObj;
use crate::trace::{CodeMap, FrameExit};
use crate::value::Value;
use crate::vm::Vm;

/// The installed hooks and what they know of the running frames.
#[derive(Debug, Default)]
pub(crate) struct Hooks {
    /// `sys.settrace`'s function.
    pub(crate) trace: Option<Value>,
    /// `sys.setprofile`'s function.
    pub(crate) profile: Option<Value>,
    /// How many frames (from the bottom) the hooks know.
    entered: usize,
    frames: Vec<HookFrame>,
    maps: HashMap<usize, Rc<CodeMap>>,
    /// A hook is running: no events.
    busy: bool,
    /// An error a `return` event's hook raised, raised at the next instruction.
    pending: Option<PyErr>,
    /// The frame object whose `return` event runs (by address) and the
    /// depth its frame left: the frame has left the stack, but its `f_back`
    /// is still the frame below.
    exiting: Option<(usize, usize)>,
    /// The instruction that ran last took a jump (set by the traced loop's
    /// jumps, which may land where falling through would).
    pub(crate) jumped: bool,
}

/// One running frame, as the hooks see it.
#[derive(Debug, Default)]
struct HookFrame {
    /// Whether its `call` event was decided (at its first traced
    /// instruction; the frames that ran when the hooks were set have none).
    seen: bool,
    /// Whether its `call` event happened (not for the frames that ran when
    /// the hooks were set, nor for a call that only makes a generator).
    called: bool,
    /// The frame object its events pass (kept, so the events of one frame
    /// pass one object).
    obj: Option<Rc<FrameObj>>,
    /// Index in the trace map's instructions of the one executed last.
    last: Option<usize>,
    /// Where execution went on after a handler caught an exception.
    handler: Option<usize>,
    /// A new call's first traced instruction reports its line even when
    /// `RESUME` is on the same line (a resumed generator's does not).
    fresh: bool,
}

/// Which of the two hooks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum HookKind {
    /// `sys.settrace`.
    Trace,
    /// `sys.setprofile`.
    Profile,
}

impl Hooks {
    fn map(&mut self, code: &Rc<crate::code::Code>) -> Rc<CodeMap> {
        self.maps
            .entry(Rc::as_ptr(code) as usize)
            .or_insert_with(|| Rc::new(CodeMap::new(code)))
            .clone()
    }

    fn frame(&mut self, i: usize) -> &mut HookFrame {
        if self.frames.len() <= i {
            self.frames.resize_with(i + 1, HookFrame::default);
        }
        &mut self.frames[i]
    }
}

impl Vm {
    /// The depth of the frame below `f` while `f`'s `return` event runs,
    /// its own frame already gone from the stack.
    pub(crate) fn exiting_caller(&self, f: &FrameObj) -> Option<usize> {
        let (obj, depth) = self.hooks.as_deref()?.exiting?;
        (obj == f as *const FrameObj as usize)
            .then(|| depth.checked_sub(1))
            .flatten()
    }

    /// `sys.settrace(f)` / `sys.setprofile(f)`; `None` removes the hook.
    pub(crate) fn set_hook(&mut self, kind: HookKind, func: Option<Value>) {
        let frames = self.frames.len();
        let hooks = self.hooks.get_or_insert_with(|| {
            let known = || HookFrame {
                seen: true,
                ..HookFrame::default()
            };
            Box::new(Hooks {
                entered: frames,
                frames: (0..frames).map(|_| known()).collect(),
                ..Hooks::default()
            })
        });
        match kind {
            HookKind::Trace => hooks.trace = func,
            HookKind::Profile => hooks.profile = func,
        }
        if hooks.trace.is_none() && hooks.profile.is_none() {
            self.hooks = None;
        }
    }

    /// The hook `sys.gettrace()` / `sys.getprofile()` report.
    pub(crate) fn hook(&self, kind: HookKind) -> Value {
        let h = self.hooks.as_deref();
        let f = match kind {
            HookKind::Trace => h.and_then(|h| h.trace.clone()),
            HookKind::Profile => h.and_then(|h| h.profile.clone()),
        };
        f.unwrap_or(Value::None)
    }

    /// Whether the running loop (`traced`: its instantiation) is the wrong
    /// one for the hooks and tracer now installed.
    #[inline(always)]
    pub(crate) fn hooks_switch_due(&self, traced: bool) -> bool {
        cfg!(feature = "trace") && traced != (self.trace.is_some() || self.hooks.is_some())
    }

    /// Calls `func(frame, event, arg)` with the hooks off. On an error the
    /// hook is removed (`kind`) and the error returned; else the result.
    fn call_hook(
        &mut self,
        kind: HookKind,
        func: &Value,
        frame: &Rc<FrameObj>,
        event: &str,
        arg: Value,
    ) -> PyResult<Value> {
        // `_lsprof`'s profiler is Rust: no Python call, nothing to guard.
        if kind == HookKind::Profile {
            if let Some(r) = crate::modules::lsprof::event(self, func, frame, event, &arg) {
                return r.map(|_| Value::None);
            }
        }
        // The hook's own jumps must not count as the traced frame's.
        let jumped = self.hooks.as_deref_mut().map(|h| {
            h.busy = true;
            h.jumped
        });
        let args = [Value::Frame(frame.clone()), Value::str(event), arg];
        let r = self.call(func, &args);
        if let Some(h) = self.hooks.as_deref_mut() {
            h.busy = false;
            h.jumped = jumped.unwrap_or(false);
        }
        if r.is_err() {
            if kind == HookKind::Trace {
                frame.set_trace(Value::None);
            }
            self.set_hook(kind, None);
        }
        r
    }

    /// The frame object of running frame `i` for the hooks' events.
    fn hook_frame_object(&mut self, i: usize) -> Option<Rc<FrameObj>> {
        if let Some(obj) = self.hooks.as_deref_mut()?.frame(i).obj.clone() {
            return Some(obj);
        }
        let Value::Frame(f) = self.frame_object(i) else {
            return None;
        };
        self.hooks.as_deref_mut()?.frame(i).obj = Some(f.clone());
        Some(f)
    }

    /// The `call` event of frame `i`: the profile function, then the trace
    /// function, whose result becomes the frame's `f_trace`.
    fn hook_call(&mut self, i: usize, line: Option<i32>, lasti: Option<u32>) -> PyResult<()> {
        let (trace, profile) = match self.hooks.as_deref() {
            Some(h) => (h.trace.clone(), h.profile.clone()),
            None => return Ok(()),
        };
        if trace.is_none() && profile.is_none() {
            return Ok(());
        }
        let Some(obj) = self.hook_frame_object(i) else {
            return Ok(());
        };
        // The event happens at `RESUME`, on the `def` line.
        obj.set_line_override(line);
        obj.set_lasti_override(lasti);
        let r = self.call_hooks(&obj, trace, profile);
        obj.set_line_override(None);
        obj.set_lasti_override(None);
        r
    }

    fn call_hooks(
        &mut self,
        obj: &Rc<FrameObj>,
        trace: Option<Value>,
        profile: Option<Value>,
    ) -> PyResult<()> {
        if let Some(p) = profile {
            self.call_hook(HookKind::Profile, &p, obj, "call", Value::None)?;
        }
        if let Some(t) = trace {
            let local = self.call_hook(HookKind::Trace, &t, obj, "call", Value::None)?;
            if !matches!(local, Value::None) {
                obj.set_trace(local);
            }
        }
        Ok(())
    }

    /// A local trace event (`line`, `opcode`, `return`, `exception`) of
    /// `obj`: calls its `f_trace`, whose result (unless `None`) replaces it.
    fn hook_local(&mut self, obj: &Rc<FrameObj>, event: &str, arg: Value) -> PyResult<()> {
        let f = obj.trace();
        if matches!(f, Value::None) {
            return Ok(());
        }
        let r = self.call_hook(HookKind::Trace, &f, obj, event, arg)?;
        if !matches!(r, Value::None) {
            obj.set_trace(r);
        }
        Ok(())
    }

    /// [`Vm::hook_local`] of an event (with no argument) that `f_lineno`
    /// and `f_lasti` place at `line` and byte offset `lasti`.
    fn hook_local_at(
        &mut self,
        obj: &Rc<FrameObj>,
        event: &str,
        line: Option<i32>,
        lasti: Option<u32>,
    ) -> PyResult<()> {
        obj.set_line_override(line);
        obj.set_lasti_override(lasti);
        let r = self.hook_local(obj, event, Value::None);
        obj.set_line_override(None);
        obj.set_lasti_override(None);
        r
    }

    /// Called by the traced loop before it runs instruction `ip` of the top
    /// frame: `call`, `line` and `opcode` events.
    pub(crate) fn hooks_dispatch(&mut self, ip: usize) -> PyResult<()> {
        let Some(h) = self.hooks.as_deref_mut() else {
            return Ok(());
        };
        if let Some(e) = h.pending.take() {
            return Err(e);
        }
        if h.busy {
            return Ok(());
        }
        let Some(fi) = self.frames.len().checked_sub(1) else {
            return Ok(());
        };
        while h.entered <= fi {
            let i = h.entered;
            *h.frame(i) = HookFrame::default();
            h.entered += 1;
        }
        let map = h.map(&self.frames[fi].code);
        let k = map.orig_of(ip);
        // The prologue before `RESUME` is not traced.
        if !map.traceable(k) {
            return Ok(());
        }
        if !h.frame(fi).seen {
            let resume = map.resume_before(k).unwrap_or(0);
            let hf = h.frame(fi);
            hf.seen = true;
            hf.called = true;
            hf.last = Some(resume);
            hf.handler = None;
            hf.fresh = map.arg(resume) == Some(0);
            self.set_frame_ip(fi, ip);
            self.hook_call(fi, map.line(resume), map.offset(resume))?;
        }
        let Some(h) = self.hooks.as_deref_mut() else {
            return Ok(());
        };
        let jumped = std::mem::take(&mut h.jumped);
        let hf = h.frame(fi);
        let fresh = std::mem::take(&mut hf.fresh);
        let Some(prev) = hf.last.replace(k) else {
            return Ok(());
        };
        let start = match hf.handler.take() {
            Some(t) => t,
            None if !jumped && prev < k && map.dropped_between(prev, k) => prev + 1,
            None => map.jump_target_of(prev).filter(|&t| t <= k).unwrap_or(k),
        };
        let known = hf.obj.clone();
        let Some(obj) = known.or_else(|| self.live_frame_object(fi)) else {
            return Ok(());
        };
        if matches!(obj.trace(), Value::None) {
            return Ok(());
        }
        self.set_frame_ip(fi, ip);
        let mut prev = prev;
        let mut fresh = fresh;
        for j in start.min(k)..=k {
            if j != k && !map.is_dropped(j) {
                continue;
            }
            let line = map.line(j);
            let changed = std::mem::take(&mut fresh) || line != map.line(prev);
            let backward = j < prev && map.opcode(j) != Some(Opcode::Send);
            // An event is at `orig[j]`, which the internal instruction at
            // `ip` may have been fused into (a `LOAD_GLOBAL` into its call).
            if obj.trace_lines() && line.is_some() && (changed || backward) {
                self.hook_local_at(&obj, "line", line, map.offset(j))?;
            }
            if obj.trace_opcodes() {
                self.hook_local_at(&obj, "opcode", line, map.offset(j))?;
            }
            prev = j;
        }
        Ok(())
    }

    /// The frame at index `self.frames.len()` (just popped) left: its
    /// `return` events. `at`: the internal instruction it left by, for a
    /// frame whose position the loop has not stored (a `YIELD_VALUE`).
    pub(crate) fn hooks_exit(&mut self, exit: &FrameExit<'_>, at: Option<usize>) {
        let Some(h) = self.hooks.as_deref_mut() else {
            return;
        };
        let fi = self.frames.len();
        h.entered = h.entered.min(fi);
        if h.busy || fi >= h.frames.len() {
            return;
        }
        let hf = std::mem::take(&mut h.frames[fi]);
        if !hf.called {
            return;
        }
        let Some(obj) = hf.obj else {
            return;
        };
        if let Some(ip) = at.and_then(|ip| u32::try_from(ip).ok()) {
            obj.note_stopped_at(ip);
        }
        let arg = match exit {
            FrameExit::Return(v) | FrameExit::Yield(v) => (*v).clone(),
            FrameExit::Exception(_) | FrameExit::Generator => Value::None,
        };
        let profile = h.profile.clone();
        let outer = h.exiting.replace((Rc::as_ptr(&obj) as usize, fi));
        let mut result = Ok(());
        if let Some(p) = profile {
            result = self
                .call_hook(HookKind::Profile, &p, &obj, "return", arg.clone())
                .map(drop);
        }
        if result.is_ok() {
            result = self.hook_local(&obj, "return", arg);
        }
        if let Some(h) = self.hooks.as_deref_mut() {
            h.exiting = outer;
            if let Err(e) = result {
                h.pending = Some(e);
            }
        }
    }

    /// An exception at the top frame (raised there, or arriving from a
    /// callee; not a re-raise): its `exception` event. A hook's error
    /// replaces the exception.
    pub(crate) fn hooks_exception(&mut self, err: &mut PyErr) {
        let Some(h) = self.hooks.as_deref_mut() else {
            return;
        };
        if h.busy || h.trace.is_none() {
            return;
        }
        let Some(fi) = self.frames.len().checked_sub(1) else {
            return;
        };
        if !h.frames.get(fi).is_some_and(|f| f.called) {
            return;
        }
        let Some(obj) = h.frame(fi).obj.clone() else {
            return;
        };
        let exc = &err.0;
        let info = Value::tuple(vec![
            Value::Type(exc.typ.clone()),
            Value::Exception(exc.clone()),
            crate::frame_obj::traceback_of(exc),
        ]);
        if let Err(e) = self.hook_local(&obj, "exception", info) {
            *err = e;
        }
    }

    /// A subiterator of the top frame's `yield from` (or a generator its
    /// `for` loop runs) returned `v`: under tracing, CPython 3.11 sees the
    /// `StopIteration(v)` and reports it (a `for` loop only for a value that
    /// is not `None`, which is when a generator sets one). A hook's error is
    /// raised at the next instruction.
    pub(crate) fn hooks_subiterator_returned(&mut self, v: &Value, for_loop: bool) {
        if self
            .hooks
            .as_deref()
            .map_or(true, |h| h.busy || h.trace.is_none())
            || (for_loop && matches!(v, Value::None))
        {
            return;
        }
        let mut err = crate::gen::stop_iteration(v.clone());
        let before = err.0.clone();
        self.hooks_exception(&mut err);
        if !Rc::ptr_eq(&before, &err.0) {
            if let Some(h) = self.hooks.as_deref_mut() {
                h.pending = Some(err);
            }
        }
    }

    /// The top frame's `FOR_ITER` swallowed the `StopIteration` its
    /// iterator's Python `__next__` raised: CPython 3.11 reports it to the
    /// tracer first (`call_exc_trace`). A hook's error is raised at the
    /// next instruction.
    pub(crate) fn hooks_stop_swallowed(&mut self, err: &PyErr) {
        if self
            .hooks
            .as_deref()
            .map_or(true, |h| h.busy || h.trace.is_none())
        {
            return;
        }
        let mut seen = err.clone();
        self.hooks_exception(&mut seen);
        if !Rc::ptr_eq(&err.0, &seen.0) {
            if let Some(h) = self.hooks.as_deref_mut() {
                h.pending = Some(seen);
            }
        }
    }

    /// A handler of the top frame caught the exception raised at internal
    /// instruction `raise_ip`; execution goes on at internal `target`.
    pub(crate) fn hooks_caught(&mut self, raise_ip: u32, target: u32) {
        let Some(h) = self.hooks.as_deref_mut() else {
            return;
        };
        let Some(fi) = self.frames.len().checked_sub(1) else {
            return;
        };
        let map = h.map(&self.frames[fi].code);
        let hf = h.frame(fi);
        hf.last = Some(map.orig_of(raise_ip as usize));
        hf.handler = Some(map.orig_of(target as usize));
    }

    /// Whether a call of `callable` is a profiled builtin call.
    #[inline(always)]
    pub(crate) fn profiles_c_calls(&self, callable: &Value) -> bool {
        matches!(callable, Value::Builtin(_) | Value::BoundBuiltin(_))
            && self
                .hooks
                .as_deref()
                .is_some_and(|h| h.profile.is_some() && !h.busy)
    }

    /// A `c_call`, `c_return` or `c_exception` event of the top frame.
    pub(crate) fn hook_c_event(&mut self, event: &str, func: &Value) -> PyResult<()> {
        let Some(p) = self.hooks.as_deref().and_then(|h| h.profile.clone()) else {
            return Ok(());
        };
        let Some(fi) = self.frames.len().checked_sub(1) else {
            return Ok(());
        };
        let Some(obj) = self.hook_frame_object(fi) else {
            return Ok(());
        };
        self.call_hook(HookKind::Profile, &p, &obj, event, func.clone())
            .map(drop)
    }

    /// Notes that the instruction running takes a jump.
    #[inline(always)]
    pub(crate) fn note_jump(&mut self) {
        if let Some(h) = self.hooks.as_deref_mut() {
            h.jumped = true;
        }
    }

    /// Makes frame `fi`'s saved position instruction `ip` (the loop keeps
    /// it in a local), so that `f_lineno` reads it during an event.
    fn set_frame_ip(&mut self, fi: usize, ip: usize) {
        if let Some(f) = self.frames.get_mut(fi) {
            f.ip = ip + 1;
        }
    }
}
