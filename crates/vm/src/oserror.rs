//! `OSError` as `Objects/exceptions.c` has it: `OSError(errno, strerror[,
//! filename[, winerror[, filename2]]])` keeps `(errno, strerror)` as its args
//! and sets `errno`, `strerror`, `filename`, `filename2`; `OSError` itself
//! called with a known errno makes the matching subclass (`ENOENT` gives
//! `FileNotFoundError`); `str()` is `[Errno 2] No such file or directory: 'x'`.
//! Also the bridge from Rust's `std::io::Error` to these exceptions.

use std::rc::Rc;

use crate::exc::{ExcObj, PyErr};
use crate::types::{exc_type, ExcKind, TypeObj};
use crate::value::Value;

/// The `OSError` subclass CPython picks for an errno (`errnomap`).
fn subclass_for(errno: i64) -> Option<ExcKind> {
    Some(match errno {
        2 => ExcKind::FileNotFoundError,
        1 | 13 => ExcKind::PermissionError,
        17 => ExcKind::FileExistsError,
        20 => ExcKind::NotADirectoryError,
        21 => ExcKind::IsADirectoryError,
        11 | 114 | 115 => ExcKind::BlockingIOError,
        3 => ExcKind::ProcessLookupError,
        4 => ExcKind::InterruptedError,
        10 => ExcKind::ChildProcessError,
        32 | 108 => ExcKind::BrokenPipeError,
        103 => ExcKind::ConnectionAbortedError,
        104 => ExcKind::ConnectionResetError,
        110 => ExcKind::TimeoutError,
        111 => ExcKind::ConnectionRefusedError,
        _ => return None,
    })
}

/// The class an `OSError(...)` call makes: a subclass chosen by errno when
/// `OSError` itself is called with at least two arguments.
pub(crate) fn constructed_type(t: &Rc<TypeObj>, args: &[Value]) -> Rc<TypeObj> {
    if (2..=5).contains(&args.len()) && Rc::ptr_eq(t, &exc_type(ExcKind::OSError)) {
        if let Some(kind) = args.first().and_then(|v| match v {
            Value::Int(n) => subclass_for(*n),
            _ => None,
        }) {
            return exc_type(kind);
        }
    }
    t.clone()
}

/// Sets the attributes of a new `OSError` (or subclass) from its arguments,
/// as `oserror_init` does; other exceptions are left alone.
pub(crate) fn init(e: &ExcObj) {
    if !e.is_instance(ExcKind::OSError) {
        return;
    }
    let args = e.args.borrow().clone();
    let (mut errno, mut strerror, mut filename, mut filename2) =
        (Value::None, Value::None, Value::None, Value::None);
    // `BlockingIOError(errno, strerror, characters_written)`: a number as
    // the third argument of that exact class is the count written, not a
    // file name, and the arguments stay as given.
    let written = match args.get(2) {
        Some(n @ (Value::Int(_) | Value::Bool(_)))
            if (2..=5).contains(&args.len())
                && Rc::ptr_eq(&e.typ, &crate::types::exc_type(ExcKind::BlockingIOError)) =>
        {
            Some(n.clone())
        }
        _ => None,
    };
    if (2..=5).contains(&args.len()) {
        errno = args[0].clone();
        strerror = args[1].clone();
        if let Some(f) = args.get(2).filter(|_| written.is_none()) {
            filename = f.clone();
        }
        if let Some(f) = args.get(4) {
            filename2 = f.clone();
        }
        if !matches!(filename, Value::None) {
            *e.args.borrow_mut() = Rc::new(args[..2].to_vec());
        }
    }
    let d = e.dict();
    let mut d = d.borrow_mut();
    for (k, v) in [
        ("errno", errno),
        ("strerror", strerror),
        ("filename", filename),
        ("filename2", filename2),
    ] {
        let _ = d.insert(Value::str(k), v);
    }
    if let Some(n) = written {
        let n = match n {
            Value::Bool(b) => Value::Int(i64::from(b)),
            n => n,
        };
        let _ = d.insert(Value::str("characters_written"), n);
    }
}

/// `str()` of an `OSError` that has an errno and strerror.
pub(crate) fn os_error_str(e: &ExcObj) -> Option<String> {
    if !e.is_instance(ExcKind::OSError) {
        return None;
    }
    let d = e.dict.borrow().clone()?;
    let d = d.borrow();
    let get = |k: &str| crate::import::dict_get(&d, k).unwrap_or(Value::None);
    let (errno, strerror) = (get("errno"), get("strerror"));
    if matches!(errno, Value::None) || matches!(strerror, Value::None) {
        return None;
    }
    let (filename, filename2) = (get("filename"), get("filename2"));
    let head = format!(
        "[Errno {}] {}",
        crate::repr::to_str(&errno),
        crate::repr::to_str(&strerror)
    );
    Some(match (&filename, &filename2) {
        (Value::None, _) => head,
        (f, Value::None) => format!("{head}: {}", crate::repr::repr(f)),
        (f, f2) => format!(
            "{head}: {} -> {}",
            crate::repr::repr(f),
            crate::repr::repr(f2)
        ),
    })
}

/// The C library's text for an error, without Rust's ` (os error N)`.
pub fn strerror(err: &std::io::Error) -> String {
    let text = err.to_string();
    match text.find(" (os error") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

/// A Python `OSError` (the subclass its errno selects) for an I/O error on
/// `filename`.
pub fn from_io(err: &std::io::Error, filename: Option<Value>) -> PyErr {
    let Some(errno) = err.raw_os_error() else {
        return PyErr::new(ExcKind::OSError, strerror(err));
    };
    new_os_error(errno as i64, &strerror(err), filename)
}

/// `OSError(errno, strerror, filename)` with the subclass the errno selects.
pub fn new_os_error(errno: i64, strerror: &str, filename: Option<Value>) -> PyErr {
    let kind = subclass_for(errno).unwrap_or(ExcKind::OSError);
    let mut args = vec![Value::Int(errno), Value::str(strerror)];
    args.extend(filename);
    let e = ExcObj::new(exc_type(kind), args);
    init(&e);
    PyErr(Rc::new(e))
}
