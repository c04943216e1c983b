//! `types.UnionType`: `int | str` (CPython's `Objects/unionobject.c`), enough
//! for `types.py`, annotations and `isinstance(x, int | None)`.

use std::rc::Rc;

use crate::exc::PyResult;
use crate::func::Args;
use crate::native::{
    borrow, class_of, native_fn, native_methods, new_object, receiver, state_of, ClassSpec,
    PropSpec,
};
use crate::types::{builtin_type, TypeKind, TypeObj};
use crate::value::Value;
use crate::vm::Vm;

struct Union {
    args: Vec<Rc<TypeObj>>,
}

native_methods!(UNION_M, "types.UnionType", [
    "__new__" => no_new, "__repr__" => repr, "__or__" => or, "__ror__" => ror,
    "__eq__" => eq, "__ne__" => ne, "__hash__" => hash,
]);
native_fn!(ARGS, "__args__", "types.UnionType", args);
native_fn!(PARAMS, "__parameters__", "types.UnionType", params);
static UNION: ClassSpec = ClassSpec {
    name: "UnionType",
    module: "types",
    base: TypeKind::Object,
    methods: UNION_M,
    classmethods: &[],
    props: &[
        PropSpec {
            name: "__args__",
            get: &ARGS,
            set: None,
        },
        PropSpec {
            name: "__parameters__",
            get: &PARAMS,
            set: None,
        },
    ],
    unhashable: false,
};

/// The classes of a union (for `isinstance`), if `v` is one.
pub fn union_args(v: &Value) -> Option<Vec<Rc<TypeObj>>> {
    let st = state_of::<Union>(v)?;
    let args = st.try_borrow().ok()?.args.clone();
    Some(args)
}

/// The members `v` contributes to a union, or `None` if it cannot be one.
fn members(v: &Value) -> Option<Vec<Rc<TypeObj>>> {
    match v {
        Value::Type(t) => Some(vec![t.clone()]),
        Value::None => Some(vec![builtin_type(TypeKind::NoneType)]),
        other => union_args(other),
    }
}

/// `a | b` when both sides can be union members: the union, or the one
/// class when both are the same; `None` when the operands do not apply.
pub fn union_or(vm: &mut Vm, a: &Value, b: &Value) -> Option<Value> {
    let mut args = members(a)?;
    for t in members(b)? {
        if !args.iter().any(|x| Rc::ptr_eq(x, &t)) {
            args.push(t);
        }
    }
    if args.len() == 1 {
        return args.pop().map(Value::Type);
    }
    let cls = class_of(vm, &UNION);
    Some(new_object(&cls, Union { args }))
}

fn no_new(_vm: &mut Vm, _a: Args<'_>) -> PyResult<Value> {
    Err(crate::exc::PyErr::type_error(
        "cannot create 'types.UnionType' instances",
    ))
}

fn me(a: &Args<'_>) -> PyResult<Vec<Rc<TypeObj>>> {
    let st = receiver::<Union>(a, "types.UnionType", "__repr__")?;
    let args = borrow(&st)?.args.clone();
    Ok(args)
}

fn repr(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let parts: Vec<String> = me(&a)?
        .iter()
        .map(|t| {
            if t.kind == TypeKind::NoneType && t.heap.is_none() {
                "None".to_string()
            } else {
                crate::class::qualified_name(t)
            }
        })
        .collect();
    Ok(Value::string(parts.join(" | ")))
}

fn or(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    me(&a)?;
    let other = a.pos.get(1).cloned().unwrap_or(Value::NotImplemented);
    Ok(union_or(vm, &a.pos[0], &other).unwrap_or(Value::NotImplemented))
}

fn ror(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    me(&a)?;
    let other = a.pos.get(1).cloned().unwrap_or(Value::NotImplemented);
    Ok(union_or(vm, &other, &a.pos[0]).unwrap_or(Value::NotImplemented))
}

fn same_members(x: &[Rc<TypeObj>], y: &[Rc<TypeObj>]) -> bool {
    x.len() == y.len() && x.iter().all(|t| y.iter().any(|u| Rc::ptr_eq(t, u)))
}

fn eq(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let x = me(&a)?;
    match a.pos.get(1).and_then(union_args) {
        Some(y) => Ok(Value::Bool(same_members(&x, &y))),
        None => Ok(Value::NotImplemented),
    }
}

fn ne(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let x = me(&a)?;
    match a.pos.get(1).and_then(union_args) {
        Some(y) => Ok(Value::Bool(!same_members(&x, &y))),
        None => Ok(Value::NotImplemented),
    }
}

fn hash(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    // Order-independent, like the hash of the frozenset of the members.
    let h = me(&a)?
        .iter()
        .fold(0x345678i64, |h, t| h ^ (Rc::as_ptr(t) as usize as i64 >> 4));
    Ok(Value::Int(if h == -1 { -2 } else { h }))
}

fn args(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(Value::tuple(me(&a)?.into_iter().map(Value::Type).collect()))
}

fn params(_vm: &mut Vm, _a: Args<'_>) -> PyResult<Value> {
    Ok(Value::tuple(Vec::new()))
}
