//! Items of a memoryview: the native single-character `struct` formats
//! memoryobject.c packs and unpacks itself (`unpack_single`, `pack_single`),
//! with its messages, which name the format rather than the value.

use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use crate::exc::{PyErr, PyResult};
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::Vm;

/// Bytes per item of a native format character (`get_native_fmtchar`).
pub fn item_size(f: u8) -> Option<usize> {
    Some(match f {
        b'B' | b'b' | b'c' | b'?' => 1,
        b'H' | b'h' => 2,
        b'I' | b'i' | b'f' => 4,
        b'L' | b'l' | b'Q' | b'q' | b'N' | b'n' | b'P' | b'd' => 8,
        // An array's `'u'` items (wchar_t), exported as `'w'`: not unpacked.
        b'w' => 4,
        _ => return None,
    })
}

/// The character of a native single-item format (`"B"`, `"@i"`), if it is one.
pub fn native_char(format: &str) -> Option<u8> {
    match format.strip_prefix('@').unwrap_or(format).as_bytes() {
        [c] if *c != b'w' && item_size(*c).is_some() => Some(*c),
        _ => None,
    }
}

fn unsupported(f: u8) -> PyErr {
    PyErr::new(
        ExcKind::NotImplementedError,
        format!("memoryview: format {} not supported", char::from(f)),
    )
}

fn native_u64(c: &[u8]) -> u64 {
    let mut raw = [0u8; 8];
    let n = c.len().min(8);
    if cfg!(target_endian = "little") {
        raw[..n].copy_from_slice(&c[..n]);
        u64::from_le_bytes(raw)
    } else {
        raw[8 - n..].copy_from_slice(&c[..n]);
        u64::from_be_bytes(raw)
    }
}

fn put_native(out: &mut [u8], x: u64) {
    let n = out.len().min(8);
    if cfg!(target_endian = "little") {
        out[..n].copy_from_slice(&x.to_le_bytes()[..n]);
    } else {
        out[..n].copy_from_slice(&x.to_be_bytes()[8 - n..]);
    }
}

/// One item of format `f` from its native bytes.
pub fn unpack(f: u8, c: &[u8]) -> PyResult<Value> {
    let unsigned = native_u64(c);
    let signed = |bits: u32| -> i64 {
        let shift = 64 - bits;
        ((unsigned << shift) as i64) >> shift
    };
    Ok(match f {
        b'c' => Value::Bytes(Rc::new(vec![c.first().copied().unwrap_or(0)])),
        b'?' => Value::Bool(unsigned != 0),
        b'b' => Value::Int(signed(8)),
        b'h' => Value::Int(signed(16)),
        b'i' => Value::Int(signed(32)),
        b'l' | b'q' | b'n' => Value::Int(signed(64)),
        b'f' => Value::Float(f64::from(f32::from_bits(unsigned as u32))),
        b'd' => Value::Float(f64::from_bits(unsigned)),
        b'B' | b'H' | b'I' | b'L' | b'Q' | b'N' | b'P' => match i64::try_from(unsigned) {
            Ok(v) => Value::Int(v),
            Err(_) => Value::from_bigint(BigInt::from(unsigned)),
        },
        _ => return Err(unsupported(f)),
    })
}

fn invalid_type(f: u8) -> PyErr {
    PyErr::type_error(format!(
        "memoryview: invalid type for format '{}'",
        char::from(f)
    ))
}

fn invalid_value(f: u8) -> PyErr {
    PyErr::value_error(format!(
        "memoryview: invalid value for format '{}'",
        char::from(f)
    ))
}

/// `fix_error_int`: a conversion's TypeError names the format's type, its
/// OverflowError or ValueError the format's range.
fn fix(f: u8, e: PyErr) -> PyErr {
    if e.is(ExcKind::TypeError) {
        invalid_type(f)
    } else if e.is(ExcKind::OverflowError) || e.is(ExcKind::ValueError) {
        invalid_value(f)
    } else {
        e
    }
}

/// `PyNumber_Index` of an item.
fn int_of(vm: &mut Vm, f: u8, v: &Value) -> PyResult<BigInt> {
    if let Some(b) = crate::ops::to_bigint(v) {
        return Ok(b);
    }
    if let Some(b) = crate::instance::payload_of(v).and_then(crate::ops::to_bigint) {
        return Ok(b);
    }
    if let Value::Instance(_) = v {
        if let Some(r) = vm
            .try_special(v, crate::names::D::Index, &[])
            .map_err(|e| fix(f, e))?
        {
            return crate::ops::to_bigint(&r).ok_or_else(|| invalid_type(f));
        }
    }
    Err(invalid_type(f))
}

/// `PyFloat_AsDouble` of an item.
fn float_of(vm: &mut Vm, f: u8, v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(x) => Ok(*x),
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => crate::ops::to_f64(v)
            .map_err(|e| fix(f, e))?
            .ok_or_else(|| invalid_type(f)),
        Value::Instance(_) => {
            if let Some(p) = crate::instance::payload_of(v) {
                if let Ok(Some(x)) = crate::ops::to_f64(p) {
                    return Ok(x);
                }
            }
            for d in [crate::names::D::Float, crate::names::D::Index] {
                if let Some(r) = vm.try_special(v, d, &[]).map_err(|e| fix(f, e))? {
                    return crate::ops::to_f64(&r)
                        .map_err(|e| fix(f, e))?
                        .ok_or_else(|| invalid_type(f));
                }
            }
            Err(invalid_type(f))
        }
        _ => Err(invalid_type(f)),
    }
}

/// Packs `v` as one item of format `f` into `out` (`pack_single`).
pub fn pack(vm: &mut Vm, f: u8, v: &Value, out: &mut [u8]) -> PyResult<()> {
    match f {
        b'b' | b'h' | b'i' | b'l' | b'q' | b'n' => {
            let n = int_of(vm, f, v)?;
            let bits = (out.len() * 8) as u32;
            let x = n.to_i64().ok_or_else(|| invalid_value(f))?;
            if bits < 64 {
                let lim = 1i64 << (bits - 1);
                if x < -lim || x >= lim {
                    return Err(invalid_value(f));
                }
            }
            put_native(out, x as u64);
        }
        b'B' | b'H' | b'I' | b'L' | b'Q' | b'N' | b'P' => {
            let n = int_of(vm, f, v)?;
            let bits = (out.len() * 8) as u32;
            let x = n.to_u64().ok_or_else(|| invalid_value(f))?;
            if bits < 64 && x >= 1u64 << bits {
                return Err(invalid_value(f));
            }
            put_native(out, x);
        }
        b'f' => {
            // A plain C cast, as `pack_single`: out of range gives inf.
            let y = float_of(vm, f, v)? as f32;
            put_native(out, u64::from(y.to_bits()));
        }
        b'd' => put_native(out, float_of(vm, f, v)?.to_bits()),
        b'?' => {
            let t = vm.truthy(v)?;
            put_native(out, u64::from(t));
        }
        b'c' => match v {
            Value::Bytes(b) if b.len() == 1 => out[0] = b[0],
            Value::Bytes(_) => return Err(invalid_value(f)),
            _ => return Err(invalid_type(f)),
        },
        _ => return Err(unsupported(f)),
    }
    Ok(())
}
