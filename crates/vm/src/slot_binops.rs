//! Binary special methods of builtin classes called directly
//! (`[1].__mul__("a")`, `int.__add__(1, 2.0)`, `s.__ior__(t)`).
//!
//! An operator expression tries both operands and reports one
//! "unsupported operand" error; a special method called by name answers for
//! its own class alone, as the C slot it wraps does in CPython:
//! - number methods (`int`, `float`, `complex`, sets, `dict.__or__`,
//!   `str.__mod__`'s reflection) return `NotImplemented` for an operand of a
//!   kind they do not handle;
//! - sequence concatenation and repetition (`sq_concat`, `sq_repeat`) raise
//!   their own `TypeError` (`can only concatenate list (not "str") to list`,
//!   `'str' object cannot be interpreted as an integer`).

use std::rc::Rc;

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::instance::payload_of;
use crate::ops::{self, nb};
use crate::value::{StrObj, Value};
use crate::vm::Vm;

/// The value builtin operations see: the payload of a builtin-subclass instance.
fn unwrap(v: &Value) -> &Value {
    payload_of(v).unwrap_or(v)
}

/// How many operands a wrapper was called with, checked as CPython's
/// `check_num_args` (binary slots) words it.
fn operands<'a>(a: &Args<'a>) -> PyResult<(&'a Value, &'a Value)> {
    let Some(x) = a.pos.first() else {
        return Err(PyErr::type_error("slot wrapper needs an argument"));
    };
    if !a.kwnames.is_empty() {
        return Err(PyErr::type_error("wrapper takes no keyword arguments"));
    }
    match &a.pos[1..] {
        [y] => Ok((unwrap(x), unwrap(y))),
        rest => Err(PyErr::type_error(format!(
            "expected 1 argument, got {}",
            rest.len()
        ))),
    }
}

/// The operand of a repetition wrapper (`wrap_indexargfunc`), whose count
/// errors come from `PyArg_UnpackTuple` with an empty name.
fn repeat_operands<'a>(a: &Args<'a>) -> PyResult<(&'a Value, &'a Value)> {
    let Some(x) = a.pos.first() else {
        return Err(PyErr::type_error("slot wrapper needs an argument"));
    };
    match &a.pos[1..] {
        [y] => Ok((unwrap(x), y)),
        rest => Err(PyErr::type_error(format!(
            " expected 1 argument, got {}",
            rest.len()
        ))),
    }
}

/// 0 for ints (and bools), 1 for floats, 2 for complex numbers.
fn number_rank(v: &Value) -> Option<u8> {
    match v {
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => Some(0),
        Value::Float(_) => Some(1),
        Value::Complex(_) => Some(2),
        _ => None,
    }
}

fn is_set(v: &Value) -> bool {
    matches!(v, Value::Set(_) | Value::FrozenSet(_))
}

fn is_sequence(v: &Value) -> bool {
    matches!(
        v,
        Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_) | Value::ByteArray(_)
    )
}

/// Whether the number method of `x` handles operand `y`: `int.__add__(1.0)`
/// is `NotImplemented` (float's reflected method answers), `float.__add__(1)`
/// is not.
fn number_accepts(x: &Value, y: &Value) -> bool {
    matches!((number_rank(x), number_rank(y)), (Some(a), Some(b)) if b <= a)
}

/// `x.__op__(y)` (or, `reflected`, `x.__rop__(y)`, which computes `y op x`)
/// for the number-like builtin classes.
fn number_slot(vm: &mut Vm, op: u32, x: &Value, y: &Value, reflected: bool) -> PyResult<Value> {
    let accepts = if number_rank(x).is_some() {
        number_accepts(x, y)
    } else if is_set(x) {
        is_set(y) && matches!(op, nb::SUBTRACT | nb::AND | nb::OR | nb::XOR)
    } else if let Value::Dict(_) = x {
        matches!(y, Value::Dict(_)) && op == nb::OR
    } else {
        false
    };
    if !accepts {
        return Ok(Value::NotImplemented);
    }
    let (l, r) = if reflected { (y, x) } else { (x, y) };
    if is_set(x) {
        // Sets with instances of classes defining `__eq__` need the VM.
        return vm.binary_op(op, l, r);
    }
    ops::binary_op(op, l, r)
}

/// `x.__add__(y)`, `x.__mul__(y)`, ... as the class of `x` answers.
fn forward(vm: &mut Vm, a: Args<'_>, op: u32) -> PyResult<Value> {
    let (x, y) = operands(&a)?;
    if matches!(x, Value::DictView(_)) {
        // `dictviews_sub` and friends take any iterable on either side.
        return vm.binary_op(op, x, y);
    }
    if is_sequence(x) {
        return match op {
            // `sq_concat` raises its own error for another kind.
            nb::ADD => ops::binary_op(op, x, y),
            // `str % x` formats whatever `x` is.
            nb::REMAINDER if !matches!(x, Value::List(_) | Value::Tuple(_)) => {
                vm.binary_op(op, x, y)
            }
            _ => Ok(Value::NotImplemented),
        };
    }
    number_slot(vm, op, x, y, false)
}

/// `x.__radd__(y)`, ...: `y op x` as the class of `x` answers.
fn reflected(vm: &mut Vm, a: Args<'_>, op: u32) -> PyResult<Value> {
    let (x, y) = operands(&a)?;
    if matches!(x, Value::DictView(_)) {
        return vm.binary_op(op, y, x);
    }
    if is_sequence(x) {
        // `str.__rmod__(y)` is `unicode_mod(y, x)`: only a str formats.
        let same = matches!(
            (x, y),
            (Value::Str(_), Value::Str(_))
                | (
                    Value::Bytes(_) | Value::ByteArray(_),
                    Value::Bytes(_) | Value::ByteArray(_)
                )
        );
        return if op == nb::REMAINDER && same {
            vm.binary_op(op, y, x)
        } else {
            Ok(Value::NotImplemented)
        };
    }
    number_slot(vm, op, x, y, true)
}

/// `seq.__mul__(n)` and `seq.__rmul__(n)`: `n` must be an index.
fn repeat(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (x, y) = repeat_operands(&a)?;
    if !is_sequence(x) {
        let y = unwrap(y);
        if number_rank(x).is_some() {
            return number_slot(vm, nb::MULTIPLY, x, y, false);
        }
        return Ok(Value::NotImplemented);
    }
    let n = vm.index_value(y)?;
    ops::binary_op(nb::MULTIPLY, x, &Value::Int(n))
}

/// Reflected repetition: numbers compute `y * x`, sequences repeat as `__mul__`.
fn rrepeat(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    if a.pos.first().map(unwrap).is_some_and(is_sequence) {
        return repeat(vm, a);
    }
    let (x, y) = operands(&a)?;
    number_slot(vm, nb::MULTIPLY, x, y, true)
}

/// In-place operators of the mutable builtins: `list.__iadd__` extends with
/// any iterable, `set.__ior__` takes only sets, `dict.__ior__` what
/// `dict.update` takes.
fn inplace(vm: &mut Vm, a: Args<'_>, op: u32) -> PyResult<Value> {
    let receiver = a.pos.first().cloned();
    let r = inplace_on_payload(vm, a, op)?;
    Ok(match receiver {
        Some(recv) => crate::instance::inplace_result(recv, r),
        None => r,
    })
}

fn inplace_on_payload(vm: &mut Vm, a: Args<'_>, op: u32) -> PyResult<Value> {
    if op == nb::MULTIPLY {
        let (x, y) = repeat_operands(&a)?;
        let n = vm.index_value(y)?;
        return vm.binary_op(nb::INPLACE + nb::MULTIPLY, x, &Value::Int(n));
    }
    let (x, y) = operands(&a)?;
    match x {
        Value::List(l) if op == nb::ADD => {
            let items = vm.collect(y)?;
            l.borrow_mut().extend(items);
            Ok(x.clone())
        }
        Value::ByteArray(_) if op == nb::ADD => ops::binary_op(nb::INPLACE + op, x, y),
        Value::Dict(_) if op == nb::OR => {
            let update = vm.get_attr(x, &Rc::new(StrObj::new("update")))?;
            vm.call(&update, std::slice::from_ref(y))?;
            Ok(x.clone())
        }
        Value::Set(_) if is_set(y) => vm.binary_op(nb::INPLACE + op, x, y),
        _ => Ok(Value::NotImplemented),
    }
}

macro_rules! wrappers {
    ($kind:ident: $( $f:ident => $op:expr ),* $(,)?) => {
        $( pub(crate) fn $f(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
            $kind(vm, a, $op)
        } )*
    };
}

wrappers!(forward:
    w_add => nb::ADD, w_sub => nb::SUBTRACT, w_truediv => nb::TRUE_DIVIDE,
    w_floordiv => nb::FLOOR_DIVIDE, w_mod => nb::REMAINDER, w_and => nb::AND,
    w_or => nb::OR, w_xor => nb::XOR, w_lshift => nb::LSHIFT, w_rshift => nb::RSHIFT,
);
wrappers!(reflected:
    w_radd => nb::ADD, w_rsub => nb::SUBTRACT, w_rtruediv => nb::TRUE_DIVIDE,
    w_rfloordiv => nb::FLOOR_DIVIDE, w_rmod => nb::REMAINDER, w_rand => nb::AND,
    w_ror => nb::OR, w_rxor => nb::XOR, w_rlshift => nb::LSHIFT, w_rrshift => nb::RSHIFT,
);
wrappers!(inplace:
    w_iadd => nb::ADD, w_imul => nb::MULTIPLY, w_isub => nb::SUBTRACT, w_iand => nb::AND,
    w_ior => nb::OR, w_ixor => nb::XOR,
);

/// `x.__mul__(y)`.
pub(crate) fn w_mul(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    repeat(vm, a)
}

/// `x.__rmul__(y)`.
pub(crate) fn w_rmul(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    rrepeat(vm, a)
}

/// `x.__pow__(y[, mod])` and `x.__rpow__(y[, mod])`: `pow()` once the
/// operands are of kinds the class handles.
fn power(vm: &mut Vm, a: Args<'_>, refl: bool) -> PyResult<Value> {
    let (x, rest) = match a.pos {
        [x, rest @ ..] if (1..=2).contains(&rest.len()) => (unwrap(x), rest),
        // `wrap_ternaryfunc`'s `PyArg_UnpackTuple(args, "", 1, 2, ...)`.
        [_, rest @ ..] => {
            let bound = if rest.is_empty() {
                "at least 1 argument"
            } else {
                "at most 2 arguments"
            };
            return Err(PyErr::type_error(format!(
                " expected {bound}, got {}",
                rest.len()
            )));
        }
        [] => return Err(PyErr::type_error("slot wrapper needs an argument")),
    };
    let y = unwrap(&rest[0]);
    if !number_accepts(x, y) {
        return Ok(Value::NotImplemented);
    }
    let (l, r) = if refl { (y, x) } else { (x, y) };
    let mut args = vec![l.clone(), r.clone()];
    if let Some(m) = rest.get(1).filter(|m| !matches!(m, Value::None)) {
        args.push(m.clone());
    }
    crate::builtins::b_pow(vm, Args::positional(&args))
}

/// `x.__pow__(y[, mod])`.
pub(crate) fn w_pow(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    power(vm, a, false)
}

/// `x.__rpow__(y[, mod])`.
pub(crate) fn w_rpow(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    power(vm, a, true)
}

fn divmod(vm: &mut Vm, a: Args<'_>, refl: bool) -> PyResult<Value> {
    let (x, y) = operands(&a)?;
    if !number_accepts(x, y) {
        return Ok(Value::NotImplemented);
    }
    let args = if refl {
        [y.clone(), x.clone()]
    } else {
        [x.clone(), y.clone()]
    };
    crate::builtins::b_divmod(vm, Args::positional(&args))
}

/// `x.__divmod__(y)`.
pub(crate) fn w_divmod(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    divmod(vm, a, false)
}

/// `x.__rdivmod__(y)`.
pub(crate) fn w_rdivmod(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    divmod(vm, a, true)
}

/// `list.__reversed__()` and `dict.__reversed__()`: `reversed(x)`.
pub(crate) fn w_reversed(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let [x] = a.pos else {
        let x = a.pos.first().unwrap_or(&Value::None);
        let class = crate::slots::explicit_method_class(a.pos.first(), "__reversed__");
        return Err(PyErr::type_error(format!(
            "{}.__reversed__() takes no arguments ({} given)",
            class.map_or_else(
                || crate::types::type_name(unwrap(x)).into_owned(),
                str::to_string
            ),
            a.pos.len().saturating_sub(1)
        )));
    };
    let t = crate::types::builtin_type(crate::types::TypeKind::Reversed);
    crate::builtins::construct(vm, &t, Args::positional(std::slice::from_ref(x)))
}
