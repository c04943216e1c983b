//! Sorting keys whose order needs no Python code: ints, bools, floats, strs
//! and tuples of them. CPython's `list.sort` has the same shortcut
//! (`unsafe_long_compare`, `unsafe_latin_compare`, `unsafe_tuple_compare`):
//! when the keys are of such types, comparing them cannot run a special
//! method or raise, so the sort is a Rust sort.

use std::cmp::Ordering;

use crate::value::Value;

/// The order of two keys as Python's `<` decides it, when it is decided
/// without Python code: `None` for any other pair (mixed kinds, NaNs,
/// objects), which sends the whole sort down the general path.
fn plain_cmp(a: &Value, b: &Value) -> Option<Ordering> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Some(x.cmp(y)),
        (Value::Bool(x), Value::Bool(y)) => Some(x.cmp(y)),
        (Value::Int(x), Value::Bool(y)) => Some(x.cmp(&i64::from(*y))),
        (Value::Bool(x), Value::Int(y)) => Some(i64::from(*x).cmp(y)),
        (Value::Float(x), Value::Float(y)) => x.partial_cmp(y),
        (Value::Str(x), Value::Str(y)) => Some(x.py_cmp(y)),
        (Value::Tuple(x), Value::Tuple(y)) => {
            for (p, q) in x.iter().zip(y.iter()) {
                match plain_cmp(p, q)? {
                    Ordering::Equal => {}
                    unequal => return Some(unequal),
                }
            }
            Some(x.len().cmp(&y.len()))
        }
        _ => None,
    }
}

/// The class of keys a plain key belongs to: keys of one class always
/// compare without Python code, so `plain_cmp` is a total order on them.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Ints and bools.
    Int,
    /// Floats other than NaN.
    Float,
    Str,
}

fn class_of(v: &Value) -> Option<Class> {
    match v {
        Value::Int(_) | Value::Bool(_) => Some(Class::Int),
        Value::Float(f) if !f.is_nan() => Some(Class::Float),
        Value::Str(_) => Some(Class::Str),
        _ => None,
    }
}

/// Whether `plain_cmp` orders `keys` totally: all of one class, or all
/// tuples whose items at each position are of one class. Anything else
/// (mixed kinds, NaNs, nested tuples) takes the general path, since a
/// Rust sort given an inconsistent order may panic.
fn totally_ordered(keys: &[Value]) -> bool {
    let Some(first) = keys.first() else {
        return true;
    };
    if let Some(class) = class_of(first) {
        return keys.iter().all(|k| class_of(k) == Some(class));
    }
    let mut columns: Vec<Class> = Vec::new();
    keys.iter().all(|k| {
        let Value::Tuple(items) = k else {
            return false;
        };
        items.iter().enumerate().all(|(i, item)| {
            let Some(class) = class_of(item) else {
                return false;
            };
            match columns.get(i) {
                Some(c) => *c == class,
                None => {
                    columns.push(class);
                    true
                }
            }
        })
    })
}

/// The stable order of `keys` (ascending, or descending with equal keys
/// kept in their first order, as `reverse=True` sorts), as a permutation
/// of their indices; `None` when some pair of keys needs the general path.
pub(crate) fn plain_sort(keys: &[Value], reverse: bool) -> Option<Vec<usize>> {
    if !totally_ordered(keys) {
        return None;
    }
    let mut idx: Vec<usize> = (0..keys.len()).collect();
    // `totally_ordered` leaves no pair `plain_cmp` cannot order.
    let order = |a: &usize, b: &usize| plain_cmp(&keys[*a], &keys[*b]).unwrap_or(Ordering::Equal);
    if reverse {
        idx.sort_by(|a, b| order(b, a));
    } else {
        idx.sort_by(order);
    }
    Some(idx)
}
