//! The fork and the child's side of `fork_exec`: CPython's `child_exec`.
//!
//! Between `fork` and `exec` the child may only make async-signal-safe
//! calls, so everything it needs (C strings, pointer arrays, the sorted
//! descriptors to keep) is prepared by the parent in a [`Plan`], and the
//! child writes its failure back through the error pipe with fixed buffers.
//! This is one of the two places of the VM that may use `unsafe` (the other
//! is `posix::raw`).
#![allow(unsafe_code)]

use std::ffi::{c_char, CString};

/// Everything the child does, prepared before the fork.
pub(super) struct Plan {
    /// The paths to try `exec` on, in order (`PATH` already searched).
    pub exec_list: Vec<CString>,
    /// `argv`.
    pub argv: Vec<CString>,
    /// `envp`, or `None` to keep the parent's environment.
    pub envp: Option<Vec<CString>>,
    /// The directory to change to.
    pub cwd: Option<CString>,
    /// The pipe ends (`-1` when unused): child's stdin read end, parent's
    /// write end, parent's stdout read end, child's stdout write end,
    /// parent's stderr read end, child's stderr write end.
    pub fds: [i32; 6],
    /// The error pipe's read end (the parent's) and write end (the child's).
    pub errpipe: (i32, i32),
    /// Whether to close every descriptor from 3 up but those in `keep`.
    pub close_fds: bool,
    /// Descriptors to keep open and make inheritable, sorted.
    pub keep: Vec<i32>,
    /// Whether to reset `SIGPIPE` and `SIGXFSZ` to their defaults.
    pub restore_signals: bool,
    /// Whether to call `setsid()`.
    pub setsid: bool,
    /// `setpgid(0, pgid)` when not negative.
    pub pgid: i32,
    /// `setgroups` with these groups.
    pub groups: Option<Vec<libc::gid_t>>,
    /// `setregid(gid, gid)`.
    pub gid: Option<libc::gid_t>,
    /// `setreuid(uid, uid)`.
    pub uid: Option<libc::uid_t>,
    /// `umask(mask)` when not negative.
    pub umask: i32,
}

/// A C `NULL`-terminated array of pointers into `strings`.
fn pointers(strings: &[CString]) -> Vec<*const c_char> {
    let mut v: Vec<*const c_char> = strings.iter().map(|s| s.as_ptr()).collect();
    v.push(std::ptr::null());
    v
}

/// Forks; the child runs `plan` (calling `preexec` when given, just before
/// the descriptors are closed) and never returns. The parent gets the
/// child's pid, or the `errno` of a failed `fork`.
pub(super) fn fork_exec(
    plan: &Plan,
    preexec: Option<&mut dyn FnMut() -> bool>,
) -> Result<i32, i32> {
    let argv = pointers(&plan.argv);
    let envp = plan.envp.as_deref().map(pointers);
    // For closing descriptors one by one where `close_range` is missing.
    // SAFETY: sysconf reads a limit.
    let max_fd = unsafe { libc::sysconf(libc::_SC_OPEN_MAX) }.clamp(256, 1 << 16) as i32;
    // SAFETY: the child only makes async-signal-safe calls on memory
    // prepared above (or runs the caller's `preexec`, which CPython also
    // allows at the user's risk) and ends in `exec` or `_exit`.
    let pid = unsafe { libc::fork() };
    if pid == -1 {
        return Err(super::super::posix::raw::errno());
    }
    if pid != 0 {
        return Ok(pid);
    }
    let failure = child(plan, &argv, envp.as_deref(), max_fd, preexec);
    report(plan.errpipe.1, failure);
    // SAFETY: ends the child without running the parent's exit handlers.
    unsafe { libc::_exit(255) }
}

/// Why the child did not exec: an `errno` (with whether it happened before
/// `preexec_fn`, the "noexec" stage) or a `preexec_fn` exception.
enum Failure {
    Errno { errno: i32, before_exec: bool },
    Preexec,
}

/// The calling thread's `errno` (reading it allocates nothing).
fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

fn call(r: libc::c_int) -> Result<libc::c_int, i32> {
    if r == -1 {
        Err(errno())
    } else {
        Ok(r)
    }
}

fn set_inheritable(fd: i32, on: bool) -> Result<(), i32> {
    // SAFETY: fcntl on integer descriptors.
    let flags = call(unsafe { libc::fcntl(fd, libc::F_GETFD) })?;
    let new = if on {
        flags & !libc::FD_CLOEXEC
    } else {
        flags | libc::FD_CLOEXEC
    };
    if new != flags {
        // SAFETY: as above.
        call(unsafe { libc::fcntl(fd, libc::F_SETFD, new) })?;
    }
    Ok(())
}

/// A non-inheritable copy of `fd`.
fn dup_cloexec(fd: i32) -> Result<i32, i32> {
    // SAFETY: fcntl on an integer descriptor.
    call(unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) })
}

fn close(fd: i32) -> Result<(), i32> {
    // SAFETY: the child owns its copies of the parent's descriptors.
    call(unsafe { libc::close(fd) }).map(|_| ())
}

/// Makes `fd` the standard descriptor `target` (`dup2` clears
/// `FD_CLOEXEC`; when they are already equal the flag is cleared by hand).
fn install(fd: i32, target: i32) -> Result<(), i32> {
    if fd == target {
        set_inheritable(fd, true)
    } else if fd != -1 {
        // SAFETY: integer descriptors.
        call(unsafe { libc::dup2(fd, target) }).map(|_| ())
    } else {
        Ok(())
    }
}

/// Steps of `child_exec` before `preexec_fn`: descriptors, directory,
/// mask, signals, session and ids.
fn setup(plan: &Plan) -> Result<(), i32> {
    let [p2cread, p2cwrite, c2pread, mut c2pwrite, errread, mut errwrite] = plan.fds;
    for &fd in &plan.keep {
        if fd != plan.errpipe.1 {
            set_inheritable(fd, true)?;
        }
    }
    for fd in [p2cwrite, c2pread, errread] {
        if fd != -1 {
            close(fd)?;
        }
    }
    close(plan.errpipe.0)?;
    // A write end sitting on 0 or 1 would be overwritten by the `dup2`s
    // below before its own turn comes.
    if c2pwrite == 0 {
        c2pwrite = dup_cloexec(c2pwrite)?;
    }
    while errwrite == 0 || errwrite == 1 {
        errwrite = dup_cloexec(errwrite)?;
    }
    install(p2cread, 0)?;
    install(c2pwrite, 1)?;
    install(errwrite, 2)?;
    // SAFETY (all calls below): C strings and arrays owned by `plan`,
    // integers otherwise.
    if let Some(cwd) = &plan.cwd {
        call(unsafe { libc::chdir(cwd.as_ptr()) })?;
    }
    if plan.umask >= 0 {
        unsafe { libc::umask(plan.umask as libc::mode_t) };
    }
    if plan.restore_signals {
        // What CPython (and Rust's runtime) set to ignored at startup.
        unsafe {
            libc::signal(libc::SIGPIPE, libc::SIG_DFL);
            libc::signal(libc::SIGXFSZ, libc::SIG_DFL);
        }
    }
    if plan.setsid {
        call(unsafe { libc::setsid() })?;
    }
    if plan.pgid >= 0 {
        call(unsafe { libc::setpgid(0, plan.pgid) })?;
    }
    if let Some(groups) = &plan.groups {
        call(unsafe { libc::setgroups(groups.len(), groups.as_ptr()) })?;
    }
    if let Some(gid) = plan.gid {
        call(unsafe { libc::setregid(gid, gid) })?;
    }
    if let Some(uid) = plan.uid {
        call(unsafe { libc::setreuid(uid, uid) })?;
    }
    Ok(())
}

/// Closes every descriptor from 3 up except those in `keep` (sorted).
fn close_open_fds(keep: &[i32], max_fd: i32) {
    let mut start: i32 = 3;
    let mut ranges_ok = true;
    for &k in keep.iter().chain(std::iter::once(&i32::MAX)) {
        if k < start {
            continue;
        }
        if k > start {
            let last = if k == i32::MAX {
                u32::MAX
            } else {
                (k - 1) as u32
            };
            // SAFETY: the close_range system call on integers.
            let r = unsafe { libc::syscall(libc::SYS_close_range, start as u32, last, 0u32) };
            if r != 0 {
                ranges_ok = false;
                break;
            }
        }
        start = k.saturating_add(1);
    }
    if ranges_ok {
        return;
    }
    for fd in 3..max_fd {
        if keep.binary_search(&fd).is_err() {
            // SAFETY: closing a number in the child; EBADF is harmless.
            unsafe { libc::close(fd) };
        }
    }
}

fn child(
    plan: &Plan,
    argv: &[*const c_char],
    envp: Option<&[*const c_char]>,
    max_fd: i32,
    preexec: Option<&mut dyn FnMut() -> bool>,
) -> Failure {
    if let Err(errno) = setup(plan) {
        return Failure::Errno {
            errno,
            before_exec: true,
        };
    }
    if let Some(f) = preexec {
        if !f() {
            return Failure::Preexec;
        }
    }
    if plan.close_fds {
        close_open_fds(&plan.keep, max_fd);
    }
    // `os._execvpe`'s rule: report the first error that is not "no such
    // file" along the path, else the last one.
    let mut saved = 0;
    let mut last = 0;
    for exe in &plan.exec_list {
        // SAFETY: NUL-terminated strings and NULL-terminated arrays.
        unsafe {
            match envp {
                Some(env) => libc::execve(exe.as_ptr(), argv.as_ptr(), env.as_ptr()),
                None => libc::execv(exe.as_ptr(), argv.as_ptr()),
            };
        }
        last = errno();
        if last != libc::ENOENT && last != libc::ENOTDIR && saved == 0 {
            saved = last;
        }
    }
    Failure::Errno {
        errno: if saved != 0 { saved } else { last },
        before_exec: false,
    }
}

fn write_all(fd: i32, data: &[u8]) {
    let mut rest = data;
    while !rest.is_empty() {
        // SAFETY: `rest` is valid for its length.
        let n = unsafe { libc::write(fd, rest.as_ptr().cast(), rest.len()) };
        if n < 0 {
            if errno() == libc::EINTR {
                continue;
            }
            return;
        }
        rest = &rest[n as usize..];
    }
}

/// Writes `OSError:<hex errno>:[noexec]` or
/// `SubprocessError:0:<message>` to the error pipe, as `subprocess.py`
/// parses it (the parent looks the message up: `strerror` is not safe here).
fn report(errpipe: i32, failure: Failure) {
    match failure {
        // No `exec` was tried and nothing failed: no errno to report.
        Failure::Errno { errno: 0, .. } => write_all(errpipe, b"SubprocessError:0:"),
        Failure::Errno { errno, before_exec } => {
            write_all(errpipe, b"OSError:");
            let mut hex = [0u8; 8];
            let mut at = hex.len();
            let mut n = errno as u32;
            while n != 0 && at > 0 {
                at -= 1;
                hex[at] = b"0123456789abcdef"[(n % 16) as usize];
                n /= 16;
            }
            write_all(errpipe, &hex[at..]);
            write_all(errpipe, b":");
            if before_exec {
                write_all(errpipe, b"noexec");
            }
        }
        Failure::Preexec => {
            write_all(
                errpipe,
                b"SubprocessError:0:Exception occurred in preexec_fn.",
            );
        }
    }
}
