//! Methods of `dict`.

use std::cell::RefCell;
use std::rc::Rc;

use crate::dict::Dict;
use crate::exc::{PyErr, PyResult};
use crate::func::{Args, BuiltinDef};
use crate::iter::DictPart;
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::Vm;

use super::*;

method_table!(pub(super) DICT_METHODS, "dict", [
    "get" => dict_get, "items" => dict_items, "keys" => dict_keys, "values" => dict_values,
    "pop" => dict_pop, "setdefault" => dict_setdefault, "update" => dict_update,
    "copy" => dict_copy, "fromkeys" => dict_fromkeys, "clear" => dict_clear, "popitem" => dict_popitem,
]);

/// Methods of `dict_keys` and `dict_items` (the set-like views).
pub(super) static DICT_VIEW_METHODS: &[BuiltinDef] = &[BuiltinDef {
    name: "isdisjoint",
    func: view_isdisjoint,
    owner: "dict_keys",
    is_method: true,
}];

/// `keys.isdisjoint(other)`: no element of `other` is in the view. CPython
/// walks `other` and asks the view (`dictviews_isdisjoint`).
fn view_isdisjoint(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let view = match a.pos.first() {
        Some(v @ Value::DictView(_)) => v,
        other => return Err(descriptor_error("isdisjoint", "dict_keys", other)),
    };
    nargs(&a, "isdisjoint", 1, 1)?;
    if view.is(&a.pos[1]) {
        return Ok(Value::Bool(vm.len_of(view)? == 0));
    }
    for item in vm.collect(&a.pos[1])? {
        if vm.contains(view, &item)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

// ---- dict ----

fn dict_get(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let d = recv_dict(&a, "get")?;
    nargs(&a, "get", 1, 2)?;
    let r = vm.map_get(d, &a.pos[1])?;
    Ok(r.unwrap_or_else(|| a.pos.get(2).cloned().unwrap_or(Value::None)))
}

fn dict_items(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let d = recv_dict(&a, "items")?;
    noargs(&a, "dict", "items")?;
    Ok(Value::DictView(Rc::new((d.clone(), DictPart::Items))))
}
fn dict_keys(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let d = recv_dict(&a, "keys")?;
    noargs(&a, "dict", "keys")?;
    Ok(Value::DictView(Rc::new((d.clone(), DictPart::Keys))))
}
fn dict_values(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let d = recv_dict(&a, "values")?;
    noargs(&a, "dict", "values")?;
    Ok(Value::DictView(Rc::new((d.clone(), DictPart::Values))))
}

fn dict_pop(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let d = recv_dict(&a, "pop")?;
    nargs(&a, "pop", 1, 2)?;
    // An empty dict answers without hashing the key.
    let r = if d.borrow().is_empty() {
        None
    } else {
        vm.map_remove(d, &a.pos[1])?
    };
    match (r, a.pos.get(2)) {
        (Some(v), _) => Ok(v),
        (None, Some(dflt)) => Ok(dflt.clone()),
        (None, None) => Err(PyErr::key_error(a.pos[1].clone())),
    }
}

fn dict_popitem(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let d = recv_dict(&a, "popitem")?;
    noargs(&a, "dict", "popitem")?;
    let r = d.borrow_mut().pop_last();
    match r {
        Some((k, v)) => Ok(Value::tuple(vec![k, v])),
        None => Err(PyErr::new(
            ExcKind::KeyError,
            "popitem(): dictionary is empty",
        )),
    }
}

fn dict_setdefault(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let d = recv_dict(&a, "setdefault")?;
    nargs(&a, "setdefault", 1, 2)?;
    let dflt = a.pos.get(2).cloned().unwrap_or(Value::None);
    vm.map_setdefault(d, &a.pos[1], dflt)
}

/// `dict.update` semantics: merges a mapping or an iterable of pairs.
pub fn dict_merge_from(vm: &mut Vm, d: &Rc<RefCell<Dict>>, src: &Value) -> PyResult<()> {
    if let Value::Dict(s) = src {
        return vm.dict_merge_entries(d, s);
    }
    // Anything with `keys()` is a mapping (`mappingproxy`, dict subclasses).
    let keys_name = vm.intern("keys");
    match vm.get_attr(src, &keys_name) {
        Ok(_) => return vm.dict_update_from(d, src),
        Err(e) if e.is(ExcKind::AttributeError) => {}
        Err(e) => return Err(e),
    }
    // Pairs are taken one at a time: a bad element is reported before the
    // iterable is exhausted, as CPython does.
    let outer = vm.get_iter(src)?;
    let mut i = 0usize;
    while let Some(item) = vm.iter_next(&outer)? {
        let it = vm.get_iter(&item).map_err(|e| {
            if e.is(ExcKind::TypeError) {
                PyErr::type_error(format!(
                    "cannot convert dictionary update sequence element #{i} to a sequence"
                ))
            } else {
                e
            }
        })?;
        let mut pair = Vec::with_capacity(2);
        while let Some(x) = vm.iter_next(&it)? {
            pair.push(x);
        }
        if pair.len() != 2 {
            return Err(PyErr::value_error(format!(
                "dictionary update sequence element #{} has length {}; 2 is required",
                i,
                pair.len()
            )));
        }
        let mut it = pair.into_iter();
        if let (Some(k), Some(v)) = (it.next(), it.next()) {
            vm.map_insert(d, k, v)?;
        }
        i += 1;
    }
    Ok(())
}

fn dict_update(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let d = recv_dict(&a, "update")?;
    if a.pos.len() > 2 {
        return Err(PyErr::type_error(format!(
            "update expected at most 1 argument, got {}",
            a.pos.len() - 1
        )));
    }
    if let Some(src) = a.pos.get(1) {
        dict_merge_from(vm, d, src)?;
    }
    for (k, v) in a.kwnames.iter().zip(a.kwvals) {
        d.borrow_mut().insert(k.clone(), v.clone())?;
    }
    Ok(Value::None)
}

fn dict_copy(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let d = recv_dict(&a, "copy")?;
    noargs(&a, "dict", "copy")?;
    let copy = d.borrow().clone();
    Ok(Value::dict(copy))
}

fn dict_clear(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let d = recv_dict(&a, "clear")?;
    noargs(&a, "dict", "clear")?;
    d.borrow_mut().clear();
    Ok(Value::None)
}

/// `dict.fromkeys(iterable, value=None)`, a class method: a subclass gets
/// `cls()` filled through its `__setitem__`, as CPython does.
fn dict_fromkeys(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (cls, a) = super::split_class(&a);
    a.no_kw("fromkeys")?;
    let (keys, value) = match a.pos {
        [k] => (k, Value::None),
        [k, v] => (k, v.clone()),
        _ => {
            let n = a.pos.len();
            return Err(PyErr::type_error(if n == 0 {
                "fromkeys expected at least 1 argument, got 0".to_string()
            } else {
                format!("fromkeys expected at most 2 arguments, got {n}")
            }));
        }
    };
    if let Some(cls) = cls.filter(|c| c.heap.is_some()) {
        let d = vm.call(&Value::Type(cls.clone()), &[])?;
        for k in vm.collect(keys)? {
            vm.setitem(&d, k, value.clone())?;
        }
        return Ok(d);
    }
    let mut d = Dict::new();
    // `_PyDict_FromKeys`: the keys of an exact dict, set or frozenset come
    // with their stored hashes, so `__hash__` is not called again.
    let hashed: Option<Vec<(i64, Value)>> = match keys {
        Value::Dict(s) | Value::Set(s) => Some(
            s.borrow()
                .iter_entries()
                .map(|(h, k, _)| (h, k.clone()))
                .collect(),
        ),
        Value::FrozenSet(s) => Some(s.iter_entries().map(|(h, k, _)| (h, k.clone())).collect()),
        _ => None,
    };
    if let Some(entries) = hashed {
        for (h, k) in entries {
            vm.local_insert_known_hash(&mut d, k, h, value.clone())?;
        }
        return Ok(Value::dict(d));
    }
    for k in vm.collect(keys)? {
        vm.local_insert(&mut d, k, value.clone())?;
    }
    Ok(Value::Dict(Rc::new(RefCell::new(d))))
}
