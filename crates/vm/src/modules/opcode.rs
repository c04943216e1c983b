//! `_opcode`: CPython's `Modules/_opcode.c`, `stack_effect` (which
//! `dis.stack_effect` re-exports) computed from pith-bytecode's opcode
//! table, the same table the compiler books its stack depth with.

use pith_bytecode::opcode::{Opcode, HAVE_ARGUMENT};

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::value::Value;
use crate::vm::Vm;

use super::cint::{as_c_int, as_c_long};
use super::{module_functions, new_module};

module_functions!(OPCODE_FUNCTIONS, "_opcode", [
    "stack_effect" => stack_effect,
    "get_specialization_stats" => get_specialization_stats,
]);

/// Builds the `_opcode` module.
pub fn init(_vm: &mut Vm) -> Value {
    new_module("_opcode", OPCODE_FUNCTIONS, Vec::new())
}

fn value_error(msg: &str) -> PyErr {
    PyErr::value_error(msg)
}

/// `stack_effect(opcode, oparg=None, /, *, jump=None)`.
fn stack_effect(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let total = a.pos.len() + a.kwnames.len();
    if total > 3 {
        return Err(PyErr::type_error(format!(
            "stack_effect() takes at most 3 arguments ({total} given)"
        )));
    }
    if a.pos.len() > 2 {
        return Err(PyErr::type_error(format!(
            "stack_effect() takes at most 2 positional arguments ({} given)",
            a.pos.len()
        )));
    }
    let Some(op) = a.pos.first() else {
        return Err(PyErr::type_error(
            "stack_effect() takes at least 1 positional argument (0 given)",
        ));
    };
    let mut jump = &Value::None;
    for (k, v) in a.kwnames.iter().zip(a.kwvals) {
        match k {
            Value::Str(s) if s.as_str() == "jump" => jump = v,
            Value::Str(s) => {
                return Err(PyErr::type_error(format!(
                    "'{}' is an invalid keyword argument for stack_effect()",
                    s.as_str()
                )))
            }
            _ => return Err(PyErr::type_error("keywords must be strings")),
        }
    }
    let opcode = as_c_int(vm, op)?;
    let oparg = a.pos.get(1).unwrap_or(&Value::None);
    // HAS_ARG judges the raw number, as 3.11's macro does.
    let oparg = if opcode >= i32::from(HAVE_ARGUMENT) {
        if matches!(oparg, Value::None) {
            return Err(value_error(
                "stack_effect: opcode requires oparg but oparg was not specified",
            ));
        }
        // CPython casts the C long to int, wrapping as C does.
        as_c_long(vm, oparg)? as i32
    } else {
        if !matches!(oparg, Value::None) {
            return Err(value_error(
                "stack_effect: opcode does not permit oparg but oparg was specified",
            ));
        }
        0
    };
    let jump = match jump {
        Value::None => None,
        Value::Bool(b) => Some(*b),
        _ => {
            return Err(value_error(
                "stack_effect: jump must be False, True or None",
            ))
        }
    };
    let effect = u8::try_from(opcode)
        .ok()
        .and_then(Opcode::from_u8)
        .and_then(|op| op.stack_effect(oparg, jump));
    match effect {
        Some(e) => Ok(Value::Int(i64::from(e))),
        None => Err(value_error("invalid opcode or oparg")),
    }
}

/// `get_specialization_stats()`: `None`, as a CPython built without
/// `Py_STATS` reports (Pith keeps no specialization statistics).
fn get_specialization_stats(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    crate::native::positional(&a, "get_specialization_stats", 0, 0)?;
    Ok(Value::None)
}
