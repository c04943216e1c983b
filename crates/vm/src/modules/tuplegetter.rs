//! `_collections._tuplegetter`: the descriptor `namedtuple` puts in its
//! classes for each field (CPython's `tuplegetter` in
//! `Modules/_collectionsmodule.c`). It reads one item of the tuple and
//! refuses assignment with "can't set attribute", as CPython does; without
//! it `collections` falls back to a `property`, whose messages differ.

use std::rc::Rc;

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::instance::payload_of;
use crate::native::{borrow, class_of, native_methods, new_object, receiver, ClassSpec, SpecFlags};
use crate::types::{type_name, ExcKind, TypeKind};
use crate::value::{StrObj, Value};
use crate::vm::Vm;

/// Its state: the index of the field.
struct TupleGetter {
    index: usize,
}

native_methods!(TUPLEGETTER_M, "_collections._tuplegetter", [
    "__new__" => tg_new, "__get__" => tg_get, "__set__" => tg_set,
    "__delete__" => tg_delete, "__reduce__" => tg_reduce, "__repr__" => tg_repr,
]);
static TUPLEGETTER: ClassSpec = ClassSpec {
    name: "_tuplegetter",
    module: "_collections",
    base: TypeKind::Object,
    methods: TUPLEGETTER_M,
    classmethods: &[],
    props: &[],
    unhashable: false,
    // CPython's has only a writable `__doc__` member; the docstring lives
    // in the instance dict here.
    flags: SpecFlags::DICT,
};

/// The `_tuplegetter` class, for `_collections`' namespace.
pub fn class(vm: &mut Vm) -> Value {
    Value::Type(class_of(vm, &TUPLEGETTER))
}

/// `_tuplegetter(index, doc)`.
fn tg_new(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    if !a.kwnames.is_empty() {
        return Err(PyErr::type_error(
            "_tuplegetter() takes no keyword arguments",
        ));
    }
    let [_cls, index, doc] = a.pos else {
        return Err(PyErr::type_error(format!(
            "_tuplegetter expected 2 arguments, got {}",
            a.pos.len().saturating_sub(1)
        )));
    };
    let index = match index {
        Value::Int(i) if *i >= 0 => *i as usize,
        Value::Int(_) => return Err(PyErr::value_error("index must be non-negative")),
        other => {
            return Err(PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                type_name(other)
            )))
        }
    };
    let cls = class_of(vm, &TUPLEGETTER);
    let obj = new_object(&cls, TupleGetter { index });
    // The docstring lives in the instance's dict, where `help()` and a
    // later `Point.x.__doc__ = ...` find it.
    vm.set_attr(&obj, &Rc::new(StrObj::new("__doc__")), doc.clone())?;
    Ok(obj)
}

fn tg_get(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<TupleGetter>(&a, "_collections._tuplegetter", "__get__")?;
    let index = borrow(&st)?.index;
    let inst = a.pos.get(1).unwrap_or(&Value::None);
    if matches!(inst, Value::None) {
        return Ok(a.pos[0].clone());
    }
    let Value::Tuple(t) = payload_of(inst).unwrap_or(inst) else {
        return Err(PyErr::type_error(format!(
            "descriptor for index '{index}' for tuple subclasses doesn't apply to '{}' object",
            type_name(inst)
        )));
    };
    t.get(index)
        .cloned()
        .ok_or_else(|| PyErr::new(ExcKind::IndexError, "tuple index out of range"))
}

fn tg_set(_vm: &mut Vm, _a: Args<'_>) -> PyResult<Value> {
    Err(PyErr::new(ExcKind::AttributeError, "can't set attribute"))
}

fn tg_delete(_vm: &mut Vm, _a: Args<'_>) -> PyResult<Value> {
    Err(PyErr::new(
        ExcKind::AttributeError,
        "can't delete attribute",
    ))
}

/// `copy` and `pickle` rebuild it from `(index, doc)`.
fn tg_reduce(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<TupleGetter>(&a, "_collections._tuplegetter", "__reduce__")?;
    let index = borrow(&st)?.index;
    let doc = vm.get_attr(&a.pos[0], &Rc::new(StrObj::new("__doc__")))?;
    Ok(Value::tuple(vec![
        class(vm),
        Value::tuple(vec![Value::Int(index as i64), doc]),
    ]))
}

/// `_tuplegetter(0, 'Alias for field number 0')`.
fn tg_repr(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = receiver::<TupleGetter>(&a, "_collections._tuplegetter", "__repr__")?;
    let index = borrow(&st)?.index;
    let doc = vm.get_attr(&a.pos[0], &Rc::new(StrObj::new("__doc__")))?;
    let doc = vm.repr_of(&doc)?;
    let t = crate::types::type_of(&a.pos[0]);
    let name = crate::native::short_name(&t);
    Ok(Value::string(format!("{name}({index}, {doc})")))
}
