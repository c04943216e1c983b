//! `_socket.socket`: a descriptor with its family, type, protocol and
//! timeout, and the methods `socket.py` builds on.
//!
//! Timeouts follow CPython: `None` is blocking mode; any number puts the
//! descriptor in non-blocking mode, and a positive one waits for readiness
//! with `poll` before each call, raising `TimeoutError('timed out')` when
//! the time runs out. A call that would block in non-blocking mode raises
//! `BlockingIOError`, which `asyncio`'s selector loop relies on.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::{Duration, Instant};

use crate::buffer::bytes_like;
use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::modules::thread::sched::{IoWait, Wait};
use crate::modules::thread::switch::block_on;
use crate::native::{
    bind_args, cls_arg, native_fn, native_methods, new_object, positional, receiver, rest,
    ClassSpec, PropSpec, SpecFlags,
};
use crate::types::{type_name, ExcKind, TypeKind};
use crate::value::Value;
use crate::vm::Vm;

use super::super::posix::fd::errno_err;
use super::super::posix::raw as praw;
use super::addr::{from_value, to_value};
use super::raw::{self, SockAddr};
use super::{AF_INET, AF_UNIX};

const SOCK_STREAM: i32 = 1;
const SOCK_NONBLOCK: i32 = libc::SOCK_NONBLOCK;
const SOCK_CLOEXEC: i32 = libc::SOCK_CLOEXEC;

thread_local! {
    /// `setdefaulttimeout`'s value: negative for none.
    static DEFAULT_TIMEOUT: Cell<f64> = const { Cell::new(-1.0) };
}

/// The state of a socket object.
#[derive(Debug)]
pub(crate) struct Sock {
    /// The descriptor; `-1` once closed or detached.
    fd: i32,
    family: i32,
    ty: i32,
    proto: i32,
    /// Seconds; negative for blocking mode (`None`).
    timeout: f64,
}

impl Drop for Sock {
    /// A socket that is collected unclosed closes its descriptor.
    fn drop(&mut self) {
        if self.fd >= 0 {
            let _ = praw::close(self.fd);
        }
    }
}

native_methods!(SOCKET_M, "_socket.socket", [
    "__new__" => sock_new, "__init__" => sock_init, "__repr__" => sock_repr,
    "_accept" => sock_accept, "bind" => sock_bind, "close" => sock_close,
    "connect" => sock_connect, "connect_ex" => sock_connect_ex,
    "detach" => sock_detach, "fileno" => sock_fileno,
    "getpeername" => sock_getpeername, "getsockname" => sock_getsockname,
    "getsockopt" => sock_getsockopt, "setsockopt" => sock_setsockopt,
    "listen" => sock_listen, "recv" => sock_recv, "recv_into" => sock_recv_into,
    "recvfrom" => sock_recvfrom, "recvfrom_into" => sock_recvfrom_into, "send" => sock_send, "sendall" => sock_sendall,
    "sendto" => sock_sendto, "setblocking" => sock_setblocking,
    "getblocking" => sock_getblocking, "settimeout" => sock_settimeout,
    "gettimeout" => sock_gettimeout, "shutdown" => sock_shutdown,
]);
native_fn!(FAMILY_GET, "family", "_socket.socket", get_family);
native_fn!(TYPE_GET, "type", "_socket.socket", get_type);
native_fn!(PROTO_GET, "proto", "_socket.socket", get_proto);
native_fn!(TIMEOUT_GET, "timeout", "_socket.socket", sock_gettimeout);

/// The class `_socket.socket`.
pub(super) static SOCKET: ClassSpec = ClassSpec {
    name: "socket",
    module: "_socket",
    base: TypeKind::Object,
    methods: SOCKET_M,
    classmethods: &[],
    props: &[
        PropSpec {
            name: "family",
            get: &FAMILY_GET,
            set: None,
        },
        PropSpec {
            name: "type",
            get: &TYPE_GET,
            set: None,
        },
        PropSpec {
            name: "proto",
            get: &PROTO_GET,
            set: None,
        },
        PropSpec {
            name: "timeout",
            get: &TIMEOUT_GET,
            set: None,
        },
    ],
    unhashable: false,
    // CPython 3.11 lets a program set attributes on `_socket.socket` (its
    // immutable flag shows only once `__flags__` has been read).
    flags: SpecFlags::BASETYPE.with(SpecFlags::MUTABLE),
};

fn me(a: &Args<'_>, name: &str) -> PyResult<Rc<RefCell<Sock>>> {
    receiver::<Sock>(a, "_socket.socket", name)
}

/// The socket's (descriptor, timeout).
fn fd_timeout(s: &Rc<RefCell<Sock>>) -> (i32, f64) {
    let s = s.borrow();
    (s.fd, s.timeout)
}

/// `socket.timeout`, CPython's message.
fn timed_out() -> PyErr {
    PyErr::new(ExcKind::TimeoutError, "timed out")
}

/// Whether a call on a socket with this timeout waits for its descriptor
/// first: with a timeout, and when blocking while other Python threads live
/// (they share the VM's OS thread, so the call must not block it).
fn waits_first(vm: &Vm, timeout: f64) -> bool {
    timeout > 0.0 || (timeout < 0.0 && vm.sched.threads.len() > 1)
}

/// Waits until `fd` is ready for reading or writing, up to `deadline` (none:
/// no limit). With other threads alive, the scheduler runs them meanwhile.
fn wait_ready(vm: &mut Vm, fd: i32, writing: bool, deadline: Option<Instant>) -> PyResult<()> {
    // A closed socket does not wait: the call itself fails with `EBADF`.
    if fd < 0 {
        return Ok(());
    }
    let events = if writing { libc::POLLOUT } else { libc::POLLIN };
    let mut fds = [praw::PollFd {
        fd,
        events,
        revents: 0,
    }];
    if vm.sched.threads.len() > 1 {
        if praw::poll(&mut fds, 0).is_ok_and(|n| n > 0) {
            return Ok(());
        }
        // Waited for in place (not by a switch that would hand the result to
        // the caller's caller): the socket call goes on after it.
        vm.sched.direct = false;
        let io = IoWait {
            fds: fds.to_vec(),
            deadline,
            finish: Box::new(|fds| Ok(Value::Bool(fds.iter().any(|p| p.revents != 0)))),
        };
        let ready = block_on(vm, Wait::Io(io), &Value::None)?;
        return match ready {
            Value::Bool(false) => Err(timed_out()),
            _ => Ok(()),
        };
    }
    let Some(deadline) = deadline else {
        return Ok(());
    };
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        let ms = i32::try_from(left.as_nanos().div_ceil(1_000_000)).unwrap_or(i32::MAX);
        match praw::poll(&mut fds, ms) {
            Ok(0) => return Err(timed_out()),
            Ok(_) => return Ok(()),
            // PEP 475: the handlers run (one that raises ends the call),
            // then the wait goes on with the time left.
            Err(e) if e == libc::EINTR => vm.check_signals()?,
            Err(e) => return Err(errno_err(e)),
        }
    }
}

/// CPython's `sock_call`: runs `op` on the descriptor, waiting first when
/// the socket has a timeout (or other threads could run meanwhile), retrying
/// on `EINTR` (PEP 475) and, with a timeout, on `EWOULDBLOCK`.
fn sock_call<T>(
    vm: &mut Vm,
    s: &Rc<RefCell<Sock>>,
    writing: bool,
    mut op: impl FnMut(i32) -> praw::SysResult<T>,
) -> PyResult<T> {
    let (fd, timeout) = fd_timeout(s);
    let deadline = (timeout > 0.0).then(|| Instant::now() + Duration::from_secs_f64(timeout));
    loop {
        let shared = shares_thread(vm, timeout);
        if waits_first(vm, timeout) {
            wait_ready(vm, fd, writing, deadline)?;
        }
        let r = if shared {
            without_blocking(fd, &mut op)
        } else {
            op(fd)
        };
        match r {
            Ok(v) => return Ok(v),
            Err(e) if e == libc::EINTR => vm.check_signals()?,
            Err(e)
                if (deadline.is_some() || shared)
                    && (e == libc::EAGAIN || e == libc::EWOULDBLOCK) =>
            {
                continue
            }
            Err(e) => return Err(errno_err(e)),
        }
    }
}

/// [`sock_call`] for a call that makes its result itself (`op` gives the
/// `errno` to retry on, or the result). With other threads alive, a call
/// that must wait is handed to the scheduler, which runs it once the
/// descriptor is ready: a call made directly by Python code then switches
/// threads rather than waiting in a nested loop, whose waiter could go on
/// only after every wait begun above it (`switch::block_on`).
fn sock_call_value(
    vm: &mut Vm,
    s: &Rc<RefCell<Sock>>,
    writing: bool,
    mut op: impl FnMut(i32) -> praw::SysResult<PyResult<Value>> + 'static,
) -> PyResult<Value> {
    let (fd, timeout) = fd_timeout(s);
    let events = if writing { libc::POLLOUT } else { libc::POLLIN };
    let mut fds = [praw::PollFd {
        fd,
        events,
        revents: 0,
    }];
    if fd < 0
        || vm.sched.threads.len() < 2
        || !waits_first(vm, timeout)
        || praw::poll(&mut fds, 0).is_ok_and(|n| n > 0)
    {
        return sock_call(vm, s, writing, op)?;
    }
    let deadline = (timeout > 0.0).then(|| Instant::now() + Duration::from_secs_f64(timeout));
    let shared = shares_thread(vm, timeout);
    let io = IoWait {
        fds: fds.to_vec(),
        deadline,
        finish: Box::new(move |fds| {
            if fds.iter().all(|p| p.revents == 0) {
                return Err(timed_out());
            }
            loop {
                let r = if shared {
                    without_blocking(fd, &mut op)
                } else {
                    op(fd)
                };
                match r {
                    Err(e) if e == libc::EINTR => continue,
                    Err(e) => return Err(errno_err(e)),
                    Ok(v) => return v,
                }
            }
        }),
    };
    block_on(vm, Wait::Io(io), &Value::None)
}

/// Whether a call on a socket in blocking mode must not block: other Python
/// threads share the VM's OS thread (a `send` larger than the buffer would
/// wait for a reader that cannot run), so it runs non-blocking and waits
/// again through the scheduler when it would block.
fn shares_thread(vm: &Vm, timeout: f64) -> bool {
    timeout < 0.0 && vm.sched.threads.len() > 1
}

/// Runs `op` with the descriptor in non-blocking mode.
fn without_blocking<T>(
    fd: i32,
    op: &mut impl FnMut(i32) -> praw::SysResult<T>,
) -> praw::SysResult<T> {
    praw::set_blocking(fd, false)?;
    let r = op(fd);
    praw::set_blocking(fd, true)?;
    r
}

/// An int argument that fits a C int.
fn c_int(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    if matches!(v, Value::Float(_)) {
        return Err(PyErr::type_error(
            "'float' object cannot be interpreted as an integer",
        ));
    }
    let n = vm.index_value(v)?;
    i32::try_from(n).map_err(|_| PyErr::overflow("signed integer is greater than maximum"))
}

/// A timeout argument: seconds, negative for `None`.
fn timeout_arg(v: &Value) -> PyResult<f64> {
    if matches!(v, Value::None) {
        return Ok(-1.0);
    }
    let Some(t) = crate::ops::to_f64(v)? else {
        return Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer or float",
            type_name(v)
        )));
    };
    if t.is_nan() {
        return Err(PyErr::value_error("Invalid value NaN (not a number)"));
    }
    if t < 0.0 {
        return Err(PyErr::value_error("Timeout value out of range"));
    }
    Ok(t)
}

fn timeout_value(t: f64) -> Value {
    if t < 0.0 {
        Value::None
    } else {
        Value::Float(t)
    }
}

/// A new socket object of class `_socket.socket` for `fd`, as
/// `socketpair` and `_accept` make them, with the default timeout.
fn wrap(vm: &mut Vm, fd: i32, family: i32, ty: i32, proto: i32) -> PyResult<Value> {
    let timeout = DEFAULT_TIMEOUT.with(Cell::get);
    if timeout >= 0.0 {
        praw::set_blocking(fd, false).map_err(errno_err)?;
    }
    let cls = crate::native::class_of(vm, &SOCKET);
    Ok(new_object(
        &cls,
        Sock {
            fd,
            family,
            ty,
            proto,
            timeout,
        },
    ))
}

fn sock_new(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let cls = cls_arg(&a)?;
    Ok(new_object(
        &cls,
        Sock {
            fd: -1,
            family: AF_INET,
            ty: SOCK_STREAM,
            proto: 0,
            timeout: -1.0,
        },
    ))
}

/// `socket(family=-1, type=-1, proto=-1, fileno=None)`: a new socket, or
/// one wrapping `fileno`, whose family, type and protocol are then read
/// from the kernel when not given.
fn sock_init(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "__init__")?;
    let b = bind_args(
        &rest(&a),
        "socket",
        &["family", "type", "proto", "fileno"],
        0,
    )?;
    let mut family = match b[0] {
        Some(v) => c_int(vm, v)?,
        None => -1,
    };
    let mut ty = match b[1] {
        Some(v) => c_int(vm, v)?,
        None => -1,
    };
    let mut proto = match b[2] {
        Some(v) => c_int(vm, v)?,
        None => -1,
    };
    let fd = match b[3] {
        None | Some(Value::None) => {
            if family == -1 {
                family = AF_INET;
            }
            if ty == -1 {
                ty = SOCK_STREAM;
            }
            if proto == -1 {
                proto = 0;
            }
            raw::socket(family, ty, proto).map_err(errno_err)?
        }
        Some(v) => {
            let n = c_int(vm, v)?;
            if n < 0 {
                return Err(PyErr::value_error("negative file descriptor"));
            }
            let opt = |name: i32| -> PyResult<i32> {
                let b = raw::getsockopt(n, libc::SOL_SOCKET, name, 4).map_err(errno_err)?;
                let arr: [u8; 4] = b.try_into().unwrap_or([0; 4]);
                Ok(i32::from_ne_bytes(arr))
            };
            if family == -1 {
                family = opt(libc::SO_DOMAIN)?;
            }
            if ty == -1 {
                ty = opt(libc::SO_TYPE)?;
            }
            if proto == -1 {
                proto = opt(libc::SO_PROTOCOL)?;
            }
            n
        }
    };
    let timeout = if ty & SOCK_NONBLOCK != 0 {
        0.0
    } else {
        DEFAULT_TIMEOUT.with(Cell::get)
    };
    if timeout >= 0.0 {
        praw::set_blocking(fd, false).map_err(errno_err)?;
    }
    let mut s = st.borrow_mut();
    // Re-initializing an open socket closes the old descriptor.
    if s.fd >= 0 && s.fd != fd {
        let _ = praw::close(s.fd);
    }
    s.fd = fd;
    s.family = family;
    s.ty = ty & !(SOCK_NONBLOCK | SOCK_CLOEXEC);
    s.proto = proto;
    s.timeout = timeout;
    Ok(Value::None)
}

fn sock_repr(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "__repr__")?;
    let s = st.borrow();
    Ok(Value::string(format!(
        "<socket object, fd={}, family={}, type={}, proto={}>",
        s.fd, s.family, s.ty, s.proto
    )))
}

fn get_family(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(i64::from(me(&a, "family")?.borrow().family)))
}

fn get_type(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(i64::from(me(&a, "type")?.borrow().ty)))
}

fn get_proto(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(i64::from(me(&a, "proto")?.borrow().proto)))
}

fn sock_fileno(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "fileno")?;
    positional(&rest(&a), "fileno", 0, 0)?;
    let fd = st.borrow().fd;
    Ok(Value::Int(i64::from(fd)))
}

/// `close()`: closes the descriptor once; `ECONNRESET` from the close is
/// ignored, as CPython does.
fn sock_close(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "close")?;
    positional(&rest(&a), "close", 0, 0)?;
    let fd = std::mem::replace(&mut st.borrow_mut().fd, -1);
    if fd >= 0 {
        match praw::close(fd) {
            Ok(()) => {}
            Err(e) if e == libc::ECONNRESET => {}
            Err(e) => return Err(errno_err(e)),
        }
    }
    Ok(Value::None)
}

/// `detach()`: the descriptor, which the socket no longer owns.
fn sock_detach(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "detach")?;
    positional(&rest(&a), "detach", 0, 0)?;
    let fd = std::mem::replace(&mut st.borrow_mut().fd, -1);
    Ok(Value::Int(i64::from(fd)))
}

/// The address argument for the socket's family.
fn addr_arg(vm: &mut Vm, st: &Rc<RefCell<Sock>>, v: &Value, what: &str) -> PyResult<SockAddr> {
    let family = st.borrow().family;
    from_value(vm, family, v, what)
}

fn sock_bind(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "bind")?;
    let args = positional(&rest(&a), "bind", 1, 1)?;
    let addr = addr_arg(vm, &st, &args[0], "bind")?;
    let fd = st.borrow().fd;
    raw::bind(fd, &addr).map_err(errno_err)?;
    Ok(Value::None)
}

fn sock_listen(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "listen")?;
    let args = positional(&rest(&a), "listen", 0, 1)?;
    let backlog = match args.first() {
        Some(v) => c_int(vm, v)?.max(0),
        None => 128.min(libc::SOMAXCONN),
    };
    let fd = st.borrow().fd;
    raw::listen(fd, backlog).map_err(errno_err)?;
    Ok(Value::None)
}

/// `_accept()`: `(fd, address)` of a new connection.
fn sock_accept(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "_accept")?;
    positional(&rest(&a), "_accept", 0, 0)?;
    sock_call_value(vm, &st, false, |fd| {
        raw::accept(fd).map(|(fd, addr)| {
            Ok(Value::tuple(vec![
                Value::Int(i64::from(fd)),
                to_value(&addr),
            ]))
        })
    })
}

/// `connect` and `connect_ex`: the `errno` of the connection, waiting for
/// it to complete when the socket has a timeout.
fn connect_errno(vm: &mut Vm, st: &Rc<RefCell<Sock>>, addr: &SockAddr) -> PyResult<i32> {
    let (fd, timeout) = fd_timeout(st);
    let err = loop {
        match raw::connect(fd, addr) {
            Ok(()) => return Ok(0),
            Err(e) if e == libc::EINTR && timeout < 0.0 => continue,
            Err(e) => break e,
        }
    };
    if timeout > 0.0 && (err == libc::EINPROGRESS || err == libc::EINTR) {
        let deadline = Instant::now() + Duration::from_secs_f64(timeout);
        wait_ready(vm, fd, true, Some(deadline))?;
        let b = raw::getsockopt(fd, libc::SOL_SOCKET, libc::SO_ERROR, 4).map_err(errno_err)?;
        let arr: [u8; 4] = b.try_into().unwrap_or([0; 4]);
        return Ok(i32::from_ne_bytes(arr));
    }
    Ok(err)
}

fn sock_connect(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "connect")?;
    let args = positional(&rest(&a), "connect", 1, 1)?;
    let addr = addr_arg(vm, &st, &args[0], "connect")?;
    match connect_errno(vm, &st, &addr)? {
        0 => Ok(Value::None),
        e => Err(errno_err(e)),
    }
}

fn sock_connect_ex(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "connect_ex")?;
    let args = positional(&rest(&a), "connect_ex", 1, 1)?;
    let addr = addr_arg(vm, &st, &args[0], "connect_ex")?;
    Ok(Value::Int(i64::from(connect_errno(vm, &st, &addr)?)))
}

/// A flags argument, 0 when absent.
fn flags_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<i32> {
    match v {
        Some(v) => c_int(vm, v),
        None => Ok(0),
    }
}

/// A buffer size: non-negative.
fn size_arg(vm: &mut Vm, v: &Value, what: &str) -> PyResult<usize> {
    let n = vm.index_value(v)?;
    usize::try_from(n).map_err(|_| PyErr::value_error(format!("negative buffersize in {what}")))
}

fn sock_recv(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "recv")?;
    let args = positional(&rest(&a), "recv", 1, 2)?;
    let n = size_arg(vm, &args[0], "recv")?;
    let flags = flags_arg(vm, args.get(1))?;
    let mut buf = vec![0u8; n.min(1 << 26)];
    sock_call_value(vm, &st, false, move |fd| {
        raw::recv(fd, &mut buf, flags).map(|got| {
            let mut b = std::mem::take(&mut buf);
            b.truncate(got);
            Ok(Value::Bytes(Rc::new(b)))
        })
    })
}

/// The arguments of `recv_into` and `recvfrom_into` (`buffer, nbytes=0,
/// flags=0`): the buffer, how many bytes to read (`nbytes`, or the whole
/// buffer when 0) and the flags. `too_large` is the method's message for an
/// `nbytes` beyond the buffer.
fn into_buffer_args(
    vm: &mut Vm,
    a: &Args<'_>,
    name: &str,
    too_large: &str,
) -> PyResult<(Value, usize, i32)> {
    let b = bind_args(&rest(a), name, &["buffer", "nbytes", "flags"], 1)?;
    let target = b[0].cloned().unwrap_or(Value::None);
    let view = match crate::buffer::writable(&target) {
        Some(view) => view?,
        None => {
            return Err(PyErr::type_error(format!(
                "{name}() argument 1 must be read-write bytes-like object, not {}",
                type_name(&target)
            )))
        }
    };
    let room = view.nbytes() as usize;
    let mut n = match b[1] {
        Some(v) => {
            let n = vm.index_value(v)?;
            usize::try_from(n)
                .map_err(|_| PyErr::value_error(format!("negative buffersize in {name}")))?
        }
        None => 0,
    };
    if n == 0 {
        n = room;
    } else if n > room {
        return Err(PyErr::value_error(too_large.to_string()));
    }
    let flags = flags_arg(vm, b[2])?;
    Ok((target, n, flags))
}

/// Writes what was read into the buffer of `recv_into`/`recvfrom_into`,
/// looked up again: other threads may have run during the call.
fn fill_buffer(target: &Value, name: &str, data: &[u8]) -> PyResult<()> {
    let view = match crate::buffer::writable(target) {
        Some(v) => v?,
        None => {
            return Err(PyErr::type_error(format!(
                "{name}() buffer is not writable"
            )))
        }
    };
    view.write_bytes(data)
}

/// `recv_into(buffer, nbytes=0, flags=0)`: reads into a writable buffer.
fn sock_recv_into(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "recv_into")?;
    let (target, n, flags) =
        into_buffer_args(vm, &a, "recv_into", "buffer too small for requested bytes")?;
    let mut buf = vec![0u8; n];
    sock_call_value(vm, &st, false, move |fd| {
        raw::recv(fd, &mut buf, flags).map(|got| {
            fill_buffer(&target, "recv_into", &buf[..got])?;
            Ok(Value::Int(got as i64))
        })
    })
}

/// `recvfrom_into(buffer, nbytes=0, flags=0)`: as `recv_into`, giving
/// `(count, address)`.
fn sock_recvfrom_into(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "recvfrom_into")?;
    let (target, n, flags) = into_buffer_args(
        vm,
        &a,
        "recvfrom_into",
        "nbytes is greater than the length of the buffer",
    )?;
    let mut buf = vec![0u8; n];
    sock_call_value(vm, &st, false, move |fd| {
        raw::recvfrom(fd, &mut buf, flags).map(|(got, addr)| {
            fill_buffer(&target, "recvfrom_into", &buf[..got])?;
            Ok(Value::tuple(vec![
                Value::Int(got as i64),
                addr.as_ref().map_or(Value::None, to_value),
            ]))
        })
    })
}

fn sock_recvfrom(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "recvfrom")?;
    let args = positional(&rest(&a), "recvfrom", 1, 2)?;
    let n = size_arg(vm, &args[0], "recvfrom")?;
    let flags = flags_arg(vm, args.get(1))?;
    let mut buf = vec![0u8; n.min(1 << 26)];
    sock_call_value(vm, &st, false, move |fd| {
        raw::recvfrom(fd, &mut buf, flags).map(|(got, addr)| {
            let mut b = std::mem::take(&mut buf);
            b.truncate(got);
            Ok(Value::tuple(vec![
                Value::Bytes(Rc::new(b)),
                addr.as_ref().map_or(Value::None, to_value),
            ]))
        })
    })
}

fn sock_send(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "send")?;
    let args = positional(&rest(&a), "send", 1, 2)?;
    let data = bytes_like(&args[0])?;
    let flags = flags_arg(vm, args.get(1))?;
    sock_call_value(vm, &st, true, move |fd| {
        raw::send(fd, &data, flags).map(|n| Ok(Value::Int(n as i64)))
    })
}

/// `sendall(data, flags=0)`: sends everything, the timeout covering the
/// whole transfer.
fn sock_sendall(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "sendall")?;
    let args = positional(&rest(&a), "sendall", 1, 2)?;
    let data = bytes_like(&args[0])?;
    let flags = flags_arg(vm, args.get(1))?;
    let (fd, timeout) = fd_timeout(&st);
    let deadline = (timeout > 0.0).then(|| Instant::now() + Duration::from_secs_f64(timeout));
    let mut sent = 0;
    while sent < data.len() {
        let shared = shares_thread(vm, timeout);
        if waits_first(vm, timeout) {
            wait_ready(vm, fd, true, deadline)?;
        }
        let mut op = |fd| raw::send(fd, &data[sent..], flags);
        let r = if shared {
            without_blocking(fd, &mut op)
        } else {
            op(fd)
        };
        match r {
            // A send that a signal cut short returns what it sent: as
            // `sock_sendall`, the handlers run between sends (one that
            // raises ends the call), or a blocked sendall would never see them.
            Ok(n) => {
                sent += n;
                if sent < data.len() {
                    vm.check_signals()?;
                }
            }
            Err(e) if e == libc::EINTR => vm.check_signals()?,
            Err(e)
                if (deadline.is_some() || shared)
                    && (e == libc::EAGAIN || e == libc::EWOULDBLOCK) => {}
            Err(e) => return Err(errno_err(e)),
        }
    }
    Ok(Value::None)
}

/// `sendto(data[, flags], address)`.
fn sock_sendto(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "sendto")?;
    let r = rest(&a);
    // `sendto` parses its arguments itself, hence its own count message.
    if !(2..=3).contains(&r.pos.len()) && r.kwnames.is_empty() {
        return Err(PyErr::type_error(format!(
            "sendto() takes 2 or 3 arguments ({} given)",
            r.pos.len()
        )));
    }
    let args = positional(&r, "sendto", 2, 3)?;
    let data = bytes_like(&args[0])?;
    let (flags, target) = if args.len() == 3 {
        (c_int(vm, &args[1])?, &args[2])
    } else {
        (0, &args[1])
    };
    let addr = addr_arg(vm, &st, target, "sendto")?;
    let n = sock_call(vm, &st, true, |fd| raw::sendto(fd, &data, flags, &addr))?;
    Ok(Value::Int(n as i64))
}

fn sock_shutdown(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "shutdown")?;
    let args = positional(&rest(&a), "shutdown", 1, 1)?;
    let how = c_int(vm, &args[0])?;
    let fd = st.borrow().fd;
    raw::shutdown(fd, how).map_err(errno_err)?;
    Ok(Value::None)
}

/// Puts the socket in blocking mode (timeout `None`) or non-blocking mode
/// (timeout 0) or gives it a timeout.
fn set_timeout(st: &Rc<RefCell<Sock>>, timeout: f64) -> PyResult<()> {
    let fd = st.borrow().fd;
    praw::set_blocking(fd, timeout < 0.0).map_err(errno_err)?;
    st.borrow_mut().timeout = timeout;
    Ok(())
}

fn sock_setblocking(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "setblocking")?;
    let args = positional(&rest(&a), "setblocking", 1, 1)?;
    let blocking = vm.truthy(&args[0])?;
    set_timeout(&st, if blocking { -1.0 } else { 0.0 })?;
    Ok(Value::None)
}

fn sock_getblocking(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "getblocking")?;
    positional(&rest(&a), "getblocking", 0, 0)?;
    let t = st.borrow().timeout;
    Ok(Value::Bool(t != 0.0))
}

fn sock_settimeout(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "settimeout")?;
    let args = positional(&rest(&a), "settimeout", 1, 1)?;
    let t = timeout_arg(&args[0])?;
    set_timeout(&st, t)?;
    Ok(Value::None)
}

fn sock_gettimeout(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "gettimeout")?;
    let t = st.borrow().timeout;
    Ok(timeout_value(t))
}

/// `setsockopt(level, option, value)` with an int or bytes value, or
/// `setsockopt(level, option, None, optlen)`.
fn sock_setsockopt(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "setsockopt")?;
    let args = positional(&rest(&a), "setsockopt", 3, 4)?;
    let level = c_int(vm, &args[0])?;
    let name = c_int(vm, &args[1])?;
    let value: Vec<u8> = match (&args[2], args.get(3)) {
        (Value::None, Some(len)) => vec![0u8; c_int(vm, len)?.max(0) as usize],
        (v @ (Value::Int(_) | Value::Bool(_) | Value::BigInt(_)), None) => {
            c_int(vm, v)?.to_ne_bytes().to_vec()
        }
        (v, None) => bytes_like(v)?,
        _ => {
            return Err(PyErr::type_error(
                "setsockopt() takes exactly 3 or 4 arguments",
            ))
        }
    };
    let fd = st.borrow().fd;
    raw::setsockopt(fd, level, name, &value).map_err(errno_err)?;
    Ok(Value::None)
}

/// `getsockopt(level, option[, buflen])`: an int, or the option's bytes.
fn sock_getsockopt(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "getsockopt")?;
    let args = positional(&rest(&a), "getsockopt", 2, 3)?;
    let level = c_int(vm, &args[0])?;
    let name = c_int(vm, &args[1])?;
    let fd = st.borrow().fd;
    match args.get(2) {
        None => {
            let b = raw::getsockopt(fd, level, name, 4).map_err(errno_err)?;
            let mut arr = [0u8; 4];
            arr[..b.len().min(4)].copy_from_slice(&b[..b.len().min(4)]);
            Ok(Value::Int(i64::from(i32::from_ne_bytes(arr))))
        }
        Some(v) => {
            let n = c_int(vm, v)?;
            if !(1..=1024).contains(&n) {
                return Err(PyErr::new(
                    ExcKind::OSError,
                    "getsockopt buflen out of range",
                ));
            }
            let b = raw::getsockopt(fd, level, name, n as usize).map_err(errno_err)?;
            Ok(Value::Bytes(Rc::new(b)))
        }
    }
}

fn sock_getsockname(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "getsockname")?;
    positional(&rest(&a), "getsockname", 0, 0)?;
    let fd = st.borrow().fd;
    let addr = raw::sockname(fd, false).map_err(errno_err)?;
    Ok(to_value(&addr))
}

fn sock_getpeername(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "getpeername")?;
    positional(&rest(&a), "getpeername", 0, 0)?;
    let fd = st.borrow().fd;
    let addr = raw::sockname(fd, true).map_err(errno_err)?;
    Ok(to_value(&addr))
}

/// `socketpair(family=AF_UNIX, type=SOCK_STREAM, proto=0)`.
pub(super) fn socketpair(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "socketpair", 0, 3)?;
    let family = match args.first() {
        Some(v) if !matches!(v, Value::None) => c_int(vm, v)?,
        _ => AF_UNIX,
    };
    let ty = match args.get(1) {
        Some(v) => c_int(vm, v)?,
        None => SOCK_STREAM,
    };
    let proto = match args.get(2) {
        Some(v) => c_int(vm, v)?,
        None => 0,
    };
    let (x, y) = raw::socketpair(family, ty, proto).map_err(errno_err)?;
    let ty = ty & !(SOCK_NONBLOCK | SOCK_CLOEXEC);
    let a = wrap(vm, x, family, ty, proto)?;
    let b = wrap(vm, y, family, ty, proto)?;
    Ok(Value::tuple(vec![a, b]))
}

pub(super) fn getdefaulttimeout(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    positional(&a, "getdefaulttimeout", 0, 0)?;
    Ok(timeout_value(DEFAULT_TIMEOUT.with(Cell::get)))
}

pub(super) fn setdefaulttimeout(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "setdefaulttimeout", 1, 1)?;
    let t = timeout_arg(&args[0])?;
    DEFAULT_TIMEOUT.with(|c| c.set(t));
    Ok(Value::None)
}

/// `_socket.close(fd)`.
pub(super) fn close_fd(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "close", 1, 1)?;
    let fd = c_int(vm, &args[0])?;
    match praw::close(fd) {
        Ok(()) => Ok(Value::None),
        Err(e) if e == libc::ECONNRESET => Ok(Value::None),
        Err(e) => Err(errno_err(e)),
    }
}

/// `_socket.dup(fd)`: a non-inheritable duplicate.
pub(super) fn dup_fd(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "dup", 1, 1)?;
    let fd = c_int(vm, &args[0])?;
    let n = praw::dup_cloexec(fd).map_err(errno_err)?;
    Ok(Value::Int(i64::from(n)))
}
