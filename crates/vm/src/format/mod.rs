//! Formatting of the builtin types: the format-spec mini-language (`format()`,
//! f-strings, `str.format`), `%`-formatting of str and bytes, and the codecs
//! behind `str.encode` and `bytes.decode`.

pub mod codecs;
pub(crate) mod number;
mod percent;
pub(crate) mod spec;
mod strformat;

pub use number::{float_digits, FloatStyle};
pub use percent::{bytes_percent_format, percent_format};
pub use spec::Spec;

/// Appends `body` padded to the spec's width and alignment.
pub fn pad(out: &mut String, body: &str, spec: &Spec) {
    spec::pad_into(out, body, body.chars().count(), spec);
}
pub use strformat::{str_format, Kwargs};

use crate::exc::{PyErr, PyResult};
use crate::repr::to_str;
use crate::types::type_name;
use crate::value::Value;

/// `format(v, spec)` for builtin values.
pub fn format_value(v: &Value, spec: &str) -> PyResult<String> {
    match v {
        Value::Int(_) | Value::BigInt(_) => number::format_int(v, &Spec::parse(spec, v, '>')?),
        Value::Bool(_) => {
            if spec.is_empty() {
                return Ok(to_str(v));
            }
            number::format_int(v, &Spec::parse(spec, v, '>')?)
        }
        Value::Float(f) => number::format_float(*f, &Spec::parse(spec, v, '>')?),
        Value::Complex(c) => crate::complex::format(c, spec),
        Value::Str(s) => {
            if spec.is_empty() {
                return Ok(s.as_str().to_string());
            }
            spec::format_str(s.as_str(), &Spec::parse(spec, v, '<')?)
        }
        _ => {
            if spec.is_empty() {
                return Ok(to_str(v));
            }
            Err(PyErr::type_error(format!(
                "unsupported format string passed to {}.__format__",
                type_name(v)
            )))
        }
    }
}

/// `format(v, spec)` from code that has the VM (str.format, f-strings): builtin
/// values are formatted here, anything else through `str()` when the spec is empty.
pub fn format_value_vm(vm: &mut crate::vm::Vm, v: &Value, spec: &str) -> PyResult<String> {
    if crate::attr::is_heap_object(v) {
        return vm.format_of(v, spec);
    }
    if spec.is_empty() && !matches!(v, Value::Str(_) | Value::Int(_) | Value::Float(_)) {
        return vm.str_of(v);
    }
    format_value(v, spec)
}

/// CPython 3.11's default `sys.int_info.default_max_str_digits`.
pub const INT_MAX_STR_DIGITS: usize = 4300;

thread_local! {
    static MAX_STR_DIGITS: std::cell::Cell<usize> = const { std::cell::Cell::new(INT_MAX_STR_DIGITS) };
}

/// `sys.get_int_max_str_digits()` (0: no limit).
pub fn int_max_str_digits() -> usize {
    MAX_STR_DIGITS.with(std::cell::Cell::get)
}

/// `sys.set_int_max_str_digits()` (the caller checks the value).
pub fn set_int_max_str_digits(n: usize) {
    MAX_STR_DIGITS.with(|c| c.set(n));
}

/// `int(text, base)` refuses more than the limit's digits in a base that is
/// not a power of two.
pub fn check_int_parse_digits(text: &str, base: u32) -> PyResult<()> {
    let limit = int_max_str_digits();
    if limit == 0 || base.is_power_of_two() || text.len() <= limit {
        return Ok(());
    }
    // As CPython: the run of digits after the sign counts; what follows it,
    // valid or not, is judged after this check.
    let body = text.trim_start().trim_start_matches(['+', '-']);
    let radix = if base == 0 { 10 } else { base };
    let n = body
        .chars()
        .take_while(|&c| c == '_' || c.is_digit(radix))
        .filter(|&c| c != '_')
        .count();
    if n > limit {
        return Err(PyErr::value_error(format!(
            "Exceeds the limit ({limit} digits) for integer string conversion: value has {n} digits; use sys.set_int_max_str_digits() to increase the limit"
        )));
    }
    Ok(())
}

/// A decimal rendering of `n` digits of an int is refused past the limit
/// (for callers that have the digits already).
pub fn check_decimal_digits(n: usize) -> PyResult<()> {
    let limit = int_max_str_digits();
    if limit > 0 && n > limit {
        return Err(PyErr::value_error(format!(
            "Exceeds the limit ({limit} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
        )));
    }
    Ok(())
}

/// `str(int)` refuses to produce more decimal digits than the limit.
pub fn check_int_str(v: &Value) -> PyResult<()> {
    let limit = int_max_str_digits();
    if let (Value::BigInt(b), true) = (v, limit > 0) {
        // `limit` digits need more than 3.3 bits each; below that no check is needed.
        if b.bits() > 3 * limit as u64 && b.magnitude().to_str_radix(10).len() > limit {
            return Err(PyErr::value_error(format!(
                "Exceeds the limit ({limit} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
            )));
        }
    }
    Ok(())
}
