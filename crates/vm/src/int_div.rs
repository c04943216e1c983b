//! `int / int` correctly rounded, as CPython's `long_true_divide`: converting
//! both operands to floats first would round twice (and fail for operands
//! beyond the float range whose quotient is fine).

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::exc::{PyErr, PyResult};
use crate::value::Value;

/// Bits of precision of a double.
const MANT: i64 = 53;

/// `a / b` for ints; `b` must not be zero.
pub fn true_div(a: &BigInt, b: &BigInt) -> PyResult<Value> {
    let negative = a.is_negative() != b.is_negative();
    let sign = |x: f64| if negative { -x } else { x };
    let (a, b) = (a.abs(), b.abs());
    if a.is_zero() {
        return Ok(Value::Float(sign(0.0)));
    }
    if a.bits() <= MANT as u64 && b.bits() <= MANT as u64 {
        let (x, y) = (a.to_f64().unwrap_or(0.0), b.to_f64().unwrap_or(1.0));
        return Ok(Value::Float(sign(x / y)));
    }
    let too_large = || PyErr::overflow("integer division result too large for a float");
    let diff = a.bits() as i64 - b.bits() as i64;
    if diff > 1025 {
        return Err(too_large());
    }
    if diff < -1080 {
        return Ok(Value::Float(sign(0.0)));
    }
    // A quotient of 55 or 56 bits, plus a sticky bit for the remainder.
    let shift = MANT + 2 - diff;
    let (num, den) = if shift >= 0 {
        (a << shift as usize, b)
    } else {
        (a, b << (-shift) as usize)
    };
    let (mut q, r) = num.div_rem(&den);
    let exp = q.bits() as i64 - 1 - shift;
    // Subnormal results keep fewer bits.
    let keep = if exp >= -1022 {
        MANT
    } else {
        MANT - (-1022 - exp)
    };
    let drop = q.bits() as i64 - keep.max(0);
    if drop > 0 {
        let low = &q & ((BigInt::from(1) << drop as usize) - 1);
        q >>= drop as usize;
        let half = BigInt::from(1) << (drop - 1) as usize;
        if low > half || (low == half && (!r.is_zero() || q.is_odd())) {
            q += 1;
        }
    }
    let mut e = drop.max(0) - shift;
    let mut x = q.to_f64().unwrap_or(f64::INFINITY);
    // Scale by 2^e in steps that stay exact.
    while e > 0 {
        let s = e.min(1000);
        x *= 2f64.powi(s as i32);
        e -= s;
    }
    while e < 0 {
        let s = e.max(-1000);
        x *= 2f64.powi(s as i32);
        e -= s;
    }
    if x.is_infinite() {
        return Err(too_large());
    }
    Ok(Value::Float(sign(x)))
}
