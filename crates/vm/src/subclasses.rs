//! `type.__subclasses__()`: each class made by a `class` statement or
//! `type(...)` is recorded, weakly, under each of its bases, so ABCs
//! (`_py_abc.ABCMeta.__subclasscheck__` walks `cls.__subclasses__()`) see
//! `MutableSequence` under `Sequence`.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::{Rc, Weak};

use crate::types::TypeObj;

thread_local! {
    /// Base class address to its subclasses. A base outlives its subclasses
    /// (they hold it), so an address is never reused while entries under it
    /// are alive; dead entries are pruned as classes are added.
    static SUBCLASSES: RefCell<HashMap<usize, Vec<Weak<TypeObj>>>> = RefCell::new(HashMap::new());
}

fn key(t: &Rc<TypeObj>) -> usize {
    Rc::as_ptr(t) as usize
}

/// Records `t` as a subclass of each of `bases`.
pub fn record(t: &Rc<TypeObj>, bases: &[Rc<TypeObj>]) {
    SUBCLASSES.with(|m| {
        let mut m = m.borrow_mut();
        for b in bases {
            let list = m.entry(key(b)).or_default();
            list.retain(|w| w.strong_count() > 0);
            list.push(Rc::downgrade(t));
        }
    });
}

/// The live subclasses of `t`, oldest first.
pub fn of(t: &Rc<TypeObj>) -> Vec<Rc<TypeObj>> {
    SUBCLASSES.with(|m| {
        m.borrow()
            .get(&key(t))
            .map(|list| list.iter().filter_map(Weak::upgrade).collect())
            .unwrap_or_default()
    })
}
