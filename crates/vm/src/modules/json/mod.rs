//! `_json`: CPython's `Modules/_json.c`, the accelerator `json` imports when it
//! can: `scanstring`, `encode_basestring`, `encode_basestring_ascii`, and the
//! classes `make_scanner` (`_json.Scanner`) and `make_encoder`
//! (`_json.Encoder`).
//!
//! It is native, rather than left to `json`'s pure-Python fallbacks, because
//! CPython's test suite (`test.test_json`) runs every test against `_json`,
//! and because the Python scanner and encoder cost an interpreted call per
//! JSON value. Both walks here are loops over an explicit stack, never Rust
//! recursion per nesting level; each level still counts against the
//! recursion limit as CPython's `Py_EnterRecursiveCall` does.

/// A read-only member of a `_json` class: a `PropSpec` whose getter borrows
/// the receiver's native state `$state` (checked to be a `$class` object)
/// and maps it to a value with `$f`.
macro_rules! json_member {
    ($state:ty, $class:literal, $short:literal, $id:ident, $name:literal, $f:expr) => {{
        fn get(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
            let state = receiver::<$state>(&a, $class, $name)?;
            let state = state.borrow();
            let f: fn(&$state) -> Value = $f;
            Ok(f(&state))
        }
        native_fn!($id, $name, $short, get);
        PropSpec {
            name: $name,
            get: &$id,
            set: None,
        }
    }};
}

mod decode_error;
mod encoder;
mod escape;
mod levels;
mod number;
mod output;
mod scanner;
mod scanstring;
mod text;
mod walk;

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::native::class_of;
use crate::types::type_name;
use crate::value::Value;
use crate::vm::Vm;

use super::new_module;

super::module_functions!(JSON_FUNCTIONS, "_json", [
    "encode_basestring_ascii" => encode_basestring_ascii,
    "encode_basestring" => encode_basestring,
    "scanstring" => py_scanstring,
]);

/// Builds the `_json` module.
pub fn init(vm: &mut Vm) -> Value {
    let scanner = Value::Type(class_of(vm, &scanner::SCANNER));
    let encoder = Value::Type(class_of(vm, &encoder::ENCODER));
    new_module(
        "_json",
        JSON_FUNCTIONS,
        vec![
            ("__doc__", Value::str("json speedups\n")),
            ("make_scanner", scanner),
            ("make_encoder", encoder),
        ],
    )
}

/// The text of a str argument (a str subclass reads as its value), or
/// `_json.c`'s TypeError.
fn str_arg(v: &Value) -> PyResult<&std::rc::Rc<crate::value::StrObj>> {
    match crate::instance::payload_of(v).unwrap_or(v) {
        Value::Str(s) => Ok(s),
        _ => Err(PyErr::type_error(format!(
            "first argument must be a string, not {}",
            type_name(v)
        ))),
    }
}

/// The one argument of a `METH_O` function, with CPython's messages.
fn one_arg<'a>(a: &Args<'a>, name: &str) -> PyResult<&'a Value> {
    if !a.kwnames.is_empty() {
        return Err(PyErr::type_error(format!(
            "_json.{name}() takes no keyword arguments"
        )));
    }
    match a.pos {
        [v] => Ok(v),
        _ => Err(PyErr::type_error(format!(
            "_json.{name}() takes exactly one argument ({} given)",
            a.pos.len()
        ))),
    }
}

fn encode_basestring_ascii(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = str_arg(one_arg(&a, "encode_basestring_ascii")?)?;
    let mut out = String::with_capacity(s.as_str().len() + 2);
    escape::ascii(&mut out, s);
    Ok(Value::string(out))
}

fn encode_basestring(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = str_arg(one_arg(&a, "encode_basestring")?)?;
    Ok(escape::unicode(s))
}

/// `scanstring(string, end, strict=True)`: positional only, `strict` an int
/// as `_json.c`'s `"On|i:scanstring"` reads it.
fn py_scanstring(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    if !a.kwnames.is_empty() {
        return Err(PyErr::type_error("scanstring() takes no keyword arguments"));
    }
    let n = a.pos.len();
    if !(2..=3).contains(&n) {
        let msg = if n < 2 {
            format!("scanstring() takes at least 2 arguments ({n} given)")
        } else {
            format!("scanstring() takes at most 3 arguments ({n} given)")
        };
        return Err(PyErr::type_error(msg));
    }
    let end = ssize_arg(vm, &a.pos[1])?;
    let strict = match a.pos.get(2) {
        Some(v) => int_flag(vm, v)?,
        None => true,
    };
    let s = str_arg(&a.pos[0])?.clone();
    let t = text::Text::new(&s, &a.pos[0]);
    if end < 0 || end as usize > s.char_len() {
        return Err(PyErr::value_error("end is out of bounds"));
    }
    let end_b = t.byte_of(end as usize);
    match scanstring::scan(&t, end_b, strict) {
        Ok((found, next)) => {
            let v = found.into_value(&t);
            Ok(Value::tuple(vec![v, Value::Int(t.char_index(next) as i64)]))
        }
        Err(e) => Err(e.into_pyerr(vm, &t)),
    }
}

/// A `Py_ssize_t` argument (`"n"`): anything with `__index__`, in range.
fn ssize_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let too_big = || PyErr::overflow("Python int too large to convert to C ssize_t");
    if let Value::BigInt(_) = v {
        return Err(too_big());
    }
    let i = vm.index_value(v)?;
    // `index_value` saturates an `__index__` result that does not fit.
    if i == i64::MIN || i == i64::MAX {
        if let Some(Value::BigInt(_)) = crate::instance::payload_of(v) {
            return Err(too_big());
        }
    }
    Ok(i)
}

/// A C `int` flag (`"i"`): an index, true unless zero.
fn int_flag(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    if matches!(v, Value::Float(_)) {
        return Err(PyErr::type_error(
            "'float' object cannot be interpreted as an integer",
        ));
    }
    Ok(ssize_arg(vm, v)? != 0)
}
