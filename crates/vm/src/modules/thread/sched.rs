//! The green-thread scheduler's data: one record per live Python thread, what
//! each blocked thread waits for, and the choice of the next thread to run.
//!
//! Every Python thread runs on the VM's one OS thread. A thread that is not
//! running keeps its whole VM state (value stack, frame stack, `exc_info`)
//! in its record; switching swaps those vectors, so no value moves. Where a
//! thread can be resumed depends on what lies under its frames (see [`Home`]).

use std::time::{Duration, Instant};

use crate::exc::PyResult;
use crate::value::Value;
use crate::vm::Frame;

use super::lock::{Lock, RLock};
use crate::modules::posix::raw::PollFd;

/// The per-thread part of the VM, saved while the thread does not run.
#[derive(Default)]
pub(crate) struct SavedState {
    pub(crate) stack: Vec<Value>,
    pub(crate) frames: Vec<Frame>,
    pub(crate) exc_info: Value,
    pub(crate) return_hooks: Vec<(usize, crate::vm::ReturnHook)>,
    /// Whether the bottom frame is the thread's own function (its return ends
    /// the thread) rather than a frame some Rust caller waits for.
    pub(crate) bottom: bool,
    /// The eval-loop depth (`native_depth`) the thread was resumed at.
    pub(crate) level: usize,
    /// See [`Sched::base`].
    pub(crate) base: Option<usize>,
    /// See [`Sched::calls`].
    pub(crate) calls: u32,
}

/// What a blocked thread waits for. The scheduler completes the operation on
/// the thread's behalf (takes the lock, ends the sleep) and hands the result
/// to the thread when it resumes, so the blocking call is never retried.
pub(crate) enum Wait {
    /// Runnable.
    Ready,
    /// `_thread.lock.acquire`: the lock instance.
    Lock {
        lock: Value,
        deadline: Option<Instant>,
    },
    /// `RLock.acquire` or `_acquire_restore`: the count to take the lock
    /// with, and what the call returns once it has the lock.
    RLock {
        lock: Value,
        count: u64,
        success: Value,
        deadline: Option<Instant>,
    },
    /// `time.sleep` until then.
    Sleep(Instant),
    /// `select`/`poll` on descriptors: other threads run meanwhile.
    Io(IoWait),
    /// A condition no thread of this process signals (another process's
    /// semaphore post): looked at again every few milliseconds.
    Poll(PollWait),
}

/// Tries to complete a [`Wait::Poll`]: the call's result once it is done.
pub(crate) type PollProbe = Box<dyn FnMut() -> Option<PyResult<Value>>>;

/// A wait on a condition only a probe can see, up to a deadline.
pub(crate) struct PollWait {
    pub(crate) probe: PollProbe,
    pub(crate) deadline: Option<Instant>,
    /// The call's result when the deadline passes first.
    pub(crate) expired: Value,
}

impl PollWait {
    /// Probes once: the call's result when it is done or has timed out.
    pub(crate) fn try_complete(&mut self, now: Instant) -> Option<PyResult<Value>> {
        if let Some(r) = (self.probe)() {
            return Some(r);
        }
        let expired = self.deadline.is_some_and(|d| now >= d);
        expired.then(|| Ok(self.expired.clone()))
    }

    /// When to probe next.
    pub(crate) fn next_look(&self) -> Instant {
        let soon = Instant::now() + IO_RECHECK;
        self.deadline.map_or(soon, |d| d.min(soon))
    }
}

/// How often the scheduler looks again at descriptors a thread waits on when
/// nothing else can run (it has no way to wait on them and the others' locks
/// and deadlines at once).
const IO_RECHECK: Duration = Duration::from_millis(2);

/// Makes a blocking call's result from its polled descriptor set.
pub(crate) type IoFinish = Box<dyn FnMut(&[PollFd]) -> PyResult<Value>>;

/// A wait for descriptors to become ready (a `poll(2)` set), up to a deadline.
pub(crate) struct IoWait {
    pub(crate) fds: Vec<PollFd>,
    pub(crate) deadline: Option<Instant>,
    /// Makes the call's result from the polled set once a descriptor is
    /// ready or the deadline has passed (the `revents` are then all 0).
    pub(crate) finish: IoFinish,
}

impl IoWait {
    /// Polls without waiting: the call's result when it is done.
    fn try_complete(&mut self, now: Instant) -> Option<PyResult<Value>> {
        match crate::modules::posix::raw::poll(&mut self.fds, 0) {
            Ok(0) if self.deadline.map_or(true, |d| now < d) => None,
            Ok(_) => Some((self.finish)(&self.fds)),
            // A signal: look again later (its handlers run on the main thread).
            Err(libc::EINTR) => None,
            Err(e) => Some(Err(crate::modules::posix::fd::errno_err(e))),
        }
    }
}

impl Wait {
    fn deadline(&self) -> Option<Instant> {
        match self {
            Wait::Ready => None,
            Wait::Lock { deadline, .. } | Wait::RLock { deadline, .. } => *deadline,
            Wait::Sleep(d) => Some(*d),
            Wait::Io(io) => {
                let soon = Instant::now() + IO_RECHECK;
                Some(io.deadline.map_or(soon, |d| d.min(soon)))
            }
            Wait::Poll(p) => Some(p.next_look()),
        }
    }

    /// Completes the wait if its condition holds now: the call's result.
    fn try_complete(&mut self, ident: i64, now: Instant) -> Option<PyResult<Value>> {
        match self {
            Wait::Io(io) => return io.try_complete(now),
            Wait::Poll(p) => return p.try_complete(now),
            _ => {}
        }
        self.try_complete_value(ident, now).map(Ok)
    }

    fn try_complete_value(&self, ident: i64, now: Instant) -> Option<Value> {
        let expired = self.deadline().is_some_and(|d| now >= d);
        match self {
            Wait::Ready | Wait::Io(_) | Wait::Poll(_) => Some(Value::None),
            Wait::Lock { lock, .. } => {
                let st = crate::native::state_of::<Lock>(lock)?;
                let mut l = st.try_borrow_mut().ok()?;
                if !l.locked {
                    l.locked = true;
                    return Some(Value::Bool(true));
                }
                expired.then_some(Value::Bool(false))
            }
            Wait::RLock {
                lock,
                count,
                success,
                ..
            } => {
                let st = crate::native::state_of::<RLock>(lock)?;
                let mut l = st.try_borrow_mut().ok()?;
                if l.count == 0 {
                    l.count = *count;
                    l.owner = ident;
                    return Some(success.clone());
                }
                expired.then_some(Value::Bool(false))
            }
            Wait::Sleep(_) => expired.then_some(Value::None),
        }
    }
}

/// Which eval loop may resume a thread that is not running.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Home {
    /// Its frames rest on nothing but its own function: any loop can swap
    /// them in.
    Any,
    /// Its bottom frame returns to a Rust caller of the loop at this depth
    /// (the main thread, or module code): the loop at this depth, or a
    /// nested wait's loop above it whose waiter waits on a descriptor, can
    /// swap it in; that return, made in another loop, is parked for this one.
    Base(usize),
    /// It waits inside a Rust native (a blocking call made under Rust
    /// frames), which runs other threads in a loop at this depth; that loop
    /// returns to let it go on.
    Nested(usize),
}

/// What `_thread.start_new_thread` was given, kept until the thread first runs.
pub(crate) struct Start {
    pub(crate) func: Value,
    pub(crate) args: Vec<Value>,
    pub(crate) kwnames: Vec<Value>,
    pub(crate) kwvals: Vec<Value>,
}

/// One live Python thread.
pub(crate) struct Thread {
    pub(crate) ident: i64,
    /// Its state while another thread runs (`None` while it runs, or while a
    /// Rust frame holds it: [`Home::Nested`]).
    pub(crate) saved: Option<SavedState>,
    /// Not started yet.
    pub(crate) start: Option<Start>,
    pub(crate) wait: Wait,
    pub(crate) home: Home,
    /// The result of its blocking call, handed over when it resumes.
    pub(crate) result: Option<PyResult<Value>>,
    /// The lock `_set_sentinel` gave it, released when it ends.
    pub(crate) sentinel: Option<Value>,
    /// The function it was started with (for reports).
    pub(crate) func: Value,
    /// Its bottom frame returned (or raised) in a loop other than the one
    /// whose Rust caller waits for it: `result` is what that loop returns,
    /// once the thread is picked there.
    pub(crate) parked: bool,
}

impl Thread {
    pub(crate) fn new(ident: i64, home: Home) -> Thread {
        Thread {
            ident,
            saved: None,
            start: None,
            wait: Wait::Ready,
            home,
            result: None,
            sentinel: None,
            func: Value::None,
            parked: false,
        }
    }
}

/// A request from a blocking native to the eval loop: switch this thread out
/// until `wait` completes.
pub(crate) struct Block {
    pub(crate) wait: Wait,
    /// The object whose method blocked (a `with` statement's manager).
    pub(crate) recv: Value,
    /// A switch-interval tick rather than a blocking call.
    pub(crate) preempt: bool,
}

/// How many backward jumps and calls a thread runs before another may run
/// (CPython switches every `sys.getswitchinterval()` seconds, 5 ms).
const DEFAULT_SWITCH_STEPS: u64 = 20_000;

/// The scheduler: all live threads, the running one first among equals.
pub(crate) struct Sched {
    pub(crate) threads: Vec<Thread>,
    /// Index of the running thread in `threads`.
    pub(crate) current: usize,
    /// See [`SavedState::level`] and [`SavedState::bottom`], for the running thread.
    pub(crate) cur_level: usize,
    pub(crate) bottom: bool,
    /// For a running thread whose bottom frame returns to a Rust caller
    /// (the main thread), the depth of that caller's loop when the thread
    /// runs in another loop (a nested wait's): `None` when it is `cur_level`.
    pub(crate) base: Option<usize>,
    /// How many calls from Rust into Python the running thread is inside:
    /// a switch interval's end switches only outside them (a Rust caller
    /// may hold a borrow that another thread's code would run into).
    pub(crate) calls: u32,
    /// Set by the eval loop just before it calls a native directly (and
    /// cleared by calls from Rust): a blocking native may then ask the loop
    /// to switch threads instead of waiting under Rust frames.
    pub(crate) direct: bool,
    /// A pending switch request for the eval loop.
    pub(crate) signal: Option<Block>,
    /// Set when a loop returns so that the native waiting under it resumes.
    pub(crate) returning: bool,
    /// Steps of the step limit not yet handed to `Vm::steps_left` (which,
    /// while several threads live, holds at most one switch interval).
    pub(crate) reserve: u64,
    pub(crate) switch_steps: u64,
    pub(crate) switch_interval: f64,
    /// What `_thread.stack_size` last set (0: the platform's default).
    pub(crate) stack_size: i64,
    /// Every `_thread._local` made (`local.rs`).
    pub(crate) locals: Vec<std::rc::Weak<crate::instance::Instance>>,
    /// The states of threads waiting under Rust frames ([`Home::Nested`]),
    /// innermost wait last: the wait gives its state back when it ends.
    /// They are kept here rather than on the Rust stack so that
    /// `sys._current_frames()` can read every thread's frames.
    pub(crate) held: Vec<(i64, SavedState)>,
    /// A Python function a native called directly by the eval loop asked
    /// the loop to run in its place (see [`Vm::request_tail_call`]).
    pub(crate) tail: Option<TailCall>,
    next_ident: i64,
}

/// A call the eval loop makes as an ordinary frame in place of the native
/// that asked for it: its result is the native call's result.
pub(crate) struct TailCall {
    pub(crate) func: std::rc::Rc<crate::func::Function>,
    /// Positional arguments, then the values of `kwnames`.
    pub(crate) args: Vec<Value>,
    pub(crate) kwnames: Vec<Value>,
}

impl Default for Sched {
    fn default() -> Self {
        let main = super::main_ident();
        Sched {
            threads: vec![Thread::new(main, Home::Base(1))],
            current: 0,
            cur_level: 1,
            bottom: false,
            base: None,
            calls: 0,
            direct: false,
            signal: None,
            returning: false,
            reserve: 0,
            switch_steps: DEFAULT_SWITCH_STEPS,
            switch_interval: 0.005,
            stack_size: 0,
            locals: Vec::new(),
            held: Vec::new(),
            tail: None,
            next_ident: main,
        }
    }
}

/// The scheduler's choice for the loop at some depth.
pub(crate) enum Pick {
    /// Swap this thread in (or start it) here.
    Run(usize),
    /// The thread waiting in the native under this loop may go on.
    Return,
    /// Nothing can run, and nothing will ever: this thread gets the error.
    Deadlock(usize),
    /// Nothing can run before then.
    Sleep(Instant),
}

impl Sched {
    /// The running thread's identifier.
    pub(crate) fn ident(&self) -> i64 {
        self.threads.get(self.current).map_or(0, |t| t.ident)
    }

    /// A fresh thread identifier.
    pub(crate) fn new_ident(&mut self) -> i64 {
        self.next_ident += 0x1_0000;
        self.next_ident
    }

    /// Index of the thread with this identifier.
    pub(crate) fn index_of(&self, ident: i64) -> Option<usize> {
        self.threads.iter().position(|t| t.ident == ident)
    }

    /// Chooses what the loop at depth `level` does next. The running thread has
    /// been saved (or has ended) before this is called.
    pub(crate) fn pick(&mut self, level: usize) -> Pick {
        {
            // A thread waiting on a descriptor in the loop at this depth may
            // wait for the main thread, which then runs here (its frames rest
            // on an outer loop); so may one polling another process's
            // semaphore. Not for lock waits: a main thread that ran above
            // them and blocked there would hold them until it goes on.
            let io_nested = self.threads.iter().any(|t| {
                t.home == Home::Nested(level) && matches!(t.wait, Wait::Io(_) | Wait::Poll(_))
            });
            let now = Instant::now();
            let n = self.threads.len();
            let mut earliest: Option<Instant> = None;
            for k in 1..=n {
                let i = (self.current + k) % n;
                let t = &mut self.threads[i];
                if t.start.is_none() && t.saved.is_none() && !matches!(t.home, Home::Nested(_)) {
                    continue; // running (cannot happen here) or gone
                }
                if !matches!(t.wait, Wait::Ready) {
                    match t.wait.try_complete(t.ident, now) {
                        Some(r) => {
                            t.wait = Wait::Ready;
                            t.result = Some(r);
                        }
                        None => {
                            if let Some(d) = t.wait.deadline() {
                                earliest = Some(earliest.map_or(d, |e| e.min(d)));
                            }
                            continue;
                        }
                    }
                }
                match t.home {
                    Home::Any => return Pick::Run(i),
                    // Its frames end with a return to the Rust caller of the
                    // loop at `l`: only that loop can hand it over.
                    Home::Base(l) if t.parked && l != level => {}
                    // A loop above its own can run a thread whose frames rest
                    // on another loop's Rust caller (no loop above that one
                    // returns before it): their return there is parked.
                    Home::Base(l) if l == level || io_nested => return Pick::Run(i),
                    Home::Nested(l) if l == level => return Pick::Return,
                    _ => {}
                }
            }
            if let Some(d) = earliest {
                return Pick::Sleep(d.max(now + Duration::from_micros(50)));
            }
            Pick::Deadlock(self.deadlock_victim(level))
        }
    }

    /// The thread that raises when nothing can go on: the one whose Rust
    /// caller or loop is this one, else any blocked thread.
    fn deadlock_victim(&self, level: usize) -> usize {
        let here = |t: &Thread| matches!(t.home, Home::Base(l) | Home::Nested(l) if l == level);
        self.threads
            .iter()
            .position(|t| here(t) && !matches!(t.wait, Wait::Ready))
            .or_else(|| {
                self.threads.iter().position(|t| {
                    t.home == Home::Any && t.saved.is_some() && !matches!(t.wait, Wait::Ready)
                })
            })
            .or_else(|| self.threads.iter().position(here))
            .unwrap_or(0)
    }
}
