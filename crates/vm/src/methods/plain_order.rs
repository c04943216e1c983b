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

/// The stable order of `keys` (ascending, or descending with equal keys
/// kept in their first order, as `reverse=True` sorts), as a permutation
/// of their indices; `None` when some pair of keys needs the general path.
pub(crate) fn plain_sort(keys: &[Value], reverse: bool) -> Option<Vec<usize>> {
    let plain_kind = |v: &Value| {
        matches!(
            v,
            Value::Int(_) | Value::Bool(_) | Value::Float(_) | Value::Str(_) | Value::Tuple(_)
        )
    };
    if !keys.iter().all(plain_kind) {
        return None;
    }
    let mut idx: Vec<usize> = (0..keys.len()).collect();
    let mut plain = true;
    let mut order = |a: &usize, b: &usize| match plain_cmp(&keys[*a], &keys[*b]) {
        Some(o) => o,
        None => {
            plain = false;
            Ordering::Equal
        }
    };
    if reverse {
        idx.sort_by(|a, b| order(b, a));
    } else {
        idx.sort_by(&mut order);
    }
    plain.then_some(idx)
}
