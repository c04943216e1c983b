//! `binascii`: CPython's `Modules/binascii.c`, base64, hex, uuencode and the
//! CRC-32 / CRC-CCITT checksums that `base64`, `secrets` and `zipfile` use;
//! quoted-printable is in `binascii_qp`.

use std::rc::Rc;

use crate::buffer::bytes_like;
use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::native::bind_args;
use crate::types::{type_name, ExcKind};
use crate::value::Value;
use crate::vm::Vm;

use super::new_module;

super::module_functions!(BINASCII_FUNCTIONS, "binascii", [
    "a2b_base64" => a2b_base64, "b2a_base64" => b2a_base64,
    "hexlify" => hexlify, "b2a_hex" => b2a_hex, "unhexlify" => unhexlify, "a2b_hex" => a2b_hex,
    "crc32" => crc32, "crc_hqx" => crc_hqx, "a2b_uu" => a2b_uu, "b2a_uu" => b2a_uu,
    "a2b_qp" => super::binascii_qp::a2b_qp, "b2a_qp" => super::binascii_qp::b2a_qp,
]);

fn error_class(vm: &mut Vm) -> Rc<crate::types::TypeObj> {
    super::native_exc::class(
        vm,
        "binascii.Error",
        "binascii",
        "Error",
        ExcKind::ValueError,
    )
}

fn error(vm: &mut Vm, msg: &str) -> PyErr {
    let t = error_class(vm);
    super::native_exc::raise(&t, msg)
}

/// Builds the `binascii` module.
pub fn init(vm: &mut Vm) -> Value {
    let err = error_class(vm);
    let incomplete = super::native_exc::class(
        vm,
        "binascii.Incomplete",
        "binascii",
        "Incomplete",
        ExcKind::Exception,
    );
    new_module(
        "binascii",
        BINASCII_FUNCTIONS,
        vec![
            ("Error", Value::Type(err)),
            ("Incomplete", Value::Type(incomplete)),
            (
                "__doc__",
                Value::str("Conversion between binary data and ASCII"),
            ),
        ],
    )
}

fn bytes_val(b: Vec<u8>) -> Value {
    Value::Bytes(Rc::new(b))
}

/// An ASCII argument (`a2b_*`): bytes-like, or a str of ASCII characters.
pub(super) fn ascii_arg(v: &Value) -> PyResult<Vec<u8>> {
    match v {
        Value::Str(s) if s.is_ascii() => Ok(s.as_str().as_bytes().to_vec()),
        Value::Str(_) => Err(PyErr::value_error(
            "string argument should contain only ASCII characters",
        )),
        // A failed buffer request reads as no buffer (`ascii_buffer_converter`).
        other => match crate::buffer::exported_bytes(other) {
            Some(Ok(b)) => Ok(b),
            _ => Err(PyErr::type_error(format!(
                "argument should be bytes, buffer or ASCII string, not '{}'",
                type_name(other)
            ))),
        },
    }
}

/// Positional-only first argument plus keyword-only options.
fn split<'a>(a: &Args<'a>, fname: &str, max_pos: usize) -> PyResult<&'a Value> {
    match a.pos.len() {
        0 => Err(PyErr::type_error(format!(
            "{fname}() missing required argument 'data' (pos 1)"
        ))),
        n if n > max_pos => Err(PyErr::type_error(format!(
            "{}() takes exactly {} positional argument{} ({} given)",
            fname,
            max_pos,
            if max_pos == 1 { "" } else { "s" },
            n
        ))),
        _ => Ok(&a.pos[0]),
    }
}

fn kw_flag(vm: &mut Vm, a: &Args<'_>, fname: &str, name: &str, default: bool) -> PyResult<bool> {
    let mut out = default;
    for (k, v) in a.kwnames.iter().zip(a.kwvals) {
        match k {
            Value::Str(s) if s.as_str() == name => out = vm.truthy(v)?,
            Value::Str(s) => {
                return Err(PyErr::type_error(format!(
                    "{}() got an unexpected keyword argument '{}'",
                    fname,
                    s.as_str()
                )))
            }
            _ => {}
        }
    }
    Ok(out)
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn b64_value(c: u8) -> Option<u8> {
    match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    }
}

fn a2b_base64(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let data = ascii_arg(split(&a, "a2b_base64", 1)?)?;
    let strict = kw_flag(vm, &a, "a2b_base64", "strict_mode", false)?;
    let mut out = Vec::with_capacity(data.len() / 4 * 3 + 3);
    let (mut quad, mut pads, mut left) = (0u8, 0u8, 0u8);
    let mut padding_started = false;
    let mut done = false;
    for (i, &c) in data.iter().enumerate() {
        if c == b'=' {
            padding_started = true;
            if strict && i == 0 {
                return Err(error(vm, "Leading padding not allowed"));
            }
            if quad >= 2 {
                pads += 1;
                if quad + pads >= 4 {
                    if strict && i + 1 < data.len() {
                        return Err(error(vm, "Excess data after padding"));
                    }
                    done = true;
                    break;
                }
            }
            continue;
        }
        let Some(v) = b64_value(c) else {
            if strict {
                return Err(error(vm, "Only base64 data is allowed"));
            }
            continue;
        };
        if strict && padding_started {
            return Err(error(vm, "Discontinuous padding not allowed"));
        }
        pads = 0;
        match quad {
            0 => {
                quad = 1;
                left = v;
            }
            1 => {
                quad = 2;
                out.push((left << 2) | (v >> 4));
                left = v & 0x0f;
            }
            2 => {
                quad = 3;
                out.push((left << 4) | (v >> 2));
                left = v & 0x03;
            }
            _ => {
                quad = 0;
                out.push((left << 6) | v);
                left = 0;
            }
        }
    }
    if !done && quad != 0 {
        let msg = if quad == 1 {
            format!(
                "Invalid base64-encoded string: number of data characters ({}) cannot be 1 more than a multiple of 4",
                out.len() / 3 * 4 + 1
            )
        } else {
            "Incorrect padding".to_string()
        };
        return Err(error(vm, &msg));
    }
    Ok(bytes_val(out))
}

fn b2a_base64(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let data = bytes_like(split(&a, "b2a_base64", 1)?)?;
    let newline = kw_flag(vm, &a, "b2a_base64", "newline", true)?;
    let mut out = Vec::with_capacity(data.len().div_ceil(3) * 4 + 1);
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        let idx = |shift: u32| B64[((n >> shift) & 63) as usize];
        out.push(idx(18));
        out.push(idx(12));
        out.push(if chunk.len() > 1 { idx(6) } else { b'=' });
        out.push(if chunk.len() > 2 { idx(0) } else { b'=' });
    }
    if newline {
        out.push(b'\n');
    }
    Ok(bytes_val(out))
}

fn hex_impl(vm: &mut Vm, a: &Args<'_>, fname: &str) -> PyResult<Value> {
    let args = bind_args(a, fname, &["data", "sep", "bytes_per_sep"], 1)?;
    let data = bytes_like(args[0].unwrap_or(&Value::None))?;
    let sep: Option<u8> = match args[1] {
        None | Some(Value::None) => None,
        Some(Value::Str(s)) => {
            if s.char_len() != 1 {
                return Err(PyErr::value_error("sep must be length 1."));
            }
            if !s.is_ascii() {
                return Err(PyErr::value_error("sep must be ASCII."));
            }
            s.as_str().bytes().next()
        }
        Some(Value::Bytes(b)) => {
            if b.len() != 1 {
                return Err(PyErr::value_error("sep must be length 1."));
            }
            Some(b[0])
        }
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "sep must be str or bytes, not {}",
                type_name(other)
            )))
        }
    };
    let per = match args[2] {
        None => 1,
        Some(v) => match vm.index_value(v) {
            Ok(n) if i32::try_from(n).is_ok() => n,
            Ok(_) => return Err(PyErr::overflow("Python int too large to convert to C int")),
            Err(e) if e.is(ExcKind::OverflowError) => {
                return Err(PyErr::overflow("Python int too large to convert to C int"))
            }
            Err(e) => return Err(e),
        },
    };
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = Vec::with_capacity(data.len() * 3);
    let group = per.unsigned_abs() as usize;
    for (i, b) in data.iter().enumerate() {
        if let (Some(s), true) = (sep, group > 0 && i > 0) {
            // Groups are counted from the right for a positive count.
            let boundary = if per > 0 {
                (data.len() - i) % group == 0
            } else {
                i % group == 0
            };
            if boundary {
                out.push(s);
            }
        }
        out.push(HEX[usize::from(b >> 4)]);
        out.push(HEX[usize::from(b & 15)]);
    }
    Ok(bytes_val(out))
}

fn hexlify(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    hex_impl(vm, &a, "hexlify")
}

fn b2a_hex(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    hex_impl(vm, &a, "b2a_hex")
}

fn unhex_impl(vm: &mut Vm, a: &Args<'_>, fname: &str) -> PyResult<Value> {
    let args = bind_args(a, fname, &["hexstr"], 1)?;
    let data = ascii_arg(args[0].unwrap_or(&Value::None))?;
    if data.len() % 2 != 0 {
        return Err(error(vm, "Odd-length string"));
    }
    let digit = |c: u8| char::from(c).to_digit(16);
    let mut out = Vec::with_capacity(data.len() / 2);
    for pair in data.chunks_exact(2) {
        match (digit(pair[0]), digit(pair[1])) {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            _ => return Err(error(vm, "Non-hexadecimal digit found")),
        }
    }
    Ok(bytes_val(out))
}

fn unhexlify(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    unhex_impl(vm, &a, "unhexlify")
}

fn a2b_hex(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    unhex_impl(vm, &a, "a2b_hex")
}

/// A checksum's start value: any int, reduced to 32 bits as the C
/// `unsigned int` converter does.
fn crc_start(vm: &mut Vm, v: Option<&Value>) -> PyResult<u32> {
    let Some(v) = v else { return Ok(0) };
    if matches!(v, Value::Float(_)) {
        return Err(PyErr::type_error(
            "'float' object cannot be interpreted as an integer",
        ));
    }
    let n = match crate::ops::to_bigint(v) {
        Some(n) => n,
        None => num_bigint::BigInt::from(vm.index_value(v)?),
    };
    let (_, digits) = n.to_u32_digits();
    let low = digits.first().copied().unwrap_or(0);
    Ok(if n.sign() == num_bigint::Sign::Minus {
        low.wrapping_neg()
    } else {
        low
    })
}

fn positional_2<'a>(a: &Args<'a>, fname: &str, min: usize) -> PyResult<&'a [Value]> {
    crate::native::positional(a, fname, min, 2)
}

fn crc32(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional_2(&a, "crc32", 1)?;
    let data = bytes_like(&args[0])?;
    let mut crc = !crc_start(vm, args.get(1))?;
    for &b in &data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xedb8_8320
            } else {
                crc >> 1
            };
        }
    }
    Ok(Value::Int(i64::from(!crc)))
}

fn crc_hqx(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional_2(&a, "crc_hqx", 2)?;
    let data = bytes_like(&args[0])?;
    let mut crc = (crc_start(vm, args.get(1))? & 0xffff) as u16;
    for &b in &data {
        crc ^= u16::from(b) << 8;
        for _ in 0..8 {
            crc = if crc & 0x8000 != 0 {
                (crc << 1) ^ 0x1021
            } else {
                crc << 1
            };
        }
    }
    Ok(Value::Int(i64::from(crc)))
}

fn b2a_uu(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let data = bytes_like(split(&a, "b2a_uu", 1)?)?;
    let backtick = kw_flag(vm, &a, "b2a_uu", "backtick", false)?;
    if data.len() > 45 {
        return Err(error(vm, "At most 45 bytes at once"));
    }
    let enc = |v: u8| {
        if backtick && v == 0 {
            b'`'
        } else {
            b' ' + v
        }
    };
    let mut out = vec![enc(data.len() as u8)];
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for shift in [18, 12, 6, 0] {
            out.push(enc(((n >> shift) & 63) as u8));
        }
    }
    out.push(b'\n');
    Ok(bytes_val(out))
}

fn a2b_uu(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = crate::native::positional(&a, "a2b_uu", 1, 1)?;
    let data = ascii_arg(&args[0])?;
    let Some((&first, rest)) = data.split_first() else {
        // An empty line decodes to 32 zero bytes, as CPython does.
        return Ok(bytes_val(vec![0; 32]));
    };
    let n = usize::from(first.wrapping_sub(b' ') & 0o77);
    let mut out = Vec::with_capacity(n);
    let (mut acc, mut bits) = (0u32, 0u32);
    let mut i = 0;
    while out.len() < n {
        let c = rest.get(i).copied();
        i += 1;
        let v = match c {
            None | Some(b'\n' | b'\r') => 0,
            Some(c) if !(b' '..=b' ' + 64).contains(&c) => {
                return Err(error(vm, "Illegal char"));
            }
            Some(c) => u32::from((c - b' ') & 0o77),
        };
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push(((acc >> bits) & 0xff) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    for &c in rest.iter().skip(i) {
        if !matches!(c, b' ' | b'`' | b'\n' | b'\r') {
            return Err(error(vm, "Trailing garbage"));
        }
    }
    Ok(bytes_val(out))
}
