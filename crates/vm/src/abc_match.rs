//! `match` and `collections.abc`: CPython marks a class as a sequence or a
//! mapping for `MATCH_SEQUENCE` / `MATCH_MAPPING` when it derives from
//! `collections.abc.Sequence` / `Mapping` (their `__abc_tpflags__`) or is
//! registered with one (`_abc_register` sets the flag). Here the standard
//! library's pure-Python ABCs do the bookkeeping, so a plain class is asked
//! `issubclass(cls, Sequence)` instead. Builtin layouts keep their own flags
//! (`str` is registered as a Sequence but never matches one).

use crate::types::TypeKind;
use crate::value::Value;
use crate::vm::Vm;

/// Which ABC flag to test.
#[derive(Clone, Copy, Debug)]
pub enum Collection {
    /// `Py_TPFLAGS_SEQUENCE`.
    Sequence,
    /// `Py_TPFLAGS_MAPPING`.
    Mapping,
}

/// Whether `v`, an instance of a class without a builtin layout, counts as a
/// `kind` for `match` through `collections.abc`.
pub fn abc_flag(vm: &mut Vm, v: &Value, kind: Collection) -> bool {
    let Value::Instance(i) = v else {
        return false;
    };
    let cls = i.class();
    let plain = cls
        .heap
        .as_ref()
        .is_some_and(|h| h.solid.kind == TypeKind::Object);
    if !plain {
        return false;
    }
    // A class with a flag of its own or along its MRO is what the flag says.
    if crate::type_layout::collection_flags(&cls) != 0 {
        return false;
    }
    // Nothing can be registered before `collections.abc` is imported.
    let Some(Value::Module(m)) = vm.sys_module("_collections_abc") else {
        return false;
    };
    let (want, other) = match kind {
        Collection::Sequence => ("Sequence", "Mapping"),
        Collection::Mapping => ("Mapping", "Sequence"),
    };
    let (want, other) = (vm.intern(want), vm.intern(other));
    let lookup = |n| m.dict.borrow().get_str(n).cloned();
    let (Some(want), Some(other)) = (lookup(&want), lookup(&other)) else {
        return false;
    };
    let cls = Value::Type(cls);
    // Flags are set without running Python code, so errors of the check are
    // "no"; a class that is both (registered twice) counts as neither.
    let is = crate::instance_check::issubclass(vm, &cls, &want).unwrap_or(false);
    is && !crate::instance_check::issubclass(vm, &cls, &other).unwrap_or(false)
}
