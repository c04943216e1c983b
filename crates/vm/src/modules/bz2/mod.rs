//! `_bz2`: CPython's `Modules/_bz2module.c` over libbzip2 (the `bzip2`
//! crate: the system's libbz2 when pkg-config finds it, else its bundled
//! copy of the same 1.0.8 sources), so compressed bytes are CPython's.
//!
//! `compressor.rs` holds `BZ2Compressor`, `decompressor.rs`
//! `BZ2Decompressor`; `bz2.py` and `_compression.py` run on top as they are.

mod compressor;
mod decompressor;
pub(super) mod input;

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::types::{type_name, ExcKind};
use crate::value::Value;
use crate::vm::Vm;

use super::new_module;

/// The size of the fixed buffer streams write into before their output is
/// appended to the result (CPython grows one buffer from 8 KiB).
pub(super) const CHUNK: usize = 64 * 1024;

/// Builds the `_bz2` module.
pub fn init(vm: &mut Vm) -> Value {
    let comp = crate::native::class_of(vm, &compressor::BZ2_COMPRESSOR);
    let decomp = crate::native::class_of(vm, &decompressor::BZ2_DECOMPRESSOR);
    new_module(
        "_bz2",
        &[],
        vec![
            ("BZ2Compressor", Value::Type(comp)),
            ("BZ2Decompressor", Value::Type(decomp)),
        ],
    )
}

/// A libbzip2 failure as CPython's `catch_bz2_error` reports it.
pub(super) fn bz2_error(e: bzip2::Error) -> PyErr {
    match e {
        bzip2::Error::Param => {
            PyErr::value_error("Internal error - invalid parameters passed to libbzip2")
        }
        bzip2::Error::Data | bzip2::Error::DataMagic => {
            PyErr::new(ExcKind::OSError, "Invalid data stream")
        }
        bzip2::Error::Sequence => PyErr::new(
            ExcKind::RuntimeError,
            "Internal error - Invalid sequence of commands sent to libbzip2",
        ),
    }
}

/// `__reduce__` of the compression classes: CPython refuses to pickle them.
pub(super) fn refuse_pickle(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let recv = a.pos.first().unwrap_or(&Value::None);
    Err(PyErr::type_error(format!(
        "cannot pickle '{}' object",
        type_name(recv)
    )))
}

/// Rejects any argument after the receiver (`NAME() takes no arguments`).
pub(super) fn no_args(a: &Args<'_>, owner: &str, name: &str) -> PyResult<()> {
    let n = a.pos.len().saturating_sub(1) + a.kwnames.len();
    if n > 0 {
        return Err(PyErr::type_error(format!(
            "{owner}.{name}() takes no arguments ({n} given)"
        )));
    }
    Ok(())
}

/// The one positional `data` argument of `compress(data, /)`.
pub(super) fn one_data(a: &Args<'_>, owner: &str, name: &str) -> PyResult<Vec<u8>> {
    let n = a.pos.len().saturating_sub(1);
    if !a.kwnames.is_empty() {
        return Err(PyErr::type_error(format!(
            "{owner}.{name}() takes no keyword arguments"
        )));
    }
    match a.pos.get(1) {
        Some(v) if n == 1 => crate::buffer::bytes_like(v),
        _ => Err(PyErr::type_error(format!(
            "{owner}.{name}() takes exactly one argument ({n} given)"
        ))),
    }
}
