//! Inline fast paths of `BINARY_OP` on two machine ints or two floats, beyond
//! the `+ - *` the eval loop handles itself. Each returns `None` whenever the
//! answer needs more than a machine word or raises (division by zero,
//! overflow, a complex result), leaving those cases to `ops::binary_op`, so
//! results and errors stay exactly those of the general path.

use crate::ops::nb;

/// `x OP y` for the operators cheap on two `i64`s (`op` without its in-place flag).
#[inline]
pub(crate) fn int_op(op: u32, x: i64, y: i64) -> Option<i64> {
    match op {
        nb::REMAINDER => {
            // Python's sign rule: the result takes the divisor's sign.
            let r = x.checked_rem(y)?;
            Some(if r != 0 && ((r < 0) != (y < 0)) {
                r + y
            } else {
                r
            })
        }
        nb::FLOOR_DIVIDE => {
            let q = x.checked_div(y)?;
            Some(if x % y != 0 && ((x < 0) != (y < 0)) {
                q - 1
            } else {
                q
            })
        }
        nb::AND => Some(x & y),
        nb::OR => Some(x | y),
        nb::XOR => Some(x ^ y),
        _ => None,
    }
}

/// `x ** y` on floats when the base is positive and the result finite: the
/// `pow` the general path would compute, without its error checks.
#[inline]
pub(crate) fn float_op(op: u32, x: f64, y: f64) -> Option<f64> {
    if op == nb::POWER && x > 0.0 && x.is_finite() && y.is_finite() {
        let r = x.powf(y);
        if r.is_finite() {
            return Some(r);
        }
    }
    None
}
