//! Thin safe wrappers over the C library's descriptor and process calls
//! that `std` does not offer: pipes, `dup2`, descriptor flags, `waitpid`,
//! `kill`, `poll`, `system`, `umask`.
//!
//! This is one of the two places of the VM that may use `unsafe` (the other
//! is the child side of `_posixsubprocess.fork_exec`): each function here
//! passes plain integers or Rust-owned buffers to one system call and turns
//! `-1` into the `errno` it set, so callers stay in safe Rust.
#![allow(unsafe_code)]

use std::ffi::CStr;
use std::fs::File;
use std::os::fd::FromRawFd;

/// The result of a system call: its value, or the `errno` it failed with.
pub(crate) type SysResult<T> = Result<T, i32>;

/// The calling thread's `errno`.
pub(crate) fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// `-1` as the current `errno`, anything else as itself.
pub(crate) fn check(r: libc::c_int) -> SysResult<libc::c_int> {
    if r == -1 {
        Err(errno())
    } else {
        Ok(r)
    }
}

/// `pipe2(flags)`: the read and write ends.
pub(crate) fn pipe2(flags: i32) -> SysResult<(i32, i32)> {
    let mut fds = [0 as libc::c_int; 2];
    // SAFETY: `fds` is a valid array of two ints for the kernel to fill.
    check(unsafe { libc::pipe2(fds.as_mut_ptr(), flags) })?;
    Ok((fds[0], fds[1]))
}

/// `dup(fd)` made non-inheritable (PEP 446), as `os.dup` does.
pub(crate) fn dup_cloexec(fd: i32) -> SysResult<i32> {
    // SAFETY: fcntl on an integer descriptor touches no memory of ours.
    check(unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) })
}

/// `dup2(fd, fd2)`, or `dup3(..., O_CLOEXEC)` when the copy must not be
/// inherited.
pub(crate) fn dup2(fd: i32, fd2: i32, inheritable: bool) -> SysResult<i32> {
    if inheritable || fd == fd2 {
        // SAFETY: plain descriptor numbers.
        return check(unsafe { libc::dup2(fd, fd2) });
    }
    // SAFETY: plain descriptor numbers.
    check(unsafe { libc::dup3(fd, fd2, libc::O_CLOEXEC) })
}

/// `close(fd)`. The caller must not own `fd` through a `File` (it would be
/// closed twice).
pub(crate) fn close(fd: i32) -> SysResult<()> {
    // SAFETY: closing a number; ownership is the caller's promise above.
    check(unsafe { libc::close(fd) }).map(|_| ())
}

/// One `read(fd, buf)`: `EINTR` is returned, for callers that run signal
/// handlers before retrying (PEP 475).
pub(crate) fn read_once(fd: i32, buf: &mut [u8]) -> SysResult<usize> {
    // SAFETY: `buf` is valid for `buf.len()` writable bytes.
    let n = unsafe { libc::read(fd, buf.as_mut_ptr().cast(), buf.len()) };
    if n < 0 {
        return Err(errno());
    }
    Ok(n as usize)
}

/// One `write(fd, buf)`: `EINTR` is returned, as [`read_once`].
pub(crate) fn write_once(fd: i32, buf: &[u8]) -> SysResult<usize> {
    // SAFETY: `buf` is valid for `buf.len()` readable bytes.
    let n = unsafe { libc::write(fd, buf.as_ptr().cast(), buf.len()) };
    if n < 0 {
        return Err(errno());
    }
    Ok(n as usize)
}

/// The descriptor flags (`FD_CLOEXEC`).
fn fd_flags(fd: i32) -> SysResult<i32> {
    // SAFETY: fcntl on an integer descriptor.
    check(unsafe { libc::fcntl(fd, libc::F_GETFD) })
}

/// Whether `fd` is open.
pub(crate) fn is_open(fd: i32) -> bool {
    fd_flags(fd).is_ok()
}

/// Whether `fd` survives an `exec` (no `FD_CLOEXEC`).
pub(crate) fn get_inheritable(fd: i32) -> SysResult<bool> {
    Ok(fd_flags(fd)? & libc::FD_CLOEXEC == 0)
}

/// Sets or clears `FD_CLOEXEC`.
pub(crate) fn set_inheritable(fd: i32, inheritable: bool) -> SysResult<()> {
    let old = fd_flags(fd)?;
    let new = if inheritable {
        old & !libc::FD_CLOEXEC
    } else {
        old | libc::FD_CLOEXEC
    };
    if new != old {
        // SAFETY: fcntl on an integer descriptor.
        check(unsafe { libc::fcntl(fd, libc::F_SETFD, new) })?;
    }
    Ok(())
}

/// Whether `fd` blocks (no `O_NONBLOCK`).
pub(crate) fn get_blocking(fd: i32) -> SysResult<bool> {
    // SAFETY: fcntl on an integer descriptor.
    let fl = check(unsafe { libc::fcntl(fd, libc::F_GETFL) })?;
    Ok(fl & libc::O_NONBLOCK == 0)
}

/// Sets or clears `O_NONBLOCK`.
pub(crate) fn set_blocking(fd: i32, blocking: bool) -> SysResult<()> {
    // SAFETY: fcntl on an integer descriptor.
    let fl = check(unsafe { libc::fcntl(fd, libc::F_GETFL) })?;
    let new = if blocking {
        fl & !libc::O_NONBLOCK
    } else {
        fl | libc::O_NONBLOCK
    };
    if new != fl {
        // SAFETY: fcntl on an integer descriptor.
        check(unsafe { libc::fcntl(fd, libc::F_SETFL, new) })?;
    }
    Ok(())
}

/// Takes ownership of an open descriptor as a `File` (closed when dropped),
/// or `EBADF` when `fd` is not open. The caller must hold no other owner.
pub(crate) fn own_fd(fd: i32) -> SysResult<File> {
    if !is_open(fd) {
        return Err(libc::EBADF);
    }
    // SAFETY: `fd` is open, and the caller hands its ownership over.
    Ok(unsafe { File::from_raw_fd(fd) })
}

/// A `File` over open descriptor `fd` that stays owned elsewhere (the
/// standard streams): the caller must give it up with `into_raw_fd`, never
/// drop it. `None` when `fd` is not open.
pub(crate) fn borrow_fd(fd: i32) -> Option<File> {
    // SAFETY: `fd` is open; the caller releases it without closing.
    is_open(fd).then(|| unsafe { File::from_raw_fd(fd) })
}

/// `clock_gettime(clk)`: seconds and nanoseconds.
pub(crate) fn clock_gettime(clk: i32) -> SysResult<(i64, i64)> {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid timespec for the kernel to fill.
    check(unsafe { libc::clock_gettime(clk as libc::clockid_t, &mut ts) })?;
    Ok((ts.tv_sec, ts.tv_nsec))
}

/// `clock_getres(clk)`: seconds and nanoseconds.
pub(crate) fn clock_getres(clk: i32) -> SysResult<(i64, i64)> {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid timespec for the kernel to fill.
    check(unsafe { libc::clock_getres(clk as libc::clockid_t, &mut ts) })?;
    Ok((ts.tv_sec, ts.tv_nsec))
}

/// `clock_settime(clk, {sec, nsec})`.
pub(crate) fn clock_settime(clk: i32, sec: i64, nsec: i64) -> SysResult<()> {
    let ts = libc::timespec {
        tv_sec: sec as libc::time_t,
        tv_nsec: nsec as _,
    };
    // SAFETY: `ts` is a valid timespec the kernel only reads.
    check(unsafe { libc::clock_settime(clk as libc::clockid_t, &ts) }).map(|_| ())
}

/// The CPU-time clock of the calling OS thread
/// (`pthread_getcpuclockid(pthread_self())`).
pub(crate) fn own_thread_cpu_clock() -> SysResult<i32> {
    let mut clk: libc::clockid_t = 0;
    // SAFETY: `pthread_self()` names a live thread (this one), and `clk` is
    // a valid place for the call to write.
    let r = unsafe { libc::pthread_getcpuclockid(libc::pthread_self(), &mut clk) };
    if r != 0 {
        return Err(r);
    }
    Ok(clk)
}

/// `waitpid(pid, options)`: the pid and the wait status, retried on `EINTR`.
pub(crate) fn waitpid(pid: i32, options: i32) -> SysResult<(i32, i32)> {
    let mut status: libc::c_int = 0;
    loop {
        // SAFETY: `status` is a valid int for the kernel to fill.
        let r = unsafe { libc::waitpid(pid, &mut status, options) };
        if r >= 0 {
            return Ok((r, status));
        }
        let e = errno();
        if e != libc::EINTR {
            return Err(e);
        }
    }
}

/// `kill(pid, sig)`.
pub(crate) fn kill(pid: i32, sig: i32) -> SysResult<()> {
    // SAFETY: plain integers.
    check(unsafe { libc::kill(pid, sig) }).map(|_| ())
}

/// `killpg(pgid, sig)`.
pub(crate) fn killpg(pgid: i32, sig: i32) -> SysResult<()> {
    // SAFETY: plain integers.
    check(unsafe { libc::killpg(pgid, sig) }).map(|_| ())
}

/// `getpgid(pid)`.
pub(crate) fn getpgid(pid: i32) -> SysResult<i32> {
    // SAFETY: plain integers.
    check(unsafe { libc::getpgid(pid) })
}

/// `umask(mask)`: the previous mask.
pub(crate) fn umask(mask: u32) -> u32 {
    // SAFETY: umask always succeeds and touches no memory of ours.
    unsafe { libc::umask(mask as libc::mode_t) as u32 }
}

/// `system(command)`: the wait status of `/bin/sh -c command`.
pub(crate) fn system(command: &CStr) -> i32 {
    // SAFETY: `command` is a valid NUL-terminated string for the call.
    unsafe { libc::system(command.as_ptr()) }
}

/// One entry of a `poll` set.
pub(crate) type PollFd = libc::pollfd;

/// `poll(fds, timeout_ms)` (a negative timeout waits for ever): how many
/// entries have events, `revents` filled in. `EINTR` is returned to the
/// caller, which knows how much time is left.
pub(crate) fn poll(fds: &mut [PollFd], timeout_ms: i32) -> SysResult<usize> {
    // SAFETY: `fds` is a valid array of `fds.len()` pollfd structures.
    let n = unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, timeout_ms) };
    check(n).map(|n| n as usize)
}

/// Runs `f` on the open descriptor `fd` seen as a `File` that is not closed
/// afterwards (the descriptor stays its owner's), or `EBADF`.
pub(crate) fn with_borrowed<T>(fd: i32, f: impl FnOnce(&File) -> T) -> SysResult<T> {
    if !is_open(fd) {
        return Err(libc::EBADF);
    }
    // SAFETY: `fd` is open; `ManuallyDrop` keeps this view from closing it.
    let file = std::mem::ManuallyDrop::new(unsafe { File::from_raw_fd(fd) });
    Ok(f(&file))
}

/// `confstr(name)`: the configuration string, `None` when it has none;
/// `EINVAL` for a name the C library does not know.
pub(crate) fn confstr(name: i32) -> SysResult<Option<Vec<u8>>> {
    let mut buf = vec![0u8; 256];
    loop {
        // SAFETY: `buf` is valid for `buf.len()` writable bytes.
        let n = unsafe { libc::confstr(name, buf.as_mut_ptr().cast(), buf.len()) };
        if n == 0 {
            let e = errno();
            return if e == 0 { Ok(None) } else { Err(e) };
        }
        if n <= buf.len() {
            // `n` counts the terminating NUL.
            buf.truncate(n - 1);
            return Ok(Some(buf));
        }
        buf.resize(n, 0);
    }
}

/// `fork()`: 0 in the child, the child's pid in the parent.
///
/// The VM runs every Python thread on one OS thread, so the child starts
/// with the whole interpreter in a consistent state.
pub(crate) fn fork() -> SysResult<i32> {
    // SAFETY: no other OS thread of ours holds locks the child would need.
    check(unsafe { libc::fork() })
}

/// `execv(path, argv)` or, with `env`, `execve`: only returns on failure,
/// with the `errno`.
pub(crate) fn exec(
    path: &CStr,
    argv: &[std::ffi::CString],
    env: Option<&[std::ffi::CString]>,
) -> i32 {
    let mut args: Vec<*const libc::c_char> = argv.iter().map(|a| a.as_ptr()).collect();
    args.push(std::ptr::null());
    match env {
        Some(env) => {
            let mut envp: Vec<*const libc::c_char> = env.iter().map(|e| e.as_ptr()).collect();
            envp.push(std::ptr::null());
            // SAFETY: NULL-terminated arrays of valid C strings that outlive the call.
            unsafe { libc::execve(path.as_ptr(), args.as_ptr(), envp.as_ptr()) };
        }
        // SAFETY: a NULL-terminated array of valid C strings that outlive the call.
        None => unsafe {
            libc::execv(path.as_ptr(), args.as_ptr());
        },
    }
    errno()
}
