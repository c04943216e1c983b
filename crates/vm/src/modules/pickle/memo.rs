//! `PicklerMemoProxy` and `UnpicklerMemoProxy`: what `Pickler.memo` and
//! `Unpickler.memo` return, views that copy or clear their object's memo.

use crate::exc::PyResult;
use crate::func::Args;
use crate::native::{class_of, native_methods, new_object, receiver, ClassSpec, SpecFlags};
use crate::types::TypeKind;
use crate::value::Value;
use crate::vm::Vm;

use super::load::UnpicklerState;
use super::native_state;
use super::save::PicklerState;

/// A proxy's state: the pickler or unpickler it shows.
struct Proxy(Value);

/// Marks an unpickler's proxy apart from a pickler's.
struct UProxy(Value);

native_methods!(PMP_M, "PicklerMemoProxy", [
    "clear" => pmp_clear,
    "copy" => pmp_copy,
    "__reduce__" => pmp_reduce,
]);

native_methods!(UMP_M, "UnpicklerMemoProxy", [
    "clear" => ump_clear,
    "copy" => ump_copy,
    "__reduce__" => ump_reduce,
]);

static PICKLER_MEMO_PROXY: ClassSpec = ClassSpec {
    name: "PicklerMemoProxy",
    module: "_pickle",
    base: TypeKind::Object,
    methods: PMP_M,
    classmethods: &[],
    props: &[],
    unhashable: false,
    flags: SpecFlags::NONE,
};

static UNPICKLER_MEMO_PROXY: ClassSpec = ClassSpec {
    name: "UnpicklerMemoProxy",
    module: "_pickle",
    base: TypeKind::Object,
    methods: UMP_M,
    classmethods: &[],
    props: &[],
    unhashable: false,
    flags: SpecFlags::NONE,
};

/// `pickler.memo`.
pub(super) fn pickler_proxy(vm: &mut Vm, pickler: Value) -> Value {
    let cls = class_of(vm, &PICKLER_MEMO_PROXY);
    new_object(&cls, Proxy(pickler))
}

/// `unpickler.memo`.
pub(super) fn unpickler_proxy(vm: &mut Vm, unpickler: Value) -> Value {
    let cls = class_of(vm, &UNPICKLER_MEMO_PROXY);
    new_object(&cls, UProxy(unpickler))
}

/// The pickler a `PicklerMemoProxy` shows.
pub(super) fn pickler_of_proxy(v: &Value) -> Option<Value> {
    native_state::<Proxy>(v).map(|p| p.borrow().0.clone())
}

/// The unpickler an `UnpicklerMemoProxy` shows.
pub(super) fn unpickler_of_proxy(v: &Value) -> Option<Value> {
    native_state::<UProxy>(v).map(|p| p.borrow().0.clone())
}

fn pickler_state(
    a: &Args<'_>,
    name: &str,
) -> PyResult<Option<std::rc::Rc<std::cell::RefCell<PicklerState>>>> {
    let p = receiver::<Proxy>(a, "_pickle.PicklerMemoProxy", name)?;
    let target = p.borrow().0.clone();
    Ok(native_state::<PicklerState>(&target))
}

fn unpickler_state(
    a: &Args<'_>,
    name: &str,
) -> PyResult<Option<std::rc::Rc<std::cell::RefCell<UnpicklerState>>>> {
    let p = receiver::<UProxy>(a, "_pickle.UnpicklerMemoProxy", name)?;
    let target = p.borrow().0.clone();
    Ok(native_state::<UnpicklerState>(&target))
}

fn pmp_clear(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    if let Some(st) = pickler_state(&a, "clear")? {
        st.borrow_mut().memo.clear();
    }
    Ok(Value::None)
}

/// `{id(obj): (index, obj)}`.
fn pmp_copy(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let d = Value::dict(crate::dict::Dict::new());
    if let Some(st) = pickler_state(&a, "copy")? {
        let entries = st.borrow().memo.entries();
        for (i, v) in entries {
            let key = Value::Int(v.identity() as i64);
            vm.setitem(&d, key, Value::tuple(vec![Value::Int(i as i64), v]))?;
        }
    }
    Ok(d)
}

fn pmp_reduce(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let copy = pmp_copy(vm, a)?;
    Ok(reduce_to_dict(copy))
}

fn reduce_to_dict(copy: Value) -> Value {
    Value::tuple(vec![
        Value::Type(crate::types::builtin_type(TypeKind::Dict)),
        Value::tuple(vec![copy]),
    ])
}

fn ump_clear(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    if let Some(st) = unpickler_state(&a, "clear")? {
        st.borrow_mut().memo.clear();
    }
    Ok(Value::None)
}

/// `{index: obj}`.
fn ump_copy(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let d = Value::dict(crate::dict::Dict::new());
    if let Some(st) = unpickler_state(&a, "copy")? {
        let mut entries: Vec<(usize, Value)> = st
            .borrow()
            .memo
            .iter()
            .map(|(k, v)| (*k, v.clone()))
            .collect();
        entries.sort_by_key(|e| e.0);
        for (i, v) in entries {
            vm.setitem(&d, Value::Int(i as i64), v)?;
        }
    }
    Ok(d)
}

fn ump_reduce(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let copy = ump_copy(vm, a)?;
    Ok(reduce_to_dict(copy))
}
