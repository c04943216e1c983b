//! `_abc`: CPython's `Modules/_abc.c`, the bookkeeping behind `abc.ABCMeta`
//! (abstract methods, `register`, `isinstance`/`issubclass` with caches).
//! With it, `abc.py` defines `ABCMeta` over these functions instead of
//! falling back to `_py_abc`, so the Python frames between an `isinstance`
//! and a `__subclasshook__` are `abc`'s, as `typing`'s protocol checks expect.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use crate::dict::Dict;
use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::native::{borrow, class_of, native_methods, positional, state_of, ClassSpec, SpecFlags};
use crate::types::{type_of, ExcKind, TypeKind, TypeObj};
use crate::value::Value;
use crate::vm::Vm;

use super::new_module;

thread_local! {
    static ABSTRACT: Rc<crate::value::StrObj> =
        Rc::new(crate::value::StrObj::new("__abstractmethods__"));
    /// `abc_invalidation_counter`: bumped by every registration.
    static COUNTER: Cell<i64> = const { Cell::new(0) };
}

/// A set of classes held weakly (`_abc_registry`, `_abc_cache`, ...).
#[derive(Default)]
struct WeakTypes(Vec<Weak<TypeObj>>);

impl WeakTypes {
    fn contains(&self, t: &Rc<TypeObj>) -> bool {
        self.0
            .iter()
            .any(|w| std::ptr::eq(w.as_ptr(), Rc::as_ptr(t)))
    }

    fn add(&mut self, t: &Rc<TypeObj>) {
        self.0.retain(|w| w.strong_count() > 0);
        if !self.contains(t) {
            self.0.push(Rc::downgrade(t));
        }
    }

    fn live(&self) -> Vec<Rc<TypeObj>> {
        self.0.iter().filter_map(Weak::upgrade).collect()
    }
}

/// `_abc_data`: what `_abc_init` stores in a class's `_abc_impl`.
#[derive(Default)]
struct AbcData {
    registry: WeakTypes,
    cache: WeakTypes,
    negative: WeakTypes,
    negative_version: i64,
}

native_methods!(ABC_DATA_M, "_abc._abc_data", ["__new__" => data_new]);
static ABC_DATA: ClassSpec = ClassSpec {
    name: "_abc_data",
    module: "_abc",
    base: TypeKind::Object,
    methods: ABC_DATA_M,
    classmethods: &[],
    props: &[],
    unhashable: false,
    flags: SpecFlags::NONE,
};

super::module_functions!(ABC_FUNCTIONS, "_abc", [
    "get_cache_token" => get_cache_token, "_abc_init" => abc_init,
    "_abc_register" => abc_register, "_abc_instancecheck" => abc_instancecheck,
    "_abc_subclasscheck" => abc_subclasscheck, "_get_dump" => get_dump,
    "_reset_registry" => reset_registry, "_reset_caches" => reset_caches,
]);

/// Builds the `_abc` module.
pub fn init(vm: &mut Vm) -> Value {
    let data = Value::Type(class_of(vm, &ABC_DATA));
    new_module("_abc", ABC_FUNCTIONS, vec![("_abc_data", data)])
}

fn data_new(vm: &mut Vm, _a: Args<'_>) -> PyResult<Value> {
    Ok(crate::native::new_native(vm, &ABC_DATA, AbcData::default()))
}

fn get_cache_token(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    positional(&a, "get_cache_token", 0, 0)?;
    Ok(Value::Int(COUNTER.with(Cell::get)))
}

fn attr(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Value> {
    let n = vm.intern(name);
    vm.get_attr(obj, &n)
}

fn attr_opt(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Option<Value>> {
    match attr(vm, obj, name) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.is(ExcKind::AttributeError) => Ok(None),
        Err(e) => Err(e),
    }
}

fn is_abstract(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    match attr_opt(vm, v, "__isabstractmethod__")? {
        Some(x) => vm.truthy(&x),
        None => Ok(false),
    }
}

/// `_abc_init(cls)`: `__abstractmethods__`, `_abc_impl`, and the
/// `__abc_tpflags__` of `collections.abc` taken out of the namespace.
fn abc_init(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let [cls] = positional(&a, "_abc_init", 1, 1)? else {
        return Err(PyErr::type_error("_abc_init expected 1 argument"));
    };
    let mut abstracts = Dict::new();
    let ns = attr(vm, cls, "__dict__")?;
    let keys_fn = attr(vm, &ns, "keys")?;
    let keys = vm.call(&keys_fn, &[])?;
    for k in vm.collect(&keys)? {
        let v = vm.getitem(&ns, &k)?;
        if is_abstract(vm, &v)? {
            abstracts.insert(k, Value::None)?;
        }
    }
    let bases = attr(vm, cls, "__bases__")?;
    let Value::Tuple(bases) = bases else {
        return Err(PyErr::type_error("__bases__ is not tuple"));
    };
    for base in bases.iter() {
        let Some(names) = attr_opt(vm, base, "__abstractmethods__")? else {
            continue;
        };
        for name in vm.collect(&names)? {
            let Value::Str(n) = &name else {
                continue;
            };
            let v = match vm.get_attr(cls, n) {
                Ok(v) => v,
                Err(e) if e.is(ExcKind::AttributeError) => continue,
                Err(e) => return Err(e),
            };
            if is_abstract(vm, &v)? {
                abstracts.insert(name, Value::None)?;
            }
        }
    }
    let n = vm.intern("__abstractmethods__");
    vm.set_attr(cls, &n, Value::frozenset(abstracts))?;
    if let Value::Type(t) = cls {
        if let Some(h) = &t.heap {
            let key = Value::str("__abc_tpflags__");
            // `Py_TPFLAGS_SEQUENCE | Py_TPFLAGS_MAPPING`: a class is one or the other.
            const COLLECTION_FLAGS: i64 = (1 << 5) | (1 << 6);
            let flags = h.dict.borrow().get(&key)?.cloned();
            if let Some(Value::Int(f)) = flags {
                if f & COLLECTION_FLAGS == COLLECTION_FLAGS {
                    return Err(PyErr::type_error(
                        "__abc_tpflags__ cannot be both Py_TPFLAGS_SEQUENCE and Py_TPFLAGS_MAPPING",
                    ));
                }
                h.collection_flags.set(f & COLLECTION_FLAGS);
            }
            let removed = h.dict.borrow_mut().remove(&key)?;
            if removed.is_some() {
                crate::class::bump_epoch();
            }
        }
    }
    let data = crate::native::new_native(vm, &ABC_DATA, AbcData::default());
    let n = vm.intern("_abc_impl");
    vm.set_attr(cls, &n, data)?;
    Ok(Value::None)
}

fn impl_of(vm: &mut Vm, cls: &Value) -> PyResult<Rc<RefCell<AbcData>>> {
    let v = attr(vm, cls, "_abc_impl")?;
    state_of::<AbcData>(&v).ok_or_else(|| PyErr::type_error("_abc_impl is set to a wrong type"))
}

fn two<'a>(a: &'a Args<'_>, name: &str) -> PyResult<(&'a Value, &'a Value)> {
    match positional(a, name, 2, 2)? {
        [x, y] => Ok((x, y)),
        _ => Err(PyErr::type_error(format!("{name} expected 2 arguments"))),
    }
}

fn abc_register(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (cls, sub) = two(&a, "_abc_register")?;
    let Value::Type(sub_t) = sub else {
        return Err(PyErr::type_error("Can only register classes"));
    };
    if crate::instance_check::issubclass(vm, sub, cls)? {
        return Ok(sub.clone());
    }
    if crate::instance_check::issubclass(vm, cls, sub)? {
        return Err(PyErr::new(
            ExcKind::RuntimeError,
            "Refusing to create an inheritance cycle",
        ));
    }
    let data = impl_of(vm, cls)?;
    borrow(&data)?.registry.add(sub_t);
    COUNTER.with(|c| c.set(c.get() + 1));
    if let Value::Type(abc) = cls {
        let flags = crate::type_layout::collection_flags(abc);
        if flags != 0 {
            set_collection_flag_recursive(sub_t, flags);
        }
    }
    Ok(sub.clone())
}

/// A class registered with `Sequence` or `Mapping`, and its subclasses that
/// have neither flag, take the ABC's flag (`set_collection_flag_recursive`).
fn set_collection_flag_recursive(t: &Rc<crate::types::TypeObj>, flags: i64) {
    let Some(h) = &t.heap else {
        return;
    };
    if crate::type_layout::collection_flags(t) != 0 {
        return;
    }
    h.collection_flags.set(flags);
    for sub in crate::subclasses::subclasses(t) {
        set_collection_flag_recursive(&sub, flags);
    }
}

fn call_method(vm: &mut Vm, obj: &Value, name: &str, arg: &Value) -> PyResult<Value> {
    let f = attr(vm, obj, name)?;
    vm.call(&f, std::slice::from_ref(arg))
}

fn abc_instancecheck(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (cls, inst) = two(&a, "_abc_instancecheck")?;
    let data = impl_of(vm, cls)?;
    let subclass = attr(vm, inst, "__class__")?;
    if let Value::Type(s) = &subclass {
        if borrow(&data)?.cache.contains(s) {
            return Ok(Value::Bool(true));
        }
    }
    let subtype = type_of(inst);
    let same = matches!(&subclass, Value::Type(s) if Rc::ptr_eq(s, &subtype));
    if same {
        let counter = COUNTER.with(Cell::get);
        let d = borrow(&data)?;
        if d.negative_version == counter && d.negative.contains(&subtype) {
            return Ok(Value::Bool(false));
        }
        drop(d);
        return call_method(vm, cls, "__subclasscheck__", &subclass);
    }
    let r = call_method(vm, cls, "__subclasscheck__", &subclass)?;
    if vm.truthy(&r)? {
        return Ok(r);
    }
    call_method(vm, cls, "__subclasscheck__", &Value::Type(subtype))
}

fn abc_subclasscheck(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (cls, sub) = two(&a, "_abc_subclasscheck")?;
    let Value::Type(sub_t) = sub else {
        return Err(PyErr::type_error("issubclass() arg 1 must be a class"));
    };
    let data = impl_of(vm, cls)?;
    {
        let mut d = borrow(&data)?;
        if d.cache.contains(sub_t) {
            return Ok(Value::Bool(true));
        }
        let counter = COUNTER.with(Cell::get);
        if d.negative_version < counter {
            d.negative = WeakTypes::default();
            d.negative_version = counter;
        } else if d.negative.contains(sub_t) {
            return Ok(Value::Bool(false));
        }
    }
    let ok = call_method(vm, cls, "__subclasshook__", sub)?;
    match ok {
        Value::Bool(true) => {
            borrow(&data)?.cache.add(sub_t);
            return Ok(Value::Bool(true));
        }
        Value::Bool(false) => {
            borrow(&data)?.negative.add(sub_t);
            return Ok(Value::Bool(false));
        }
        Value::NotImplemented => {}
        _ => {
            return Err(PyErr::new(
                ExcKind::AssertionError,
                "__subclasshook__ must return either False, True, or NotImplemented",
            ))
        }
    }
    // A direct subclass.
    if let Value::Type(c) = cls {
        if sub_t.is_subtype(c) {
            borrow(&data)?.cache.add(sub_t);
            return Ok(Value::Bool(true));
        }
    }
    // A subclass of a registered class.
    let registered = borrow(&data)?.registry.live();
    for r in registered {
        if crate::instance_check::issubclass(vm, sub, &Value::Type(r))? {
            borrow(&data)?.cache.add(sub_t);
            return Ok(Value::Bool(true));
        }
    }
    // A subclass of a subclass.
    let subs_fn = attr(vm, cls, "__subclasses__")?;
    let subs = vm.call(&subs_fn, &[])?;
    for s in vm.collect(&subs)? {
        if crate::instance_check::issubclass(vm, sub, &s)? {
            borrow(&data)?.cache.add(sub_t);
            return Ok(Value::Bool(true));
        }
    }
    borrow(&data)?.negative.add(sub_t);
    Ok(Value::Bool(false))
}

fn as_set(items: Vec<Rc<TypeObj>>) -> PyResult<Value> {
    let mut d = Dict::new();
    for t in items {
        d.insert(Value::Type(t), Value::None)?;
    }
    Ok(Value::set(d))
}

fn get_dump(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let [cls] = positional(&a, "_get_dump", 1, 1)? else {
        return Err(PyErr::type_error("_get_dump expected 1 argument"));
    };
    let data = impl_of(vm, cls)?;
    let d = borrow(&data)?;
    Ok(Value::tuple(vec![
        as_set(d.registry.live())?,
        as_set(d.cache.live())?,
        as_set(d.negative.live())?,
        Value::Int(d.negative_version),
    ]))
}

fn reset_registry(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let [cls] = positional(&a, "_reset_registry", 1, 1)? else {
        return Err(PyErr::type_error("_reset_registry expected 1 argument"));
    };
    let data = impl_of(vm, cls)?;
    borrow(&data)?.registry = WeakTypes::default();
    Ok(Value::None)
}

fn reset_caches(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let [cls] = positional(&a, "_reset_caches", 1, 1)? else {
        return Err(PyErr::type_error("_reset_caches expected 1 argument"));
    };
    let data = impl_of(vm, cls)?;
    let mut d = borrow(&data)?;
    d.cache = WeakTypes::default();
    d.negative = WeakTypes::default();
    Ok(Value::None)
}
