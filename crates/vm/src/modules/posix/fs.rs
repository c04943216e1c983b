//! Path-level file system calls: `stat`, `mkdir`, `rename`, `getcwd`, ...

use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{DirBuilderExt, MetadataExt, PermissionsExt};
use std::rc::Rc;

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::native::bind_args;
use crate::ops::truthy;
use crate::value::Value;
use crate::vm::Vm;

use super::path::{os_value, path_arg, PathArg};
use super::stat::stat_result;

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

pub(super) fn p_stat(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    if let Some(v @ (Value::Int(_) | Value::Bool(_))) = a.pos.first() {
        let fd = vm.index_value(v)?;
        return super::fd::fstat_fd(vm, fd);
    }
    let (p, b) = one_path(vm, &a, "stat", &["path", "dir_fd", "follow_symlinks"], 1)?;
    let m = if flag(b[2], true) {
        std::fs::metadata(&p.path)
    } else {
        std::fs::symlink_metadata(&p.path)
    };
    m.map(|m| stat_result(vm, &m)).map_err(|e| p.error(&e))
}

pub(super) fn p_lstat(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (p, _) = one_path(vm, &a, "lstat", &["path", "dir_fd"], 1)?;
    std::fs::symlink_metadata(&p.path)
        .map(|m| stat_result(vm, &m))
        .map_err(|e| p.error(&e))
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

pub(super) fn p_chdir(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (p, _) = one_path(vm, &a, "chdir", &["path"], 1)?;
    std::env::set_current_dir(&p.path).map_err(|e| p.error(&e))?;
    Ok(Value::None)
}

pub(super) fn p_mkdir(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (p, b) = one_path(vm, &a, "mkdir", &["path", "mode", "dir_fd"], 1)?;
    let mode = int_arg(vm, b[1], 0o777)?;
    std::fs::DirBuilder::new()
        .mode((mode & 0o7777) as u32)
        .create(&p.path)
        .map_err(|e| p.error(&e))?;
    Ok(Value::None)
}

pub(super) fn p_rmdir(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (p, _) = one_path(vm, &a, "rmdir", &["path", "dir_fd"], 1)?;
    std::fs::remove_dir(&p.path).map_err(|e| p.error(&e))?;
    Ok(Value::None)
}

pub(super) fn p_unlink(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (p, _) = one_path(vm, &a, "unlink", &["path", "dir_fd"], 1)?;
    std::fs::remove_file(&p.path).map_err(|e| p.error(&e))?;
    Ok(Value::None)
}

/// Two paths: an error names both (`OSError.filename2`).
fn two_paths(
    vm: &mut Vm,
    a: &Args<'_>,
    func: &str,
    names: &[&str],
) -> PyResult<(PathArg, PathArg)> {
    let b = bind_args(a, func, names, 2)?;
    let src = path_arg(vm, func, names[0], b[0].unwrap_or(&Value::None))?;
    let dst = path_arg(vm, func, names[1], b[1].unwrap_or(&Value::None))?;
    Ok((src, dst))
}

fn two_path_error(err: &std::io::Error, src: &PathArg, dst: &PathArg) -> PyErr {
    let e = src.error(err);
    let _ =
        e.0.dict()
            .borrow_mut()
            .insert(Value::str("filename2"), dst.orig.clone());
    e
}

pub(super) fn p_rename(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (src, dst) = two_paths(
        vm,
        &a,
        "rename",
        &["src", "dst", "src_dir_fd", "dst_dir_fd"],
    )?;
    std::fs::rename(&src.path, &dst.path).map_err(|e| two_path_error(&e, &src, &dst))?;
    Ok(Value::None)
}

pub(super) fn p_link(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (src, dst) = two_paths(
        vm,
        &a,
        "link",
        &["src", "dst", "src_dir_fd", "dst_dir_fd", "follow_symlinks"],
    )?;
    std::fs::hard_link(&src.path, &dst.path).map_err(|e| two_path_error(&e, &src, &dst))?;
    Ok(Value::None)
}

pub(super) fn p_symlink(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (src, dst) = two_paths(
        vm,
        &a,
        "symlink",
        &["src", "dst", "target_is_directory", "dir_fd"],
    )?;
    std::os::unix::fs::symlink(&src.path, &dst.path).map_err(|e| two_path_error(&e, &src, &dst))?;
    Ok(Value::None)
}

pub(super) fn p_readlink(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (p, _) = one_path(vm, &a, "readlink", &["path", "dir_fd"], 1)?;
    let t = std::fs::read_link(&p.path).map_err(|e| p.error(&e))?;
    Ok(p.value_of(&t))
}

pub(super) fn p_chmod(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (p, b) = one_path(
        vm,
        &a,
        "chmod",
        &["path", "mode", "dir_fd", "follow_symlinks"],
        2,
    )?;
    let mode = int_arg(vm, b[1], 0)?;
    std::fs::set_permissions(&p.path, std::fs::Permissions::from_mode(mode as u32))
        .map_err(|e| p.error(&e))?;
    Ok(Value::None)
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

/// `chown(path, uid, gid, *, dir_fd=None, follow_symlinks=True)`.
pub(super) fn p_chown(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let names = ["path", "uid", "gid", "dir_fd", "follow_symlinks"];
    let (p, b) = one_path(vm, &a, "chown", &names, 3)?;
    let uid = id_arg(vm, b[1], "uid")?;
    let gid = id_arg(vm, b[2], "gid")?;
    let r = if flag(b[4], true) {
        std::os::unix::fs::chown(&p.path, uid, gid)
    } else {
        std::os::unix::fs::lchown(&p.path, uid, gid)
    };
    r.map_err(|e| p.error(&e))?;
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
    let (p, b) = one_path(vm, &a, "truncate", &["path", "length"], 2)?;
    let len = int_arg(vm, b[1], 0)?;
    let f = std::fs::OpenOptions::new()
        .write(true)
        .open(&p.path)
        .map_err(|e| p.error(&e))?;
    f.set_len(len.max(0) as u64).map_err(|e| p.error(&e))?;
    Ok(Value::None)
}

/// A time argument of `utime`: seconds as int or float.
fn to_system_time(vm: &mut Vm, v: &Value) -> PyResult<std::time::SystemTime> {
    let secs = match v {
        Value::Float(f) => *f,
        other => vm.index_value(other)? as f64,
    };
    let d = std::time::Duration::try_from_secs_f64(secs.abs())
        .map_err(|_| PyErr::value_error("utime: time value out of range"))?;
    let epoch = std::time::UNIX_EPOCH;
    let t = if secs >= 0.0 {
        epoch.checked_add(d)
    } else {
        epoch.checked_sub(d)
    };
    t.ok_or_else(|| PyErr::overflow("timestamp out of range for platform time_t"))
}

/// A time as `utimensat` takes it: whole seconds (floored) and nanoseconds.
fn timespec(t: std::time::SystemTime) -> (i64, u32) {
    match t.duration_since(std::time::UNIX_EPOCH) {
        Ok(d) => (d.as_secs() as i64, d.subsec_nanos()),
        Err(e) => {
            let d = e.duration();
            let (s, n) = (-(d.as_secs() as i64), d.subsec_nanos());
            if n > 0 {
                (s - 1, 1_000_000_000 - n)
            } else {
                (s, 0)
            }
        }
    }
}

pub(super) fn p_utime(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (p, b) = one_path(
        vm,
        &a,
        "utime",
        &["path", "times", "ns", "dir_fd", "follow_symlinks"],
        1,
    )?;
    let times = match (b[1], b[2]) {
        (Some(Value::Tuple(t)), None) if t.len() == 2 => Some([
            timespec(to_system_time(vm, &t[0])?),
            timespec(to_system_time(vm, &t[1])?),
        ]),
        (None | Some(Value::None), None) => None,
        (None | Some(Value::None), Some(Value::Tuple(t))) if t.len() == 2 => {
            let a_ns = vm.index_value(&t[0])?;
            let m_ns = vm.index_value(&t[1])?;
            let f = |ns: i64| {
                let d = std::time::Duration::from_nanos(ns.unsigned_abs());
                if ns >= 0 {
                    std::time::UNIX_EPOCH + d
                } else {
                    std::time::UNIX_EPOCH - d
                }
            };
            Some([timespec(f(a_ns)), timespec(f(m_ns))])
        }
        (Some(_), Some(_)) => {
            return Err(PyErr::value_error(
                "utime: you may specify either 'times' or 'ns' but not both",
            ))
        }
        (Some(_), None) => {
            return Err(PyErr::type_error(
                "utime: 'times' must be either a tuple of two ints or None",
            ))
        }
        (_, Some(_)) => return Err(PyErr::type_error("utime: 'ns' must be a tuple of two ints")),
    };
    let c = std::ffi::CString::new(p.path.as_os_str().as_bytes())
        .map_err(|_| PyErr::value_error("embedded null byte"))?;
    // CPython's error names no file here.
    super::raw_sys::utimensat(&c, times, flag(b[4], true)).map_err(super::fd::errno_err)?;
    Ok(Value::None)
}

/// `access(path, mode)`: decided from the mode bits and this process's ids.
pub(super) fn p_access(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (p, b) = one_path(
        vm,
        &a,
        "access",
        &["path", "mode", "dir_fd", "effective_ids", "follow_symlinks"],
        2,
    )?;
    let mode = int_arg(vm, b[1], 0)?;
    let Ok(m) = std::fs::metadata(&p.path) else {
        return Ok(Value::Bool(false));
    };
    if mode == 0 {
        return Ok(Value::Bool(true));
    }
    let uid = super::process::uid();
    let bits = m.mode();
    let ok = if uid == 0 {
        // root reads and writes anything and executes what anyone may.
        mode & 1 == 0 || bits & 0o111 != 0 || m.is_dir()
    } else {
        let shift = if m.uid() == uid {
            6
        } else if m.gid() == super::process::gid() {
            3
        } else {
            0
        };
        let have = i64::from((bits >> shift) & 7);
        have & mode == mode
    };
    Ok(Value::Bool(ok))
}

pub(super) fn p_fspath(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let b = bind_args(&a, "fspath", &["path"], 1)?;
    super::path::fspath(vm, b[0].unwrap_or(&Value::None))
}
