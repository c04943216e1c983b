//! Packing and unpacking one item of a struct format, with `_struct.c`'s
//! conversions and its range messages (which differ between the native and
//! standard tables and, for 8-byte ints, between byte orders).

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use super::format::Mode;
use crate::exc::{PyErr, PyResult};
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::Vm;

/// A failed conversion: a `struct.error` message or another exception.
pub enum PackError {
    /// Raised as `struct.error(msg)`.
    Struct(String),
    /// Raised as it is.
    Other(PyErr),
}

impl From<PyErr> for PackError {
    fn from(e: PyErr) -> PackError {
        PackError::Other(e)
    }
}

fn serr(msg: impl Into<String>) -> PackError {
    PackError::Struct(msg.into())
}

/// `get_pylong`: an int, or the result of `__index__`.
fn int_arg(vm: &mut Vm, v: &Value) -> Result<BigInt, PackError> {
    if let Some(b) = crate::ops::to_bigint(v) {
        return Ok(b);
    }
    if let Value::Instance(_) = v {
        if let Some(b) = crate::instance::payload_of(v).and_then(crate::ops::to_bigint) {
            return Ok(b);
        }
        let name = vm.intern("__index__");
        if let Ok(f) = vm.get_attr(v, &name) {
            let r = vm.call(&f, &[])?;
            return crate::ops::to_bigint(&r).ok_or_else(|| {
                PackError::Other(PyErr::type_error(format!(
                    "__index__ returned non-int (type {})",
                    crate::types::type_name(&r)
                )))
            });
        }
    }
    Err(serr("required argument is not an integer"))
}

/// `PyFloat_AsDouble` for a struct float field.
fn float_arg(vm: &mut Vm, v: &Value) -> Result<f64, PackError> {
    let bad = || serr("required argument is not a float");
    match v {
        Value::Float(f) => Ok(*f),
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
            crate::ops::to_f64(v).ok().flatten().ok_or_else(bad)
        }
        Value::Instance(_) => {
            if let Some(p) = crate::instance::payload_of(v) {
                if let Ok(Some(f)) = crate::ops::to_f64(p) {
                    return Ok(f);
                }
            }
            for name in ["__float__", "__index__"] {
                let n = vm.intern(name);
                if let Ok(f) = vm.get_attr(v, &n) {
                    let r = vm.call(&f, &[])?;
                    return crate::ops::to_f64(&r).ok().flatten().ok_or_else(bad);
                }
            }
            Err(bad())
        }
        _ => Err(bad()),
    }
}

fn put(out: &mut [u8], bytes: &[u8], mode: Mode) {
    let n = bytes.len().min(out.len());
    if mode == Mode::Big {
        for (o, b) in out.iter_mut().zip(bytes[..n].iter().rev()) {
            *o = *b;
        }
    } else {
        out[..n].copy_from_slice(&bytes[..n]);
    }
}

const OUT_OF_RANGE: &str = "argument out of range";

/// Packs one value of an integer code into `out` (little-endian bytes,
/// reversed for big-endian).
fn pack_int(vm: &mut Vm, code: u8, mode: Mode, v: &Value, out: &mut [u8]) -> Result<(), PackError> {
    let n = int_arg(vm, v)?;
    let native = mode == Mode::Native;
    let signed = |lo: i64, hi: i64, msg: &dyn Fn() -> String| -> Result<i64, PackError> {
        let x = n.to_i64().ok_or_else(|| serr(OUT_OF_RANGE))?;
        if x < lo || x > hi {
            return Err(serr(msg()));
        }
        Ok(x)
    };
    let unsigned = |hi: u64, msg: &dyn Fn() -> String| -> Result<u64, PackError> {
        let x = n.to_u64().ok_or_else(|| serr(OUT_OF_RANGE))?;
        if x > hi {
            return Err(serr(msg()));
        }
        Ok(x)
    };
    let c = char::from(code);
    let bytes: [u8; 8] = match code {
        b'b' => signed(-128, 127, &|| {
            "byte format requires -128 <= number <= 127".into()
        })?
        .to_le_bytes(),
        b'B' => signed(0, 255, &|| {
            "ubyte format requires 0 <= number <= 255".into()
        })?
        .to_le_bytes(),
        b'h' if mode == Mode::Big => signed(-32768, 32767, &|| {
            "'h' format requires -32768 <= number <= 32767".into()
        })?
        .to_le_bytes(),
        b'H' if mode == Mode::Big => {
            unsigned(65535, &|| "'H' format requires 0 <= number <= 65535".into())?.to_le_bytes()
        }
        b'h' => signed(-32768, 32767, &|| {
            "short format requires -32768 <= number <= 32767".into()
        })?
        .to_le_bytes(),
        b'H' => signed(0, 65535, &|| {
            "ushort format requires 0 <= number <= 65535".into()
        })?
        .to_le_bytes(),
        b'i' | b'l' if code == b'i' || !native => {
            signed(i64::from(i32::MIN), i64::from(i32::MAX), &|| {
                format!("'{c}' format requires -2147483648 <= number <= 2147483647")
            })?
            .to_le_bytes()
        }
        b'I' | b'L' if code == b'I' || !native => unsigned(u64::from(u32::MAX), &|| {
            format!("'{c}' format requires 0 <= number <= 4294967295")
        })?
        .to_le_bytes(),
        b'q' if mode == Mode::Big => n
            .to_i64()
            .ok_or_else(|| serr("int too large to convert"))?
            .to_le_bytes(),
        b'Q' if mode == Mode::Big => n
            .to_u64()
            .ok_or_else(|| serr("int too large to convert"))?
            .to_le_bytes(),
        b'l' | b'q' | b'n' => n.to_i64().ok_or_else(|| serr(OUT_OF_RANGE))?.to_le_bytes(),
        b'L' | b'Q' | b'N' => n.to_u64().ok_or_else(|| serr(OUT_OF_RANGE))?.to_le_bytes(),
        b'P' => match (n.to_i64(), n.to_u64()) {
            (_, Some(u)) => u.to_le_bytes(),
            (Some(i), None) => i.to_le_bytes(),
            (None, None) => return Err(serr("int too large to convert")),
        },
        _ => return Err(serr("bad char in struct format")),
    };
    put(out, &bytes, mode);
    Ok(())
}

/// `PyFloat_Pack2`: IEEE half precision, rounding half to even.
fn half_bits(x: f64) -> Result<u16, PackError> {
    let overflow = || {
        PackError::Other(PyErr::new(
            ExcKind::OverflowError,
            "float too large to pack with e format",
        ))
    };
    let sign = u16::from(x.is_sign_negative());
    let (e, bits): (i32, u16) = if x == 0.0 {
        (0, 0)
    } else if x.is_infinite() {
        (0x1f, 0)
    } else if x.is_nan() {
        (0x1f, 512)
    } else {
        let (mut f, mut e) = libm::frexp(x.abs());
        f *= 2.0;
        e -= 1;
        if e >= 16 {
            return Err(overflow());
        } else if e < -25 {
            f = 0.0;
            e = 0;
        } else if e < -14 {
            f = libm::ldexp(f, 14 + e);
            e = 0;
        } else {
            e += 15;
            f -= 1.0;
        }
        f *= 1024.0;
        let mut bits = f as u16;
        let rest = f - f64::from(bits);
        if rest > 0.5 || (rest == 0.5 && bits % 2 == 1) {
            bits += 1;
            if bits == 1024 {
                bits = 0;
                e += 1;
                if e == 31 {
                    return Err(overflow());
                }
            }
        }
        (e, bits)
    };
    Ok(bits | ((e as u16) << 10) | (sign << 15))
}

/// `PyFloat_Unpack2`.
fn half_value(h: u16) -> f64 {
    let sign = h >> 15 != 0;
    let e = i32::from((h >> 10) & 0x1f);
    let f = h & 0x3ff;
    if e == 0x1f {
        let v = if f == 0 { f64::INFINITY } else { f64::NAN };
        return if sign { -v } else { v };
    }
    let mut x = f64::from(f) / 1024.0;
    let e = if e == 0 {
        -14
    } else {
        x += 1.0;
        e - 15
    };
    let x = libm::ldexp(x, e);
    if sign {
        -x
    } else {
        x
    }
}

/// Packs `v` as one item of `code` into `out` (exactly the item's bytes).
pub fn pack_item(
    vm: &mut Vm,
    code: u8,
    mode: Mode,
    v: &Value,
    out: &mut [u8],
) -> Result<(), PackError> {
    match code {
        b'c' => match v {
            Value::Bytes(b) if b.len() == 1 => {
                out[0] = b[0];
                Ok(())
            }
            _ => Err(serr("char format requires a bytes object of length 1")),
        },
        b's' | b'p' => {
            let data: Vec<u8> = match v {
                Value::Bytes(b) => b.to_vec(),
                Value::ByteArray(b) => b.borrow().clone(),
                _ => {
                    return Err(serr(format!(
                        "argument for '{}' must be a bytes object",
                        char::from(code)
                    )))
                }
            };
            if code == b's' {
                let n = data.len().min(out.len());
                out[..n].copy_from_slice(&data[..n]);
            } else if !out.is_empty() {
                let n = data.len().min(out.len() - 1);
                out[1..=n].copy_from_slice(&data[..n]);
                out[0] = n.min(255) as u8;
            }
            Ok(())
        }
        b'?' => {
            out[0] = u8::from(vm.truthy(v)?);
            Ok(())
        }
        b'e' => {
            let x = float_arg(vm, v)?;
            put(out, &half_bits(x)?.to_le_bytes(), mode);
            Ok(())
        }
        b'f' => {
            let x = float_arg(vm, v)?;
            let y = x as f32;
            if y.is_infinite() && !x.is_infinite() && mode != Mode::Native {
                return Err(PackError::Other(PyErr::new(
                    ExcKind::OverflowError,
                    "float too large to pack with f format",
                )));
            }
            put(out, &y.to_le_bytes(), mode);
            Ok(())
        }
        b'd' => {
            let x = float_arg(vm, v)?;
            put(out, &x.to_le_bytes(), mode);
            Ok(())
        }
        _ => pack_int(vm, code, mode, v, out),
    }
}

/// The little-endian view of an item's bytes.
fn le(data: &[u8], mode: Mode) -> [u8; 8] {
    let mut b = [0u8; 8];
    let n = data.len().min(8);
    if mode == Mode::Big {
        for (o, x) in b.iter_mut().zip(data[..n].iter().rev()) {
            *o = *x;
        }
    } else {
        b[..n].copy_from_slice(&data[..n]);
    }
    b
}

/// Unpacks one item of `code` from `data` (exactly the item's bytes).
pub fn unpack_item(code: u8, mode: Mode, data: &[u8]) -> Value {
    let b = le(data, mode);
    let sext = |bits: u32| -> i64 {
        let u = u64::from_le_bytes(b);
        let shift = 64 - bits;
        ((u << shift) as i64) >> shift
    };
    let uns = u64::from_le_bytes(b);
    match code {
        b'c' => Value::Bytes(std::rc::Rc::new(data.to_vec())),
        b's' => Value::Bytes(std::rc::Rc::new(data.to_vec())),
        b'p' => {
            let n = data
                .first()
                .map_or(0, |&n| usize::from(n).min(data.len().saturating_sub(1)));
            Value::Bytes(std::rc::Rc::new(data.get(1..=n).unwrap_or(&[]).to_vec()))
        }
        b'?' => Value::Bool(data.iter().any(|&x| x != 0)),
        b'e' => Value::Float(half_value(u16::from_le_bytes([b[0], b[1]]))),
        b'f' => Value::Float(f64::from(f32::from_le_bytes([b[0], b[1], b[2], b[3]]))),
        b'd' => Value::Float(f64::from_le_bytes(b)),
        b'b' | b'h' | b'i' | b'l' | b'q' | b'n' => Value::Int(sext(data.len() as u32 * 8)),
        _ => match i64::try_from(uns) {
            Ok(i) => Value::Int(i),
            Err(_) => Value::from_bigint(BigInt::from(uns)),
        },
    }
}

/// Converts a conversion failure into the exception to raise.
pub fn into_err(vm: &mut Vm, e: PackError) -> PyErr {
    match e {
        PackError::Struct(msg) => super::error(vm, msg),
        PackError::Other(e) => e,
    }
}

/// Checks a result for `PyResult` callers.
pub fn check<T>(vm: &mut Vm, r: Result<T, PackError>) -> PyResult<T> {
    r.map_err(|e| into_err(vm, e))
}
