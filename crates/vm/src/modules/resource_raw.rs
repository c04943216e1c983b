//! The C library's resource calls (`getrlimit`, `setrlimit`, `prlimit`,
//! `getrusage`, `getpagesize`, `flock`, `fcntl`, `ioctl`) as safe functions
//! over plain integers and Rust-owned buffers, for `resource` and `fcntl`.
//!
//! A place where the VM may use `unsafe`, as `posix::raw`: each function
//! passes the kernel integers or pointers to Rust-owned memory of the right
//! size and turns `-1` into its `errno`.
#![allow(unsafe_code)]

use super::posix::raw::{check, errno, SysResult};

/// `(soft, hard)` limits, `RLIM_INFINITY` as `u64::MAX`.
pub(crate) type Limits = (u64, u64);

/// `prlimit(pid, resource, new)`: the old limits, setting `new` when given
/// (`pid` 0 is this process; `getrlimit`/`setrlimit` are this call).
pub(crate) fn prlimit(pid: i32, resource: i32, new: Option<Limits>) -> SysResult<Limits> {
    let new = new.map(|(cur, max)| libc::rlimit64 {
        rlim_cur: cur,
        rlim_max: max,
    });
    let mut old = libc::rlimit64 {
        rlim_cur: 0,
        rlim_max: 0,
    };
    let new_ptr = new
        .as_ref()
        .map_or(std::ptr::null(), |n| n as *const libc::rlimit64);
    // SAFETY: `new_ptr` is null or points to a live rlimit64; `old` is ours.
    check(unsafe {
        libc::prlimit64(
            pid,
            resource as libc::__rlimit_resource_t,
            new_ptr,
            &mut old,
        )
    })?;
    Ok((old.rlim_cur, old.rlim_max))
}

/// What `getrusage` reports: times in seconds, then the fourteen counters.
pub(crate) struct Usage {
    pub utime: f64,
    pub stime: f64,
    pub counters: [i64; 14],
}

/// `getrusage(who)`.
pub(crate) fn getrusage(who: i32) -> SysResult<Usage> {
    // SAFETY: `rusage` is plain data; zero is a valid value.
    let mut u: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `u` is a valid rusage for the kernel to fill.
    check(unsafe { libc::getrusage(who, &mut u) })?;
    let secs = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 * 1e-6;
    Ok(Usage {
        utime: secs(u.ru_utime),
        stime: secs(u.ru_stime),
        counters: [
            u.ru_maxrss,
            u.ru_ixrss,
            u.ru_idrss,
            u.ru_isrss,
            u.ru_minflt,
            u.ru_majflt,
            u.ru_nswap,
            u.ru_inblock,
            u.ru_oublock,
            u.ru_msgsnd,
            u.ru_msgrcv,
            u.ru_nsignals,
            u.ru_nvcsw,
            u.ru_nivcsw,
        ],
    })
}

/// `getpagesize()`.
pub(crate) fn pagesize() -> i64 {
    // SAFETY: sysconf reads a constant.
    i64::from(unsafe { libc::sysconf(libc::_SC_PAGESIZE) } as i32)
}

/// `sysconf(name)`: the value, `-1` for "no limit"; `Err` with the errno
/// for a name the C library rejects.
pub(crate) fn sysconf(name: i32) -> SysResult<i64> {
    // errno must be cleared: -1 is both "no limit" and "failed".
    // SAFETY: writing the thread's errno location.
    unsafe { *libc::__errno_location() = 0 };
    // SAFETY: sysconf reads a constant.
    let r = unsafe { libc::sysconf(name) };
    if r == -1 {
        let e = errno();
        if e != 0 {
            return Err(e);
        }
    }
    Ok(r as i64)
}

/// `getloadavg()`: the 1, 5 and 15 minute load averages.
pub(crate) fn getloadavg() -> Option<[f64; 3]> {
    let mut l = [0f64; 3];
    // SAFETY: `l` holds three doubles for the C library to fill.
    let n = unsafe { libc::getloadavg(l.as_mut_ptr(), 3) };
    (n == 3).then_some(l)
}

/// `flock(fd, op)`, retried on `EINTR`.
pub(crate) fn flock(fd: i32, op: i32) -> SysResult<()> {
    loop {
        // SAFETY: plain integers.
        match check(unsafe { libc::flock(fd, op) }) {
            Err(libc::EINTR) => continue,
            r => return r.map(|_| ()),
        }
    }
}

/// `fcntl(fd, cmd, arg)` with an integer argument, retried on `EINTR`.
pub(crate) fn fcntl_int(fd: i32, cmd: i32, arg: libc::c_long) -> SysResult<i32> {
    loop {
        // SAFETY: the argument is an integer, not a pointer.
        match check(unsafe { libc::fcntl(fd, cmd, arg) }) {
            Err(libc::EINTR) => continue,
            r => return r,
        }
    }
}

/// `fcntl(fd, cmd, buf)` with a buffer argument (at most 1024 bytes, as
/// CPython copies it): the call's value, the buffer updated in place.
pub(crate) fn fcntl_buf(fd: i32, cmd: i32, buf: &mut [u8]) -> SysResult<i32> {
    // The kernel may write up to the size the command implies; give it a
    // full 1024-byte scratch area, as CPython does.
    let mut scratch = [0u8; 1024];
    let n = buf.len().min(scratch.len());
    scratch[..n].copy_from_slice(&buf[..n]);
    loop {
        // SAFETY: `scratch` is 1024 writable bytes the kernel may use.
        match check(unsafe { libc::fcntl(fd, cmd, scratch.as_mut_ptr()) }) {
            Err(libc::EINTR) => continue,
            r => {
                buf[..n].copy_from_slice(&scratch[..n]);
                return r;
            }
        }
    }
}

/// `ioctl(fd, request, arg)` with an integer argument.
pub(crate) fn ioctl_int(fd: i32, request: u64, arg: libc::c_long) -> SysResult<i32> {
    // SAFETY: the argument is an integer, not a pointer.
    check(unsafe { libc::ioctl(fd, request as libc::Ioctl, arg) })
}

/// `ioctl(fd, request, buf)` with a buffer argument, as `fcntl_buf`.
pub(crate) fn ioctl_buf(fd: i32, request: u64, buf: &mut [u8]) -> SysResult<i32> {
    let mut scratch = [0u8; 1024];
    let n = buf.len().min(scratch.len());
    scratch[..n].copy_from_slice(&buf[..n]);
    // SAFETY: `scratch` is 1024 writable bytes the kernel may use.
    let r = check(unsafe { libc::ioctl(fd, request as libc::Ioctl, scratch.as_mut_ptr()) });
    buf[..n].copy_from_slice(&scratch[..n]);
    r
}

/// A POSIX record lock for `lockf`: `fcntl(fd, F_SETLK[W], &flock)`.
pub(crate) fn record_lock(
    fd: i32,
    cmd: i32,
    kind: i16,
    start: i64,
    len: i64,
    whence: i16,
) -> SysResult<()> {
    // SAFETY: `flock` is plain data; zero is a valid value.
    let mut l: libc::flock = unsafe { std::mem::zeroed() };
    l.l_type = kind;
    l.l_whence = whence;
    l.l_start = start;
    l.l_len = len;
    loop {
        // SAFETY: `l` is a valid flock structure for the call.
        match check(unsafe { libc::fcntl(fd, cmd, &mut l) }) {
            Err(libc::EINTR) => continue,
            r => return r.map(|_| ()),
        }
    }
}
