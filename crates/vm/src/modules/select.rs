//! `select`: CPython's `Modules/selectmodule.c`, the `select()` function and
//! the `poll` object, which `selectors` (and through it `subprocess`'s
//! `communicate`) waits on.
//!
//! Both go through the `poll` system call (`posix::raw::poll`); `select()`
//! still refuses descriptors from `FD_SETSIZE` up, as CPython's `fd_set`
//! must. `epoll` and `devpoll` are not provided, which makes
//! `selectors.DefaultSelector` the `PollSelector`.

use std::time::{Duration, Instant};

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::native::{
    bind_args, borrow, native_methods, positional, receiver, rest, ClassSpec, SpecFlags,
};
use crate::types::{ExcKind, TypeKind};
use crate::value::Value;
use crate::vm::Vm;

use super::posix::fd::errno_err;
use super::posix::raw::{self, PollFd};
use super::thread::sched::{IoWait, Wait};
use super::{module_functions, new_module};

const POLLIN: i16 = 0x001;
const POLLPRI: i16 = 0x002;
const POLLOUT: i16 = 0x004;
const POLLERR: i16 = 0x008;
const POLLHUP: i16 = 0x010;
const POLLNVAL: i16 = 0x020;

/// Linux's values, as `select.POLLIN` ... report them.
const CONSTANTS: &[(&str, i64)] = &[
    ("POLLIN", 0x001),
    ("POLLPRI", 0x002),
    ("POLLOUT", 0x004),
    ("POLLERR", 0x008),
    ("POLLHUP", 0x010),
    ("POLLNVAL", 0x020),
    ("POLLRDNORM", 0x040),
    ("POLLRDBAND", 0x080),
    ("POLLWRNORM", 0x100),
    ("POLLWRBAND", 0x200),
    ("POLLMSG", 0x400),
    ("POLLRDHUP", 0x2000),
    ("PIPE_BUF", 4096),
];

module_functions!(FUNCTIONS, "select", ["select" => select, "poll" => poll_new]);

/// The registered descriptors of a `poll` object, in registration order
/// (the order `poll()` reports them in).
#[derive(Default)]
struct PollState {
    fds: Vec<(i32, i16)>,
}

native_methods!(POLL_M, "select.poll", [
    "register" => poll_register, "modify" => poll_modify,
    "unregister" => poll_unregister, "poll" => poll_poll,
]);
static POLL: ClassSpec = ClassSpec {
    name: "poll",
    module: "select",
    base: TypeKind::Object,
    methods: POLL_M,
    classmethods: &[],
    props: &[],
    unhashable: false,
    flags: SpecFlags::MUTABLE,
};

/// Builds the `select` module.
pub fn init(_vm: &mut Vm) -> Value {
    let mut extra: Vec<(&str, Value)> =
        CONSTANTS.iter().map(|&(n, v)| (n, Value::Int(v))).collect();
    extra.push((
        "error",
        Value::Type(crate::types::exc_type(ExcKind::OSError)),
    ));
    new_module("select", FUNCTIONS, extra)
}

/// glibc's `FD_SETSIZE`, the bound of `select()`'s descriptor sets.
const FD_SETSIZE: i32 = 1024;

/// `PyObject_AsFileDescriptor`: an int, or what `fileno()` returns.
pub(crate) fn fd_of(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let n = match v {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => vm.index_value(v)?,
        // An int subclass's value counts, not its `fileno()`.
        _ if matches!(
            crate::instance::payload_of(v),
            Some(Value::Int(_) | Value::Bool(_) | Value::BigInt(_))
        ) =>
        {
            vm.index_value(v)?
        }
        _ => {
            let name = vm.intern("fileno");
            let Ok(f) = vm.get_attr(v, &name) else {
                return Err(PyErr::type_error(
                    "argument must be an int, or have a fileno() method.",
                ));
            };
            match vm.call(&f, &[])? {
                r @ (Value::Int(_) | Value::Bool(_) | Value::BigInt(_)) => vm.index_value(&r)?,
                _ => return Err(PyErr::type_error("fileno() returned a non-integer")),
            }
        }
    };
    if n < 0 {
        return Err(PyErr::value_error(format!(
            "file descriptor cannot be a negative integer ({n})"
        )));
    }
    i32::try_from(n).map_err(|_| PyErr::overflow("Python int too large to convert to C int"))
}

/// A timeout in `unit`s per second (1 for `select`'s seconds, 1000 for
/// `poll`'s milliseconds) as a duration, rounded up as CPython's
/// `_PyTime_ROUND_TIMEOUT`; `None` for no timeout. `wrong_type` is the
/// message for an argument that is not a number.
fn timeout_of(v: Option<&Value>, unit: f64, wrong_type: &str) -> PyResult<Option<f64>> {
    let secs = match v {
        None | Some(Value::None) => return Ok(None),
        Some(Value::Float(f)) => *f,
        Some(Value::Int(i)) => *i as f64,
        Some(Value::Bool(b)) => f64::from(u8::from(*b)),
        Some(Value::BigInt(_)) => {
            return Err(PyErr::overflow(
                "timestamp too large to convert to C _PyTime_t",
            ))
        }
        Some(_) => return Err(PyErr::type_error(wrong_type)),
    };
    if secs.is_nan() {
        return Err(PyErr::value_error("Invalid value NaN (not a number)"));
    }
    let secs = secs / unit;
    if secs.abs() > 9.2e9 {
        return Err(PyErr::overflow(
            "timestamp out of range for platform time_t",
        ));
    }
    Ok(Some(secs))
}

/// Polls `fds` until an event, the deadline, or an error; a signal's
/// `EINTR` runs the signal handlers, then restarts the wait with the time
/// that is left (PEP 475).
fn wait(vm: &mut Vm, fds: &mut [PollFd], timeout: Option<Duration>) -> PyResult<usize> {
    poll_until(vm, fds, timeout.map(|t| Instant::now() + t))
}

/// Polls `fds` until an event, `deadline`, or an error (see [`wait`]),
/// blocking the VM's OS thread.
pub(crate) fn poll_until(
    vm: &mut Vm,
    fds: &mut [PollFd],
    deadline: Option<Instant>,
) -> PyResult<usize> {
    loop {
        let ms = match deadline {
            None => -1,
            Some(d) => {
                let left = d.saturating_duration_since(Instant::now());
                // Rounded up, so a wait never ends before its deadline.
                let ms = left.as_nanos().div_ceil(1_000_000);
                i32::try_from(ms).unwrap_or(i32::MAX)
            }
        };
        match raw::poll(fds, ms) {
            Ok(0) if deadline.is_some_and(|d| Instant::now() < d) => continue,
            Ok(n) => return Ok(n),
            Err(e) if e == libc::EINTR => vm.check_signals()?,
            Err(e) => return Err(errno_err(e)),
        }
    }
}

/// `select(rlist, wlist, xlist, timeout=None)`: the ready objects of each list.
fn select(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    // Calling `fileno()` below clears it; the eval loop's call of this native
    // is still direct afterwards.
    let direct = vm.sched.direct;
    let args = positional(&a, "select", 3, 4)?;
    let timeout = timeout_of(args.get(3), 1.0, "timeout must be a float or None")?;
    if timeout.is_some_and(|t| t < 0.0) {
        return Err(PyErr::value_error("timeout must be non-negative"));
    }
    // (object, fd) for each of the three lists.
    let mut lists: Vec<Vec<(Value, i32)>> = Vec::with_capacity(3);
    for v in &args[..3] {
        // `PySequence_Fast` hands a list over as it is, and the walk reads its
        // length afresh at every step: a `fileno()` that grows the list is
        // walked into (and stopped by the `FD_SETSIZE` bound below).
        let live = match v {
            Value::List(l) => Some(l.clone()),
            _ => None,
        };
        let items = match live {
            Some(_) => Vec::new(),
            None => vm.collect(v).map_err(|e| {
                if e.is(ExcKind::TypeError) {
                    PyErr::type_error("arguments 1-3 must be sequences")
                } else {
                    e
                }
            })?,
        };
        let mut out = Vec::with_capacity(items.len());
        for i in 0.. {
            let item = match &live {
                Some(l) => l.borrow().get(i).cloned(),
                None => items.get(i).cloned(),
            };
            let Some(item) = item else { break };
            let fd = fd_of(vm, &item)?;
            // `_PyIsSelectable_fd`: an `fd_set` holds descriptors below
            // `FD_SETSIZE` only.
            if fd >= FD_SETSIZE {
                return Err(PyErr::value_error(
                    "filedescriptor out of range in select()",
                ));
            }
            // Each list holds at most `FD_SETSIZE` entries, repeats counted.
            if out.len() >= FD_SETSIZE as usize {
                return Err(PyErr::value_error("too many file descriptors in select()"));
            }
            out.push((item, fd));
        }
        lists.push(out);
    }
    let wanted = [POLLIN, POLLOUT, POLLPRI];
    let mut fds: Vec<PollFd> = Vec::new();
    for (list, &events) in lists.iter().zip(&wanted) {
        for &(_, fd) in list {
            match fds.iter_mut().find(|p| p.fd == fd) {
                Some(p) => p.events |= events,
                None => fds.push(PollFd {
                    fd,
                    events,
                    revents: 0,
                }),
            }
        }
    }
    let timeout = timeout.map(Duration::from_secs_f64);
    if let Some(io) = io_wait(vm, &fds, timeout) {
        vm.sched.direct = direct;
        let mut lists = Some(lists);
        return block_on_io(vm, io, move |fds| {
            select_result(lists.take().unwrap_or_default(), fds)
        });
    }
    wait(vm, &mut fds, timeout)?;
    select_result(lists, &fds)
}

/// What `select` returns for the polled set `fds`.
fn select_result(lists: Vec<Vec<(Value, i32)>>, fds: &[PollFd]) -> PyResult<Value> {
    if fds.iter().any(|p| p.revents & POLLNVAL != 0) {
        return Err(errno_err(libc::EBADF));
    }
    // What `select` reports for each list: end of file and errors count as
    // readable, errors as writable.
    let ready = [POLLIN | POLLHUP | POLLERR, POLLOUT | POLLERR, POLLPRI];
    let mut result = Vec::with_capacity(3);
    for (list, &mask) in lists.into_iter().zip(&ready) {
        let hit: Vec<Value> = list
            .into_iter()
            .filter(|(_, fd)| fds.iter().any(|p| p.fd == *fd && p.revents & mask != 0))
            .map(|(obj, _)| obj)
            .collect();
        result.push(Value::list(hit));
    }
    Ok(Value::tuple(result))
}

/// The VM's Python threads share one OS thread, so a wait that could block
/// while other threads live is handed to the scheduler (which polls the set
/// between running them) rather than made in `poll(2)`. `None` when this
/// thread is alone or the poll is not to wait at all.
fn io_wait(vm: &Vm, fds: &[PollFd], timeout: Option<Duration>) -> Option<IoWait> {
    if vm.sched.threads.len() < 2 || timeout.is_some_and(|t| t.is_zero()) {
        return None;
    }
    Some(IoWait {
        fds: fds.to_vec(),
        deadline: timeout.map(|t| Instant::now() + t),
        finish: Box::new(|_| Ok(Value::None)),
    })
}

/// Waits through the scheduler; `finish` makes the result from the set.
fn block_on_io(
    vm: &mut Vm,
    mut io: IoWait,
    finish: impl FnMut(&[PollFd]) -> PyResult<Value> + 'static,
) -> PyResult<Value> {
    // Ready already (or an error): no switch.
    if let Ok(n) = raw::poll(&mut io.fds, 0) {
        if n > 0 {
            let mut finish = finish;
            return finish(&io.fds);
        }
    }
    io.finish = Box::new(finish);
    super::thread::switch::block_on(vm, Wait::Io(io), &Value::None)
}

/// `poll()`: a new, empty poll object.
fn poll_new(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    positional(&a, "poll", 0, 0)?;
    Ok(crate::native::new_native(vm, &POLL, PollState::default()))
}

/// An event mask: an unsigned short.
fn mask_of(vm: &mut Vm, v: &Value) -> PyResult<i16> {
    let n = vm.index_value(v)?;
    if n < 0 {
        return Err(PyErr::value_error("value must be positive"));
    }
    u16::try_from(n)
        .map(|m| m as i16)
        .map_err(|_| PyErr::overflow("Python int too large for C unsigned short"))
}

fn poll_register(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<PollState>(&a, "select.poll", "register")?;
    let args = positional(&rest(&a), "register", 1, 2)?;
    let fd = fd_of(vm, &args[0])?;
    let mask = match args.get(1) {
        Some(v) => mask_of(vm, v)?,
        None => POLLIN | POLLPRI | POLLOUT,
    };
    let mut st = borrow(&st)?;
    match st.fds.iter_mut().find(|(f, _)| *f == fd) {
        Some(entry) => entry.1 = mask,
        None => st.fds.push((fd, mask)),
    }
    Ok(Value::None)
}

fn poll_modify(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<PollState>(&a, "select.poll", "modify")?;
    let args = positional(&rest(&a), "modify", 2, 2)?;
    let fd = fd_of(vm, &args[0])?;
    let mask = mask_of(vm, &args[1])?;
    let mut st = borrow(&st)?;
    match st.fds.iter_mut().find(|(f, _)| *f == fd) {
        Some(entry) => {
            entry.1 = mask;
            Ok(Value::None)
        }
        None => Err(errno_err(libc::ENOENT)),
    }
}

fn poll_unregister(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<PollState>(&a, "select.poll", "unregister")?;
    let args = positional(&rest(&a), "unregister", 1, 1)?;
    let fd = fd_of(vm, &args[0])?;
    let mut st = borrow(&st)?;
    match st.fds.iter().position(|(f, _)| *f == fd) {
        Some(i) => {
            st.fds.remove(i);
            Ok(Value::None)
        }
        None => Err(PyErr::key_error(Value::Int(i64::from(fd)))),
    }
}

/// `poll(timeout=None)`: `(fd, events)` pairs of the ready descriptors; a
/// timeout in milliseconds, `None` or negative to wait for ever.
fn poll_poll(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    // As in `select`: the timeout's conversion may call Python code.
    let direct = vm.sched.direct;
    let st = receiver::<PollState>(&a, "select.poll", "poll")?;
    let b = bind_args(&rest(&a), "poll", &["timeout"], 0)?;
    let timeout = timeout_of(b[0], 1000.0, "timeout must be an integer or None")?
        .filter(|t| *t >= 0.0)
        .map(Duration::from_secs_f64);
    let mut fds: Vec<PollFd> = borrow(&st)?
        .fds
        .iter()
        .map(|&(fd, events)| PollFd {
            fd,
            events,
            revents: 0,
        })
        .collect();
    if let Some(io) = io_wait(vm, &fds, timeout) {
        vm.sched.direct = direct;
        return block_on_io(vm, io, poll_result);
    }
    wait(vm, &mut fds, timeout)?;
    poll_result(&fds)
}

/// What `poll.poll` returns for the polled set `fds`.
fn poll_result(fds: &[PollFd]) -> PyResult<Value> {
    let ready: Vec<Value> = fds
        .iter()
        .filter(|p| p.revents != 0)
        .map(|p| {
            Value::tuple(vec![
                Value::Int(i64::from(p.fd)),
                Value::Int(i64::from(p.revents as u16)),
            ])
        })
        .collect();
    Ok(Value::list(ready))
}
