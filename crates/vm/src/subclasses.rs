//! `type.__subclasses__()`: every class made by `new_type` is recorded
//! under each of its direct bases with a weak pointer, so the registry keeps
//! no class alive. `_py_abc` walks it (`isinstance([], Sequence)` finds
//! `list` through `MutableSequence`). Builtin subclasses of builtin types
//! (`bool` of `int`) are not recorded.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use crate::types::TypeObj;

thread_local! {
    static SUBCLASSES: RefCell<Registry> = RefCell::new(Registry::default());
}

#[derive(Default)]
struct Registry {
    entries: Vec<(usize, Weak<TypeObj>)>,
    /// The length after the last sweep of dead entries.
    swept: usize,
}

/// Records `t` as a subclass of each of its bases.
pub(crate) fn register(t: &Rc<TypeObj>) {
    let Some(h) = &t.heap else { return };
    SUBCLASSES.with(|r| {
        let mut r = r.borrow_mut();
        if r.entries.len() >= 2 * r.swept.max(64) {
            r.entries.retain(|(_, w)| w.strong_count() > 0);
            r.swept = r.entries.len();
        }
        for b in &h.bases {
            r.entries.push((Rc::as_ptr(b) as usize, Rc::downgrade(t)));
        }
    });
}

/// The live direct subclasses of `t`, oldest first.
pub(crate) fn of(t: &Rc<TypeObj>) -> Vec<Rc<TypeObj>> {
    let key = Rc::as_ptr(t) as usize;
    SUBCLASSES.with(|r| {
        r.borrow()
            .entries
            .iter()
            .filter(|(k, _)| *k == key)
            .filter_map(|(_, w)| w.upgrade())
            .collect()
    })
}
