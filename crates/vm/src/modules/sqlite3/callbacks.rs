//! The Python side of SQLite's callbacks: user functions, aggregates,
//! collations, the authorizer, the progress handler and the trace
//! callback. `raw.rs` decodes SQLite's arguments and calls these with the
//! VM; an exception never crosses back into SQLite: it becomes an SQL
//! error (or a denial) and, with `enable_callback_tracebacks(True)`, is
//! reported through `sys.unraisablehook` as CPython's
//! `print_or_clear_traceback` does.

use crate::exc::PyErr;
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::Vm;

use super::adapters::{result_of, to_py};
use super::raw::{FnResult, SqlValue};
use super::state;

/// Reports (or drops) an exception raised by callback `obj`.
fn report(vm: &mut Vm, obj: &Value, e: &PyErr) {
    if state(vm).tracebacks.get() {
        vm.unraisable(None, obj, e);
    }
}

/// The SQL error for an exception: `MemoryError` and `OverflowError` map
/// to SQLite's own codes, anything else to `msg`.
fn sql_error(vm: &mut Vm, obj: &Value, e: &PyErr, msg: &str) -> FnResult {
    let r = if e.is(ExcKind::MemoryError) {
        FnResult::NoMem
    } else if e.is(ExcKind::OverflowError) {
        FnResult::TooBig
    } else {
        FnResult::Error(msg.to_string())
    };
    report(vm, obj, e);
    r
}

fn py_args(args: Vec<SqlValue>) -> Result<Vec<Value>, PyErr> {
    args.into_iter().map(to_py).collect()
}

/// A scalar function call.
pub(super) fn call_function(vm: &mut Vm, callable: &Value, args: Vec<SqlValue>) -> FnResult {
    const MSG: &str = "user-defined function raised exception";
    let r = py_args(args).and_then(|a| vm.call(callable, &a));
    set_result(vm, callable, r, MSG)
}

/// The SQL result of a callback's return value (or exception).
fn set_result(vm: &mut Vm, obj: &Value, r: Result<Value, PyErr>, msg: &str) -> FnResult {
    match r.map(|v| result_of(&v)) {
        Ok(Some(Ok(v))) => FnResult::Value(v),
        Ok(None) => FnResult::Error(msg.into()),
        Ok(Some(Err(e))) | Err(e) => sql_error(vm, obj, &e, msg),
    }
}

/// One step of an aggregate: makes the instance on the first row. An
/// error is returned for SQLite to report.
pub(super) fn aggregate_step(
    vm: &mut Vm,
    class: &Value,
    inst: &mut Option<Value>,
    args: Vec<SqlValue>,
) -> Option<FnResult> {
    if inst.is_none() {
        match vm.call(class, &[]) {
            Ok(v) => *inst = Some(v),
            Err(e) => {
                return Some(sql_error(
                    vm,
                    class,
                    &e,
                    "user-defined aggregate's '__init__' method raised error",
                ))
            }
        }
    }
    let obj = inst.clone().unwrap_or(Value::None);
    let name = vm.intern("step");
    let step = match vm.get_attr(&obj, &name) {
        Ok(f) => f,
        Err(e) => {
            let msg = if e.is(ExcKind::AttributeError) {
                "user-defined aggregate's 'step' method not defined"
            } else {
                "user-defined aggregate's 'step' method raised error"
            };
            return Some(sql_error(vm, class, &e, msg));
        }
    };
    match py_args(args).and_then(|a| vm.call(&step, &a)) {
        Ok(_) => None,
        Err(e) => Some(sql_error(
            vm,
            class,
            &e,
            "user-defined aggregate's 'step' method raised error",
        )),
    }
}

/// The end of an aggregate: `finalize()` of the instance (none if no
/// step made one, whose result is `NULL`).
pub(super) fn aggregate_final(vm: &mut Vm, inst: Option<Value>) -> FnResult {
    const MSG: &str = "user-defined aggregate's 'finalize' method raised error";
    let Some(obj) = inst else {
        return FnResult::Value(SqlValue::Null);
    };
    let name = vm.intern("finalize");
    let cls = Value::Type(crate::types::type_of(&obj));
    let f = match vm.get_attr(&obj, &name) {
        Ok(f) => f,
        Err(e) => {
            let msg = if e.is(ExcKind::AttributeError) {
                "user-defined aggregate's 'finalize' method not defined"
            } else {
                MSG
            };
            return sql_error(vm, &cls, &e, msg);
        }
    };
    let r = vm.call(&f, &[]);
    set_result(vm, &cls, r, MSG)
}

/// `inverse(*args)` of a window aggregate.
pub(super) fn window_inverse(
    vm: &mut Vm,
    class: &Value,
    inst: Option<Value>,
    args: Vec<SqlValue>,
) -> Option<FnResult> {
    let obj = inst.unwrap_or(Value::None);
    let name = vm.intern("inverse");
    let f = match vm.get_attr(&obj, &name) {
        Ok(f) => f,
        Err(e) => {
            return Some(sql_error(
                vm,
                class,
                &e,
                "user-defined aggregate's 'inverse' method not defined",
            ))
        }
    };
    match py_args(args).and_then(|a| vm.call(&f, &a)) {
        Ok(_) => None,
        Err(e) => Some(sql_error(
            vm,
            class,
            &e,
            "user-defined aggregate's 'inverse' method raised error",
        )),
    }
}

/// `value()` of a window aggregate: the current value of the window.
pub(super) fn window_value(vm: &mut Vm, class: &Value, inst: Option<Value>) -> FnResult {
    let obj = inst.unwrap_or(Value::None);
    let name = vm.intern("value");
    let r = vm.get_attr(&obj, &name).and_then(|f| vm.call(&f, &[]));
    match r {
        Err(e) => {
            let msg = if e.is(ExcKind::AttributeError) {
                "user-defined aggregate's 'value' method not defined"
            } else {
                "user-defined aggregate's 'value' method raised error"
            };
            sql_error(vm, class, &e, msg)
        }
        Ok(v) => set_result(
            vm,
            class,
            Ok(v),
            "unable to set result from user-defined aggregate's 'value' method",
        ),
    }
}

/// A collation comparison: the sign of the callable's result; 0 when it
/// fails or returns something that is not an int.
pub(super) fn collate(vm: &mut Vm, callable: &Value, a: &[u8], b: &[u8]) -> i32 {
    let a = Value::string(String::from_utf8_lossy(a).into_owned());
    let b = Value::string(String::from_utf8_lossy(b).into_owned());
    match vm.call(callable, &[a, b]) {
        Ok(Value::Int(n)) => n.signum() as i32,
        Ok(Value::Bool(x)) => i32::from(x),
        Ok(Value::BigInt(n)) => {
            if n.sign() == num_bigint::Sign::Minus {
                -1
            } else {
                1
            }
        }
        Ok(_) => 0,
        Err(e) => {
            report(vm, callable, &e);
            0
        }
    }
}

/// The authorizer: its int result, `SQLITE_DENY` on error or a non-int.
pub(super) fn authorize(
    vm: &mut Vm,
    callable: &Value,
    action: i32,
    args: [Option<String>; 4],
) -> i32 {
    const DENY: i32 = 1;
    let mut a = vec![Value::Int(i64::from(action))];
    a.extend(
        args.into_iter()
            .map(|s| s.map_or(Value::None, Value::string)),
    );
    match vm.call(callable, &a) {
        Ok(Value::Int(n)) => i32::try_from(n).unwrap_or(DENY),
        Ok(Value::Bool(b)) => i32::from(b),
        Ok(_) => DENY,
        Err(e) => {
            report(vm, callable, &e);
            DENY
        }
    }
}

/// The progress handler: non-zero (true) aborts the statement.
pub(super) fn progress(vm: &mut Vm, callable: &Value) -> i32 {
    match vm.call(callable, &[]).and_then(|v| vm.truthy(&v)) {
        Ok(b) => i32::from(b),
        Err(e) => {
            report(vm, callable, &e);
            -1
        }
    }
}

/// The trace callback, given each statement's SQL as it starts; when its
/// expansion (bound values in place) failed, the unexpanded SQL after a
/// reported `DataError`, as CPython.
pub(super) fn trace(vm: &mut Vm, callable: &Value, sql: String, expanded: bool) {
    if !expanded {
        let e = super::errors::raise(
            &state(vm).errors.data,
            "Expanded SQL string exceeds the maximum string length",
        );
        report(vm, callable, &e);
    }
    if let Err(e) = vm.call(callable, &[Value::string(sql)]) {
        report(vm, callable, &e);
    }
}
