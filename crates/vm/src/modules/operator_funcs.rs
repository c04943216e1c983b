//! The plain functions of `_operator` (CPython's `Modules/_operator.c`):
//! `add`, `lt`, `getitem`, `not_`, `countOf`, `call`, ... Each is the
//! operator's protocol call, with the argument checks and messages of the C
//! functions; `operator.py` star-imports them over its Python definitions.

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::ops::{nb, CmpOp};
use crate::types::type_name;
use crate::value::Value;
use crate::vm::Vm;

use super::module_functions;

module_functions!(FUNCTIONS, "_operator", [
    "abs" => abs, "add" => add, "and_" => and_, "call" => call, "concat" => concat,
    "contains" => contains, "countOf" => count_of, "delitem" => delitem, "eq" => eq,
    "floordiv" => floordiv, "ge" => ge, "getitem" => getitem, "gt" => gt, "iadd" => iadd,
    "iand" => iand, "iconcat" => iconcat, "ifloordiv" => ifloordiv, "ilshift" => ilshift,
    "imatmul" => imatmul, "imod" => imod, "imul" => imul, "index" => index,
    "indexOf" => index_of, "inv" => invert, "invert" => invert, "ior" => ior, "ipow" => ipow,
    "irshift" => irshift, "is_" => is_, "is_not" => is_not, "isub" => isub,
    "itruediv" => itruediv, "ixor" => ixor, "le" => le, "lshift" => lshift, "lt" => lt,
    "matmul" => matmul, "mod" => mod_, "mul" => mul, "ne" => ne, "neg" => neg, "not_" => not_,
    "or_" => or_, "pos" => pos, "pow" => pow, "rshift" => rshift, "setitem" => setitem,
    "sub" => sub, "truediv" => truediv, "truth" => truth, "xor" => xor,
]);

/// The module's functions, for `_operator`'s namespace.
pub(crate) fn functions() -> &'static [crate::func::BuiltinDef] {
    FUNCTIONS
}

fn no_keywords(a: &Args<'_>, name: &str) -> PyResult<()> {
    if a.kwnames.is_empty() {
        Ok(())
    } else {
        Err(PyErr::type_error(format!(
            "_operator.{name}() takes no keyword arguments"
        )))
    }
}

/// The operand of a one-argument (`METH_O`) function.
fn operand<'a>(a: &Args<'a>, name: &str) -> PyResult<&'a Value> {
    no_keywords(a, name)?;
    match a.pos {
        [v] => Ok(v),
        _ => Err(PyErr::type_error(format!(
            "_operator.{name}() takes exactly one argument ({} given)",
            a.pos.len()
        ))),
    }
}

/// The `N` operands of a function taking exactly `N` positional arguments.
fn operands<'a, const N: usize>(a: &Args<'a>, name: &str) -> PyResult<&'a [Value; N]> {
    no_keywords(a, name)?;
    <&[Value; N]>::try_from(a.pos).map_err(|_| {
        PyErr::type_error(format!(
            "{name} expected {N} arguments, got {}",
            a.pos.len()
        ))
    })
}

/// Declares functions that apply one binary operator (`BINARY_OP` argument).
macro_rules! binary_functions {
    ($( $f:ident, $name:literal => $op:expr; )*) => {$(
        fn $f(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
            let [x, y] = operands(&a, $name)?;
            vm.binary_op($op, x, y)
        }
    )*};
}

binary_functions! {
    add, "add" => nb::ADD;
    and_, "and_" => nb::AND;
    floordiv, "floordiv" => nb::FLOOR_DIVIDE;
    lshift, "lshift" => nb::LSHIFT;
    matmul, "matmul" => nb::MATRIX_MULTIPLY;
    mul, "mul" => nb::MULTIPLY;
    mod_, "mod" => nb::REMAINDER;
    or_, "or_" => nb::OR;
    pow, "pow" => nb::POWER;
    rshift, "rshift" => nb::RSHIFT;
    sub, "sub" => nb::SUBTRACT;
    truediv, "truediv" => nb::TRUE_DIVIDE;
    xor, "xor" => nb::XOR;
    iadd, "iadd" => nb::INPLACE + nb::ADD;
    iand, "iand" => nb::INPLACE + nb::AND;
    ifloordiv, "ifloordiv" => nb::INPLACE + nb::FLOOR_DIVIDE;
    ilshift, "ilshift" => nb::INPLACE + nb::LSHIFT;
    imatmul, "imatmul" => nb::INPLACE + nb::MATRIX_MULTIPLY;
    imul, "imul" => nb::INPLACE + nb::MULTIPLY;
    imod, "imod" => nb::INPLACE + nb::REMAINDER;
    ior, "ior" => nb::INPLACE + nb::OR;
    ipow, "ipow" => nb::INPLACE + nb::POWER;
    irshift, "irshift" => nb::INPLACE + nb::RSHIFT;
    isub, "isub" => nb::INPLACE + nb::SUBTRACT;
    itruediv, "itruediv" => nb::INPLACE + nb::TRUE_DIVIDE;
    ixor, "ixor" => nb::INPLACE + nb::XOR;
}

/// Declares the rich comparisons, which return what the special method
/// returns (not necessarily a bool).
macro_rules! compare_functions {
    ($( $f:ident, $name:literal => $op:expr; )*) => {$(
        fn $f(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
            let [x, y] = operands(&a, $name)?;
            vm.rich_compare($op, x, y)
        }
    )*};
}

compare_functions! {
    lt, "lt" => CmpOp::Lt;
    le, "le" => CmpOp::Le;
    eq, "eq" => CmpOp::Eq;
    ne, "ne" => CmpOp::Ne;
    gt, "gt" => CmpOp::Gt;
    ge, "ge" => CmpOp::Ge;
}

/// Declares the unary arithmetic operators (`-`, `+`, `~`).
macro_rules! unary_functions {
    ($( $f:ident, $name:literal => $op:literal; )*) => {$(
        fn $f(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
            let x = operand(&a, $name)?;
            vm.unary_op($op, x)
        }
    )*};
}

unary_functions! {
    neg, "neg" => '-';
    pos, "pos" => '+';
    invert, "invert" => '~';
}

fn abs(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let x = operand(&a, "abs")?;
    crate::builtins::abs_of(vm, x)
}

fn index(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let x = operand(&a, "index")?;
    crate::enumerate::index_int(vm, x)
}

fn not_(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let x = operand(&a, "not_")?;
    Ok(Value::Bool(!vm.truthy(x)?))
}

fn truth(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let x = operand(&a, "truth")?;
    Ok(Value::Bool(vm.truthy(x)?))
}

fn is_(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let [x, y] = operands(&a, "is_")?;
    Ok(Value::Bool(x.is(y)))
}

fn is_not(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let [x, y] = operands(&a, "is_not")?;
    Ok(Value::Bool(!x.is(y)))
}

fn getitem(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let [container, key] = operands(&a, "getitem")?;
    vm.getitem(container, key)
}

fn setitem(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let [container, key, value] = operands(&a, "setitem")?;
    vm.setitem(container, key.clone(), value.clone())?;
    Ok(Value::None)
}

fn delitem(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let [container, key] = operands(&a, "delitem")?;
    vm.delitem(container, key)?;
    Ok(Value::None)
}

fn contains(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let [container, item] = operands(&a, "contains")?;
    Ok(Value::Bool(vm.contains(container, item)?))
}

fn concat(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let [x, y] = operands(&a, "concat")?;
    sequence_concat(vm, nb::ADD, x, y)
}

fn iconcat(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let [x, y] = operands(&a, "iconcat")?;
    sequence_concat(vm, nb::INPLACE + nb::ADD, x, y)
}

/// `PySequence_Concat` / `PySequence_InPlaceConcat`: `+` between two
/// sequences, and the sequence's own message for any other operand.
fn sequence_concat(vm: &mut Vm, op: u32, x: &Value, y: &Value) -> PyResult<Value> {
    let cannot = || PyErr::type_error(format!("'{}' object can't be concatenated", type_name(x)));
    // The builtin sequences' own concatenation reports a wrong operand.
    let builtin = matches!(
        x,
        Value::Str(_) | Value::Bytes(_) | Value::ByteArray(_) | Value::List(_) | Value::Tuple(_)
    );
    if builtin {
        return vm.binary_op(op, x, y);
    }
    if !(vm.sequence_check(x) && vm.sequence_check(y)) {
        return Err(cannot());
    }
    // Neither operand's `+` accepting the other is the sequence's error.
    vm.binary_op(op, x, y).map_err(|e| {
        let unsupported = e.is(crate::types::ExcKind::TypeError)
            && matches!(e.0.args.borrow().first(),
                Some(Value::Str(m)) if m.as_str().starts_with("unsupported operand type(s) for +"));
        if unsupported {
            cannot()
        } else {
            e
        }
    })
}

/// Whether `item` is `candidate` or equal to it (`PyObject_RichCompareBool`).
fn matches_item(vm: &mut Vm, candidate: &Value, item: &Value) -> PyResult<bool> {
    Ok(candidate.is(item) || vm.compare_bool(CmpOp::Eq, candidate, item)?)
}

fn count_of(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let [seq, item] = operands(&a, "countOf")?;
    let it = vm.get_iter(seq)?;
    let mut count: i64 = 0;
    while let Some(v) = vm.iter_next(&it)? {
        if matches_item(vm, &v, item)? {
            count += 1;
        }
    }
    Ok(Value::Int(count))
}

fn index_of(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let [seq, item] = operands(&a, "indexOf")?;
    let it = vm.get_iter(seq)?;
    let mut index: i64 = 0;
    while let Some(v) = vm.iter_next(&it)? {
        if matches_item(vm, &v, item)? {
            return Ok(Value::Int(index));
        }
        index += 1;
    }
    Err(PyErr::value_error("sequence.index(x): x not in sequence"))
}

fn call(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let Some((callable, args)) = a.pos.split_first() else {
        return Err(PyErr::type_error(
            "call expected at least 1 argument, got 0",
        ));
    };
    vm.call_with_kw(callable, args, a.kwnames, a.kwvals)
}
