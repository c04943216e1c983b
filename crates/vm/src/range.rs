//! The `range` object and its big-int iterator.
//!
//! CPython's `rangeobject.c` keeps `start`, `stop`, `step` and the length as
//! Python ints. Nearly every range fits machine words, so [`RangeObj::Small`]
//! holds `i64`s (iteration allocates nothing); a range with any bound or its
//! length beyond `i64` is [`RangeObj::Big`], whose operations run on big ints.
//! Constructors normalize: a range that fits is always `Small`.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::exc::{PyErr, PyResult};
use crate::value::Value;

/// A `range` object (`step` is never zero).
#[derive(Clone, Debug)]
pub enum RangeObj {
    /// Bounds and length all fit in `i64`.
    Small {
        /// `start`.
        start: i64,
        /// `stop`.
        stop: i64,
        /// `step`.
        step: i64,
    },
    /// Some bound, or the length, does not fit in `i64`.
    Big(Box<BigRange>),
}

/// The exact fields of a range beyond `i64`.
#[derive(Clone, Debug)]
pub struct BigRange {
    /// `start`.
    pub start: BigInt,
    /// `stop`.
    pub stop: BigInt,
    /// `step` (never zero).
    pub step: BigInt,
    /// The number of elements.
    pub len: BigInt,
}

/// `len()` of a range too long for `Py_ssize_t`.
pub fn len_overflow() -> PyErr {
    PyErr::overflow("Python int too large to convert to C ssize_t")
}

/// `compute_range_length`: the number of elements of `range(start, stop, step)`.
fn big_len(start: &BigInt, stop: &BigInt, step: &BigInt) -> BigInt {
    let (lo, hi, step) = if step.is_positive() {
        (start, stop, step.clone())
    } else {
        (stop, start, -step)
    };
    if lo >= hi {
        BigInt::zero()
    } else {
        (hi - lo - 1u32) / step + 1u32
    }
}

/// The length of a machine-int range, if it fits in `i64`.
fn small_len(start: i64, stop: i64, step: i64) -> Option<i64> {
    let (lo, hi, step) = if step > 0 {
        (i128::from(start), i128::from(stop), i128::from(step))
    } else {
        (i128::from(stop), i128::from(start), -i128::from(step))
    };
    if lo >= hi {
        Some(0)
    } else {
        i64::try_from((hi - lo - 1) / step + 1).ok()
    }
}

impl RangeObj {
    /// `range(start, stop, step)` from machine ints (`step` nonzero).
    pub fn from_i64(start: i64, stop: i64, step: i64) -> RangeObj {
        if small_len(start, stop, step).is_some() {
            RangeObj::Small { start, stop, step }
        } else {
            RangeObj::new(start.into(), stop.into(), step.into())
        }
    }

    /// `range(start, stop, step)` from exact ints (`step` nonzero).
    pub fn new(start: BigInt, stop: BigInt, step: BigInt) -> RangeObj {
        if let (Some(a), Some(b), Some(c)) = (start.to_i64(), stop.to_i64(), step.to_i64()) {
            if small_len(a, b, c).is_some() {
                return RangeObj::Small {
                    start: a,
                    stop: b,
                    step: c,
                };
            }
        }
        let len = big_len(&start, &stop, &step);
        RangeObj::Big(Box::new(BigRange {
            start,
            stop,
            step,
            len,
        }))
    }

    /// The three fields and the length, as machine ints, when they fit.
    pub fn small(&self) -> Option<(i64, i64, i64, i64)> {
        match self {
            RangeObj::Small { start, stop, step } => {
                Some((*start, *stop, *step, small_len(*start, *stop, *step)?))
            }
            RangeObj::Big(_) => None,
        }
    }

    /// The fields and the length as big ints.
    pub fn big(&self) -> BigRange {
        match self {
            RangeObj::Small { start, stop, step } => BigRange {
                start: (*start).into(),
                stop: (*stop).into(),
                step: (*step).into(),
                len: big_len(&(*start).into(), &(*stop).into(), &(*step).into()),
            },
            RangeObj::Big(b) => (**b).clone(),
        }
    }

    /// `start` as a Python int.
    pub fn start(&self) -> Value {
        match self {
            RangeObj::Small { start, .. } => Value::Int(*start),
            RangeObj::Big(b) => Value::from_bigint(b.start.clone()),
        }
    }

    /// `stop` as a Python int.
    pub fn stop(&self) -> Value {
        match self {
            RangeObj::Small { stop, .. } => Value::Int(*stop),
            RangeObj::Big(b) => Value::from_bigint(b.stop.clone()),
        }
    }

    /// `step` as a Python int.
    pub fn step(&self) -> Value {
        match self {
            RangeObj::Small { step, .. } => Value::Int(*step),
            RangeObj::Big(b) => Value::from_bigint(b.step.clone()),
        }
    }

    /// The length, when it fits in `i64` (`len()` raises OverflowError otherwise).
    pub fn len(&self) -> Option<i64> {
        match self {
            RangeObj::Small { start, stop, step } => small_len(*start, *stop, *step),
            RangeObj::Big(b) => b.len.to_i64(),
        }
    }

    /// `len(range)`, with CPython's OverflowError past `Py_ssize_t`.
    pub fn len_checked(&self) -> PyResult<i64> {
        self.len().ok_or_else(len_overflow)
    }

    /// The length as a Python int.
    pub fn len_value(&self) -> Value {
        match self {
            RangeObj::Small { .. } => Value::Int(self.len().unwrap_or(0)),
            RangeObj::Big(b) => Value::from_bigint(b.len.clone()),
        }
    }

    /// Whether the range is empty.
    pub fn is_empty(&self) -> bool {
        match self {
            RangeObj::Small { .. } => self.len() == Some(0),
            RangeObj::Big(b) => b.len.is_zero(),
        }
    }

    /// The `i`-th element (negative counts from the end), if in range.
    pub fn get(&self, i: i64) -> Option<Value> {
        match self {
            RangeObj::Small { start, step, .. } => {
                let len = self.len()?;
                let i = if i < 0 { i + len } else { i };
                // In range, the element lies between start and stop.
                (0..len).contains(&i).then(|| Value::Int(start + i * step))
            }
            RangeObj::Big(_) => self.get_big(&BigInt::from(i)),
        }
    }

    /// The `i`-th element for an index of any size.
    pub fn get_big(&self, i: &BigInt) -> Option<Value> {
        let b = self.big();
        let i = if i.is_negative() {
            i + &b.len
        } else {
            i.clone()
        };
        (!i.is_negative() && i < b.len).then(|| Value::from_bigint(b.start + i * b.step))
    }

    /// The position of the int `x` in the range, if it is an element.
    pub fn position(&self, x: &BigInt) -> Option<BigInt> {
        if let (Some((start, _, step, len)), Some(x)) = (self.small(), x.to_i64()) {
            let off = i128::from(x) - i128::from(start);
            if off % i128::from(step) != 0 {
                return None;
            }
            let i = off / i128::from(step);
            return (0..i128::from(len)).contains(&i).then(|| BigInt::from(i));
        }
        let b = self.big();
        let (i, rem) = (x - &b.start).div_rem(&b.step);
        (rem.is_zero() && !i.is_negative() && i < b.len).then_some(i)
    }

    /// `range[slice]` (`compute_slice`): another range.
    pub fn slice(&self, s: &[Value; 3]) -> PyResult<RangeObj> {
        let b = self.big();
        let (start, stop, step) = slice_indices_big(s, &b.len)?;
        let at = |i: BigInt| &b.start + i * &b.step;
        Ok(RangeObj::new(at(start), at(stop), step * &b.step))
    }

    /// `range_equals`: equal lengths, and equal starts and steps where they
    /// matter (an empty range ignores both, a one-element range its step).
    pub fn equals(&self, other: &RangeObj) -> bool {
        if let (Some((s1, _, t1, l1)), Some((s2, _, t2, l2))) = (self.small(), other.small()) {
            return l1 == l2 && (l1 == 0 || (s1 == s2 && (l1 == 1 || t1 == t2)));
        }
        let (x, y) = (self.big(), other.big());
        x.len == y.len
            && (x.len.is_zero() || (x.start == y.start && (x.len.is_one() || x.step == y.step)))
    }
}

/// `_PySlice_GetLongIndices`: a slice's start, stop and step against a length
/// of any size.
fn slice_indices_big(s: &[Value; 3], len: &BigInt) -> PyResult<(BigInt, BigInt, BigInt)> {
    let get = |v: &Value| -> PyResult<Option<BigInt>> {
        match v {
            Value::None => Ok(None),
            other => crate::ops::to_bigint(other).map(Some).ok_or_else(|| {
                PyErr::type_error(
                    "slice indices must be integers or None or have an __index__ method",
                )
            }),
        }
    };
    let step = get(&s[2])?.unwrap_or_else(BigInt::one);
    if step.is_zero() {
        return Err(PyErr::value_error("slice step cannot be zero"));
    }
    let (lower, upper) = if step.is_negative() {
        (BigInt::from(-1), len - 1u32)
    } else {
        (BigInt::zero(), len.clone())
    };
    let adjust = |v: Option<BigInt>, dflt: &BigInt| -> BigInt {
        match v {
            None => dflt.clone(),
            Some(i) if i.is_negative() => {
                let i = i + len;
                if i < lower {
                    lower.clone()
                } else {
                    i
                }
            }
            Some(i) if i > upper => upper.clone(),
            Some(i) => i,
        }
    };
    let neg = step.is_negative();
    let start = adjust(get(&s[0])?, if neg { &upper } else { &lower });
    let stop = adjust(get(&s[1])?, if neg { &lower } else { &upper });
    Ok((start, stop, step))
}

/// `longrange_iterator`: the iterator of a range whose fields or length do
/// not fit machine words.
#[derive(Clone, Debug)]
pub struct LongRangeIter {
    /// The first element.
    pub start: BigInt,
    /// Step.
    pub step: BigInt,
    /// Elements in all.
    pub len: BigInt,
    /// Elements taken.
    pub index: BigInt,
}

impl LongRangeIter {
    /// The next element, if any.
    pub fn next_value(&mut self) -> Option<Value> {
        if self.index >= self.len {
            return None;
        }
        let v = &self.start + &self.index * &self.step;
        self.index += 1u32;
        Some(Value::from_bigint(v))
    }

    /// Elements left (`__length_hint__`).
    pub fn left(&self) -> BigInt {
        &self.len - &self.index
    }

    /// The range the iterator walks (what `__reduce__` rebuilds it from).
    pub fn range(&self) -> RangeObj {
        let stop = &self.start + &self.len * &self.step;
        RangeObj::new(self.start.clone(), stop, self.step.clone())
    }

    /// `__setstate__`: the index, clamped to `[0, len]`.
    pub fn set_index(&mut self, index: BigInt) {
        self.index = index.clamp(BigInt::zero(), self.len.clone());
    }
}

/// `iter(range)` (`range_iter`): the machine-int `range_iterator` when the
/// fields, the length and `start + len * step` fit, else `longrange_iterator`.
pub fn forward_iter(r: &RangeObj) -> crate::iter::IterObj {
    if let Some((start, stop, step, len)) = r.small() {
        let fits = len == 0
            || if step > 0 {
                stop <= i64::MAX - (step - 1)
            } else {
                stop >= i64::MIN + (-1 - step)
            };
        if fits {
            return crate::iter::IterObj::Range {
                cur: start,
                left: len,
                step,
                len,
            };
        }
    }
    let b = r.big();
    crate::iter::IterObj::LongRange(Box::new(LongRangeIter {
        start: b.start,
        step: b.step,
        len: b.len,
        index: BigInt::zero(),
    }))
}

/// `reversed(range)` (`range_reverse`): from the last element by `-step`.
pub fn reverse_iter(r: &RangeObj) -> crate::iter::IterObj {
    if let Some((start, _, step, len)) = r.small() {
        let last = (len - 1)
            .checked_mul(step)
            .and_then(|d| start.checked_add(d));
        if let (Some(cur), Some(step), true) = (last, step.checked_neg(), len > 0) {
            return crate::iter::IterObj::Range {
                cur,
                left: len,
                step,
                len,
            };
        }
    }
    let b = r.big();
    let last = &b.start + (&b.len - 1u32) * &b.step;
    crate::iter::IterObj::LongRange(Box::new(LongRangeIter {
        start: last,
        step: -b.step,
        len: b.len,
        index: BigInt::zero(),
    }))
}
