//! Pipes and descriptor flags: `pipe`, `pipe2`, `dup`, `dup2`, and the
//! inheritable (PEP 446) and blocking flags, which `subprocess` sets on the
//! descriptors it hands to a child.

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::native::{bind_args, positional};
use crate::value::Value;
use crate::vm::Vm;

use super::fd::errno_err;
use super::raw;

/// A descriptor argument: an int that fits C's `int`.
pub(super) fn fd_of(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let n = vm.index_value(v)?;
    i32::try_from(n).map_err(|_| {
        PyErr::overflow(if n < 0 {
            "fd is less than minimum"
        } else {
            "fd is greater than maximum"
        })
    })
}

fn pair(r: i32, w: i32) -> Value {
    Value::tuple(vec![Value::Int(i64::from(r)), Value::Int(i64::from(w))])
}

/// `pipe()`: a read and a write end, neither inherited by children.
pub(super) fn p_pipe(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    positional(&a, "pipe", 0, 0)?;
    let (r, w) = raw::pipe2(libc::O_CLOEXEC).map_err(errno_err)?;
    Ok(pair(r, w))
}

/// `pipe2(flags)`: `O_NONBLOCK` and `O_CLOEXEC` as asked.
pub(super) fn p_pipe2(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "pipe2", 1, 1)?;
    let flags = fd_of(vm, &args[0])?;
    let (r, w) = raw::pipe2(flags).map_err(errno_err)?;
    Ok(pair(r, w))
}

/// `dup(fd)`: a non-inheritable copy.
pub(super) fn p_dup(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "dup", 1, 1)?;
    let fd = fd_of(vm, &args[0])?;
    raw::dup_cloexec(fd)
        .map(|n| Value::Int(i64::from(n)))
        .map_err(errno_err)
}

/// `dup2(fd, fd2, inheritable=True)`: `fd2`.
pub(super) fn p_dup2(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let b = bind_args(&a, "dup2", &["fd", "fd2", "inheritable"], 2)?;
    let fd = fd_of(vm, b[0].unwrap_or(&Value::None))?;
    let fd2 = fd_of(vm, b[1].unwrap_or(&Value::None))?;
    let inheritable = match b[2] {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    raw::dup2(fd, fd2, inheritable)
        .map(|n| Value::Int(i64::from(n)))
        .map_err(errno_err)
}

pub(super) fn p_get_inheritable(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "get_inheritable", 1, 1)?;
    let fd = fd_of(vm, &args[0])?;
    raw::get_inheritable(fd).map(Value::Bool).map_err(errno_err)
}

pub(super) fn p_set_inheritable(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "set_inheritable", 2, 2)?;
    let fd = fd_of(vm, &args[0])?;
    let on = vm.index_value(&args[1])? != 0;
    raw::set_inheritable(fd, on).map_err(errno_err)?;
    Ok(Value::None)
}

pub(super) fn p_get_blocking(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "get_blocking", 1, 1)?;
    let fd = fd_of(vm, &args[0])?;
    raw::get_blocking(fd).map(Value::Bool).map_err(errno_err)
}

pub(super) fn p_set_blocking(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "set_blocking", 2, 2)?;
    let fd = fd_of(vm, &args[0])?;
    let on = vm.index_value(&args[1])? != 0;
    raw::set_blocking(fd, on).map_err(errno_err)?;
    Ok(Value::None)
}
