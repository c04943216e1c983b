//! `types.UnionType`: `int | str` (CPython's `Objects/unionobject.c`), enough
//! for `types.py`, annotations, `isinstance(x, int | None)` and members
//! that are generic aliases (`list[int] | None`).

use crate::exc::PyResult;
use crate::func::Args;
use crate::native::{
    borrow, class_of, native_fn, native_methods, new_object, receiver, state_of, ClassSpec,
    PropSpec, SpecFlags,
};
use crate::types::{builtin_type, TypeKind};
use crate::value::Value;
use crate::vm::Vm;

struct Union {
    /// Classes and generic aliases, `None` stored as `NoneType`; no duplicates.
    args: Vec<Value>,
    /// `__parameters__`, computed on first use.
    params: Option<Value>,
}

native_methods!(UNION_M, "types.UnionType", [
    "__new__" => no_new, "__repr__" => repr, "__or__" => or, "__ror__" => ror,
    "__eq__" => eq, "__ne__" => ne, "__hash__" => hash, "__getitem__" => getitem,
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
    flags: SpecFlags::NONE,
};

/// The members of a union (classes and generic aliases, for `isinstance`),
/// if `v` is one.
pub fn union_args(v: &Value) -> Option<Vec<Value>> {
    let st = state_of::<Union>(v)?;
    let args = st.try_borrow().ok()?.args.clone();
    Some(args)
}

/// The members `v` contributes to a union, or `None` if it cannot be one.
fn members(v: &Value) -> Option<Vec<Value>> {
    match v {
        Value::Type(_) => Some(vec![v.clone()]),
        Value::None => Some(vec![Value::Type(builtin_type(TypeKind::NoneType))]),
        other if crate::generic_alias::is_alias(other) => Some(vec![other.clone()]),
        other => union_args(other),
    }
}

/// Whether two members are the same: generic aliases by equality, the rest
/// by identity (CPython's `is_same`).
/// An error of the comparison propagates (a member whose metaclass's
/// `__eq__` raises makes the `|` raise).
fn same(vm: &mut Vm, x: &Value, y: &Value) -> PyResult<bool> {
    if crate::generic_alias::is_alias(x) && crate::generic_alias::is_alias(y) {
        return vm.eq_values(x, y);
    }
    Ok(x.identity() == y.identity())
}

/// `a | b` when both sides can be union members: the union, or the one
/// member when both are the same; `None` when the operands do not apply.
pub fn union_or(vm: &mut Vm, a: &Value, b: &Value) -> Option<PyResult<Value>> {
    let mut args = members(a)?;
    for t in members(b)? {
        let mut dup = false;
        for x in &args {
            match same(vm, x, &t) {
                Ok(true) => {
                    dup = true;
                    break;
                }
                Ok(false) => {}
                Err(e) => return Some(Err(e)),
            }
        }
        if !dup {
            args.push(t);
        }
    }
    if args.len() == 1 {
        return args.pop().map(Ok);
    }
    let cls = class_of(vm, &UNION);
    Some(Ok(new_object(&cls, Union { args, params: None })))
}

fn no_new(_vm: &mut Vm, _a: Args<'_>) -> PyResult<Value> {
    Err(crate::exc::PyErr::type_error(
        "cannot create 'types.UnionType' instances",
    ))
}

fn me(a: &Args<'_>) -> PyResult<Vec<Value>> {
    let st = receiver::<Union>(a, "types.UnionType", "__repr__")?;
    let args = borrow(&st)?.args.clone();
    Ok(args)
}

fn repr(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let mut parts = Vec::new();
    for t in me(&a)? {
        parts.push(match &t {
            Value::Type(t) if t.kind == TypeKind::NoneType && t.heap.is_none() => {
                "None".to_string()
            }
            other => crate::generic_alias::repr_item(vm, other)?,
        });
    }
    Ok(Value::string(parts.join(" | ")))
}

fn or(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    me(&a)?;
    let other = a.pos.get(1).cloned().unwrap_or(Value::NotImplemented);
    union_or(vm, &a.pos[0], &other).unwrap_or(Ok(Value::NotImplemented))
}

fn ror(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    me(&a)?;
    let other = a.pos.get(1).cloned().unwrap_or(Value::NotImplemented);
    union_or(vm, &other, &a.pos[0]).unwrap_or(Ok(Value::NotImplemented))
}

/// Set equality of the members (CPython compares `frozenset(args)`).
fn same_members(vm: &mut Vm, x: &[Value], y: &[Value]) -> PyResult<bool> {
    for (p, q) in [(x, y), (y, x)] {
        for m in p {
            let mut found = false;
            for n in q {
                if m.identity() == n.identity() || vm.eq_values(m, n)? {
                    found = true;
                    break;
                }
            }
            if !found {
                return Ok(false);
            }
        }
    }
    Ok(true)
}

fn eq(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let x = me(&a)?;
    match a.pos.get(1).and_then(union_args) {
        Some(y) => Ok(Value::Bool(same_members(vm, &x, &y)?)),
        None => Ok(Value::NotImplemented),
    }
}

fn ne(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let x = me(&a)?;
    match a.pos.get(1).and_then(union_args) {
        Some(y) => Ok(Value::Bool(!same_members(vm, &x, &y)?)),
        None => Ok(Value::NotImplemented),
    }
}

fn hash(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    // The hash of the frozenset of the members, as CPython's (so that
    // `hash(int | str) == hash(typing.Union[int, str])`, which hashes
    // that frozenset too). The members are distinct already.
    let mut d = crate::dict::Dict::new();
    for t in me(&a)? {
        let h = vm.hash_of(&t)?;
        d.insert_hashed(t, h, Value::None);
    }
    Ok(Value::Int(vm.hash_of(&Value::frozenset(d))?))
}

fn args(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(Value::tuple(me(&a)?))
}

fn params_of(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let st = receiver::<Union>(a, "types.UnionType", "__parameters__")?;
    let (cached, args) = {
        let s = borrow(&st)?;
        (s.params.clone(), s.args.clone())
    };
    if let Some(p) = cached {
        return Ok(p);
    }
    let p = Value::tuple(crate::generic_alias::make_parameters(vm, &args)?);
    borrow(&st)?.params = Some(p.clone());
    Ok(p)
}

fn params(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    params_of(vm, &a)
}

/// `(int | list[T])[str]`: the members with type variables substituted, joined
/// again with `|`.
fn getitem(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let Some(item) = a.pos.get(1) else {
        return Err(crate::exc::PyErr::type_error("expected 1 argument, got 0"));
    };
    let params = params_of(vm, &a)?;
    let members = me(&a)?;
    let params: Vec<Value> = match &params {
        Value::Tuple(t) => t.to_vec(),
        _ => Vec::new(),
    };
    let new = crate::generic_alias::subs_parameters(vm, &a.pos[0], &members, &params, item)?;
    let mut it = new.into_iter();
    let Some(mut res) = it.next() else {
        let cls = class_of(vm, &UNION);
        return Ok(new_object(
            &cls,
            Union {
                args: Vec::new(),
                params: None,
            },
        ));
    };
    for arg in it {
        res = vm.binary_op(crate::ops::nb::OR, &res, &arg)?;
    }
    Ok(res)
}
