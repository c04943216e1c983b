//! Path-level file system calls: `stat`, `mkdir`, `rename`, `getcwd`, ...

use std::ffi::CString;
use std::os::unix::ffi::OsStrExt;
use std::rc::Rc;

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::native::bind_args;
use crate::ops::truthy;
use crate::value::Value;
use crate::vm::Vm;

use super::path::{os_value, path_arg, PathArg};
use super::raw_at;
use super::stat::stat_result_c;
use crate::modules::cint::as_c_int;

/// The `path` argument (first) of `func`, with `dir_fd=None` accepted.
fn one_path<'a>(
    vm: &mut Vm,
    a: &Args<'a>,
    func: &str,
    names: &[&str],
    required: usize,
) -> PyResult<(PathArg, Vec<Option<&'a Value>>)> {
    let b = bind_args(a, func, names, required)?;
    let p = path_arg(vm, func, names[0], b[0].unwrap_or(&Value::str(".")))?;
    Ok((p, b))
}

fn flag(v: Option<&Value>, default: bool) -> bool {
    v.map_or(default, truthy)
}

fn int_arg(vm: &mut Vm, v: Option<&Value>, default: i64) -> PyResult<i64> {
    match v {
        Some(v) => vm.index_value(v),
        None => Ok(default),
    }
}

/// A `dir_fd` argument (CPython's `dir_fd_converter`): `None` resolves
/// relative paths against the working directory.
pub(super) fn dir_fd_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<i32>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) if crate::protocol::has_index(v) => as_c_int(vm, v).map(Some),
        Some(v) => Err(PyErr::type_error(format!(
            "argument should be integer or None, not {}",
            crate::types::type_name(v)
        ))),
    }
}

/// The `OSError` for `errno` naming the argument `orig`.
pub(super) fn errno_named(e: i32, orig: &Value) -> PyErr {
    crate::oserror::from_io(&std::io::Error::from_raw_os_error(e), Some(orig.clone()))
}

/// A path argument as a C string for the `*at` calls.
fn c_path(p: &PathArg) -> PyResult<CString> {
    raw_at::c_path(&p.path).ok_or_else(|| PyErr::value_error("embedded null byte"))
}

/// A path argument given as an open descriptor (`path_converter` with
/// `allow_fd`): an int or an object with `__index__`, but not a bool's
/// look-alike str.
pub(super) fn fd_path(vm: &mut Vm, v: &Value) -> PyResult<Option<i32>> {
    if matches!(v, Value::Int(_) | Value::Bool(_) | Value::BigInt(_))
        || (matches!(v, Value::Instance(_))
            && crate::instance::payload_of(v).is_none()
            && crate::protocol::has_index(v))
    {
        return as_c_int(vm, v).map(Some);
    }
    Ok(None)
}

/// A path argument that may be an open descriptor instead (`path_t` with
/// `allow_fd`).
pub(super) enum FdOrPath {
    /// An open descriptor.
    Fd(i32),
    /// A path.
    Path(PathArg),
}

/// `v` as a descriptor ([`fd_path`]) or else as `func`'s `path` argument.
pub(super) fn fd_or_path(vm: &mut Vm, func: &str, v: &Value) -> PyResult<FdOrPath> {
    match fd_path(vm, v)? {
        Some(fd) => Ok(FdOrPath::Fd(fd)),
        None => path_arg(vm, func, "path", v).map(FdOrPath::Path),
    }
}

/// `stat` and `lstat` (`posix_do_stat`): of a descriptor, or of a path
/// relative to `dir_fd`, through a final symlink when `follow`.
fn do_stat(
    vm: &mut Vm,
    func: &str,
    path: &Value,
    dir_fd: Option<&Value>,
    follow: bool,
) -> PyResult<Value> {
    let dir_fd = dir_fd_arg(vm, dir_fd)?;
    if func == "stat" {
        if let Some(fd) = fd_path(vm, path)? {
            if dir_fd.is_some() {
                return Err(PyErr::value_error(format!(
                    "{func}: can't specify dir_fd without matching path"
                )));
            }
            if !follow {
                return Err(PyErr::value_error(format!(
                    "{func}: cannot use fd and follow_symlinks together"
                )));
            }
            let st = raw_at::fstat(fd).map_err(|e| errno_named(e, path))?;
            return Ok(stat_result_c(vm, &st));
        }
    }
    let p = path_arg(vm, func, "path", path)?;
    let c = c_path(&p)?;
    let st = raw_at::fstatat(dir_fd, &c, follow).map_err(|e| errno_named(e, &p.orig))?;
    Ok(stat_result_c(vm, &st))
}

pub(super) fn p_stat(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let b = bind_args(&a, "stat", &["path", "dir_fd", "follow_symlinks"], 1)?;
    let path = b[0].unwrap_or(&Value::None);
    do_stat(vm, "stat", path, b[1], flag(b[2], true))
}

pub(super) fn p_lstat(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let b = bind_args(&a, "lstat", &["path", "dir_fd"], 1)?;
    do_stat(vm, "lstat", b[0].unwrap_or(&Value::None), b[1], false)
}

fn cwd() -> PyResult<std::path::PathBuf> {
    std::env::current_dir().map_err(|e| crate::oserror::from_io(&e, None))
}

pub(super) fn p_getcwd(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    crate::native::positional(&a, "getcwd", 0, 0)?;
    Ok(os_value(cwd()?.as_os_str(), false))
}

pub(super) fn p_getcwdb(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    crate::native::positional(&a, "getcwdb", 0, 0)?;
    Ok(Value::Bytes(Rc::new(
        cwd()?.as_os_str().as_bytes().to_vec(),
    )))
}

/// `chdir(path)`: a path, or an open directory's descriptor (`fchdir`).
pub(super) fn p_chdir(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let b = bind_args(&a, "chdir", &["path"], 1)?;
    let v = b[0].unwrap_or(&Value::None);
    match fd_or_path(vm, "chdir", v)? {
        FdOrPath::Fd(fd) => super::raw_sys::fchdir(fd).map_err(|e| errno_named(e, v))?,
        FdOrPath::Path(p) => std::env::set_current_dir(&p.path).map_err(|e| p.error(&e))?,
    }
    Ok(Value::None)
}

pub(super) fn p_mkdir(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (p, b) = one_path(vm, &a, "mkdir", &["path", "mode", "dir_fd"], 1)?;
    let mode = int_arg(vm, b[1], 0o777)?;
    let dir_fd = dir_fd_arg(vm, b[2])?;
    let c = c_path(&p)?;
    raw_at::mkdirat(dir_fd, &c, (mode & 0o7777) as u32).map_err(|e| errno_named(e, &p.orig))?;
    Ok(Value::None)
}

/// `rmdir`, `unlink` and `remove` (named `func` in messages): removes a
/// directory when `is_dir`, else a file, relative to `dir_fd`.
fn remove_at(vm: &mut Vm, a: &Args<'_>, func: &str, is_dir: bool) -> PyResult<Value> {
    let (p, b) = one_path(vm, a, func, &["path", "dir_fd"], 1)?;
    let dir_fd = dir_fd_arg(vm, b[1])?;
    let c = c_path(&p)?;
    raw_at::unlinkat(dir_fd, &c, is_dir).map_err(|e| errno_named(e, &p.orig))?;
    Ok(Value::None)
}

pub(super) fn p_rmdir(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    remove_at(vm, &a, "rmdir", true)
}

pub(super) fn p_unlink(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    remove_at(vm, &a, "unlink", false)
}

pub(super) fn p_remove(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    remove_at(vm, &a, "remove", false)
}

/// Two paths (`src`, `dst`) and the rest of the arguments of `func`.
fn two_paths<'a>(
    vm: &mut Vm,
    a: &Args<'a>,
    func: &str,
    names: &[&str],
) -> PyResult<(PathArg, PathArg, Vec<Option<&'a Value>>)> {
    let b = bind_args(a, func, names, 2)?;
    let src = path_arg(vm, func, names[0], b[0].unwrap_or(&Value::None))?;
    let dst = path_arg(vm, func, names[1], b[1].unwrap_or(&Value::None))?;
    Ok((src, dst, b))
}

/// The `OSError` for `errno` naming both paths (`OSError.filename2`).
fn two_path_error(e: i32, src: &PathArg, dst: &PathArg) -> PyErr {
    let e = errno_named(e, &src.orig);
    let _ =
        e.0.dict()
            .borrow_mut()
            .insert(Value::str("filename2"), dst.orig.clone());
    e
}

/// `rename` and `replace` (named `func` in messages): `renameat`.
fn rename_at(vm: &mut Vm, a: &Args<'_>, func: &str) -> PyResult<Value> {
    let names = ["src", "dst", "src_dir_fd", "dst_dir_fd"];
    let (src, dst, b) = two_paths(vm, a, func, &names)?;
    let src_dir = dir_fd_arg(vm, b[2])?;
    let dst_dir = dir_fd_arg(vm, b[3])?;
    let (cs, cd) = (c_path(&src)?, c_path(&dst)?);
    raw_at::renameat(src_dir, &cs, dst_dir, &cd).map_err(|e| two_path_error(e, &src, &dst))?;
    Ok(Value::None)
}

pub(super) fn p_rename(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    rename_at(vm, &a, "rename")
}

pub(super) fn p_replace(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    rename_at(vm, &a, "replace")
}

pub(super) fn p_link(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let names = ["src", "dst", "src_dir_fd", "dst_dir_fd", "follow_symlinks"];
    let (src, dst, b) = two_paths(vm, &a, "link", &names)?;
    let src_dir = dir_fd_arg(vm, b[2])?;
    let dst_dir = dir_fd_arg(vm, b[3])?;
    let (cs, cd) = (c_path(&src)?, c_path(&dst)?);
    raw_at::linkat(src_dir, &cs, dst_dir, &cd, flag(b[4], true))
        .map_err(|e| two_path_error(e, &src, &dst))?;
    Ok(Value::None)
}

pub(super) fn p_symlink(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let names = ["src", "dst", "target_is_directory", "dir_fd"];
    let (src, dst, b) = two_paths(vm, &a, "symlink", &names)?;
    let dir_fd = dir_fd_arg(vm, b[3])?;
    let (cs, cd) = (c_path(&src)?, c_path(&dst)?);
    raw_at::symlinkat(&cs, dir_fd, &cd).map_err(|e| two_path_error(e, &src, &dst))?;
    Ok(Value::None)
}

pub(super) fn p_readlink(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (p, b) = one_path(vm, &a, "readlink", &["path", "dir_fd"], 1)?;
    let dir_fd = dir_fd_arg(vm, b[1])?;
    let c = c_path(&p)?;
    let t = raw_at::readlinkat(dir_fd, &c).map_err(|e| errno_named(e, &p.orig))?;
    Ok(p.value_of(std::path::Path::new(std::ffi::OsStr::from_bytes(&t))))
}

/// `chmod(path, mode, *, dir_fd=None, follow_symlinks=True)`: `path` may
/// be an open descriptor (`fchmod`).
pub(super) fn p_chmod(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let names = ["path", "mode", "dir_fd", "follow_symlinks"];
    let b = bind_args(&a, "chmod", &names, 2)?;
    let v = b[0].unwrap_or(&Value::None);
    let target = fd_or_path(vm, "chmod", v)?;
    let mode = int_arg(vm, b[1], 0)? as u32;
    let dir_fd = dir_fd_arg(vm, b[2])?;
    let follow = flag(b[3], true);
    let p = match target {
        FdOrPath::Fd(fd) => {
            super::raw_sys::fchmod(fd, mode).map_err(|e| errno_named(e, v))?;
            return Ok(Value::None);
        }
        FdOrPath::Path(p) => p,
    };
    let c = c_path(&p)?;
    match raw_at::fchmodat(dir_fd, &c, mode, follow) {
        Ok(()) => Ok(Value::None),
        // Linux cannot change a symlink's own mode.
        Err(libc::ENOTSUP) if !follow => Err(if dir_fd.is_some() {
            PyErr::value_error("chmod: cannot use dir_fd and follow_symlinks together")
        } else {
            PyErr::new(
                crate::types::ExcKind::NotImplementedError,
                "chmod: follow_symlinks unavailable on this platform",
            )
        }),
        Err(e) => Err(errno_named(e, &p.orig)),
    }
}

/// A uid or gid argument (`_Py_Uid_Converter`): -1 leaves the id as it is.
fn id_arg(vm: &mut Vm, v: Option<&Value>, what: &str) -> PyResult<Option<u32>> {
    let Some(v) = v else { return Ok(None) };
    if matches!(v, Value::Float(_) | Value::Str(_) | Value::Bytes(_)) {
        return Err(PyErr::type_error(format!(
            "{what} should be integer, not {}",
            crate::types::type_name(v)
        )));
    }
    // CPython reads the id as a C long: beyond that range it is "greater
    // than maximum" (or "less than minimum" when negative); within it, a
    // value that is no uid_t is "less than minimum" whatever its sign.
    if let Value::BigInt(b) = v {
        let which = if b.sign() == num_bigint::Sign::Minus {
            "less than minimum"
        } else {
            "greater than maximum"
        };
        return Err(PyErr::overflow(format!("{what} is {which}")));
    }
    let n = vm.index_value(v)?;
    match n {
        -1 | 0xFFFF_FFFF => Ok(None),
        n => u32::try_from(n)
            .map(Some)
            .map_err(|_| PyErr::overflow(format!("{what} is less than minimum"))),
    }
}

/// `chown(path, uid, gid, *, dir_fd=None, follow_symlinks=True)`: `path`
/// may be an open descriptor (`fchown`).
pub(super) fn p_chown(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let names = ["path", "uid", "gid", "dir_fd", "follow_symlinks"];
    let b = bind_args(&a, "chown", &names, 3)?;
    let v = b[0].unwrap_or(&Value::None);
    let target = fd_or_path(vm, "chown", v)?;
    let uid = id_arg(vm, b[1], "uid")?;
    let gid = id_arg(vm, b[2], "gid")?;
    let dir_fd = dir_fd_arg(vm, b[3])?;
    let follow = flag(b[4], true);
    match target {
        FdOrPath::Fd(fd) => raw_at::fchown(fd, uid, gid).map_err(|e| errno_named(e, v))?,
        FdOrPath::Path(p) => {
            let c = c_path(&p)?;
            raw_at::fchownat(dir_fd, &c, uid, gid, follow).map_err(|e| errno_named(e, &p.orig))?
        }
    }
    Ok(Value::None)
}

/// `lchown(path, uid, gid)`: the link itself, not what it points to.
pub(super) fn p_lchown(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (p, b) = one_path(vm, &a, "lchown", &["path", "uid", "gid"], 3)?;
    let uid = id_arg(vm, b[1], "uid")?;
    let gid = id_arg(vm, b[2], "gid")?;
    std::os::unix::fs::lchown(&p.path, uid, gid).map_err(|e| p.error(&e))?;
    Ok(Value::None)
}

pub(super) fn p_truncate(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let b = bind_args(&a, "truncate", &["path", "length"], 2)?;
    if let Some(fd @ Value::Int(_)) = b[0] {
        // A descriptor: `ftruncate` (CPython has HAVE_FTRUNCATE).
        let fd = vm.index_value(fd)?;
        let len = int_arg(vm, b[1], 0)?;
        super::fd::truncate_fd(fd, len)?;
        return Ok(Value::None);
    }
    let (p, b) = one_path(vm, &a, "truncate", &["path", "length"], 2)?;
    let len = int_arg(vm, b[1], 0)?;
    let f = std::fs::OpenOptions::new()
        .write(true)
        .open(&p.path)
        .map_err(|e| p.error(&e))?;
    f.set_len(len.max(0) as u64).map_err(|e| p.error(&e))?;
    Ok(Value::None)
}

/// A time argument of `utime` as `utimensat` takes it: CPython's
/// `_PyTime_ObjectToTimespec` with `_PyTime_ROUND_FLOOR`. A float's
/// fraction is scaled and floored on its own, so `1.002003` gives
/// 2003000 ns, not the 2003001 that flooring `1.002003 * 1e9` whole would.
fn timespec_arg(vm: &mut Vm, v: &Value) -> PyResult<(i64, u32)> {
    let out_of_range = || PyErr::overflow("timestamp out of range for platform time_t");
    let Value::Float(d) = v else {
        let secs = vm.index_value(v).map_err(|e| {
            if e.is(crate::types::ExcKind::OverflowError) {
                out_of_range()
            } else {
                e
            }
        })?;
        return Ok((secs, 0));
    };
    if d.is_nan() {
        return Err(PyErr::value_error("Invalid value NaN (not a number)"));
    }
    let (mut int_part, frac) = (d.trunc(), d.fract());
    let mut ns = (frac * 1e9).floor();
    if ns >= 1e9 {
        ns -= 1e9;
        int_part += 1.0;
    } else if ns < 0.0 {
        ns += 1e9;
        int_part -= 1.0;
    }
    // `i64::MIN as f64` is exact; its upper bound is the first float beyond.
    if !(-9.223_372_036_854_776e18..9.223_372_036_854_776e18).contains(&int_part) {
        return Err(out_of_range());
    }
    Ok((int_part as i64, ns as u32))
}

/// A time in nanoseconds as (seconds, nanoseconds), seconds floored.
fn split_ns(ns: i64) -> (i64, u32) {
    (
        ns.div_euclid(1_000_000_000),
        ns.rem_euclid(1_000_000_000) as u32,
    )
}

/// `utime(path, times=None, *, ns=..., dir_fd=None, follow_symlinks=True)`:
/// `path` may be an open descriptor (`futimens`), `dir_fd` a directory
/// it is relative to (`utimensat`), as CPython built with HAVE_FUTIMENS
/// and HAVE_UTIMENSAT.
pub(super) fn p_utime(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let names = ["path", "times", "ns", "dir_fd", "follow_symlinks"];
    let b = bind_args(&a, "utime", &names, 1)?;
    let times = match (b[1], b[2]) {
        (Some(t), Some(_)) if !matches!(t, Value::None) => {
            return Err(PyErr::value_error(
                "utime: you may specify either 'times' or 'ns' but not both",
            ))
        }
        (Some(Value::Tuple(t)), None) if t.len() == 2 => {
            Some([timespec_arg(vm, &t[0])?, timespec_arg(vm, &t[1])?])
        }
        (None | Some(Value::None), None) => None,
        (Some(_), None) => {
            return Err(PyErr::type_error(
                "utime: 'times' must be either a tuple of two ints or None",
            ))
        }
        (_, Some(Value::Tuple(t))) if t.len() == 2 => {
            let a_ns = vm.index_value(&t[0])?;
            let m_ns = vm.index_value(&t[1])?;
            Some([split_ns(a_ns), split_ns(m_ns)])
        }
        (_, Some(_)) => return Err(PyErr::type_error("utime: 'ns' must be a tuple of two ints")),
    };
    let follow = flag(b[4], true);
    let dir_fd = match b[3] {
        None | Some(Value::None) => None,
        Some(v) => Some(crate::modules::cint::as_c_int(vm, v)?),
    };
    if let Some(fd @ Value::Int(_)) = b[0] {
        let fd = crate::modules::cint::as_c_int(vm, fd)?;
        // `path_and_dir_fd_invalid` comes before `dir_fd_and_fd_invalid`.
        if dir_fd.is_some() {
            return Err(PyErr::value_error(
                "utime: can't specify dir_fd without matching path",
            ));
        }
        if !follow {
            return Err(PyErr::value_error(
                "utime: cannot use fd and follow_symlinks together",
            ));
        }
        super::raw_sys::futimens(fd, times).map_err(super::fd::errno_err)?;
        return Ok(Value::None);
    }
    let p = path_arg(vm, "utime", "path", b[0].unwrap_or(&Value::None))?;
    let c = std::ffi::CString::new(p.path.as_os_str().as_bytes())
        .map_err(|_| PyErr::value_error("embedded null byte"))?;
    // CPython's error names no file here.
    super::raw_sys::utimensat(dir_fd, &c, times, follow).map_err(super::fd::errno_err)?;
    Ok(Value::None)
}

/// `access(path, mode, *, dir_fd=None, effective_ids=False,
/// follow_symlinks=True)`: `faccessat`.
pub(super) fn p_access(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (p, b) = one_path(
        vm,
        &a,
        "access",
        &["path", "mode", "dir_fd", "effective_ids", "follow_symlinks"],
        2,
    )?;
    let mode = as_c_int(vm, b[1].unwrap_or(&Value::None))?;
    let dir_fd = dir_fd_arg(vm, b[2])?;
    let c = c_path(&p)?;
    Ok(Value::Bool(raw_at::faccessat(
        dir_fd,
        &c,
        mode,
        flag(b[3], false),
        flag(b[4], true),
    )))
}

pub(super) fn p_fspath(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let b = bind_args(&a, "fspath", &["path"], 1)?;
    super::path::fspath(vm, b[0].unwrap_or(&Value::None))
}
