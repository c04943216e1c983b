//! `C.__new__` for a class whose `__new__` is written in Rust: CPython's
//! `tp_new_wrapper`, a builtin method bound to the class that defines it.
//!
//! Internally such a class's `__new__` is an unbound `Value::Builtin` taking
//! the class to build first, which is how construction calls it. What Python
//! code reads (`int.__new__`, `super().__new__`, `vars(int)['__new__']`) is
//! instead this wrapper bound to the defining class: its `__self__` is that
//! class (what `copyreg._reduce_ex` checks), it is the same object on every
//! access (`obj.__new__ is object.__new__` in `inspect`), and calling it
//! checks the class argument as CPython does before building.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use crate::exc::{PyErr, PyResult};
use crate::func::{Args, BuiltinDef};
use crate::types::TypeObj;
use crate::value::Value;
use crate::vm::Vm;

/// The wrapper; its owner names `object` so that `__doc__` is CPython's
/// one text for every `__new__`.
static NEW_WRAPPER: BuiltinDef = BuiltinDef {
    name: "__new__",
    func: tp_new_wrapper,
    owner: "builtin:object",
    is_method: true,
};

thread_local! {
    /// Defining class address → its bound wrapper. The entry holds the
    /// class, so the address is never reused; the classes with a Rust
    /// `__new__` are the builtin and native ones, which live for the run.
    static BOUND: RefCell<HashMap<usize, Value>> = RefCell::new(HashMap::new());
}

/// What `cls.__new__` (or `obj.__new__`) gives when lookup found the Rust
/// `__new__` `def` on `cls`'s MRO: the wrapper bound to the class that
/// defines it.
pub(crate) fn bound_new(cls: &Rc<TypeObj>, def: &'static BuiltinDef) -> Value {
    let owner = crate::class::mro_find(cls, |c| match own_new(c) {
        Some(Value::Builtin(d)) if std::ptr::eq(d, def) => Some(c.clone()),
        _ => None,
    })
    .unwrap_or_else(|| cls.clone());
    let key = Rc::as_ptr(&owner) as usize;
    BOUND.with(|b| {
        b.borrow_mut()
            .entry(key)
            .or_insert_with(|| Value::BoundBuiltin(Rc::new((Value::Type(owner), &NEW_WRAPPER))))
            .clone()
    })
}

/// `c`'s own `__new__`, without the MRO.
fn own_new(c: &Rc<TypeObj>) -> Option<Value> {
    thread_local! {
        static NAME: Rc<crate::value::StrObj> = Rc::new(crate::value::StrObj::new("__new__"));
    }
    NAME.with(|n| crate::class::lookup_own(c, n))
}

/// The first class of `c`'s MRO that defines `__new__`, and whether that
/// `__new__` is written in Python (CPython's `slot_tp_new`).
fn new_definer(c: &Rc<TypeObj>) -> Option<(Rc<TypeObj>, bool)> {
    crate::class::mro_find(c, |k| {
        own_new(k).map(|v| (k.clone(), !matches!(v, Value::Builtin(_))))
    })
}

/// `T.__new__(S, *args)`: `S` must be a subclass of `T` whose nearest
/// non-Python `__new__` is `T`'s, so that `T`'s builder may lay it out.
fn tp_new_wrapper(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let Some(Value::Type(t)) = a.pos.first() else {
        return Err(PyErr::system_error("__new__ wrapper without its class"));
    };
    let subtype = match a.pos.get(1) {
        None => {
            return Err(PyErr::type_error(format!(
                "{}.__new__(): not enough arguments",
                t.name
            )))
        }
        Some(Value::Type(s)) => s.clone(),
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "{}.__new__(X): X is not a type object ({})",
                t.name,
                crate::types::type_name(other)
            )))
        }
    };
    if !subtype.is_subtype(t) {
        return Err(PyErr::type_error(format!(
            "{}.__new__({}): {} is not a subtype of {}",
            t.name, subtype.name, subtype.name, t.name
        )));
    }
    let mut staticbase = subtype.clone();
    while let Some((_, true)) = new_definer(&staticbase) {
        match staticbase.base.clone() {
            Some(b) => staticbase = b,
            None => break,
        }
    }
    if let Some((definer, false)) = new_definer(&staticbase) {
        if !Rc::ptr_eq(&definer, t) {
            return Err(PyErr::type_error(format!(
                "{}.__new__({}) is not safe, use {}.__new__()",
                t.name, subtype.name, staticbase.name
            )));
        }
    }
    // `module.__new__` makes an empty module whatever the arguments (its
    // `__init__` names it), not the named one `ModuleType(name)` is.
    if t.kind == crate::types::TypeKind::Module && t.heap.is_none() {
        let m = Value::Module(Rc::new(crate::modules::ModuleObj {
            name: "?".to_string(),
            dict: Rc::new(std::cell::RefCell::new(crate::dict::Dict::new())),
        }));
        return Ok(if subtype.heap.is_some() {
            crate::instance::Instance::new_value(subtype, m)
        } else {
            m
        });
    }
    // `bytearray.__new__` is `PyType_GenericNew`: an empty bytearray, the
    // arguments left to `__init__`.
    if t.kind == crate::types::TypeKind::ByteArray && t.heap.is_none() {
        let b = crate::methods::bytearray::new_bytearray(Vec::new());
        return Ok(if subtype.heap.is_some() {
            crate::instance::Instance::new_value(subtype, b)
        } else {
            b
        });
    }
    match own_new(t) {
        Some(new @ Value::Builtin(_)) => vm.call_with_kw(&new, &a.pos[1..], a.kwnames, a.kwvals),
        _ => Err(PyErr::system_error(format!(
            "{}.__new__ is missing",
            t.name
        ))),
    }
}
