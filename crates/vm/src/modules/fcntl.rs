//! `fcntl`: CPython's `Modules/fcntlmodule.c`, `fcntl`, `ioctl`, `flock`
//! and `lockf` on descriptors (or objects with `fileno()`), through the
//! C library (`resource_raw`), with Linux's constants.

use std::rc::Rc;

use crate::buffer::exported_bytes;
use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::native::positional;
use crate::value::Value;
use crate::vm::Vm;

use super::cint::{as_c_int, as_c_long};
use super::posix::fd::errno_err;
use super::resource_raw as raw;
use super::select::fd_of;
use super::{module_functions, new_module};

module_functions!(FCNTL_FUNCTIONS, "fcntl", [
    "fcntl" => fcntl, "ioctl" => ioctl, "flock" => flock, "lockf" => lockf,
]);

/// Linux's values, as CPython 3.11 exports them.
const CONSTANTS: &[(&str, i64)] = &[
    ("DN_ACCESS", 1),
    ("DN_ATTRIB", 32),
    ("DN_CREATE", 4),
    ("DN_DELETE", 8),
    ("DN_MODIFY", 2),
    ("DN_MULTISHOT", 2147483648),
    ("DN_RENAME", 16),
    ("FASYNC", 8192),
    ("FD_CLOEXEC", 1),
    ("F_ADD_SEALS", 1033),
    ("F_DUPFD", 0),
    ("F_DUPFD_CLOEXEC", 1030),
    ("F_EXLCK", 4),
    ("F_GETFD", 1),
    ("F_GETFL", 3),
    ("F_GETLEASE", 1025),
    ("F_GETLK", 5),
    ("F_GETLK64", 5),
    ("F_GETOWN", 9),
    ("F_GETPIPE_SZ", 1032),
    ("F_GETSIG", 11),
    ("F_GET_SEALS", 1034),
    ("F_NOTIFY", 1026),
    ("F_OFD_GETLK", 36),
    ("F_OFD_SETLK", 37),
    ("F_OFD_SETLKW", 38),
    ("F_RDLCK", 0),
    ("F_SEAL_GROW", 4),
    ("F_SEAL_SEAL", 1),
    ("F_SEAL_SHRINK", 2),
    ("F_SEAL_WRITE", 8),
    ("F_SETFD", 2),
    ("F_SETFL", 4),
    ("F_SETLEASE", 1024),
    ("F_SETLK", 6),
    ("F_SETLK64", 6),
    ("F_SETLKW", 7),
    ("F_SETLKW64", 7),
    ("F_SETOWN", 8),
    ("F_SETPIPE_SZ", 1031),
    ("F_SETSIG", 10),
    ("F_SHLCK", 8),
    ("F_UNLCK", 2),
    ("F_WRLCK", 1),
    ("LOCK_EX", 2),
    ("LOCK_MAND", 32),
    ("LOCK_NB", 4),
    ("LOCK_READ", 64),
    ("LOCK_RW", 192),
    ("LOCK_SH", 1),
    ("LOCK_UN", 8),
    ("LOCK_WRITE", 128),
];

/// How much of a buffer argument the C module copies for the kernel.
const BUF_MAX: usize = 1024;

/// Builds the `fcntl` module.
pub fn init(_vm: &mut Vm) -> Value {
    let extra = CONSTANTS.iter().map(|&(n, v)| (n, Value::Int(v))).collect();
    new_module("fcntl", FCNTL_FUNCTIONS, extra)
}

/// A read-only buffer argument (`bytes`, `str` as UTF-8, ...), as the C
/// module's `s#` parse accepts it.
fn buffer_arg(v: &Value) -> Option<PyResult<Vec<u8>>> {
    match v {
        Value::Str(s) => Some(Ok(s.as_str().as_bytes().to_vec())),
        Value::ByteArray(_) => None,
        _ => exported_bytes(v),
    }
}

/// An integer argument read as C's `unsigned int`/`long` without range
/// checks (the `I` and `k` formats wrap).
fn wrapping_int(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match v {
        Value::BigInt(n) => {
            let (_, digits) = n.to_u64_digits();
            let low = digits.first().copied().unwrap_or(0) as i64;
            Ok(if n.sign() == num_bigint::Sign::Minus {
                low.wrapping_neg()
            } else {
                low
            })
        }
        _ => vm.index_value(v),
    }
}

/// `fcntl(fd, cmd, arg=0)`: an int argument gives the call's int result;
/// a bytes or str argument is copied into a buffer the call may fill, and
/// the buffer comes back as bytes.
fn fcntl(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "fcntl", 2, 3)?;
    let fd = fd_of(vm, &args[0])?;
    let cmd = as_c_int(vm, &args[1])?;
    let arg = args.get(2).unwrap_or(&Value::Int(0));
    if let Some(buf) = buffer_arg(arg) {
        let mut buf = buf?;
        if buf.len() > BUF_MAX {
            return Err(PyErr::value_error("fcntl string arg too long"));
        }
        raw::fcntl_buf(fd, cmd, &mut buf).map_err(errno_err)?;
        return Ok(Value::Bytes(Rc::new(buf)));
    }
    let n = wrapping_int(vm, arg)? as u32;
    let r = raw::fcntl_int(fd, cmd, libc::c_long::from(n)).map_err(errno_err)?;
    Ok(Value::Int(i64::from(r)))
}

/// `ioctl(fd, request, arg=0, mutate_flag=True)`: a bytearray argument is
/// updated in place (the result is the call's int), other buffers are
/// copied and returned, ints are passed as they are.
fn ioctl(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "ioctl", 2, 4)?;
    let fd = fd_of(vm, &args[0])?;
    let request = wrapping_int(vm, &args[1])? as u64;
    let arg = args.get(2).unwrap_or(&Value::Int(0));
    let mutate = match args.get(3) {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    if let Value::ByteArray(cell) = arg {
        let mut buf = cell.borrow().clone();
        if buf.len() > BUF_MAX && !mutate {
            return Err(PyErr::value_error("ioctl string arg too long"));
        }
        if buf.len() > BUF_MAX {
            // CPython hands a large mutable buffer to the kernel directly;
            // Pith only lends the kernel a fixed scratch area.
            return Err(PyErr::value_error("ioctl string arg too long"));
        }
        let r = raw::ioctl_buf(fd, request, &mut buf).map_err(errno_err)?;
        if mutate {
            // The kernel writes in place: the length never changes.
            cell.replace(buf)?;
            return Ok(Value::Int(i64::from(r)));
        }
        return Ok(Value::Bytes(Rc::new(buf)));
    }
    if let Some(buf) = buffer_arg(arg) {
        let mut buf = buf?;
        if buf.len() > BUF_MAX {
            return Err(PyErr::value_error("ioctl string arg too long"));
        }
        raw::ioctl_buf(fd, request, &mut buf).map_err(errno_err)?;
        return Ok(Value::Bytes(Rc::new(buf)));
    }
    let n = as_c_int(vm, arg)?;
    let r = raw::ioctl_int(fd, request, libc::c_long::from(n)).map_err(errno_err)?;
    Ok(Value::Int(i64::from(r)))
}

/// `flock(fd, operation)`.
fn flock(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "flock", 2, 2)?;
    let fd = fd_of(vm, &args[0])?;
    let op = as_c_int(vm, &args[1])?;
    raw::flock(fd, op).map_err(errno_err)?;
    Ok(Value::None)
}

/// `lockf(fd, cmd, len=0, start=0, whence=0)`: `LOCK_*` commands mapped to
/// POSIX record locks, `LOCK_NB` choosing `F_SETLK` over `F_SETLKW`.
fn lockf(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "lockf", 2, 5)?;
    let fd = fd_of(vm, &args[0])?;
    let code = as_c_int(vm, &args[1])?;
    let len = match args.get(2) {
        Some(v) => as_c_long(vm, v)?,
        None => 0,
    };
    let start = match args.get(3) {
        Some(v) => as_c_long(vm, v)?,
        None => 0,
    };
    let whence = match args.get(4) {
        Some(v) => as_c_int(vm, v)?,
        None => 0,
    };
    // The C module's tests, in its order: exact LOCK_UN, then the bits.
    let kind = if code == libc::LOCK_UN {
        libc::F_UNLCK
    } else if code & libc::LOCK_SH != 0 {
        libc::F_RDLCK
    } else if code & libc::LOCK_EX != 0 {
        libc::F_WRLCK
    } else {
        return Err(PyErr::value_error("unrecognized lockf argument"));
    };
    let cmd = if code & libc::LOCK_NB != 0 {
        libc::F_SETLK
    } else {
        libc::F_SETLKW
    };
    raw::record_lock(fd, cmd, kind as i16, start, len, whence as i16).map_err(errno_err)?;
    Ok(Value::None)
}

#[cfg(test)]
mod tests {
    #[test]
    fn lock_constants_match_libc() {
        assert_eq!(libc::LOCK_SH, 1);
        assert_eq!(libc::LOCK_EX, 2);
        assert_eq!(libc::LOCK_NB, 4);
        assert_eq!(libc::LOCK_UN, 8);
    }
}
