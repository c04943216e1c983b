//! Struct sequences: tuples whose items also have names (`sys.version_info`,
//! `sys.float_info`, `time.struct_time`), with CPython's repr
//! `sys.version_info(major=3, minor=11, ...)`.
//!
//! A struct sequence is a plain tuple value, so indexing, unpacking, comparison
//! and hashing are the tuple's; a registry maps the tuple's allocation to its
//! type, which attribute lookup and `repr` consult. (Once classes exist this
//! can become a tuple subclass; the constructor API stays.)

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use crate::value::Value;

/// A struct sequence type: its qualified name and field names.
#[derive(Debug)]
pub struct StructSeqType {
    /// The name shown by `repr` (`sys.version_info`).
    pub name: &'static str,
    /// Field names, in order; the first `n_in_sequence` are the tuple's items.
    pub fields: &'static [&'static str],
    /// How many fields are tuple items (the rest are attributes only).
    pub n_in_sequence: usize,
}

struct Entry {
    tuple: Weak<Vec<Value>>,
    typ: &'static StructSeqType,
    /// Attribute-only fields (after the sequence part).
    extra: Vec<Value>,
}

thread_local! {
    static REGISTRY: RefCell<Vec<Entry>> = const { RefCell::new(Vec::new()) };
}

/// A new struct sequence of type `typ` with all its field values (sequence
/// fields first, then attribute-only ones).
pub fn new(typ: &'static StructSeqType, mut values: Vec<Value>) -> Value {
    let extra = values.split_off(typ.n_in_sequence.min(values.len()));
    let tuple = Rc::new(values);
    REGISTRY.with(|r| {
        let mut r = r.borrow_mut();
        if r.len() >= 32 && r.len().is_power_of_two() {
            r.retain(|e| e.tuple.strong_count() > 0);
        }
        r.push(Entry {
            tuple: Rc::downgrade(&tuple),
            typ,
            extra,
        });
    });
    Value::Tuple(tuple)
}

fn with_entry<R>(t: &Rc<Vec<Value>>, f: impl FnOnce(&Entry) -> R) -> Option<R> {
    REGISTRY.with(|r| {
        let r = r.borrow();
        if r.is_empty() {
            return None;
        }
        let p = Rc::as_ptr(t);
        r.iter()
            .rev()
            .find(|e| std::ptr::eq(e.tuple.as_ptr(), p) && e.tuple.strong_count() > 0)
            .map(f)
    })
}

/// The struct sequence type of a tuple, if it is one.
pub fn type_of(t: &Rc<Vec<Value>>) -> Option<&'static StructSeqType> {
    with_entry(t, |e| e.typ)
}

/// `t.name` for a struct sequence's field.
pub fn getattr(t: &Rc<Vec<Value>>, name: &str) -> Option<Value> {
    with_entry(t, |e| {
        let i = e.typ.fields.iter().rposition(|f| *f == name)?;
        if i < e.typ.n_in_sequence {
            t.get(i).cloned()
        } else {
            e.extra.get(i - e.typ.n_in_sequence).cloned()
        }
    })
    .flatten()
}

/// Writes `name(field=repr, ...)` for a struct sequence; `false` if `t` is a
/// plain tuple.
pub fn write_repr(
    out: &mut String,
    t: &Rc<Vec<Value>>,
    item_repr: &mut dyn FnMut(&mut String, &Value),
) -> bool {
    let Some((typ, extra)) = with_entry(t, |e| (e.typ, e.extra.clone())) else {
        return false;
    };
    out.push_str(typ.name);
    out.push('(');
    // CPython shows the sequence fields only, except for namespaces.
    let shown = if typ.name == "namespace" {
        typ.fields.len()
    } else {
        typ.n_in_sequence
    };
    for (i, field) in typ.fields.iter().take(shown).enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(field);
        out.push('=');
        let v = if i < typ.n_in_sequence {
            t.get(i)
        } else {
            extra.get(i - typ.n_in_sequence)
        };
        if let Some(v) = v {
            item_repr(out, v);
        }
    }
    out.push(')');
    true
}
