//! The C library's `*at` calls, which resolve a relative path against an
//! open directory descriptor (`dir_fd=` arguments) or the working directory
//! (`AT_FDCWD`), and directory listings read through a descriptor
//! (`listdir(fd)`, `scandir(fd)`).
//!
//! As `raw.rs`, a place where the VM may use `unsafe`: each function passes
//! integers, C strings or Rust-owned buffers to one call and turns `-1` into
//! `errno`.
#![allow(unsafe_code)]

use std::ffi::{CStr, CString};

use super::raw::{check, errno, SysResult};

/// The directory a relative path is resolved against: `dir_fd`, or the
/// working directory.
fn dir(dir_fd: Option<i32>) -> libc::c_int {
    dir_fd.unwrap_or(libc::AT_FDCWD)
}

/// `AT_SYMLINK_NOFOLLOW` unless `follow`.
fn nofollow(follow: bool) -> libc::c_int {
    if follow {
        0
    } else {
        libc::AT_SYMLINK_NOFOLLOW
    }
}

/// `fstatat(dir_fd, path, flags)`: the file's status, through a symlink
/// when `follow`.
pub(crate) fn fstatat(dir_fd: Option<i32>, path: &CStr, follow: bool) -> SysResult<libc::stat> {
    // SAFETY: an all-zero `stat` is a valid value of this plain C struct.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    // SAFETY: `path` is a valid C string and `st` a struct for the kernel
    // to fill.
    check(unsafe { libc::fstatat(dir(dir_fd), path.as_ptr(), &mut st, nofollow(follow)) })?;
    Ok(st)
}

/// `fstat(fd)`.
pub(crate) fn fstat(fd: i32) -> SysResult<libc::stat> {
    // SAFETY: as in `fstatat`.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    // SAFETY: `st` is a struct for the kernel to fill.
    check(unsafe { libc::fstat(fd, &mut st) })?;
    Ok(st)
}

/// `mkdirat(dir_fd, path, mode)`.
pub(crate) fn mkdirat(dir_fd: Option<i32>, path: &CStr, mode: u32) -> SysResult<()> {
    // SAFETY: `path` is a valid C string.
    check(unsafe { libc::mkdirat(dir(dir_fd), path.as_ptr(), mode as libc::mode_t) }).map(|_| ())
}

/// `unlinkat(dir_fd, path, flags)`: a directory when `is_dir`
/// (`AT_REMOVEDIR`), else a file.
pub(crate) fn unlinkat(dir_fd: Option<i32>, path: &CStr, is_dir: bool) -> SysResult<()> {
    let flags = if is_dir { libc::AT_REMOVEDIR } else { 0 };
    // SAFETY: `path` is a valid C string.
    check(unsafe { libc::unlinkat(dir(dir_fd), path.as_ptr(), flags) }).map(|_| ())
}

/// `renameat(src_dir_fd, src, dst_dir_fd, dst)`.
pub(crate) fn renameat(
    src_dir: Option<i32>,
    src: &CStr,
    dst_dir: Option<i32>,
    dst: &CStr,
) -> SysResult<()> {
    // SAFETY: both paths are valid C strings.
    check(unsafe { libc::renameat(dir(src_dir), src.as_ptr(), dir(dst_dir), dst.as_ptr()) })
        .map(|_| ())
}

/// `linkat(src_dir_fd, src, dst_dir_fd, dst, flags)`: a link to what `src`
/// points to when `follow` (`AT_SYMLINK_FOLLOW`), else to `src` itself.
pub(crate) fn linkat(
    src_dir: Option<i32>,
    src: &CStr,
    dst_dir: Option<i32>,
    dst: &CStr,
    follow: bool,
) -> SysResult<()> {
    let flags = if follow { libc::AT_SYMLINK_FOLLOW } else { 0 };
    // SAFETY: both paths are valid C strings.
    check(unsafe {
        libc::linkat(
            dir(src_dir),
            src.as_ptr(),
            dir(dst_dir),
            dst.as_ptr(),
            flags,
        )
    })
    .map(|_| ())
}

/// `symlinkat(target, dir_fd, path)`.
pub(crate) fn symlinkat(target: &CStr, dir_fd: Option<i32>, path: &CStr) -> SysResult<()> {
    // SAFETY: both are valid C strings.
    check(unsafe { libc::symlinkat(target.as_ptr(), dir(dir_fd), path.as_ptr()) }).map(|_| ())
}

/// `readlinkat(dir_fd, path)`: the link's target, however long.
pub(crate) fn readlinkat(dir_fd: Option<i32>, path: &CStr) -> SysResult<Vec<u8>> {
    let mut buf = vec![0u8; 256];
    loop {
        // SAFETY: `path` is a valid C string and `buf` is valid for
        // `buf.len()` writable bytes.
        let n = unsafe {
            libc::readlinkat(
                dir(dir_fd),
                path.as_ptr(),
                buf.as_mut_ptr().cast(),
                buf.len(),
            )
        };
        if n < 0 {
            return Err(errno());
        }
        let n = n as usize;
        // A full buffer may have cut the target short: try a larger one.
        if n < buf.len() {
            buf.truncate(n);
            return Ok(buf);
        }
        buf.resize(buf.len() * 2, 0);
    }
}

/// `fchmodat(dir_fd, path, mode, flags)`.
pub(crate) fn fchmodat(dir_fd: Option<i32>, path: &CStr, mode: u32, follow: bool) -> SysResult<()> {
    // SAFETY: `path` is a valid C string.
    check(unsafe {
        libc::fchmodat(
            dir(dir_fd),
            path.as_ptr(),
            mode as libc::mode_t,
            nofollow(follow),
        )
    })
    .map(|_| ())
}

/// `fchownat(dir_fd, path, uid, gid, flags)`; `None` leaves an id as it is.
pub(crate) fn fchownat(
    dir_fd: Option<i32>,
    path: &CStr,
    uid: Option<u32>,
    gid: Option<u32>,
    follow: bool,
) -> SysResult<()> {
    let uid = uid.unwrap_or(u32::MAX) as libc::uid_t;
    let gid = gid.unwrap_or(u32::MAX) as libc::gid_t;
    // SAFETY: `path` is a valid C string.
    check(unsafe { libc::fchownat(dir(dir_fd), path.as_ptr(), uid, gid, nofollow(follow)) })
        .map(|_| ())
}

/// `fchown(fd, uid, gid)`; `None` leaves an id as it is.
pub(crate) fn fchown(fd: i32, uid: Option<u32>, gid: Option<u32>) -> SysResult<()> {
    let uid = uid.unwrap_or(u32::MAX) as libc::uid_t;
    let gid = gid.unwrap_or(u32::MAX) as libc::gid_t;
    // SAFETY: plain integers.
    check(unsafe { libc::fchown(fd, uid, gid) }).map(|_| ())
}

/// `faccessat(dir_fd, path, mode, flags)`: whether the access is allowed,
/// checked with the effective ids when `effective`.
pub(crate) fn faccessat(
    dir_fd: Option<i32>,
    path: &CStr,
    mode: i32,
    effective: bool,
    follow: bool,
) -> bool {
    let mut flags = nofollow(follow);
    if effective {
        flags |= libc::AT_EACCESS;
    }
    // SAFETY: `path` is a valid C string.
    unsafe { libc::faccessat(dir(dir_fd), path.as_ptr(), mode, flags) == 0 }
}

/// `openat(dir_fd, path, flags, mode)`, retried on `EINTR`: the new
/// descriptor, owned by the caller.
pub(crate) fn openat(dir_fd: Option<i32>, path: &CStr, flags: i32, mode: u32) -> SysResult<i32> {
    loop {
        // SAFETY: `path` is a valid C string.
        let r = unsafe {
            libc::openat(
                dir(dir_fd),
                path.as_ptr(),
                flags | libc::O_CLOEXEC,
                mode as libc::c_uint,
            )
        };
        match check(r) {
            Err(libc::EINTR) => continue,
            r => return r,
        }
    }
}

/// One entry of a directory read through a descriptor: its name, its
/// `d_type` and its inode number.
pub(crate) struct RawEntry {
    /// The file name.
    pub name: Vec<u8>,
    /// `DT_DIR`, `DT_REG`, `DT_LNK`, ... or `DT_UNKNOWN`.
    pub d_type: u8,
    /// The inode number.
    pub ino: u64,
}

/// The entries of the directory open as `fd` (`.` and `..` left out), read
/// through a duplicate of it; the shared offset is rewound afterwards, so
/// the directory can be listed again through `fd` (as CPython's
/// `listdir(fd)` and `scandir(fd)` do).
pub(crate) fn read_dir_fd(fd: i32) -> SysResult<Vec<RawEntry>> {
    // SAFETY: fcntl on an integer descriptor.
    let dup = check(unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) })?;
    // SAFETY: `dup` is our own descriptor; on success the stream owns it.
    let dirp = unsafe { libc::fdopendir(dup) };
    if dirp.is_null() {
        let e = errno();
        // SAFETY: `dup` was not taken over by a stream.
        unsafe { libc::close(dup) };
        return Err(e);
    }
    // SAFETY: `dirp` is an open stream.
    unsafe { libc::rewinddir(dirp) };
    let mut out = Vec::new();
    let result = loop {
        // SAFETY: errno is this thread's.
        unsafe { *libc::__errno_location() = 0 };
        // SAFETY: `dirp` is an open stream; the entry it returns stays
        // valid until the next `readdir` on it.
        let ent = unsafe { libc::readdir(dirp) };
        if ent.is_null() {
            break match errno() {
                0 => Ok(()),
                e => Err(e),
            };
        }
        // SAFETY: `ent` points to a valid entry whose name is a C string.
        let (name, d_type, ino) = unsafe {
            (
                CStr::from_ptr((*ent).d_name.as_ptr()).to_bytes().to_vec(),
                (*ent).d_type,
                (*ent).d_ino,
            )
        };
        if name != b"." && name != b".." {
            out.push(RawEntry { name, d_type, ino });
        }
    };
    // SAFETY: `dirp` is an open stream; closing it closes `dup` only.
    unsafe {
        libc::rewinddir(dirp);
        libc::closedir(dirp);
    }
    result.map(|()| out)
}

/// A path as a C string; `None` when it holds a NUL byte.
pub(crate) fn c_path(p: &std::path::Path) -> Option<CString> {
    use std::os::unix::ffi::OsStrExt;
    CString::new(p.as_os_str().as_bytes()).ok()
}
