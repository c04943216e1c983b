//! `weakref.proxy` objects (`ProxyType`, `CallableProxyType`; CPython's
//! `Objects/weakrefobject.c`): every operation is forwarded to the referent,
//! with proxy operands unwrapped, and fails with `ReferenceError` once the
//! referent is gone.

use std::rc::Rc;

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::native::{
    borrow, class_of, native_methods, new_object, positional, receiver, state_of, ClassSpec,
    SpecFlags,
};
use crate::ops::{nb, CmpOp};
use crate::types::{type_name, type_of, ExcKind, TypeKind};
use crate::value::Value;
use crate::vm::Vm;

use super::weakref::{borrow_callback, refs_to, register, target_of, watch, WeakRef};

/// Declares the method table of a proxy class: the methods both classes
/// share, then `$extra`.
macro_rules! proxy_methods {
    ($table:ident, $owner:literal, [ $( $name:literal => $f:path ),* $(,)? ]) => {
        native_methods!($table, $owner, [
            "__new__" => proxy_no_new, "__getattribute__" => p_getattr, "__setattr__" => p_setattr,
            "__delattr__" => p_delattr, "__repr__" => p_repr, "__str__" => p_str,
            "__bytes__" => p_bytes, "__reversed__" => p_reversed,
            "__eq__" => p_eq, "__ne__" => p_ne, "__lt__" => p_lt, "__le__" => p_le,
            "__gt__" => p_gt, "__ge__" => p_ge, "__bool__" => p_bool, "__len__" => p_len,
            "__getitem__" => p_getitem, "__setitem__" => p_setitem, "__delitem__" => p_delitem,
            "__contains__" => p_contains, "__iter__" => p_iter, "__next__" => p_next,
            "__neg__" => p_neg, "__pos__" => p_pos, "__invert__" => p_invert,
            "__abs__" => p_abs, "__int__" => p_int, "__float__" => p_float,
            "__index__" => p_index,
            "__divmod__" => p_divmod, "__rdivmod__" => p_rdivmod,
            "__pow__" => p_pow, "__rpow__" => p_rpow, "__ipow__" => p_ipow,
            "__add__" => p_add, "__radd__" => p_radd, "__iadd__" => p_iadd,
            "__sub__" => p_sub, "__rsub__" => p_rsub, "__isub__" => p_isub,
            "__mul__" => p_mul, "__rmul__" => p_rmul, "__imul__" => p_imul,
            "__matmul__" => p_matmul, "__rmatmul__" => p_rmatmul, "__imatmul__" => p_imatmul,
            "__truediv__" => p_truediv, "__rtruediv__" => p_rtruediv,
            "__itruediv__" => p_itruediv,
            "__floordiv__" => p_floordiv, "__rfloordiv__" => p_rfloordiv,
            "__ifloordiv__" => p_ifloordiv,
            "__mod__" => p_mod, "__rmod__" => p_rmod, "__imod__" => p_imod,
            "__lshift__" => p_lshift, "__rlshift__" => p_rlshift, "__ilshift__" => p_ilshift,
            "__rshift__" => p_rshift, "__rrshift__" => p_rrshift, "__irshift__" => p_irshift,
            "__and__" => p_and, "__rand__" => p_rand, "__iand__" => p_iand,
            "__xor__" => p_xor, "__rxor__" => p_rxor, "__ixor__" => p_ixor,
            "__or__" => p_or, "__ror__" => p_ror, "__ior__" => p_ior,
            $( $name => $f ),*
        ]);
    };
}

proxy_methods!(PROXY_M, "weakref.ProxyType", []);
/// `weakref.ProxyType`.
pub(super) static PROXY: ClassSpec = ClassSpec {
    name: "ProxyType",
    module: "weakref",
    base: TypeKind::Object,
    methods: PROXY_M,
    classmethods: &[],
    props: &[],
    unhashable: true,
    flags: SpecFlags::NONE,
};

proxy_methods!(CPROXY_M, "weakref.CallableProxyType", ["__call__" => p_call]);
/// `weakref.CallableProxyType`: a proxy to a callable.
pub(super) static CPROXY: ClassSpec = ClassSpec {
    name: "CallableProxyType",
    module: "weakref",
    base: TypeKind::Object,
    methods: CPROXY_M,
    classmethods: &[],
    props: &[],
    unhashable: true,
    flags: SpecFlags::NONE,
};

pub(super) fn proxy(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "proxy", 1, 2)?;
    let obj = &args[0];
    let target = target_of(obj)?;
    let callback = args.get(1).cloned().unwrap_or(Value::None);
    // A proxy without a callback is shared, as a plain `ref(obj)` is.
    let basic = matches!(callback, Value::None);
    if basic {
        if let Some((p, _, _)) = refs_to(obj).into_iter().find(|(_, p, plain)| *p && *plain) {
            return Ok(p);
        }
    }
    let callable = crate::native::is_callable(obj);
    let cls = class_of(vm, if callable { &CPROXY } else { &PROXY });
    let p = new_object(
        &cls,
        WeakRef {
            target: target.clone(),
            callback,
            hash: None,
        },
    );
    register(obj, &target, &p, true, basic);
    watch(obj, &borrow_callback(&p));
    Ok(p)
}

fn proxy_no_new(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let name = match a.pos.first() {
        Some(Value::Type(t)) => t.name.clone(),
        _ => "weakref.ProxyType".to_string(),
    };
    Err(PyErr::type_error(format!(
        "cannot create '{name}' instances"
    )))
}

fn referent(a: &Args<'_>) -> PyResult<Value> {
    let st = receiver::<WeakRef>(a, "weakref.ProxyType", "__getattr__")?;
    let v = borrow(&st)?.target.get();
    v.ok_or_else(|| {
        PyErr::new(
            ExcKind::ReferenceError,
            "weakly-referenced object no longer exists",
        )
    })
}

/// Unwraps a proxy argument to its referent (CPython's `UNWRAP`).
fn unwrap(v: &Value) -> PyResult<Value> {
    match state_of::<WeakRef>(v) {
        Some(st) if crate::native::short_name(&type_of(v)).ends_with("ProxyType") => {
            let t = borrow(&st)?.target.get();
            t.ok_or_else(|| {
                PyErr::new(
                    ExcKind::ReferenceError,
                    "weakly-referenced object no longer exists",
                )
            })
        }
        _ => Ok(v.clone()),
    }
}

fn name_arg(vm: &mut Vm, a: &Args<'_>) -> PyResult<Rc<crate::value::StrObj>> {
    match a.pos.get(1) {
        Some(Value::Str(s)) => Ok(vm.intern(s.as_str())),
        Some(other) => Err(PyErr::type_error(format!(
            "attribute name must be string, not '{}'",
            type_name(other)
        ))),
        None => Err(PyErr::type_error("expected an attribute name")),
    }
}

fn p_getattr(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let obj = referent(&a)?;
    let name = name_arg(vm, &a)?;
    vm.get_attr(&obj, &name)
}

fn p_setattr(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let obj = referent(&a)?;
    let name = name_arg(vm, &a)?;
    let v = a.pos.get(2).cloned().unwrap_or(Value::None);
    vm.set_attr(&obj, &name, v)?;
    Ok(Value::None)
}

fn p_delattr(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let obj = referent(&a)?;
    let name = name_arg(vm, &a)?;
    vm.del_attr(&obj, &name)?;
    Ok(Value::None)
}

fn p_repr(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let obj = referent(&a)?;
    Ok(Value::string(format!(
        "<weakproxy at {:#x} to {} at {:#x}>",
        a.pos[0].identity(),
        type_name(&obj),
        obj.identity()
    )))
}

fn p_str(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let obj = referent(&a)?;
    Ok(Value::string(vm.str_of(&obj)?))
}

fn p_compare(vm: &mut Vm, a: Args<'_>, op: CmpOp) -> PyResult<Value> {
    let x = referent(&a)?;
    let y = unwrap(a.pos.get(1).unwrap_or(&Value::None))?;
    vm.rich_compare(op, &x, &y)
}

fn p_eq(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    p_compare(vm, a, CmpOp::Eq)
}

fn p_ne(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    p_compare(vm, a, CmpOp::Ne)
}

fn p_lt(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    p_compare(vm, a, CmpOp::Lt)
}

fn p_le(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    p_compare(vm, a, CmpOp::Le)
}

fn p_gt(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    p_compare(vm, a, CmpOp::Gt)
}

fn p_ge(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    p_compare(vm, a, CmpOp::Ge)
}

fn p_bool(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let obj = referent(&a)?;
    Ok(Value::Bool(vm.truthy(&obj)?))
}

fn p_len(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let obj = referent(&a)?;
    Ok(Value::Int(vm.len_of(&obj)? as i64))
}

fn p_getitem(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let obj = referent(&a)?;
    let k = unwrap(a.pos.get(1).unwrap_or(&Value::None))?;
    vm.getitem(&obj, &k)
}

fn p_setitem(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let obj = referent(&a)?;
    let k = unwrap(a.pos.get(1).unwrap_or(&Value::None))?;
    let v = unwrap(a.pos.get(2).unwrap_or(&Value::None))?;
    vm.setitem(&obj, k, v)?;
    Ok(Value::None)
}

fn p_delitem(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let obj = referent(&a)?;
    let k = unwrap(a.pos.get(1).unwrap_or(&Value::None))?;
    vm.delitem(&obj, &k)?;
    Ok(Value::None)
}

fn p_contains(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let obj = referent(&a)?;
    let k = unwrap(a.pos.get(1).unwrap_or(&Value::None))?;
    Ok(Value::Bool(vm.contains(&obj, &k)?))
}

fn p_iter(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let obj = referent(&a)?;
    vm.get_iter(&obj)
}

fn p_call(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let obj = referent(&a)?;
    vm.call_with_kw(&obj, &a.pos[1..], a.kwnames, a.kwvals)
}

/// The receiver's referent and the other operand, unwrapped.
fn operands(a: &Args<'_>) -> PyResult<(Value, Value)> {
    let x = referent(a)?;
    let y = unwrap(a.pos.get(1).unwrap_or(&Value::None))?;
    Ok((x, y))
}

/// Declares the forward, reflected and in-place methods of binary operators.
macro_rules! proxy_binary {
    ($( $fwd:ident, $rfl:ident, $inp:ident => $op:expr; )*) => { $(
        fn $fwd(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
            let (x, y) = operands(&a)?;
            vm.binary_op($op, &x, &y)
        }
        fn $rfl(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
            let (x, y) = operands(&a)?;
            vm.binary_op($op, &y, &x)
        }
        fn $inp(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
            let (x, y) = operands(&a)?;
            vm.binary_op($op + nb::INPLACE, &x, &y)
        }
    )* };
}

proxy_binary! {
    p_add, p_radd, p_iadd => nb::ADD;
    p_sub, p_rsub, p_isub => nb::SUBTRACT;
    p_mul, p_rmul, p_imul => nb::MULTIPLY;
    p_matmul, p_rmatmul, p_imatmul => nb::MATRIX_MULTIPLY;
    p_truediv, p_rtruediv, p_itruediv => nb::TRUE_DIVIDE;
    p_floordiv, p_rfloordiv, p_ifloordiv => nb::FLOOR_DIVIDE;
    p_mod, p_rmod, p_imod => nb::REMAINDER;
    p_lshift, p_rlshift, p_ilshift => nb::LSHIFT;
    p_rshift, p_rrshift, p_irshift => nb::RSHIFT;
    p_and, p_rand, p_iand => nb::AND;
    p_xor, p_rxor, p_ixor => nb::XOR;
    p_or, p_ror, p_ior => nb::OR;
}

/// `pow(proxy, y[, z])`: a three-argument power goes through `pow`.
fn pow_with(vm: &mut Vm, a: &Args<'_>, x: Value, y: Value, op: u32) -> PyResult<Value> {
    match a.pos.get(2) {
        Some(z) if !matches!(z, Value::None) => {
            let z = unwrap(z)?;
            call_builtin(vm, "pow", &[x, y, z])
        }
        _ => vm.binary_op(op, &x, &y),
    }
}

fn p_pow(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (x, y) = operands(&a)?;
    pow_with(vm, &a, x, y, nb::POWER)
}

fn p_rpow(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (x, y) = operands(&a)?;
    pow_with(vm, &a, y, x, nb::POWER)
}

fn p_ipow(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (x, y) = operands(&a)?;
    pow_with(vm, &a, x, y, nb::POWER + nb::INPLACE)
}

fn p_divmod(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (x, y) = operands(&a)?;
    call_builtin(vm, "divmod", &[x, y])
}

fn p_rdivmod(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (x, y) = operands(&a)?;
    call_builtin(vm, "divmod", &[y, x])
}

fn call_builtin(vm: &mut Vm, name: &str, args: &[Value]) -> PyResult<Value> {
    let f = crate::import::builtin(vm, name)?;
    vm.call(&f, args)
}

fn p_neg(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let obj = referent(&a)?;
    vm.unary_op('-', &obj)
}

fn p_pos(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let obj = referent(&a)?;
    vm.unary_op('+', &obj)
}

fn p_invert(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let obj = referent(&a)?;
    vm.unary_op('~', &obj)
}

fn p_abs(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let obj = referent(&a)?;
    call_builtin(vm, "abs", &[obj])
}

fn p_int(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let obj = referent(&a)?;
    call_builtin(vm, "int", &[obj])
}

fn p_float(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let obj = referent(&a)?;
    call_builtin(vm, "float", &[obj])
}

fn p_index(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let obj = referent(&a)?;
    if let Some(i) = crate::ops::index_of(&obj) {
        return Ok(Value::Int(i));
    }
    if matches!(obj, Value::BigInt(_)) {
        return Ok(obj);
    }
    match vm.call_named_special(&obj, "__index__")? {
        Some(i) => Ok(i),
        None => Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(&obj)
        ))),
    }
}

fn p_bytes(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let obj = referent(&a)?;
    call_builtin(vm, "bytes", &[obj])
}

fn p_reversed(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let obj = referent(&a)?;
    call_builtin(vm, "reversed", &[obj])
}

/// `next(proxy)`: the referent must be an iterator itself.
fn p_next(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let obj = referent(&a)?;
    if !crate::native::is_iterator(&obj) {
        return Err(PyErr::type_error(format!(
            "Weakref proxy referenced a non-iterator '{}' object",
            type_name(&obj)
        )));
    }
    call_builtin(vm, "next", &[obj])
}
