//! `type.__subclasses__()`: the live classes that name a class among their
//! `__bases__`.
//!
//! CPython keeps a dict of weak references in every base class. Pith keeps
//! one list of weak references to the classes class statements and
//! `type(name, bases, dict)` made, in creation order, and filters it when
//! asked: creating classes is common, asking for subclasses is rare.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use crate::types::{exc_type, ExcKind, TypeKind, TypeObj};

thread_local! {
    static CLASSES: RefCell<Vec<Weak<TypeObj>>> = const { RefCell::new(Vec::new()) };
}

/// Records a class just made, so its bases can list it.
pub(crate) fn register(class: &Rc<TypeObj>) {
    CLASSES.with(|all| {
        let mut all = all.borrow_mut();
        // Dead entries are dropped whenever the list doubles, so it stays
        // proportional to the classes alive.
        if all.len() >= 64 && all.len().is_power_of_two() {
            all.retain(|w| w.strong_count() > 0);
        }
        all.push(Rc::downgrade(class));
    });
}

/// `cls.__subclasses__()`, in CPython's order: the builtin subclasses first
/// (exceptions by name, as CPython readies them), then classes in the order
/// they were made.
pub(crate) fn subclasses(cls: &Rc<TypeObj>) -> Vec<Rc<TypeObj>> {
    let mut out = builtin_subclasses(cls);
    CLASSES.with(|all| {
        for class in all.borrow().iter().filter_map(Weak::upgrade) {
            let names_cls = class
                .heap
                .as_ref()
                .is_some_and(|h| h.bases.borrow().iter().any(|b| Rc::ptr_eq(b, cls)));
            if names_cls {
                out.push(class);
            }
        }
    });
    out
}

fn builtin_subclasses(cls: &Rc<TypeObj>) -> Vec<Rc<TypeObj>> {
    if cls.heap.is_some() {
        return Vec::new();
    }
    match cls.kind {
        TypeKind::Int => vec![crate::types::builtin_type(TypeKind::Bool)],
        // The builtin classes based on `object` directly (CPython lists
        // them in the order it readies them, which this does not follow).
        TypeKind::Object => {
            let mut out: Vec<Rc<TypeObj>> = crate::types::plain_types()
                .into_iter()
                .filter(|t| t.base.as_ref().is_some_and(|b| Rc::ptr_eq(b, cls)))
                .collect();
            out.push(exc_type(ExcKind::BaseException));
            out
        }
        TypeKind::Exception(parent) => {
            let mut kinds: Vec<ExcKind> = ExcKind::ALL
                .iter()
                .copied()
                .filter(|k| k.base() == Some(parent))
                .collect();
            // `ExceptionGroup` is readied after the others (it has two bases).
            kinds.sort_by_key(|k| (*k == ExcKind::ExceptionGroup, k.name()));
            kinds.into_iter().map(exc_type).collect()
        }
        _ => Vec::new(),
    }
}
