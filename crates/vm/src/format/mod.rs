//! Formatting of the builtin types: the format-spec mini-language (`format()`,
//! f-strings, `str.format`), `%`-formatting of str and bytes, and the codecs
//! behind `str.encode` and `bytes.decode`.

pub mod codecs;
mod number;
mod percent;
mod spec;
mod strformat;

pub use number::{float_digits, FloatStyle};
pub use percent::{bytes_percent_format, percent_format};
pub use spec::Spec;
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
    if spec.is_empty() && !matches!(v, Value::Str(_) | Value::Int(_) | Value::Float(_)) {
        return vm.str_of(v);
    }
    format_value(v, spec)
}
