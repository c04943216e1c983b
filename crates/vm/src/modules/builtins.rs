//! `builtins`: the module whose namespace is the VM's builtins dict (what
//! `import builtins` and `from builtins import repr` reach), and the
//! attribute descriptors of builtin types (`FunctionType.__code__`, which
//! `types.py` takes the types `GetSetDescriptorType` and
//! `MemberDescriptorType` from).

use std::rc::{Rc, Weak};

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::native::{
    class_of, native_fn, native_methods, new_object, receiver, ClassSpec, PropSpec, SpecFlags,
};
use crate::types::{ExcKind, TypeKind, TypeObj};
use crate::value::{StrObj, Value};
use crate::vm::Vm;

/// The `builtins` module object.
pub fn init(vm: &mut Vm) -> Value {
    vm.builtins_module()
}

struct AttrDescr {
    /// The class that defines the attribute (weak: a class's dict holds its
    /// `__slots__` members).
    owner: Weak<TypeObj>,
    /// The owner's `__name__`, for reprs once it is gone.
    owner_name: String,
    name: Rc<StrObj>,
    member: bool,
    /// For a `__slots__` member: its index in the instance's slot values.
    slot: Option<usize>,
}

native_methods!(GETSET_M, "builtins.getset_descriptor", [
    "__get__" => descr_get, "__set__" => descr_set, "__delete__" => descr_delete,
    "__repr__" => descr_repr, "__getattr__" => descr_getattr,
]);
static GETSET: ClassSpec = ClassSpec {
    name: "getset_descriptor",
    module: "builtins",
    base: TypeKind::Object,
    methods: GETSET_M,
    classmethods: &[],
    props: DESCR_PROPS,
    unhashable: false,
    flags: SpecFlags::NONE,
};

native_methods!(MEMBER_M, "builtins.member_descriptor", [
    "__get__" => descr_get, "__set__" => descr_set, "__delete__" => descr_delete,
    "__repr__" => descr_repr, "__getattr__" => descr_getattr,
]);
native_fn!(
    DESCR_OBJCLASS,
    "__objclass__",
    "builtins.member_descriptor",
    descr_objclass
);
native_fn!(
    DESCR_DOC,
    "__doc__",
    "builtins.member_descriptor",
    descr_doc
);
/// The properties `getset_descriptor` and `member_descriptor` share.
static DESCR_PROPS: &[PropSpec] = &[
    PropSpec {
        name: "__objclass__",
        get: &DESCR_OBJCLASS,
        set: None,
    },
    PropSpec {
        name: "__doc__",
        get: &DESCR_DOC,
        set: None,
    },
];
static MEMBER: ClassSpec = ClassSpec {
    name: "member_descriptor",
    module: "builtins",
    base: TypeKind::Object,
    methods: MEMBER_M,
    classmethods: &[],
    props: DESCR_PROPS,
    unhashable: false,
    flags: SpecFlags::NONE,
};

/// The member descriptor of `__slots__` entry `name` of the class `owner`,
/// whose value instances keep at `index` of their slot values.
pub fn slot_member(vm: &mut Vm, owner: &Rc<TypeObj>, name: Rc<StrObj>, index: usize) -> Value {
    let cls = class_of(vm, &MEMBER);
    new_object(
        &cls,
        AttrDescr {
            owner: Rc::downgrade(owner),
            owner_name: owner.name.clone(),
            name,
            member: true,
            slot: Some(index),
        },
    )
}

/// `<attribute '__dict__' of 'C' objects>` or `<attribute '__weakref__' of
/// 'C' objects>`: what a class whose bases lack them gets (`name` is one of
/// the two).
pub fn instance_attr(vm: &mut Vm, owner: &Rc<TypeObj>, name: &str) -> Value {
    let cls = class_of(vm, &GETSET);
    new_object(
        &cls,
        AttrDescr {
            owner: Rc::downgrade(owner),
            owner_name: owner.name.clone(),
            name: Rc::new(StrObj::new(name)),
            member: false,
            slot: None,
        },
    )
}

/// Which of a Python class's instance attributes `d` is.
#[derive(PartialEq)]
enum InstanceAttr {
    Dict,
    Weakref,
}

fn instance_attr_of(d: &Described) -> Option<InstanceAttr> {
    let which = match d.name.as_str() {
        "__dict__" => InstanceAttr::Dict,
        "__weakref__" => InstanceAttr::Weakref,
        _ => return None,
    };
    d.owner
        .upgrade()
        .is_some_and(|o| o.heap.is_some())
        .then_some(which)
}

/// The slot index `v` reads and writes on instances of `t`, when `v` is a
/// `__slots__` member of `t` or of one of its bases (a member copied into an
/// unrelated class refuses those instances, so it has none).
pub fn member_slot_for(v: &Value, t: &Rc<TypeObj>) -> Option<usize> {
    let st = crate::native::state_of::<AttrDescr>(v)?;
    let st = st.try_borrow().ok()?;
    let index = st.slot?;
    let owner = st.owner.upgrade()?;
    t.is_subtype(&owner).then_some(index)
}

/// The `__slots__` members of `t` and its bases with their value indices,
/// in MRO order (the class's own first, as `copyreg._slotnames` lists them).
pub fn slot_members(t: &Rc<TypeObj>) -> Vec<(Rc<StrObj>, usize)> {
    let mut out = Vec::new();
    let Some(h) = &t.heap else {
        return out;
    };
    let mro = h.mro();
    let classes = std::iter::once(t).chain(mro.iter());
    for c in classes {
        let Some(ch) = &c.heap else {
            continue;
        };
        let Ok(d) = ch.dict.try_borrow() else {
            continue;
        };
        for (_, v) in d.iter() {
            if let Some(st) = crate::native::state_of::<AttrDescr>(v) {
                if let Ok(st) = st.try_borrow() {
                    if let Some(i) = st.slot {
                        if !out.iter().any(|(_, j)| *j == i) {
                            out.push((st.name.clone(), i));
                        }
                    }
                }
            }
        }
    }
    out
}

/// How many slot values instances of `t` have: one past the highest member
/// index defined on its MRO.
pub fn slot_count(t: &Rc<TypeObj>) -> usize {
    slot_members(t)
        .iter()
        .map(|&(_, i)| i + 1)
        .max()
        .unwrap_or(0)
}

/// A `member_descriptor` (CPython's `tp_members` entry).
const M: bool = true;
/// A `getset_descriptor` (CPython's `tp_getset` entry).
const G: bool = false;

/// `(type, attribute, is a member)`: the data attributes of builtin classes
/// that CPython declares as descriptors in the class's `__dict__`, in
/// CPython's order (members, then getsets). The one declaration each:
/// `T.name`, `T.__dict__` and `vars(T)` all come from it; the value itself
/// is read through the ordinary attribute lookup on the instance.
///
/// Left out until the attributes exist here: `co_lnotab`, `_co_code_adaptive` and a function's
/// `__builtins__`.
const ATTRS: &[(TypeKind, &str, bool)] = {
    use TypeKind as K;
    &[
        (K::Type, "__basicsize__", M),
        (K::Type, "__itemsize__", M),
        (K::Type, "__flags__", M),
        (K::Type, "__weakrefoffset__", M),
        (K::Type, "__base__", M),
        (K::Type, "__dictoffset__", M),
        (K::Type, "__mro__", M),
        (K::Type, "__name__", G),
        (K::Type, "__qualname__", G),
        (K::Type, "__bases__", G),
        (K::Type, "__module__", G),
        (K::Type, "__abstractmethods__", G),
        (K::Type, "__dict__", G),
        (K::Type, "__doc__", G),
        (K::Type, "__text_signature__", G),
        (K::Type, "__annotations__", G),
        (K::Object, "__class__", G),
        (K::Property, "fget", M),
        (K::Property, "fset", M),
        (K::Property, "fdel", M),
        (K::Property, "__doc__", M),
        (K::Property, "__isabstractmethod__", G),
        (K::ClassMethod, "__func__", M),
        (K::ClassMethod, "__wrapped__", M),
        (K::ClassMethod, "__isabstractmethod__", G),
        (K::ClassMethod, "__dict__", G),
        (K::StaticMethod, "__func__", M),
        (K::StaticMethod, "__wrapped__", M),
        (K::StaticMethod, "__isabstractmethod__", G),
        (K::StaticMethod, "__dict__", G),
        (K::Super, "__thisclass__", M),
        (K::Super, "__self__", M),
        (K::Super, "__self_class__", M),
        (K::Method, "__func__", M),
        (K::Method, "__self__", M),
        (K::Method, "__doc__", G),
        (K::BuiltinFunction, "__module__", M),
        (K::BuiltinFunction, "__doc__", G),
        (K::BuiltinFunction, "__name__", G),
        (K::BuiltinFunction, "__qualname__", G),
        (K::BuiltinFunction, "__self__", G),
        (K::BuiltinFunction, "__text_signature__", G),
        (K::MethodDescriptor, "__objclass__", M),
        (K::MethodDescriptor, "__name__", M),
        (K::MethodDescriptor, "__doc__", G),
        (K::MethodDescriptor, "__qualname__", G),
        (K::MethodDescriptor, "__text_signature__", G),
        (K::ClassMethodDescriptor, "__objclass__", M),
        (K::ClassMethodDescriptor, "__name__", M),
        (K::ClassMethodDescriptor, "__doc__", G),
        (K::ClassMethodDescriptor, "__qualname__", G),
        (K::ClassMethodDescriptor, "__text_signature__", G),
        (K::WrapperDescriptor, "__objclass__", M),
        (K::WrapperDescriptor, "__name__", M),
        (K::WrapperDescriptor, "__doc__", G),
        (K::WrapperDescriptor, "__qualname__", G),
        (K::WrapperDescriptor, "__text_signature__", G),
        (K::MethodWrapper, "__self__", M),
        (K::MethodWrapper, "__objclass__", M),
        (K::MethodWrapper, "__name__", G),
        (K::MethodWrapper, "__qualname__", G),
        (K::MethodWrapper, "__doc__", G),
        (K::MethodWrapper, "__text_signature__", G),
        (K::Cell, "cell_contents", G),
        (K::Code, "co_argcount", M),
        (K::Code, "co_posonlyargcount", M),
        (K::Code, "co_kwonlyargcount", M),
        (K::Code, "co_stacksize", M),
        (K::Code, "co_flags", M),
        (K::Code, "co_nlocals", M),
        (K::Code, "co_consts", M),
        (K::Code, "co_names", M),
        (K::Code, "co_filename", M),
        (K::Code, "co_name", M),
        (K::Code, "co_qualname", M),
        (K::Code, "co_firstlineno", M),
        (K::Code, "co_linetable", M),
        (K::Code, "co_exceptiontable", M),
        (K::Code, "co_varnames", G),
        (K::Code, "co_cellvars", G),
        (K::Code, "co_freevars", G),
        (K::Code, "co_code", G),
        (K::Code, "co_lnotab", G),
        (K::Module, "__dict__", M),
        (K::Module, "__annotations__", G),
        (K::Traceback, "tb_frame", M),
        (K::Traceback, "tb_lasti", M),
        (K::Traceback, "tb_next", G),
        (K::Traceback, "tb_lineno", G),
        (K::Frame, "f_trace_lines", M),
        (K::Frame, "f_trace_opcodes", M),
        (K::Frame, "f_back", G),
        (K::Frame, "f_locals", G),
        (K::Frame, "f_lineno", G),
        (K::Frame, "f_trace", G),
        (K::Frame, "f_lasti", G),
        (K::Frame, "f_globals", G),
        (K::Frame, "f_builtins", G),
        (K::Frame, "f_code", G),
        (K::Function, "__closure__", M),
        (K::Function, "__doc__", M),
        (K::Function, "__globals__", M),
        (K::Function, "__builtins__", M),
        (K::Function, "__module__", M),
        (K::Function, "__code__", G),
        (K::Function, "__defaults__", G),
        (K::Function, "__kwdefaults__", G),
        (K::Function, "__annotations__", G),
        (K::Function, "__dict__", G),
        (K::Function, "__name__", G),
        (K::Function, "__qualname__", G),
        (K::Int, "real", G),
        (K::Int, "imag", G),
        (K::Int, "numerator", G),
        (K::Int, "denominator", G),
        (K::Float, "real", G),
        (K::Float, "imag", G),
        (K::Complex, "real", M),
        (K::Complex, "imag", M),
        (K::Range, "start", M),
        (K::Range, "stop", M),
        (K::Range, "step", M),
        (K::Slice, "start", M),
        (K::Slice, "stop", M),
        (K::Slice, "step", M),
        (
            K::Exception(ExcKind::BaseException),
            "__suppress_context__",
            M,
        ),
        (K::Exception(ExcKind::BaseException), "args", G),
        (K::Exception(ExcKind::BaseException), "__traceback__", G),
        (K::Exception(ExcKind::BaseException), "__context__", G),
        (K::Exception(ExcKind::BaseException), "__cause__", G),
    ]
};

/// The data descriptors of the builtin classes that share
/// `TypeKind::Iterator` and differ by name (generators, coroutines, async
/// generators), as [`ATTRS`] lists the others'.
const NAMED_ATTRS: &[(&str, &str, bool)] = &[
    ("generator", "gi_code", M),
    ("generator", "__name__", G),
    ("generator", "__qualname__", G),
    ("generator", "gi_yieldfrom", G),
    ("generator", "gi_running", G),
    ("generator", "gi_frame", G),
    ("generator", "gi_suspended", G),
    ("coroutine", "cr_code", M),
    ("coroutine", "cr_origin", M),
    ("coroutine", "__name__", G),
    ("coroutine", "__qualname__", G),
    ("coroutine", "cr_await", G),
    ("coroutine", "cr_running", G),
    ("coroutine", "cr_frame", G),
    ("coroutine", "cr_suspended", G),
    ("async_generator", "ag_running", M),
    ("async_generator", "ag_code", M),
    ("async_generator", "__name__", G),
    ("async_generator", "__qualname__", G),
    ("async_generator", "ag_await", G),
    ("async_generator", "ag_frame", G),
];

/// The data attributes the builtin class `t` declares, in order, with
/// whether each is a member.
fn declared(t: &TypeObj) -> impl Iterator<Item = (&'static str, bool)> + '_ {
    let by_kind = ATTRS
        .iter()
        .filter(move |(k, _, _)| {
            *k == t.kind && t.kind != TypeKind::Iterator && t.kind != TypeKind::Generator
        })
        .map(|&(_, n, m)| (n, m));
    let by_name = NAMED_ATTRS
        .iter()
        .filter(move |(owner, _, _)| {
            matches!(t.kind, TypeKind::Iterator | TypeKind::Generator) && *owner == t.name
        })
        .map(|&(_, n, m)| (n, m));
    by_kind.chain(by_name)
}

/// Whether `name` is a data attribute that the builtin class named
/// `type_name` declares among [`NAMED_ATTRS`], and if so whether it is a
/// member (assigning it says "readonly attribute") or a getset ("not
/// writable").
pub(crate) fn named_data_attr(type_name: &str, name: &str) -> Option<bool> {
    NAMED_ATTRS
        .iter()
        .find(|(owner, n, _)| *owner == type_name && *n == name)
        .map(|&(_, _, member)| member)
}

/// `T.name` for a builtin type `T` whose instances have the data attribute
/// `name`: a `getset_descriptor` or `member_descriptor`.
pub fn type_attr_descriptor(vm: &mut Vm, t: &Rc<TypeObj>, name: &Rc<StrObj>) -> Option<Value> {
    // A Python class reaches them through the first builtin class of its MRO
    // (`class I(int)` has `I.real`), once its own namespaces had nothing.
    let start = match &t.heap {
        Some(h) => h.mro.borrow().iter().find(|c| c.heap.is_none()).cloned()?,
        None => t.clone(),
    };
    // The nearest builtin class along `__base__` that defines it (`bool.real`
    // is `int`'s). `type`'s own entries are not: on a class they are bound
    // to it by the metaclass (`type.__abstractmethods__` is an error).
    let (owner, member) = std::iter::successors(Some(start), |c| c.base.clone()).find_map(|c| {
        if c.kind == TypeKind::Type {
            return None;
        }
        declared(&c)
            .find(|(n, _)| *n == name.as_str())
            .map(|(_, member)| (c.clone(), member))
    })?;
    Some(attr_descriptor(vm, &owner, name.clone(), member))
}

/// The descriptors the builtin class `t` itself declares, in order, as its
/// `__dict__` holds them (`type.__dict__['__mro__']`).
pub fn own_attr_descriptors(vm: &mut Vm, t: &Rc<TypeObj>) -> Vec<(&'static str, Value)> {
    if t.heap.is_some() {
        return Vec::new();
    }
    let names: Vec<(&'static str, bool)> = declared(t).collect();
    names
        .into_iter()
        .map(|(n, member)| (n, attr_descriptor(vm, t, Rc::new(StrObj::new(n)), member)))
        .collect()
}

thread_local! {
    /// The descriptor made for each `(builtin class, attribute)`: CPython
    /// creates them once, in the class's dict, so `int.real is int.real`
    /// (`inspect._finddoc` checks `getattr(cls, name) is obj`). Builtin
    /// classes live as long as the thread, so their addresses are stable keys.
    static ATTR_DESCRS: std::cell::RefCell<std::collections::HashMap<(usize, &'static str), Value>> =
        std::cell::RefCell::new(std::collections::HashMap::new());
}

fn attr_descriptor(vm: &mut Vm, owner: &Rc<TypeObj>, name: Rc<StrObj>, member: bool) -> Value {
    // The names come from `ATTRS`, whose strings are static.
    let key = declared(owner)
        .find(|(n, _)| *n == name.as_str())
        .map(|(n, _)| (Rc::as_ptr(owner) as usize, n));
    if let Some(key) = key {
        let cached = ATTR_DESCRS.with(|c| c.try_borrow().ok()?.get(&key).cloned());
        // A class of a VM that ended may have left its address to this one.
        let same_owner = |v: &Value| {
            crate::native::state_of::<AttrDescr>(v).is_some_and(|st| {
                st.try_borrow()
                    .is_ok_and(|d| d.owner.upgrade().is_some_and(|o| Rc::ptr_eq(&o, owner)))
            })
        };
        if let Some(v) = cached.filter(same_owner) {
            return v;
        }
        let v = make_attr_descriptor(vm, owner, name, member);
        ATTR_DESCRS.with(|c| {
            if let Ok(mut c) = c.try_borrow_mut() {
                c.insert(key, v.clone());
            }
        });
        return v;
    }
    make_attr_descriptor(vm, owner, name, member)
}

fn make_attr_descriptor(vm: &mut Vm, owner: &Rc<TypeObj>, name: Rc<StrObj>, member: bool) -> Value {
    let cls = class_of(vm, if member { &MEMBER } else { &GETSET });
    new_object(
        &cls,
        AttrDescr {
            owner: Rc::downgrade(owner),
            owner_name: owner.name.clone(),
            name,
            member,
            slot: None,
        },
    )
}

struct Described {
    owner: Weak<TypeObj>,
    owner_name: String,
    name: Rc<StrObj>,
    member: bool,
    slot: Option<usize>,
}

fn me(a: &Args<'_>) -> PyResult<Described> {
    let st = receiver::<AttrDescr>(a, "getset_descriptor", "__get__")?;
    let d = crate::native::borrow(&st)?;
    Ok(Described {
        owner: d.owner.clone(),
        owner_name: d.owner_name.clone(),
        name: d.name.clone(),
        member: d.member,
        slot: d.slot,
    })
}

/// The instance a slot member reads or writes: an instance of its owner.
fn slot_target<'a>(d: &Described, obj: &'a Value) -> PyResult<&'a crate::instance::Instance> {
    if let Value::Instance(i) = obj {
        if d.owner.upgrade().is_some_and(|o| i.class().is_subtype(&o)) {
            return Ok(i);
        }
    }
    Err(PyErr::type_error(format!(
        "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
        d.name.as_str(),
        d.owner_name,
        crate::types::type_name(obj)
    )))
}

/// `descr_check`: a descriptor of a builtin class reads only its instances
/// (`type.__dict__['__mro__'].__get__(1)` is a `TypeError`).
fn check_applies(d: &Described, obj: &Value) -> PyResult<()> {
    match d.owner.upgrade() {
        Some(o) if o.heap.is_none() && !crate::types::type_of(obj).is_subtype(&o) => {
            Err(PyErr::type_error(format!(
                "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
                d.name.as_str(),
                d.owner_name,
                crate::types::type_name(obj)
            )))
        }
        _ => Ok(()),
    }
}

fn descr_get(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let d = me(&a)?;
    let obj = match a.pos.get(1) {
        None | Some(Value::None) => return Ok(a.pos[0].clone()),
        Some(obj) => obj,
    };
    let Some(index) = d.slot else {
        return match instance_attr_of(&d) {
            // `subtype_getweakref`: the head of the object's list of
            // weak references (the shared plain `ref` first), or None.
            Some(InstanceAttr::Weakref) => slot_target(&d, obj).map(|_| {
                super::weakref::refs_to(obj)
                    .into_iter()
                    .next()
                    .map_or(Value::None, |(r, _, _)| r)
            }),
            // `subtype_dict`: on a class (a metaclass inherited this
            // getset from a base), the class's own `__dict__`, as `type`'s.
            Some(InstanceAttr::Dict) if matches!(obj, Value::Type(_)) => {
                match (obj, d.owner.upgrade()) {
                    (Value::Type(t), Some(o)) if crate::class::metatype(t).is_subtype(&o) => {
                        Ok(crate::attr::type_dict_proxy(vm, t))
                    }
                    _ => slot_target(&d, obj).map(|_| Value::None),
                }
            }
            // An exception whose class also derives from a Python class
            // (`HTTPError` from `tempfile._TemporaryFileWrapper`) may reach
            // that class's getset: its dict is the exception's own.
            Some(InstanceAttr::Dict) => match obj {
                Value::Exception(e) if d.owner.upgrade().is_some_and(|o| e.typ.is_subtype(&o)) => {
                    Ok(Value::Dict(e.dict()))
                }
                _ => Ok(slot_target(&d, obj)?.dict.object()),
            },
            None => {
                check_applies(&d, obj)?;
                if let Some(v) = type_getset_value(vm, &d, obj) {
                    return Ok(v);
                }
                vm.get_attr(obj, &d.name)
            }
        };
    };
    let i = slot_target(&d, obj)?;
    i.slot_value(index)
        .ok_or_else(|| crate::protocol::attribute_error(obj, d.name.as_str()))
}

/// What one of `type`'s own getsets or members reads from the class `obj`,
/// straight from the class: `type.__dict__['__mro__'].__get__(C)` is C's
/// real MRO even when C's metaclass defines a `__mro__` property
/// (`inspect.getattr_static` relies on it). `None` for the attributes a
/// class's namespace answers (`__doc__`, `__module__`), which the ordinary
/// lookup reads.
fn type_getset_value(vm: &mut Vm, d: &Described, obj: &Value) -> Option<Value> {
    let Value::Type(t) = obj else {
        return None;
    };
    if !d.owner.upgrade().is_some_and(|o| o.kind == TypeKind::Type) {
        return None;
    }
    match d.name.as_str() {
        "__doc__" | "__module__" | "__abstractmethods__" => None,
        name => crate::attr::type_special_attr(vm, t, name),
    }
}

/// Stores (or, `None`, deletes) the value of a slot member.
fn slot_store(d: &Described, obj: &Value, v: Option<Value>) -> PyResult<()> {
    let index = d.slot.unwrap_or(0);
    let i = slot_target(d, obj)?;
    let old = {
        let mut slots = i.slot_values.borrow_mut();
        if slots.len() <= index {
            slots.resize(index + 1, Value::Null);
        }
        let was_set = !slots[index].is_null();
        if v.is_none() && !was_set {
            return Err(PyErr::new(ExcKind::AttributeError, d.name.as_str()));
        }
        std::mem::replace(&mut slots[index], v.unwrap_or(Value::Null))
    };
    // Freed once the slot values are no longer borrowed (`__del__` may read them).
    drop(old);
    Ok(())
}

fn descr_set(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let d = me(&a)?;
    let obj = a.pos.get(1).cloned().unwrap_or(Value::None);
    let v = a.pos.get(2).cloned().unwrap_or(Value::None);
    if d.slot.is_some() {
        slot_store(&d, &obj, Some(v))?;
        return Ok(Value::None);
    }
    match instance_attr_of(&d) {
        Some(InstanceAttr::Weakref) => {
            return Err(PyErr::new(
                ExcKind::AttributeError,
                format!(
                    "attribute '__weakref__' of '{}' objects is not writable",
                    d.owner_name
                ),
            ))
        }
        Some(InstanceAttr::Dict) => {
            if let Value::Type(_) = obj {
                // As `type`'s own `__dict__`, which has no setter.
                return Err(PyErr::new(
                    ExcKind::AttributeError,
                    "attribute '__dict__' of 'type' objects is not writable",
                ));
            }
            module_dict_readonly(&obj)?;
            crate::inst_dict::set_dict(slot_target(&d, &obj)?, Some(v))?;
            return Ok(Value::None);
        }
        None => {
            check_applies(&d, &obj)?;
            vm.set_attr(&obj, &d.name, v)?
        }
    }
    Ok(Value::None)
}

/// `subtype_setdict` on a module subclass's instance defers to the
/// module's own `__dict__`, a read-only member.
fn module_dict_readonly(obj: &Value) -> PyResult<()> {
    match crate::instance::payload_of(obj) {
        Some(Value::Module(_)) => Err(PyErr::new(ExcKind::AttributeError, "readonly attribute")),
        _ => Ok(()),
    }
}

fn descr_delete(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let d = me(&a)?;
    let obj = a.pos.get(1).cloned().unwrap_or(Value::None);
    if d.slot.is_some() {
        slot_store(&d, &obj, None)?;
        return Ok(Value::None);
    }
    if instance_attr_of(&d) == Some(InstanceAttr::Dict) {
        module_dict_readonly(&obj)?;
        crate::inst_dict::set_dict(slot_target(&d, &obj)?, None)?;
        return Ok(Value::None);
    }
    check_applies(&d, &obj)?;
    vm.del_attr(&obj, &d.name)?;
    Ok(Value::None)
}

fn descr_repr(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let d = me(&a)?;
    Ok(Value::string(format!(
        "<{} '{}' of '{}' objects>",
        if d.member { "member" } else { "attribute" },
        d.name.as_str(),
        d.owner_name
    )))
}

/// `__name__` and `__qualname__`, answered after the class's own
/// attributes (a property named `__name__` in the class would shadow the
/// class's own `__name__`).
fn descr_getattr(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let d = me(&a)?;
    let attr = match a.pos.get(1) {
        Some(Value::Str(s)) => s.clone(),
        _ => return Err(PyErr::type_error("attribute name must be string")),
    };
    match attr.as_str() {
        "__name__" => Ok(Value::Str(d.name)),
        "__qualname__" => {
            let owner = d.owner.upgrade().map_or(d.owner_name.clone(), |o| {
                o.heap
                    .as_ref()
                    .map_or(o.name.clone(), |h| h.qualname.borrow().as_str().to_string())
            });
            Ok(Value::string(format!("{owner}.{}", d.name.as_str())))
        }
        other => Err(PyErr::new(
            ExcKind::AttributeError,
            format!(
                "'{}' object has no attribute '{other}'",
                if d.member {
                    "member_descriptor"
                } else {
                    "getset_descriptor"
                }
            ),
        )),
    }
}

/// `__doc__` of a data descriptor: CPython's text for a builtin class's
/// (from the generated table), a Python class's `__dict__` and
/// `__weakref__` getsets' texts, and `None` for `__slots__` members.
fn descr_doc(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let d = me(&a)?;
    let heap = d.owner.upgrade().map_or(true, |o| o.heap.is_some());
    if heap {
        return Ok(match (instance_attr_of(&d), d.slot) {
            (Some(InstanceAttr::Dict), None) => Value::str("dictionary for instance variables"),
            (Some(InstanceAttr::Weakref), None) => {
                Value::str("list of weak references to the object")
            }
            _ => Value::None,
        });
    }
    let key = format!("{}.{}", d.owner_name, d.name.as_str());
    Ok(crate::doc_table::doc(&key).map_or(Value::None, Value::str))
}

fn descr_objclass(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(me(&a)?.owner.upgrade().map_or(Value::None, Value::Type))
}
