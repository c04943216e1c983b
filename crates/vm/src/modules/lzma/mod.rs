//! `_lzma`: CPython's `Modules/_lzmamodule.c` over liblzma (the `liblzma`
//! crate: the system library when it is recent enough, else the xz sources
//! it bundles), with `_lzmamodule.c`'s argument checks and messages;
//! `lzma.py` and `_compression.py` run on top as they are.
//!
//! `filters.rs` reads filter specifiers and encodes filter properties,
//! `compressor.rs` and `decompressor.rs` hold the two classes.

mod compressor;
mod decompressor;
mod filters;

use std::rc::Rc;

use num_traits::ToPrimitive;

use crate::dict::Dict;
use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::native::positional;
use crate::types::{ExcKind, TypeObj};
use crate::value::Value;
use crate::vm::Vm;

use super::{module_functions, new_module};

module_functions!(LZMA_FUNCTIONS, "_lzma", [
    "is_check_supported" => is_check_supported,
    "_encode_filter_properties" => encode_filter_properties,
    "_decode_filter_properties" => decode_filter_properties,
]);

/// `CHECK_*` ids that liblzma implements (all of its checks are built).
const SUPPORTED_CHECKS: [i64; 4] = [0, 1, 4, 10];

/// Builds the `_lzma` module.
pub fn init(vm: &mut Vm) -> Value {
    let comp = crate::native::class_of(vm, &compressor::LZMA_COMPRESSOR);
    let decomp = crate::native::class_of(vm, &decompressor::LZMA_DECOMPRESSOR);
    let int = |n: i64| Value::Int(n);
    let mut extra = vec![
        ("LZMACompressor", Value::Type(comp)),
        ("LZMADecompressor", Value::Type(decomp)),
        ("LZMAError", Value::Type(error_class(vm))),
        ("FORMAT_AUTO", int(0)),
        ("FORMAT_XZ", int(1)),
        ("FORMAT_ALONE", int(2)),
        ("FORMAT_RAW", int(3)),
        ("CHECK_NONE", int(0)),
        ("CHECK_CRC32", int(1)),
        ("CHECK_CRC64", int(4)),
        ("CHECK_SHA256", int(10)),
        ("CHECK_ID_MAX", int(15)),
        ("CHECK_UNKNOWN", int(16)),
        ("FILTER_LZMA1", int(filters::FILTER_LZMA1 as i64)),
        ("FILTER_LZMA2", int(filters::FILTER_LZMA2 as i64)),
        ("FILTER_DELTA", int(filters::FILTER_DELTA as i64)),
        ("MF_HC3", int(0x03)),
        ("MF_HC4", int(0x04)),
        ("MF_BT2", int(0x12)),
        ("MF_BT3", int(0x13)),
        ("MF_BT4", int(0x14)),
        ("MODE_FAST", int(1)),
        ("MODE_NORMAL", int(2)),
        ("PRESET_DEFAULT", int(6)),
        ("PRESET_EXTREME", int(i64::from(filters::PRESET_EXTREME))),
    ];
    for (name, id) in filters::BCJ_FILTERS {
        extra.push((name, int(id as i64)));
    }
    new_module("_lzma", LZMA_FUNCTIONS, extra)
}

/// `_lzma.LZMAError`.
fn error_class(vm: &mut Vm) -> Rc<TypeObj> {
    super::native_exc::class(
        vm,
        "_lzma.LZMAError",
        "_lzma",
        "LZMAError",
        ExcKind::Exception,
    )
}

/// `LZMAError(msg)`.
pub(super) fn lzma_error(vm: &mut Vm, msg: impl Into<String>) -> PyErr {
    let t = error_class(vm);
    super::native_exc::raise(&t, msg)
}

/// A liblzma failure (`lzma_ret`), reported as `catch_lzma_error` does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum LzmaErr {
    UnsupportedCheck,
    Mem,
    MemLimit,
    Format,
    Options,
    Data,
    Buf,
    Program,
}

impl From<liblzma::stream::Error> for LzmaErr {
    fn from(e: liblzma::stream::Error) -> LzmaErr {
        use liblzma::stream::Error as E;
        match e {
            E::Data => LzmaErr::Data,
            E::Options => LzmaErr::Options,
            E::Format => LzmaErr::Format,
            E::MemLimit => LzmaErr::MemLimit,
            E::Mem => LzmaErr::Mem,
            E::UnsupportedCheck => LzmaErr::UnsupportedCheck,
            // NoCheck is a notice, handled where it can come; elsewhere it
            // would be a misuse of the stream.
            E::Program | E::NoCheck => LzmaErr::Program,
        }
    }
}

/// The Python exception for a liblzma failure.
pub(super) fn raise(vm: &mut Vm, e: LzmaErr) -> PyErr {
    let msg = match e {
        LzmaErr::Mem => return PyErr::new(ExcKind::MemoryError, ""),
        LzmaErr::UnsupportedCheck => "Unsupported integrity check",
        LzmaErr::MemLimit => "Memory usage limit exceeded",
        LzmaErr::Format => "Input format not supported by decoder",
        LzmaErr::Options => "Invalid or unsupported options",
        LzmaErr::Data => "Corrupt input data",
        LzmaErr::Buf => "Insufficient buffer space",
        LzmaErr::Program => "Internal error",
    };
    lzma_error(vm, msg)
}

/// `PyLong_AsUnsignedLongLong`: an int (no `__index__`) in 0..2**64.
pub(super) fn to_u64(v: &Value) -> PyResult<u64> {
    let Some(n) = crate::ops::to_bigint(v) else {
        return Err(PyErr::type_error("an integer is required"));
    };
    if n.sign() == num_bigint::Sign::Minus {
        return Err(PyErr::overflow("can't convert negative int to unsigned"));
    }
    n.to_u64()
        .ok_or_else(|| PyErr::overflow("int too big to convert"))
}

/// `_lzmamodule.c`'s `uint32_converter`.
pub(super) fn to_u32(v: &Value) -> PyResult<u32> {
    let n = to_u64(v)?;
    u32::try_from(n).map_err(|_| PyErr::overflow("Value too large for uint32_t type"))
}

/// A C `int` argument (`__index__`, CPython's overflow message).
pub(super) fn c_int(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let n = vm.index_value(v)?;
    i32::try_from(n).map_err(|_| PyErr::overflow("Python int too large to convert to C int"))
}

/// `is_check_supported(check_id, /)`.
fn is_check_supported(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "is_check_supported", 1, 1)?;
    let id = i64::from(c_int(vm, &args[0])?);
    Ok(Value::Bool(SUPPORTED_CHECKS.contains(&id)))
}

/// `_encode_filter_properties(filter, /)`.
fn encode_filter_properties(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "_encode_filter_properties", 1, 1)?;
    let spec = filters::parse_spec(vm, &args[0])?;
    match filters::encode_props(&spec) {
        Ok(b) => Ok(Value::Bytes(Rc::new(b))),
        Err(e) => Err(raise(vm, e)),
    }
}

/// `_decode_filter_properties(filter_id, encoded_props, /)`.
fn decode_filter_properties(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "_decode_filter_properties", 2, 2)?;
    let id = to_u64(&args[0])?;
    let props = crate::buffer::bytes_like(&args[1])?;
    let fields = filters::decode_props(id, &props).map_err(|e| raise(vm, e))?;
    let mut d = Dict::new();
    for (k, v) in fields {
        let v = match i64::try_from(v) {
            Ok(i) => Value::Int(i),
            Err(_) => Value::BigInt(Rc::new(num_bigint::BigInt::from(v))),
        };
        d.insert(Value::str(k), v)?;
    }
    Ok(Value::dict(d))
}
