//! `_operator._compare_digest` (what `hmac.compare_digest` and `secrets`
//! use): equality of two ASCII strs or two bytes-like objects, looking at
//! every byte whatever the first difference, so the time does not reveal it.

use crate::buffer::exported_bytes;
use crate::exc::{PyErr, PyResult};
use crate::func::{Args, BuiltinDef};
use crate::native::positional;
use crate::types::type_name;
use crate::value::Value;
use crate::vm::Vm;

/// The builtin function object, put in `_operator` by its `init`.
pub static COMPARE_DIGEST: BuiltinDef = BuiltinDef {
    name: "_compare_digest",
    func: compare_digest,
    owner: "_operator",
    is_method: false,
};

fn compare_digest(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let [x, y] = positional(&a, "_compare_digest", 2, 2)? else {
        return Err(PyErr::type_error("_compare_digest expected 2 arguments"));
    };
    // A str subclass's instance is compared by its text (its `__eq__` is
    // not asked).
    let text = |v: &'_ Value| match crate::instance::payload_of(v) {
        Some(p @ Value::Str(_)) => p.clone(),
        _ => v.clone(),
    };
    let (tx, ty) = (text(x), text(y));
    let (l, r) = match (&tx, &ty) {
        (Value::Str(l), Value::Str(r)) => {
            if !l.is_ascii() || !r.is_ascii() {
                return Err(PyErr::type_error(
                    "comparing strings with non-ASCII characters is not supported",
                ));
            }
            (
                l.as_str().as_bytes().to_vec(),
                r.as_str().as_bytes().to_vec(),
            )
        }
        (Value::Str(_), other) | (other, Value::Str(_)) => {
            return Err(PyErr::type_error(format!(
                "a bytes-like object is required, not '{}'",
                type_name(
                    if matches!(tx, Value::Str(_)) && exported_bytes(other).is_some() {
                        x
                    } else {
                        y
                    }
                )
            )))
        }
        _ => match (exported_bytes(x), exported_bytes(y)) {
            (Some(l), Some(r)) => (l?, r?),
            _ => {
                return Err(PyErr::type_error(format!(
                    "unsupported operand types(s) or combination of types: '{}' and '{}'",
                    type_name(x),
                    type_name(y)
                )))
            }
        },
    };
    let mut diff = u8::from(l.len() != r.len());
    for (i, b) in r.iter().enumerate() {
        diff |= l.get(i).copied().unwrap_or(!b) ^ b;
    }
    Ok(Value::Bool(diff == 0))
}
