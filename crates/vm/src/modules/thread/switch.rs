//! Switching green threads. A blocking native (`lock.acquire`, `time.sleep`)
//! that cannot complete calls [`block_on`]. When the eval loop called it
//! directly and no Rust frame of the thread lies under that loop, it asks the
//! loop to switch: the loop saves the thread's whole state with the call
//! pending, and another thread's state goes in; when the scheduler has
//! completed the wait, the thread resumes with the call's result pushed, as if
//! the call had just returned. Under Rust frames (a callback of `sorted`, an
//! `__enter__` written in Python) the native waits in place instead
//! ([`Vm::wait_nested`]), running the other threads in a nested loop.

use std::time::Instant;

use crate::exc::{PyErr, PyResult};
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::{Frame, Vm, MAX_NATIVE_DEPTH};
use pith_bytecode::Opcode as Op;

use super::sched::{Block, Home, Pick, SavedState, Start, Wait};

/// What the eval loop does after a switch.
pub(crate) enum Resume {
    /// Run the frames now in the VM.
    Continue,
    /// Raise this error at this instruction of the top frame.
    Raise(PyErr, u32),
    /// Return this from the loop.
    Return(PyResult<Value>),
}

/// The error a native returns to ask the loop for a switch (never seen).
fn switch_signal() -> PyErr {
    PyErr::new(ExcKind::RuntimeError, "thread switch")
}

/// Every thread is blocked and none waits with a timeout.
fn deadlock() -> PyErr {
    PyErr::new(
        ExcKind::RuntimeError,
        "deadlock: every thread is blocked and none can wake the others",
    )
}

/// Sleeps until `d`; true when a signal ended the sleep early (the
/// scheduler then looks again; the handlers run where the main thread is).
fn sleep_until(vm: &mut Vm, d: Instant) -> bool {
    vm.flush();
    let now = Instant::now();
    d > now
        && crate::modules::signal_raw::nanosleep(d - now) == Err(libc::EINTR)
        && Instant::now() < d
}

/// Sleeps until `d`, running the signal handlers of signals that interrupt
/// the sleep; a handler's exception ends it (PEP 475).
fn sleep_handling_signals(vm: &mut Vm, d: Instant) -> PyResult<()> {
    while sleep_until(vm, d) {
        vm.check_signals()?;
    }
    vm.check_signals()
}

/// Waits for `wait`, letting other threads run meanwhile. `recv` is the
/// object whose method blocks (`with lock:` needs its `__exit__`).
pub(crate) fn block_on(vm: &mut Vm, wait: Wait, recv: &Value) -> PyResult<Value> {
    let direct = std::mem::take(&mut vm.sched.direct);
    if vm.sched.threads.len() == 1 {
        // No other thread could change anything: only time passes.
        return match wait {
            Wait::Sleep(d) => {
                sleep_handling_signals(vm, d)?;
                Ok(Value::None)
            }
            Wait::Io(mut io) => {
                let fds = &mut io.fds;
                crate::modules::select::poll_until(vm, fds, io.deadline)?;
                (io.finish)(&io.fds)
            }
            Wait::Poll(mut p) => loop {
                if let Some(r) = p.try_complete(Instant::now()) {
                    return r;
                }
                sleep_handling_signals(vm, p.next_look())?;
            },
            Wait::Lock {
                deadline: Some(d), ..
            }
            | Wait::RLock {
                deadline: Some(d), ..
            } => {
                sleep_handling_signals(vm, d)?;
                Ok(Value::Bool(false))
            }
            _ => Err(PyErr::new(
                ExcKind::RuntimeError,
                "acquiring a lock held by the only thread would block forever",
            )),
        };
    }
    if direct && vm.native_depth == vm.sched.cur_level {
        vm.sched.signal = Some(Block {
            wait,
            recv: recv.clone(),
            preempt: false,
        });
        return Err(switch_signal());
    }
    vm.wait_nested(wait)
}

impl Vm {
    /// Whether the running native was called directly by the eval loop, at
    /// the loop that runs the thread's frames (read before the native calls
    /// anything from Rust, which clears it): it may then hand the loop a
    /// Python call to make in its place ([`Vm::request_tail_call`]).
    pub(crate) fn called_directly(&self) -> bool {
        self.sched.direct
            && self.native_depth == self.sched.cur_level
            && self.trace.is_none()
            && self.hooks.is_none()
    }

    /// For a native that [`Vm::called_directly`] and whose result is that of
    /// a call of the plain Python function `func`: the error to return, which
    /// makes the eval loop run `func` as an ordinary frame in the native's
    /// place. A blocking call under that frame then switches threads
    /// directly instead of waiting in a nested loop, where it could only be
    /// resumed once every wait begun above it had ended.
    pub(crate) fn request_tail_call(
        &mut self,
        func: std::rc::Rc<crate::func::Function>,
        args: Vec<Value>,
        kwnames: Vec<Value>,
    ) -> PyErr {
        self.sched.direct = false;
        self.sched.tail = Some(super::sched::TailCall {
            func,
            args,
            kwnames,
        });
        switch_signal()
    }
}

impl Vm {
    /// Moves the running thread's state out of the VM.
    fn take_state(&mut self) -> SavedState {
        SavedState {
            stack: std::mem::take(&mut self.stack),
            frames: std::mem::take(&mut self.frames),
            exc_info: std::mem::replace(&mut self.exc_info, Value::None),
            return_hooks: std::mem::take(&mut self.return_hooks),
            bottom: std::mem::replace(&mut self.sched.bottom, false),
            level: self.sched.cur_level,
            base: self.sched.base.take(),
            calls: std::mem::take(&mut self.sched.calls),
        }
    }

    /// Moves a thread's state into the VM (whose own state is empty).
    fn put_state(&mut self, s: SavedState) {
        self.stack = s.stack;
        self.frames = s.frames;
        self.exc_info = s.exc_info;
        self.return_hooks = s.return_hooks;
        self.sched.bottom = s.bottom;
        self.sched.cur_level = s.level;
        self.sched.base = s.base;
        self.sched.calls = s.calls;
    }

    /// Starts handing out the step budget one switch interval at a time.
    pub(crate) fn arm_preemption(&mut self) {
        if self.sched.reserve > 0 || self.sched.threads.len() < 2 {
            return;
        }
        let chunk = self.sched.switch_steps.min(self.steps_left);
        self.sched.reserve = self.steps_left - chunk;
        self.steps_left = chunk;
    }

    pub(super) fn disarm_preemption(&mut self) {
        self.steps_left = self.steps_left.saturating_add(self.sched.reserve);
        self.sched.reserve = 0;
    }

    /// `steps_left` ran out somewhere other than a backward jump (a call, a
    /// handler): true when more budget was handed out (the step limit itself
    /// is not reached).
    ///
    /// Only a backward jump can switch threads, so this hands out a single
    /// step: the caller spends it and the next site, if a backward jump,
    /// finds the budget at zero and switches. Handing out a whole interval
    /// here let a loop whose call always spent the last step (a `while not
    /// event.is_set()` spin) run forever without yielding.
    #[cold]
    #[inline(never)]
    pub(crate) fn refill_steps(&mut self) -> bool {
        if self.sched.reserve == 0 {
            return false;
        }
        self.sched.reserve -= 1;
        self.steps_left = 1;
        true
    }

    /// Ends the running thread's switch interval early (after native work
    /// much costlier than its step count): its unspent steps go back to the
    /// reserve, so the next backward jump offers a switch. Without other
    /// threads this does nothing.
    pub(crate) fn end_switch_interval(&mut self) {
        if self.sched.reserve == 0 {
            return;
        }
        self.sched.reserve = self.sched.reserve.saturating_add(self.steps_left);
        self.steps_left = 0;
    }

    /// Hands out the next switch interval's budget: false at the step limit.
    fn refill_interval(&mut self) -> bool {
        if self.sched.reserve == 0 {
            return false;
        }
        let chunk = self.sched.switch_steps.min(self.sched.reserve);
        self.sched.reserve -= chunk;
        self.steps_left = chunk;
        true
    }

    /// `steps_left` ran out at a backward jump: the step-limit error, or a
    /// switch-interval tick (a request to switch threads).
    #[cold]
    #[inline(never)]
    pub(crate) fn out_of_steps(&mut self) -> PyErr {
        if !self.refill_interval() {
            return PyErr::system_error("step limit exceeded");
        }
        self.sched.signal = Some(Block {
            wait: Wait::Ready,
            recv: Value::None,
            preempt: true,
        });
        switch_signal()
    }

    /// `sys.setswitchinterval`: seconds become a step budget.
    pub(crate) fn set_switch_interval(&mut self, seconds: f64) {
        self.sched.switch_interval = seconds;
        // About four million steps a second on a typical loop.
        self.sched.switch_steps = ((seconds * 4_000_000.0) as u64).clamp(100, 1 << 40);
    }

    /// The eval loop's hook: the instruction at `raise_ip` stopped with a
    /// switch request pending.
    #[cold]
    #[inline(never)]
    pub(crate) fn thread_switch(&mut self, raise_ip: u32) -> Resume {
        let Some(block) = self.sched.signal.take() else {
            return Resume::Continue;
        };
        let clean = self.native_depth == self.sched.cur_level;
        if block.preempt
            && (!clean
                || self.sched.calls > 0
                || self.sched.threads.len() < 2
                || self.trace.is_some()
                || self.hooks.is_some())
        {
            return Resume::Continue;
        }
        let with = self
            .frames
            .last()
            .and_then(|f| f.code.decoded_or_empty().instrs.get(raise_ip as usize))
            .is_some_and(|i| i.op == Op::BeforeWith);
        if with && !block.preempt {
            // `BEFORE_WITH` pushes the bound `__exit__` under `__enter__`'s result.
            let t = crate::types::type_of(&block.recv);
            let Some(exit) = crate::class::special(&t, crate::names::D::Exit) else {
                return Resume::Raise(PyErr::type_error("missing __exit__"), raise_ip);
            };
            match self.bind_attr(exit, &block.recv, &t) {
                Ok(e) => self.stack.push(e),
                Err(e) => return Resume::Raise(e, raise_ip),
            }
        }
        let home = if self.sched.bottom {
            Home::Any
        } else {
            Home::Base(self.sched.base.unwrap_or(self.sched.cur_level))
        };
        let st = self.take_state();
        let cur = self.sched.current;
        if let Some(t) = self.sched.threads.get_mut(cur) {
            t.wait = block.wait;
            t.home = home;
            t.saved = Some(st);
            t.result = None;
        }
        self.schedule_here()
    }

    /// The eval loop's hook: the running thread's own function returned or
    /// raised (its bottom frame is gone).
    #[cold]
    #[inline(never)]
    pub(crate) fn thread_ended(&mut self, r: PyResult<Value>) -> Resume {
        self.end_thread(r);
        self.schedule_here()
    }

    /// Goes on with what a switch decided: `None` to run the frames now in
    /// the VM, else what the loop returns. An error handed to the thread
    /// swapped in is raised in it (and may end it).
    pub(crate) fn resume_thread<const TRACE: bool>(
        &mut self,
        mut next: Resume,
    ) -> Option<PyResult<Value>> {
        loop {
            match next {
                Resume::Continue => return None,
                Resume::Return(r) => return Some(r),
                Resume::Raise(e, at) => match self.unwind::<TRACE>(e, false, at) {
                    Ok(()) => return None,
                    Err(e) if self.in_foreign_loop() => {
                        next = self.park_return(Err(e));
                    }
                    Err(e) if self.sched.bottom && self.frames.is_empty() => {
                        next = self.thread_ended(Err(e));
                    }
                    Err(e) => return Some(Err(e)),
                },
            }
        }
    }

    /// Forgets the running thread: releases its sentinel, reports an
    /// exception that escaped it.
    fn end_thread(&mut self, r: PyResult<Value>) {
        let cur = self.sched.current;
        if cur >= self.sched.threads.len() {
            return;
        }
        let t = self.sched.threads.remove(cur);
        self.stack.clear();
        self.frames.clear();
        self.return_hooks.clear();
        self.exc_info = Value::None;
        self.sched.bottom = false;
        self.sched.base = None;
        self.sched.calls = 0;
        let n = self.sched.threads.len();
        // The next pick starts with the thread after the one that ended.
        self.sched.current = if cur == 0 {
            n.saturating_sub(1)
        } else {
            cur - 1
        };
        if let Some(s) = &t.sentinel {
            super::lock::force_release(s);
        }
        self.forget_locals(t.ident);
        if let Err(e) = r {
            if !e.is(ExcKind::SystemExit) {
                self.write_unraisable("in thread started by", &t.func, &e);
            }
        }
        if n == 0 {
            // The forking thread of a forked child (not its parent's main
            // thread) ended: the process's last thread is gone, and with it
            // the process, as when a last POSIX thread exits.
            std::process::exit(0);
        }
        if n < 2 {
            self.disarm_preemption();
        }
    }

    /// Chooses the next thread for the loop at this depth and puts it in the
    /// VM (the running thread has been saved or has ended).
    fn schedule_here(&mut self) -> Resume {
        let level = self.native_depth;
        loop {
            if crate::modules::signal_raw::pending() {
                self.signal_blocked_main();
            }
            match self.sched.pick(level) {
                Pick::Sleep(d) => {
                    sleep_until(self, d);
                }
                Pick::Return => {
                    self.sched.returning = true;
                    return Resume::Return(Err(switch_signal()));
                }
                Pick::Deadlock(i) => {
                    let Some(t) = self.sched.threads.get_mut(i) else {
                        return Resume::Return(Err(deadlock()));
                    };
                    if matches!(t.wait, Wait::Ready) {
                        // Runnable but out of this loop's reach.
                        self.sched.returning = true;
                        return Resume::Return(Err(deadlock()));
                    }
                    t.wait = Wait::Ready;
                    t.result = Some(Err(deadlock()));
                }
                Pick::Run(i) => {
                    self.sched.current = i;
                    self.sync_locals();
                    let t = &mut self.sched.threads[i];
                    let base = match t.home {
                        Home::Base(l) if l != level => Some(l),
                        _ => None,
                    };
                    if std::mem::take(&mut t.parked) {
                        // Its bottom frame ended in a nested wait's loop:
                        // this is the loop its Rust caller waits on.
                        let r = t.result.take().unwrap_or(Ok(Value::None));
                        if let Some(s) = t.saved.take() {
                            self.put_state(s);
                        }
                        self.sched.cur_level = level;
                        self.sched.base = None;
                        return Resume::Return(r);
                    }
                    if let Some(start) = t.start.take() {
                        if let Some(r) = self.start_thread(start, level) {
                            return r;
                        }
                        continue;
                    }
                    let saved = t.saved.take();
                    let result = t.result.take();
                    if let Some(s) = saved {
                        self.put_state(s);
                    }
                    self.sched.cur_level = level;
                    self.sched.base = base;
                    match result {
                        None => return Resume::Continue,
                        Some(Ok(v)) => {
                            self.stack.push(v);
                            return Resume::Continue;
                        }
                        Some(Err(e)) => {
                            let at = self.frames.last().map_or(0, |f| f.ip.saturating_sub(1));
                            return Resume::Raise(e, at as u32);
                        }
                    }
                }
            }
        }
    }

    /// A signal arrived while the main thread is blocked (in a lock, a
    /// sleep, a descriptor wait) and other threads run: its Python handlers
    /// run now, on the main thread's frames, as CPython's main thread has
    /// its blocking system call interrupted to run them (PEP 475). The main
    /// thread then goes on waiting, unless a handler raised: its blocking
    /// call then ends with that exception. Called by the scheduler with no
    /// thread in the VM.
    #[cold]
    #[inline(never)]
    fn signal_blocked_main(&mut self) {
        let main = super::main_ident();
        let Some(i) = self.sched.index_of(main) else {
            return;
        };
        let t = &mut self.sched.threads[i];
        if matches!(t.wait, Wait::Ready) || t.parked || t.start.is_some() {
            // It runs (or will) and handles them itself.
            return;
        }
        let (state, held_at) = match t.saved.take() {
            Some(s) => (s, None),
            None => match self.sched.held.iter().rposition(|(id, _)| *id == main) {
                Some(at) => (self.sched.held.remove(at).1, Some(at)),
                None => return,
            },
        };
        // The handler runs as the main thread, which is runnable meanwhile:
        // a blocking call it makes waits in a nested loop of its own.
        let wait = std::mem::replace(&mut t.wait, Wait::Ready);
        let home = std::mem::replace(&mut t.home, Home::Any);
        let before = self.sched.ident();
        self.sched.current = i;
        self.sync_locals();
        self.put_state(state);
        let r = self.check_signals();
        let state = self.take_state();
        let Some(i) = self.sched.index_of(main) else {
            return;
        };
        let t = &mut self.sched.threads[i];
        match r {
            Ok(()) => t.wait = wait,
            Err(e) => {
                t.wait = Wait::Ready;
                t.result = Some(Err(e));
            }
        }
        t.home = home;
        match held_at {
            None => t.saved = Some(state),
            Some(at) => {
                let at = at.min(self.sched.held.len());
                self.sched.held.insert(at, (main, state));
            }
        }
        self.sched.current = self.sched.index_of(before).unwrap_or(0);
        self.sync_locals();
    }

    /// Starts a thread: a Python function gets its frame at the bottom of a
    /// fresh stack (its return ends the thread); anything else is called from
    /// here and runs to its end (`None`: pick again).
    fn start_thread(&mut self, start: Start, level: usize) -> Option<Resume> {
        self.sched.cur_level = level;
        let Start {
            func,
            args,
            kwnames,
            kwvals,
        } = start;
        let (f, args) = match &func {
            Value::Function(f) => (f.clone(), args),
            Value::Method(m) if matches!(m.1, Value::Function(_)) => {
                let Value::Function(f) = &m.1 else {
                    return None;
                };
                let mut all = Vec::with_capacity(args.len() + 1);
                all.push(m.0.clone());
                all.extend(args);
                (f.clone(), all)
            }
            _ => {
                self.sched.bottom = false;
                let r = self.call_with_kw(&func, &args, &kwnames, &kwvals);
                self.end_thread(r);
                return None;
            }
        };
        self.sched.bottom = true;
        match f.bind(&args, &kwnames, &kwvals) {
            Ok(locals) => {
                self.stack.extend(locals);
                self.frames.push(Frame {
                    code: f.code.borrow().clone(),
                    globals: f.globals.clone(),
                    names: None,
                    base: 0,
                    ret_to: 0,
                    ip: 0,
                    entry: true,
                    generator: None,
                });
                Some(Resume::Continue)
            }
            Err(e) => {
                self.end_thread(Err(e));
                None
            }
        }
    }

    /// The frames a nested wait's loop ran have returned `r`: the waiting
    /// native may go on, or the running thread's bottom frame ended.
    fn nested_loop_ended(&mut self, r: PyResult<Value>, level: usize) -> Resume {
        if std::mem::take(&mut self.sched.returning) {
            return Resume::Return(r);
        }
        match self.sched.base {
            Some(base) if !self.sched.bottom && base != level => self.park_return(r),
            // A thread's own function ended under this loop.
            _ => self.thread_ended(r),
        }
    }

    /// Whether the running thread's frames being run by this loop rest on
    /// another loop's Rust caller (it was resumed here, see [`Home::Base`]):
    /// their return is then parked. Frames called from Rust above this loop
    /// return to their callers as always.
    #[inline]
    pub(crate) fn in_foreign_loop(&self) -> bool {
        self.sched.base.is_some() && self.native_depth == self.sched.cur_level
    }

    /// The running thread's frames returned `r` to this loop, but it runs
    /// here in place of the loop whose Rust caller waits for them (see
    /// [`Home::Base`]): `r` is kept for that loop, another thread runs here.
    #[cold]
    #[inline(never)]
    pub(crate) fn park_return(&mut self, r: PyResult<Value>) -> Resume {
        let base = self.sched.base.unwrap_or(self.sched.cur_level);
        let st = self.take_state();
        let cur = self.sched.current;
        if let Some(t) = self.sched.threads.get_mut(cur) {
            t.wait = Wait::Ready;
            t.home = Home::Base(base);
            t.saved = Some(st);
            t.result = Some(r);
            t.parked = true;
        }
        self.schedule_here()
    }

    /// Runs the frames just pushed for module code (`exec`, an import, the
    /// `-m` module run by `runpy`), in a loop one level deeper. The running
    /// thread's frames rest on this loop's caller until they return, so a
    /// blocking call they make directly switches threads here instead of
    /// waiting in a nested loop ([`Home::Base`] of this depth): the thread
    /// can then be resumed in any loop at this depth or above, not only once
    /// every wait made after its own has ended. (Function calls from Rust do
    /// not do this: a thread whose `__enter__` returned in another loop would
    /// be parked until the thread running in its own loop moves on, which
    /// may be waiting for it.)
    pub(crate) fn run_called_frames(&mut self) -> PyResult<Value> {
        self.native_depth += 1;
        let level = self.sched.cur_level;
        let base = self.sched.base.take();
        let bottom = std::mem::replace(&mut self.sched.bottom, false);
        self.sched.cur_level = self.native_depth;
        self.sched.calls += 1;
        let r = self.run_frames();
        self.sched.calls = self.sched.calls.saturating_sub(1);
        self.sched.cur_level = level;
        self.sched.base = base;
        self.sched.bottom = bottom;
        self.native_depth -= 1;
        r
    }

    /// Waits for `wait` under Rust frames: the thread's state stays with this
    /// call while the other threads run in a loop one level deeper, which
    /// returns once the wait has completed.
    fn wait_nested(&mut self, wait: Wait) -> PyResult<Value> {
        let level = self.native_depth + 1;
        if level >= MAX_NATIVE_DEPTH {
            return Err(PyErr::new(
                ExcKind::RecursionError,
                "maximum recursion depth exceeded",
            ));
        }
        let me = self.sched.ident();
        let saved = self.take_state();
        self.sched.held.push((me, saved));
        let cur = self.sched.current;
        if let Some(t) = self.sched.threads.get_mut(cur) {
            t.wait = wait;
            t.home = Home::Nested(level);
            t.saved = None;
            t.result = None;
        }
        self.native_depth = level;
        let mut next = self.schedule_here();
        let outcome = loop {
            next = match next {
                Resume::Return(r) => break r,
                Resume::Continue => {
                    let r = self.run_frames();
                    self.nested_loop_ended(r, level)
                }
                raise => match self.resume_thread::<false>(raise) {
                    None => Resume::Continue,
                    Some(r) => self.nested_loop_ended(r, level),
                },
            };
        };
        self.sched.returning = false;
        self.native_depth = level - 1;
        // Whatever ran last has been saved or has ended.
        let i = self.sched.index_of(me).unwrap_or(0);
        self.sched.current = i;
        self.sync_locals();
        let result = self.sched.threads.get_mut(i).and_then(|t| {
            t.home = Home::Any;
            t.wait = Wait::Ready;
            t.result.take()
        });
        // Waits end innermost first, so this one's state is normally last.
        let saved = match self.sched.held.iter().rposition(|(id, _)| *id == me) {
            Some(at) => self.sched.held.remove(at).1,
            None => SavedState::default(),
        };
        self.put_state(saved);
        match (result, outcome) {
            (Some(r), _) => r,
            (None, Err(e)) => Err(e),
            (None, Ok(_)) => Err(deadlock()),
        }
    }
}

impl Vm {
    /// What CPython's `Py_FinalizeEx` does first: `threading._shutdown()`,
    /// which waits for the non-daemon threads (and runs
    /// `threading._register_atexit` callbacks). Daemon threads then die.
    pub(crate) fn shutdown_threads(&mut self) {
        let key = self.intern("threading");
        let module = self.modules.borrow().get_str(&key).cloned();
        if let Some(m) = module {
            self.sched.cur_level = self.native_depth + 1;
            let name = self.intern("_shutdown");
            let r = match self.get_attr(&m, &name) {
                Ok(f) => self.call(&f, &[]).map(|_| ()),
                Err(e) if e.is(ExcKind::AttributeError) => Ok(()),
                Err(e) => Err(e),
            };
            if let Err(e) = r {
                self.unraisable(None, &m, &e);
            }
        }
        // What is left (daemon threads) never runs again.
        let main = self.sched.current;
        let mut i = 0;
        self.sched.threads.retain(|_| {
            i += 1;
            i - 1 == main
        });
        self.sched.current = 0;
        self.sync_locals();
        self.disarm_preemption();
    }
}
