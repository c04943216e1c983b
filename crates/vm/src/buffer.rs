//! The bytes of a bytes-like object: what CPython's buffer protocol hands a C
//! function that takes a `y*` argument. Native modules read their binary
//! arguments through here so that every one accepts the same objects
//! (`bytes`, `bytearray`, `memoryview`, `array.array`, and subclasses of
//! `bytes` and `bytearray`) and rejects the rest with CPython's message.

use crate::exc::{PyErr, PyResult};
use crate::types::type_name;
use crate::value::Value;

/// The bytes `v` exports, or `None` if it is not bytes-like. A released
/// `memoryview` is an error.
pub fn exported_bytes(v: &Value) -> Option<PyResult<Vec<u8>>> {
    match v {
        Value::Bytes(b) => Some(Ok(b.to_vec())),
        Value::ByteArray(b) => Some(Ok(b.borrow().clone())),
        Value::MemoryView(m) => Some(contiguous_bytes(m)),
        Value::Instance(_) => match crate::instance::payload_of(v) {
            Some(p @ (Value::Bytes(_) | Value::ByteArray(_))) => exported_bytes(p),
            _ if crate::modules::pickle::is_picklebuffer(v) => Some(
                crate::modules::pickle::export_picklebuffer(v)?.and_then(|m| contiguous_bytes(&m)),
            ),
            _ => crate::modules::array::exported_bytes(v)
                .or_else(|| crate::modules::mmap::exported_bytes(v)),
        },
        _ => None,
    }
}

/// A view's bytes when it is C-contiguous, as a simple buffer request
/// (`PyBUF_SIMPLE`) requires.
fn contiguous_bytes(m: &crate::methods::memoryview::MemView) -> PyResult<Vec<u8>> {
    if !m.released() && !m.c_contiguous() {
        return Err(PyErr::new(
            crate::types::ExcKind::BufferError,
            "memoryview: underlying buffer is not C-contiguous",
        ));
    }
    m.to_vec()
}

/// The bytes of a bytes-like argument, or CPython's TypeError for anything else.
pub fn bytes_like(v: &Value) -> PyResult<Vec<u8>> {
    exported_bytes(v).unwrap_or_else(|| Err(not_bytes_like(v)))
}

/// CPython's TypeError for an argument that should have been bytes-like.
pub fn not_bytes_like(v: &Value) -> PyErr {
    PyErr::type_error(format!(
        "a bytes-like object is required, not '{}'",
        type_name(v)
    ))
}

/// A view of the writable buffer `v` exports (a bytearray, an array, a
/// writable memoryview: CPython's `w*`), for calls that fill one
/// (`readinto`, `recv_into`); `None` if it exports none or a read-only one.
/// The view must be C-contiguous, as `PyBUF_WRITABLE` requires.
pub fn writable(v: &Value) -> Option<PyResult<crate::methods::memoryview::MemView>> {
    match crate::methods::memoryview::MemView::of(v)? {
        Ok(m) if m.readonly() => None,
        Ok(m) if !m.c_contiguous() => Some(Err(PyErr::new(
            crate::types::ExcKind::BufferError,
            "memoryview: underlying buffer is not C-contiguous",
        ))),
        other => Some(other),
    }
}
