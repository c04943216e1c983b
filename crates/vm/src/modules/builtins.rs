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
    props: &[PropSpec {
        name: "__objclass__",
        get: &DESCR_OBJCLASS,
        set: None,
    }],
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
static MEMBER: ClassSpec = ClassSpec {
    name: "member_descriptor",
    module: "builtins",
    base: TypeKind::Object,
    methods: MEMBER_M,
    classmethods: &[],
    props: &[PropSpec {
        name: "__objclass__",
        get: &DESCR_OBJCLASS,
        set: None,
    }],
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
    let classes = std::iter::once(t).chain(h.mro.iter());
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

/// `(type, attribute, is a member)` of the builtin attributes reachable as
/// descriptors through their type.
const ATTRS: &[(TypeKind, &str, bool)] = &[
    (TypeKind::Function, "__code__", false),
    (TypeKind::Function, "__defaults__", false),
    (TypeKind::Function, "__kwdefaults__", false),
    (TypeKind::Function, "__annotations__", false),
    (TypeKind::Function, "__dict__", false),
    (TypeKind::Function, "__name__", false),
    (TypeKind::Function, "__qualname__", false),
    (TypeKind::Function, "__globals__", true),
    (TypeKind::Function, "__closure__", true),
    (TypeKind::Function, "__doc__", true),
    (TypeKind::Function, "__module__", true),
    (TypeKind::Int, "real", false),
    (TypeKind::Int, "imag", false),
    (TypeKind::Int, "numerator", false),
    (TypeKind::Int, "denominator", false),
    (TypeKind::Float, "real", false),
    (TypeKind::Float, "imag", false),
    (TypeKind::Complex, "real", true),
    (TypeKind::Complex, "imag", true),
    (TypeKind::Slice, "start", true),
    (TypeKind::Slice, "stop", true),
    (TypeKind::Slice, "step", true),
    (TypeKind::Range, "start", true),
    (TypeKind::Range, "stop", true),
    (TypeKind::Range, "step", true),
];

/// `T.name` for a builtin type `T` whose instances have the data attribute
/// `name`: a `getset_descriptor` or `member_descriptor`.
pub fn type_attr_descriptor(vm: &mut Vm, t: &Rc<TypeObj>, name: &Rc<StrObj>) -> Option<Value> {
    if t.heap.is_some() {
        return None;
    }
    // The nearest builtin class along `__base__` that defines it (`bool.real`
    // is `int`'s).
    let (owner, member) =
        std::iter::successors(Some(t.clone()), |c| c.base.clone()).find_map(|c| {
            ATTRS
                .iter()
                .find(|(k, n, _)| *k == c.kind && *n == name.as_str())
                .map(|&(_, _, member)| (c.clone(), member))
        })?;
    let t = &owner;
    let cls = class_of(vm, if member { &MEMBER } else { &GETSET });
    Some(new_object(
        &cls,
        AttrDescr {
            owner: Rc::downgrade(t),
            owner_name: t.name.clone(),
            name: name.clone(),
            member,
            slot: None,
        },
    ))
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

fn descr_get(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let d = me(&a)?;
    let obj = match a.pos.get(1) {
        None | Some(Value::None) => return Ok(a.pos[0].clone()),
        Some(obj) => obj,
    };
    let Some(index) = d.slot else {
        return match instance_attr_of(&d) {
            // Weak references are not listed on the object here.
            Some(InstanceAttr::Weakref) => slot_target(&d, obj).map(|_| Value::None),
            // `subtype_dict`: on a class (a metaclass inherited this
            // getset from a base), the class's own `__dict__`, as `type`'s.
            Some(InstanceAttr::Dict) if matches!(obj, Value::Type(_)) => {
                match (obj, d.owner.upgrade()) {
                    (Value::Type(t), Some(o)) if crate::class::metatype(t).is_subtype(&o) => {
                        Ok(crate::attr::type_dict_proxy(t))
                    }
                    _ => slot_target(&d, obj).map(|_| Value::None),
                }
            }
            Some(InstanceAttr::Dict) => Ok(Value::Dict(slot_target(&d, obj)?.dict.clone())),
            None => vm.get_attr(obj, &d.name),
        };
    };
    let i = slot_target(&d, obj)?;
    i.slot_value(index)
        .ok_or_else(|| crate::protocol::attribute_error(obj, d.name.as_str()))
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
            crate::inst_dict::set_dict(slot_target(&d, &obj)?, Some(v))?;
            return Ok(Value::None);
        }
        None => vm.set_attr(&obj, &d.name, v)?,
    }
    Ok(Value::None)
}

fn descr_delete(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let d = me(&a)?;
    let obj = a.pos.get(1).cloned().unwrap_or(Value::None);
    if d.slot.is_some() {
        slot_store(&d, &obj, None)?;
        return Ok(Value::None);
    }
    if instance_attr_of(&d) == Some(InstanceAttr::Dict) {
        crate::inst_dict::set_dict(slot_target(&d, &obj)?, None)?;
        return Ok(Value::None);
    }
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

fn descr_objclass(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(me(&a)?.owner.upgrade().map_or(Value::None, Value::Type))
}
