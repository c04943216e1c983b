//! Thin safe wrappers over the C library's socket calls.
//!
//! Like `posix/raw.rs`, this is one of the few places of the VM that may use
//! `unsafe`: each function passes integers, Rust-owned buffers or a
//! `sockaddr_storage` it filled itself to one system call, and turns `-1`
//! into the `errno` it set. Addresses cross this boundary as [`SockAddr`],
//! so the rest of the module never sees a C structure.
#![allow(unsafe_code)]

use std::ffi::{CStr, CString};
use std::mem::{size_of, zeroed};

use crate::modules::posix::raw::{check, errno, SysResult};

/// A socket address in Rust terms.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum SockAddr {
    /// `AF_INET`: address bytes (network order) and port.
    V4([u8; 4], u16),
    /// `AF_INET6`: address bytes, port, flow info, scope id.
    V6([u8; 16], u16, u32, u32),
    /// `AF_UNIX`: the path bytes (a leading NUL is Linux's abstract
    /// namespace); empty for an unnamed socket.
    Unix(Vec<u8>),
    /// A family this module does not decode.
    Other(i32),
}

/// `-1` as the current `errno`, a count otherwise.
fn check_size(r: libc::ssize_t) -> SysResult<usize> {
    if r < 0 {
        Err(errno())
    } else {
        Ok(r as usize)
    }
}

/// Fills a `sockaddr_storage` from `addr`: the storage and its length.
fn to_storage(addr: &SockAddr) -> SysResult<(libc::sockaddr_storage, libc::socklen_t)> {
    // SAFETY: an all-zero sockaddr_storage is a valid value.
    let mut ss: libc::sockaddr_storage = unsafe { zeroed() };
    let len = match addr {
        SockAddr::V4(ip, port) => {
            // SAFETY: sockaddr_storage is large and aligned enough for any
            // sockaddr type; we write only this view of it.
            let sin = unsafe { &mut *(&mut ss as *mut _ as *mut libc::sockaddr_in) };
            sin.sin_family = libc::AF_INET as libc::sa_family_t;
            sin.sin_port = port.to_be();
            sin.sin_addr.s_addr = u32::from_ne_bytes(*ip);
            size_of::<libc::sockaddr_in>()
        }
        SockAddr::V6(ip, port, flow, scope) => {
            // SAFETY: as above.
            let sin6 = unsafe { &mut *(&mut ss as *mut _ as *mut libc::sockaddr_in6) };
            sin6.sin6_family = libc::AF_INET6 as libc::sa_family_t;
            sin6.sin6_port = port.to_be();
            sin6.sin6_flowinfo = flow.to_be();
            sin6.sin6_addr.s6_addr = *ip;
            sin6.sin6_scope_id = *scope;
            size_of::<libc::sockaddr_in6>()
        }
        SockAddr::Unix(path) => {
            // SAFETY: as above.
            let sun = unsafe { &mut *(&mut ss as *mut _ as *mut libc::sockaddr_un) };
            sun.sun_family = libc::AF_UNIX as libc::sa_family_t;
            if path.len() >= sun.sun_path.len() {
                return Err(libc::ENAMETOOLONG);
            }
            for (d, s) in sun.sun_path.iter_mut().zip(path) {
                *d = *s as libc::c_char;
            }
            let base = size_of::<libc::sa_family_t>();
            // Abstract names have no terminating NUL; paths count theirs.
            if path.first() == Some(&0) {
                base + path.len()
            } else {
                base + path.len() + 1
            }
        }
        SockAddr::Other(_) => return Err(libc::EAFNOSUPPORT),
    };
    Ok((ss, len as libc::socklen_t))
}

/// Reads the address the kernel wrote into `ss` (`len` bytes).
fn from_storage(ss: &libc::sockaddr_storage, len: libc::socklen_t) -> SockAddr {
    match i32::from(ss.ss_family) {
        libc::AF_INET => {
            // SAFETY: the kernel wrote a sockaddr_in for this family.
            let sin = unsafe { &*(ss as *const _ as *const libc::sockaddr_in) };
            SockAddr::V4(
                sin.sin_addr.s_addr.to_ne_bytes(),
                u16::from_be(sin.sin_port),
            )
        }
        libc::AF_INET6 => {
            // SAFETY: the kernel wrote a sockaddr_in6 for this family.
            let sin6 = unsafe { &*(ss as *const _ as *const libc::sockaddr_in6) };
            SockAddr::V6(
                sin6.sin6_addr.s6_addr,
                u16::from_be(sin6.sin6_port),
                u32::from_be(sin6.sin6_flowinfo),
                sin6.sin6_scope_id,
            )
        }
        libc::AF_UNIX => {
            // SAFETY: the kernel wrote a sockaddr_un for this family.
            let sun = unsafe { &*(ss as *const _ as *const libc::sockaddr_un) };
            let base = size_of::<libc::sa_family_t>();
            let n = (len as usize).saturating_sub(base).min(sun.sun_path.len());
            let mut path: Vec<u8> = sun.sun_path[..n].iter().map(|c| *c as u8).collect();
            // A path name ends at its NUL; an abstract one keeps every byte.
            if path.first() != Some(&0) {
                if let Some(end) = path.iter().position(|b| *b == 0) {
                    path.truncate(end);
                }
            }
            SockAddr::Unix(path)
        }
        f => SockAddr::Other(f),
    }
}

/// `socket(family, type, proto)`, not inherited by children (PEP 446).
pub(crate) fn socket(family: i32, ty: i32, proto: i32) -> SysResult<i32> {
    // SAFETY: plain integers.
    check(unsafe { libc::socket(family, ty | libc::SOCK_CLOEXEC, proto) })
}

/// `socketpair(family, type, proto)`: two connected descriptors.
pub(crate) fn socketpair(family: i32, ty: i32, proto: i32) -> SysResult<(i32, i32)> {
    let mut fds = [0 as libc::c_int; 2];
    // SAFETY: `fds` is a valid array of two ints for the kernel to fill.
    check(unsafe { libc::socketpair(family, ty | libc::SOCK_CLOEXEC, proto, fds.as_mut_ptr()) })?;
    Ok((fds[0], fds[1]))
}

/// `bind(fd, addr)`.
pub(crate) fn bind(fd: i32, addr: &SockAddr) -> SysResult<()> {
    let (ss, len) = to_storage(addr)?;
    // SAFETY: `ss` holds a valid address of `len` bytes.
    check(unsafe { libc::bind(fd, &ss as *const _ as *const libc::sockaddr, len) }).map(|_| ())
}

/// `connect(fd, addr)`.
pub(crate) fn connect(fd: i32, addr: &SockAddr) -> SysResult<()> {
    let (ss, len) = to_storage(addr)?;
    // SAFETY: `ss` holds a valid address of `len` bytes.
    check(unsafe { libc::connect(fd, &ss as *const _ as *const libc::sockaddr, len) }).map(|_| ())
}

/// `listen(fd, backlog)`.
pub(crate) fn listen(fd: i32, backlog: i32) -> SysResult<()> {
    // SAFETY: plain integers.
    check(unsafe { libc::listen(fd, backlog) }).map(|_| ())
}

/// `accept4(fd, SOCK_CLOEXEC)`: the new descriptor and the peer's address.
pub(crate) fn accept(fd: i32) -> SysResult<(i32, SockAddr)> {
    // SAFETY: an all-zero sockaddr_storage is a valid value.
    let mut ss: libc::sockaddr_storage = unsafe { zeroed() };
    let mut len = size_of::<libc::sockaddr_storage>() as libc::socklen_t;
    // SAFETY: `ss` and `len` are valid for the kernel to fill.
    let r = unsafe {
        libc::accept4(
            fd,
            &mut ss as *mut _ as *mut libc::sockaddr,
            &mut len,
            libc::SOCK_CLOEXEC,
        )
    };
    let nfd = check(r)?;
    Ok((nfd, from_storage(&ss, len)))
}

/// `send(fd, data, flags)`: how many bytes were sent.
pub(crate) fn send(fd: i32, data: &[u8], flags: i32) -> SysResult<usize> {
    // SAFETY: `data` is valid for `data.len()` readable bytes.
    check_size(unsafe { libc::send(fd, data.as_ptr().cast(), data.len(), flags) })
}

/// `sendto(fd, data, flags, addr)`.
pub(crate) fn sendto(fd: i32, data: &[u8], flags: i32, addr: &SockAddr) -> SysResult<usize> {
    let (ss, len) = to_storage(addr)?;
    // SAFETY: `data` is valid for its length; `ss` holds `len` bytes of address.
    check_size(unsafe {
        libc::sendto(
            fd,
            data.as_ptr().cast(),
            data.len(),
            flags,
            &ss as *const _ as *const libc::sockaddr,
            len,
        )
    })
}

/// `recv(fd, buf, flags)`: how many bytes were read into `buf`.
pub(crate) fn recv(fd: i32, buf: &mut [u8], flags: i32) -> SysResult<usize> {
    // SAFETY: `buf` is valid for `buf.len()` writable bytes.
    check_size(unsafe { libc::recv(fd, buf.as_mut_ptr().cast(), buf.len(), flags) })
}

/// `recvfrom(fd, buf, flags)`: the count and the sender's address (`None`
/// when the kernel gave none, as for a connected stream).
pub(crate) fn recvfrom(
    fd: i32,
    buf: &mut [u8],
    flags: i32,
) -> SysResult<(usize, Option<SockAddr>)> {
    // SAFETY: an all-zero sockaddr_storage is a valid value.
    let mut ss: libc::sockaddr_storage = unsafe { zeroed() };
    let mut len = size_of::<libc::sockaddr_storage>() as libc::socklen_t;
    // SAFETY: `buf`, `ss` and `len` are valid for the kernel to fill.
    let n = check_size(unsafe {
        libc::recvfrom(
            fd,
            buf.as_mut_ptr().cast(),
            buf.len(),
            flags,
            &mut ss as *mut _ as *mut libc::sockaddr,
            &mut len,
        )
    })?;
    Ok((n, (len > 0).then(|| from_storage(&ss, len))))
}

/// `shutdown(fd, how)`.
pub(crate) fn shutdown(fd: i32, how: i32) -> SysResult<()> {
    // SAFETY: plain integers.
    check(unsafe { libc::shutdown(fd, how) }).map(|_| ())
}

/// `setsockopt(fd, level, name, value)` with a byte buffer as the value.
pub(crate) fn setsockopt(fd: i32, level: i32, name: i32, value: &[u8]) -> SysResult<()> {
    // SAFETY: `value` is valid for its length.
    check(unsafe {
        libc::setsockopt(
            fd,
            level,
            name,
            value.as_ptr().cast(),
            value.len() as libc::socklen_t,
        )
    })
    .map(|_| ())
}

/// `getsockopt(fd, level, name)` into a buffer of `buflen` bytes: the bytes
/// the kernel wrote.
pub(crate) fn getsockopt(fd: i32, level: i32, name: i32, buflen: usize) -> SysResult<Vec<u8>> {
    let mut buf = vec![0u8; buflen];
    let mut len = buflen as libc::socklen_t;
    // SAFETY: `buf` is valid for `len` writable bytes.
    check(unsafe { libc::getsockopt(fd, level, name, buf.as_mut_ptr().cast(), &mut len) })?;
    buf.truncate(len as usize);
    Ok(buf)
}

/// `getsockname(fd)` or `getpeername(fd)`.
pub(crate) fn sockname(fd: i32, peer: bool) -> SysResult<SockAddr> {
    // SAFETY: an all-zero sockaddr_storage is a valid value.
    let mut ss: libc::sockaddr_storage = unsafe { zeroed() };
    let mut len = size_of::<libc::sockaddr_storage>() as libc::socklen_t;
    let p = &mut ss as *mut _ as *mut libc::sockaddr;
    // SAFETY: `ss` and `len` are valid for the kernel to fill.
    let r = unsafe {
        if peer {
            libc::getpeername(fd, p, &mut len)
        } else {
            libc::getsockname(fd, p, &mut len)
        }
    };
    check(r)?;
    Ok(from_storage(&ss, len))
}

/// `gethostname()`.
pub(crate) fn gethostname() -> SysResult<Vec<u8>> {
    let mut buf = vec![0u8; 256];
    // SAFETY: `buf` is valid for `buf.len()` writable bytes.
    check(unsafe { libc::gethostname(buf.as_mut_ptr().cast(), buf.len()) })?;
    let end = buf.iter().position(|b| *b == 0).unwrap_or(buf.len());
    buf.truncate(end);
    Ok(buf)
}

/// One result of `getaddrinfo`.
pub(crate) struct AddrInfo {
    /// `ai_family`.
    pub family: i32,
    /// `ai_socktype`.
    pub socktype: i32,
    /// `ai_protocol`.
    pub protocol: i32,
    /// `ai_canonname`, empty when absent.
    pub canonname: String,
    /// `ai_addr`.
    pub addr: SockAddr,
}

/// The `getaddrinfo` hints.
pub(crate) struct Hints {
    /// `ai_family`.
    pub family: i32,
    /// `ai_socktype`.
    pub socktype: i32,
    /// `ai_protocol`.
    pub protocol: i32,
    /// `ai_flags`.
    pub flags: i32,
}

/// A failed `getaddrinfo`: its `EAI_*` code, or an `errno` for `EAI_SYSTEM`.
pub(crate) enum GaiError {
    /// An `EAI_*` code (negative on Linux).
    Gai(i32),
    /// `EAI_SYSTEM`: the `errno`.
    Sys(i32),
}

/// `getaddrinfo(host, port, hints)`.
pub(crate) fn getaddrinfo(
    host: Option<&CStr>,
    port: Option<&CStr>,
    hints: &Hints,
) -> Result<Vec<AddrInfo>, GaiError> {
    // SAFETY: an all-zero addrinfo is a valid value (null pointers).
    let mut h: libc::addrinfo = unsafe { zeroed() };
    h.ai_family = hints.family;
    h.ai_socktype = hints.socktype;
    h.ai_protocol = hints.protocol;
    h.ai_flags = hints.flags;
    let mut res: *mut libc::addrinfo = std::ptr::null_mut();
    let hp = host.map_or(std::ptr::null(), CStr::as_ptr);
    let pp = port.map_or(std::ptr::null(), CStr::as_ptr);
    // SAFETY: the strings are NUL-terminated or null; `res` receives a
    // list that is freed below.
    let r = unsafe { libc::getaddrinfo(hp, pp, &h, &mut res) };
    if r != 0 {
        return Err(if r == libc::EAI_SYSTEM {
            GaiError::Sys(errno())
        } else {
            GaiError::Gai(r)
        });
    }
    let mut out = Vec::new();
    let mut p = res;
    while !p.is_null() {
        // SAFETY: `p` is a node of the list getaddrinfo returned.
        let ai = unsafe { &*p };
        let addr = if ai.ai_addr.is_null() {
            SockAddr::Other(ai.ai_family)
        } else {
            // SAFETY: an all-zero sockaddr_storage is a valid value.
            let mut ss: libc::sockaddr_storage = unsafe { zeroed() };
            let n = (ai.ai_addrlen as usize).min(size_of::<libc::sockaddr_storage>());
            // SAFETY: `ai_addr` points to `ai_addrlen` bytes; we copy at
            // most the storage's size.
            unsafe {
                std::ptr::copy_nonoverlapping(
                    ai.ai_addr as *const u8,
                    &mut ss as *mut _ as *mut u8,
                    n,
                );
            }
            from_storage(&ss, n as libc::socklen_t)
        };
        let canonname = if ai.ai_canonname.is_null() {
            String::new()
        } else {
            // SAFETY: a NUL-terminated string owned by the list.
            unsafe { CStr::from_ptr(ai.ai_canonname) }
                .to_string_lossy()
                .into_owned()
        };
        out.push(AddrInfo {
            family: ai.ai_family,
            socktype: ai.ai_socktype,
            protocol: ai.ai_protocol,
            canonname,
            addr,
        });
        p = ai.ai_next;
    }
    // SAFETY: `res` came from getaddrinfo and is freed once.
    unsafe { libc::freeaddrinfo(res) };
    Ok(out)
}

/// The C library's message for an `EAI_*` code.
pub(crate) fn gai_strerror(code: i32) -> String {
    // SAFETY: gai_strerror returns a static NUL-terminated string.
    let p = unsafe { libc::gai_strerror(code) };
    if p.is_null() {
        return format!("Unknown error {code}");
    }
    // SAFETY: as above.
    unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned()
}

/// A C string of `s`, or `EINVAL` when it holds a NUL.
pub(crate) fn cstring(s: &[u8]) -> Option<CString> {
    CString::new(s.to_vec()).ok()
}

extern "C" {
    // glibc's reentrant lookup; the `libc` crate does not declare it.
    fn gethostbyaddr_r(
        addr: *const libc::c_void,
        len: libc::socklen_t,
        family: libc::c_int,
        ret: *mut libc::hostent,
        buf: *mut libc::c_char,
        buflen: libc::size_t,
        result: *mut *mut libc::hostent,
        h_errnop: *mut libc::c_int,
    ) -> libc::c_int;
    fn gethostbyname_r(
        name: *const libc::c_char,
        ret: *mut libc::hostent,
        buf: *mut libc::c_char,
        buflen: libc::size_t,
        result: *mut *mut libc::hostent,
        h_errnop: *mut libc::c_int,
    ) -> libc::c_int;
}

/// A host entry: official name, aliases, addresses (raw bytes).
pub(crate) struct HostEnt {
    pub name: String,
    pub aliases: Vec<String>,
    pub addrs: Vec<Vec<u8>>,
}

/// The strings of a NULL-terminated `char **` list.
///
/// # Safety
/// `list` is null or a NULL-terminated array of NUL-terminated strings.
unsafe fn c_strings(list: *mut *mut libc::c_char) -> Vec<String> {
    let mut out = Vec::new();
    let mut p = list;
    while !p.is_null() && !(*p).is_null() {
        out.push(CStr::from_ptr(*p).to_string_lossy().into_owned());
        p = p.add(1);
    }
    out
}

/// `gethostbyaddr_r` for the address bytes `addr` of `family`; the error is
/// `h_errno`.
pub(crate) fn gethostbyaddr(addr: &[u8], family: i32) -> Result<HostEnt, i32> {
    // SAFETY: every pointer is valid for the sizes given; the entry's
    // strings live in the buffer, read before it is dropped.
    host_entry(|he, buf, len, result, herr| unsafe {
        gethostbyaddr_r(
            addr.as_ptr().cast(),
            addr.len() as libc::socklen_t,
            family,
            he,
            buf,
            len,
            result,
            herr,
        )
    })
}

/// `gethostbyname_r` for `name` (IPv4); the error is `h_errno`.
pub(crate) fn gethostbyname(name: &[u8]) -> Result<HostEnt, i32> {
    let Some(c) = cstring(name) else {
        return Err(1);
    };
    // SAFETY: as in `gethostbyaddr`; `c` outlives the call.
    host_entry(|he, buf, len, result, herr| unsafe {
        gethostbyname_r(c.as_ptr(), he, buf, len, result, herr)
    })
}

/// Runs one of the reentrant `gethostby*_r` calls with a buffer that grows
/// on `ERANGE`, and reads the entry it filled.
fn host_entry(
    mut call: impl FnMut(
        *mut libc::hostent,
        *mut libc::c_char,
        libc::size_t,
        *mut *mut libc::hostent,
        *mut libc::c_int,
    ) -> libc::c_int,
) -> Result<HostEnt, i32> {
    let mut buf = vec![0u8; 16384];
    loop {
        // SAFETY: an all-zero hostent is a valid value (null pointers).
        let mut he: libc::hostent = unsafe { zeroed() };
        let mut result: *mut libc::hostent = std::ptr::null_mut();
        let mut herr: libc::c_int = 0;
        let r = call(
            &mut he,
            buf.as_mut_ptr().cast(),
            buf.len(),
            &mut result,
            &mut herr,
        );
        if r == libc::ERANGE && buf.len() < (1 << 22) {
            buf.resize(buf.len() * 2, 0);
            continue;
        }
        if result.is_null() {
            return Err(if herr == 0 { 1 } else { herr });
        }
        let len = usize::try_from(he.h_length).unwrap_or(0);
        // SAFETY: the fields were filled by the call and point into
        // `buf`: NUL-terminated strings and NULL-terminated lists, the
        // address list of `h_length`-byte entries.
        unsafe {
            let name = if he.h_name.is_null() {
                String::new()
            } else {
                CStr::from_ptr(he.h_name).to_string_lossy().into_owned()
            };
            let aliases = c_strings(he.h_aliases);
            let mut addrs = Vec::new();
            let mut p = he.h_addr_list;
            while !p.is_null() && !(*p).is_null() {
                addrs.push(std::slice::from_raw_parts((*p) as *const u8, len).to_vec());
                p = p.add(1);
            }
            return Ok(HostEnt {
                name,
                aliases,
                addrs,
            });
        }
    }
}

/// glibc's message for an `h_errno` value (`hstrerror`).
pub(crate) fn hstrerror(code: i32) -> String {
    extern "C" {
        fn hstrerror(err: libc::c_int) -> *const libc::c_char;
    }
    // SAFETY: hstrerror returns a static NUL-terminated string.
    let p = unsafe { hstrerror(code) };
    if p.is_null() {
        return "Resolver internal error".to_string();
    }
    // SAFETY: as above.
    unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned()
}
