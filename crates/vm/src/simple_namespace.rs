//! `types.SimpleNamespace` (CPython's `Objects/namespaceobject.c`): attributes
//! given as keywords, `namespace(a=1)` repr, equality by attributes. Also the
//! type of `sys.implementation`.

use std::rc::Rc;

use crate::dict::Dict;
use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::native::{class_of, native_methods, repr_guard, short_name, ClassSpec, SpecFlags};
use crate::types::{type_of, TypeKind};
use crate::value::Value;
use crate::vm::Vm;

native_methods!(NS_M, "types.SimpleNamespace", [
    "__init__" => init, "__repr__" => repr, "__eq__" => eq, "__ne__" => ne,
    "__reduce__" => reduce,
]);
static NAMESPACE: ClassSpec = ClassSpec {
    name: "SimpleNamespace",
    module: "types",
    base: TypeKind::Object,
    methods: NS_M,
    classmethods: &[],
    props: &[],
    unhashable: true,
    flags: SpecFlags::BASETYPE.with(SpecFlags::DICT),
};

/// A namespace object holding `attrs` (`sys.implementation`).
pub fn new_namespace(vm: &mut Vm, attrs: Vec<(&str, Value)>) -> Value {
    let cls = class_of(vm, &NAMESPACE);
    let inst = crate::instance::Instance::new(cls, Value::Null);
    {
        let d_rc = inst.dict.clone();
        let mut d = d_rc.borrow_mut();
        for (k, v) in attrs {
            let _ = d.insert(Value::str(k), v);
        }
    }
    Value::Instance(Rc::new(inst))
}

fn dict_of(v: &Value) -> Option<Rc<std::cell::RefCell<Dict>>> {
    match v {
        Value::Instance(i) => Some(i.dict.clone()),
        _ => None,
    }
}

fn init(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    if a.pos.len() > 1 {
        return Err(PyErr::type_error("no positional arguments expected"));
    }
    let Some(d) = a.pos.first().and_then(dict_of) else {
        return Ok(Value::None);
    };
    let mut d = d.borrow_mut();
    for (k, v) in a.kwnames.iter().zip(a.kwvals) {
        d.insert(k.clone(), v.clone())?;
    }
    Ok(Value::None)
}

fn repr(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let obj = a.pos.first().cloned().unwrap_or(Value::None);
    let t = type_of(&obj);
    let name = if Rc::ptr_eq(&t, &class_of(vm, &NAMESPACE)) {
        "namespace".to_string()
    } else {
        short_name(&t).to_string()
    };
    let items: Vec<(Value, Value)> = dict_of(&obj)
        .map(|d| {
            d.borrow()
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect()
        })
        .unwrap_or_default();
    let out = repr_guard(&obj, || {
        let mut parts = Vec::with_capacity(items.len());
        for (k, v) in &items {
            if let Value::Str(s) = k {
                parts.push(format!("{}={}", s.as_str(), vm.repr_of(v)?));
            }
        }
        Ok(format!("{}({})", name, parts.join(", ")))
    })?;
    Ok(Value::string(out.unwrap_or_else(|| format!("{name}(...)"))))
}

fn compare(vm: &mut Vm, a: &Args<'_>) -> PyResult<Option<bool>> {
    let cls = class_of(vm, &NAMESPACE);
    let (Some(x), Some(y)) = (a.pos.first(), a.pos.get(1)) else {
        return Ok(None);
    };
    if !type_of(y).is_subtype(&cls) {
        return Ok(None);
    }
    let (Some(dx), Some(dy)) = (dict_of(x), dict_of(y)) else {
        return Ok(None);
    };
    vm.eq_values(&Value::Dict(dx), &Value::Dict(dy)).map(Some)
}

fn eq(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(compare(vm, &a)?.map_or(Value::NotImplemented, Value::Bool))
}

fn ne(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(compare(vm, &a)?.map_or(Value::NotImplemented, |b| Value::Bool(!b)))
}

/// `namespace_reduce`: `(type(self), (), self.__dict__)`.
fn reduce(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let Some(obj) = a.pos.first() else {
        return Err(PyErr::type_error(
            "descriptor '__reduce__' of 'types.SimpleNamespace' object needs an argument",
        ));
    };
    let state = dict_of(obj).map_or(Value::None, Value::Dict);
    Ok(Value::tuple(vec![
        Value::Type(type_of(obj)),
        Value::tuple(vec![]),
        state,
    ]))
}
