//! `sys`: CPython's `Python/sysmodule.c`.

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::types::{type_name, ExcKind};
use crate::value::Value;
use crate::vm::Vm;

use super::{module_functions, new_module};

module_functions!(SYS_FUNCTIONS, "sys", [
    "getrecursionlimit" => s_getrecursionlimit, "setrecursionlimit" => s_setrecursionlimit,
    "exit" => s_exit,
]);

/// Builds the `sys` module.
pub fn init(vm: &mut Vm) -> Value {
    new_module(
        "sys",
        SYS_FUNCTIONS,
        vec![
            ("maxsize", Value::Int(i64::MAX)),
            (
                "argv",
                Value::list(vm.argv.iter().map(|a| Value::str(a)).collect()),
            ),
            ("byteorder", Value::str("little")),
            ("platform", Value::str("linux")),
            (
                "version_info",
                Value::tuple(vec![
                    Value::Int(3),
                    Value::Int(11),
                    Value::Int(7),
                    Value::str("final"),
                    Value::Int(0),
                ]),
            ),
        ],
    )
}

fn s_getrecursionlimit(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    a.no_kw("getrecursionlimit")?;
    Ok(Value::Int(vm.recursion_limit() as i64))
}

fn s_setrecursionlimit(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    a.no_kw("setrecursionlimit")?;
    let n = match a.pos {
        [Value::Int(n)] => *n,
        [other] => {
            return Err(PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                type_name(other)
            )))
        }
        _ => {
            return Err(PyErr::type_error(format!(
                "setrecursionlimit() takes exactly one argument ({} given)",
                a.pos.len()
            )))
        }
    };
    if n < 1 {
        return Err(PyErr::value_error(
            "recursion limit must be greater or equal than 1",
        ));
    }
    vm.set_recursion_limit(usize::try_from(n).unwrap_or(usize::MAX));
    Ok(Value::None)
}

fn s_exit(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    a.no_kw("exit")?;
    Err(PyErr::with_args(
        ExcKind::SystemExit,
        a.pos.iter().take(1).cloned().collect(),
    ))
}
