//! The eval loop: one `match` over decoded 3.11 instructions. Python-to-Python
//! calls push a [`Frame`] and continue the same loop (no Rust recursion);
//! exceptions unwind through each frame's exception table.

use std::cell::RefCell;
use std::rc::Rc;

use pith_bytecode::Opcode as Op;

use crate::exc::{ExcObj, NameHint, PyErr, PyResult, TbEntry};
use crate::func::{Args, Function};
use crate::iter::IterObj;
use crate::modules::thread::switch::Resume;
use crate::ops::{self, CmpOp};
use crate::stack_words::{pop_scalar, push};
use crate::types::{ExcKind, TypeKind};
use crate::value::{StrObj, Value};
use crate::vm::{Frame, Vm};

/// The next item of a builtin iterator that runs no Python code, taken
/// inline by `FOR_ITER` and `SEND` (a range's, stepped here, or
/// [`IterObj::next_simple`]'s); `None` for any other iterator, which takes
/// the general path.
#[inline(always)]
fn next_builtin(it: &Value) -> Option<PyResult<Option<Value>>> {
    let Value::Iter(cell) = it else {
        return None;
    };
    let Ok(mut b) = cell.try_borrow_mut() else {
        return Some(Err(PyErr::value_error("iterator already executing")));
    };
    match &mut *b {
        IterObj::Range {
            cur: c, left, step, ..
        } => {
            if *left > 0 {
                let v = *c;
                *left -= 1;
                *c = c.wrapping_add(*step);
                Some(Ok(Some(Value::Int(v))))
            } else {
                Some(Ok(None))
            }
        }
        other => other.next_simple(),
    }
}

fn step_limit_error() -> PyErr {
    PyErr::system_error("step limit exceeded")
}

fn underflow() -> PyErr {
    PyErr::system_error("stack underflow (corrupt bytecode)")
}

/// The local that the instruction after a `BINARY_OP` stores its result
/// into, if it is a `STORE_FAST` (alone or fused with the next one).
#[inline]
fn str_append_target(next: Option<&crate::code::Ins>) -> Option<usize> {
    let next = next?;
    match next.op {
        Op::StoreFast => Some(next.arg as usize),
        Op::StoreFastLoadFast | Op::StoreFastStoreFast => Some((next.arg & 0xffff) as usize),
        _ => None,
    }
}

/// CPython's `unicode_concatenate`: `s = s + t` or `s += t` whose result the
/// next instruction stores into the local `s` itself. The local's reference
/// is dropped first, so that the str on top of the stack, held by nothing
/// else, grows in place. Returns whether it did; when not, the local may
/// have been cleared, which the store that follows makes good.
fn append_str_in_place(stack: &mut [Value], local: usize, y: &StrObj) -> bool {
    let Some((top, below)) = stack.split_last_mut() else {
        return false;
    };
    let (Some(slot), Value::Str(x)) = (below.get_mut(local), &mut *top) else {
        return false;
    };
    if !matches!(slot, Value::Str(held) if Rc::ptr_eq(held, x)) {
        return false;
    }
    std::mem::replace(slot, Value::Null).release();
    Rc::get_mut(x).is_some_and(|x| x.append_in_place(y))
}

/// Moves the `n` fast locals at `stack[base..]` of a frame that an exception
/// carries off the stack into its traceback entry (`None` when the frame
/// binds none): from then on the traceback keeps them alive, as CPython's
/// traceback keeps the frame, so a local's `__del__` runs when the exception
/// is dropped, not while it propagates. They go in a list, which the cycle
/// collector tracks, when one may lead back to the exception; plain values
/// go in an untracked tuple, as cheap as CPython's untracked tuples.
#[cold]
fn take_locals(stack: &mut [Value], base: usize, n: usize) -> Option<Value> {
    let slots = stack.get_mut(base..base + n)?;
    if slots.iter().all(Value::is_null) {
        return None;
    }
    let values: Vec<Value> = slots
        .iter_mut()
        .map(|v| std::mem::replace(v, Value::Null))
        .collect();
    Some(if values.iter().any(crate::gc::is_node) {
        Value::list(values)
    } else {
        Value::tuple(values)
    })
}

fn unbound_local(name: &StrObj) -> PyErr {
    PyErr::new(
        ExcKind::UnboundLocalError,
        format!(
            "cannot access local variable '{}' where it is not associated with a value",
            name.as_str()
        ),
    )
}

/// Sets `exc.__context__ = ctx`, breaking any cycle through `exc` as CPython
/// does; a cycle already in `ctx`'s chain is detected (Floyd's tortoise and
/// hare, as `_PyErr_SetObject`) and left alone rather than walked forever.
pub(crate) fn set_context(exc: &Rc<ExcObj>, ctx: &Rc<ExcObj>) {
    let mut o = ctx.clone();
    let mut slow = ctx.clone();
    let mut move_slow = false;
    loop {
        let Some(next) = o.context.borrow().clone() else {
            break;
        };
        if Rc::ptr_eq(&next, exc) {
            *o.context.borrow_mut() = None;
            break;
        }
        o = next;
        if Rc::ptr_eq(&o, &slow) {
            break;
        }
        if move_slow {
            let s = slow.context.borrow().clone();
            match s {
                Some(s) => slow = s,
                None => break,
            }
        }
        move_slow = !move_slow;
    }
    *exc.context.borrow_mut() = Some(ctx.clone());
}

impl Vm {
    fn name_error(
        &self,
        name: &Rc<StrObj>,
        code: &crate::code::Code,
        globals: &Rc<RefCell<crate::dict::Dict>>,
    ) -> PyErr {
        let err = PyErr::new(
            ExcKind::NameError,
            format!("name '{}' is not defined", name.as_str()),
        );
        let locals: Vec<Rc<str>> = code
            .localsplus
            .iter()
            .zip(&code.kinds)
            .filter(|(_, &k)| k & pith_bytecode::code::local_kind::LOCAL != 0)
            .map(|(n, _)| n.as_str().into())
            .collect();
        let keys = |d: &crate::dict::Dict| -> Vec<Rc<str>> {
            d.keys()
                .filter_map(|k| match k {
                    Value::Str(s) => Some(s.as_str().into()),
                    _ => None,
                })
                .collect()
        };
        let candidates = vec![
            locals,
            keys(&globals.borrow()),
            keys(&self.builtins.borrow()),
        ];
        *err.0.name_hint.borrow_mut() = Some(NameHint {
            name: name.as_str().into(),
            candidates,
            is_attribute: false,
        });
        err.with_name_obj(Value::Str(name.clone()), Value::None)
    }

    /// Handles an exception raised at instruction `raise_ip` of the top frame:
    /// finds a handler (possibly in a caller) or returns the error once an entry
    /// frame has been popped.
    // Inlined into its instantiation of the loop, as it was into the one
    // loop before tracing existed; `TRACE` is the loop's.
    #[inline(always)]
    pub(crate) fn unwind<const TRACE: bool>(
        &mut self,
        mut err: PyErr,
        reraise: bool,
        mut raise_ip: u32,
    ) -> PyResult<()> {
        let mut exc = err.0.clone();
        let mut lasti = self.reraise_lasti.take().unwrap_or(raise_ip);
        if crate::finalize::due() && crate::coro::finalize::pending() {
            if let Some(top) = self.frames.last() {
                let code = top.code.clone();
                self.warn_unawaited_raising(&code, raise_ip);
            }
        }
        let Some(top) = self.frames.last() else {
            return Err(err);
        };
        let escaped = exc.escaped.replace(false);
        if !reraise && !escaped {
            if let Value::Exception(h) = &self.exc_info {
                if !Rc::ptr_eq(h, &exc) {
                    set_context(&exc, h);
                }
            }
        }
        if !reraise && !top.code.hidden {
            exc.traceback.borrow_mut().push(TbEntry {
                code: top.code.clone(),
                ip: raise_ip,
                frame_ip: raise_ip,
                depth: (self.frames.len() - 1) as u32,
                globals: top.globals.clone(),
                given: None,
                locals: None,
            });
        }
        if TRACE {
            self.trace_raise(&err, raise_ip, crate::trace::ExceptionKind::Raised);
            if !reraise {
                self.hooks_exception(&mut err);
                exc = err.0.clone();
            }
        }
        // A stop asked by the tracer is caught by no handler.
        let stopped = TRACE && self.trace_stopped();
        loop {
            let out = self.steps_left == 0 && !self.refill_steps();
            let Some(frame) = self.frames.last_mut() else {
                return Err(err);
            };
            // Handling spends the step budget too: a handler may jump backward.
            let handler = if out || stopped {
                None
            } else {
                self.steps_left -= 1;
                frame.code.handler_for(raise_ip)
            };
            if let Some(h) = handler {
                let sb = frame.base + frame.code.nlocalsplus();
                let depth = sb + h.depth as usize;
                if self.stack.len() < depth {
                    self.stack.resize(depth, Value::None);
                }
                self.stack.truncate(depth);
                if h.lasti {
                    push(&mut self.stack, Value::Int(i64::from(lasti)));
                }
                push(&mut self.stack, Value::Exception(exc));
                frame.ip = h.target as usize;
                if TRACE {
                    self.trace_caught(&err, raise_ip, h.target);
                    self.hooks_caught(raise_ip, h.target);
                }
                return Ok(());
            }
            // The frame leaves at `lasti` (a `RERAISE` restores the position
            // its handler was entered from): its traceback entry keeps that
            // for `tb_frame.f_lineno`.
            let code = frame.code.clone();
            let d = (self.frames.len() - 1) as u32;
            // A frame object made while it ran reads the locals before the
            // traceback entry takes them.
            self.retire_frame_object(d as usize, None);
            if let Some(e) = exc
                .traceback
                .borrow_mut()
                .iter_mut()
                .rev()
                .find(|e| e.depth == d && Rc::ptr_eq(&e.code, &code))
            {
                e.frame_ip = lasti;
                if let Some(f) = self.frames.last().filter(|f| f.names.is_none()) {
                    e.locals = take_locals(&mut self.stack, f.base, code.nlocalsplus());
                }
            }
            let Some(f) = self.frames.pop() else {
                return Err(err);
            };
            // The popped frame's hooks go first: a tracer called below runs
            // its own frames at this depth.
            let mut call_iter = None;
            let mut for_iter_next = false;
            while matches!(self.return_hooks.last(), Some((d, _)) if *d >= self.frames.len()) {
                match self.return_hooks.pop() {
                    Some((_, crate::vm::ReturnHook::Sentinel { iter, .. })) => {
                        call_iter = Some(iter);
                    }
                    Some((_, crate::vm::ReturnHook::ForIterNext)) => for_iter_next = true,
                    _ => {}
                }
            }
            if TRACE {
                let e = Value::Exception(err.0.clone());
                self.trace_exit(&f, crate::trace::FrameExit::Exception(&e));
                self.hooks_exit(&crate::trace::FrameExit::Exception(&e), None);
            }
            self.stack.truncate(f.ret_to);
            if let Some(iter) = call_iter {
                if self.call_iter_raised(&iter, &err) {
                    return Ok(());
                }
            }
            if for_iter_next && err.is(ExcKind::StopIteration) {
                // `FOR_ITER` swallows the `StopIteration` of `tp_iternext`.
                if TRACE {
                    self.hooks_stop_swallowed(&err);
                }
                self.end_call_iter_loop(false);
                return Ok(());
            }
            if let Some(g) = &f.generator {
                self.finish_gen_frame(g);
                if !f.entry && err.is(ExcKind::StopIteration) {
                    // Its resumer raises the `RuntimeError` (PEP 479).
                    (err, exc) = self.escaped_inline(err);
                }
            }
            if f.entry {
                exc.escaped.set(true);
                return Err(err);
            }
            let Some(parent) = self.frames.last() else {
                return Err(err);
            };
            raise_ip = parent.ip.saturating_sub(1) as u32;
            lasti = raise_ip;
            if !parent.code.hidden {
                exc.traceback.borrow_mut().push(TbEntry {
                    code: parent.code.clone(),
                    ip: raise_ip,
                    frame_ip: raise_ip,
                    depth: (self.frames.len() - 1) as u32,
                    globals: parent.globals.clone(),
                    given: None,
                    locals: None,
                });
            }
            if TRACE {
                self.trace_raise(&err, raise_ip, crate::trace::ExceptionKind::Propagated);
                self.hooks_exception(&mut err);
                exc = err.0.clone();
            }
        }
    }

    /// Pushes a frame for a call of `f` whose arguments are `stack[args_start..]`,
    /// with `ret_to` the stack height to restore afterwards.
    // Inlined into both instantiations of the loop, as it was into the one
    // loop before tracing existed (two call sites would outline it).
    #[inline(always)]
    pub(crate) fn push_call_frame(
        &mut self,
        f: &Rc<Function>,
        args_start: usize,
        ret_to: usize,
        kwnames: Option<Rc<Vec<Value>>>,
    ) -> PyResult<()> {
        if self.steps_left == 0 && !self.refill_steps() {
            return Err(step_limit_error());
        }
        self.steps_left -= 1;
        // The eval breaker at calls (CPython checks at `RESUME`): code
        // without loops gets its signals too.
        if crate::modules::signal_raw::pending() {
            self.check_signals()?;
        }
        if self.frames.len() >= self.recursion_limit {
            return Err(PyErr::new(
                ExcKind::RecursionError,
                "maximum recursion depth exceeded",
            ));
        }
        let code = f.code.borrow().clone();
        let nargs = self.stack.len() - args_start;
        let n = code.nlocalsplus();
        let base;
        if kwnames.is_none() && code.simple_args && nargs == code.argcount {
            base = args_start;
            self.complete_locals(f, base, nargs, n);
        } else {
            let kw: &[Value] = kwnames.as_deref().map_or(&[], |k| k.as_slice());
            let nkw = kw.len().min(nargs);
            let split = self.stack.len() - nkw;
            let locals = f.bind(&self.stack[args_start..split], kw, &self.stack[split..])?;
            self.stack.truncate(ret_to);
            base = ret_to;
            self.stack.extend(locals);
        }
        if code.flags.0 & crate::vm::GENERATOR_FLAGS != 0 {
            self.note_gen_names(f, &code);
        }
        crate::stack_words::push_with(&mut self.frames, || Frame {
            code,
            globals: f.globals.clone(),
            names: None,
            base,
            ret_to,
            ip: 0,
            entry: false,
            generator: None,
        });
        Ok(())
    }

    /// Completes in place the `nlocals` fast locals of a call of `f` whose
    /// `given` arguments are at `stack[base..]`: the other locals start
    /// unbound, and the function's cells are made.
    pub(crate) fn complete_locals(
        &mut self,
        f: &Function,
        base: usize,
        given: usize,
        nlocals: usize,
    ) {
        for _ in given..nlocals {
            push(&mut self.stack, Value::Null);
        }
        if f.closure.is_some() {
            f.init_cells(&mut self.stack[base..base + nlocals]);
        }
    }

    /// Runs a call a native handed back ([`Vm::request_tail_call`]) as a
    /// frame whose result lands where the native's would have: the native
    /// call's arguments are gone, so the stack is at the call's base.
    #[cold]
    #[inline(never)]
    fn push_tail_call(&mut self, tail: crate::modules::thread::sched::TailCall) -> PyResult<()> {
        let ret_to = self.stack.len();
        self.stack.extend(tail.args);
        let kw = (!tail.kwnames.is_empty()).then(|| Rc::new(tail.kwnames));
        let r = self.push_call_frame(&tail.func, ret_to, ret_to, kw);
        if r.is_err() {
            self.stack.truncate(ret_to);
        }
        r
    }

    /// Frees the value `STORE_FAST` replaced: nothing for a scalar, else its
    /// release, running any `__del__` it queued.
    #[inline(always)]
    fn release_local(&mut self, old: Value) {
        if old.is_scalar() {
            std::mem::forget(old);
        } else {
            crate::finalize::release(old);
            if crate::finalize::due() {
                self.run_finalizers();
            }
        }
    }

    /// Calls a non-Python callable whose arguments are `stack[args_start..]`,
    /// leaving the stack at `ret_to`.
    // Inlined into both instantiations of the loop, as it was into the one
    // loop before tracing existed (two call sites would outline it).
    #[inline(always)]
    fn call_native(
        &mut self,
        callable: &Value,
        args_start: usize,
        ret_to: usize,
        kwnames: Option<Rc<Vec<Value>>>,
    ) -> PyResult<Value> {
        // Objects that died while the arguments were computed (a subscript
        // or attribute of a temporary) are finalized before the call, as
        // their last reference went then.
        if crate::finalize::due() {
            self.run_finalizers();
        }
        let mut buf = self.arg_bufs.pop().unwrap_or_default();
        if let Value::BoundBuiltin(bb) = callable {
            buf.push(bb.0.clone());
        } else if let Value::Method(m) = callable {
            buf.push(m.0.clone());
        }
        crate::stack_move::move_tail(&mut self.stack, args_start, &mut buf);
        self.stack.truncate(ret_to);
        let kw: &[Value] = kwnames.as_deref().map_or(&[], |k| k.as_slice());
        let nkw = kw.len().min(buf.len());
        let split = buf.len() - nkw;
        let args = Args {
            pos: &buf[..split],
            kwnames: kw,
            kwvals: &buf[split..],
        };
        // A blocking native called right here may switch threads.
        self.sched.direct = true;
        let r = match callable {
            Value::Builtin(def) => crate::native::call_builtin(self, def, args),
            Value::BoundBuiltin(bb) => {
                if !args.kwnames.is_empty() {
                    crate::slots::refuse_keywords(bb.1, Some(&bb.0))?;
                }
                (bb.1.func)(self, args)
            }
            Value::Type(t) => crate::class::call_builtin_class(self, t, args),
            Value::Method(m) => {
                let func = m.1.clone();
                self.call_with_kw(&func, args.pos, args.kwnames, args.kwvals)
            }
            Value::Function(f) => {
                let f = f.clone();
                self.call_with_kw(&Value::Function(f), args.pos, args.kwnames, args.kwvals)
            }
            other => self.call_other(other, args.pos, args.kwnames, args.kwvals),
        };
        buf.clear();
        self.arg_bufs.push(buf);
        // The arguments were the last references to a temporary (`len([N()])`):
        // CPython runs its `__del__` as the call returns, before the result is used.
        if crate::finalize::due() {
            self.run_finalizers();
        }
        r
    }

    /// Runs frames until the innermost entry frame returns.
    pub(crate) fn run_frames(&mut self) -> PyResult<Value> {
        // One check per entry: the untraced instantiation has no hook at all.
        // A loop whose instantiation stops matching (`sys.settrace` called)
        // returns with `switch_loop` set, its frames in place, to go on in
        // the other one.
        loop {
            let r = if cfg!(feature = "trace") && (self.trace.is_some() || self.hooks.is_some()) {
                self.run_frames_impl::<true>()
            } else {
                self.run_frames_impl::<false>()
            };
            if !std::mem::take(&mut self.switch_loop) {
                return r;
            }
        }
    }

    fn run_frames_impl<const TRACE: bool>(&mut self) -> PyResult<Value> {
        'frame: loop {
            let Some(frame) = self.frames.last() else {
                return Err(PyErr::system_error("no frame to run"));
            };
            let code = frame.code.clone();
            let globals = frame.globals.clone();
            let base = frame.base;
            let mut ip = frame.ip;
            let stack_base = base + code.nlocalsplus();
            // Undecodable code runs as no instructions, which the first
            // fetch reports.
            let instrs: &[crate::code::Ins] = &code.decoded_or_empty().instrs;

            let (err, reraise, raise_ip): (PyErr, bool, u32) = 'body: loop {
                let Some(&ins) = instrs.get(ip) else {
                    let err = match code.decoded() {
                        Err(e) => PyErr::system_error(format!("bad code object: {e}")),
                        Ok(_) => PyErr::system_error("instruction pointer out of range"),
                    };
                    break 'body (err, false, 0);
                };
                if TRACE && self.trace_dispatch(ip) {
                    break 'body (crate::trace::stopped_error(), false, ip as u32);
                }
                if TRACE {
                    if let Err(e) = self.hooks_dispatch(ip) {
                        break 'body (e, false, ip as u32);
                    }
                }
                let ins = if TRACE { ins.unfused() } else { ins };
                ip += 1;
                let cur = (ip - 1) as u32;
                macro_rules! tri {
                    ($e:expr) => {
                        match $e {
                            Ok(v) => v,
                            Err(e) => break 'body (e, false, cur),
                        }
                    };
                }
                macro_rules! pop {
                    () => {
                        match crate::stack_words::pop_words(&mut self.stack) {
                            Some(v) => v,
                            None => break 'body (underflow(), false, cur),
                        }
                    };
                }
                // Pushes fast local `i`, or fails with UnboundLocalError at
                // instruction `at` (a fused pair's second half is `cur + 1`).
                macro_rules! push_local {
                    ($i:expr, $at:expr) => {{
                        let i: usize = $i;
                        match crate::stack_words::push_local(&mut self.stack, base + i) {
                            Some(true) => {}
                            Some(false) => {
                                break 'body (unbound_local(&code.localsplus[i]), false, $at)
                            }
                            None => break 'body (underflow(), false, $at),
                        }
                    }};
                }
                // Pops the top into fast local `i`, giving the value it held.
                macro_rules! store_top {
                    ($i:expr) => {
                        match crate::stack_words::pop_into(&mut self.stack, base + $i) {
                            Some(v) => v,
                            None => break 'body (underflow(), false, cur),
                        }
                    };
                }
                macro_rules! top {
                    () => {
                        match self.stack.last_mut() {
                            Some(v) => v,
                            None => break 'body (underflow(), false, cur),
                        }
                    };
                }
                macro_rules! local {
                    ($i:expr) => {
                        match self.stack.get_mut(base + $i) {
                            Some(v) => v,
                            None => break 'body (underflow(), false, cur),
                        }
                    };
                }
                macro_rules! jump {
                    ($t:expr) => {{
                        let t: usize = $t;
                        if t <= cur as usize {
                            // Backward jumps (loops) spend the step budget.
                            if self.steps_left == 0 {
                                // The step limit, or a thread switch interval's end.
                                ip = t;
                                break 'body (self.out_of_steps(), false, cur);
                            }
                            self.steps_left -= 1;
                            // CPython's eval breaker: signal handlers run at loop heads.
                            if crate::modules::signal_raw::pending() {
                                if let Some(fr) = self.frames.last_mut() {
                                    fr.ip = ip;
                                }
                                tri!(self.check_signals());
                            }
                        }
                        if TRACE {
                            self.note_jump();
                        }
                        ip = t;
                    }};
                }
                let arg = ins.arg;
                match ins.op {
                    Op::LoadFast => {
                        push_local!(arg as usize, cur);
                    }
                    Op::StoreFast => {
                        let old = store_top!(arg as usize);
                        self.release_local(old);
                    }
                    Op::LoadFastLoadFast => {
                        let (i, j) = ((arg & 0xffff) as usize, (arg >> 16) as usize);
                        push_local!(i, cur);
                        push_local!(j, cur + 1);
                        ip += 1;
                    }
                    Op::LoadFastLoadConst => {
                        let i = (arg & 0xffff) as usize;
                        push_local!(i, cur);
                        push(
                            &mut self.stack,
                            code.consts[(arg >> 16) as usize].fast_clone(),
                        );
                        ip += 1;
                    }
                    crate::call_fast::LOCAL_CONST_BINOP => {
                        let i = (arg & 0xffff) as usize;
                        let c = &code.consts[(arg >> 16) as usize];
                        // The local is read in place: an int needs no clone and no drop.
                        let x = match local!(i) {
                            Value::Int(x) => Some(*x),
                            _ => None,
                        };
                        if let (Some(x), Value::Int(y), Some(op)) = (x, c, instrs.get(ip + 1)) {
                            if let Some(r) = crate::call_fast::int_binop(op.arg, x, *y) {
                                push(&mut self.stack, Value::Int(r));
                                ip += 2;
                                continue;
                            }
                        }
                        push_local!(i, cur);
                        push(&mut self.stack, c.fast_clone());
                        ip += 1;
                    }
                    crate::call_fast::LOCAL_CONST_CMP_JUMP => {
                        let i = (arg & 0xffff) as usize;
                        let c = &code.consts[(arg >> 16) as usize];
                        let x = match local!(i) {
                            Value::Int(x) => Some(*x),
                            _ => None,
                        };
                        if let (Some(x), Value::Int(y), Some(j)) = (x, c, instrs.get(ip + 1)) {
                            if crate::call_fast::int_compare(j.arg, x, *y) == (j.arg & 8 != 0) {
                                jump!((j.arg >> 4) as usize);
                            } else {
                                ip += 3;
                            }
                            continue;
                        }
                        push_local!(i, cur);
                        push(&mut self.stack, c.fast_clone());
                        ip += 1;
                    }
                    Op::LoadConstLoadFast => {
                        let j = (arg >> 16) as usize;
                        push(
                            &mut self.stack,
                            code.consts[(arg & 0xffff) as usize].fast_clone(),
                        );
                        push_local!(j, cur + 1);
                        ip += 1;
                    }
                    Op::StoreFastLoadFast => {
                        // The old value may be the last reference to an object
                        // with `__del__`: it runs here, as after `STORE_FAST`.
                        let old = store_top!((arg & 0xffff) as usize);
                        self.release_local(old);
                        let j = (arg >> 16) as usize;
                        push_local!(j, cur + 1);
                        ip += 1;
                    }
                    Op::StoreFastStoreFast => {
                        let old1 = store_top!((arg & 0xffff) as usize);
                        let old2 = store_top!((arg >> 16) as usize);
                        self.release_local(old1);
                        self.release_local(old2);
                        ip += 1;
                    }
                    Op::CompareOpIntJump => {
                        if let [.., Value::Int(x), Value::Int(y)] = self.stack[..] {
                            let r = crate::call_fast::int_compare(arg, x, y);
                            pop_scalar(&mut self.stack);
                            pop_scalar(&mut self.stack);
                            if r == (arg & 8 != 0) {
                                jump!((arg >> 4) as usize);
                            } else {
                                ip += 1;
                            }
                            continue;
                        }
                        let b = pop!();
                        let a = pop!();
                        if !TRACE && self.frames.len() < self.recursion_limit {
                            let op = CmpOp::from_arg(arg & 7);
                            if let Some(f) = crate::special::inline_compare_method(op, &a, &b) {
                                // The frame's result goes to the unfused jump after
                                // this instruction, which tests it.
                                push(&mut self.stack, a);
                                push(&mut self.stack, b);
                                let op = crate::vm::InlineOperator::Compare(op);
                                tri!(self.push_operator_frame(&f, ip, op));
                                continue 'frame;
                            }
                        }
                        let r = match (&a, &b) {
                            (Value::Int(x), Value::Int(y)) => {
                                crate::call_fast::int_compare(arg, *x, *y)
                            }
                            _ => tri!(self.compare_bool(CmpOp::from_arg(arg & 7), &a, &b)),
                        };
                        a.release();
                        b.release();
                        if r == (arg & 8 != 0) {
                            jump!((arg >> 4) as usize);
                        } else {
                            ip += 1;
                        }
                    }
                    Op::LoadConst => {
                        push(&mut self.stack, code.consts[arg as usize].fast_clone());
                    }
                    Op::BinaryOp => {
                        // Decoding put the operator without its in-place flag in bits 8+.
                        let base_op = arg >> 8;
                        let op = arg & 0xff;
                        // Two ints or two floats: read and written in place, word by
                        // word (see `stack_words.rs`).
                        if let [.., a, Value::Int(y)] = &mut self.stack[..] {
                            if let Value::Int(x) = *a {
                                let fast = match base_op {
                                    ops::nb::ADD => x.checked_add(*y),
                                    ops::nb::SUBTRACT => x.checked_sub(*y),
                                    ops::nb::MULTIPLY => x.checked_mul(*y),
                                    _ => crate::fast_ops::int_op(base_op, x, *y),
                                };
                                if let Some(r) = fast {
                                    std::mem::forget(std::mem::replace(a, Value::Int(r)));
                                    pop_scalar(&mut self.stack);
                                    continue;
                                }
                            }
                        } else if let [.., a, Value::Float(y)] = &mut self.stack[..] {
                            if let Value::Float(x) = *a {
                                let y = *y;
                                let fast = match base_op {
                                    ops::nb::ADD => Some(x + y),
                                    ops::nb::SUBTRACT => Some(x - y),
                                    ops::nb::MULTIPLY => Some(x * y),
                                    ops::nb::TRUE_DIVIDE if y != 0.0 => Some(x / y),
                                    _ => crate::fast_ops::float_op(base_op, x, y),
                                };
                                if let Some(r) = fast {
                                    std::mem::forget(std::mem::replace(a, Value::Float(r)));
                                    pop_scalar(&mut self.stack);
                                    continue;
                                }
                            }
                        }
                        let b = pop!();
                        if let (false, ops::nb::ADD, Value::Str(y)) = (TRACE, base_op, &b) {
                            if let Some(i) = str_append_target(instrs.get(ip)) {
                                if append_str_in_place(&mut self.stack, base + i, y) {
                                    b.release();
                                    continue;
                                }
                            }
                        }
                        let a = top!();
                        let r = match (&*a, &b) {
                            (Value::Int(x), Value::Int(y)) => {
                                let fast = match base_op {
                                    ops::nb::ADD => x.checked_add(*y),
                                    ops::nb::SUBTRACT => x.checked_sub(*y),
                                    ops::nb::MULTIPLY => x.checked_mul(*y),
                                    _ => crate::fast_ops::int_op(base_op, *x, *y),
                                };
                                match fast {
                                    Some(v) => Value::Int(v),
                                    None => tri!(ops::binary_op(op, a, &b)),
                                }
                            }
                            (Value::Float(x), Value::Float(y)) => {
                                let (x, y) = (*x, *y);
                                match base_op {
                                    ops::nb::ADD => Value::Float(x + y),
                                    ops::nb::SUBTRACT => Value::Float(x - y),
                                    ops::nb::MULTIPLY => Value::Float(x * y),
                                    ops::nb::TRUE_DIVIDE if y != 0.0 => Value::Float(x / y),
                                    _ => match crate::fast_ops::float_op(base_op, x, y) {
                                        Some(r) => Value::Float(r),
                                        None => tri!(ops::binary_op(op, a, &b)),
                                    },
                                }
                            }
                            (x, y) if crate::special::binary_needs_vm(op, x, y) => {
                                let x = x.clone();
                                if !TRACE && self.frames.len() < self.recursion_limit {
                                    if let Some(f) = crate::special::inline_binary_method(op, &x, y)
                                    {
                                        push(&mut self.stack, b);
                                        let op = crate::vm::InlineOperator::Binary(op);
                                        tri!(self.push_operator_frame(&f, ip, op));
                                        continue 'frame;
                                    }
                                }
                                let r = tri!(self.binary_op(op, &x, &b));
                                *top!() = r;
                                continue;
                            }
                            _ => tri!(ops::binary_op(op, a, &b)),
                        };
                        std::mem::replace(a, r).release();
                        b.release();
                    }
                    Op::CompareOp => {
                        if let [.., a, Value::Int(y)] = &mut self.stack[..] {
                            if let Value::Int(x) = *a {
                                let r = crate::call_fast::int_compare(arg, x, *y);
                                std::mem::forget(std::mem::replace(a, Value::Bool(r)));
                                pop_scalar(&mut self.stack);
                                continue;
                            }
                        }
                        let b = pop!();
                        let a = top!();
                        let r = match (&*a, &b) {
                            (Value::Int(x), Value::Int(y)) => {
                                crate::call_fast::int_compare(arg, *x, *y)
                            }
                            (x, y) if crate::special::compare_needs_methods(x, y) => {
                                let x = x.clone();
                                let op = CmpOp::from_arg(arg);
                                if !TRACE && self.frames.len() < self.recursion_limit {
                                    if let Some(f) =
                                        crate::special::inline_compare_method(op, &x, y)
                                    {
                                        push(&mut self.stack, b);
                                        let op = crate::vm::InlineOperator::Compare(op);
                                        tri!(self.push_operator_frame(&f, ip, op));
                                        continue 'frame;
                                    }
                                }
                                let r = tri!(self.rich_compare(op, &x, &b));
                                *top!() = r;
                                continue;
                            }
                            (
                                Value::List(_)
                                | Value::Tuple(_)
                                | Value::Dict(_)
                                | Value::Set(_)
                                | Value::FrozenSet(_)
                                | Value::DictView(_)
                                | Value::Slice(_),
                                _,
                            ) => {
                                let x = a.clone();
                                tri!(self.compare_bool(CmpOp::from_arg(arg), &x, &b))
                            }
                            _ => tri!(ops::compare(CmpOp::from_arg(arg), a, &b)),
                        };
                        let a = top!();
                        std::mem::replace(a, Value::Bool(r)).release();
                        b.release();
                    }
                    Op::PopJumpForwardIfFalse | Op::PopJumpBackwardIfFalse => {
                        if let Some(&Value::Bool(t)) = self.stack.last() {
                            pop_scalar(&mut self.stack);
                            if !t {
                                jump!(arg as usize);
                            }
                            continue;
                        }
                        let v = pop!();
                        let t = match v {
                            Value::Bool(b) => b,
                            ref v @ (Value::Instance(_)
                            | Value::Exception(_)
                            | Value::NotImplemented
                            | Value::MemoryView(_)
                            | Value::Descr(_)) => {
                                tri!(self.truthy(v))
                            }
                            ref other => ops::truthy(other),
                        };
                        if !t {
                            jump!(arg as usize);
                        }
                    }
                    Op::PopJumpForwardIfTrue | Op::PopJumpBackwardIfTrue => {
                        if let Some(&Value::Bool(t)) = self.stack.last() {
                            pop_scalar(&mut self.stack);
                            if t {
                                jump!(arg as usize);
                            }
                            continue;
                        }
                        let v = pop!();
                        let t = match v {
                            Value::Bool(b) => b,
                            ref v @ (Value::Instance(_)
                            | Value::Exception(_)
                            | Value::NotImplemented
                            | Value::MemoryView(_)
                            | Value::Descr(_)) => {
                                tri!(self.truthy(v))
                            }
                            ref other => ops::truthy(other),
                        };
                        if t {
                            jump!(arg as usize);
                        }
                    }
                    Op::PopJumpForwardIfNone | Op::PopJumpBackwardIfNone => {
                        if matches!(pop!(), Value::None) {
                            jump!(arg as usize);
                        }
                    }
                    Op::PopJumpForwardIfNotNone | Op::PopJumpBackwardIfNotNone => {
                        if !matches!(pop!(), Value::None) {
                            jump!(arg as usize);
                        }
                    }
                    Op::JumpIfFalseOrPop => {
                        let t = match top!() {
                            v @ (Value::Instance(_)
                            | Value::Exception(_)
                            | Value::NotImplemented
                            | Value::MemoryView(_)
                            | Value::Descr(_)) => {
                                let v = v.clone();
                                tri!(self.truthy(&v))
                            }
                            other => ops::truthy(other),
                        };
                        if t {
                            self.stack.pop();
                        } else {
                            jump!(arg as usize);
                        }
                    }
                    Op::JumpIfTrueOrPop => {
                        let t = match top!() {
                            v @ (Value::Instance(_)
                            | Value::Exception(_)
                            | Value::NotImplemented
                            | Value::MemoryView(_)
                            | Value::Descr(_)) => {
                                let v = v.clone();
                                tri!(self.truthy(&v))
                            }
                            other => ops::truthy(other),
                        };
                        if t {
                            jump!(arg as usize);
                        } else {
                            self.stack.pop();
                        }
                    }
                    Op::JumpForward | Op::JumpBackward | Op::JumpBackwardNoInterrupt => {
                        jump!(arg as usize);
                    }
                    Op::LoadGlobal => {
                        let idx = (arg >> 1) as usize;
                        if arg & 1 != 0 {
                            push(&mut self.stack, Value::Null);
                        }
                        let gptr = Rc::as_ptr(&globals) as usize;
                        let gver = globals.borrow().version();
                        let cached = {
                            let cache = code.caches().global.borrow();
                            match cache.get(idx) {
                                // A module global hides the builtins: their version
                                // matters only for a name found there.
                                Some(e)
                                    if e.globals == gptr
                                        && e.gver == gver
                                        && (e.bver == crate::call_fast::IN_GLOBALS
                                            || e.bver == self.builtins.borrow().version()) =>
                                {
                                    e.value.get()
                                }
                                _ => None,
                            }
                        };
                        let v = match cached {
                            Some(v) => v,
                            None => {
                                let name = &code.names[idx];
                                let found = globals.borrow().get_str(name).cloned();
                                let mut bver = crate::call_fast::IN_GLOBALS;
                                let mut cacheable = true;
                                let v = match found {
                                    Some(v) => v,
                                    None => match tri!(self.load_builtin(&globals, name)) {
                                        Some((v, standard)) => {
                                            // Other builtins (`exec` with its own
                                            // `__builtins__`) are not cached.
                                            bver = self.builtins.borrow().version();
                                            cacheable = standard;
                                            v
                                        }
                                        None => {
                                            break 'body (
                                                self.name_error(name, &code, &globals),
                                                false,
                                                cur,
                                            )
                                        }
                                    },
                                };
                                if let Some(e) = code
                                    .caches()
                                    .global
                                    .borrow_mut()
                                    .get_mut(idx)
                                    .filter(|_| cacheable)
                                {
                                    *e = crate::code::GlobalCache {
                                        globals: gptr,
                                        gver,
                                        bver,
                                        value: crate::code::CachedGlobal::of(&v),
                                    };
                                }
                                v
                            }
                        };
                        push(&mut self.stack, v);
                    }
                    Op::PopTop => {
                        pop!().release();
                        if crate::finalize::due() {
                            self.after_free(&code, cur);
                        }
                    }
                    Op::PushNull => push(&mut self.stack, Value::Null),
                    Op::PrintExpr => {
                        let v = pop!();
                        // Temporaries the expression dropped (`C() is C()`)
                        // are finalized before the value is shown, as
                        // CPython's decrefs did.
                        if crate::finalize::due() {
                            self.after_free(&code, cur);
                        }
                        tri!(self.print_expr(v));
                    }
                    Op::ReturnValue => {
                        if !TRACE && crate::call_fast::return_word(self, ip) {
                            if crate::finalize::due() {
                                self.after_return();
                            }
                            continue 'frame;
                        }
                        let mut v = pop!();
                        let mut init = false;
                        let mut call_iter = None;
                        let mut finish = None;
                        if let Some((depth, hook)) = self.return_hooks.last() {
                            if *depth + 1 == self.frames.len() {
                                if matches!(hook, crate::vm::ReturnHook::Init(_))
                                    && !matches!(v, Value::None)
                                {
                                    break 'body (crate::class::init_returned(&v), false, cur);
                                }
                                match self.return_hooks.pop() {
                                    Some((_, crate::vm::ReturnHook::Init(obj))) => {
                                        v = obj;
                                        init = true;
                                    }
                                    Some((_, crate::vm::ReturnHook::CacheStore(pending))) => {
                                        if let Err(e) =
                                            crate::modules::lru_cache::finish(self, pending, &v)
                                        {
                                            break 'body (e, false, cur);
                                        }
                                    }
                                    Some((
                                        _,
                                        crate::vm::ReturnHook::Sentinel { iter, sentinel },
                                    )) => call_iter = Some((iter, sentinel)),
                                    Some((_, hook @ crate::vm::ReturnHook::Len)) => {
                                        finish = Some(hook);
                                    }
                                    // An operator's method answered unless it
                                    // gave `NotImplemented`.
                                    Some((_, hook @ crate::vm::ReturnHook::Operator { .. }))
                                        if matches!(v, Value::NotImplemented) =>
                                    {
                                        finish = Some(hook);
                                    }
                                    Some((
                                        _,
                                        crate::vm::ReturnHook::ForIterNext
                                        | crate::vm::ReturnHook::Operator { .. },
                                    ))
                                    | None => {}
                                }
                            }
                        }
                        self.retire_frame_object(self.frames.len().wrapping_sub(1), Some(ip));
                        let Some(f) = self.frames.pop() else {
                            return Err(underflow());
                        };
                        if TRACE {
                            self.trace_exit(&f, crate::trace::FrameExit::Return(&v));
                            // `__init__` itself returned `None`.
                            let returned = if init { &Value::None } else { &v };
                            self.hooks_exit(&crate::trace::FrameExit::Return(returned), None);
                        }
                        let f_entry = f.entry;
                        if !f_entry && f.generator.is_none() {
                            crate::call_fast::return_into(&mut self.stack, f.ret_to, v);
                            drop(f);
                            if let Some(hook) = finish {
                                // The frame's result is on top, where the special
                                // method's caller wants its answer.
                                let Some(result) = self.stack.last().cloned() else {
                                    break 'body (underflow(), false, cur);
                                };
                                match self.finish_special(hook, &result) {
                                    Ok(Some(r)) => {
                                        if let Some(top) = self.stack.last_mut() {
                                            std::mem::replace(top, r).release();
                                        }
                                    }
                                    Ok(None) => {}
                                    Err(e) => {
                                        // Raised by the instruction that ran the method,
                                        // in the frame now on top.
                                        ip = self.frames.last().map_or(0, |fr| fr.ip);
                                        break 'body (e, false, ip.saturating_sub(1) as u32);
                                    }
                                }
                            }
                            if let Some((iter, sentinel)) = call_iter {
                                if let Err(e) = self.call_iter_returned(&iter, &sentinel) {
                                    // Raised by the loop's `FOR_ITER`, the frame now on top.
                                    ip = self.frames.last().map_or(0, |fr| fr.ip);
                                    break 'body (e, false, ip.saturating_sub(1) as u32);
                                }
                            }
                            if crate::finalize::due() {
                                self.after_return();
                            }
                            continue 'frame;
                        }
                        crate::call_fast::clear_frame_values(&mut self.stack, f.ret_to);
                        let resumed_inline = match &f.generator {
                            Some(g) => {
                                self.finish_gen_frame(g);
                                !f_entry
                            }
                            None => false,
                        };
                        drop(f);
                        if crate::finalize::due() {
                            self.after_return();
                        }
                        if f_entry {
                            if self.sched.bottom && self.frames.is_empty() {
                                // A thread's own function returned.
                                let next = self.thread_ended(Ok(v));
                                if let Some(r) = self.resume_thread::<TRACE>(next) {
                                    return r;
                                }
                                continue 'frame;
                            }
                            if self.in_foreign_loop() {
                                // Resumed in another loop than the one its
                                // Rust caller waits on.
                                let next = self.park_return(Ok(v));
                                if let Some(r) = self.resume_thread::<TRACE>(next) {
                                    return r;
                                }
                                continue 'frame;
                            }
                            return Ok(v);
                        }
                        if resumed_inline {
                            self.gen_frame_returned(v);
                        } else {
                            push(&mut self.stack, v);
                        }
                        continue 'frame;
                    }
                    Op::KwNames => {
                        if let Value::Tuple(t) = &code.consts[arg as usize] {
                            self.kwnames = Some(t.clone());
                        }
                    }
                    Op::Call => {
                        let n = arg as usize;
                        let kwnames = self.kwnames.take();
                        let len = self.stack.len();
                        if len < stack_base + n + 2 {
                            break 'body (underflow(), false, cur);
                        }
                        let fpos = len - n - 2;
                        // Fast path: a Python function called without keywords; the
                        // callable stays on the stack until the frame returns.
                        if kwnames.is_none() {
                            let (cidx, args_start) = if self.stack[fpos].is_null() {
                                (fpos + 1, fpos + 2)
                            } else {
                                (fpos, fpos + 1)
                            };
                            let fast = match &self.stack[cidx] {
                                Value::Function(f) => {
                                    let c = f.code.borrow();
                                    (c.simple_args && c.argcount == len - args_start)
                                        .then(|| (c.clone(), f.globals.clone(), f.closure.clone()))
                                }
                                _ => None,
                            };
                            if let Some((fcode, fglobals, closure)) = fast {
                                if self.steps_left == 0 && !self.refill_steps() {
                                    break 'body (step_limit_error(), false, cur);
                                }
                                self.steps_left -= 1;
                                if crate::modules::signal_raw::pending() {
                                    if let Some(fr) = self.frames.last_mut() {
                                        fr.ip = ip;
                                    }
                                    tri!(self.check_signals());
                                }
                                if self.frames.len() >= self.recursion_limit {
                                    break 'body (
                                        PyErr::new(
                                            ExcKind::RecursionError,
                                            "maximum recursion depth exceeded",
                                        ),
                                        false,
                                        cur,
                                    );
                                }
                                for _ in fcode.argcount..fcode.nlocalsplus() {
                                    push(&mut self.stack, Value::Null);
                                }
                                if let Some(cells) = closure {
                                    // COPY_FREE_VARS: the closure's cells fill the free-variable slots.
                                    let start = args_start + fcode.free_start;
                                    let end = args_start + fcode.nlocalsplus();
                                    if let Some(slots) = self.stack.get_mut(start..end) {
                                        for (slot, cell) in slots.iter_mut().zip(cells.iter()) {
                                            std::mem::replace(
                                                slot,
                                                crate::call_fast::clone_cell(cell),
                                            )
                                            .release();
                                        }
                                    }
                                }
                                if let Some(fr) = self.frames.last_mut() {
                                    fr.ip = ip;
                                }
                                if fcode.flags.0 & crate::vm::GENERATOR_FLAGS != 0 {
                                    if let Value::Function(f) = &self.stack[cidx] {
                                        let f = f.clone();
                                        self.note_gen_names(&f, &fcode);
                                    }
                                }
                                crate::stack_words::push_with(&mut self.frames, || Frame {
                                    code: fcode,
                                    globals: fglobals,
                                    names: None,
                                    base: args_start,
                                    ret_to: fpos,
                                    ip: 0,
                                    entry: false,
                                    generator: None,
                                });
                                continue 'frame;
                            }
                        }
                        let (callable, args_start) = if self.stack[fpos].is_null() {
                            let c = self.stack[fpos + 1].clone();
                            if let Value::Method(m) = &c {
                                // PRECALL's bound-method unpacking
                                self.stack[fpos] = m.1.clone();
                                self.stack[fpos + 1] = m.0.clone();
                                (m.1.clone(), fpos + 1)
                            } else {
                                (c, fpos + 2)
                            }
                        } else {
                            (self.stack[fpos].clone(), fpos + 1)
                        };
                        if let Value::Function(f) = &callable {
                            if let Some(fr) = self.frames.last_mut() {
                                fr.ip = ip;
                            }
                            tri!(self.push_call_frame(f, args_start, fpos, kwnames));
                            continue 'frame;
                        }
                        if let (Value::Type(t), true) = (&callable, args_start == fpos + 2) {
                            // A class whose `__init__` is Python code: the instance takes the
                            // class's stack slot and `__init__` runs as an ordinary frame.
                            if let Some((init, obj)) = crate::class::fast_init(t) {
                                if let Some(fr) = self.frames.last_mut() {
                                    fr.ip = ip;
                                }
                                self.stack[fpos + 1] = obj.clone();
                                tri!(self.push_call_frame(&init, fpos + 1, fpos, kwnames));
                                self.return_hooks.push((
                                    self.frames.len() - 1,
                                    crate::vm::ReturnHook::Init(obj),
                                ));
                                continue 'frame;
                            }
                        }
                        if let (false, Some(arg)) = (TRACE, self.stack.get(args_start)) {
                            let inline = (kwnames.is_none() && args_start + 1 == self.stack.len())
                                .then(|| crate::special::inline_len_method(&callable, arg))
                                .flatten();
                            if let Some(f) = inline {
                                let hook = Some(crate::vm::ReturnHook::Len);
                                tri!(self.push_special_frame(&f, args_start, fpos, ip, hook));
                                continue 'frame;
                            }
                        }
                        if let Value::Instance(_) = &callable {
                            // An `lru_cache` wrapper: a hit needs no frame, a
                            // miss runs the function as an ordinary frame.
                            let step = tri!(crate::modules::lru_cache::call_in_loop(
                                self,
                                &callable,
                                args_start,
                                kwnames.as_deref().map_or(&[], |k| k.as_slice()),
                            ));
                            match step {
                                None => {}
                                Some(crate::modules::lru_cache::LoopCall::Done(v)) => {
                                    crate::call_fast::return_into(&mut self.stack, fpos, v);
                                    continue;
                                }
                                Some(crate::modules::lru_cache::LoopCall::Frame(f, pending)) => {
                                    if let Some(fr) = self.frames.last_mut() {
                                        fr.ip = ip;
                                    }
                                    tri!(self.push_call_frame(&f, args_start, fpos, kwnames));
                                    if let Some(p) = pending {
                                        self.return_hooks.push((
                                            self.frames.len() - 1,
                                            crate::vm::ReturnHook::CacheStore(p),
                                        ));
                                    }
                                    continue 'frame;
                                }
                            }
                        }
                        if let Some(fr) = self.frames.last_mut() {
                            fr.ip = ip;
                        }
                        let r = if TRACE && self.profiles_c_calls(&callable) {
                            let func = match (&callable, fpos + 1 == args_start) {
                                // A method called on `self` is reported bound.
                                (Value::Builtin(def), true) => Value::BoundBuiltin(Rc::new((
                                    self.stack[args_start].clone(),
                                    *def,
                                ))),
                                _ => callable.clone(),
                            };
                            tri!(self.hook_c_event("c_call", &func));
                            match self.call_native(&callable, args_start, fpos, kwnames) {
                                Ok(v) => {
                                    tri!(self.hook_c_event("c_return", &func));
                                    v
                                }
                                Err(e) => {
                                    tri!(self.hook_c_event("c_exception", &func));
                                    break 'body (e, false, cur);
                                }
                            }
                        } else {
                            tri!(self.call_native(&callable, args_start, fpos, kwnames))
                        };
                        push(&mut self.stack, r);
                        if crate::finalize::due() && crate::coro::finalize::pending() {
                            self.warn_unawaited(&code, cur);
                        }
                        // The eval breaker after a call: a signal the callee
                        // raised (`os.kill`) is handled at its line.
                        if crate::modules::signal_raw::pending() {
                            tri!(self.check_signals());
                        }
                        if self.hooks_switch_due(TRACE) {
                            // `sys.settrace` or `sys.setprofile` ran: go on in
                            // the other instantiation of this loop.
                            if let Some(fr) = self.frames.last_mut() {
                                fr.ip = ip;
                            }
                            self.switch_loop = true;
                            return Ok(Value::None);
                        }
                    }
                    Op::LoadMethod => {
                        let obj = pop!();
                        if let Some(tid) = crate::methods::table_id(&obj) {
                            let slot = &code.caches().method[arg as usize];
                            let def = match slot.get() {
                                Some((t, def)) if t == tid => Some(def),
                                _ => {
                                    let found = crate::methods::lookup_in(
                                        tid,
                                        code.names[arg as usize].as_str(),
                                    );
                                    if let Some(def) = found {
                                        slot.set(Some((tid, def)));
                                    }
                                    found
                                }
                            };
                            if let Some(def) = def.filter(|d| !crate::methods::is_classmethod(d)) {
                                push(&mut self.stack, Value::Builtin(def));
                                push(&mut self.stack, obj);
                                continue;
                            }
                        }
                        let name = &code.names[arg as usize];
                        let cache = &code.caches().attr[arg as usize];
                        let (a, b) = tri!(self.load_method_cached(cache, obj, name));
                        push(&mut self.stack, a);
                        push(&mut self.stack, b);
                    }
                    Op::LoadAttr => {
                        let obj = pop!();
                        if let Value::Instance(i) = &obj {
                            let name = &code.names[arg as usize];
                            let cache = &code.caches().attr[arg as usize];
                            match tri!(self.load_attr_cached(cache, &obj, i, name)) {
                                Ok(v) => push(&mut self.stack, v),
                                Err(getter) => {
                                    // A property whose getter is a plain function runs as a frame.
                                    if let Some(fr) = self.frames.last_mut() {
                                        fr.ip = ip;
                                    }
                                    let p = self.stack.len();
                                    push(&mut self.stack, obj);
                                    tri!(self.push_call_frame(&getter, p, p, None));
                                    continue 'frame;
                                }
                            }
                            continue;
                        }
                        if matches!(obj, Value::Frame(_)) {
                            // A running frame's `f_lineno` reads where it is now.
                            if let Some(fr) = self.frames.last_mut() {
                                fr.ip = cur as usize + 1;
                            }
                        }
                        let v = tri!(self.get_attr(&obj, &code.names[arg as usize]));
                        push(&mut self.stack, v);
                    }
                    Op::StoreAttr => {
                        let obj = pop!();
                        let v = pop!();
                        let cache = &code.caches().attr[arg as usize];
                        tri!(self.store_attr_cached(cache, &obj, &code.names[arg as usize], v));
                        if crate::finalize::due() {
                            self.run_finalizers();
                        }
                    }
                    Op::DeleteAttr => {
                        let obj = pop!();
                        tri!(self.del_attr(&obj, &code.names[arg as usize]));
                        if crate::finalize::due() {
                            self.run_finalizers();
                        }
                    }
                    Op::ForIter => {
                        let it = top!();
                        let next = match next_builtin(it) {
                            Some(r) => tri!(r),
                            None => {
                                if let Value::Generator(g) = it {
                                    let g = g.clone();
                                    if tri!(self.resume_gen_inline(g, Value::None, ip)) {
                                        continue 'frame;
                                    }
                                    None
                                } else {
                                    let it = it.clone();
                                    if tri!(self.for_iter_call(&it, ip)) {
                                        continue 'frame;
                                    }
                                    tri!(self.for_iter_next(&it))
                                }
                            }
                        };
                        match next {
                            Some(v) => push(&mut self.stack, v),
                            None => {
                                self.stack.pop();
                                ip = arg as usize;
                            }
                        }
                    }
                    Op::GetIter => {
                        let v = pop!();
                        let it = tri!(self.get_iter(&v));
                        push(&mut self.stack, it);
                    }
                    Op::BinarySubscr => {
                        if let Some(word) = crate::call_fast::list_item_word(&self.stack) {
                            // An int or float item of a list: written over the list's
                            // slot word by word, the int key dropped unread.
                            let v = match word {
                                crate::call_fast::Word::Int(x) => Value::Int(x),
                                crate::call_fast::Word::Float(x) => Value::Float(x),
                            };
                            pop_scalar(&mut self.stack);
                            if let Value::List(l) = std::mem::replace(top!(), v) {
                                drop(l);
                            }
                            continue;
                        }
                        let key = pop!();
                        if let (Value::List(l), Value::Int(i)) = (&*top!(), &key) {
                            let item = {
                                let l = l.borrow();
                                let len = l.len() as i64;
                                let i = if *i < 0 { *i + len } else { *i };
                                if (0..len).contains(&i) {
                                    Some(l[i as usize].fast_clone())
                                } else {
                                    None
                                }
                            };
                            if let Some(item) = item {
                                // The list's count drops inline; the int key needs no drop.
                                if let Value::List(l) = std::mem::replace(top!(), item) {
                                    drop(l);
                                }
                                key.release();
                                continue;
                            }
                        }
                        if !TRACE && self.frames.len() < self.recursion_limit {
                            if let Some(f) = crate::special::inline_getitem_method(top!()) {
                                // The container and key are the frame's arguments;
                                // its result takes the container's slot.
                                push(&mut self.stack, key);
                                let at = self.stack.len() - 2;
                                tri!(self.push_special_frame(&f, at, at, ip, None));
                                continue 'frame;
                            }
                        }
                        let c = pop!();
                        let v = tri!(self.getitem(&c, &key));
                        push(&mut self.stack, v);
                    }
                    Op::StoreSubscr => {
                        let key = pop!();
                        let c = pop!();
                        let v = pop!();
                        if let (Value::List(l), Value::Int(i)) = (&c, &key) {
                            let mut l = l.borrow_mut();
                            let len = l.len() as i64;
                            let i = if *i < 0 { *i + len } else { *i };
                            if (0..len).contains(&i) {
                                std::mem::replace(&mut l[i as usize], v).release();
                                drop(l);
                                key.release();
                                if let Value::List(l) = c {
                                    drop(l);
                                }
                                if crate::finalize::due() {
                                    self.run_finalizers();
                                }
                                continue;
                            }
                        }
                        tri!(self.setitem(&c, key, v));
                        if crate::finalize::due() {
                            self.run_finalizers();
                        }
                    }
                    Op::DeleteSubscr => {
                        let key = pop!();
                        let c = pop!();
                        tri!(self.delitem(&c, &key));
                        if crate::finalize::due() {
                            self.run_finalizers();
                        }
                    }
                    Op::StoreName => {
                        let v = pop!();
                        let name = code.names[arg as usize].clone();
                        let ns = self
                            .frames
                            .last()
                            .and_then(|f| f.names.clone())
                            .unwrap_or_else(|| globals.clone());
                        if let Some(m) = crate::class_ns::custom(&ns) {
                            tri!(self.setitem(&m, Value::Str(name), v));
                            continue;
                        }
                        let h = name.hash();
                        let old = ns.borrow_mut().replace_hashed(Value::Str(name), h, v);
                        if let Some(old) = old {
                            crate::finalize::release(old);
                        }
                        if crate::finalize::due() {
                            self.after_free(&code, cur);
                        }
                    }
                    Op::LoadName => {
                        let name = &code.names[arg as usize];
                        let ns = self.frames.last().and_then(|f| f.names.clone());
                        let mut v = match ns.as_ref().and_then(crate::class_ns::custom) {
                            Some(m) => tri!(self.load_custom_name(&m, Value::Str(name.clone()))),
                            None => ns.and_then(|ns| ns.borrow().get_str(name).cloned()),
                        };
                        if v.is_none() {
                            v = globals.borrow().get_str(name).cloned();
                        }
                        if v.is_none() {
                            v = tri!(self.load_builtin(&globals, name)).map(|(v, _)| v);
                        }
                        match v {
                            Some(v) => push(&mut self.stack, v),
                            None => {
                                break 'body (self.name_error(name, &code, &globals), false, cur)
                            }
                        }
                    }
                    Op::DeleteName => {
                        let name = &code.names[arg as usize];
                        let ns = self
                            .frames
                            .last()
                            .and_then(|f| f.names.clone())
                            .unwrap_or_else(|| globals.clone());
                        if let Some(m) = crate::class_ns::custom(&ns) {
                            if self.delitem(&m, &Value::Str(name.clone())).is_err() {
                                break 'body (self.name_error(name, &code, &globals), false, cur);
                            }
                            continue;
                        }
                        let removed = tri!(ns.borrow_mut().remove(&Value::Str(name.clone())));
                        if removed.is_none() {
                            break 'body (self.name_error(name, &code, &globals), false, cur);
                        }
                        if let Some(old) = removed {
                            crate::finalize::release(old);
                        }
                        if crate::finalize::due() {
                            self.after_free(&code, cur);
                        }
                    }
                    Op::StoreGlobal => {
                        let v = pop!();
                        let name = code.names[arg as usize].clone();
                        let h = name.hash();
                        let old = globals.borrow_mut().replace_hashed(Value::Str(name), h, v);
                        if let Some(old) = old {
                            crate::finalize::release(old);
                        }
                        if crate::finalize::due() {
                            self.after_free(&code, cur);
                        }
                    }
                    Op::DeleteGlobal => {
                        let name = &code.names[arg as usize];
                        let removed = tri!(globals.borrow_mut().remove(&Value::Str(name.clone())));
                        if removed.is_none() {
                            break 'body (self.name_error(name, &code, &globals), false, cur);
                        }
                        if let Some(old) = removed {
                            crate::finalize::release(old);
                        }
                        if crate::finalize::due() {
                            self.after_free(&code, cur);
                        }
                    }
                    Op::DeleteFast => {
                        let slot = local!(arg as usize);
                        if slot.is_null() {
                            break 'body (
                                unbound_local(&code.localsplus[arg as usize]),
                                false,
                                cur,
                            );
                        }
                        *slot = Value::Null;
                        if crate::finalize::due() {
                            self.after_free(&code, cur);
                        }
                    }
                    Op::MakeCell => {
                        let slot = local!(arg as usize);
                        let v = std::mem::take(slot);
                        *slot = Value::cell(v);
                    }
                    Op::LoadClosure => {
                        let v = local!(arg as usize).clone();
                        push(&mut self.stack, v);
                    }
                    Op::LoadDeref | Op::LoadClassderef => {
                        let i = arg as usize;
                        if ins.op == Op::LoadClassderef {
                            let ns = self.frames.last().and_then(|f| f.names.clone());
                            let found = match ns.as_ref().and_then(crate::class_ns::custom) {
                                Some(m) => tri!(self
                                    .load_custom_name(&m, Value::Str(code.localsplus[i].clone()))),
                                None => ns.and_then(|ns| {
                                    ns.borrow().get_str(&code.localsplus[i]).cloned()
                                }),
                            };
                            if let Some(v) = found {
                                push(&mut self.stack, v);
                                continue;
                            }
                        }
                        let v = match &*local!(i) {
                            Value::Cell(c) => c.borrow().fast_clone(),
                            _ => Value::Null,
                        };
                        if v.is_null() {
                            break 'body (self.unbound_deref(&code, i), false, cur);
                        }
                        push(&mut self.stack, v);
                    }
                    Op::StoreDeref => {
                        let v = pop!();
                        match &*local!(arg as usize) {
                            Value::Cell(c) => std::mem::replace(&mut *c.borrow_mut(), v).release(),
                            _ => {
                                break 'body (
                                    PyErr::system_error("STORE_DEREF on a non-cell"),
                                    false,
                                    cur,
                                )
                            }
                        }
                    }
                    Op::DeleteDeref => {
                        let i = arg as usize;
                        let was = match &*local!(i) {
                            Value::Cell(c) => std::mem::take(&mut *c.borrow_mut()),
                            _ => Value::Null,
                        };
                        if was.is_null() {
                            break 'body (self.unbound_deref(&code, i), false, cur);
                        }
                    }
                    Op::Copy => {
                        let n = arg as usize;
                        let len = self.stack.len();
                        if n == 0 || n > len {
                            break 'body (underflow(), false, cur);
                        }
                        let v = self.stack[len - n].fast_clone();
                        push(&mut self.stack, v);
                    }
                    Op::Swap => {
                        let n = arg as usize;
                        let len = self.stack.len();
                        if n == 0 || n > len {
                            break 'body (underflow(), false, cur);
                        }
                        self.stack.swap(len - 1, len - n);
                    }
                    crate::subscr_fast::COPY2_SUBSCR => {
                        // (c, k) -> (c, k, c[k]) for a list and an int in range;
                        // else the `COPY 2` this replaced, then the originals.
                        let len = self.stack.len();
                        if len < 2 {
                            break 'body (underflow(), false, cur);
                        }
                        let item = match (&self.stack[len - 2], &self.stack[len - 1]) {
                            (Value::List(l), Value::Int(i)) => {
                                let l = l.borrow();
                                crate::subscr_fast::list_index(*i, l.len())
                                    .map(|i| l[i].fast_clone())
                            }
                            _ => None,
                        };
                        match item {
                            Some(v) => {
                                push(&mut self.stack, v);
                                ip += 2;
                            }
                            None => {
                                let v = self.stack[len - 2].fast_clone();
                                push(&mut self.stack, v);
                            }
                        }
                    }
                    crate::subscr_fast::SWAP3_STORE_SUBSCR => {
                        // (c, k, r) -> c[k] = r for a list and an int in range;
                        // else the `SWAP 3` this replaced, then the originals.
                        let len = self.stack.len();
                        if len < 3 {
                            break 'body (underflow(), false, cur);
                        }
                        let (below, top) = self.stack.split_at_mut(len - 1);
                        let stored = match (&below[len - 3], &below[len - 2], top.first_mut()) {
                            (Value::List(l), Value::Int(i), Some(r)) => {
                                let mut l = l.borrow_mut();
                                match crate::subscr_fast::list_index(*i, l.len()) {
                                    Some(i) => {
                                        // `r`'s slot is left NULL and popped below.
                                        let r = std::mem::take(r);
                                        std::mem::replace(&mut l[i], r).release();
                                        true
                                    }
                                    None => false,
                                }
                            }
                            _ => false,
                        };
                        if stored {
                            // NULL and the int key need no drop; the list's count drops inline.
                            pop!().release();
                            pop!().release();
                            if let Value::List(l) = pop!() {
                                drop(l);
                            }
                            ip += 2;
                            if crate::finalize::due() {
                                self.run_finalizers();
                            }
                        } else {
                            self.stack.swap(len - 1, len - 3);
                        }
                    }
                    Op::UnaryNegative | Op::UnaryPositive | Op::UnaryInvert => {
                        let c = match ins.op {
                            Op::UnaryNegative => '-',
                            Op::UnaryPositive => '+',
                            _ => '~',
                        };
                        let a = top!().clone();
                        let r = tri!(self.unary_op(c, &a));
                        *top!() = r;
                    }
                    Op::UnaryNot => {
                        let a = top!().clone();
                        let r = tri!(self.truthy(&a));
                        *top!() = Value::Bool(!r);
                    }
                    Op::IsOp => {
                        let b = pop!();
                        let a = top!();
                        *a = Value::Bool(a.is(&b) != (arg == 1));
                    }
                    Op::ContainsOp => {
                        let container = pop!();
                        let item = pop!();
                        let r = tri!(self.contains(&container, &item));
                        push(&mut self.stack, Value::Bool(r != (arg == 1)));
                    }
                    Op::BuildTuple => {
                        let n = arg as usize;
                        if self.stack.len() < n {
                            break 'body (underflow(), false, cur);
                        }
                        let items: Vec<Value> = self.stack.split_off(self.stack.len() - n);
                        push(&mut self.stack, Value::tuple(items));
                    }
                    Op::BuildList => {
                        let n = arg as usize;
                        if self.stack.len() < n {
                            break 'body (underflow(), false, cur);
                        }
                        let items: Vec<Value> = self.stack.split_off(self.stack.len() - n);
                        push(&mut self.stack, Value::list(items));
                    }
                    Op::BuildSet => {
                        let n = arg as usize;
                        if self.stack.len() < n {
                            break 'body (underflow(), false, cur);
                        }
                        let mut d = crate::dict::Dict::new_set();
                        let items: Vec<Value> = self.stack.split_off(self.stack.len() - n);
                        for v in items {
                            tri!(self.local_insert(&mut d, v, Value::None));
                        }
                        push(&mut self.stack, Value::set(d));
                    }
                    Op::BuildMap => {
                        let n = arg as usize * 2;
                        if self.stack.len() < n {
                            break 'body (underflow(), false, cur);
                        }
                        let items: Vec<Value> = self.stack.split_off(self.stack.len() - n);
                        let mut d = crate::dict::Dict::new();
                        let mut it = items.into_iter();
                        while let (Some(k), Some(v)) = (it.next(), it.next()) {
                            tri!(self.local_insert(&mut d, k, v));
                        }
                        push(&mut self.stack, Value::dict(d));
                    }
                    Op::BuildConstKeyMap => {
                        let keys = pop!();
                        let n = arg as usize;
                        if self.stack.len() < n {
                            break 'body (underflow(), false, cur);
                        }
                        let vals: Vec<Value> = self.stack.split_off(self.stack.len() - n);
                        let Value::Tuple(keys) = keys else {
                            break 'body (
                                PyErr::system_error("bad BUILD_CONST_KEY_MAP keys"),
                                false,
                                cur,
                            );
                        };
                        let mut d = crate::dict::Dict::new();
                        for (k, v) in keys.iter().zip(vals) {
                            tri!(d.insert(k.clone(), v));
                        }
                        push(&mut self.stack, Value::dict(d));
                    }
                    Op::BuildString => {
                        let n = arg as usize;
                        if self.stack.len() < n {
                            break 'body (underflow(), false, cur);
                        }
                        let s = crate::str_surrogates::build_string(
                            &self.stack[self.stack.len() - n..],
                        );
                        self.stack.truncate(self.stack.len() - n);
                        push(&mut self.stack, s);
                    }
                    Op::FormatValue => {
                        let spec = if arg & 4 != 0 { Some(pop!()) } else { None };
                        let v = pop!();
                        let v = match arg & 3 {
                            1 if matches!(v, Value::Str(_)) => v,
                            1 => Value::string(tri!(self.str_of(&v))),
                            2 => Value::string(tri!(self.repr_of(&v))),
                            3 => Value::string(crate::builtins::ascii_of(&tri!(self.repr_of(&v)))),
                            _ => v,
                        };
                        let spec_s = match &spec {
                            Some(Value::Str(s)) => s.as_str(),
                            _ => "",
                        };
                        let out = if spec_s.is_empty() && !crate::attr::is_heap_object(&v) {
                            match v {
                                Value::Str(_) => v,
                                other => Value::string(tri!(self.str_of(&other))),
                            }
                        } else {
                            tri!(crate::str_surrogates::format_op(self, &v, spec_s))
                        };
                        push(&mut self.stack, out);
                    }
                    Op::ListAppend => {
                        let v = pop!();
                        let len = self.stack.len();
                        match self.stack.get(len.wrapping_sub(arg as usize)) {
                            Some(Value::List(l)) => l.borrow_mut().push(v),
                            _ => break 'body (underflow(), false, cur),
                        }
                    }
                    Op::SetAdd => {
                        let v = pop!();
                        let len = self.stack.len();
                        match self.stack.get(len.wrapping_sub(arg as usize)) {
                            Some(Value::Set(s)) => {
                                let s = s.clone();
                                tri!(self.map_insert(&s, v, Value::None))
                            }
                            _ => break 'body (underflow(), false, cur),
                        }
                    }
                    Op::MapAdd => {
                        let v = pop!();
                        let k = pop!();
                        let len = self.stack.len();
                        match self.stack.get(len.wrapping_sub(arg as usize)) {
                            Some(Value::Dict(d)) => {
                                let d = d.clone();
                                tri!(self.map_insert(&d, k, v))
                            }
                            _ => break 'body (underflow(), false, cur),
                        }
                    }
                    Op::ListExtend => {
                        let v = pop!();
                        let items = tri!(self
                            .collect_sized(&v)
                            .map_err(|e| self.value_after_star_error(&v, e)));
                        let len = self.stack.len();
                        match self.stack.get(len.wrapping_sub(arg as usize)) {
                            Some(Value::List(l)) => l.borrow_mut().extend(items),
                            _ => break 'body (underflow(), false, cur),
                        }
                    }
                    Op::SetUpdate => {
                        let v = pop!();
                        let len = self.stack.len();
                        match self.stack.get(len.wrapping_sub(arg as usize)) {
                            // `_PySet_Update`: elements of a Python class are
                            // hashed and compared through their methods.
                            Some(Value::Set(s)) => {
                                let s = s.clone();
                                tri!(crate::methods::set_update_internal(self, &s, &v))
                            }
                            _ => break 'body (underflow(), false, cur),
                        }
                    }
                    Op::DictUpdate | Op::DictMerge => {
                        let v = pop!();
                        let len = self.stack.len();
                        let target = match self.stack.get(len.wrapping_sub(arg as usize)) {
                            Some(Value::Dict(d)) => d.clone(),
                            _ => break 'body (underflow(), false, cur),
                        };
                        let Value::Dict(src) = &v else {
                            if ins.op == Op::DictUpdate {
                                tri!(self.dict_update_from(&target, &v));
                                continue;
                            }
                            // `f(**mapping)`: the callable sits below the
                            // positional tuple and this dict.
                            let func = self.stack.get(len.wrapping_sub(arg as usize + 2));
                            let func = func.cloned().unwrap_or(Value::None);
                            tri!(crate::kwargs_merge::merge(self, &target, &v, &func));
                            continue;
                        };
                        let items: Vec<(Value, Value)> = src
                            .borrow()
                            .iter()
                            .map(|(k, v)| (k.clone(), v.clone()))
                            .collect();
                        let mut t = target.borrow_mut();
                        for (k, val) in items {
                            if ins.op == Op::DictMerge && tri!(t.get(&k)).is_some() {
                                drop(t);
                                // The callable sits below the positional tuple and this dict.
                                let func = len
                                    .checked_sub(arg as usize + 2)
                                    .and_then(|i| self.stack.get(i))
                                    .cloned()
                                    .unwrap_or(Value::None);
                                let e = self.repeated_keyword_error(&func, &k);
                                break 'body (e, false, cur);
                            }
                            tri!(t.insert(k, val));
                        }
                    }
                    Op::ListToTuple => {
                        let v = pop!();
                        let items = match &v {
                            Value::List(l) => l.borrow().clone(),
                            _ => break 'body (underflow(), false, cur),
                        };
                        push(&mut self.stack, Value::tuple(items));
                    }
                    Op::UnpackSequence => {
                        let v = pop!();
                        let n = arg as usize;
                        match &v {
                            Value::Tuple(t) if t.len() == n => {
                                self.stack.reserve(n);
                                for x in t.iter().rev() {
                                    push(&mut self.stack, x.fast_clone());
                                }
                            }
                            Value::List(l) if l.borrow().len() == n => {
                                let l = l.borrow();
                                self.stack.reserve(n);
                                for x in l.iter().rev() {
                                    push(&mut self.stack, x.fast_clone());
                                }
                            }
                            _ => {
                                let items = tri!(self.unpack(&v, n, None));
                                self.stack.extend(items.into_iter().rev());
                            }
                        }
                    }
                    Op::UnpackEx => {
                        let v = pop!();
                        let before = (arg & 0xff) as usize;
                        let after = (arg >> 8) as usize;
                        let items = tri!(self.unpack(&v, before, Some(after)));
                        self.stack.extend(items.into_iter().rev());
                    }
                    Op::BuildSlice => {
                        let step = if arg == 3 { pop!() } else { Value::None };
                        let stop = pop!();
                        let start = pop!();
                        push(&mut self.stack, Value::Slice(Rc::new([start, stop, step])));
                    }
                    Op::MakeFunction => {
                        let codev = pop!();
                        let Value::Code(fcode) = codev else {
                            break 'body (
                                PyErr::system_error("MAKE_FUNCTION without a code object"),
                                false,
                                cur,
                            );
                        };
                        let closure = if arg & 8 != 0 {
                            match pop!() {
                                Value::Tuple(t) => Some(t),
                                _ => None,
                            }
                        } else {
                            None
                        };
                        let annotations = if arg & 4 != 0 { Some(pop!()) } else { None };
                        let kwdefaults = if arg & 2 != 0 {
                            match pop!() {
                                Value::Dict(d) => Some(d),
                                _ => None,
                            }
                        } else {
                            None
                        };
                        let defaults = if arg & 1 != 0 {
                            match pop!() {
                                Value::Tuple(t) => Some(t),
                                _ => None,
                            }
                        } else {
                            None
                        };
                        let f = Function {
                            name: RefCell::new(fcode.name.clone()),
                            qualname: RefCell::new(fcode.qualname.clone()),
                            code: RefCell::new(fcode),
                            globals: globals.clone(),
                            defaults: RefCell::new(defaults),
                            kwdefaults: RefCell::new(kwdefaults),
                            closure,
                            annotations: RefCell::new(annotations),
                            dict: RefCell::new(None),
                            members: RefCell::new(None),
                        };
                        push(&mut self.stack, Value::Function(Rc::new(f)));
                    }
                    Op::CallFunctionEx => {
                        let kwargs = if arg & 1 != 0 { Some(pop!()) } else { None };
                        let args = pop!();
                        let func = pop!();
                        let (callable, mut pos) = match pop!() {
                            Value::Null => {
                                let pos = tri!(self
                                    .collect_sized(&args)
                                    .map_err(|e| self.star_args_error(&func, &args, e)));
                                (func, pos)
                            }
                            // a method pushed by LOAD_METHOD: func is really `self`
                            meth => {
                                let mut v = vec![func];
                                v.extend(tri!(self
                                    .collect_sized(&args)
                                    .map_err(|e| self.star_args_error(&meth, &args, e))));
                                (meth, v)
                            }
                        };
                        if let Some(fr) = self.frames.last_mut() {
                            fr.ip = ip;
                        }
                        let (names, vals) = tri!(Self::kwargs_of(kwargs));
                        // A Python function runs in this loop, as `CALL` runs it.
                        let f = match &callable {
                            Value::Function(f) => Some(f.clone()),
                            Value::Method(m) => match &m.1 {
                                Value::Function(f) => {
                                    pos.insert(0, m.0.clone());
                                    Some(f.clone())
                                }
                                _ => None,
                            },
                            _ => None,
                        };
                        if let Some(f) = f {
                            let ret_to = self.stack.len();
                            self.stack.extend(pos);
                            let kw = if names.is_empty() {
                                None
                            } else {
                                self.stack.extend(vals);
                                Some(Rc::new(names))
                            };
                            tri!(self.push_call_frame(&f, ret_to, ret_to, kw));
                            continue 'frame;
                        }
                        let r = match &callable {
                            // A profiler sees the builtin's call as `CALL`
                            // shows it (`do_call_core`'s `C_TRACE`).
                            Value::Builtin(def) if TRACE && self.profiles_c_calls(&callable) => {
                                tri!(self.hook_c_event("c_call", &callable));
                                self.sched.direct = true;
                                let a = Args {
                                    pos: &pos,
                                    kwnames: &names,
                                    kwvals: &vals,
                                };
                                match crate::native::call_builtin(self, def, a) {
                                    Ok(v) => {
                                        tri!(self.hook_c_event("c_return", &callable));
                                        v
                                    }
                                    Err(e) => {
                                        tri!(self.hook_c_event("c_exception", &callable));
                                        break 'body (e, false, cur);
                                    }
                                }
                            }
                            Value::Builtin(def) => {
                                // Called right here: a blocking native may switch threads.
                                self.sched.direct = true;
                                let a = Args {
                                    pos: &pos,
                                    kwnames: &names,
                                    kwvals: &vals,
                                };
                                tri!(crate::native::call_builtin(self, def, a))
                            }
                            _ => tri!(self.call_with_kw(&callable, &pos, &names, &vals)),
                        };
                        push(&mut self.stack, r);
                    }
                    Op::RaiseVarargs => match arg {
                        0 => {
                            let e = match &self.exc_info {
                                Value::Exception(e) => PyErr(e.clone()),
                                _ => PyErr::new(
                                    ExcKind::RuntimeError,
                                    "No active exception to reraise",
                                ),
                            };
                            let reraise = matches!(self.exc_info, Value::Exception(_));
                            break 'body (e, reraise, cur);
                        }
                        1 => {
                            let v = pop!();
                            let e = tri!(self.make_exception(v));
                            e.0.escaped.set(false);
                            break 'body (e, false, cur);
                        }
                        _ => {
                            let cause = pop!();
                            let v = pop!();
                            let e = tri!(self.make_exception(v));
                            let cause = match cause {
                                Value::None => None,
                                // A class is called; its errors propagate.
                                other @ Value::Exception(_) => {
                                    Some(tri!(self.make_exception(other)).0)
                                }
                                Value::Type(t) if matches!(t.kind, TypeKind::Exception(_)) => {
                                    Some(tri!(self.make_exception(Value::Type(t))).0)
                                }
                                _ => {
                                    break 'body (
                                        PyErr::type_error(
                                            "exception causes must derive from BaseException",
                                        ),
                                        false,
                                        cur,
                                    )
                                }
                            };
                            *e.0.cause.borrow_mut() = cause;
                            e.0.suppress_context.set(true);
                            e.0.escaped.set(false);
                            break 'body (e, false, cur);
                        }
                    },
                    Op::PushExcInfo => {
                        let v = pop!();
                        let prev = std::mem::replace(&mut self.exc_info, v.clone());
                        push(&mut self.stack, prev);
                        push(&mut self.stack, v);
                        if let Some(g) = self.frames.last().and_then(|f| f.generator.as_ref()) {
                            g.state.borrow_mut().handlers += 1;
                        }
                    }
                    Op::PopExcept => {
                        let v = pop!();
                        let mut v = if v.is_null() { Value::None } else { v };
                        if let Some(g) = self.frames.last().and_then(|f| f.generator.as_ref()) {
                            // The value saved by the frame's outermost handler
                            // is its resumer of the time, perhaps not of now.
                            let mut st = g.state.borrow_mut();
                            st.handlers = st.handlers.saturating_sub(1);
                            if st.handlers == 0 {
                                v = st.caller_exc();
                            }
                        }
                        self.exc_info = v;
                    }
                    Op::CheckExcMatch => {
                        let typ = pop!();
                        let exc = top!().clone();
                        let r = tri!(crate::builtins::exception_matches(&exc, &typ));
                        push(&mut self.stack, Value::Bool(r));
                    }
                    Op::CheckEgMatch => {
                        let typ = pop!();
                        tri!(self.check_eg_match(typ));
                    }
                    Op::PrepReraiseStar => {
                        let excs = pop!();
                        let orig = pop!();
                        let v = tri!(self.prep_reraise_star(orig, excs));
                        push(&mut self.stack, v);
                    }
                    Op::Reraise => {
                        let v = pop!();
                        // The handler is looked up at the RERAISE itself; the saved
                        // `lasti` only becomes the frame's last instruction again.
                        let mut lasti = None;
                        if arg > 0 {
                            let len = self.stack.len();
                            if let Some(Value::Int(l)) =
                                self.stack.get(len.wrapping_sub(arg as usize))
                            {
                                lasti = u32::try_from(*l).ok();
                            }
                        }
                        match v {
                            Value::Exception(e) => {
                                self.reraise_lasti = lasti;
                                break 'body (PyErr(e), true, cur);
                            }
                            _ => {
                                break 'body (
                                    PyErr::system_error("RERAISE of a non-exception"),
                                    false,
                                    cur,
                                )
                            }
                        }
                    }
                    Op::ReturnGenerator => {
                        let Some(f) = self.frames.pop() else {
                            return Err(underflow());
                        };
                        if TRACE {
                            self.trace_exit(&f, crate::trace::FrameExit::Generator);
                            self.hooks_exit(&crate::trace::FrameExit::Generator, None);
                        }
                        let values = crate::gen::frame_vector(&mut self.stack, &f);
                        let mut gen = crate::gen::GenObj::new(
                            f.code,
                            f.globals,
                            crate::gen::GenState {
                                values,
                                ip,
                                running: false,
                                done: false,
                                started: false,
                                exc: Value::Null,
                                caller_exc: Value::Null,
                                handlers: 0,
                                frame: None,
                            },
                        );
                        // A module body awaiting at top level keeps its namespace.
                        gen.names = f.names;
                        if self.pending_gen_names.is_some() {
                            self.take_gen_names(&gen);
                        }
                        let origin = if gen.code.flags.contains(pith_bytecode::CodeFlags::COROUTINE)
                        {
                            self.coroutine_origin()
                        } else {
                            Value::None
                        };
                        let v = crate::coro::new_generator(gen, origin);
                        if f.entry {
                            return Ok(v);
                        }
                        push(&mut self.stack, v);
                        continue 'frame;
                    }
                    Op::YieldValue => {
                        // The yielded value was often just made from its parts.
                        let Some(v) = crate::stack_words::pop_split(&mut self.stack) else {
                            break 'body (underflow(), false, cur);
                        };
                        let Some(f) = self.frames.pop() else {
                            return Err(underflow());
                        };
                        if TRACE {
                            self.trace_exit(&f, crate::trace::FrameExit::Yield(&v));
                            self.hooks_exit(&crate::trace::FrameExit::Yield(&v), ip.checked_sub(1));
                        }
                        if f.generator.is_none() {
                            break 'body (
                                PyErr::system_error("yield outside a generator frame"),
                                false,
                                cur,
                            );
                        }
                        let entry = f.entry;
                        self.suspend_gen_frame(f, ip);
                        self.suspend_frame_object(self.frames.len());
                        if entry {
                            self.yielded = true;
                            return Ok(v);
                        }
                        push(&mut self.stack, v);
                        continue 'frame;
                    }
                    Op::Send => {
                        let v = pop!();
                        if matches!(v, Value::None) {
                            // `yield from` a builtin iterator (a list, a range)
                            // takes its item inline, as `FOR_ITER` does.
                            match next_builtin(top!()) {
                                Some(Ok(Some(x))) => {
                                    self.last_stop = None;
                                    push(&mut self.stack, x);
                                    continue;
                                }
                                Some(Ok(None)) => {
                                    // Exhausted: the `yield from` gives `None`.
                                    self.last_stop = None;
                                    std::mem::replace(top!(), Value::None).release();
                                    ip = arg as usize;
                                    continue;
                                }
                                Some(Err(e)) => break 'body (e, false, cur),
                                None => {}
                            }
                        }
                        let recv = top!().clone();
                        let r = match recv {
                            Value::Generator(g) => {
                                if tri!(self.resume_gen_inline(g, v, ip)) {
                                    continue 'frame;
                                }
                                crate::gen::GenResult::Returned(Value::None)
                            }
                            Value::Async(ref a) => tri!(self.async_send(a, v)),
                            ref other if !matches!(v, Value::None) => {
                                tri!(self.send_method(other, v))
                            }
                            ref other => {
                                self.last_stop = None;
                                match self.iter_next(other) {
                                    Ok(Some(x)) => crate::gen::GenResult::Yielded(x),
                                    // `yield from` gives the StopIteration's value.
                                    Ok(None) => crate::gen::GenResult::Returned(
                                        crate::gen::stop_value(&self.take_stop(other)),
                                    ),
                                    // A StopIteration out of the iterator's
                                    // `__next__` (raised by a function `map`
                                    // calls, say) ends it like any other.
                                    Err(e) if e.is(ExcKind::StopIteration) => {
                                        crate::gen::GenResult::Returned(crate::gen::stop_value(&e))
                                    }
                                    Err(e) => tri!(Err(e)),
                                }
                            }
                        };
                        match r {
                            crate::gen::GenResult::Yielded(x) => push(&mut self.stack, x),
                            crate::gen::GenResult::Returned(x) => {
                                *top!() = x;
                                ip = arg as usize;
                            }
                        }
                    }
                    Op::GetYieldFromIter => {
                        let v = pop!();
                        let it = match v {
                            Value::Generator(_) => v,
                            Value::Async(_) => tri!(self.yield_from_async(v, &code)),
                            other => tri!(self.get_iter(&other)),
                        };
                        push(&mut self.stack, it);
                    }
                    Op::GetAwaitable
                    | Op::AsyncGenWrap
                    | Op::GetAiter
                    | Op::GetAnext
                    | Op::BeforeAsyncWith => tri!(self.async_op(ins.op, arg, stack_base)),
                    Op::EndAsyncFor => {
                        if let Err(e) = crate::coro::end_async_for(self, stack_base) {
                            break 'body (e, true, cur);
                        }
                    }
                    Op::LoadBuildClass => {
                        let v = tri!(self.build_class_fn(&globals));
                        push(&mut self.stack, v);
                    }
                    Op::BeforeWith => {
                        let mgr = pop!();
                        self.sched.direct = true;
                        let (exit, entered) = tri!(self.before_with(&mgr));
                        push(&mut self.stack, exit);
                        match entered {
                            Ok(v) => push(&mut self.stack, v),
                            Err(enter) => {
                                // A Python `__enter__` runs as a frame; its
                                // result lands where `entered` would.
                                self.sched.direct = false;
                                if let Some(fr) = self.frames.last_mut() {
                                    fr.ip = ip;
                                }
                                let p = self.stack.len();
                                push(&mut self.stack, mgr);
                                tri!(self.push_call_frame(&enter, p, p, None));
                                continue 'frame;
                            }
                        }
                    }
                    Op::WithExceptStart => {
                        let len = self.stack.len();
                        if len < stack_base + 4 {
                            break 'body (underflow(), false, cur);
                        }
                        let exc = self.stack[len - 1].clone();
                        let exit = self.stack[len - 4].clone();
                        let typ = Value::Type(crate::types::type_of(&exc));
                        let tb = match &exc {
                            Value::Exception(e) => crate::frame_obj::traceback_of(e),
                            _ => Value::None,
                        };
                        let r = tri!(self.call(&exit, &[typ, exc, tb]));
                        push(&mut self.stack, r);
                    }
                    Op::LoadAssertionError => {
                        push(
                            &mut self.stack,
                            Value::Type(crate::types::exc_type(ExcKind::AssertionError)),
                        );
                    }
                    Op::MatchMapping | Op::MatchSequence | Op::MatchKeys | Op::MatchClass => {
                        tri!(self.exec_match_op(ins.op, arg, stack_base))
                    }
                    Op::GetLen => {
                        let v = top!().clone();
                        let n = tri!(self.len_of(&v));
                        push(&mut self.stack, Value::Int(n as i64));
                    }
                    Op::ImportName => {
                        let fromlist = pop!();
                        let level = match pop!() {
                            Value::Int(n) => n,
                            _ => 0,
                        };
                        let name = code.names[arg as usize].clone();
                        let m = match tri!(self.custom_import(&globals)) {
                            Some(f) => {
                                let args = [
                                    Value::Str(name),
                                    Value::Dict(globals.clone()),
                                    self.import_locals(&code.raw, &globals),
                                    fromlist,
                                    Value::Int(level),
                                ];
                                tri!(self.call(&f, &args))
                            }
                            None => {
                                tri!(self.import_name(name.as_str(), &fromlist, level, &globals))
                            }
                        };
                        push(&mut self.stack, m);
                    }
                    Op::ImportFrom => {
                        let m = top!().clone();
                        let name = &code.names[arg as usize];
                        let v = match self.get_attr(&m, name) {
                            Ok(v) => v,
                            Err(e) if e.is(ExcKind::AttributeError) => {
                                match self.import_from_fallback(&m, name.as_str()) {
                                    Ok(v) => v,
                                    Err(e) => break 'body (e, false, cur),
                                }
                            }
                            Err(e) => break 'body (e, false, cur),
                        };
                        push(&mut self.stack, v);
                    }
                    Op::SetupAnnotations => {
                        let ns = self
                            .frames
                            .last()
                            .and_then(|f| f.names.clone())
                            .unwrap_or_else(|| globals.clone());
                        let key = Value::str("__annotations__");
                        if let Some(m) = crate::class_ns::custom(&ns) {
                            // A mapping namespace: `__getitem__`, and
                            // `__setitem__` of a new dict on `KeyError`.
                            if tri!(self.load_custom_name(&m, key.clone())).is_none() {
                                let d = Value::dict(crate::dict::Dict::new());
                                tri!(self.setitem(&m, key, d));
                            }
                            continue;
                        }
                        let present = tri!(ns.borrow().get(&key)).is_some();
                        if !present {
                            let d = Value::Dict(Rc::new(RefCell::new(crate::dict::Dict::new())));
                            tri!(ns.borrow_mut().insert(key, d));
                        }
                    }
                    Op::ImportStar => {
                        let m = pop!();
                        let ns = self
                            .frames
                            .last()
                            .and_then(|f| f.names.clone())
                            .unwrap_or_else(|| globals.clone());
                        tri!(self.import_star(&m, &ns));
                    }
                    Op::Cache => {
                        break 'body (
                            PyErr::system_error("execution fell off the end of the code"),
                            false,
                            cur,
                        );
                    }
                    other => {
                        break 'body (
                            PyErr::system_error(format!(
                                "opcode {} is not supported yet",
                                other.name()
                            )),
                            false,
                            cur,
                        );
                    }
                }
            };
            if let Some(fr) = self.frames.last_mut() {
                fr.ip = ip;
            }
            let (err, reraise, raise_ip) = if self.sched.signal.is_some() {
                // A blocking call or a switch interval's end: another thread may run.
                match self.thread_switch(raise_ip) {
                    Resume::Raise(e, at) => (e, false, at),
                    next => {
                        if let Some(r) = self.resume_thread::<TRACE>(next) {
                            return r;
                        }
                        continue 'frame;
                    }
                }
            } else if let Some(tail) = self.sched.tail.take() {
                // A native asked for a Python call in its place.
                match self.push_tail_call(tail) {
                    Ok(()) => continue 'frame,
                    Err(e) => (e, false, raise_ip),
                }
            } else {
                (err, reraise, raise_ip)
            };
            if let Err(e) = self.unwind::<TRACE>(err, reraise, raise_ip) {
                let next = if self.in_foreign_loop() {
                    // Out of frames resumed in another loop than their own.
                    self.park_return(Err(e))
                } else if self.sched.bottom && self.frames.is_empty() {
                    // An exception escaped a thread's own function.
                    self.thread_ended(Err(e))
                } else {
                    return Err(e);
                };
                if let Some(r) = self.resume_thread::<TRACE>(next) {
                    return r;
                }
            }
        }
    }

    fn unbound_deref(&self, code: &crate::code::Code, i: usize) -> PyErr {
        let name = code.localsplus[i].as_str();
        if i >= code.free_start {
            PyErr::new(
                ExcKind::NameError,
                format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"),
            )
        } else {
            unbound_local(&code.localsplus[i])
        }
    }

    /// Turns the operand of `raise` into an exception.
    pub(crate) fn make_exception(&mut self, v: Value) -> PyResult<PyErr> {
        match v {
            Value::Exception(e) => Ok(PyErr(e)),
            Value::Type(t) if matches!(t.kind, TypeKind::Exception(_)) => {
                let typ = Value::Type(t);
                match self.call(&typ, &[])? {
                    Value::Exception(e) => Ok(PyErr(e)),
                    other => Err(PyErr::type_error(format!(
                        "calling {} should have returned an instance of BaseException, not {}",
                        crate::repr::repr(&typ),
                        crate::repr::repr(&Value::Type(crate::types::type_of(&other)))
                    ))),
                }
            }
            _ => Err(PyErr::type_error(
                "exceptions must derive from BaseException",
            )),
        }
    }

    fn kwargs_of(kwargs: Option<Value>) -> PyResult<(Vec<Value>, Vec<Value>)> {
        let mut names = Vec::new();
        let mut vals = Vec::new();
        if let Some(Value::Dict(d)) = kwargs {
            for (k, v) in d.borrow().iter() {
                // A str subclass names its parameter by its text.
                let key = crate::instance::payload_of(k).unwrap_or(k);
                if !matches!(key, Value::Str(_)) {
                    return Err(PyErr::type_error("keywords must be strings"));
                }
                names.push(key.clone());
                vals.push(v.clone());
            }
        }
        Ok((names, vals))
    }

    /// Unpacks an iterable into exactly `n` values, or `n + after` with a starred list.
    fn unpack(&mut self, v: &Value, before: usize, after: Option<usize>) -> PyResult<Vec<Value>> {
        let items = match v {
            Value::Tuple(_)
            | Value::List(_)
            | Value::Str(_)
            | Value::Dict(_)
            | Value::Set(_)
            | Value::FrozenSet(_)
            | Value::Range(_)
            | Value::Iter(_)
            | Value::Generator(_)
            | Value::DictView(_)
            | Value::Bytes(_)
            | Value::ByteArray(_)
            | Value::MemoryView(_) => self.collect(v)?,
            Value::Instance(_) if crate::special::iterable_instance(v) => self.collect(v)?,
            // A class whose metaclass iterates (`enum`'s `EnumType`).
            Value::Type(t) if crate::class_ns::meta_has_iter(t) => self.collect(v)?,
            _ => {
                return Err(PyErr::type_error(format!(
                    "cannot unpack non-iterable {} object",
                    crate::types::type_name(v)
                )))
            }
        };
        match after {
            None => {
                if items.len() > before {
                    return Err(PyErr::value_error(format!(
                        "too many values to unpack (expected {before})"
                    )));
                }
                if items.len() < before {
                    return Err(PyErr::value_error(format!(
                        "not enough values to unpack (expected {}, got {})",
                        before,
                        items.len()
                    )));
                }
                Ok(items)
            }
            Some(after) => {
                if items.len() < before + after {
                    return Err(PyErr::value_error(format!(
                        "not enough values to unpack (expected at least {}, got {})",
                        before + after,
                        items.len()
                    )));
                }
                let mut out = Vec::with_capacity(before + after + 1);
                out.extend(items[..before].iter().cloned());
                out.push(Value::list(items[before..items.len() - after].to_vec()));
                out.extend(items[items.len() - after..].iter().cloned());
                Ok(out)
            }
        }
    }
}
