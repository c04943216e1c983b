//! `dir()` of user classes and their instances, as `object.__dir__` and
//! `type.__dir__` compute it: the instance's `__dict__` keys, then every
//! class along the MRO (its namespace, the `__dict__`/`__weakref__`
//! descriptors and `__slots__` members a class statement adds), then what
//! `object` has, sorted.

use std::rc::Rc;

use crate::types::{TypeKind, TypeObj};
use crate::value::Value;

/// `dir(object)` in CPython 3.11.
const OBJECT_NAMES: &[&str] = &[
    "__class__",
    "__delattr__",
    "__dir__",
    "__doc__",
    "__eq__",
    "__format__",
    "__ge__",
    "__getattribute__",
    "__getstate__",
    "__gt__",
    "__hash__",
    "__init__",
    "__init_subclass__",
    "__le__",
    "__lt__",
    "__ne__",
    "__new__",
    "__reduce__",
    "__reduce_ex__",
    "__repr__",
    "__setattr__",
    "__sizeof__",
    "__str__",
    "__subclasshook__",
];

fn push_keys(out: &mut Vec<String>, d: &crate::dict::Dict) {
    out.extend(d.keys().filter_map(|k| match k {
        Value::Str(s) => Some(s.as_str().to_string()),
        _ => None,
    }));
}

/// The names `__slots__` declares in a class namespace (`None` without `__slots__`).
fn slot_names(d: &crate::dict::Dict) -> Option<Vec<String>> {
    let slots = d
        .iter()
        .find(|(k, _)| matches!(k, Value::Str(s) if s.as_str() == "__slots__"))
        .map(|(_, v)| v.clone())?;
    let items: Vec<Value> = match &slots {
        Value::Str(_) => vec![slots.clone()],
        Value::Tuple(t) => t.to_vec(),
        Value::List(l) => l.borrow().clone(),
        _ => Vec::new(),
    };
    Some(
        items
            .iter()
            .filter_map(|v| match v {
                Value::Str(s) => Some(s.as_str().to_string()),
                _ => None,
            })
            .collect(),
    )
}

fn class_names(out: &mut Vec<String>, t: &Rc<TypeObj>) {
    match &t.heap {
        Some(h) => {
            let d = h.dict.borrow();
            push_keys(out, &d);
            match slot_names(&d) {
                Some(names) => out.extend(names),
                None => out.extend(["__dict__".to_string(), "__weakref__".to_string()]),
            }
        }
        None => {
            if let Some(table) = crate::methods::table_for(&Value::Type(t.clone())) {
                out.extend(table.iter().map(|d| d.name.to_string()));
            }
        }
    }
}

/// `dir(v)` when `v` is a user class or an instance of one whose classes
/// derive from `object` alone; `None` for everything else (builtin values,
/// exceptions, subclasses of builtin types keep the caller's listing).
pub fn heap_dir(v: &Value) -> Option<Value> {
    let (t, inst) = match v {
        Value::Type(t) => (t.clone(), None),
        Value::Instance(_) => (crate::types::type_of(v), crate::attr::instance_dict(v)),
        _ => return None,
    };
    let mut names: Vec<String> = Vec::new();
    match &t.heap {
        Some(h) if matches!(h.solid.kind, TypeKind::Object) => {
            if let Some(d) = inst {
                push_keys(&mut names, &d.borrow());
            }
            class_names(&mut names, &t);
            for c in &h.mro {
                class_names(&mut names, c);
            }
        }
        None if matches!(t.kind, TypeKind::Object) => {}
        _ => return None,
    }
    names.extend(OBJECT_NAMES.iter().map(|s| s.to_string()));
    names.sort();
    names.dedup();
    Some(Value::list(names.into_iter().map(Value::string).collect()))
}
