//! `errno`: CPython's `Modules/errnomodule.c`, the error numbers of the
//! platform (Linux) and `errorcode`, from the generated `errno_table.rs`.

use crate::dict::Dict;
use crate::value::Value;
use crate::vm::Vm;

use super::errno_table::ERRNO;
use super::new_module;

/// Builds the `errno` module.
pub fn init(_vm: &mut Vm) -> Value {
    let mut codes = Dict::new();
    let mut extra: Vec<(&str, Value)> = Vec::with_capacity(ERRNO.len() + 1);
    for &(name, value) in ERRNO {
        extra.push((name, Value::Int(value)));
        // The first name of a value is its canonical one (aliases follow it).
        let key = Value::Int(value);
        if !matches!(codes.get(&key), Ok(Some(_))) {
            let _ = codes.insert(key, Value::str(name));
        }
    }
    extra.push(("errorcode", Value::dict(codes)));
    new_module("errno", &[], extra)
}
