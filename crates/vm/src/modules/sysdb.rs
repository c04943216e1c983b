//! The C library's user and group databases (`getpwuid_r`, `getgrnam_r`,
//! `getpwent`, ...), read into owned Rust records for `pwd` and `grp`.
//!
//! Like `posix::raw`, this is a place where the VM may use `unsafe`: each
//! function hands the C library a Rust-owned buffer, copies the strings the
//! returned record points into (all inside that buffer) and lets go of it.
#![allow(unsafe_code)]

use std::ffi::{CStr, CString};

/// One `struct passwd`.
#[derive(Debug, Clone)]
pub(crate) struct Passwd {
    pub name: Vec<u8>,
    pub passwd: Vec<u8>,
    pub uid: u32,
    pub gid: u32,
    pub gecos: Vec<u8>,
    pub dir: Vec<u8>,
    pub shell: Vec<u8>,
}

/// One `struct group`.
#[derive(Debug, Clone)]
pub(crate) struct Group {
    pub name: Vec<u8>,
    pub passwd: Vec<u8>,
    pub gid: u32,
    pub members: Vec<Vec<u8>>,
}

/// The bytes of a C string the C library returned, empty for `NULL`.
///
/// # Safety
/// `p` is `NULL` or points to a NUL-terminated string.
unsafe fn owned(p: *const libc::c_char) -> Vec<u8> {
    if p.is_null() {
        Vec::new()
    } else {
        CStr::from_ptr(p).to_bytes().to_vec()
    }
}

/// # Safety
/// `p` points to a `passwd` whose strings are valid.
unsafe fn read_passwd(p: &libc::passwd) -> Passwd {
    Passwd {
        name: owned(p.pw_name),
        passwd: owned(p.pw_passwd),
        uid: p.pw_uid,
        gid: p.pw_gid,
        gecos: owned(p.pw_gecos),
        dir: owned(p.pw_dir),
        shell: owned(p.pw_shell),
    }
}

/// # Safety
/// `g` points to a `group` whose strings and member array are valid.
unsafe fn read_group(g: &libc::group) -> Group {
    let mut members = Vec::new();
    if !g.gr_mem.is_null() {
        let mut i = 0;
        loop {
            let m = *g.gr_mem.add(i);
            if m.is_null() {
                break;
            }
            members.push(owned(m));
            i += 1;
        }
    }
    Group {
        name: owned(g.gr_name),
        passwd: owned(g.gr_passwd),
        gid: g.gr_gid,
        members,
    }
}

/// Calls a reentrant lookup with a growing buffer until it fits: the
/// record, or `None` when there is none (or the lookup failed).
fn with_buffer<T, R>(
    mut call: impl FnMut(&mut T, &mut [libc::c_char], &mut *mut T) -> libc::c_int,
    read: impl Fn(&T) -> R,
    blank: impl Fn() -> T,
) -> Option<R> {
    let mut size = 1024usize;
    loop {
        let mut rec = blank();
        let mut buf = vec![0 as libc::c_char; size];
        let mut out: *mut T = std::ptr::null_mut();
        let r = call(&mut rec, &mut buf, &mut out);
        if r == libc::ERANGE && size < (1 << 24) {
            size *= 4;
            continue;
        }
        if r != 0 || out.is_null() {
            return None;
        }
        return Some(read(&rec));
    }
}

fn blank_passwd() -> libc::passwd {
    // SAFETY: `passwd` is plain data; all-zero is a valid (null) value.
    unsafe { std::mem::zeroed() }
}

fn blank_group() -> libc::group {
    // SAFETY: `group` is plain data; all-zero is a valid (null) value.
    unsafe { std::mem::zeroed() }
}

/// `getpwuid_r(uid)`.
pub(crate) fn getpwuid(uid: u32) -> Option<Passwd> {
    with_buffer(
        // SAFETY: every pointer is to memory owned by `with_buffer`.
        |rec, buf, out| unsafe { libc::getpwuid_r(uid, rec, buf.as_mut_ptr(), buf.len(), out) },
        // SAFETY: on success the record's strings point into the buffer.
        |rec| unsafe { read_passwd(rec) },
        blank_passwd,
    )
}

/// `getpwnam_r(name)`.
pub(crate) fn getpwnam(name: &CString) -> Option<Passwd> {
    with_buffer(
        // SAFETY: every pointer is to memory owned by `with_buffer` or `name`.
        |rec, buf, out| unsafe {
            libc::getpwnam_r(name.as_ptr(), rec, buf.as_mut_ptr(), buf.len(), out)
        },
        // SAFETY: on success the record's strings point into the buffer.
        |rec| unsafe { read_passwd(rec) },
        blank_passwd,
    )
}

/// `getgrgid_r(gid)`.
pub(crate) fn getgrgid(gid: u32) -> Option<Group> {
    with_buffer(
        // SAFETY: every pointer is to memory owned by `with_buffer`.
        |rec, buf, out| unsafe { libc::getgrgid_r(gid, rec, buf.as_mut_ptr(), buf.len(), out) },
        // SAFETY: on success the record's strings point into the buffer.
        |rec| unsafe { read_group(rec) },
        blank_group,
    )
}

/// `getgrnam_r(name)`.
pub(crate) fn getgrnam(name: &CString) -> Option<Group> {
    with_buffer(
        // SAFETY: every pointer is to memory owned by `with_buffer` or `name`.
        |rec, buf, out| unsafe {
            libc::getgrnam_r(name.as_ptr(), rec, buf.as_mut_ptr(), buf.len(), out)
        },
        // SAFETY: on success the record's strings point into the buffer.
        |rec| unsafe { read_group(rec) },
        blank_group,
    )
}

/// Every user, in the database's order (`setpwent`/`getpwent`/`endpwent`).
pub(crate) fn getpwall() -> Vec<Passwd> {
    let mut all = Vec::new();
    // SAFETY: the records getpwent returns are copied before the next call;
    // the VM runs Python threads on one OS thread, so nothing interleaves.
    unsafe {
        libc::setpwent();
        loop {
            let p = libc::getpwent();
            if p.is_null() {
                break;
            }
            all.push(read_passwd(&*p));
        }
        libc::endpwent();
    }
    all
}

/// Every group, in the database's order.
pub(crate) fn getgrall() -> Vec<Group> {
    let mut all = Vec::new();
    // SAFETY: as in `getpwall`.
    unsafe {
        libc::setgrent();
        loop {
            let g = libc::getgrent();
            if g.is_null() {
                break;
            }
            all.push(read_group(&*g));
        }
        libc::endgrent();
    }
    all
}
