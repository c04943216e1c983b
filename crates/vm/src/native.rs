//! Classes written in Rust (`collections.deque`, `itertools.count`,
//! `functools.partial`, ...).
//!
//! Such a class is an ordinary heap class (so user classes can derive from it,
//! `isinstance`, attribute lookup and special methods work unchanged) whose
//! methods are builtins and whose instances carry their Rust state in
//! `Instance::native`. A [`ClassSpec`] describes a class once; [`class_of`]
//! builds its type object on first use and caches it for the thread.

use std::cell::{Cell, RefCell, RefMut};
use std::rc::Rc;

use crate::descr::Descr;
use crate::dict::Dict;
use crate::exc::{PyErr, PyResult};
use crate::func::{Args, BuiltinDef, BuiltinFn};
use crate::instance::Instance;
use crate::types::{builtin_type, type_name, ExcKind, TypeKind, TypeObj};
use crate::value::Value;
use crate::vm::Vm;

/// A data attribute computed by builtins (`deque.maxlen`, `partial.func`).
#[derive(Debug)]
pub struct PropSpec {
    /// The attribute name.
    pub name: &'static str,
    /// The getter, called with the instance.
    pub get: &'static BuiltinDef,
    /// The setter, called with the instance and the value (read-only if `None`).
    pub set: Option<&'static BuiltinDef>,
}

/// The description of a class written in Rust.
#[derive(Debug)]
pub struct ClassSpec {
    /// `__name__` (and `__qualname__`).
    pub name: &'static str,
    /// `__module__`.
    pub module: &'static str,
    /// The builtin base class (`Object` for most; `Dict` for `defaultdict`).
    pub base: TypeKind,
    /// Methods (receiver first); `__new__` is called with the class first.
    pub methods: &'static [BuiltinDef],
    /// Class methods (`chain.from_iterable`).
    pub classmethods: &'static [BuiltinDef],
    /// Computed attributes.
    pub props: &'static [PropSpec],
    /// Whether instances are unhashable (`__hash__ = None`).
    pub unhashable: bool,
    /// What CPython's type says of subclassing and of its instances.
    pub flags: SpecFlags,
}

/// The parts of a CPython type's flags and layout a native class copies:
/// whether Python classes may derive from it (`Py_TPFLAGS_BASETYPE`), and
/// whether its instances have a `__dict__` and take weak references (a
/// nonzero `tp_dictoffset`, `tp_weaklistoffset`). Instances without a
/// `__dict__` refuse attributes their class does not define.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SpecFlags(u8);

impl SpecFlags {
    /// A final class whose instances have neither.
    pub const NONE: SpecFlags = SpecFlags(0);
    /// Python classes may derive from it.
    pub const BASETYPE: SpecFlags = SpecFlags(1);
    /// Instances have a `__dict__`.
    pub const DICT: SpecFlags = SpecFlags(2);
    /// Instances take weak references.
    pub const WEAKREFS: SpecFlags = SpecFlags(4);
    /// The class takes attribute assignment: one of the heap types of
    /// CPython 3.11's extension modules made without
    /// `Py_TPFLAGS_IMMUTABLETYPE` (`_random.Random`, `zlib.Compress`, ...).
    /// Without it the class is immutable, as static types are.
    pub const MUTABLE: SpecFlags = SpecFlags(8);

    /// Both sets of flags.
    pub const fn with(self, other: SpecFlags) -> SpecFlags {
        SpecFlags(self.0 | other.0)
    }

    /// Whether every flag of `other` is set.
    pub const fn has(self, other: SpecFlags) -> bool {
        self.0 & other.0 == other.0
    }
}

thread_local! {
    static CLASSES: RefCell<Vec<(usize, Rc<TypeObj>)>> = const { RefCell::new(Vec::new()) };
}

/// Declares a static table of builtin methods owned by class `$owner`.
macro_rules! native_methods {
    ($table:ident, $owner:literal, [ $( $name:literal => $f:path ),* $(,)? ]) => {
        static $table: &[$crate::func::BuiltinDef] = &[
            $( $crate::func::BuiltinDef {
                name: $name,
                func: $f,
                owner: $owner,
                is_method: !$crate::native::is_new($name),
            }, )*
        ];
    };
}
pub(crate) use native_methods;

native_fn!(
    CLASS_GETITEM,
    "__class_getitem__",
    "",
    crate::generic_alias::class_getitem
);

/// `__class_getitem__` of generic native classes (`deque[int]`).
pub static GENERIC: &[BuiltinDef] = std::slice::from_ref(&CLASS_GETITEM);

/// Whether a method name is `__new__` (called with the class, not bound).
pub const fn is_new(name: &str) -> bool {
    matches!(name.as_bytes(), b"__new__")
}

/// Declares a static builtin function (getters, setters, class methods).
macro_rules! native_fn {
    ($id:ident, $name:literal, $owner:literal, $f:path) => {
        static $id: $crate::func::BuiltinDef = $crate::func::BuiltinDef {
            name: $name,
            func: $f,
            owner: $owner,
            is_method: false,
        };
    };
}
pub(crate) use native_fn;

fn readonly(_vm: &mut Vm, _a: Args<'_>) -> PyResult<Value> {
    Err(PyErr::new(ExcKind::AttributeError, "readonly attribute"))
}

native_fn!(READONLY, "__set__", "", readonly);

/// The `__new__` of a class whose spec has neither `__new__` nor `__init__`:
/// as a CPython type without `tp_new`, it makes no instances from Python.
fn not_creatable(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let name = match a.pos.first() {
        Some(Value::Type(t)) => t.name.to_string(),
        _ => "object".to_string(),
    };
    Err(PyErr::type_error(format!(
        "cannot create '{name}' instances"
    )))
}

native_fn!(NOT_CREATABLE, "__new__", "", not_creatable);

thread_local! {
    static REPR_ACTIVE: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

/// Runs `f` as the repr of `obj` unless `obj`'s repr is already running
/// (a container that holds itself), in which case the result is `None` and
/// the caller prints `...` as CPython's `Py_ReprEnter` does.
pub fn repr_guard(obj: &Value, f: impl FnOnce() -> PyResult<String>) -> PyResult<Option<String>> {
    let id = obj.identity();
    if REPR_ACTIVE.with(|r| r.borrow().contains(&id)) {
        return Ok(None);
    }
    REPR_ACTIVE.with(|r| r.borrow_mut().push(id));
    let out = f();
    REPR_ACTIVE.with(|r| {
        let mut r = r.borrow_mut();
        if let Some(pos) = r.iter().rposition(|x| *x == id) {
            r.remove(pos);
        }
    });
    out.map(Some)
}

/// Sets the attribute `name` of the native class `t` while its module is
/// built (`sqlite3.Connection.Error`, `_blake2.blake2b.SALT_SIZE`): what
/// CPython's C code puts in a type's dict before it is ready. From Python
/// the class stays immutable.
pub fn set_class_attr(t: &Rc<TypeObj>, name: &str, value: Value) {
    if let Some(h) = &t.heap {
        crate::class::bump_epoch();
        let _ = h.dict.borrow_mut().insert(Value::str(name), value);
    }
}

/// The type object of `spec`, built on first use.
pub fn class_of(vm: &mut Vm, spec: &'static ClassSpec) -> Rc<TypeObj> {
    let key = spec as *const ClassSpec as usize;
    if let Some(t) = CLASSES.with(|c| {
        c.borrow()
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, t)| t.clone())
    }) {
        return t;
    }
    let t = build_class(vm, spec);
    CLASSES.with(|c| c.borrow_mut().push((key, t.clone())));
    t
}

fn build_class(vm: &mut Vm, spec: &'static ClassSpec) -> Rc<TypeObj> {
    let mut ns = Dict::new();
    let mut put = |k: &str, v: Value| {
        let _ = ns.insert(Value::str(k), v);
    };
    // A static type named without a module (`symtable entry`) is in
    // `builtins`, which its `__module__` computes rather than stores.
    let in_builtins = spec.module == "builtins";
    if !in_builtins {
        put("__module__", Value::str(spec.module));
    }
    put("__qualname__", Value::str(spec.name));
    // CPython's docstring and signature of the class, where the generated
    // table has them (keyed by the full name, `_pickle.Pickler`).
    let key = format!("{}.{}", spec.module, spec.name);
    if let Some(doc) = crate::doc_table::doc(&key) {
        put("__doc__", Value::str(doc));
    }
    if let Some(sig) = crate::doc_table::text_signature(&key) {
        put("__text_signature__", Value::str(sig));
    }
    for m in spec.methods {
        put(m.name, Value::Builtin(m));
    }
    if spec.base == TypeKind::Object
        && !spec
            .methods
            .iter()
            .any(|m| m.name == "__new__" || m.name == "__init__")
    {
        put("__new__", Value::Builtin(&NOT_CREATABLE));
    }
    for m in spec.classmethods {
        put(
            m.name,
            Value::Descr(Rc::new(Descr::class_method(Value::Builtin(m)))),
        );
    }
    for p in spec.props {
        put(
            p.name,
            Value::Descr(Rc::new(Descr::Property {
                fget: Value::Builtin(p.get),
                fset: Value::Builtin(p.set.unwrap_or(&READONLY)),
                fdel: Value::None,
                // CPython's getset docs, for the classes the table has them of.
                doc: RefCell::new(
                    crate::doc_table::doc(&format!("{}.{}.{}", spec.module, spec.name, p.name))
                        .map_or(Value::None, Value::str),
                ),
                name: RefCell::new(Value::str(p.name)),
            })),
        );
    }
    if spec.unhashable {
        put("__hash__", Value::None);
    }
    let base = builtin_type(spec.base);
    // As for CPython's static types, the type's name (in error messages) is
    // qualified by the module; `__name__` and `__qualname__` are not.
    let full = if in_builtins {
        spec.name.to_string()
    } else {
        format!("{}.{}", spec.module, spec.name)
    };
    let layout = crate::class::Layout::Native(spec.flags);
    match crate::class::make_type(vm, None, &full, vec![base.clone()], &ns, (&[], &[]), layout) {
        Ok(t) => t,
        // Building from a fixed table cannot fail; a plain type keeps the VM going.
        Err(_) => base,
    }
}

/// The `__name__` of a class: its name after the module of a native class.
pub fn short_name(t: &TypeObj) -> &str {
    match &t.heap {
        Some(h)
            if t.name
                .ends_with(&format!(".{}", h.qualname.borrow().as_str())) =>
        {
            t.name.rsplit('.').next().unwrap_or(&t.name)
        }
        _ => &t.name,
    }
}

/// A new instance of `cls` (a native class or a subclass of one) holding `state`.
pub fn new_object<T: 'static>(cls: &Rc<TypeObj>, state: T) -> Value {
    let mut inst = Instance::new(cls.clone(), Value::Null);
    inst.native = Some(Rc::new(RefCell::new(state)));
    Value::Instance(Rc::new(inst))
}

/// A new instance of the class of `spec`.
pub fn new_native<T: 'static>(vm: &mut Vm, spec: &'static ClassSpec, state: T) -> Value {
    let cls = class_of(vm, spec);
    new_object(&cls, state)
}

/// The Rust state of `v` if it is a native object of state type `T`.
pub fn state_of<T: 'static>(v: &Value) -> Option<Rc<RefCell<T>>> {
    match v {
        Value::Instance(i) => i.native.clone()?.downcast::<RefCell<T>>().ok(),
        _ => None,
    }
}

/// The receiver's state for method `name` of class `owner`, or CPython's
/// descriptor error when the method is applied to another object.
pub fn receiver<T: 'static>(a: &Args<'_>, owner: &str, name: &str) -> PyResult<Rc<RefCell<T>>> {
    let recv = a.pos.first().unwrap_or(&Value::None);
    state_of::<T>(recv).ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            name,
            owner,
            type_name(recv)
        ))
    })
}

/// Borrows native state mutably; a re-entrant use (a callback that advances
/// the object being advanced) is a `RuntimeError`, never a panic.
pub fn borrow<T>(c: &RefCell<T>) -> PyResult<RefMut<'_, T>> {
    c.try_borrow_mut()
        .map_err(|_| PyErr::new(ExcKind::RuntimeError, "cannot re-enter a native object"))
}

/// `StopIteration` with no value: the end of a native iterator.
pub fn stop() -> PyErr {
    PyErr::with_args(ExcKind::StopIteration, Vec::new())
}

/// Whether `v` is an iterator (`PyIter_Check`: its class has `__next__`).
pub fn is_iterator(v: &Value) -> bool {
    match v {
        Value::Iter(_) | Value::Generator(_) => true,
        Value::Async(a) => a.is_iterator(),
        Value::Instance(_) => {
            crate::class::special(&crate::types::type_of(v), crate::names::D::Next).is_some()
        }
        _ => false,
    }
}

/// `__iter__` of native iterators: the iterator itself.
pub fn iter_self(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    Ok(a.pos.first().cloned().unwrap_or(Value::None))
}

/// The check argument clinic makes for a method of `n` positional-only
/// parameters (`fromfile(f, n, /)`), with its messages.
pub fn exactly_positional<'a>(a: &Args<'a>, fname: &str, n: usize) -> PyResult<&'a [Value]> {
    let s = if n == 1 { "" } else { "s" };
    let total = a.pos.len() + a.kwnames.len();
    if total > n {
        return Err(PyErr::type_error(format!(
            "{fname}() takes at most {n} argument{s} ({total} given)"
        )));
    }
    if a.pos.len() < n {
        return Err(PyErr::type_error(format!(
            "{fname}() takes exactly {n} positional argument{s} ({} given)",
            a.pos.len()
        )));
    }
    Ok(a.pos)
}

/// Positional and keyword arguments bound to parameter names, as CPython's
/// argument clinic does for a builtin, with its messages.
pub fn bind_args<'a>(
    a: &Args<'a>,
    fname: &str,
    names: &[&str],
    required: usize,
) -> PyResult<Vec<Option<&'a Value>>> {
    let mut out: Vec<Option<&'a Value>> = vec![None; names.len()];
    if a.pos.len() + a.kwnames.len() > names.len() {
        return Err(PyErr::type_error(format!(
            "{}() takes at most {} argument{} ({} given)",
            fname,
            names.len(),
            if names.len() == 1 { "" } else { "s" },
            a.pos.len() + a.kwnames.len()
        )));
    }
    for (slot, v) in out.iter_mut().zip(a.pos) {
        *slot = Some(v);
    }
    for (k, v) in a.kwnames.iter().zip(a.kwvals) {
        let key = match k {
            Value::Str(s) => s.as_str(),
            _ => "",
        };
        match names.iter().position(|n| *n == key) {
            Some(i) if out[i].is_none() => out[i] = Some(v),
            Some(i) => {
                return Err(PyErr::type_error(format!(
                    "argument for {}() given by name ('{}') and position ({})",
                    fname,
                    key,
                    i + 1
                )))
            }
            None => {
                return Err(PyErr::type_error(format!(
                    "'{key}' is an invalid keyword argument for {fname}()"
                )))
            }
        }
    }
    if let Some(i) = out.iter().take(required).position(Option::is_none) {
        return Err(PyErr::type_error(format!(
            "{}() missing required argument '{}' (pos {})",
            fname,
            names[i],
            i + 1
        )));
    }
    Ok(out)
}

/// CPython's check for builtins taking positional arguments only:
/// "NAME expected N arguments, got M" and "NAME() takes no keyword arguments".
pub fn positional<'a>(a: &Args<'a>, fname: &str, min: usize, max: usize) -> PyResult<&'a [Value]> {
    if !a.kwnames.is_empty() {
        return Err(PyErr::type_error(format!(
            "{fname}() takes no keyword arguments"
        )));
    }
    let n = a.pos.len();
    if n < min {
        let what = if min == max { "" } else { "at least " };
        return Err(PyErr::type_error(format!(
            "{} expected {}{} argument{}, got {}",
            fname,
            what,
            min,
            if min == 1 { "" } else { "s" },
            n
        )));
    }
    if n > max {
        let what = if min == max { "" } else { "at most " };
        return Err(PyErr::type_error(format!(
            "{} expected {}{} argument{}, got {}",
            fname,
            what,
            max,
            if max == 1 { "" } else { "s" },
            n
        )));
    }
    Ok(a.pos)
}

/// The class argument of a `__new__` (the first positional argument).
pub fn cls_arg(a: &Args<'_>) -> PyResult<Rc<TypeObj>> {
    match a.pos.first() {
        Some(Value::Type(t)) => Ok(t.clone()),
        _ => Err(PyErr::type_error("__new__(X): X is not a type object")),
    }
}

/// The arguments after the first (the receiver or the class).
pub fn rest<'a>(a: &Args<'a>) -> Args<'a> {
    Args {
        pos: a.pos.get(1..).unwrap_or(&[]),
        kwnames: a.kwnames,
        kwvals: a.kwvals,
    }
}

/// A builtin function value for a static definition.
pub fn builtin(def: &'static BuiltinDef) -> Value {
    Value::Builtin(def)
}

/// Type of builtin function pointers, re-exported for module files.
pub type NativeFn = BuiltinFn;

/// Whether `v` is an instance of the class of `spec` (or a subclass).
pub fn is_instance_of(vm: &mut Vm, v: &Value, spec: &'static ClassSpec) -> bool {
    let cls = class_of(vm, spec);
    crate::types::type_of(v).is_subtype(&cls)
}

/// `callable(v)`.
pub fn is_callable(v: &Value) -> bool {
    match v {
        Value::Function(_)
        | Value::Builtin(_)
        | Value::BoundBuiltin(_)
        | Value::Method(_)
        | Value::Type(_) => true,
        Value::Instance(i) => crate::class::special(&i.class(), crate::names::D::Call).is_some(),
        Value::Descr(d) => matches!(**d, Descr::StaticMethod(..)),
        _ => false,
    }
}

/// The `__dict__` of a builtin type, made on first use and shared after
/// (what `type.__dict__` and `vars(type)` wrap in a mappingproxy).
pub fn shared_builtin_type_dict(vm: &mut Vm, t: &Rc<TypeObj>) -> Rc<RefCell<Dict>> {
    let key = Rc::as_ptr(t) as usize;
    if let Some((_, d)) = vm.builtin_dicts.get(&key) {
        return d.clone();
    }
    let d = Rc::new(RefCell::new(builtin_type_dict(vm, t)));
    vm.builtin_dicts.insert(key, (t.clone(), d.clone()));
    d
}

/// The `__dict__` of a builtin type: its methods (what `types.py` reads, e.g.
/// `dict.__dict__['fromkeys']`).
pub fn builtin_type_dict(vm: &mut Vm, t: &Rc<TypeObj>) -> Dict {
    let mut d = Dict::new();
    // Its data descriptors (`type.__dict__['__mro__']`) come first, as
    // `type_ready` adds `tp_members` and `tp_getset` before the methods.
    for (name, descr) in crate::modules::builtins::own_attr_descriptors(vm, t) {
        let _ = d.insert(Value::str(name), descr);
    }
    if let Some(table) = crate::methods::table_for(&Value::Type(t.clone())) {
        for def in table {
            // A static method is stored wrapped, as CPython's class dicts
            // hold a `staticmethod` around the function.
            let v = if crate::reduce::static_owner(def).is_some() {
                Value::Descr(Rc::new(Descr::static_method(Value::Builtin(def))))
            } else {
                Value::Builtin(def)
            };
            let _ = d.insert(Value::str(def.name), v);
        }
    }
    // Every builtin class defines its own `__new__` (`enum` looks for it there).
    let new = match crate::base_methods::builtin_attr(t, "__new__") {
        Some(Value::Builtin(def)) => Some(def),
        _ => crate::slots::slot_wrapper(t, crate::names::D::New),
    };
    if let Some(def) = new {
        let _ = d.insert(Value::str("__new__"), crate::new_wrapper::bound_new(t, def));
    }
    // The special methods the class implements, as CPython's class dicts
    // list them (`collections.abc` checks `'__len__' in C.__dict__`).
    for name in crate::names::NAMES {
        let Some(dn) = crate::names::D::from_name(name) else {
            continue;
        };
        if let Some(w) = crate::slots::slot_wrapper(t, dn) {
            let key = Value::str(name);
            if d.get(&key).ok().flatten().is_none() {
                let _ = d.insert(key, Value::Builtin(w));
            }
        }
    }
    use crate::types::TypeKind as K;
    for def in crate::base_methods::own_methods(t.kind) {
        let key = Value::str(def.name);
        if def.name != "__new__" && d.get(&key).ok().flatten().is_none() {
            let _ = d.insert(key, Value::Builtin(def));
        }
    }
    // `type_ready` stores the class's docstring (or None) unless a
    // descriptor already answers `__doc__` (`property`, `function`).
    let doc_key = Value::str("__doc__");
    if d.get(&doc_key).ok().flatten().is_none() {
        let doc = crate::doc_table::doc(&t.name).map_or(Value::None, Value::str);
        let _ = d.insert(doc_key, doc);
    }
    if matches!(t.kind, K::List | K::Dict | K::Set | K::ByteArray) {
        // Mutable containers are unhashable: `__hash__` is None in their dict.
        let _ = d.insert(Value::str("__hash__"), Value::None);
    }
    if matches!(
        t.kind,
        K::Function
            | K::BuiltinFunction
            | K::MethodDescriptor
            | K::ClassMethodDescriptor
            | K::Method
            | K::WrapperDescriptor
            | K::MethodWrapper
    ) {
        let _ = d.insert(Value::str("__call__"), Value::Builtin(&CALL_DEF));
    }
    if t.kind == K::Type {
        if let Some(call) = crate::base_methods::builtin_attr(t, "__call__") {
            let _ = d.insert(Value::str("__call__"), call);
        }
    }
    if t.kind == K::Bool {
        // `bool` shares `int`'s method tables here, but its own dict holds
        // only what `PyBool_Type` overrides; the rest it inherits from `int`
        // (`inspect.classify_class_attrs` names `int` as their definer).
        const OWN: &[&str] = &[
            "__and__", "__doc__", "__new__", "__or__", "__rand__", "__repr__", "__ror__",
            "__rxor__", "__xor__",
        ];
        let mut own = Dict::new();
        for name in OWN {
            let key = Value::str(name);
            if let Ok(Some(v)) = d.get(&key) {
                let v = v.clone();
                let _ = own.insert(key, v);
            }
        }
        return own;
    }
    d
}

/// `__call__` of the callable builtin classes (`function`,
/// `builtin_function_or_method`, ...), which `collections.abc.Callable`
/// looks for in their class dicts.
static CALL_DEF: BuiltinDef = BuiltinDef {
    name: "__call__",
    func: call_dunder,
    owner: "function",
    is_method: true,
};

fn call_dunder(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let Some(f) = a.pos.first() else {
        return Err(crate::exc::PyErr::type_error(
            "descriptor '__call__' of 'function' object needs an argument",
        ));
    };
    vm.call_with_kw(f, &a.pos[1..], a.kwnames, a.kwvals)
}

/// Calls a builtin function or unbound method. `dict.pop(self, k)` with an
/// instance of a `dict` subclass works on the instance's builtin payload, as
/// the bound form does.
#[inline]
pub fn call_builtin(vm: &mut Vm, def: &'static BuiltinDef, a: Args<'_>) -> PyResult<Value> {
    if def.is_method {
        if !a.kwnames.is_empty() {
            crate::slots::refuse_keywords(def, a.pos.first())?;
        }
        if let Some(class) = def.owner.strip_prefix("builtin:") {
            // `__new__` takes the class first, not an instance.
            if def.name != "__new__" {
                check_slot_receiver(def.name, class, a.pos.first())?;
            }
        }
        if let Some(Value::Instance(i)) = a.pos.first() {
            let builtin_owner =
                !def.owner.starts_with("builtin") && !crate::attr::takes_instance(def);
            if builtin_owner {
                if let Some(p) = i.payload() {
                    let mut pos = a.pos.to_vec();
                    pos[0] = p.clone();
                    return (def.func)(
                        vm,
                        Args {
                            pos: &pos,
                            kwnames: a.kwnames,
                            kwvals: a.kwvals,
                        },
                    );
                }
            }
        }
    }
    (def.func)(vm, a)
}

/// `list.__mul__("a", 2)`: a builtin class's slot wrapper called unbound
/// applies only to instances of that class.
#[cold]
fn slot_receiver_error(name: &str, class: &str, got: Option<&Value>) -> PyErr {
    match got {
        Some(v) => PyErr::type_error(format!(
            "descriptor '{name}' requires a '{class}' object but received a '{}'",
            crate::types::type_name(v)
        )),
        None => PyErr::type_error(format!(
            "descriptor '{name}' of '{class}' object needs an argument"
        )),
    }
}

fn check_slot_receiver(name: &str, class: &str, got: Option<&Value>) -> PyResult<()> {
    match got {
        Some(v) if is_instance_of_builtin(v, class) => Ok(()),
        _ => Err(slot_receiver_error(name, class, got)),
    }
}

/// Whether `v` is an instance of the builtin class named `class` (or of a
/// subclass of it).
fn is_instance_of_builtin(v: &Value, class: &str) -> bool {
    let mut t = Some(crate::types::type_of(v));
    while let Some(c) = t {
        if c.name == class {
            return true;
        }
        if let Some(h) = &c.heap {
            if h.mro().iter().any(|m| m.name == class && m.heap.is_none()) {
                return true;
            }
        }
        t = c.base.clone();
    }
    false
}

/// `wrapperdescr_get`'s check: a builtin class's slot wrapper binds only to
/// instances of that class (`__eq__ = str.__eq__` in an `int` subclass
/// raises when reached through an instance).
pub(crate) fn check_slot_binding(def: &BuiltinDef, obj: &Value) -> PyResult<()> {
    let Some(class) = def.owner.strip_prefix("builtin:") else {
        return Ok(());
    };
    if def.name == "__new__" || is_instance_of_builtin(obj, class) {
        return Ok(());
    }
    Err(crate::exc::PyErr::type_error(format!(
        "descriptor '{}' for '{class}' objects doesn't apply to a '{}' object",
        def.name,
        crate::types::type_name(obj)
    )))
}

/// How deeply native iterators may advance one another (`chain(chain(...))`):
/// each level is Rust stack, so a program nesting more gets `RecursionError`
/// instead of overflowing the VM thread's stack.
const MAX_NEST: usize = 10_000;

thread_local! {
    static NEST: Cell<usize> = const { Cell::new(0) };
}

/// `next(it)` from inside a native iterator's `__next__`, depth-limited.
pub fn next_nested(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    let depth = NEST.with(Cell::get);
    if depth >= MAX_NEST {
        return Err(PyErr::new(
            ExcKind::RecursionError,
            "maximum recursion depth exceeded",
        ));
    }
    NEST.with(|n| n.set(depth + 1));
    // What ends `it` is the only StopIteration a caller may pass on
    // (`Vm::inner_stop`), never one left from an earlier exhaustion.
    vm.last_stop = None;
    let r = vm.iter_next(it);
    NEST.with(|n| n.set(depth));
    r
}

/// `types.MethodType(func, obj)`: a bound method (what `weakref.WeakMethod`
/// rebuilds).
pub fn new_method(a: Args<'_>) -> PyResult<Value> {
    if !a.kwnames.is_empty() {
        return Err(PyErr::type_error("method() takes no keyword arguments"));
    }
    let [func, obj] = a.pos else {
        return Err(PyErr::type_error(format!(
            "method expected 2 arguments, got {}",
            a.pos.len()
        )));
    };
    if !is_callable(func) {
        return Err(PyErr::type_error("first argument must be callable"));
    }
    if matches!(obj, Value::None) {
        return Err(PyErr::type_error("instance must not be None"));
    }
    Ok(Value::Method(Rc::new((obj.clone(), func.clone()))))
}
