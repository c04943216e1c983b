//! `_posixshmem` (CPython's `Modules/_multiprocessing/posixshmem.c`):
//! `shm_open` and `shm_unlink`, for `multiprocessing.shared_memory`.

use std::ffi::CString;

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::native::bind_args;
use crate::types::type_name;
use crate::value::Value;
use crate::vm::Vm;

use super::super::cint::arg_c_int;
use super::super::{module_functions, new_module};
use super::raw;

module_functions!(SHM_FUNCTIONS, "_posixshmem", [
    "shm_open" => shm_open, "shm_unlink" => shm_unlink,
]);

/// The `path` argument (a str) as a C string.
fn path_arg(fname: &str, v: &Value) -> PyResult<CString> {
    let Value::Str(s) = v else {
        return Err(PyErr::type_error(format!(
            "{fname}() argument 'path' must be str, not {}",
            type_name(v)
        )));
    };
    CString::new(s.as_str()).map_err(|_| PyErr::value_error("embedded null character"))
}

/// The `OSError` for `errno` naming `path`.
fn path_err(e: i32, path: &Value) -> PyErr {
    crate::oserror::from_io(&std::io::Error::from_raw_os_error(e), Some(path.clone()))
}

/// `shm_open(path, flags, mode=0o777)`: a descriptor for a shared-memory object.
fn shm_open(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let b = bind_args(&a, "shm_open", &["path", "flags", "mode"], 2)?;
    let path = b[0].unwrap_or(&Value::None);
    let name = path_arg("shm_open", path)?;
    let flags = arg_c_int(vm, b[1].unwrap_or(&Value::None))?;
    let mode = match b[2] {
        Some(v) => arg_c_int(vm, v)?,
        None => 0o777,
    };
    loop {
        match raw::shm_open(&name, flags, mode as u32) {
            Ok(fd) => return Ok(Value::Int(i64::from(fd))),
            Err(libc::EINTR) => vm.check_signals()?,
            Err(e) => return Err(path_err(e, path)),
        }
    }
}

/// `shm_unlink(path)`.
fn shm_unlink(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let b = bind_args(&a, "shm_unlink", &["path"], 1)?;
    let path = b[0].unwrap_or(&Value::None);
    let name = path_arg("shm_unlink", path)?;
    loop {
        match raw::shm_unlink(&name) {
            Ok(()) => return Ok(Value::None),
            Err(libc::EINTR) => vm.check_signals()?,
            Err(e) => return Err(path_err(e, path)),
        }
    }
}

/// Builds the `_posixshmem` module.
pub fn init(_vm: &mut Vm) -> Value {
    new_module("_posixshmem", SHM_FUNCTIONS, vec![])
}
