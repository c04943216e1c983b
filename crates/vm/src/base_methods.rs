//! Methods of the builtin classes `object`, `type` and `BaseException` (and the
//! `__init__` of builtin containers) as Python code reaches them through the
//! MRO of a class: `super().__init__(...)`, `object.__setattr__(self, ...)`.

use std::rc::Rc;

use crate::class::{default_repr, mro_of, new_instance, special};
use crate::exc::{ExcObj, PyErr, PyResult};
use crate::func::{Args, BuiltinDef};
use crate::names::D;
use crate::types::{type_name, ExcKind, TypeKind, TypeObj};
use crate::value::{StrObj, Value};
use crate::vm::Vm;

macro_rules! native_table {
    ($table:ident, $owner:literal, [ $( $name:literal => $f:path ),* $(,)? ]) => {
        static $table: &[BuiltinDef] = &[
            // `__init_subclass__` and `__subclasshook__` are class methods:
            // `A.__init_subclass__` is bound to `A`.
            $( BuiltinDef { name: $name, func: $f, owner: $owner,
                is_method: !matches!($name.as_bytes(), b"__init_subclass__" | b"__subclasshook__") }, )*
        ];
    };
}

native_table!(OBJECT_METHODS, "object", [
    "__init__" => object_init, "__new__" => object_new, "__repr__" => object_repr,
    "__str__" => object_str, "__eq__" => object_eq, "__ne__" => object_ne,
    "__hash__" => object_hash, "__setattr__" => object_setattr,
    "__getattribute__" => object_getattribute, "__delattr__" => object_delattr,
    "__init_subclass__" => object_init_subclass, "__format__" => object_format,
    "__subclasshook__" => object_subclasshook, "__getstate__" => object_getstate,
    "__reduce_ex__" => crate::reduce::object_reduce_ex, "__reduce__" => crate::reduce::object_reduce,
    "__dir__" => crate::namespace::object_dir, "__sizeof__" => crate::modules::sys::object_sizeof,
    "__lt__" => object_richcompare, "__le__" => object_richcompare,
    "__gt__" => object_richcompare, "__ge__" => object_richcompare,
]);

/// `object.__lt__` and the other orderings: objects are not ordered.
fn object_richcompare(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    a.no_kw("comparison")?;
    match a.pos.len() {
        2 => Ok(Value::NotImplemented),
        n => Err(PyErr::type_error(format!(
            "expected 1 argument, got {}",
            n.saturating_sub(1)
        ))),
    }
}

/// The methods `object` and `type` define themselves, as their class
/// dicts list them (`'__hash__' in object.__dict__`, which
/// `collections.abc.Hashable` reads through the MRO).
pub(crate) fn own_methods(kind: TypeKind) -> &'static [BuiltinDef] {
    match kind {
        TypeKind::Object => OBJECT_METHODS,
        TypeKind::Type => TYPE_METHODS,
        TypeKind::Property => &crate::descr::PROPERTY_METHODS,
        _ => &[],
    }
}

/// A method of `object` that a builtin value inherits (`[].__reduce_ex__`),
/// bound to it; `__new__` is the value's own type's.
pub(crate) fn object_method(obj: &Value, name: &str) -> Option<Value> {
    if name == "__new__" || !name.starts_with("__") {
        return None;
    }
    let def = OBJECT_METHODS.iter().find(|d| d.name == name)?;
    Some(Value::BoundBuiltin(Rc::new((obj.clone(), def))))
}

/// `object.__getstate__`: the instance dict, or None when it is empty; with
/// `__slots__` members set, `(dict or None, {member: value})`.
fn object_getstate(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let d = a.pos.first().and_then(crate::attr::instance_dict);
    let dict = match d {
        Some(d) if !d.borrow().is_empty() => Value::Dict(d),
        _ => Value::None,
    };
    if let Some(obj @ Value::Instance(i)) = a.pos.first() {
        // `object_getstate_default`: the values of the class's slot names,
        // read as attributes (a `__getattr__` may supply them).
        let names = slot_names(vm, &i.class())?;
        let mut slots = crate::dict::Dict::new();
        for name in names {
            let Value::Str(n) = crate::instance::payload_of(&name).unwrap_or(&name) else {
                return Err(PyErr::type_error(format!(
                    "attribute name must be string, not '{}'",
                    crate::types::type_name(&name)
                )));
            };
            match vm.get_attr(obj, n) {
                Ok(v) => {
                    let old = slots.replace_hashed(name.clone(), n.hash(), v);
                    drop(old);
                }
                Err(e) if e.is(crate::types::ExcKind::AttributeError) => {}
                Err(e) => return Err(e),
            }
        }
        if !slots.is_empty() {
            return Ok(Value::tuple(vec![dict, Value::dict(slots)]));
        }
    }
    Ok(dict)
}

/// `_PyType_GetSlotNames`: the class's own `__slotnames__` (a list or
/// `None`), else what `copyreg._slotnames(cls)` computes (and caches there),
/// computed here so that no Python module need be importable.
fn slot_names(vm: &mut Vm, cls: &Rc<TypeObj>) -> PyResult<Vec<Value>> {
    let key = vm.intern("__slotnames__");
    let own = cls
        .heap
        .as_ref()
        .and_then(|h| h.dict.borrow().get_str(&key).cloned());
    let names = match own {
        Some(v) => {
            if !matches!(v, Value::None | Value::List(_)) {
                return Err(PyErr::type_error(format!(
                    "{}.__slotnames__ should be a list or None, not {}",
                    cls.name,
                    crate::types::type_name(&v)
                )));
            }
            v
        }
        None => {
            // What `copyreg._slotnames` computes: the (mangled) `__slots__`
            // members along the MRO, kept on the class as it does.
            let names: Vec<Value> = crate::modules::builtins::slot_members(cls)
                .into_iter()
                .map(|(n, _)| Value::Str(n))
                .collect();
            let list = Value::list(names);
            if let Err(e) = vm.set_attr(&Value::Type(cls.clone()), &key, list.clone()) {
                drop(e);
            }
            list
        }
    };
    Ok(match names {
        // A copy: a `__getattr__` may change the list as it is read.
        Value::List(l) => l.borrow().clone(),
        _ => Vec::new(),
    })
}

/// `object.__subclasshook__`: no opinion (`abc` falls back to the registry and MRO).
fn object_subclasshook(_vm: &mut Vm, _a: Args<'_>) -> PyResult<Value> {
    Ok(Value::NotImplemented)
}

native_table!(EXC_METHODS, "BaseException", [
    "__init__" => exc_init, "__str__" => exc_str, "__repr__" => exc_repr,
    "with_traceback" => exc_with_traceback, "add_note" => crate::exc_group::add_note,
    "__reduce__" => crate::exc_reduce::exc_reduce,
    "__setstate__" => crate::exc_reduce::exc_setstate,
]);

native_table!(TYPE_METHODS, "type", [
    "mro" => type_mro, "__subclasses__" => type_subclasses, "__call__" => type_dunder_call,
    "__init__" => type_dunder_init, "__setattr__" => crate::class_ns::type_dunder_setattr,
    "__delattr__" => crate::class_ns::type_dunder_delattr, "__repr__" => type_dunder_repr,
    "__dir__" => crate::namespace::object_dir,
    "__instancecheck__" => crate::instance_check::type_instancecheck,
    "__subclasscheck__" => crate::instance_check::type_subclasscheck,
]);

/// `type.__prepare__`, a class method (`METH_CLASS`): the namespace of a
/// class body, an empty dict whatever the arguments.
static TYPE_PREPARE: BuiltinDef = BuiltinDef {
    name: "__prepare__",
    func: type_prepare,
    owner: "type",
    is_method: false,
};

fn type_prepare(_vm: &mut Vm, _a: Args<'_>) -> PyResult<Value> {
    Ok(Value::dict(crate::dict::Dict::new()))
}

native_table!(CONTAINER_INIT, "list", ["__init__" => container_init]);

/// `list.__init__`, `dict.__init__` and `set.__init__`, which re-run the
/// constructor on an existing container (`l.__init__(it)`).
pub(crate) fn container_init_def() -> &'static BuiltinDef {
    &CONTAINER_INIT[0]
}

/// An attribute of a builtin class found in its own method tables.
pub fn builtin_attr(t: &Rc<TypeObj>, name: &str) -> Option<Value> {
    let has_table = !matches!(
        t.kind,
        TypeKind::Object | TypeKind::Type | TypeKind::Exception(_)
    );
    if has_table {
        if let Some(def) = crate::methods::lookup(&Value::Type(t.clone()), name) {
            return Some(Value::Builtin(def));
        }
    }
    if !name.starts_with("__") && t.kind == TypeKind::Object {
        // `object` has only special methods: the common miss of an instance attribute.
        return None;
    }
    let table: &'static [BuiltinDef] = match t.kind {
        TypeKind::Object => OBJECT_METHODS,
        TypeKind::Type => TYPE_METHODS,
        TypeKind::Exception(crate::types::ExcKind::BaseException) => EXC_METHODS,
        TypeKind::Exception(crate::types::ExcKind::BaseExceptionGroup) => crate::exc_group::METHODS,
        TypeKind::List | TypeKind::Dict | TypeKind::Set | TypeKind::ByteArray => CONTAINER_INIT,
        TypeKind::Property => &crate::descr::PROPERTY_METHODS,
        _ => &[],
    };
    if let Some(def) = table.iter().find(|d| d.name == name) {
        return Some(Value::Builtin(def));
    }
    if t.kind == TypeKind::Type && name == "__prepare__" {
        return Some(Value::Builtin(&TYPE_PREPARE));
    }
    if name == "__doc__" {
        return Some(crate::doc_table::doc(&t.name).map_or(Value::None, Value::str));
    }
    // Builtin classes expose their special methods as slot wrappers.
    let d = D::from_name(name)?;
    if d == D::Hash && crate::slots::unhashable(t) {
        return Some(Value::None);
    }
    crate::slots::slot_wrapper(t, d).map(Value::Builtin)
}

fn self_arg<'a>(a: &Args<'a>, name: &str) -> PyResult<&'a Value> {
    a.pos.first().ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor '{name}' of 'object' object needs an argument"
        ))
    })
}

fn object_init(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let obj = self_arg(&a, "__init__")?;
    if a.pos.len() > 1 || !a.kwnames.is_empty() {
        let t = crate::types::type_of(obj);
        let overrides_init = special(&t, D::Init).is_some();
        let overrides_new = special(&t, D::New).is_some();
        if overrides_init || !overrides_new {
            let _ = vm;
            return Err(PyErr::type_error(format!(
                "{}.__init__() takes exactly one argument (the instance to initialize)",
                if overrides_init {
                    "object".to_string()
                } else {
                    t.name.clone()
                }
            )));
        }
    }
    Ok(Value::None)
}

fn object_new(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let Some(Value::Type(t)) = a.pos.first() else {
        return Err(PyErr::type_error(
            "object.__new__(X): X is not a type object",
        ));
    };
    let rest = Args {
        pos: &a.pos[1..],
        kwnames: a.kwnames,
        kwvals: a.kwvals,
    };
    if t.heap.is_none() {
        if let TypeKind::Exception(
            ExcKind::UnicodeEncodeError
            | ExcKind::UnicodeDecodeError
            | ExcKind::UnicodeTranslateError,
        ) = t.kind
        {
            // Their arguments are checked by `__init__`, which this skips:
            // the error has no fields and shows as "".
            let e = ExcObj::new(t.clone(), rest.pos.to_vec());
            return Ok(Value::Exception(Rc::new(e)));
        }
        return crate::builtins::construct(vm, t, rest);
    }
    let h = t.heap.as_ref().map(|h| h.solid.kind);
    if h == Some(TypeKind::Object) && (!rest.pos.is_empty() || !rest.kwnames.is_empty()) {
        let overrides_new = special(t, D::New).is_some();
        let overrides_init = special(t, D::Init).is_some();
        // `object_new`: an overridden `__new__` names `object.__new__`; a
        // class overriding neither takes no arguments at all.
        if overrides_new {
            return Err(PyErr::type_error(
                "object.__new__() takes exactly one argument (the type to instantiate)",
            ));
        }
        if !overrides_init {
            return Err(PyErr::type_error(format!(
                "{}() takes no arguments",
                t.name
            )));
        }
    }
    new_instance(vm, t, rest)
}

/// The receiver of a slot wrapper taking no other argument (`wrap_unaryfunc`).
fn unary_self_arg<'a>(a: &Args<'a>, name: &str) -> PyResult<&'a Value> {
    let obj = self_arg(a, name)?;
    a.no_kw_lazy(|| format!("wrapper {name}"))?;
    if a.pos.len() > 1 {
        return Err(PyErr::type_error(format!(
            "expected 0 arguments, got {}",
            a.pos.len() - 1
        )));
    }
    Ok(obj)
}

fn object_repr(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let obj = unary_self_arg(&a, "__repr__")?;
    let _ = vm;
    Ok(Value::string(default_repr(obj)))
}

fn object_str(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let obj = unary_self_arg(&a, "__str__")?;
    Ok(Value::string(vm.repr_of(obj)?))
}

fn object_eq(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    match a.pos {
        [x, y] => Ok(if x.is(y) {
            Value::Bool(true)
        } else {
            Value::NotImplemented
        }),
        _ => Err(PyErr::type_error("expected 1 argument")),
    }
}

fn object_ne(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    match a.pos {
        [x, y] => {
            // `object_richcompare`: the type's own `__eq__` only, no
            // reflected try, so its NotImplemented comes back as is.
            let t = crate::types::type_of(x);
            // `object` itself, or a class whose layout is object's.
            let plain = t.heap.as_ref().map_or(t.kind == TypeKind::Object, |h| {
                h.solid.kind == TypeKind::Object
            });
            let r = match special(&t, D::Eq) {
                Some(f) => vm.call_special(&f, x, std::slice::from_ref(y))?,
                None if plain && x.identity() == y.identity() => Value::Bool(true),
                None if plain => Value::NotImplemented,
                None => vm.rich_compare(crate::ops::CmpOp::Eq, x, y)?,
            };
            if matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
            Ok(Value::Bool(!vm.truthy(&r)?))
        }
        _ => Err(PyErr::type_error("expected 1 argument")),
    }
}

fn object_hash(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let obj = self_arg(&a, "__hash__")?;
    Ok(Value::Int((obj.identity() >> 4) as i64))
}

fn attr_name_arg(v: Option<&Value>) -> PyResult<Rc<StrObj>> {
    let Some(v) = v else {
        return Err(PyErr::type_error("expected an attribute name"));
    };
    // A str subclass names the attribute by its text.
    match crate::instance::payload_of(v).unwrap_or(v) {
        Value::Str(s) => Ok(s.clone()),
        _ => Err(PyErr::type_error(format!(
            "attribute name must be string, not '{}'",
            type_name(v)
        ))),
    }
}

/// `hackcheck`: `object.__setattr__` must not bypass `type.__setattr__`
/// (Carlo Verre's hack), which keeps a class's caches right.
fn hackcheck(obj: &Value, what: &str) -> PyResult<()> {
    match obj {
        Value::Type(_) => Err(PyErr::type_error(format!(
            "can't apply this {what} to {} object",
            type_name(obj)
        ))),
        _ => Ok(()),
    }
}

fn object_setattr(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let obj = self_arg(&a, "__setattr__")?;
    hackcheck(obj, "__setattr__")?;
    let name = attr_name_arg(a.pos.get(1))?;
    let v = a.pos.get(2).cloned().unwrap_or(Value::None);
    vm.generic_setattr(obj, &name, Some(v))?;
    Ok(Value::None)
}

fn object_delattr(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let obj = self_arg(&a, "__delattr__")?;
    hackcheck(obj, "__delattr__")?;
    let name = attr_name_arg(a.pos.get(1))?;
    vm.generic_setattr(obj, &name, None)?;
    Ok(Value::None)
}

fn object_getattribute(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let obj = self_arg(&a, "__getattribute__")?;
    let name = attr_name_arg(a.pos.get(1))?;
    // A class's attributes (its `type` data descriptors, `__bases__`...)
    // are found as `type.__getattribute__` finds them.
    if let Value::Type(t) = obj {
        return vm.type_getattribute(t, &name);
    }
    if let Value::Module(m) = obj {
        // A module's attributes live in its dict (CPython's `tp_dictoffset`),
        // which the class's `__dict__` member reads (`inspect.getattr_static`).
        if name.as_str() == "__dict__" {
            return Ok(Value::Dict(m.dict.clone()));
        }
        if let Some(v) = m.dict.borrow().get_str(&name).cloned() {
            return Ok(v);
        }
    }
    // `method.__doc__` is a getset on the method type that reads the
    // function's docstring (`pydoc._getowndoc` asks through here).
    if name.as_str() == "__doc__"
        && matches!(
            obj,
            Value::Method(_) | Value::BoundBuiltin(_) | Value::Builtin(_)
        )
    {
        return vm.get_attr(obj, &name);
    }
    // A function's attributes (`__name__`, `__doc__`, `__defaults__`...) are
    // getsets and members of `function`, which no Python code can
    // override: the ordinary lookup is the generic one.
    if matches!(obj, Value::Function(_)) {
        return vm.get_attr(obj, &name);
    }
    vm.generic_getattr(obj, &name)
}

fn object_init_subclass(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let name = match a.pos.first() {
        Some(Value::Type(t)) => t.name.clone(),
        _ => "object".to_string(),
    };
    // `METH_NOARGS` bound to the class: keywords are refused first.
    if !a.kwnames.is_empty() {
        return Err(PyErr::type_error(format!(
            "{name}.__init_subclass__() takes no keyword arguments"
        )));
    }
    if a.pos.len() > 1 {
        return Err(PyErr::type_error(format!(
            "{name}.__init_subclass__() takes no arguments ({} given)",
            a.pos.len() - 1
        )));
    }
    Ok(Value::None)
}

fn object_format(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let obj = self_arg(&a, "__format__")?;
    match a.pos.get(1) {
        Some(Value::Str(s)) if s.as_str().is_empty() => Ok(Value::string(vm.str_of(obj)?)),
        Some(Value::Str(_)) => Err(PyErr::type_error(format!(
            "unsupported format string passed to {}.__format__",
            type_name(obj)
        ))),
        _ => Err(PyErr::type_error("format spec must be a str")),
    }
}

fn exc_arg<'a>(a: &Args<'a>, name: &str) -> PyResult<&'a Rc<ExcObj>> {
    match a.pos.first() {
        Some(Value::Exception(e)) => Ok(e),
        Some(other) => Err(PyErr::type_error(format!(
            "descriptor '{}' requires a 'BaseException' object but received a '{}'",
            name,
            type_name(other)
        ))),
        None => Err(PyErr::type_error(format!(
            "descriptor '{name}' of 'BaseException' object needs an argument"
        ))),
    }
}

fn exc_init(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let e = exc_arg(&a, "__init__")?;
    if !a.kwnames.is_empty() && !crate::name_error::exception_takes_keywords(&e.typ) {
        return Err(PyErr::type_error(format!(
            "{}() takes no keyword arguments",
            e.typ.name
        )));
    }
    *e.args.borrow_mut() = Rc::new(a.pos[1..].to_vec());
    crate::compile_hook::check_syntax_error_args(vm, e)?;
    crate::oserror::init(e);
    crate::unicode_error::check_args(e)?;
    crate::unicode_error::init(e);
    crate::import_error::init(e, a.kwnames, a.kwvals)?;
    crate::name_error::init(e, a.kwnames, a.kwvals)?;
    Ok(Value::None)
}

fn exc_str(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let e = exc_arg(&a, "__str__")?;
    if let Some(s) = crate::oserror::os_error_str(e) {
        return Ok(Value::string(s));
    }
    if let Some(s) = crate::unicode_error::unicode_error_str(e) {
        return Ok(Value::string(s));
    }
    let args = e.args.borrow().clone();
    Ok(Value::string(match args.len() {
        0 => String::new(),
        1 => vm.str_of(&args[0])?,
        _ => vm.repr_of(&Value::Tuple(args))?,
    }))
}

fn exc_repr(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let e = exc_arg(&a, "__repr__")?;
    let args = e.args.borrow().clone();
    let mut out = crate::attr::class_name(&e.typ);
    if args.len() == 1 {
        out.push('(');
        out.push_str(&vm.repr_of(&args[0])?);
        out.push(')');
    } else {
        out.push_str(&vm.repr_of(&Value::Tuple(args))?);
    }
    Ok(Value::string(out))
}

fn exc_with_traceback(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let e = exc_arg(&a, "with_traceback")?;
    let [_, tb] = a.pos else {
        return Err(PyErr::type_error(format!(
            "BaseException.with_traceback() takes exactly one argument ({} given)",
            a.pos.len().saturating_sub(1)
        )));
    };
    crate::frame_obj::set_traceback(e, tb)?;
    Ok(Value::Exception(e.clone()))
}

/// The class a method of `type` is called on, with CPython's errors when
/// the call through `type` itself has none; then no argument beyond it.
fn type_receiver<'a>(a: &Args<'a>, method: &str) -> PyResult<&'a Rc<TypeObj>> {
    let t = match a.pos.first() {
        Some(Value::Type(t)) => t,
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "descriptor '{method}' for 'type' objects doesn't apply to a '{}' object",
                crate::types::type_name(other)
            )))
        }
        None => {
            return Err(PyErr::type_error(format!(
                "unbound method type.{method}() needs an argument"
            )))
        }
    };
    if !a.kwnames.is_empty() {
        return Err(PyErr::type_error(format!(
            "{}.{method}() takes no keyword arguments",
            t.name
        )));
    }
    if a.pos.len() > 1 {
        return Err(PyErr::type_error(format!(
            "{}.{method}() takes no arguments ({} given)",
            t.name,
            a.pos.len() - 1
        )));
    }
    Ok(t)
}

fn type_mro(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let t = type_receiver(&a, "mro")?;
    // `mro_implementation`: C3 over the bases as they are now, whatever a
    // metaclass made `__mro__`.
    if let Some(h) = &t.heap {
        let mut out = vec![Value::Type(t.clone())];
        out.extend(crate::class::c3(&h.bases())?.into_iter().map(Value::Type));
        return Ok(Value::list(out));
    }
    Ok(Value::list(
        mro_of(t).into_iter().map(Value::Type).collect(),
    ))
}

/// `type.__repr__(cls)`: `<class 'module.Name'>`, whatever `__repr__` a
/// metaclass defines.
fn type_dunder_repr(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    match a.pos {
        [t @ Value::Type(_)] => Ok(Value::string(crate::repr::repr(t))),
        // A slot wrapper's receiver check, then its arity check.
        [other, ..] if !matches!(other, Value::Type(_)) => Err(PyErr::type_error(format!(
            "descriptor '__repr__' requires a 'type' object but received a '{}'",
            crate::types::type_name(other)
        ))),
        [] => Err(PyErr::type_error(
            "descriptor '__repr__' of 'type' object needs an argument",
        )),
        [_, rest @ ..] => Err(PyErr::type_error(format!(
            "expected 0 arguments, got {}",
            rest.len()
        ))),
    }
}

/// `type.__call__(cls, *args)`: what calling a class does, metaclass `__call__` aside.
fn type_dunder_call(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let Some(Value::Type(t)) = a.pos.first() else {
        return Err(PyErr::type_error(
            "descriptor '__call__' requires a 'type' object",
        ));
    };
    let rest = Args {
        pos: &a.pos[1..],
        kwnames: a.kwnames,
        kwvals: a.kwvals,
    };
    let t = t.clone();
    if t.heap.is_some() {
        crate::class::create_and_init(vm, &t, rest)
    } else {
        crate::class::call_builtin_class(vm, &t, rest)
    }
}

fn type_dunder_init(_: &mut Vm, _: Args<'_>) -> PyResult<Value> {
    Ok(Value::None)
}

fn type_subclasses(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let t = type_receiver(&a, "__subclasses__")?;
    Ok(Value::list(
        crate::subclasses::subclasses(t)
            .into_iter()
            .map(Value::Type)
            .collect(),
    ))
}

/// `list.__init__`, `dict.__init__`, `set.__init__`, `bytearray.__init__`
/// on any instance (re-running the constructor's filling).
pub(crate) fn container_init(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let Some(obj) = a.pos.first() else {
        return Err(PyErr::type_error("__init__ needs an argument"));
    };
    let target = crate::instance::payload_of(obj).unwrap_or(obj).clone();
    let rest = Args {
        pos: &a.pos[1..],
        kwnames: a.kwnames,
        kwvals: a.kwvals,
    };
    if let Value::ByteArray(b) = &target {
        crate::bytes_new::bytearray_init(vm, b, rest)?;
        return Ok(Value::None);
    }
    let t = crate::types::type_of(&target);
    let fresh = crate::builtins::construct(vm, &t, rest)?;
    match (&target, fresh) {
        (Value::List(l), Value::List(n)) => *l.borrow_mut() = n.borrow().clone(),
        // `dict.__init__` updates (`dict_update_common`); `list.__init__`
        // and `set.__init__` clear first.
        (Value::Dict(d), fresh @ Value::Dict(_)) => {
            crate::methods::dict_merge_from(vm, d, &fresh)?;
        }
        (Value::Set(d), Value::Set(n)) => {
            let table = n.borrow().clone();
            d.borrow_mut().set_take_table(table);
        }
        _ => {}
    }
    Ok(Value::None)
}
