//! The C library's signal calls (`sigaction`, `pthread_sigmask`, `alarm`,
//! `setitimer`, `pause`, `raise`, `sigwait`, ...) as safe functions over
//! plain integers, and the C-level handler of `_signal`.
//!
//! A place where the VM may use `unsafe`, as `posix::raw`. The handler is
//! what `signalmodule.c`'s `signal_handler` is: async-signal-safe, it only
//! sets the signal's "tripped" flag and the global "pending" flag (atomics
//! the eval loop reads) and writes the signal number to the wakeup
//! descriptor. The Python handlers run later, on the VM's thread, when the
//! loop or a blocking call sees the pending flag.
#![allow(unsafe_code)]

use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::time::Duration;

use super::posix::raw::{check, SysResult};

/// `NSIG` on Linux: signals are 1..=64.
pub(crate) const NSIG: usize = 65;

/// One flag per signal: delivered, its Python handler not yet run.
static TRIPPED: [AtomicBool; NSIG] = [const { AtomicBool::new(false) }; NSIG];

/// Some signal is tripped: the one flag the eval loop polls.
static PENDING: AtomicBool = AtomicBool::new(false);

/// `set_wakeup_fd`'s descriptor, or -1.
static WAKEUP_FD: AtomicI32 = AtomicI32::new(-1);

/// The errno of the last failed write to the wakeup descriptor (0: none),
/// reported from the VM's thread as CPython's pending call does.
static WAKEUP_ERROR: AtomicI32 = AtomicI32::new(0);

/// Whether a failed wakeup write is reported.
static WAKEUP_WARN: AtomicBool = AtomicBool::new(true);

/// Whether some signal awaits its Python handler. One relaxed load: the
/// eval loop's check.
#[inline(always)]
pub(crate) fn pending() -> bool {
    PENDING.load(Ordering::Relaxed)
}

/// Clears the pending flag, telling whether it was set.
pub(crate) fn take_pending() -> bool {
    PENDING.swap(false, Ordering::SeqCst)
}

/// Sets the pending flag again (handlers left to run after an error).
pub(crate) fn set_pending() {
    PENDING.store(true, Ordering::SeqCst);
}

/// Clears signal `n`'s tripped flag, telling whether it was set.
pub(crate) fn take_tripped(n: usize) -> bool {
    TRIPPED
        .get(n)
        .is_some_and(|t| t.swap(false, Ordering::SeqCst))
}

/// Marks signal `n` as delivered without the OS (`_thread.interrupt_main`,
/// `PyErr_SetInterruptEx`).
pub(crate) fn trip(n: usize) {
    if let Some(t) = TRIPPED.get(n) {
        t.store(true, Ordering::SeqCst);
        PENDING.store(true, Ordering::SeqCst);
    }
}

/// Sets the wakeup descriptor, giving the previous one.
pub(crate) fn set_wakeup_fd(fd: i32, warn: bool) -> i32 {
    WAKEUP_WARN.store(warn, Ordering::SeqCst);
    WAKEUP_FD.swap(fd, Ordering::SeqCst)
}

/// The errno of a failed wakeup write since the last call, if it is to be
/// reported.
pub(crate) fn take_wakeup_error() -> Option<i32> {
    let e = WAKEUP_ERROR.swap(0, Ordering::SeqCst);
    (e != 0).then_some(e)
}

/// The C handler of every signal with a Python handler.
extern "C" fn on_signal(sig: libc::c_int) {
    // SAFETY: `__errno_location` gives this thread's errno slot; the handler
    // must leave errno as the interrupted code had it.
    let saved = unsafe { *libc::__errno_location() };
    if let Some(t) = usize::try_from(sig).ok().and_then(|n| TRIPPED.get(n)) {
        t.store(true, Ordering::SeqCst);
    }
    PENDING.store(true, Ordering::SeqCst);
    let fd = WAKEUP_FD.load(Ordering::SeqCst);
    if fd >= 0 {
        let byte = sig as u8;
        // SAFETY: `write` is async-signal-safe; `byte` is a live local.
        let n = unsafe { libc::write(fd, (&byte as *const u8).cast(), 1) };
        if n < 0 {
            // SAFETY: as above, reading this thread's errno.
            let e = unsafe { *libc::__errno_location() };
            let full = e == libc::EAGAIN || e == libc::EWOULDBLOCK;
            if !full || WAKEUP_WARN.load(Ordering::SeqCst) {
                WAKEUP_ERROR.store(e, Ordering::SeqCst);
                PENDING.store(true, Ordering::SeqCst);
            }
        }
    }
    // SAFETY: restoring the value read above into the same slot.
    unsafe { *libc::__errno_location() = saved };
}

/// What the OS does on a signal.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Action {
    /// `SIG_DFL`.
    Default,
    /// `SIG_IGN`.
    Ignore,
    /// This module's handler (a Python handler runs).
    Catch,
    /// A handler installed by someone else.
    Foreign,
}

fn empty_set() -> libc::sigset_t {
    // SAFETY: `sigset_t` is plain data; `sigemptyset` then initialises it.
    let mut set: libc::sigset_t = unsafe { std::mem::zeroed() };
    // SAFETY: `set` is a valid sigset_t.
    unsafe { libc::sigemptyset(&mut set) };
    set
}

fn action_of(sa: &libc::sigaction) -> Action {
    match sa.sa_sigaction {
        libc::SIG_DFL => Action::Default,
        libc::SIG_IGN => Action::Ignore,
        h if h == on_signal as *const () as libc::sighandler_t => Action::Catch,
        _ => Action::Foreign,
    }
}

/// The current action of signal `sig`.
pub(crate) fn get_action(sig: i32) -> SysResult<Action> {
    // SAFETY: plain data, filled by the kernel below.
    let mut old: libc::sigaction = unsafe { std::mem::zeroed() };
    // SAFETY: a null new action only reads; `old` is ours.
    check(unsafe { libc::sigaction(sig, std::ptr::null(), &mut old) })?;
    Ok(action_of(&old))
}

/// Installs `action` (not `Foreign`) for `sig` as CPython's `PyOS_setsig`
/// does (`SA_ONSTACK`, no `SA_RESTART`: a signal interrupts system calls),
/// giving the previous action.
pub(crate) fn set_action(sig: i32, action: Action) -> SysResult<Action> {
    let handler = match action {
        Action::Default | Action::Foreign => libc::SIG_DFL,
        Action::Ignore => libc::SIG_IGN,
        Action::Catch => on_signal as *const () as libc::sighandler_t,
    };
    // SAFETY: plain data; every field the kernel reads is set below.
    let mut new: libc::sigaction = unsafe { std::mem::zeroed() };
    new.sa_sigaction = handler;
    new.sa_mask = empty_set();
    new.sa_flags = libc::SA_ONSTACK;
    // SAFETY: as above.
    let mut old: libc::sigaction = unsafe { std::mem::zeroed() };
    // SAFETY: `new` and `old` are live sigaction values; `on_signal` only
    // touches atomics and calls `write`.
    check(unsafe { libc::sigaction(sig, &new, &mut old) })?;
    Ok(action_of(&old))
}

/// `siginterrupt(sig, flag)`: whether a system call interrupted by `sig` is
/// restarted (`SA_RESTART` off when `flag`).
pub(crate) fn siginterrupt(sig: i32, flag: bool) -> SysResult<()> {
    // SAFETY: plain data, filled by the kernel.
    let mut sa: libc::sigaction = unsafe { std::mem::zeroed() };
    // SAFETY: reading the current action into `sa`.
    check(unsafe { libc::sigaction(sig, std::ptr::null(), &mut sa) })?;
    if flag {
        sa.sa_flags &= !libc::SA_RESTART;
    } else {
        sa.sa_flags |= libc::SA_RESTART;
    }
    // SAFETY: writing back the action just read, with one flag changed.
    check(unsafe { libc::sigaction(sig, &sa, std::ptr::null_mut()) }).map(|_| ())
}

/// A set of signals, as the kernel holds it.
#[derive(Clone, Copy)]
pub struct SigSet(libc::sigset_t);

impl SigSet {
    /// The set of `signals` (each in `1..NSIG`).
    pub(crate) fn of(signals: &[i32]) -> SigSet {
        let mut set = empty_set();
        for &s in signals {
            // SAFETY: `set` is initialised; an invalid number is refused
            // with EINVAL, nothing else.
            unsafe { libc::sigaddset(&mut set, s) };
        }
        SigSet(set)
    }

    /// The members, in increasing order.
    pub(crate) fn members(&self) -> Vec<i32> {
        (1..NSIG as i32)
            // SAFETY: `self.0` is an initialised set; reading only.
            .filter(|&s| unsafe { libc::sigismember(&self.0, s) } == 1)
            .collect()
    }
}

/// `pthread_sigmask(how, set)`: the previous mask of the calling thread.
pub(crate) fn pthread_sigmask(how: i32, set: Option<&SigSet>) -> SysResult<SigSet> {
    let mut old = empty_set();
    let new = set.map_or(std::ptr::null(), |s| &s.0 as *const libc::sigset_t);
    // SAFETY: `new` is null or a live set; `old` is ours. The call returns
    // an error number rather than setting errno.
    let r = unsafe { libc::pthread_sigmask(how, new, &mut old) };
    if r != 0 {
        return Err(r);
    }
    Ok(SigSet(old))
}

/// Blocks every signal in the calling thread, giving the previous mask
/// (to hand to [`restore_mask`] in a thread that should get signals).
pub fn block_all() -> Option<SigSet> {
    let mut all = empty_set();
    // SAFETY: `all` is a valid set for `sigfillset` to fill.
    unsafe { libc::sigfillset(&mut all) };
    pthread_sigmask(libc::SIG_BLOCK, Some(&SigSet(all))).ok()
}

/// Sets the calling thread's mask to `mask`.
pub fn restore_mask(mask: &SigSet) {
    let _ = pthread_sigmask(libc::SIG_SETMASK, Some(mask));
}

/// `sigpending()`.
pub(crate) fn sigpending() -> SysResult<SigSet> {
    let mut set = empty_set();
    // SAFETY: `set` is ours to fill.
    check(unsafe { libc::sigpending(&mut set) })?;
    Ok(SigSet(set))
}

/// `sigwait(set)`: the signal taken, or the error number (EINTR included).
pub(crate) fn sigwait(set: &SigSet) -> SysResult<i32> {
    let mut sig: libc::c_int = 0;
    // SAFETY: `set` is a live set, `sig` ours; returns an error number.
    let r = unsafe { libc::sigwait(&set.0, &mut sig) };
    if r != 0 {
        return Err(r);
    }
    Ok(sig)
}

/// `sigtimedwait(set, 0)`: a signal of `set` already pending, taken, or
/// `Err(EAGAIN)` when none is.
pub(crate) fn sigpoll(set: &SigSet) -> SysResult<i32> {
    let zero = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `set` and `zero` are live; no siginfo is asked for.
    check(unsafe { libc::sigtimedwait(&set.0, std::ptr::null_mut(), &zero) })
}

/// `alarm(seconds)`: the seconds left of the previous alarm.
pub(crate) fn alarm(seconds: u32) -> u32 {
    // SAFETY: plain integer call.
    unsafe { libc::alarm(seconds) }
}

/// `pause()`: returns when a signal handler has run (always EINTR).
pub(crate) fn pause() {
    // SAFETY: blocks until a signal; no memory is involved.
    unsafe { libc::pause() };
}

/// `raise(sig)`.
pub(crate) fn raise(sig: i32) -> SysResult<()> {
    // SAFETY: plain integer call.
    check(unsafe { libc::raise(sig) }).map(|_| ())
}

/// `pthread_kill(pthread_self(), sig)`: every Python thread of the VM runs
/// on the calling OS thread. Gives the error number on failure.
pub(crate) fn kill_this_thread(sig: i32) -> SysResult<()> {
    // SAFETY: the calling thread's own handle is valid.
    let r = unsafe { libc::pthread_kill(libc::pthread_self(), sig) };
    if r != 0 {
        return Err(r);
    }
    Ok(())
}

/// An interval timer's `(delay, interval)` in seconds.
pub(crate) type Timer = (f64, f64);

fn to_timeval(s: f64) -> libc::timeval {
    let mut sec = s.trunc();
    // Rounded up, as CPython's `_PyTime_ROUND_CEILING`: a tiny positive
    // delay still arms the timer.
    let mut usec = ((s - sec) * 1e6).ceil();
    if usec >= 1e6 {
        sec += 1.0;
        usec -= 1e6;
    }
    libc::timeval {
        tv_sec: sec as libc::time_t,
        tv_usec: usec as libc::suseconds_t,
    }
}

fn from_timeval(t: libc::timeval) -> f64 {
    t.tv_sec as f64 + t.tv_usec as f64 * 1e-6
}

fn timer_of(v: &libc::itimerval) -> Timer {
    (from_timeval(v.it_value), from_timeval(v.it_interval))
}

/// `setitimer(which, (delay, interval))`: the previous timer.
pub(crate) fn setitimer(which: i32, t: Timer) -> SysResult<Timer> {
    let new = libc::itimerval {
        it_value: to_timeval(t.0),
        it_interval: to_timeval(t.1),
    };
    // SAFETY: plain data, filled by the kernel.
    let mut old: libc::itimerval = unsafe { std::mem::zeroed() };
    // SAFETY: `new` and `old` are live itimerval values.
    check(unsafe { libc::setitimer(which, &new, &mut old) })?;
    Ok(timer_of(&old))
}

/// `getitimer(which)`.
pub(crate) fn getitimer(which: i32) -> SysResult<Timer> {
    // SAFETY: plain data, filled by the kernel.
    let mut cur: libc::itimerval = unsafe { std::mem::zeroed() };
    // SAFETY: `cur` is ours to fill.
    check(unsafe { libc::getitimer(which, &mut cur) })?;
    Ok(timer_of(&cur))
}

/// Sleeps for `d`; a signal ends the sleep early with `Err(EINTR)`
/// (`std::thread::sleep` would sleep on).
pub(crate) fn nanosleep(d: Duration) -> SysResult<()> {
    let req = libc::timespec {
        tv_sec: d.as_secs().min(i64::MAX as u64) as libc::time_t,
        tv_nsec: libc::c_long::from(d.subsec_nanos() as i32),
    };
    // SAFETY: `req` is a live timespec; no remainder is asked for.
    check(unsafe { libc::nanosleep(&req, std::ptr::null_mut()) }).map(|_| ())
}

/// `fstat(fd)` succeeds, and whether `O_NONBLOCK` is set on it.
pub(crate) fn fd_nonblocking(fd: i32) -> SysResult<bool> {
    // SAFETY: fcntl on an integer descriptor.
    let fl = check(unsafe { libc::fcntl(fd, libc::F_GETFL) })?;
    Ok(fl & libc::O_NONBLOCK != 0)
}
