//! `os.read` and `os.write` on descriptors that can block (pipes, sockets,
//! terminals) while other Python threads live. Every thread shares the VM's
//! one OS thread, so a read of an empty pipe that another thread is to fill
//! would block them all for ever: the call waits through the scheduler
//! instead ([`Wait::Io`]) and runs once the descriptor is ready.

use std::os::unix::fs::FileTypeExt;
use std::rc::Rc;

use crate::exc::PyResult;
use crate::modules::posix::fd::errno_err;
use crate::modules::posix::raw::{self, PollFd};
use crate::value::Value;
use crate::vm::Vm;

use super::sched::{IoWait, Wait};

/// Whether a call on `fd` must not block the OS thread: other threads live,
/// the descriptor is in blocking mode, and it is a pipe, socket or character
/// device (a regular file is always ready).
fn must_not_block(vm: &Vm, fd: i32) -> bool {
    vm.sched.threads.len() >= 2 && can_block(fd)
}

/// Whether a call on `fd` can wait for another party: the descriptor is in
/// blocking mode and is a pipe, socket or character device.
pub(crate) fn can_block(fd: i32) -> bool {
    if !raw::get_blocking(fd).unwrap_or(false) {
        return false;
    }
    raw::with_borrowed(fd, |f| {
        f.metadata().is_ok_and(|m| {
            let t = m.file_type();
            t.is_fifo() || t.is_socket() || t.is_char_device()
        })
    })
    .unwrap_or(false)
}

/// Waits through the scheduler until `fd` has one of `events`, then runs
/// `op` (which must not block) for the call's result.
fn wait_then(
    vm: &mut Vm,
    fd: i32,
    events: i16,
    mut op: impl FnMut() -> PyResult<Value> + 'static,
) -> PyResult<Value> {
    let io = IoWait {
        fds: vec![PollFd {
            fd,
            events,
            revents: 0,
        }],
        deadline: None,
        finish: Box::new(move |_| op()),
    };
    super::switch::block_on(vm, Wait::Io(io), &Value::None)
}

/// One `read` of up to `n` bytes, retried on `EINTR` (the signal's handlers
/// run at the next check of the eval loop).
fn read_now(fd: i32, n: usize) -> PyResult<Value> {
    let mut buf = vec![0u8; n];
    loop {
        match raw::read_once(fd, &mut buf) {
            Ok(got) => {
                buf.truncate(got);
                return Ok(Value::Bytes(Rc::new(buf)));
            }
            Err(libc::EINTR) => continue,
            Err(e) => return Err(errno_err(e)),
        }
    }
}

/// `os.read(fd, n)` when it must not block the other threads: `None` when
/// the plain call will do (alone, non-blocking descriptor, data ready).
pub(crate) fn read(vm: &mut Vm, fd: i32, n: usize) -> Option<PyResult<Value>> {
    if !must_not_block(vm, fd) {
        return None;
    }
    let mut fds = [PollFd {
        fd,
        events: libc::POLLIN,
        revents: 0,
    }];
    if raw::poll(&mut fds, 0).is_ok_and(|k| k > 0) {
        return None;
    }
    Some(wait_then(vm, fd, libc::POLLIN, move || read_now(fd, n)))
}

/// One `write` that does not block: the descriptor is non-blocking for the
/// call (a blocking write of more than the pipe holds would wait for a
/// reader that cannot run). `None` for `EAGAIN`.
fn write_nonblocking(fd: i32, data: &[u8]) -> Option<PyResult<Value>> {
    if let Err(e) = raw::set_blocking(fd, false) {
        return Some(Err(errno_err(e)));
    }
    let r = loop {
        match raw::write_once(fd, data) {
            Err(libc::EINTR) => continue,
            r => break r,
        }
    };
    let restored = raw::set_blocking(fd, true);
    match (r, restored) {
        (Err(e), _) if e == libc::EAGAIN || e == libc::EWOULDBLOCK => None,
        (Err(e), _) | (Ok(_), Err(e)) => Some(Err(errno_err(e))),
        (Ok(n), Ok(())) => Some(Ok(Value::Int(n as i64))),
    }
}

/// `os.write(fd, data)` when it must not block the other threads: `None`
/// when the plain call will do. It keeps `write(2)`'s blocking semantics
/// (all of `data`, unless a signal with a Python handler interrupts it
/// after some was written: then that count, and the handler runs at the
/// eval loop's next check), writing non-blocking and waiting for room in
/// place while the other threads run (one of them may be the reader).
pub(crate) fn write(vm: &mut Vm, fd: i32, data: &[u8]) -> Option<PyResult<Value>> {
    if !must_not_block(vm, fd) {
        return None;
    }
    let mut done = 0;
    loop {
        match write_nonblocking(fd, &data[done..]) {
            Some(Ok(Value::Int(n))) => done += n as usize,
            Some(Err(e)) if done == 0 => return Some(Err(e)),
            // An error after a partial write: the count, as write(2) gives.
            Some(_) => return Some(Ok(Value::Int(done as i64))),
            None => {}
        }
        if done == data.len() || (done > 0 && crate::modules::signal_raw::pending()) {
            return Some(Ok(Value::Int(done as i64)));
        }
        // A handler that raised while this waited: its exception is the
        // call's (write(2) would have returned the count, and the handler
        // raised right after).
        if let Err(e) = wait_writable(vm, fd) {
            return Some(Err(e));
        }
    }
}

/// Waits, letting the other threads run, until `fd` has input (or its end)
/// when a read of it would block the VM's one OS thread: a file object's
/// read of a pipe that another thread is to fill. Nothing to wait for when
/// no other thread lives or the descriptor cannot block.
pub(crate) fn wait_readable(vm: &mut Vm, fd: i32) -> PyResult<()> {
    if !must_not_block(vm, fd) {
        return Ok(());
    }
    let mut fds = [PollFd {
        fd,
        events: libc::POLLIN,
        revents: 0,
    }];
    if raw::poll(&mut fds, 0).is_ok_and(|k| k > 0) {
        return Ok(());
    }
    wait_in_place(vm, fd, libc::POLLIN)
}

/// Waits, letting the other threads run, until `fd` has room for a write:
/// for a writer that stopped on a full pipe ([`can_block`] descriptors
/// written non-blocking while other threads live) and must go on where it
/// stopped, so the wait is in place rather than a switch that would make
/// the writer's call return. Signal handlers run meanwhile; the first
/// exception one raises ends the wait.
pub(crate) fn wait_writable(vm: &mut Vm, fd: i32) -> PyResult<()> {
    wait_in_place(vm, fd, libc::POLLOUT)
}

/// Blocks this thread, the others running, until `fd` is ready for `events`.
fn wait_in_place(vm: &mut Vm, fd: i32, events: i16) -> PyResult<()> {
    vm.sched.direct = false;
    let io = IoWait {
        fds: vec![PollFd {
            fd,
            events,
            revents: 0,
        }],
        deadline: None,
        finish: Box::new(|_| Ok(Value::None)),
    };
    super::switch::block_on(vm, Wait::Io(io), &Value::None).map(|_| ())
}
