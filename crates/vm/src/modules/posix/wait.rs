//! Children and signals: `waitpid`, `kill`, `killpg`, `getpgid`, `system`,
//! and the wait-status macros `subprocess` does not reach through
//! `waitstatus_to_exitcode`.

use std::ffi::CString;
use std::os::unix::ffi::OsStrExt;

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::native::{bind_args, positional};
use crate::value::Value;
use crate::vm::Vm;

use super::fd::errno_err;
use super::path::path_arg;
use super::pipe::fd_of;
use super::raw;

/// `waitpid(pid, options)`: `(pid, status)`, `(0, 0)` for a running child
/// under `WNOHANG`; no such child is `ChildProcessError`.
pub(super) fn p_waitpid(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "waitpid", 2, 2)?;
    let pid = fd_of(vm, &args[0])?;
    let options = fd_of(vm, &args[1])?;
    let (p, status) = raw::waitpid(pid, options).map_err(errno_err)?;
    Ok(Value::tuple(vec![
        Value::Int(i64::from(p)),
        Value::Int(i64::from(status)),
    ]))
}

/// `kill(pid, signal)`.
pub(super) fn p_kill(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "kill", 2, 2)?;
    let pid = fd_of(vm, &args[0])?;
    let sig = fd_of(vm, &args[1])?;
    raw::kill(pid, sig).map_err(errno_err)?;
    // A signal sent to this process is handled before `kill` returns.
    vm.check_signals()?;
    Ok(Value::None)
}

/// `killpg(pgid, signal)`.
pub(super) fn p_killpg(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "killpg", 2, 2)?;
    let pgid = fd_of(vm, &args[0])?;
    let sig = fd_of(vm, &args[1])?;
    raw::killpg(pgid, sig).map_err(errno_err)?;
    Ok(Value::None)
}

/// `getpgid(pid)`.
pub(super) fn p_getpgid(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "getpgid", 1, 1)?;
    let pid = fd_of(vm, &args[0])?;
    raw::getpgid(pid)
        .map(|g| Value::Int(i64::from(g)))
        .map_err(errno_err)
}

/// `system(command)`: the wait status of `/bin/sh -c command`, run by the
/// C library's `system` as CPython does (so `SIGINT` and `SIGQUIT` are
/// ignored by the parent while the shell runs).
pub(super) fn p_system(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let b = bind_args(&a, "system", &["command"], 1)?;
    let p = path_arg(vm, "system", "command", b[0].unwrap_or(&Value::None))?;
    let cmd = CString::new(p.path.as_os_str().as_bytes())
        .map_err(|_| PyErr::value_error("embedded null byte"))?;
    Ok(Value::Int(i64::from(raw::system(&cmd))))
}

fn status_arg(vm: &mut Vm, a: &Args<'_>, name: &str) -> PyResult<i64> {
    let b = bind_args(a, name, &["status"], 1)?;
    vm.index_value(b[0].unwrap_or(&Value::None))
}

pub(super) fn p_wcoredump(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = status_arg(vm, &a, "WCOREDUMP")?;
    Ok(Value::Bool(s & 0x80 != 0))
}

pub(super) fn p_wifcontinued(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = status_arg(vm, &a, "WIFCONTINUED")?;
    Ok(Value::Bool(s == 0xffff))
}
