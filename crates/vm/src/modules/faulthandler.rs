//! `faulthandler` (`Modules/faulthandler.c`), the part a program can see:
//! `enable`/`disable`/`is_enabled` keep the flag (set at start-up by
//! `-X faulthandler`, `-X dev` or `PYTHONFAULTHANDLER`), and `dump_traceback` writes
//! the Python stack of the running thread to a file descriptor in
//! faulthandler's format. Pith installs no handler for fatal signals: a
//! Rust panic already reports itself, and Python code cannot crash the VM
//! with a bad memory access.

use std::cell::Cell;

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::native::bind_args;
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::Vm;

use super::{module_functions, new_module};

thread_local! {
    static ENABLED: Cell<bool> = const { Cell::new(false) };
}

module_functions!(FAULTHANDLER_FUNCTIONS, "faulthandler", [
    "enable" => enable, "disable" => disable, "is_enabled" => is_enabled,
    "dump_traceback" => dump_traceback,
]);

/// Builds the `faulthandler` module; enabled when the command line or the
/// environment asked for it.
pub fn init(vm: &mut Vm) -> Value {
    if requested(vm) {
        ENABLED.with(|e| e.set(true));
    }
    new_module("faulthandler", FAULTHANDLER_FUNCTIONS, Vec::new())
}

/// Whether the command line or the environment asks for faulthandler
/// (`-X faulthandler`, `-X dev`, `PYTHONFAULTHANDLER`).
pub(crate) fn requested(vm: &Vm) -> bool {
    let cl = &vm.cmdline;
    let from_env = !cl.ignore_environment
        && !cl.isolated
        && std::env::var_os("PYTHONFAULTHANDLER").is_some_and(|v| !v.is_empty());
    cl.has_xoption("faulthandler") || cl.has_xoption("dev") || from_env
}

/// `faulthandler_get_fileno`: the descriptor of `file` (`None` or absent:
/// `sys.stderr`), after flushing a file object.
fn file_descriptor(vm: &mut Vm, file: Option<&Value>) -> PyResult<i64> {
    let file = match file {
        None | Some(Value::None) => {
            vm.import_dotted("sys")?;
            match vm.sys_attr("stderr") {
                None | Some(Value::None) => {
                    return Err(PyErr::new(ExcKind::RuntimeError, "sys.stderr is None"))
                }
                Some(f) => f,
            }
        }
        Some(f) => f.clone(),
    };
    if let Value::Int(fd) = file {
        if fd < 0 {
            return Err(PyErr::value_error("file is not a valid file descripter"));
        }
        return Ok(fd);
    }
    let name = vm.intern("fileno");
    let fileno = vm.get_attr(&file, &name)?;
    let fd = match vm.call(&fileno, &[])? {
        Value::Int(fd) if fd >= 0 => fd,
        Value::Int(_) => return Err(PyErr::value_error("file is not a valid file descripter")),
        _ => {
            return Err(PyErr::new(
                ExcKind::RuntimeError,
                "file.fileno() is not a valid file descriptor",
            ))
        }
    };
    let name = vm.intern("flush");
    if let Ok(flush) = vm.get_attr(&file, &name) {
        // As CPython: a failed flush is not an error here.
        drop(vm.call(&flush, &[]));
    }
    Ok(fd)
}

/// `faulthandler.enable(file=sys.stderr, all_threads=True)`.
fn enable(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = bind_args(&a, "enable", &["file", "all_threads"], 0)?;
    file_descriptor(vm, args[0])?;
    ENABLED.with(|e| e.set(true));
    Ok(Value::None)
}

/// `faulthandler.disable()`: whether it was enabled.
fn disable(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    crate::native::positional(&a, "disable", 0, 0)?;
    Ok(Value::Bool(ENABLED.with(|e| e.replace(false))))
}

/// `faulthandler.is_enabled()`.
fn is_enabled(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    crate::native::positional(&a, "is_enabled", 0, 0)?;
    Ok(Value::Bool(ENABLED.with(Cell::get)))
}

/// `faulthandler.dump_traceback(file=sys.stderr, all_threads=True)`: the
/// running thread's frames, innermost first, as `_Py_DumpTraceback` writes
/// them (other green threads are not shown).
fn dump_traceback(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = bind_args(&a, "dump_traceback", &["file", "all_threads"], 0)?;
    let fd = file_descriptor(vm, args[0])?;
    let all_threads = match args[1] {
        None => true,
        Some(v) => vm.truthy(v)?,
    };
    let mut text = if all_threads {
        format!(
            "Current thread 0x{:016x} (most recent call first):\n",
            vm.sched.ident()
        )
    } else {
        "Stack (most recent call first):\n".to_string()
    };
    for frame in vm.frames.iter().rev() {
        let code = &frame.code;
        let line = frame
            .line()
            .map_or_else(|| "???".to_string(), |l| l.to_string());
        text.push_str(&format!(
            "  File \"{}\", line {} in {}\n",
            code.raw.filename.to_string_lossy(),
            line,
            code.name.as_str()
        ));
    }
    let bytes = Value::Bytes(std::rc::Rc::new(text.into_bytes()));
    super::posix::fd::p_write(vm, Args::positional(&[Value::Int(fd), bytes]))?;
    Ok(Value::None)
}
