//! `zlib`: CPython's `Modules/zlibmodule.c` over the C zlib (`flate2`'s zlib
//! backend: `libz-sys` links the system's libz, as CPython does, and builds
//! its bundled copy when the system has none), so compressed bytes are CPython's.
//!
//! `stream.rs` drives deflate and inflate streams, `objects.rs` holds the
//! `Compress` and `Decompress` classes, `checksum.rs` the checksums.

mod checksum;
mod objects;
mod stream;

use std::rc::Rc;

use num_traits::ToPrimitive;

use crate::buffer::bytes_like;
use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::native::bind_args;
use crate::types::{type_name, ExcKind, TypeObj};
use crate::value::Value;
use crate::vm::Vm;

use super::{module_functions, new_module};
use stream::{deflate_wbits, inflate_wbits, Deflater, Inflater};

module_functions!(ZLIB_FUNCTIONS, "zlib", [
    "adler32" => z_adler32, "compress" => z_compress, "compressobj" => objects::compressobj,
    "crc32" => z_crc32, "decompress" => z_decompress, "decompressobj" => objects::decompressobj,
]);

/// The zlib version of the systems Pith is built on (Debian 12's, as the
/// CPython it is checked against); `flate2` gives no safe way to ask the
/// linked library.
const ZLIB_VERSION: &str = "1.2.13";
const DEF_BUF_SIZE: i64 = 16384;

/// Builds the `zlib` module.
pub fn init(vm: &mut Vm) -> Value {
    let _ = objects::classes(vm);
    let int = |n: i64| Value::Int(n);
    new_module(
        "zlib",
        ZLIB_FUNCTIONS,
        vec![
            ("error", Value::Type(error_class(vm))),
            ("DEFLATED", int(8)),
            ("DEF_BUF_SIZE", int(DEF_BUF_SIZE)),
            ("DEF_MEM_LEVEL", int(8)),
            ("MAX_WBITS", int(15)),
            ("ZLIB_RUNTIME_VERSION", Value::str(ZLIB_VERSION)),
            ("ZLIB_VERSION", Value::str(ZLIB_VERSION)),
            ("Z_BEST_COMPRESSION", int(9)),
            ("Z_BEST_SPEED", int(1)),
            ("Z_BLOCK", int(5)),
            ("Z_DEFAULT_COMPRESSION", int(-1)),
            ("Z_DEFAULT_STRATEGY", int(0)),
            ("Z_FILTERED", int(1)),
            ("Z_FINISH", int(4)),
            ("Z_FIXED", int(4)),
            ("Z_FULL_FLUSH", int(3)),
            ("Z_HUFFMAN_ONLY", int(2)),
            ("Z_NO_COMPRESSION", int(0)),
            ("Z_NO_FLUSH", int(0)),
            ("Z_PARTIAL_FLUSH", int(1)),
            ("Z_RLE", int(3)),
            ("Z_SYNC_FLUSH", int(2)),
            ("Z_TREES", int(6)),
        ],
    )
}

/// `zlib.error`.
fn error_class(vm: &mut Vm) -> Rc<TypeObj> {
    super::native_exc::class(vm, "zlib.error", "zlib", "error", ExcKind::Exception)
}

/// `zlib.error(msg)`.
pub(super) fn error(vm: &mut Vm, msg: impl Into<String>) -> PyErr {
    let t = error_class(vm);
    super::native_exc::raise(&t, msg)
}

/// `zlib.error` for a failed stream call: "Error CODE while WHAT: MESSAGE".
pub(super) fn stream_error(vm: &mut Vm, what: &str, (code, msg): (i32, String)) -> PyErr {
    if msg.is_empty() {
        error(vm, format!("Error {code} while {what}"))
    } else {
        error(vm, format!("Error {code} while {what}: {msg}"))
    }
}

/// An int argument (`__index__`).
pub(super) fn int_arg(vm: &mut Vm, v: Option<&Value>, default: i64) -> PyResult<i64> {
    match v {
        None => Ok(default),
        Some(v) => vm.index_value(v),
    }
}

/// A compression level as zlib takes it: -1 is 6; others must be 0..9.
pub(super) fn level_arg(level: i64) -> Option<u32> {
    match level {
        -1 => Some(6),
        0..=9 => Some(level as u32),
        _ => None,
    }
}

/// The data argument, positional only, then the rest bound by name.
fn split_data<'a>(a: &Args<'a>, fname: &str) -> PyResult<(&'a Value, Args<'a>)> {
    let Some(first) = a.pos.first() else {
        return Err(PyErr::type_error(format!(
            "{fname}() takes at least 1 positional argument (0 given)"
        )));
    };
    Ok((first, crate::native::rest(a)))
}

/// The running value of a checksum: an int taken modulo 2**32.
fn start_value(vm: &mut Vm, v: Option<&Value>, default: u32) -> PyResult<u32> {
    let Some(v) = v else { return Ok(default) };
    let big = match v {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => crate::ops::to_bigint(v),
        _ => {
            let i = vm.index_value(v)?;
            return Ok(i as u32);
        }
    };
    let Some(big) = big else {
        return Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(v)
        )));
    };
    let m = big % num_bigint::BigInt::from(1u64 << 32);
    let m = if m.sign() == num_bigint::Sign::Minus {
        m + (1u64 << 32)
    } else {
        m
    };
    Ok(m.to_u32().unwrap_or(0))
}

fn checksum(
    vm: &mut Vm,
    a: &Args<'_>,
    name: &str,
    default: u32,
    f: fn(u32, &[u8]) -> u32,
) -> PyResult<Value> {
    let args = crate::native::positional(a, name, 1, 2)?;
    let data = bytes_like(&args[0])?;
    let start = start_value(vm, args.get(1), default)?;
    Ok(Value::Int(i64::from(f(start, &data))))
}

/// `crc32(data, value=0)`.
fn z_crc32(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    checksum(vm, &a, "crc32", 0, checksum::crc32)
}

/// `adler32(data, value=1)`.
fn z_adler32(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    checksum(vm, &a, "adler32", 1, checksum::adler32)
}

/// `compress(data, /, level=-1, wbits=15)`.
fn z_compress(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (data, rest) = split_data(&a, "compress")?;
    if a.pos.len() + a.kwnames.len() > 3 {
        return Err(PyErr::type_error(format!(
            "compress() takes at most 3 arguments ({} given)",
            a.pos.len() + a.kwnames.len()
        )));
    }
    let data = bytes_like(data)?;
    let args = bind_args(&rest, "compress", &["level", "wbits"], 0)?;
    let level = int_arg(vm, args[0], -1)?;
    let wbits = int_arg(vm, args[1], 15)?;
    let (Some(level), Some((format, bits))) = (level_arg(level), deflate_wbits(wbits)) else {
        return Err(error(vm, "Bad compression level"));
    };
    let mut d = Deflater::new(level, format, bits, None)
        .map_err(|e| stream_error(vm, "compressing data", e))?;
    let out = d
        .run(&data, flate2::FlushCompress::Finish)
        .map_err(|e| stream_error(vm, "compressing data", e))?;
    Ok(Value::Bytes(Rc::new(out)))
}

/// `decompress(data, /, wbits=15, bufsize=16384)`.
fn z_decompress(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (data, rest) = split_data(&a, "decompress")?;
    if a.pos.len() + a.kwnames.len() > 3 {
        return Err(PyErr::type_error(format!(
            "decompress() takes at most 3 arguments ({} given)",
            a.pos.len() + a.kwnames.len()
        )));
    }
    let data = bytes_like(data)?;
    let args = bind_args(&rest, "decompress", &["wbits", "bufsize"], 0)?;
    let wbits = int_arg(vm, args[0], 15)?;
    let bufsize = int_arg(vm, args[1], DEF_BUF_SIZE)?;
    if bufsize < 0 {
        return Err(PyErr::value_error("bufsize must be non-negative"));
    }
    let Some(format) = inflate_wbits(wbits) else {
        return Err(error(
            vm,
            "Error -2 while preparing to decompress data: inconsistent stream state",
        ));
    };
    let mut s = Inflater::new(format, None)
        .map(|s| s.with_window(wbits))
        .map_err(|e| stream_error(vm, "decompressing data", e))?;
    let mut out = Vec::new();
    let r = s
        .run(&data, &mut out, 0, false)
        .map_err(|e| stream_error(vm, "decompressing data", e))?;
    if !r.end {
        return Err(error(
            vm,
            "Error -5 while decompressing data: incomplete or truncated stream",
        ));
    }
    Ok(Value::Bytes(Rc::new(out)))
}
