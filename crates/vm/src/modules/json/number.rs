//! `_match_number_unicode`: a JSON number, made by `int`/`float` directly
//! or handed as text to the decoder's `parse_int`/`parse_float`.

use crate::exc::PyResult;
use crate::value::Value;
use crate::vm::Vm;

use super::decode_error::ScanErr;
use super::scanner::Hooks;
use super::text::Text;

fn digits_from(t: &Text<'_>, mut i: usize) -> usize {
    while t.at(i).is_ascii_digit() {
        i += 1;
    }
    i
}

/// Scans the number at byte `start`; `StopIteration` if there is none.
pub(super) fn scan(
    vm: &mut Vm,
    h: &Hooks,
    t: &Text<'_>,
    start: usize,
) -> Result<(Value, usize), ScanErr> {
    let len = t.b.len();
    let mut idx = start;
    if t.at(idx) == b'-' {
        idx += 1;
        if idx >= len {
            return Err(ScanErr::Stop(start));
        }
    }
    match t.at(idx) {
        b'1'..=b'9' => idx = digits_from(t, idx + 1),
        b'0' => idx += 1,
        _ => return Err(ScanErr::Stop(start)),
    }
    let mut is_float = false;
    // A fraction needs a digit after the point.
    if idx + 1 < len && t.at(idx) == b'.' && t.at(idx + 1).is_ascii_digit() {
        is_float = true;
        idx = digits_from(t, idx + 2);
    }
    // An exponent needs a digit, else the number ends before the `e`.
    if idx + 1 < len && matches!(t.at(idx), b'e' | b'E') {
        let e_start = idx;
        idx += 1;
        if idx + 1 < len && matches!(t.at(idx), b'-' | b'+') {
            idx += 1;
        }
        idx = digits_from(t, idx);
        if t.at(idx - 1).is_ascii_digit() {
            is_float = true;
        } else {
            idx = e_start;
        }
    }
    let text = t.str_at(start, idx);
    let custom = if is_float {
        &h.parse_float
    } else {
        &h.parse_int
    };
    let v = match custom {
        Some(f) => vm.call(f, &[Value::str(text)])?,
        None if is_float => Value::Float(text.parse::<f64>().unwrap_or(f64::NAN)),
        None => int_of(text)?,
    };
    Ok((v, idx))
}

/// `int(text)` of an optionally signed run of decimal digits.
fn int_of(text: &str) -> PyResult<Value> {
    if text.len() <= 18 {
        if let Ok(i) = text.parse::<i64>() {
            return Ok(Value::Int(i));
        }
    }
    crate::format::check_int_parse_digits(text, 10)?;
    let n = num_bigint::BigInt::parse_bytes(text.as_bytes(), 10).unwrap_or_default();
    Ok(Value::from_bigint(n))
}
