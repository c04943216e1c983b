//! `builtins`: the module whose namespace is the VM's builtins dict (what
//! `import builtins` and `from builtins import repr` reach), and the
//! attribute descriptors of builtin types (`FunctionType.__code__`, which
//! `types.py` takes the types `GetSetDescriptorType` and
//! `MemberDescriptorType` from).

use std::rc::Rc;

use crate::exc::PyResult;
use crate::func::Args;
use crate::native::{class_of, native_methods, new_object, receiver, ClassSpec};
use crate::types::{TypeKind, TypeObj};
use crate::value::{StrObj, Value};
use crate::vm::Vm;

/// The `builtins` module object.
pub fn init(vm: &mut Vm) -> Value {
    vm.builtins_module()
}

struct AttrDescr {
    owner: Rc<TypeObj>,
    name: Rc<StrObj>,
    member: bool,
}

native_methods!(GETSET_M, "builtins.getset_descriptor", [
    "__get__" => descr_get, "__set__" => descr_set, "__repr__" => descr_repr,
]);
static GETSET: ClassSpec = ClassSpec {
    name: "getset_descriptor",
    module: "builtins",
    base: TypeKind::Object,
    methods: GETSET_M,
    classmethods: &[],
    props: &[],
    unhashable: false,
};

native_methods!(MEMBER_M, "builtins.member_descriptor", [
    "__get__" => descr_get, "__set__" => descr_set, "__repr__" => descr_repr,
]);
static MEMBER: ClassSpec = ClassSpec {
    name: "member_descriptor",
    module: "builtins",
    base: TypeKind::Object,
    methods: MEMBER_M,
    classmethods: &[],
    props: &[],
    unhashable: false,
};

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
];

/// `T.name` for a builtin type `T` whose instances have the data attribute
/// `name`: a `getset_descriptor` or `member_descriptor`.
pub fn type_attr_descriptor(vm: &mut Vm, t: &Rc<TypeObj>, name: &Rc<StrObj>) -> Option<Value> {
    if t.heap.is_some() {
        return None;
    }
    let &(_, _, member) = ATTRS
        .iter()
        .find(|(k, n, _)| *k == t.kind && *n == name.as_str())?;
    let cls = class_of(vm, if member { &MEMBER } else { &GETSET });
    Some(new_object(
        &cls,
        AttrDescr {
            owner: t.clone(),
            name: name.clone(),
            member,
        },
    ))
}

fn me(a: &Args<'_>) -> PyResult<(Rc<TypeObj>, Rc<StrObj>, bool)> {
    let st = receiver::<AttrDescr>(a, "getset_descriptor", "__get__")?;
    let d = crate::native::borrow(&st)?;
    Ok((d.owner.clone(), d.name.clone(), d.member))
}

fn descr_get(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (_, name, _) = me(&a)?;
    match a.pos.get(1) {
        None | Some(Value::None) => Ok(a.pos[0].clone()),
        Some(obj) => vm.get_attr(obj, &name),
    }
}

fn descr_set(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (_, name, _) = me(&a)?;
    let obj = a.pos.get(1).cloned().unwrap_or(Value::None);
    let v = a.pos.get(2).cloned().unwrap_or(Value::None);
    vm.set_attr(&obj, &name, v)?;
    Ok(Value::None)
}

fn descr_repr(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (owner, name, member) = me(&a)?;
    Ok(Value::string(format!(
        "<{} '{}' of '{}' objects>",
        if member { "member" } else { "attribute" },
        name.as_str(),
        owner.name
    )))
}
