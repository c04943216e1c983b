//! What a class says of itself as a CPython type object: `__flags__`,
//! `__basicsize__`, `__itemsize__`, `__dictoffset__` and `__weakrefoffset__`.
//!
//! Programs read these as CPython lays them out: `inspect.isabstract` tests
//! `Py_TPFLAGS_IS_ABSTRACT`, `copyreg` looks for the first base without
//! `Py_TPFLAGS_HEAPTYPE`, tests compare sizes. Builtin classes answer from
//! CPython's own figures (`doc_table::LAYOUTS`); a Python class derives its
//! figures from its `__base__` as 3.11's `type_new` does, so a subclass of a
//! builtin gets CPython's numbers too.

use std::rc::Rc;

use crate::native::SpecFlags;
use crate::types::TypeObj;

/// `Py_TPFLAGS_MANAGED_DICT`: the instance dict lives before the object.
const MANAGED_DICT: i64 = 1 << 4;
/// `Py_TPFLAGS_SEQUENCE`: `match` takes instances for sequences.
pub const SEQUENCE: i64 = 1 << 5;
/// `Py_TPFLAGS_MAPPING`: `match` takes instances for mappings.
pub const MAPPING: i64 = 1 << 6;
const SEQUENCE_OR_MAPPING: i64 = SEQUENCE | MAPPING;
/// `Py_TPFLAGS_IMMUTABLETYPE`.
const IMMUTABLETYPE: i64 = 1 << 8;
/// `Py_TPFLAGS_HEAPTYPE`.
const HEAPTYPE: i64 = 1 << 9;
/// `Py_TPFLAGS_BASETYPE`.
const BASETYPE: i64 = 1 << 10;
/// `Py_TPFLAGS_READY`.
const READY: i64 = 1 << 12;
/// `Py_TPFLAGS_HAVE_GC`.
const HAVE_GC: i64 = 1 << 14;
/// `Py_TPFLAGS_IS_ABSTRACT`.
const IS_ABSTRACT: i64 = 1 << 20;
/// `_Py_TPFLAGS_MATCH_SELF` and the `Py_TPFLAGS_*_SUBCLASS` bits, which
/// subclasses inherit.
const INHERITED: i64 = (1 << 22) | (0xff << 24);

/// A pointer's size: what each member, `__dict__` or `__weakref__` slot adds.
const WORD: i64 = 8;

/// The five figures of a class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    /// `__flags__`.
    pub flags: i64,
    /// `__basicsize__`.
    pub basicsize: i64,
    /// `__itemsize__`.
    pub itemsize: i64,
    /// `__dictoffset__`.
    pub dictoffset: i64,
    /// `__weakrefoffset__`.
    pub weakrefoffset: i64,
}

impl Layout {
    fn from_row(row: [i64; 5]) -> Layout {
        let [flags, basicsize, itemsize, dictoffset, weakrefoffset] = row;
        Layout {
            flags,
            basicsize,
            itemsize,
            dictoffset,
            weakrefoffset,
        }
    }
}

/// The figures of `t`.
pub fn layout(t: &Rc<TypeObj>) -> Layout {
    let Some(h) = &t.heap else {
        return crate::doc_table::layout_of(&t.name).map_or(
            Layout {
                flags: IMMUTABLETYPE | READY,
                basicsize: 16,
                itemsize: 0,
                dictoffset: 0,
                weakrefoffset: 0,
            },
            Layout::from_row,
        );
    };
    let abstract_bit = if h.is_abstract.get() { IS_ABSTRACT } else { 0 };
    let base = t.base.as_ref().map_or_else(
        || layout(&crate::types::builtin_type(crate::types::TypeKind::Object)),
        layout,
    );
    if let Some(native) = h.native {
        return native_layout(native, &base, abstract_bit);
    }
    let members = crate::modules::builtins::slot_count(t) as i64
        - t.base
            .as_ref()
            .map_or(0, |b| crate::modules::builtins::slot_count(b) as i64);
    let mut out = Layout {
        flags: HEAPTYPE
            | BASETYPE
            | READY
            | HAVE_GC
            | abstract_bit
            | collection_flags(t)
            | (base.flags & (INHERITED | MANAGED_DICT)),
        basicsize: base.basicsize + WORD * members.max(0),
        itemsize: base.itemsize,
        dictoffset: base.dictoffset,
        weakrefoffset: base.weakrefoffset,
    };
    let add_dict = h.slots.is_none() && base.dictoffset == 0;
    if add_dict && base.itemsize != 0 {
        out.dictoffset = -WORD;
        out.basicsize += WORD;
    }
    let own_weakref = h
        .dict
        .borrow()
        .get_str(&crate::names::D::Weakref.name())
        .is_some();
    if own_weakref && base.weakrefoffset == 0 && base.itemsize == 0 {
        out.weakrefoffset = out.basicsize;
        out.basicsize += WORD;
    }
    if add_dict && base.itemsize == 0 {
        out.flags |= MANAGED_DICT;
        out.dictoffset = -out.basicsize - 3 * WORD;
    }
    out
}

/// `Py_TPFLAGS_SEQUENCE` or `Py_TPFLAGS_MAPPING` of `t`, which `match`
/// reads: that of the first class along its MRO (itself first) with one, a
/// Python class's own coming from `__abc_tpflags__` or `abc`'s `register`.
/// So `class M(UserDict, Sequence)` is a mapping (`inherit_patma_flags`
/// walks the MRO the same way when CPython makes the class).
pub fn collection_flags(t: &Rc<TypeObj>) -> i64 {
    let own = |c: &Rc<TypeObj>| match &c.heap {
        Some(h) => h.collection_flags.get() & SEQUENCE_OR_MAPPING,
        None => layout(c).flags & SEQUENCE_OR_MAPPING,
    };
    let Some(h) = &t.heap else {
        return own(t);
    };
    let first = own(t);
    if first != 0 {
        return first;
    }
    let mro = h.mro();
    mro.iter().map(own).find(|&f| f != 0).unwrap_or(0)
}

/// A class written in Rust: a type over `object` (immutable unless its flags
/// say otherwise) with the extras its flags give, each one word.
fn native_layout(native: SpecFlags, base: &Layout, abstract_bit: i64) -> Layout {
    let mut out = Layout {
        flags: READY | HAVE_GC | abstract_bit | (base.flags & INHERITED),
        ..*base
    };
    if !native.has(SpecFlags::MUTABLE) {
        out.flags |= IMMUTABLETYPE;
    }
    if native.has(SpecFlags::BASETYPE) {
        out.flags |= BASETYPE;
    }
    if native.has(SpecFlags::DICT) && out.dictoffset == 0 {
        out.dictoffset = out.basicsize;
        out.basicsize += WORD;
    }
    if native.has(SpecFlags::WEAKREFS) && out.weakrefoffset == 0 {
        out.weakrefoffset = out.basicsize;
        out.basicsize += WORD;
    }
    out
}

/// `cls.__flags__`, `cls.__basicsize__`, ...: `None` for other names.
pub fn attr(t: &Rc<TypeObj>, name: &str) -> Option<i64> {
    let pick: fn(&Layout) -> i64 = match name {
        "__flags__" => |l| l.flags,
        "__basicsize__" => |l| l.basicsize,
        "__itemsize__" => |l| l.itemsize,
        "__dictoffset__" => |l| l.dictoffset,
        "__weakrefoffset__" => |l| l.weakrefoffset,
        _ => return None,
    };
    Some(pick(&layout(t)))
}
