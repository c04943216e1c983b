//! More thin wrappers over the C library for `posix`: `wait`, `statvfs`,
//! process groups and sessions, CPU affinity, descriptor calls that `std`
//! lacks (`fchmod`, `fchdir`, `fdatasync`, `pread`, `pwrite`), `mkfifo`,
//! `utimensat`,
//! `nice` and device numbers.
//!
//! As `raw.rs`, a place where the VM may use `unsafe`: each function passes
//! integers or Rust-owned buffers to one call and turns `-1` into `errno`.
#![allow(unsafe_code)]

use std::ffi::CStr;

use super::raw::{check, errno, SysResult};

/// `wait()`: the pid and status of any child, retried on `EINTR`.
pub(crate) fn wait() -> SysResult<(i32, i32)> {
    let mut status: libc::c_int = 0;
    loop {
        // SAFETY: `status` is a valid int for the kernel to fill.
        match check(unsafe { libc::wait(&mut status) }) {
            Err(libc::EINTR) => continue,
            r => return r.map(|pid| (pid, status)),
        }
    }
}

/// The fields of `struct statvfs`, in `os.statvfs_result` order, then
/// `f_fsid`.
pub(crate) type StatVfs = [u64; 11];

// The field types are u64 on 64-bit Linux but narrower elsewhere.
#[allow(clippy::unnecessary_cast)]
fn statvfs_fields(s: &libc::statvfs) -> StatVfs {
    [
        s.f_bsize as u64,
        s.f_frsize as u64,
        s.f_blocks as u64,
        s.f_bfree as u64,
        s.f_bavail as u64,
        s.f_files as u64,
        s.f_ffree as u64,
        s.f_favail as u64,
        s.f_flag as u64,
        s.f_namemax as u64,
        s.f_fsid as u64,
    ]
}

/// `statvfs(path)`.
pub(crate) fn statvfs(path: &CStr) -> SysResult<StatVfs> {
    // SAFETY: `statvfs` is plain data; zero is a valid value.
    let mut s: libc::statvfs = unsafe { std::mem::zeroed() };
    // SAFETY: `path` is a valid C string and `s` ours to fill.
    check(unsafe { libc::statvfs(path.as_ptr(), &mut s) })?;
    Ok(statvfs_fields(&s))
}

/// `fstatvfs(fd)`.
pub(crate) fn fstatvfs(fd: i32) -> SysResult<StatVfs> {
    // SAFETY: as `statvfs`.
    let mut s: libc::statvfs = unsafe { std::mem::zeroed() };
    // SAFETY: `s` is ours to fill.
    check(unsafe { libc::fstatvfs(fd, &mut s) })?;
    Ok(statvfs_fields(&s))
}

/// `getgroups()`: the supplementary group ids.
pub(crate) fn getgroups() -> SysResult<Vec<u32>> {
    // SAFETY: a zero-sized query touches no memory.
    let n = check(unsafe { libc::getgroups(0, std::ptr::null_mut()) })?;
    let mut g = vec![0 as libc::gid_t; n as usize];
    // SAFETY: `g` holds `n` gids for the call to fill.
    let n = check(unsafe { libc::getgroups(n, g.as_mut_ptr()) })?;
    g.truncate(n as usize);
    Ok(g)
}

/// `getpgrp()`.
pub(crate) fn getpgrp() -> i32 {
    // SAFETY: no arguments, always succeeds.
    unsafe { libc::getpgrp() }
}

/// `getsid(pid)`.
pub(crate) fn getsid(pid: i32) -> SysResult<i32> {
    // SAFETY: plain integers.
    check(unsafe { libc::getsid(pid) })
}

/// `setsid()`.
pub(crate) fn setsid() -> SysResult<()> {
    // SAFETY: no arguments.
    check(unsafe { libc::setsid() }).map(|_| ())
}

/// `openpty()`: a pseudo-terminal's `(master, slave)` descriptors, both
/// close-on-exec (non-inheritable, as `os.openpty` makes them).
pub(crate) fn openpty() -> SysResult<(i32, i32)> {
    let (mut master, mut slave): (libc::c_int, libc::c_int) = (-1, -1);
    // SAFETY: two ints for the descriptors; no name, modes or size.
    check(unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            std::ptr::null(),
        )
    })?;
    for fd in [master, slave] {
        // SAFETY: a descriptor the call just opened, and integer flags.
        unsafe { libc::fcntl(fd, libc::F_SETFD, libc::FD_CLOEXEC) };
    }
    Ok((master, slave))
}

/// `ttyname_r(fd)`: the path of the terminal open on `fd`.
pub(crate) fn ttyname(fd: i32) -> SysResult<Vec<u8>> {
    let mut buf = vec![0u8; 256];
    loop {
        // SAFETY: `buf` is valid for `buf.len()` writable bytes.
        let r = unsafe { libc::ttyname_r(fd, buf.as_mut_ptr().cast(), buf.len()) };
        match r {
            0 => {
                let end = buf.iter().position(|&c| c == 0).unwrap_or(buf.len());
                buf.truncate(end);
                return Ok(buf);
            }
            libc::ERANGE if buf.len() < 1 << 16 => buf.resize(buf.len() * 2, 0),
            e => return Err(e),
        }
    }
}

/// `setpgid(pid, pgrp)`.
pub(crate) fn setpgid(pid: i32, pgrp: i32) -> SysResult<()> {
    // SAFETY: plain integers.
    check(unsafe { libc::setpgid(pid, pgrp) }).map(|_| ())
}

/// `sched_getaffinity(pid)`: the CPUs the process may run on.
pub(crate) fn sched_getaffinity(pid: i32) -> SysResult<Vec<usize>> {
    // SAFETY: `cpu_set_t` is plain data; zero is the empty set.
    let mut set: libc::cpu_set_t = unsafe { std::mem::zeroed() };
    // SAFETY: `set` is a valid cpu_set_t of the size passed.
    check(unsafe {
        libc::sched_getaffinity(pid, std::mem::size_of::<libc::cpu_set_t>(), &mut set)
    })?;
    let max = 8 * std::mem::size_of::<libc::cpu_set_t>();
    // SAFETY: CPU_ISSET reads the set we own, for indices below its size.
    Ok((0..max)
        .filter(|&c| unsafe { libc::CPU_ISSET(c, &set) })
        .collect())
}

/// `sched_yield()`.
pub(crate) fn sched_yield() {
    // SAFETY: no arguments.
    unsafe { libc::sched_yield() };
}

/// `close` of every descriptor in `lo..hi`, errors ignored (as CPython).
pub(crate) fn closerange(lo: i32, hi: i32) {
    for fd in lo.max(0)..hi {
        // SAFETY: closing numbers the caller asked to close.
        unsafe { libc::close(fd) };
    }
}

/// `fchmod(fd, mode)`.
pub(crate) fn fchmod(fd: i32, mode: u32) -> SysResult<()> {
    // SAFETY: plain integers.
    check(unsafe { libc::fchmod(fd, mode as libc::mode_t) }).map(|_| ())
}

/// `fchdir(fd)`.
pub(crate) fn fchdir(fd: i32) -> SysResult<()> {
    // SAFETY: plain integers.
    check(unsafe { libc::fchdir(fd) }).map(|_| ())
}

/// `fdatasync(fd)`.
pub(crate) fn fdatasync(fd: i32) -> SysResult<()> {
    // SAFETY: plain integers.
    check(unsafe { libc::fdatasync(fd) }).map(|_| ())
}

/// `sync()`.
pub(crate) fn sync() {
    // SAFETY: no arguments.
    unsafe { libc::sync() };
}

/// `mkfifo(path, mode)`.
pub(crate) fn mkfifo(dir_fd: Option<i32>, path: &CStr, mode: u32) -> SysResult<()> {
    let dir = dir_fd.unwrap_or(libc::AT_FDCWD);
    // SAFETY: `path` is a valid C string.
    check(unsafe { libc::mkfifoat(dir, path.as_ptr(), mode as libc::mode_t) }).map(|_| ())
}

/// Access and modification times as `utimensat` and `futimens` take them.
fn timespecs(times: Option<[(i64, u32); 2]>) -> Option<[libc::timespec; 2]> {
    times.map(|t| {
        t.map(|(sec, nsec)| libc::timespec {
            tv_sec: sec as libc::time_t,
            tv_nsec: libc::c_long::from(nsec as i32),
        })
    })
}

/// `utimensat(dir_fd or AT_FDCWD, path, times, flags)`: access and
/// modification times as (seconds, nanoseconds), or `None` for now; on the
/// link itself unless `follow`. No descriptor is opened (a FIFO would
/// block).
pub(crate) fn utimensat(
    dir_fd: Option<i32>,
    path: &CStr,
    times: Option<[(i64, u32); 2]>,
    follow: bool,
) -> SysResult<()> {
    let spec = timespecs(times);
    let ptr = spec.as_ref().map_or(std::ptr::null(), |s| s.as_ptr());
    let flags = if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW };
    let dir = dir_fd.unwrap_or(libc::AT_FDCWD);
    // SAFETY: `path` is a valid C string and `ptr` is null or points to two
    // timespecs that live until the call returns.
    check(unsafe { libc::utimensat(dir, path.as_ptr(), ptr, flags) }).map(|_| ())
}

/// `futimens(fd, times)`: as [`utimensat`], on an open descriptor.
pub(crate) fn futimens(fd: i32, times: Option<[(i64, u32); 2]>) -> SysResult<()> {
    let spec = timespecs(times);
    let ptr = spec.as_ref().map_or(std::ptr::null(), |s| s.as_ptr());
    // SAFETY: `ptr` is null or points to two timespecs that live until the
    // call returns; a bad `fd` is an error, not undefined behaviour.
    check(unsafe { libc::futimens(fd, ptr) }).map(|_| ())
}

/// `nice(increment)`: the new niceness (`-1` is a valid result, so errno
/// decides).
pub(crate) fn nice(increment: i32) -> SysResult<i32> {
    // SAFETY: writing the thread's errno location.
    unsafe { *libc::__errno_location() = 0 };
    // SAFETY: plain integers.
    let r = unsafe { libc::nice(increment) };
    if r == -1 && errno() != 0 {
        return Err(errno());
    }
    Ok(r)
}

/// `pread(fd, buf, offset)`, retried on `EINTR`.
pub(crate) fn pread(fd: i32, buf: &mut [u8], offset: i64) -> SysResult<usize> {
    loop {
        // SAFETY: `buf` is valid for `buf.len()` writable bytes.
        let n = unsafe { libc::pread(fd, buf.as_mut_ptr().cast(), buf.len(), offset) };
        if n >= 0 {
            return Ok(n as usize);
        }
        if errno() != libc::EINTR {
            return Err(errno());
        }
    }
}

/// `pwrite(fd, buf, offset)`, retried on `EINTR`.
pub(crate) fn pwrite(fd: i32, buf: &[u8], offset: i64) -> SysResult<usize> {
    loop {
        // SAFETY: `buf` is valid for `buf.len()` readable bytes.
        let n = unsafe { libc::pwrite(fd, buf.as_ptr().cast(), buf.len(), offset) };
        if n >= 0 {
            return Ok(n as usize);
        }
        if errno() != libc::EINTR {
            return Err(errno());
        }
    }
}
