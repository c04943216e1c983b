//! `_weakref`: CPython's `Modules/_weakref.c` and `Objects/weakrefobject.c`.
//!
//! A weak reference holds a `std::rc::Weak` to the referent's allocation, so
//! it is sound with the VM's reference counting: calling it gives the object
//! while something else keeps it alive, `None` after. Values that CPython
//! cannot reference weakly (ints, strs, lists, ...) are refused with its
//! message. Callbacks on instances run when the instance dies:
//! `Instance::drop` calls [`died`] for an object that has a weak reference
//! with a callback, and the callbacks are queued with the finalizers
//! (`crate::finalize`). Referents of other kinds (functions, classes, sets,
//! bound methods) have no drop hook: a reference with a callback to one is
//! watched (`WATCHED`), and while any is, the eval loop's after-free check
//! polls them (`poll_watched`) at the points where CPython's dealloc would
//! have run the callback.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::{Rc, Weak};

use crate::code::Code;
use crate::dict::Dict;
use crate::exc::{ExcObj, PyErr, PyResult};
use crate::func::{Args, Function};
use crate::instance::Instance;
use crate::modules::ModuleObj;
use crate::native::{
    borrow, class_of, cls_arg, native_fn, native_methods, new_object, positional, receiver,
    state_of, ClassSpec, PropSpec, SpecFlags,
};
use crate::ops::CmpOp;
use crate::types::{type_name, ExcKind, TypeKind, TypeObj};
use crate::value::Value;
use crate::vm::Vm;

use super::new_module;

/// A weak pointer to a referent of any weakly referenceable kind.
#[derive(Clone)]
pub(super) enum Target {
    Instance(Weak<Instance>),
    Type(Weak<TypeObj>),
    Function(Weak<Function>),
    Method(Weak<(Value, Value)>),
    Exception(Weak<ExcObj>),
    Set(Weak<RefCell<Dict>>),
    FrozenSet(Weak<Dict>),
    Code(Weak<Code>),
    Module(Weak<ModuleObj>),
    Generator(Weak<crate::gen::GenObj>),
    MemoryView(Weak<crate::methods::memoryview::MemView>),
    /// Builtin functions are static: they never die.
    Static(Value),
}

impl Target {
    fn of(v: &Value) -> Option<Target> {
        Some(match v {
            Value::Instance(r) => Target::Instance(Rc::downgrade(r)),
            Value::Type(r) => Target::Type(Rc::downgrade(r)),
            Value::Function(r) => Target::Function(Rc::downgrade(r)),
            Value::Method(r) => Target::Method(Rc::downgrade(r)),
            Value::Exception(r) => Target::Exception(Rc::downgrade(r)),
            Value::Set(r) => Target::Set(Rc::downgrade(r)),
            Value::FrozenSet(r) => Target::FrozenSet(Rc::downgrade(r)),
            Value::Code(r) => Target::Code(Rc::downgrade(r)),
            Value::Module(r) => Target::Module(Rc::downgrade(r)),
            Value::Generator(r) => Target::Generator(Rc::downgrade(r)),
            Value::MemoryView(r) => Target::MemoryView(Rc::downgrade(r)),
            Value::Builtin(_) => Target::Static(v.clone()),
            _ => return None,
        })
    }

    pub(super) fn get(&self) -> Option<Value> {
        Some(match self {
            Target::Instance(w) => Value::Instance(w.upgrade()?),
            Target::Type(w) => Value::Type(w.upgrade()?),
            Target::Function(w) => Value::Function(w.upgrade()?),
            Target::Method(w) => Value::Method(w.upgrade()?),
            Target::Exception(w) => Value::Exception(w.upgrade()?),
            Target::Set(w) => Value::Set(w.upgrade()?),
            Target::FrozenSet(w) => Value::FrozenSet(w.upgrade()?),
            Target::Code(w) => Value::Code(w.upgrade()?),
            Target::Module(w) => Value::Module(w.upgrade()?),
            Target::Generator(w) => Value::Generator(w.upgrade()?),
            Target::MemoryView(w) => Value::MemoryView(w.upgrade()?),
            Target::Static(v) => v.clone(),
        })
    }
}

pub(super) struct WeakRef {
    pub(super) target: Target,
    pub(super) callback: Value,
    pub(super) hash: Option<i64>,
}

/// A weak reference holds its callback, often a bound method of an object
/// in the same cycle (never its referent).
impl crate::gc::Traverse for WeakRef {
    fn traverse(&self, out: &mut Vec<Value>) {
        out.push(self.callback.clone());
    }
}

/// [`crate::gc::Traverse`] for this module's native objects.
pub(crate) fn gc_traverse(state: &dyn std::any::Any, out: &mut Vec<Value>) -> bool {
    crate::gc::traverse_as::<WeakRef>(state, out)
}

/// For the cycle collector, on a native object found to be garbage: a weak
/// reference drops its callback, which then never runs (`handle_weakrefs`
/// clears trash weak references before anything in the trash dies).
pub(crate) fn gc_clear(state: &dyn std::any::Any, dropped: &mut Vec<Value>) {
    if let Some(Ok(mut r)) = state
        .downcast_ref::<RefCell<WeakRef>>()
        .map(RefCell::try_borrow_mut)
    {
        dropped.push(std::mem::replace(&mut r.callback, Value::None));
    }
}

/// One weak reference made, to count them per referent and to reuse a
/// plain `ref(obj)` as CPython does.
struct Entry {
    target: Target,
    obj: Weak<Instance>,
    proxy: bool,
    plain: bool,
}

/// The weak references made, by referent identity, each referent's in
/// creation order (CPython keeps a list in every referent; a referent's
/// death and `ref(obj)` look at that referent's entries only).
#[derive(Default)]
struct Registry {
    by_target: HashMap<usize, Vec<Entry>>,
    /// Entries stored.
    len: usize,
    /// When `len` reaches this, entries of dead references or dead
    /// referents (whose identity may be reused) are dropped.
    prune_at: usize,
}

impl Registry {
    fn push(&mut self, target_id: usize, e: Entry) {
        if self.len >= self.prune_at {
            self.by_target.retain(|_, es| {
                es.retain(|e| e.obj.strong_count() > 0 && e.target.get().is_some());
                !es.is_empty()
            });
            self.len = self.by_target.values().map(Vec::len).sum();
            self.prune_at = (self.len * 2).max(64);
        }
        self.by_target.entry(target_id).or_default().push(e);
        self.len += 1;
    }
}

thread_local! {
    static REGISTRY: RefCell<Option<Registry>> = const { RefCell::new(None) };
    /// Referents other than instances that have a reference with a callback:
    /// `(identity, weak pointer)`.
    static WATCHED: RefCell<Vec<(usize, Target)>> = const { RefCell::new(Vec::new()) };
}

/// Whether some non-instance referent with a callback is still watched.
pub(crate) fn has_watched() -> bool {
    WATCHED
        .try_with(|w| w.try_borrow().is_ok_and(|w| !w.is_empty()))
        .unwrap_or(false)
}

/// Queues the callbacks of the watched referents that have died since the
/// last poll.
pub(crate) fn poll_watched() {
    let dead: Vec<usize> = WATCHED
        .try_with(|w| {
            let Ok(mut w) = w.try_borrow_mut() else {
                return Vec::new();
            };
            let mut dead = Vec::new();
            w.retain(|(id, t)| {
                let alive = t.get().is_some();
                if !alive {
                    dead.push(*id);
                }
                alive
            });
            dead
        })
        .unwrap_or_default();
    for id in dead {
        died(id);
    }
}

pub(super) fn register(target: &Value, t: &Target, obj: &Value, proxy: bool, plain: bool) {
    let Value::Instance(inst) = obj else {
        return;
    };
    REGISTRY.with(|r| {
        r.borrow_mut().get_or_insert_with(Registry::default).push(
            target.identity(),
            Entry {
                target: t.clone(),
                obj: Rc::downgrade(inst),
                proxy,
                plain,
            },
        );
    });
}

/// Called from `Instance::drop` for the object at `id`: queues the callbacks
/// of its weak references that are still alive, newest first (the order of
/// CPython's `PyObject_ClearWeakRefs`, whose list has the newest callback
/// references at the front), and forgets its entries.
pub(crate) fn died(id: usize) {
    let refs: Vec<Value> = REGISTRY
        .try_with(|r| {
            let Ok(mut r) = r.try_borrow_mut() else {
                return Vec::new();
            };
            let Some(reg) = r.as_mut() else {
                return Vec::new();
            };
            let Some(entries) = reg.by_target.get_mut(&id) else {
                return Vec::new();
            };
            let mut found = Vec::new();
            let before = entries.len();
            entries.retain(|e| {
                if e.target.get().is_some() {
                    return true;
                }
                if let Some(obj) = e.obj.upgrade() {
                    found.push(Value::Instance(obj));
                }
                false
            });
            reg.len -= before - entries.len();
            if entries.is_empty() {
                reg.by_target.remove(&id);
            }
            found
        })
        .unwrap_or_default();
    for r in refs.into_iter().rev() {
        let Some(st) = state_of::<WeakRef>(&r) else {
            continue;
        };
        // The reference drops its callback once called, as CPython's does.
        let callback = match st.try_borrow_mut() {
            Ok(mut s) => std::mem::replace(&mut s.callback, Value::None),
            Err(_) => continue,
        };
        if !matches!(callback, Value::None) {
            crate::finalize::defer_callback(callback, r);
        }
    }
}

/// Marks an instance referent whose death must call a callback.
pub(super) fn watch(obj: &Value, callback: &Value) {
    if matches!(callback, Value::None) {
        return;
    }
    match obj {
        Value::Instance(i) => i.weak_callbacks.set(true),
        _ => {
            let Some(t) = Target::of(obj) else {
                return;
            };
            if matches!(t, Target::Static(_)) {
                return;
            }
            let id = obj.identity();
            WATCHED.with(|w| {
                let mut w = w.borrow_mut();
                if !w.iter().any(|(i, _)| *i == id) {
                    w.push((id, t));
                }
            });
            crate::finalize::mark_due();
        }
    }
}

/// The live weak references to `target`: `(ref object, is proxy, is plain
/// ref)`, in the order of CPython's list in the referent: the shared plain
/// `ref`, then the shared proxy, then the others newest first (each is
/// inserted right after the shared ones).
pub(super) fn refs_to(target: &Value) -> Vec<(Value, bool, bool)> {
    let id = target.identity();
    let mut refs: Vec<(Value, bool, bool)> = REGISTRY.with(|r| {
        let r = r.borrow();
        let Some(entries) = r.as_ref().and_then(|reg| reg.by_target.get(&id)) else {
            return Vec::new();
        };
        entries
            .iter()
            .rev()
            .filter(|e| e.target.get().is_some_and(|v| v.is(target)))
            .filter_map(|e| Some((Value::Instance(e.obj.upgrade()?), e.proxy, e.plain)))
            .collect()
    });
    refs.sort_by_key(|&(_, proxy, plain)| match (plain, proxy) {
        (true, false) => 0,
        (true, true) => 1,
        _ => 2,
    });
    refs
}

super::module_functions!(WEAKREF_FUNCTIONS, "_weakref", [
    "getweakrefcount" => getweakrefcount, "getweakrefs" => getweakrefs,
    "proxy" => super::weakref_proxy::proxy, "_remove_dead_weakref" => remove_dead_weakref,
]);

native_methods!(REF_M, "weakref.ReferenceType", [
    "__new__" => ref_new, "__init__" => ref_init, "__call__" => ref_call,
    "__repr__" => ref_repr, "__hash__" => ref_hash, "__eq__" => ref_eq, "__ne__" => ref_ne,
]);
native_fn!(
    REF_CALLBACK,
    "__callback__",
    "weakref.ReferenceType",
    ref_callback
);
static REF: ClassSpec = ClassSpec {
    name: "ReferenceType",
    module: "weakref",
    base: TypeKind::Object,
    methods: REF_M,
    classmethods: crate::native::GENERIC,
    props: &[PropSpec {
        name: "__callback__",
        get: &REF_CALLBACK,
        set: None,
    }],
    unhashable: false,
    flags: SpecFlags::BASETYPE,
};

/// Builds the `_weakref` module.
pub fn init(vm: &mut Vm) -> Value {
    let r = Value::Type(class_of(vm, &REF));
    let p = Value::Type(class_of(vm, &super::weakref_proxy::PROXY));
    let cp = Value::Type(class_of(vm, &super::weakref_proxy::CPROXY));
    new_module(
        "_weakref",
        WEAKREF_FUNCTIONS,
        vec![
            ("ref", r.clone()),
            ("ReferenceType", r),
            ("ProxyType", p),
            ("CallableProxyType", cp),
        ],
    )
}

pub(super) fn target_of(v: &Value) -> PyResult<Target> {
    if let Value::Instance(i) = v {
        // `__slots__` without `__weakref__` leaves no room for references.
        let t = i.class();
        if let Some(slots) = t.heap.as_ref().and_then(|h| h.slots.as_ref()) {
            if !slots.iter().any(|s| s.as_str() == "__weakref__") {
                return Err(PyErr::type_error(format!(
                    "cannot create weak reference to '{}' object",
                    type_name(v)
                )));
            }
        }
    }
    Target::of(v).ok_or_else(|| {
        PyErr::type_error(format!(
            "cannot create weak reference to '{}' object",
            type_name(v)
        ))
    })
}

fn ref_new(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let cls = cls_arg(&a)?;
    // `weakref___new__` ignores keywords (a subclass's `__init__` may take
    // some); `__init__` refuses them.
    let rest = crate::native::rest(&a);
    let args = positional(&Args::positional(rest.pos), "__new__", 1, 2)?;
    let obj = &args[0];
    let target = target_of(obj)?;
    let callback = args.get(1).cloned().unwrap_or(Value::None);
    let base = class_of(vm, &REF);
    let plain = matches!(callback, Value::None) && Rc::ptr_eq(&cls, &base);
    if plain {
        if let Some((r, _, _)) = refs_to(obj).into_iter().find(|(_, p, plain)| !p && *plain) {
            return Ok(r);
        }
    }
    let r = new_object(
        &cls,
        WeakRef {
            target: target.clone(),
            callback,
            hash: None,
        },
    );
    register(obj, &target, &r, false, plain);
    watch(obj, &borrow_callback(&r));
    Ok(r)
}

/// The callback a just-made reference holds (`None` if none).
pub(super) fn borrow_callback(r: &Value) -> Value {
    state_of::<WeakRef>(r)
        .and_then(|s| s.try_borrow().ok().map(|s| s.callback.clone()))
        .unwrap_or(Value::None)
}

/// `weakref___init__`: checks its arguments as `__new__` took them.
fn ref_init(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    a.no_kw("ref")?;
    positional(&crate::native::rest(&a), "__init__", 1, 2)?;
    Ok(Value::None)
}

fn me(a: &Args<'_>, name: &str) -> PyResult<Rc<RefCell<WeakRef>>> {
    receiver::<WeakRef>(a, "weakref.ReferenceType", name)
}

fn ref_call(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "__call__")?;
    positional(&crate::native::rest(&a), "weakref", 0, 0)?;
    let v = borrow(&st)?.target.get();
    Ok(v.unwrap_or(Value::None))
}

fn ref_callback(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "__callback__")?;
    let c = borrow(&st)?.callback.clone();
    Ok(c)
}

fn referent_name(vm: &mut Vm, v: &Value) -> PyResult<Option<String>> {
    let name = vm.intern("__name__");
    match vm.get_attr(v, &name) {
        Ok(n) => Ok(Some(vm.str_of(&n)?)),
        Err(e) if e.is(ExcKind::AttributeError) => Ok(None),
        Err(e) => Err(e),
    }
}

fn ref_repr(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "__repr__")?;
    let target = borrow(&st)?.target.get();
    let here = a.pos[0].identity();
    let Some(v) = target else {
        return Ok(Value::string(format!("<weakref at {here:#x}; dead>")));
    };
    let tn = type_name(&v).into_owned();
    let name = if matches!(v, Value::Instance(_)) {
        None
    } else {
        referent_name(vm, &v)?
    };
    Ok(Value::string(match name {
        Some(n) => format!(
            "<weakref at {:#x}; to '{}' at {:#x} ({})>",
            here,
            tn,
            v.identity(),
            n
        ),
        None => format!(
            "<weakref at {:#x}; to '{}' at {:#x}>",
            here,
            tn,
            v.identity()
        ),
    }))
}

fn ref_hash(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let st = me(&a, "__hash__")?;
    let (cached, target) = {
        let s = borrow(&st)?;
        (s.hash, s.target.get())
    };
    if let Some(h) = cached {
        return Ok(Value::Int(h));
    }
    let Some(v) = target else {
        return Err(PyErr::type_error("weak object has gone away"));
    };
    let h = vm.hash_of(&v)?;
    borrow(&st)?.hash = Some(h);
    Ok(Value::Int(h))
}

fn ref_compare(vm: &mut Vm, a: Args<'_>, op: CmpOp) -> PyResult<Value> {
    let st = me(&a, "__eq__")?;
    let other = a.pos.get(1).cloned().unwrap_or(Value::None);
    let Some(ost) = state_of::<WeakRef>(&other) else {
        return Ok(Value::NotImplemented);
    };
    let x = borrow(&st)?.target.get();
    let y = borrow(&ost)?.target.get();
    match (x, y) {
        (Some(x), Some(y)) => vm.rich_compare(op, &x, &y),
        _ => {
            let same = a.pos[0].is(&other);
            Ok(Value::Bool(if op == CmpOp::Eq { same } else { !same }))
        }
    }
}

fn ref_eq(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    ref_compare(vm, a, CmpOp::Eq)
}

fn ref_ne(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    ref_compare(vm, a, CmpOp::Ne)
}

// ---- module functions ----

fn getweakrefcount(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "getweakrefcount", 1, 1)?;
    Ok(Value::Int(refs_to(&args[0]).len() as i64))
}

fn getweakrefs(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "getweakrefs", 1, 1)?;
    let refs = refs_to(&args[0]).into_iter().map(|(r, _, _)| r).collect();
    Ok(Value::list(refs))
}

fn remove_dead_weakref(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "_remove_dead_weakref", 2, 2)?;
    let Value::Dict(d) = &args[0] else {
        return Err(PyErr::type_error(format!(
            "_remove_dead_weakref() argument 1 must be dict, not {}",
            type_name(&args[0])
        )));
    };
    let key = &args[1];
    let h = vm.hash_of(key)?;
    let dead = match d.borrow().get_hashed(key, h) {
        Some(v) => state_of::<WeakRef>(v)
            .map(|s| {
                s.try_borrow()
                    .map(|s| s.target.get().is_none())
                    .unwrap_or(false)
            })
            .unwrap_or(false),
        None => false,
    };
    if dead {
        let old = d.borrow_mut().remove_hashed(key, h);
        drop(old);
    }
    Ok(Value::None)
}
