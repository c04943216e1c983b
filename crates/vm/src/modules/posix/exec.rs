//! Starting processes the POSIX way: `fork` (with `register_at_fork`
//! hooks), `execv`/`execve`, and the system queries `sysconf`,
//! `getloadavg` and `get_terminal_size`.

use std::cell::RefCell;
use std::ffi::CString;
use std::os::unix::ffi::OsStrExt;

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::native::positional;
use crate::types::type_name;
use crate::value::Value;
use crate::vm::Vm;

use super::fd::errno_err;
use super::path::path_arg;
use super::raw;
use super::sysconf_table::SYSCONF_NAMES;

/// The hooks of `register_at_fork`, in registration order.
#[derive(Default)]
struct ForkHooks {
    before: Vec<Value>,
    after_in_child: Vec<Value>,
    after_in_parent: Vec<Value>,
}

thread_local! {
    static HOOKS: RefCell<ForkHooks> = RefCell::new(ForkHooks::default());
}

/// A `METH_NOARGS` check with `posix.`-qualified messages.
fn no_args(a: &Args<'_>, name: &str) -> PyResult<()> {
    super::super::pwd::no_args(a, &format!("posix.{name}"))
}

/// `register_at_fork(*, before=None, after_in_child=None,
/// after_in_parent=None)`.
pub(super) fn p_register_at_fork(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    if !a.pos.is_empty() {
        return Err(PyErr::type_error(
            "register_at_fork() takes no positional arguments",
        ));
    }
    let b = crate::native::bind_args(
        &a,
        "register_at_fork",
        &["before", "after_in_child", "after_in_parent"],
        0,
    )?;
    let given: Vec<(usize, &Value)> = b
        .iter()
        .enumerate()
        // A None given is an argument too, and not callable.
        .filter_map(|(i, v)| v.map(|v| (i, v)))
        .collect();
    if given.is_empty() {
        return Err(PyErr::type_error("At least one argument is required."));
    }
    let names = ["before", "after_in_child", "after_in_parent"];
    for &(i, v) in &given {
        if !crate::native::is_callable(v) {
            return Err(PyErr::type_error(format!(
                "'{}' must be callable, not {}",
                names[i],
                type_name(v)
            )));
        }
    }
    HOOKS.with(|h| {
        let mut h = h.borrow_mut();
        for (i, v) in given {
            match i {
                0 => h.before.push(v.clone()),
                1 => h.after_in_child.push(v.clone()),
                _ => h.after_in_parent.push(v.clone()),
            }
        }
    });
    Ok(Value::None)
}

/// Runs fork hooks; an error in one is reported and ignored, as CPython's
/// `PyErr_WriteUnraisable` does.
fn run_hooks(vm: &mut Vm, hooks: Vec<Value>) {
    for f in hooks {
        if let Err(e) = vm.call(&f, &[]) {
            vm.write_unraisable("in fork hook", &f, &e);
        }
    }
}

/// `fork()`: the hooks registered before run newest first, the child's and
/// parent's oldest first. Output is flushed first so nothing buffered is
/// written twice.
pub(super) fn p_fork(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    no_args(&a, "fork")?;
    let before: Vec<Value> = HOOKS.with(|h| h.borrow().before.iter().rev().cloned().collect());
    run_hooks(vm, before);
    vm.flush();
    let pid = raw::fork().map_err(errno_err)?;
    if pid == 0 {
        vm.after_fork_child();
    }
    let after = HOOKS.with(|h| {
        let h = h.borrow();
        if pid == 0 {
            h.after_in_child.clone()
        } else {
            h.after_in_parent.clone()
        }
    });
    run_hooks(vm, after);
    Ok(Value::Int(i64::from(pid)))
}

/// One `argv` or environment string: str (encoded as file names are) or
/// bytes, without NUL.
fn c_string(vm: &mut Vm, func: &str, v: &Value) -> PyResult<CString> {
    let p = path_arg(vm, func, "args", v)?;
    CString::new(p.path.as_os_str().as_bytes())
        .map_err(|_| PyErr::value_error("embedded null byte"))
}

/// `argv` of `execv`/`execve`: a non-empty tuple or list whose first item
/// is not empty.
fn argv_of(vm: &mut Vm, func: &str, v: &Value) -> PyResult<Vec<CString>> {
    let items = match v {
        Value::List(l) => l.borrow().clone(),
        Value::Tuple(t) => t.to_vec(),
        _ => {
            return Err(PyErr::type_error(format!(
                "{func}() arg 2 must be a tuple or list"
            )))
        }
    };
    if items.is_empty() {
        return Err(PyErr::value_error(format!(
            "{func}() arg 2 must not be empty"
        )));
    }
    let mut out = Vec::with_capacity(items.len());
    for it in &items {
        out.push(c_string(vm, func, it)?);
    }
    if out[0].as_bytes().is_empty() {
        return Err(PyErr::value_error(format!(
            "{func}() arg 2 first element cannot be empty"
        )));
    }
    Ok(out)
}

/// `KEY=VALUE` strings of an environment mapping.
fn env_of(vm: &mut Vm, v: &Value) -> PyResult<Vec<CString>> {
    let keys_name = vm.intern("keys");
    let Ok(keys) = vm.get_attr(v, &keys_name) else {
        return Err(PyErr::type_error(
            "execve: environment must be a mapping object",
        ));
    };
    let keys = vm.call(&keys, &[])?;
    let keys = vm.collect(&keys)?;
    let mut out = Vec::with_capacity(keys.len());
    for k in keys {
        let val = vm.getitem(v, &k)?;
        let k = c_string(vm, "execve", &k)?;
        let val = c_string(vm, "execve", &val)?;
        if k.as_bytes().is_empty() || k.as_bytes().contains(&b'=') {
            return Err(PyErr::value_error("illegal environment variable name"));
        }
        let mut kv = k.into_bytes();
        kv.push(b'=');
        kv.extend_from_slice(val.as_bytes());
        out.push(CString::new(kv).map_err(|_| PyErr::value_error("embedded null byte"))?);
    }
    Ok(out)
}

fn exec_common(vm: &mut Vm, func: &str, a: &Args<'_>, with_env: bool) -> PyResult<Value> {
    let n = if with_env { 3 } else { 2 };
    let args = positional(a, func, n, n)?;
    let path = path_arg(vm, func, "path", &args[0])?;
    let path = CString::new(path.path.as_os_str().as_bytes())
        .map_err(|_| PyErr::value_error("embedded null byte"))?;
    let argv = argv_of(vm, func, &args[1])?;
    let env = if with_env {
        Some(env_of(vm, &args[2])?)
    } else {
        None
    };
    vm.flush();
    let e = raw::exec(&path, &argv, env.as_deref());
    Err(errno_err(e))
}

/// `execv(path, argv)`: replaces the process; returns only with an error.
pub(super) fn p_execv(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    exec_common(vm, "execv", &a, false)
}

/// `execve(path, argv, env)`.
pub(super) fn p_execve(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    exec_common(vm, "execve", &a, true)
}

/// `sysconf(name)`: a name of `sysconf_names` or a number.
pub(super) fn p_sysconf(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "sysconf", 1, 1)?;
    let name = match &args[0] {
        Value::Str(s) => SYSCONF_NAMES
            .iter()
            .find(|(n, _)| *n == s.as_str())
            .map(|&(_, v)| v)
            .ok_or_else(|| PyErr::value_error("unrecognized configuration name"))?,
        v @ (Value::Int(_) | Value::Bool(_) | Value::BigInt(_)) => {
            super::super::cint::as_c_int(vm, v)?
        }
        _ => {
            return Err(PyErr::type_error(
                "configuration names must be strings or integers",
            ))
        }
    };
    super::super::resource_raw::sysconf(name)
        .map(Value::Int)
        .map_err(errno_err)
}

/// `getloadavg()`.
pub(super) fn p_getloadavg(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    no_args(&a, "getloadavg")?;
    match super::super::resource_raw::getloadavg() {
        Some(l) => Ok(Value::tuple(l.iter().map(|&x| Value::Float(x)).collect())),
        None => Err(crate::oserror::new_os_error(
            0,
            "Load averages are unobtainable",
            None,
        )),
    }
}

/// `get_terminal_size(fd=1)`: the `TIOCGWINSZ` ioctl; a descriptor that is
/// no terminal is `OSError` (`ENOTTY`), which `shutil.get_terminal_size`
/// answers with `COLUMNS`/`LINES` or 80x24.
pub(super) fn p_get_terminal_size(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "get_terminal_size", 0, 1)?;
    let fd = match args.first() {
        Some(v) => super::super::cint::as_c_int(vm, v)?,
        None => 1,
    };
    // struct winsize: rows, columns, then the pixel sizes (u16 each).
    let mut ws = [0u8; 8];
    super::super::resource_raw::ioctl_buf(fd, libc::TIOCGWINSZ, &mut ws).map_err(errno_err)?;
    let rows = u16::from_ne_bytes([ws[0], ws[1]]);
    let cols = u16::from_ne_bytes([ws[2], ws[3]]);
    Ok(super::super::structseq::new(
        vm,
        &super::fd::TERMINAL_SIZE,
        vec![Value::Int(i64::from(cols)), Value::Int(i64::from(rows))],
    ))
}
