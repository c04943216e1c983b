//! `_posixsubprocess`: CPython's `Modules/_posixsubprocess.c`, the one
//! function `subprocess.Popen` starts children with on POSIX.
//!
//! `fork_exec` converts its 23 arguments into a [`child::Plan`] of C
//! strings and integers, forks, and returns the child's pid. The child sets
//! up its descriptors and `exec`s; when that fails it writes
//! `OSError:<hex errno>:` to the error pipe, which `subprocess.py` turns
//! into the parent's `FileNotFoundError` (or other `OSError`).

mod child;

use std::ffi::CString;
use std::os::unix::ffi::OsStrExt;

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::types::type_name;
use crate::value::Value;
use crate::vm::Vm;

use super::{module_functions, new_module};
use child::Plan;

module_functions!(FUNCTIONS, "_posixsubprocess", ["fork_exec" => fork_exec]);

/// Builds the `_posixsubprocess` module.
pub fn init(_vm: &mut Vm) -> Value {
    new_module("_posixsubprocess", FUNCTIONS, Vec::new())
}

/// A C string from bytes, refusing an embedded NUL as CPython does.
fn c_string(b: &[u8]) -> PyResult<CString> {
    CString::new(b).map_err(|_| PyErr::value_error("embedded null byte"))
}

/// `PyUnicode_FSConverter`: a str (encoded with surrogateescape), bytes or
/// path-like object as a C string.
fn fs_c_string(vm: &mut Vm, v: &Value) -> PyResult<CString> {
    let ok = match v {
        Value::Str(_) | Value::Bytes(_) => true,
        Value::Instance(_) => {
            let name = vm.intern("__fspath__");
            vm.get_attr(v, &name).is_ok()
        }
        _ => false,
    };
    if !ok {
        return Err(PyErr::type_error(format!(
            "expected str, bytes or os.PathLike object, not {}",
            type_name(v)
        )));
    }
    let p = super::posix::path_arg(vm, "fork_exec", "args", v)?;
    c_string(p.path.as_os_str().as_bytes())
}

/// `_PySequence_BytesToCharpArray`: a sequence of bytes-like items.
fn bytes_list(vm: &mut Vm, v: &Value) -> PyResult<Vec<CString>> {
    let items = vm.collect(v)?;
    items
        .iter()
        .map(|item| match item {
            Value::Bytes(b) => c_string(b),
            Value::ByteArray(b) => c_string(&b.borrow()),
            other => Err(PyErr::type_error(format!(
                "expected bytes, {} found",
                type_name(other)
            ))),
        })
        .collect()
}

/// An `int` argument (C's `i` format).
fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    if matches!(v, Value::Float(_)) {
        return Err(PyErr::type_error("integer argument expected, got float"));
    }
    super::cint::arg_c_int(vm, v)
}

/// A user or group id, or `None` for "unchanged".
fn id_arg(vm: &mut Vm, v: &Value) -> PyResult<Option<u32>> {
    if matches!(v, Value::None) {
        return Ok(None);
    }
    let n = vm.index_value(v)?;
    u32::try_from(n)
        .map(Some)
        .map_err(|_| PyErr::overflow("uid is greater than maximum"))
}

/// `fds_to_keep`: a sorted tuple of distinct non-negative descriptors.
fn keep_arg(v: &Value) -> PyResult<Vec<i32>> {
    let Value::Tuple(items) = v else {
        return Err(PyErr::type_error(format!(
            "fork_exec() argument 4 must be tuple, not {}",
            type_name(v)
        )));
    };
    let bad = || PyErr::value_error("bad value(s) in fds_to_keep");
    let mut out: Vec<i32> = Vec::with_capacity(items.len());
    for item in items.iter() {
        let Value::Int(n) = item else {
            return Err(bad());
        };
        let fd = i32::try_from(*n).map_err(|_| bad())?;
        if fd < 0 || out.last().is_some_and(|&prev| prev >= fd) {
            return Err(bad());
        }
        out.push(fd);
    }
    Ok(out)
}

/// `fork_exec(args, executable_list, close_fds, fds_to_keep, cwd, env_list,
/// p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite, errpipe_read,
/// errpipe_write, restore_signals, call_setsid, pgid_to_set, gid,
/// extra_groups, uid, child_umask, preexec_fn, allow_vfork)`: the child's pid.
fn fork_exec(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    a.no_kw("fork_exec")?;
    let [process_args, executable_list, close_fds, fds_to_keep, cwd, env_list, p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite, errpipe_read, errpipe_write, restore_signals, call_setsid, pgid_to_set, gid, extra_groups, uid, child_umask, preexec_fn, _allow_vfork] =
        a.pos
    else {
        return Err(PyErr::type_error(format!(
            "fork_exec() takes exactly 23 arguments ({} given)",
            a.pos.len()
        )));
    };
    let close_fds = vm.truthy(close_fds)?;
    let keep = keep_arg(fds_to_keep)?;
    let mut fds = [0i32; 6];
    for (slot, v) in fds
        .iter_mut()
        .zip([p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite])
    {
        *slot = int_arg(vm, v)?;
    }
    let errpipe = (int_arg(vm, errpipe_read)?, int_arg(vm, errpipe_write)?);
    let restore_signals = vm.truthy(restore_signals)?;
    let setsid = vm.truthy(call_setsid)?;
    let pgid = int_arg(vm, pgid_to_set)?;
    let umask = int_arg(vm, child_umask)?;
    if close_fds && errpipe.1 < 3 {
        return Err(PyErr::value_error("errpipe_write must be >= 3"));
    }
    let argv = match process_args {
        Value::None => Vec::new(),
        v => {
            let items = vm.collect(v)?;
            let mut out = Vec::with_capacity(items.len());
            for item in &items {
                out.push(fs_c_string(vm, item)?);
            }
            out
        }
    };
    let exec_list = bytes_list(vm, executable_list)?;
    let envp = match env_list {
        Value::None => None,
        v => Some(bytes_list(vm, v)?),
    };
    let cwd = match cwd {
        Value::None => None,
        v => Some(fs_c_string(vm, v)?),
    };
    let groups = match extra_groups {
        Value::None => None,
        v @ Value::List(_) => {
            let items = vm.collect(v)?;
            let mut out = Vec::with_capacity(items.len());
            for item in &items {
                out.push(id_arg(vm, item)?.unwrap_or(u32::MAX));
            }
            Some(out)
        }
        _ => return Err(PyErr::type_error("setgroups argument must be a list")),
    };
    let plan = Plan {
        exec_list,
        argv,
        envp,
        cwd,
        fds,
        errpipe,
        close_fds,
        keep,
        restore_signals,
        setsid,
        pgid,
        groups,
        gid: id_arg(vm, gid)?,
        uid: id_arg(vm, uid)?,
        umask,
    };
    let pid = if matches!(preexec_fn, Value::None) {
        child::fork_exec(&plan, None)
    } else {
        // The VM runs one thread, so calling back into it in the child
        // cannot deadlock on a lock another thread held at the fork.
        let f = preexec_fn.clone();
        let mut run = || vm.call(&f, &[]).is_ok();
        child::fork_exec(&plan, Some(&mut run))
    };
    pid.map(|p| Value::Int(i64::from(p)))
        .map_err(super::posix::fd::errno_err)
}
