//! Path arguments of `posix` functions: `str`, `bytes` or an `os.PathLike`,
//! as CPython's `path_converter`, and the `OSError`s that name them.

use std::ffi::OsString;
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::path::{Path, PathBuf};
use std::rc::Rc;

use crate::exc::{PyErr, PyResult};
use crate::types::type_name;
use crate::value::Value;
use crate::vm::Vm;

/// A converted path argument.
pub struct PathArg {
    /// The OS path.
    pub path: PathBuf,
    /// Whether the caller gave bytes (results are then bytes too).
    pub bytes: bool,
    /// The argument as given, for `OSError.filename`.
    pub orig: Value,
}

impl PathArg {
    /// An `OSError` for `err` naming this path.
    pub fn error(&self, err: &std::io::Error) -> PyErr {
        crate::oserror::from_io(err, Some(self.orig.clone()))
    }

    /// A file name or path in the caller's flavour (str or bytes).
    pub fn value_of(&self, p: &Path) -> Value {
        os_value(p.as_os_str(), self.bytes)
    }
}

/// An OS string as a Python `str` (undecodable bytes as surrogates, PEP 383) or
/// `bytes`.
pub fn os_value(s: &std::ffi::OsStr, bytes: bool) -> Value {
    if bytes {
        Value::Bytes(Rc::new(s.as_bytes().to_vec()))
    } else {
        crate::str_codecs::decode(s.as_bytes(), "utf-8", "surrogateescape")
            .unwrap_or_else(|_| Value::string(s.to_string_lossy().into_owned()))
    }
}

/// `os.fspath(v)`: `v` itself for str and bytes, else `v.__fspath__()`.
pub fn fspath(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if is_str_or_bytes(v) {
        return Ok(v.clone());
    }
    let Some(f) = fspath_method(vm, v)? else {
        return Err(PyErr::type_error(format!(
            "expected str, bytes or os.PathLike object, not {}",
            type_name(v)
        )));
    };
    match vm.call(&f, &[])? {
        r if is_str_or_bytes(&r) => Ok(r),
        other => Err(PyErr::type_error(format!(
            "expected {}.__fspath__() to return str or bytes, not {}",
            type_name(v),
            type_name(&other)
        ))),
    }
}

/// `v`'s `__fspath__`, looked up on its type as CPython's
/// `_PyObject_LookupSpecial` does (an instance's `__getattr__` cannot
/// supply it), bound to `v`.
fn fspath_method(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let name = vm.intern("__fspath__");
    let t = crate::types::type_of(v);
    match crate::class::lookup(&t, &name) {
        Some(f) => vm.bind_attr(f, v, &t).map(Some),
        None => Ok(None),
    }
}

/// Whether `v` is a str or bytes, or an instance of a subclass of either
/// (which `os.fspath` gives back unchanged, as `PyOS_FSPath` does).
fn is_str_or_bytes(v: &Value) -> bool {
    match v {
        Value::Str(_) | Value::Bytes(_) => true,
        _ => matches!(
            crate::instance::payload_of(v),
            Some(Value::Str(_) | Value::Bytes(_))
        ),
    }
}

/// Functions whose path may also be an open descriptor (their messages say so).
const FD_FUNCS: &[&str] = &[
    "stat", "listdir", "scandir", "chdir", "chmod", "utime", "truncate", "statvfs",
];

/// Converts the argument `arg` of `func` to a path.
pub fn path_arg(vm: &mut Vm, func: &str, arg: &str, v: &Value) -> PyResult<PathArg> {
    let kinds = if func == "listdir" || func == "scandir" {
        "string, bytes, os.PathLike, integer or None"
    } else if FD_FUNCS.contains(&func) {
        "string, bytes, os.PathLike or integer"
    } else {
        "string, bytes or os.PathLike"
    };
    let not_path = || {
        PyErr::type_error(format!(
            "{func}: {arg} should be {kinds}, not {}",
            type_name(v)
        ))
    };
    // A str or bytes subclass's instance is its str or bytes.
    let payload =
        crate::instance::payload_of(v).filter(|p| matches!(p, Value::Str(_) | Value::Bytes(_)));
    let p = match v {
        Value::Str(_) | Value::Bytes(_) => v.clone(),
        _ if payload.is_some() => payload.cloned().unwrap_or(Value::None),
        Value::Instance(_) if fspath_method(vm, v)?.is_some() => {
            let r = fspath(vm, v)?;
            crate::instance::payload_of(&r).cloned().unwrap_or(r)
        }
        // A bytes-like object other than bytes (`bytearray`, `memoryview`)
        // is still taken, with 3.11's deprecation warning; `orig` keeps it
        // for `OSError.filename`.
        _ => match crate::buffer::exported_bytes(v) {
            Some(b) => {
                let b = b?;
                vm.warn(
                    crate::types::ExcKind::DeprecationWarning,
                    &format!("{func}: {arg} should be {kinds}, not {}", type_name(v)),
                )?;
                Value::Bytes(Rc::new(b))
            }
            None => return Err(not_path()),
        },
    };
    let (path, bytes) = match &p {
        Value::Str(s) if s.surrogates().is_some() => {
            let b = crate::str_codecs::encode(s, "utf-8", "surrogateescape")?;
            (PathBuf::from(OsString::from_vec(b)), false)
        }
        Value::Str(s) => (PathBuf::from(s.as_str()), false),
        Value::Bytes(b) => (PathBuf::from(OsString::from_vec(b.to_vec())), true),
        _ => (PathBuf::new(), false),
    };
    if path.as_os_str().as_bytes().contains(&0) {
        return Err(PyErr::value_error("embedded null byte"));
    }
    Ok(PathArg {
        path,
        bytes,
        orig: v.clone(),
    })
}
