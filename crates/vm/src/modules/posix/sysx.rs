//! The rest of `posix`'s process and file-system calls that programs reach
//! through `os` and `shutil`: `wait`, `statvfs`/`fstatvfs`
//! (`shutil.disk_usage`), groups and sessions, `sched_getaffinity`,
//! `closerange`, `fchmod`, `fchdir`, `fdatasync`, `sync`, `mkfifo`,
//! `nice`, `pread`/`pwrite` and the device-number helpers.

use std::collections::HashSet;
use std::ffi::CString;
use std::os::unix::ffi::OsStrExt;
use std::rc::Rc;

use crate::dict::Dict;
use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::native::{bind_args, positional};
use crate::value::Value;
use crate::vm::Vm;

use super::super::cint::{as_c_int, as_c_long};
use super::super::structseq::{self, StructSeqType};
use super::fd::errno_err;
use super::path::path_arg;
use super::pipe::fd_of;
use super::raw_sys as raw;

/// `os.statvfs_result`: ten tuple fields, `f_fsid` as an attribute only.
pub(super) static STATVFS_RESULT: StructSeqType = StructSeqType {
    name: "os.statvfs_result",
    fields: &[
        "f_bsize",
        "f_frsize",
        "f_blocks",
        "f_bfree",
        "f_bavail",
        "f_files",
        "f_ffree",
        "f_favail",
        "f_flag",
        "f_namemax",
        "f_fsid",
    ],
    n_in_sequence: 10,
    constructible: true,
    fill: None,
};

/// A C unsigned value as a Python int.
fn u64_value(x: u64) -> Value {
    match i64::try_from(x) {
        Ok(n) => Value::Int(n),
        Err(_) => Value::from_bigint(num_bigint::BigInt::from(x)),
    }
}

fn no_args(a: &Args<'_>, name: &str) -> PyResult<()> {
    super::super::pwd::no_args(a, &format!("posix.{name}"))
}

fn pair(a: i32, b: i32) -> Value {
    Value::tuple(vec![Value::Int(i64::from(a)), Value::Int(i64::from(b))])
}

/// `wait()`: `(pid, status)` of any child.
pub(super) fn p_wait(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    no_args(&a, "wait")?;
    let (pid, status) = raw::wait().map_err(errno_err)?;
    Ok(pair(pid, status))
}

fn statvfs_value(vm: &mut Vm, s: raw::StatVfs) -> Value {
    let fields = s.iter().map(|&x| u64_value(x)).collect();
    structseq::new(vm, &STATVFS_RESULT, fields)
}

/// `statvfs(path)`; an int is a descriptor, as CPython accepts.
pub(super) fn p_statvfs(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let b = bind_args(&a, "statvfs", &["path"], 1)?;
    let v = b[0].unwrap_or(&Value::None);
    if let Value::Int(_) | Value::Bool(_) = v {
        let fd = fd_of(vm, v)?;
        let s = raw::fstatvfs(fd).map_err(errno_err)?;
        return Ok(statvfs_value(vm, s));
    }
    let p = path_arg(vm, "statvfs", "path", v)?;
    let c = CString::new(p.path.as_os_str().as_bytes())
        .map_err(|_| PyErr::value_error("embedded null byte"))?;
    let s = raw::statvfs(&c).map_err(|e| p.error(&std::io::Error::from_raw_os_error(e)))?;
    Ok(statvfs_value(vm, s))
}

pub(super) fn p_fstatvfs(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "fstatvfs", 1, 1)?;
    let fd = fd_of(vm, &args[0])?;
    let s = raw::fstatvfs(fd).map_err(errno_err)?;
    Ok(statvfs_value(vm, s))
}

pub(super) fn p_getgroups(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    no_args(&a, "getgroups")?;
    let g = raw::getgroups().map_err(errno_err)?;
    Ok(Value::list(
        g.into_iter().map(|x| Value::Int(i64::from(x))).collect(),
    ))
}

pub(super) fn p_getpgrp(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    no_args(&a, "getpgrp")?;
    Ok(Value::Int(i64::from(raw::getpgrp())))
}

pub(super) fn p_getsid(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "getsid", 1, 1)?;
    let pid = as_c_int(vm, &args[0])?;
    raw::getsid(pid)
        .map(|s| Value::Int(i64::from(s)))
        .map_err(errno_err)
}

pub(super) fn p_setsid(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    no_args(&a, "setsid")?;
    raw::setsid().map_err(errno_err)?;
    Ok(Value::None)
}

/// `openpty()`: `(master_fd, slave_fd)` of a new pseudo-terminal.
pub(super) fn p_openpty(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    no_args(&a, "openpty")?;
    let (master, slave) = raw::openpty().map_err(errno_err)?;
    Ok(Value::tuple(vec![
        Value::Int(i64::from(master)),
        Value::Int(i64::from(slave)),
    ]))
}

/// `ttyname(fd)`: the terminal device's path, decoded as file names are.
pub(super) fn p_ttyname(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "ttyname", 1, 1)?;
    let fd = as_c_int(vm, &args[0])?;
    let name = raw::ttyname(fd).map_err(errno_err)?;
    Ok(super::path::os_value(
        std::ffi::OsStr::from_bytes(&name),
        false,
    ))
}

pub(super) fn p_setpgid(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "setpgid", 2, 2)?;
    let pid = as_c_int(vm, &args[0])?;
    let pgrp = as_c_int(vm, &args[1])?;
    raw::setpgid(pid, pgrp).map_err(errno_err)?;
    Ok(Value::None)
}

/// `sched_getaffinity(pid)`: a set of CPU numbers.
pub(super) fn p_sched_getaffinity(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "sched_getaffinity", 1, 1)?;
    let pid = as_c_int(vm, &args[0])?;
    let cpus = raw::sched_getaffinity(pid).map_err(errno_err)?;
    let mut d = Dict::new();
    for c in cpus {
        let _ = d.insert(Value::Int(c as i64), Value::None);
    }
    Ok(Value::set(d))
}

pub(super) fn p_sched_yield(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    no_args(&a, "sched_yield")?;
    raw::sched_yield();
    Ok(Value::None)
}

pub(super) fn p_closerange(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "closerange", 2, 2)?;
    let lo = as_c_int(vm, &args[0])?;
    let hi = as_c_int(vm, &args[1])?;
    // Descriptors os.open handed out are owned by its table: drop those
    // entries so nothing closes a reused number later.
    let open: HashSet<i32> = (lo.max(0)..hi).collect();
    super::fd::forget_fds(&open);
    raw::closerange(lo, hi);
    Ok(Value::None)
}

pub(super) fn p_fchmod(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let b = bind_args(&a, "fchmod", &["fd", "mode"], 2)?;
    let fd = fd_of(vm, b[0].unwrap_or(&Value::None))?;
    let mode = as_c_int(vm, b[1].unwrap_or(&Value::None))?;
    raw::fchmod(fd, mode as u32).map_err(errno_err)?;
    Ok(Value::None)
}

pub(super) fn p_fchdir(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "fchdir", 1, 1)?;
    let fd = super::super::select::fd_of(vm, &args[0])?;
    raw::fchdir(fd).map_err(errno_err)?;
    Ok(Value::None)
}

pub(super) fn p_fdatasync(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "fdatasync", 1, 1)?;
    let fd = super::super::select::fd_of(vm, &args[0])?;
    raw::fdatasync(fd).map_err(errno_err)?;
    Ok(Value::None)
}

pub(super) fn p_sync(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    no_args(&a, "sync")?;
    raw::sync();
    Ok(Value::None)
}

/// `mkfifo(path, mode=0o666)`: CPython's error names no file here.
pub(super) fn p_mkfifo(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let b = bind_args(&a, "mkfifo", &["path", "mode", "dir_fd"], 1)?;
    let p = path_arg(vm, "mkfifo", "path", b[0].unwrap_or(&Value::None))?;
    let mode = match b[1] {
        Some(v) => as_c_int(vm, v)?,
        None => 0o666,
    };
    let c = CString::new(p.path.as_os_str().as_bytes())
        .map_err(|_| PyErr::value_error("embedded null byte"))?;
    let dir_fd = super::fs::dir_fd_arg(vm, b[2])?;
    raw::mkfifo(dir_fd, &c, mode as u32).map_err(errno_err)?;
    Ok(Value::None)
}

pub(super) fn p_nice(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "nice", 1, 1)?;
    let inc = as_c_int(vm, &args[0])?;
    raw::nice(inc)
        .map(|n| Value::Int(i64::from(n)))
        .map_err(errno_err)
}

pub(super) fn p_pread(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "pread", 3, 3)?;
    let fd = fd_of(vm, &args[0])?;
    let n = vm.index_value(&args[1])?;
    if n < 0 {
        return Err(PyErr::value_error("negative buffersize in pread"));
    }
    let offset = as_c_long(vm, &args[2])?;
    let mut buf = vec![0u8; usize::try_from(n).unwrap_or(0).min(1 << 30)];
    let got = raw::pread(fd, &mut buf, offset).map_err(errno_err)?;
    buf.truncate(got);
    Ok(Value::Bytes(Rc::new(buf)))
}

pub(super) fn p_pwrite(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "pwrite", 3, 3)?;
    let fd = fd_of(vm, &args[0])?;
    let data = crate::buffer::bytes_like(&args[1])?;
    let offset = as_c_long(vm, &args[2])?;
    let n = raw::pwrite(fd, &data, offset).map_err(errno_err)?;
    Ok(Value::Int(n as i64))
}

/// A `dev_t` argument: unsigned, so a negative number is an `OverflowError`
/// as `_Py_Dev_Converter` gives.
fn dev_arg(vm: &mut Vm, a: &Args<'_>, name: &str) -> PyResult<u64> {
    let args = positional(a, name, 1, 1)?;
    let n = as_c_long(vm, &args[0])?;
    u64::try_from(n).map_err(|_| PyErr::overflow("can't convert negative int to unsigned"))
}

/// `major(device)`: glibc's split of a 64-bit device number.
pub(super) fn p_major(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let d = dev_arg(vm, &a, "major")?;
    Ok(u64_value(((d >> 8) & 0xfff) | ((d >> 32) & !0xfff)))
}

pub(super) fn p_minor(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let d = dev_arg(vm, &a, "minor")?;
    Ok(u64_value((d & 0xff) | ((d >> 12) & !0xff)))
}

pub(super) fn p_makedev(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "makedev", 2, 2)?;
    let ma = as_c_long(vm, &args[0])? as u64 & 0xffff_ffff;
    let mi = as_c_long(vm, &args[1])? as u64 & 0xffff_ffff;
    let dev = ((ma & 0xfff) << 8) | ((ma & !0xfff) << 32) | (mi & 0xff) | ((mi & !0xff) << 12);
    Ok(u64_value(dev))
}
