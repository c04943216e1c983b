//! `mappingproxy`: the live, read-only view of a class namespace that
//! `C.__dict__` and `vars(C)` return. Writes must go through the class
//! (`setattr`), which keeps the special-method caches right; reads see the
//! namespace as it is now.

use std::cell::RefCell;
use std::rc::Rc;

use crate::descr::Descr;
use crate::dict::Dict;
use crate::exc::PyResult;
use crate::value::{StrObj, Value};
use crate::vm::Vm;

/// A proxy over `dict`.
pub fn new(dict: Rc<RefCell<Dict>>) -> Value {
    Value::Descr(Rc::new(Descr::MappingProxy(Value::Dict(dict))))
}

/// The mapping behind `v` if it is a mappingproxy: read operations
/// (`[]`, `in`, `len`, iteration, `repr`) run on it, as `mappingproxy`'s
/// slots call the mapping's.
#[inline]
pub fn target(v: &Value) -> Option<Value> {
    match v {
        Value::Descr(d) => match &**d {
            Descr::MappingProxy(m) => Some(m.clone()),
            _ => None,
        },
        _ => None,
    }
}

/// Attributes: the read-only methods, which call the mapping's own
/// (`mappingproxy_get` calls `mapping.get`, so a subclass's override runs).
pub fn getattr(vm: &mut Vm, v: &Value, mapping: &Value, name: &Rc<StrObj>) -> PyResult<Value> {
    match name.as_str() {
        "keys" | "values" | "items" | "get" | "copy" | "__getitem__" | "__contains__"
        | "__len__" | "__iter__" | "__reversed__" => vm.get_attr(mapping, name),
        "__or__" | "__ror__" | "__ior__" => {
            let def = OR_METHODS.iter().find(|d| d.name == name.as_str());
            Ok(def.map_or(Value::None, |d| {
                Value::BoundBuiltin(Rc::new((v.clone(), d)))
            }))
        }
        n => Err(crate::protocol::attribute_error(v, n)),
    }
}

static OR_METHODS: [crate::func::BuiltinDef; 3] = [
    crate::func::BuiltinDef {
        name: "__or__",
        func: proxy_or,
        owner: "mappingproxy",
        is_method: true,
    },
    crate::func::BuiltinDef {
        name: "__ror__",
        func: proxy_ror,
        owner: "mappingproxy",
        is_method: true,
    },
    crate::func::BuiltinDef {
        name: "__ior__",
        func: proxy_ior,
        owner: "mappingproxy",
        is_method: true,
    },
];

fn or_operands<'a>(a: &crate::func::Args<'a>) -> PyResult<(&'a Value, &'a Value)> {
    match a.pos {
        [x, y] => Ok((x, y)),
        _ => Err(crate::exc::PyErr::type_error(format!(
            "expected 1 argument, got {}",
            a.pos.len().saturating_sub(1)
        ))),
    }
}

fn proxy_or(vm: &mut Vm, a: crate::func::Args<'_>) -> PyResult<Value> {
    let (x, y) = or_operands(&a)?;
    or(vm, crate::ops::nb::OR, x, y)
}

fn proxy_ror(vm: &mut Vm, a: crate::func::Args<'_>) -> PyResult<Value> {
    let (x, y) = or_operands(&a)?;
    or(vm, crate::ops::nb::OR, y, x)
}

fn proxy_ior(vm: &mut Vm, a: crate::func::Args<'_>) -> PyResult<Value> {
    let (x, y) = or_operands(&a)?;
    or(vm, crate::ops::nb::OR + crate::ops::nb::INPLACE, x, y)
}

/// `a | b` and `a |= b` with a mappingproxy operand (`mappingproxy_or`,
/// `mappingproxy_ior`): the mappings are or-ed, a proxy is never updated.
pub(crate) fn or(vm: &mut Vm, op: u32, a: &Value, b: &Value) -> PyResult<Value> {
    if op >= crate::ops::nb::INPLACE && target(a).is_some() {
        return Err(crate::exc::PyErr::type_error(
            "'|=' is not supported by mappingproxy; use '|' instead",
        ));
    }
    let x = target(a).unwrap_or_else(|| a.clone());
    let y = target(b).unwrap_or_else(|| b.clone());
    vm.binary_op(crate::ops::nb::OR, &x, &y)
}

/// `reversed(proxy)`: the mapping's `__reversed__()`.
pub(crate) fn reversed(vm: &mut Vm, mapping: &Value) -> PyResult<Value> {
    let name = vm.intern("__reversed__");
    let f = vm.get_attr(mapping, &name)?;
    vm.call(&f, &[])
}

/// `types.MappingProxyType(mapping)`: a read-only view of any mapping
/// (`mappingproxy_check_mapping`: an object with `__getitem__` that is not
/// a list or tuple).
pub(crate) fn construct(a: crate::func::Args<'_>) -> crate::exc::PyResult<Value> {
    a.no_kw("mappingproxy")?;
    let [m] = a.pos else {
        return Err(crate::exc::PyErr::type_error(format!(
            "mappingproxy() takes exactly 1 argument ({} given)",
            a.pos.len()
        )));
    };
    let is_mapping = match m {
        Value::List(_) | Value::Tuple(_) => false,
        Value::Dict(_)
        | Value::Str(_)
        | Value::Bytes(_)
        | Value::ByteArray(_)
        | Value::Range(_)
        | Value::MemoryView(_) => true,
        Value::Instance(i) => {
            !matches!(i.payload, Value::List(_) | Value::Tuple(_))
                && crate::class::lookup(&i.class(), &crate::names::D::GetItem.name()).is_some()
        }
        Value::Descr(d) => matches!(**d, Descr::MappingProxy(_)),
        _ => false,
    };
    let d = is_mapping.then(|| Value::Descr(Rc::new(Descr::MappingProxy(m.clone()))));
    d.ok_or_else(|| {
        crate::exc::PyErr::type_error(format!(
            "mappingproxy() argument must be a mapping, not {}",
            crate::types::type_name(m)
        ))
    })
}
