//! `dir(obj)` for instances and classes defined in Python: the instance's
//! attributes, every class's namespace along the MRO, and what `object`
//! (and the builtin base) contribute, as CPython's `object.__dir__` and
//! `type.__dir__` list them.

use std::rc::Rc;

use crate::types::TypeObj;
use crate::value::Value;

/// What `dir(object())` lists in CPython 3.11 (the generated table's).
fn object_names() -> Vec<String> {
    crate::doc_table::dir_of("object")
        .unwrap_or_default()
        .iter()
        .map(|s| s.to_string())
        .collect()
}

/// Exceptions add these (`BaseException`'s attributes and methods).
const EXCEPTION_NAMES: &[&str] = &[
    "__cause__",
    "__context__",
    "__setstate__",
    "__suppress_context__",
    "__traceback__",
    "add_note",
    "args",
    "with_traceback",
];

/// The names of `obj` when it is `object`, or an instance or a class of a
/// Python class.
pub fn names(obj: &Value) -> Option<Vec<String>> {
    if let Some(listed) = native_builtin_listing(obj) {
        return Some(listed);
    }
    let (t, inst_dict) = match obj {
        Value::Type(t) if t.heap.is_none() && t.kind == crate::types::TypeKind::Object => {
            return Some(object_names());
        }
        Value::Type(t) if t.heap.is_some() => (t.clone(), None),
        Value::Instance(i) => (i.class(), Some(i.dict.clone())),
        Value::Exception(e) if e.typ.heap.is_some() => (e.typ.clone(), Some(e.dict())),
        _ => return None,
    };
    let mut out = object_names();
    if let Some(d) = inst_dict {
        let slots = slot_names(&t);
        out.extend(
            d.borrow()
                .keys()
                .filter_map(key_text)
                .filter(|k| slots.is_none() || !k.starts_with("__")),
        );
    }
    let mut has_dict = false;
    for c in std::iter::once(t.clone()).chain(crate::class::mro_of(&t)) {
        match &c.heap {
            Some(h) => {
                if let Ok(d) = h.dict.try_borrow() {
                    out.extend(d.keys().filter_map(key_text));
                }
                if let Some(s) = &h.slots {
                    out.extend(s.iter().map(|n| n.as_str().to_string()));
                } else {
                    has_dict = true;
                }
            }
            None => {
                if matches!(c.kind, crate::types::TypeKind::Exception(_)) {
                    out.extend(EXCEPTION_NAMES.iter().map(|s| s.to_string()));
                    has_dict = true;
                }
                // A builtin base lists everything CPython's type has,
                // slot wrappers included (`list.__iter__`).
                if let Some(names) = crate::doc_table::dir_of(&c.name) {
                    out.extend(names.iter().map(|n| n.to_string()));
                } else if let Some(table) = crate::methods::table_for(&Value::Type(c.clone())) {
                    out.extend(table.iter().map(|d| d.name.to_string()));
                }
            }
        }
    }
    if has_dict {
        out.push("__dict__".to_string());
        out.push("__weakref__".to_string());
    }
    // `__qualname__` lives on the type, not in its namespace.
    out.retain(|n| n != "__qualname__");
    out.sort();
    out.dedup();
    Some(out)
}

/// CPython's listing for an instance of a class of `builtins` written here
/// as a native class (`getset_descriptor`, `member_descriptor`): its
/// class dict holds helpers of this implementation (`__getattr__`) that
/// CPython's type does not have.
fn native_builtin_listing(obj: &Value) -> Option<Vec<String>> {
    let Value::Instance(i) = obj else {
        return None;
    };
    let t = i.class();
    let h = t.heap.as_ref()?;
    h.native?;
    // A native class of `builtins` stores no `__module__` (it is computed).
    if h.dict
        .borrow()
        .get_str(&crate::names::D::Module.name())
        .is_some()
    {
        return None;
    }
    let names = crate::doc_table::dir_of(&t.name)?;
    Some(names.iter().map(|n| n.to_string()).collect())
}

fn slot_names(t: &Rc<TypeObj>) -> Option<Vec<String>> {
    let h = t.heap.as_ref()?;
    h.slots
        .as_ref()
        .map(|s| s.iter().map(|n| n.as_str().to_string()).collect())
}

fn key_text(k: &Value) -> Option<String> {
    match k {
        Value::Str(s) => Some(s.as_str().to_string()),
        _ => None,
    }
}
