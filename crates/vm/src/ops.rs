//! Arithmetic, comparison and truth testing on builtin values, with CPython's
//! results and error messages.

use std::cmp::Ordering;
use std::rc::Rc;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::exc::{PyErr, PyResult};
use crate::types::type_name;
use crate::value::{StrObj, Value};

/// `BINARY_OP` argument values (`opcode._nb_ops` order).
pub mod nb {
    /// `+`
    pub const ADD: u32 = 0;
    /// `&`
    pub const AND: u32 = 1;
    /// `//`
    pub const FLOOR_DIVIDE: u32 = 2;
    /// `<<`
    pub const LSHIFT: u32 = 3;
    /// `@`
    pub const MATRIX_MULTIPLY: u32 = 4;
    /// `*`
    pub const MULTIPLY: u32 = 5;
    /// `%`
    pub const REMAINDER: u32 = 6;
    /// `|`
    pub const OR: u32 = 7;
    /// `**`
    pub const POWER: u32 = 8;
    /// `>>`
    pub const RSHIFT: u32 = 9;
    /// `-`
    pub const SUBTRACT: u32 = 10;
    /// `/`
    pub const TRUE_DIVIDE: u32 = 11;
    /// `^`
    pub const XOR: u32 = 12;
    /// Offset of the in-place forms.
    pub const INPLACE: u32 = 13;
}

/// Python truth value of a builtin value.
pub fn truthy(v: &Value) -> bool {
    match v {
        Value::Bool(b) => *b,
        Value::Int(i) => *i != 0,
        Value::None | Value::Null => false,
        Value::Float(f) => *f != 0.0,
        Value::Str(s) => !s.as_str().is_empty(),
        Value::List(l) => !l.borrow().is_empty(),
        Value::Tuple(t) => !t.is_empty(),
        Value::Dict(d) | Value::Set(d) => !d.borrow().is_empty(),
        Value::FrozenSet(d) => !d.is_empty(),
        Value::BigInt(_) => true,
        Value::Bytes(b) => !b.is_empty(),
        Value::Range(r) => !r.is_empty(),
        Value::DictView(v) => !v.0.borrow().is_empty(),
        Value::Complex(c) => c.re != 0.0 || c.im != 0.0,
        Value::ByteArray(b) => !b.borrow().is_empty(),
        // A released view has no length; `Vm::truthy` raises for it.
        Value::MemoryView(m) => m.length().map_or(true, |n| n != 0),
        _ => true,
    }
}

/// The int value of an int or bool, as a big int.
pub fn to_bigint(v: &Value) -> Option<BigInt> {
    match v {
        Value::Int(i) => Some(BigInt::from(*i)),
        Value::Bool(b) => Some(BigInt::from(u8::from(*b))),
        Value::BigInt(b) => Some((**b).clone()),
        _ => None,
    }
}

/// The float value of a number, for mixed arithmetic.
pub fn to_f64(v: &Value) -> PyResult<Option<f64>> {
    Ok(match v {
        Value::Float(f) => Some(*f),
        Value::Int(i) => Some(*i as f64),
        Value::Bool(b) => Some(f64::from(u8::from(*b))),
        Value::BigInt(b) => match b.to_f64() {
            Some(f) if f.is_finite() => Some(f),
            _ => return Err(PyErr::overflow("int too large to convert to float")),
        },
        _ => None,
    })
}

fn int_of(v: &Value) -> Option<i64> {
    match v {
        Value::Int(i) => Some(*i),
        Value::Bool(b) => Some(i64::from(*b)),
        _ => None,
    }
}

fn is_int(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::Bool(_) | Value::BigInt(_))
}

fn is_number(v: &Value) -> bool {
    is_int(v) || matches!(v, Value::Float(_))
}

fn op_symbol(op: u32) -> &'static str {
    pith_bytecode::opcode::NB_OPS
        .get((op % nb::INPLACE) as usize)
        .map_or("?", |&(_, s)| s)
}

fn unsupported(op: u32, a: &Value, b: &Value) -> PyErr {
    let sym = op_symbol(op);
    let inplace = op >= nb::INPLACE;
    let sym = if inplace {
        format!("{sym}=")
    } else if sym == "**" {
        "** or pow()".to_string()
    } else {
        sym.to_string()
    };
    PyErr::type_error(format!(
        "unsupported operand type(s) for {}: '{}' and '{}'{}",
        sym,
        type_name(a),
        type_name(b),
        print_hint(op, a)
    ))
}

/// The Python 2 migration hint `binop_type_error` adds to `print >> f`.
pub(crate) fn print_hint(op: u32, a: &Value) -> &'static str {
    match a {
        Value::Builtin(def) if op == nb::RSHIFT && def.name == "print" => {
            ". Did you mean \"print(<message>, file=<output_stream>)\"?"
        }
        _ => "",
    }
}

/// Floor division of machine ints (`None` on overflow).
fn i64_floordiv(a: i64, b: i64) -> Option<i64> {
    let q = a.checked_div(b)?;
    if a % b != 0 && ((a < 0) != (b < 0)) {
        Some(q - 1)
    } else {
        Some(q)
    }
}

fn i64_mod(a: i64, b: i64) -> i64 {
    let r = a.wrapping_rem(b);
    if r != 0 && ((r < 0) != (b < 0)) {
        r + b
    } else {
        r
    }
}

/// Float modulo with Python's sign rule.
pub fn float_mod(a: f64, b: f64) -> f64 {
    let m = a % b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m + b
        } else {
            m
        }
    } else {
        0.0f64.copysign(b)
    }
}

/// Float floor division (`float_floor_div` in Objects/floatobject.c).
pub fn float_floordiv(a: f64, b: f64) -> f64 {
    let m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 && ((b < 0.0) != (m < 0.0)) {
        div -= 1.0;
    }
    if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 {
            f + 1.0
        } else {
            f
        }
    } else {
        0.0f64.copysign(a / b)
    }
}

fn int_binop(op: u32, a: i64, b: i64) -> PyResult<Value> {
    let big =
        |f: fn(BigInt, BigInt) -> BigInt| Value::from_bigint(f(BigInt::from(a), BigInt::from(b)));
    Ok(match op % nb::INPLACE {
        nb::ADD => a
            .checked_add(b)
            .map_or_else(|| big(|x, y| x + y), Value::Int),
        nb::SUBTRACT => a
            .checked_sub(b)
            .map_or_else(|| big(|x, y| x - y), Value::Int),
        nb::MULTIPLY => a
            .checked_mul(b)
            .map_or_else(|| big(|x, y| x * y), Value::Int),
        nb::FLOOR_DIVIDE => {
            if b == 0 {
                return Err(PyErr::zero_division("integer division or modulo by zero"));
            }
            i64_floordiv(a, b).map_or_else(|| big(|x, y| x.div_floor(&y)), Value::Int)
        }
        nb::REMAINDER => {
            if b == 0 {
                return Err(PyErr::zero_division("integer modulo by zero"));
            }
            Value::Int(i64_mod(a, b))
        }
        nb::TRUE_DIVIDE => {
            if b == 0 {
                return Err(PyErr::zero_division("division by zero"));
            }
            if a.unsigned_abs() > 1 << 53 || b.unsigned_abs() > 1 << 53 {
                return crate::int_div::true_div(&BigInt::from(a), &BigInt::from(b));
            }
            Value::Float(a as f64 / b as f64)
        }
        nb::POWER => {
            if b < 0 {
                if a == 0 {
                    return Err(PyErr::zero_division(
                        "0.0 cannot be raised to a negative power",
                    ));
                }
                Value::Float((a as f64).powf(b as f64))
            } else {
                match u32::try_from(b).ok().and_then(|e| a.checked_pow(e)) {
                    Some(v) => Value::Int(v),
                    None => return big_pow(&BigInt::from(a), &BigInt::from(b)),
                }
            }
        }
        nb::AND => Value::Int(a & b),
        nb::OR => Value::Int(a | b),
        nb::XOR => Value::Int(a ^ b),
        nb::LSHIFT => {
            if b < 0 {
                return Err(PyErr::value_error("negative shift count"));
            }
            if a == 0 {
                Value::Int(0)
            } else if b < 63 && a.unsigned_abs() < (1u64 << (62 - b)) {
                Value::Int(a << b)
            } else {
                return big_binop(op, &BigInt::from(a), &BigInt::from(b));
            }
        }
        nb::RSHIFT => {
            if b < 0 {
                return Err(PyErr::value_error("negative shift count"));
            }
            Value::Int(if b >= 64 {
                if a < 0 {
                    -1
                } else {
                    0
                }
            } else {
                a >> b
            })
        }
        _ => return Err(unsupported(op, &Value::Int(a), &Value::Int(b))),
    })
}

/// Bits beyond which a power is refused with `MemoryError` (about five million
/// decimal digits): past it the multiplications take minutes, and a program
/// (or a fuzzed `.pyc`) would hang where CPython merely slows down.
const MAX_POW_BITS: u64 = 1 << 24;

fn big_pow(a: &BigInt, b: &BigInt) -> PyResult<Value> {
    match b.to_u32() {
        Some(e)
            if a.bits().saturating_mul(u64::from(e)) > MAX_POW_BITS
                && a.abs() > BigInt::from(1) =>
        {
            Err(PyErr::new(crate::types::ExcKind::MemoryError, ""))
        }
        Some(e) => Ok(Value::from_bigint(num_traits::pow::Pow::pow(a, e))),
        None => {
            if a.is_zero() || a.abs() == BigInt::from(1) {
                let odd = b.is_odd();
                Ok(Value::from_bigint(if a.is_negative() && !odd {
                    BigInt::from(1)
                } else {
                    a.clone()
                }))
            } else {
                Err(PyErr::new(crate::types::ExcKind::MemoryError, ""))
            }
        }
    }
}

fn big_binop(op: u32, a: &BigInt, b: &BigInt) -> PyResult<Value> {
    Ok(match op % nb::INPLACE {
        nb::ADD => Value::from_bigint(a + b),
        nb::SUBTRACT => Value::from_bigint(a - b),
        nb::MULTIPLY => Value::from_bigint(a * b),
        nb::FLOOR_DIVIDE => {
            if b.is_zero() {
                return Err(PyErr::zero_division("integer division or modulo by zero"));
            }
            Value::from_bigint(a.div_floor(b))
        }
        nb::REMAINDER => {
            if b.is_zero() {
                return Err(PyErr::zero_division("integer modulo by zero"));
            }
            Value::from_bigint(a.mod_floor(b))
        }
        nb::TRUE_DIVIDE => {
            if b.is_zero() {
                return Err(PyErr::zero_division("division by zero"));
            }
            return crate::int_div::true_div(a, b);
        }
        nb::POWER => {
            if b.is_negative() {
                let (x, y) = (
                    a.to_f64().unwrap_or(f64::INFINITY),
                    b.to_f64().unwrap_or(f64::NEG_INFINITY),
                );
                Value::Float(x.powf(y))
            } else {
                return big_pow(a, b);
            }
        }
        nb::AND => Value::from_bigint(a & b),
        nb::OR => Value::from_bigint(a | b),
        nb::XOR => Value::from_bigint(a ^ b),
        nb::LSHIFT => {
            if b.is_negative() {
                return Err(PyErr::value_error("negative shift count"));
            }
            match b.to_usize() {
                // Zero shifted by any count is zero (`long_lshift`'s shortcut).
                _ if a.is_zero() => Value::Int(0),
                Some(s) if s < (1 << 32) => Value::from_bigint(a << s),
                _ => return Err(PyErr::overflow("too many digits in integer")),
            }
        }
        nb::RSHIFT => {
            if b.is_negative() {
                return Err(PyErr::value_error("negative shift count"));
            }
            match b.to_usize() {
                Some(s) => Value::from_bigint(a >> s),
                None => Value::Int(if a.is_negative() { -1 } else { 0 }),
            }
        }
        _ => {
            return Err(unsupported(
                op,
                &Value::from_bigint(a.clone()),
                &Value::from_bigint(b.clone()),
            ))
        }
    })
}

fn float_binop(op: u32, a: f64, b: f64) -> Option<PyResult<Value>> {
    Some(Ok(Value::Float(match op % nb::INPLACE {
        nb::ADD => a + b,
        nb::SUBTRACT => a - b,
        nb::MULTIPLY => a * b,
        nb::TRUE_DIVIDE => {
            if b == 0.0 {
                return Some(Err(PyErr::zero_division("float division by zero")));
            }
            a / b
        }
        nb::FLOOR_DIVIDE => {
            if b == 0.0 {
                return Some(Err(PyErr::zero_division("float floor division by zero")));
            }
            float_floordiv(a, b)
        }
        nb::REMAINDER => {
            if b == 0.0 {
                return Some(Err(PyErr::zero_division("float modulo")));
            }
            float_mod(a, b)
        }
        nb::POWER => {
            if a == 0.0 && b < 0.0 && b.is_finite() {
                return Some(Err(PyErr::zero_division(
                    "0.0 cannot be raised to a negative power",
                )));
            }
            if a < 0.0 && a.is_finite() && b.fract() != 0.0 && b.is_finite() {
                // A negative base with a fractional exponent gives a complex result.
                let c = crate::complex::Complex::new(a, 0.0);
                return Some(
                    c.pow(crate::complex::Complex::new(b, 0.0))
                        .map(|r| r.value()),
                );
            }
            let r = a.powf(b);
            if r.is_infinite() && a.is_finite() && b.is_finite() {
                return Some(Err(PyErr::overflow(
                    "(34, 'Numerical result out of range')",
                )));
            }
            r
        }
        _ => return None,
    })))
}

fn repeat_count(n: &Value) -> PyResult<Option<usize>> {
    Ok(match n {
        Value::Int(i) => Some((*i).max(0) as usize),
        Value::Bool(b) => Some(usize::from(*b)),
        // `PyNumber_AsSsize_t(n, PyExc_OverflowError)`: a count past
        // `Py_ssize_t` fails whatever its sign.
        Value::BigInt(_) => {
            return Err(PyErr::overflow(
                "cannot fit 'int' into an index-sized integer",
            ))
        }
        _ => None,
    })
}

fn sequence_repeat(seq: &Value, n: &Value) -> PyResult<Option<Value>> {
    let Some(count) = repeat_count(n)? else {
        if matches!(
            seq,
            Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_)
        ) {
            return Err(PyErr::type_error(format!(
                "can't multiply sequence by non-int of type '{}'",
                type_name(n)
            )));
        }
        return Ok(None);
    };
    // An immutable sequence repeated once is itself, as in CPython.
    if count == 1 && matches!(seq, Value::Str(_) | Value::Tuple(_) | Value::Bytes(_)) {
        return Ok(Some(seq.clone()));
    }
    let too_big = || PyErr::new(crate::types::ExcKind::MemoryError, "");
    Ok(Some(match seq {
        Value::Str(s) => {
            let total = s.as_str().len().checked_mul(count).ok_or_else(too_big)?;
            if total > (1 << 31) {
                return Err(too_big());
            }
            match s.surrogates() {
                Some(cps) => Value::from_code_points(cps.repeat(count)),
                None => Value::string(s.as_str().repeat(count)),
            }
        }
        Value::List(l) => {
            let l = l.borrow();
            if l.len().saturating_mul(count) > (1 << 26) {
                return Err(too_big());
            }
            let mut out = Vec::with_capacity(l.len() * count);
            for _ in 0..count {
                out.extend(l.iter().cloned());
            }
            Value::list(out)
        }
        Value::Tuple(t) => {
            if t.len().saturating_mul(count) > (1 << 26) {
                return Err(too_big());
            }
            let mut out = Vec::with_capacity(t.len() * count);
            for _ in 0..count {
                out.extend(t.iter().cloned());
            }
            Value::tuple(out)
        }
        Value::Bytes(b) => {
            if b.len().saturating_mul(count) > (1 << 31) {
                return Err(too_big());
            }
            Value::Bytes(Rc::new(b.repeat(count)))
        }
        _ => return Ok(None),
    }))
}

/// The elements of a set-like operand of a dict view operation: keys and
/// items views, sets, and list/tuple/dict operands.
/// The elements of a set-like operand of a dict view operation, as a set
/// table; `Ok(None)` when the value is not iterable here, an error when an
/// element is unhashable (an items view with a list value).
fn view_as_set(v: &Value) -> PyResult<Option<crate::dict::Dict>> {
    let mut d = crate::dict::Dict::new();
    let items: Vec<Value> = match v {
        Value::DictView(view) => {
            let dict = view.0.borrow();
            match view.1 {
                crate::iter::DictPart::Keys => dict.keys().cloned().collect(),
                crate::iter::DictPart::Items => dict
                    .iter()
                    .map(|(k, v)| Value::tuple(vec![k.clone(), v.clone()]))
                    .collect(),
                crate::iter::DictPart::Values => return Ok(None),
            }
        }
        Value::Set(s) => return Ok(Some(s.borrow().clone())),
        Value::FrozenSet(s) => return Ok(Some((**s).clone())),
        Value::List(l) => l.borrow().clone(),
        Value::Tuple(t) => t.to_vec(),
        Value::Dict(x) => x.borrow().keys().cloned().collect(),
        _ => return Ok(None),
    };
    for it in items {
        d.insert(it, Value::None)?;
    }
    Ok(Some(d))
}

/// Binary operations with a bytearray operand: computed on bytes snapshots, the
/// result a bytearray when the left operand is one (`+=` extends in place).
fn bytearray_op(op: u32, a: &Value, b: &Value) -> PyResult<Value> {
    use crate::methods::bytearray::{freeze, new_bytearray};
    let base = op % nb::INPLACE;
    if base == nb::ADD && !matches!(b, Value::Bytes(_) | Value::ByteArray(_)) {
        // Any bytes-like object concatenates (`bytearray + memoryview`).
        if let Some(data) = crate::buffer::exported_bytes(b) {
            return bytearray_op(op, a, &Value::Bytes(Rc::new(data?)));
        }
        return Err(PyErr::type_error(format!(
            "can't concat {} to {}",
            type_name(b),
            type_name(a)
        )));
    }
    if let (Value::ByteArray(x), true) = (a, op >= nb::INPLACE && base == nb::ADD) {
        let more = match b {
            Value::ByteArray(y) => y.borrow().clone(),
            Value::Bytes(y) => y.to_vec(),
            _ => Vec::new(),
        };
        let n = x.borrow().len();
        // `bytearray_iconcat` holds the right operand's buffer while it
        // resizes: `b += b` finds its own bytes exported.
        if matches!(b, Value::ByteArray(y) if Rc::ptr_eq(x, y)) && !more.is_empty() {
            return Err(crate::bytearray_obj::resize_error());
        }
        x.resize(n + more.len())?.extend_from_slice(&more);
        return Ok(a.clone());
    }
    let r = binary_op(base, &freeze(a), &freeze(b)).map_err(|e| {
        if e.is(crate::types::ExcKind::TypeError) && base != nb::REMAINDER {
            unsupported(op, a, b)
        } else {
            e
        }
    })?;
    match (a, r) {
        (Value::ByteArray(x), Value::Bytes(r)) => {
            if op >= nb::INPLACE && base == nb::MULTIPLY {
                x.replace(r.to_vec())?;
                return Ok(a.clone());
            }
            Ok(new_bytearray(r.to_vec()))
        }
        (_, r) => Ok(r),
    }
}

/// A binary operation on builtin values (`BINARY_OP`); `op` is the `NB_*` argument.
pub fn binary_op(op: u32, a: &Value, b: &Value) -> PyResult<Value> {
    // Machine ints first: the overwhelmingly common case.
    if let (Value::Int(x), Value::Int(y)) = (a, b) {
        return int_binop(op, *x, *y);
    }
    if let (Value::Float(x), Value::Float(y)) = (a, b) {
        if let Some(r) = float_binop(op, *x, *y) {
            return r;
        }
        return Err(unsupported(op, a, b));
    }
    if matches!(a, Value::ByteArray(_)) || matches!(b, Value::ByteArray(_)) {
        return bytearray_op(op, a, b);
    }
    // `str % complex` and `bytes % complex` are printf formatting, below.
    if (matches!(a, Value::Complex(_)) || matches!(b, Value::Complex(_)))
        && !matches!(a, Value::Str(_) | Value::Bytes(_))
    {
        if let Some(r) = crate::complex::binary_op(op, a, b)? {
            return Ok(r);
        }
        return Err(unsupported(op, a, b));
    }
    if is_number(a) && is_number(b) {
        if matches!(a, Value::Float(_)) || matches!(b, Value::Float(_)) {
            let (x, y) = (to_f64(a)?.unwrap_or(0.0), to_f64(b)?.unwrap_or(0.0));
            if let Some(r) = float_binop(op, x, y) {
                return r;
            }
            return Err(unsupported(op, a, b));
        }
        if let (Some(x), Some(y)) = (int_of(a), int_of(b)) {
            let r = int_binop(op, x, y)?;
            // bool & bool stays bool
            if let (Value::Bool(p), Value::Bool(q), Value::Int(v)) = (a, b, &r) {
                let base = op % nb::INPLACE;
                if matches!(base, nb::AND | nb::OR | nb::XOR) {
                    let _ = (p, q);
                    return Ok(Value::Bool(*v != 0));
                }
            }
            return Ok(r);
        }
        let (x, y) = (
            to_bigint(a).unwrap_or_default(),
            to_bigint(b).unwrap_or_default(),
        );
        return big_binop(op, &x, &y);
    }
    let base = op % nb::INPLACE;
    match (base, a, b) {
        (nb::ADD, Value::Str(x), Value::Str(y)) => {
            if crate::str_surrogates::any_exact([&**x, &**y].into_iter()) {
                return Ok(crate::str_surrogates::concat_exact(
                    [&**x, &**y].into_iter(),
                ));
            }
            let mut s = String::with_capacity(x.as_str().len() + y.as_str().len());
            s.push_str(x.as_str());
            s.push_str(y.as_str());
            Ok(Value::Str(Rc::new(StrObj::from_string(s))))
        }
        (nb::ADD, Value::List(x), Value::List(y)) => {
            if op >= nb::INPLACE {
                let extra: Vec<Value> = y.borrow().clone();
                x.borrow_mut().extend(extra);
                return Ok(a.clone());
            }
            let mut v = x.borrow().clone();
            v.extend(y.borrow().iter().cloned());
            Ok(Value::list(v))
        }
        (nb::ADD, Value::Tuple(x), Value::Tuple(y)) => {
            let mut v = Vec::with_capacity(x.len() + y.len());
            v.extend(x.iter().cloned());
            v.extend(y.iter().cloned());
            Ok(Value::tuple(v))
        }
        (nb::ADD, Value::Bytes(x), Value::Bytes(y)) => {
            let mut v = x.to_vec();
            v.extend_from_slice(y);
            Ok(Value::Bytes(Rc::new(v)))
        }
        (nb::ADD, Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_), _) => {
            let what = match a {
                Value::Str(_) => "str",
                Value::List(_) => "list",
                Value::Tuple(_) => "tuple",
                _ => "bytes",
            };
            if let Value::Bytes(x) = a {
                // Any bytes-like object concatenates (`bytes + memoryview`).
                if let Some(data) = crate::buffer::exported_bytes(b) {
                    let mut v = x.to_vec();
                    v.extend_from_slice(&data?);
                    return Ok(Value::Bytes(Rc::new(v)));
                }
                return Err(PyErr::type_error(format!(
                    "can't concat {} to bytes",
                    type_name(b)
                )));
            }
            Err(PyErr::type_error(format!(
                "can only concatenate {} (not \"{}\") to {}",
                what,
                type_name(b),
                what
            )))
        }
        (nb::MULTIPLY, _, _) => {
            // `list *= n` repeats the list in place (`list_inplace_repeat`).
            if let (Value::List(l), true) = (a, op >= nb::INPLACE) {
                if let Some(count) = repeat_count(b)? {
                    let mut items = l.borrow_mut();
                    if items.len().saturating_mul(count) > (1 << 26) {
                        return Err(PyErr::new(crate::types::ExcKind::MemoryError, ""));
                    }
                    let once = items.len();
                    if count == 0 {
                        let old = std::mem::take(&mut *items);
                        drop(items);
                        drop(old);
                    } else {
                        for _ in 1..count {
                            items.extend_from_within(..once);
                        }
                    }
                    return Ok(a.clone());
                }
            }
            if let Some(v) = sequence_repeat(a, b)? {
                return Ok(v);
            }
            if let Some(v) = sequence_repeat(b, a)? {
                return Ok(v);
            }
            Err(unsupported(op, a, b))
        }
        (
            nb::OR | nb::AND | nb::XOR | nb::SUBTRACT,
            Value::Set(_) | Value::FrozenSet(_),
            Value::Set(_) | Value::FrozenSet(_),
        ) => match a {
            Value::Set(t) if op >= nb::INPLACE => {
                crate::methods::set_inplace(base, t, b);
                Ok(a.clone())
            }
            _ => crate::methods::set_binop(base, a, b),
        },
        (nb::OR, Value::Dict(x), Value::List(_) | Value::Tuple(_) | Value::DictView(_))
            if op >= nb::INPLACE =>
        {
            // `d |= pairs` accepts what dict.update accepts; sequences are
            // read here, other iterables need the VM and are not supported.
            let items: Vec<Value> = match b {
                Value::List(l) => l.borrow().clone(),
                Value::Tuple(t) => t.to_vec(),
                Value::DictView(v) if v.1 == crate::iter::DictPart::Items => {
                    v.0.borrow()
                        .iter()
                        .map(|(k, v)| Value::tuple(vec![k.clone(), v.clone()]))
                        .collect()
                }
                _ => return Err(unsupported(op, a, b)),
            };
            for (i, item) in items.iter().enumerate() {
                let pair: Vec<Value> = match item {
                    Value::Tuple(t) => t.to_vec(),
                    Value::List(l) => l.borrow().clone(),
                    _ => {
                        return Err(PyErr::type_error(format!(
                            "cannot convert dictionary update sequence element #{i} to a sequence"
                        )))
                    }
                };
                if pair.len() != 2 {
                    return Err(PyErr::value_error(format!(
                        "dictionary update sequence element #{i} has length {}; 2 is required",
                        pair.len()
                    )));
                }
                x.borrow_mut().insert(pair[0].clone(), pair[1].clone())?;
            }
            Ok(a.clone())
        }
        (nb::OR | nb::AND | nb::XOR | nb::SUBTRACT, Value::DictView(_), _)
        | (nb::OR | nb::AND | nb::XOR | nb::SUBTRACT, _, Value::DictView(_)) => {
            match (view_as_set(a)?, view_as_set(b)?) {
                (Some(x), Some(y)) => Ok(crate::methods::view_binop(base, x, y)),
                _ => Err(unsupported(op, a, b)),
            }
        }
        (nb::OR, Value::Dict(x), Value::Dict(y)) => {
            // Stored hashes are reused: a key's `__hash__` may need the VM.
            let items: Vec<(i64, Value, Value)> = y
                .borrow()
                .iter_entries()
                .map(|(h, k, v)| (h, k.clone(), v.clone()))
                .collect();
            if op >= nb::INPLACE {
                let mut xd = x.borrow_mut();
                for (h, k, v) in items {
                    xd.insert_hashed(k, h, v);
                }
                return Ok(a.clone());
            }
            let mut d = x.borrow().clone();
            for (h, k, v) in items {
                d.insert_hashed(k, h, v);
            }
            Ok(Value::dict(d))
        }
        (nb::REMAINDER, Value::Str(s), _) => crate::str_surrogates::percent_format(s, b),
        (nb::REMAINDER, Value::Bytes(s), _) => {
            crate::format::bytes_percent_format(s, &crate::methods::bytearray::freeze(b))
        }
        _ => Err(unsupported(op, a, b)),
    }
}

/// Rich comparison operators (`COMPARE_OP` argument order).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `==`
    Eq,
    /// `!=`
    Ne,
    /// `>`
    Gt,
    /// `>=`
    Ge,
}

impl CmpOp {
    /// From the `COMPARE_OP` argument.
    pub fn from_arg(arg: u32) -> CmpOp {
        match arg {
            0 => CmpOp::Lt,
            1 => CmpOp::Le,
            2 => CmpOp::Eq,
            3 => CmpOp::Ne,
            4 => CmpOp::Gt,
            _ => CmpOp::Ge,
        }
    }

    fn symbol(self) -> &'static str {
        match self {
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
        }
    }

    /// Whether an ordering `o` of the operands satisfies this comparison.
    pub(crate) fn test(self, o: Ordering) -> bool {
        match self {
            CmpOp::Lt => o == Ordering::Less,
            CmpOp::Le => o != Ordering::Greater,
            CmpOp::Eq => o == Ordering::Equal,
            CmpOp::Ne => o != Ordering::Equal,
            CmpOp::Gt => o == Ordering::Greater,
            CmpOp::Ge => o != Ordering::Less,
        }
    }
}

fn cmp_int_float(i: &Value, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    match i {
        Value::Int(x) if x.unsigned_abs() < (1 << 53) => (*x as f64).partial_cmp(&f),
        _ => {
            if f.is_infinite() {
                return Some(if f > 0.0 {
                    Ordering::Less
                } else {
                    Ordering::Greater
                });
            }
            let big = to_bigint(i)?;
            let fl = f.floor();
            let fb = <BigInt as num_traits::FromPrimitive>::from_f64(fl)?;
            match big.cmp(&fb) {
                Ordering::Equal if f > fl => Some(Ordering::Less),
                o => Some(o),
            }
        }
    }
}

/// Equality of builtin values (`==`).
pub fn eq(a: &Value, b: &Value) -> bool {
    eq_at(a, b, 0).unwrap_or(false)
}

/// `a == b` for builtin values, as [`eq`], but failing with CPython's
/// RecursionError when containers nest deeper than the VM lets native code
/// recurse (a list that holds itself compared with another such list).
pub fn eq_checked(a: &Value, b: &Value) -> PyResult<bool> {
    eq_at(a, b, 0).map_err(|TooDeep| too_deep())
}

/// Containers nested past [`crate::vm::MAX_NATIVE_DEPTH`] levels.
struct TooDeep;

fn too_deep() -> PyErr {
    PyErr::new(
        crate::types::ExcKind::RecursionError,
        "maximum recursion depth exceeded in comparison",
    )
}

/// [`eq`] at nesting `depth`: each container level counts, so that cyclic
/// or absurdly deep values fail instead of exhausting the Rust stack.
fn eq_at(a: &Value, b: &Value, depth: usize) -> Result<bool, TooDeep> {
    use Value as V;
    let items_eq = |p: &Value, q: &Value| -> Result<bool, TooDeep> {
        if p.is(q) {
            return Ok(true);
        }
        if depth >= crate::vm::MAX_NATIVE_DEPTH {
            return Err(TooDeep);
        }
        eq_at(p, q, depth + 1)
    };
    let all_eq = |x: &[Value], y: &[Value]| -> Result<bool, TooDeep> {
        for (p, q) in x.iter().zip(y) {
            if !items_eq(p, q)? {
                return Ok(false);
            }
        }
        Ok(true)
    };
    Ok(match (a, b) {
        (V::Int(x), V::Int(y)) => x == y,
        (V::Str(x), V::Str(y)) => Rc::ptr_eq(x, y) || **x == **y,
        (V::Float(x), V::Float(y)) => x == y,
        (V::List(x), V::List(y)) => {
            if Rc::ptr_eq(x, y) {
                return Ok(true);
            }
            let (x, y) = (x.borrow(), y.borrow());
            x.len() == y.len() && all_eq(&x, &y)?
        }
        (V::Tuple(x), V::Tuple(y)) => x.len() == y.len() && all_eq(x, y)?,
        (V::Dict(x), V::Dict(y)) => {
            if Rc::ptr_eq(x, y) {
                return Ok(true);
            }
            let (x, y) = (x.borrow(), y.borrow());
            if x.len() != y.len() {
                return Ok(false);
            }
            for (h, k, v) in x.iter_entries() {
                match y.get_hashed(k, h) {
                    Some(w) if items_eq(v, w)? => {}
                    _ => return Ok(false),
                }
            }
            true
        }
        (V::Set(_) | V::FrozenSet(_), V::Set(_) | V::FrozenSet(_)) => crate::methods::set_eq(a, b),
        (V::DictView(v), V::Set(_) | V::FrozenSet(_) | V::DictView(_))
        | (V::Set(_) | V::FrozenSet(_), V::DictView(v))
            if v.1 != crate::iter::DictPart::Values =>
        {
            match (view_as_set(a), view_as_set(b)) {
                (Ok(Some(x)), Ok(Some(y))) => {
                    crate::methods::set_eq(&V::FrozenSet(Rc::new(x)), &V::FrozenSet(Rc::new(y)))
                }
                _ => false,
            }
        }
        (V::MemoryView(m), other) | (other, V::MemoryView(m)) => {
            crate::methods::memoryview::equal(m, other).unwrap_or(false)
        }
        (V::ByteArray(_), V::ByteArray(_) | V::Bytes(_)) | (V::Bytes(_), V::ByteArray(_)) => {
            let (x, y) = (
                crate::methods::bytearray::freeze(a),
                crate::methods::bytearray::freeze(b),
            );
            eq(&x, &y)
        }
        (V::Complex(x), _) | (_, V::Complex(x)) => {
            let other = if matches!(a, V::Complex(_)) { b } else { a };
            match other {
                V::Complex(y) => x.re == y.re && x.im == y.im,
                _ if is_number(other) => x.im == 0.0 && eq(&V::Float(x.re), other),
                _ => false,
            }
        }
        (V::Slice(x), V::Slice(y)) => all_eq(&x[..], &y[..])?,
        (V::Code(x), V::Code(y)) => x.same_as(y),
        (V::Range(x), V::Range(y)) => x.equals(y),
        _ if is_number(a) && is_number(b) => num_cmp(a, b) == Some(Ordering::Equal),
        // A mappingproxy compares as the mapping it shows
        // (`mappingproxy_richcompare`).
        (V::Descr(_), _) | (_, V::Descr(_))
            if crate::mappingproxy::target(a).is_some()
                || crate::mappingproxy::target(b).is_some() =>
        {
            let x = crate::mappingproxy::target(a).unwrap_or_else(|| a.clone());
            let y = crate::mappingproxy::target(b).unwrap_or_else(|| b.clone());
            items_eq(&x, &y)?
        }
        _ => crate::dict::key_eq(a, b),
    })
}

fn num_cmp(a: &Value, b: &Value) -> Option<Ordering> {
    match (a, b) {
        (Value::Float(x), Value::Float(y)) => x.partial_cmp(y),
        (Value::Float(x), _) => cmp_int_float(b, *x).map(Ordering::reverse),
        (_, Value::Float(y)) => cmp_int_float(a, *y),
        _ => match (int_of(a), int_of(b)) {
            (Some(x), Some(y)) => Some(x.cmp(&y)),
            _ => Some(to_bigint(a)?.cmp(&to_bigint(b)?)),
        },
    }
}

fn seq_cmp(op: CmpOp, x: &[Value], y: &[Value], depth: usize) -> PyResult<bool> {
    if depth >= crate::vm::MAX_NATIVE_DEPTH {
        return Err(too_deep());
    }
    for (p, q) in x.iter().zip(y.iter()) {
        if !(p.is(q) || eq_at(p, q, depth + 1).map_err(|TooDeep| too_deep())?) {
            return match op {
                CmpOp::Eq => Ok(false),
                CmpOp::Ne => Ok(true),
                _ => compare_at(op, p, q, depth + 1),
            };
        }
    }
    Ok(op.test(x.len().cmp(&y.len())))
}

/// A rich comparison of builtin values (`COMPARE_OP`).
pub fn compare(op: CmpOp, a: &Value, b: &Value) -> PyResult<bool> {
    compare_at(op, a, b, 0)
}

fn compare_at(op: CmpOp, a: &Value, b: &Value, depth: usize) -> PyResult<bool> {
    if let (Value::Int(x), Value::Int(y)) = (a, b) {
        return Ok(op.test(x.cmp(y)));
    }
    match op {
        CmpOp::Eq => return eq_at(a, b, depth).map_err(|TooDeep| too_deep()),
        CmpOp::Ne => return eq_at(a, b, depth).map(|e| !e).map_err(|TooDeep| too_deep()),
        _ => {}
    }
    if is_number(a) && is_number(b) {
        return Ok(num_cmp(a, b).is_some_and(|o| op.test(o)));
    }
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => Ok(op.test(x.py_cmp(y))),
        (Value::List(x), Value::List(y)) => {
            let (x, y) = (x.borrow().clone(), y.borrow().clone());
            seq_cmp(op, &x, &y, depth)
        }
        (Value::Tuple(x), Value::Tuple(y)) => seq_cmp(op, x, y, depth),
        // Slices order as the tuples of their fields (`slice_richcompare`).
        (Value::Slice(x), Value::Slice(y)) => seq_cmp(op, &x[..], &y[..], depth),
        (Value::Bytes(x), Value::Bytes(y)) => Ok(op.test(x.cmp(y))),
        (Value::ByteArray(_), Value::ByteArray(_) | Value::Bytes(_))
        | (Value::Bytes(_), Value::ByteArray(_)) => compare(
            op,
            &crate::methods::bytearray::freeze(a),
            &crate::methods::bytearray::freeze(b),
        ),
        (Value::Set(_) | Value::FrozenSet(_), Value::Set(_) | Value::FrozenSet(_)) => {
            crate::methods::set_compare(op, a, b)
        }
        // A keys or items view orders against any set-like value
        // (`dictview_richcompare`): subset and superset of their elements.
        (Value::DictView(v), Value::Set(_) | Value::FrozenSet(_) | Value::DictView(_))
        | (Value::Set(_) | Value::FrozenSet(_), Value::DictView(v))
            if v.1 != crate::iter::DictPart::Values
                && !matches!(b, Value::DictView(w) if w.1 == crate::iter::DictPart::Values) =>
        {
            view_order(op, a, b)
        }
        _ => Err(unsupported_cmp(op, a, b)),
    }
}

/// The elements of a set-like comparison operand: a keys or items view, a
/// set or a frozenset.
fn set_like_items(v: &Value) -> Vec<Value> {
    match v {
        Value::DictView(view) => {
            let dict = view.0.borrow();
            match view.1 {
                crate::iter::DictPart::Items => dict
                    .iter()
                    .map(|(k, x)| Value::tuple(vec![k.clone(), x.clone()]))
                    .collect(),
                _ => dict.keys().cloned().collect(),
            }
        }
        Value::Set(s) => s.borrow().keys().cloned().collect(),
        Value::FrozenSet(s) => s.keys().cloned().collect(),
        _ => Vec::new(),
    }
}

/// Whether `item` is an element of the set-like `container`. An items view
/// hashes only the key and compares the value (`dictitems_contains`).
fn set_like_contains(container: &Value, item: &Value) -> PyResult<bool> {
    match (container, item) {
        (Value::DictView(view), _) if view.1 == crate::iter::DictPart::Items => {
            let Value::Tuple(pair) = item else {
                return Ok(false);
            };
            let [k, x] = &pair[..] else {
                return Ok(false);
            };
            let dict = view.0.borrow();
            Ok(dict
                .get(k)?
                .is_some_and(|found| found.is(x) || eq(found, x)))
        }
        (Value::DictView(view), _) => Ok(view.0.borrow().get(item)?.is_some()),
        (Value::Set(s), _) => Ok(s.borrow().get(item)?.is_some()),
        (Value::FrozenSet(s), _) => Ok(s.get(item)?.is_some()),
        _ => Ok(false),
    }
}

/// `dictview_richcompare`'s orderings: the sizes decide first, and only then
/// is every element of the smaller operand looked up in the other (so an
/// unhashable element matters only when it is looked up).
fn view_order(op: CmpOp, a: &Value, b: &Value) -> PyResult<bool> {
    let (xs, ys) = (set_like_items(a), set_like_items(b));
    let all_in = |items: &[Value], container: &Value| -> PyResult<bool> {
        for it in items {
            if !set_like_contains(container, it)? {
                return Ok(false);
            }
        }
        Ok(true)
    };
    let (la, lb) = (xs.len(), ys.len());
    match op {
        CmpOp::Lt if la < lb => all_in(&xs, b),
        CmpOp::Le if la <= lb => all_in(&xs, b),
        CmpOp::Gt if la > lb => all_in(&ys, a),
        CmpOp::Ge if la >= lb => all_in(&ys, a),
        CmpOp::Eq if la == lb => all_in(&xs, b),
        CmpOp::Ne if la == lb => all_in(&xs, b).map(|r| !r),
        CmpOp::Ne => Ok(true),
        _ => Ok(false),
    }
}

/// The `TypeError` of an ordering no operand supports.
fn unsupported_cmp(op: CmpOp, a: &Value, b: &Value) -> PyErr {
    PyErr::type_error(format!(
        "'{}' not supported between instances of '{}' and '{}'",
        op.symbol(),
        type_name(a),
        type_name(b)
    ))
}

/// `-x`, `+x`, `~x`.
pub fn unary(op: char, v: &Value) -> PyResult<Value> {
    let bad = || {
        PyErr::type_error(format!(
            "bad operand type for unary {}: '{}'",
            op,
            type_name(v)
        ))
    };
    Ok(match (op, v) {
        ('-', Value::Int(i)) => i
            .checked_neg()
            .map_or_else(|| Value::from_bigint(-BigInt::from(*i)), Value::Int),
        ('-', Value::Bool(b)) => Value::Int(-i64::from(*b)),
        ('-', Value::BigInt(b)) => Value::from_bigint(-(**b).clone()),
        ('-', Value::Float(f)) => Value::Float(-f),
        ('-', Value::Complex(c)) => crate::complex::Complex::new(-c.re, -c.im).value(),
        ('+', Value::Complex(_)) => v.clone(),
        ('+', Value::Int(_) | Value::BigInt(_) | Value::Float(_)) => v.clone(),
        ('+', Value::Bool(b)) => Value::Int(i64::from(*b)),
        ('~', Value::Int(i)) => Value::Int(!i),
        ('~', Value::Bool(b)) => Value::Int(!i64::from(*b)),
        ('~', Value::BigInt(b)) => Value::from_bigint(-(**b).clone() - 1),
        _ => return Err(bad()),
    })
}

/// The exact `i64` of an int or bool, `None` past `Py_ssize_t` (where
/// [`index_of`] saturates) or for any other value.
pub fn exact_index(v: &Value) -> Option<i64> {
    match v {
        Value::BigInt(b) => b.to_i64(),
        _ => index_of(v),
    }
}

/// Converts an index value (int or bool) to `i64`, for subscripts; a
/// big int saturates.
pub fn index_of(v: &Value) -> Option<i64> {
    match v {
        Value::Int(i) => Some(*i),
        Value::Bool(b) => Some(i64::from(*b)),
        Value::BigInt(b) => Some(if b.is_negative() { i64::MIN } else { i64::MAX }),
        _ => None,
    }
}
