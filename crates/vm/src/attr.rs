//! Attribute access on instances, classes and `super` objects with CPython's
//! rules: data descriptors of the class first, then the instance dict, then
//! other class attributes (functions become bound methods), then `__getattr__`.

use std::cell::RefCell;
use std::rc::Rc;

use crate::class::{self, is_data_descriptor, lookup, special};
use crate::descr::Descr;
use crate::dict::Dict;
use crate::exc::{PyErr, PyResult};
use crate::func::BuiltinDef;
use crate::names::D;
use crate::types::{type_of, ExcKind, TypeObj};
use crate::value::{StrObj, Value};
use crate::vm::Vm;

/// The `__dict__` of an object, if it has one (an instance's is made if its
/// values are still split, see `inst_dict.rs`).
pub fn instance_dict(obj: &Value) -> Option<Rc<RefCell<Dict>>> {
    match obj {
        Value::Instance(i) => Some(i.dict.clone()),
        Value::Exception(e) => Some(e.dict()),
        _ => None,
    }
}

/// The attributes of an object with a `__dict__`, for reading only: an
/// instance whose values are still split gives a copy and keeps its compact
/// store (for scans over many objects, such as the exit scan for coroutines).
pub fn instance_attrs(obj: &Value) -> Option<Rc<RefCell<Dict>>> {
    match obj {
        Value::Instance(i) => Some(match i.dict.materialized() {
            Some(d) => d.clone(),
            None => Rc::new(RefCell::new(i.dict.snapshot())),
        }),
        Value::Exception(e) => Some(e.dict()),
        _ => None,
    }
}

/// The getter of a property when reading it is just a call of a plain
/// one-argument function (so the eval loop can push a frame).
pub(crate) fn plain_getter(attr: &Value) -> Option<Rc<crate::func::Function>> {
    let Value::Descr(d) = attr else {
        return None;
    };
    let Descr::Property { fget, .. } = &**d else {
        return None;
    };
    plain_function(fget, 1)
}

/// A Python function the eval loop can run as a frame of its own when
/// called with `nargs` positional arguments: simple parameters, exactly
/// that many, and no generator or coroutine body.
pub(crate) fn plain_function(v: &Value, nargs: usize) -> Option<Rc<crate::func::Function>> {
    let Value::Function(f) = v else {
        return None;
    };
    let code = f.code.borrow();
    let flags = code.flags;
    let plain = code.simple_args
        && code.argcount == nargs
        && !flags.contains(pith_bytecode::CodeFlags::GENERATOR)
        && !flags.contains(pith_bytecode::CodeFlags::COROUTINE)
        && !flags.contains(pith_bytecode::CodeFlags::ASYNC_GENERATOR);
    plain.then(|| f.clone())
}

/// Whether `obj` is an object whose class was made by a `class` statement.
#[inline]
pub fn is_heap_object(obj: &Value) -> bool {
    match obj {
        Value::Instance(_) => true,
        Value::Exception(e) => e.typ.heap.is_some(),
        _ => false,
    }
}

/// The class of an instance or exception, borrowed; other values' class is made.
macro_rules! class_ref {
    ($obj:expr, $owned:ident) => {
        match $obj {
            Value::Instance(i) => {
                $owned = i.class();
                &$owned
            }
            Value::Exception(e) => &e.typ,
            other => {
                $owned = type_of(other);
                &$owned
            }
        }
    };
}

fn no_attribute(obj: &Value, name: &Rc<StrObj>) -> PyErr {
    let err = PyErr::new(
        ExcKind::AttributeError,
        format!(
            "'{}' object has no attribute '{}'",
            crate::types::type_name(obj),
            name.as_str()
        ),
    );
    // "Did you mean": the instance's and its classes' attribute names.
    let mut names: Vec<Rc<str>> = Vec::new();
    if let Some(d) = instance_attrs(obj) {
        names.extend(d.borrow().keys().filter_map(key_str));
    }
    for c in class::mro_of(&type_of(obj)) {
        if let Some(h) = &c.heap {
            names.extend(h.dict.borrow().keys().filter_map(key_str));
        }
    }
    *err.0.name_hint.borrow_mut() = Some(crate::exc::NameHint {
        name: name.as_str().into(),
        candidates: vec![names],
        is_attribute: true,
    });
    err.with_name_obj(Value::Str(name.clone()), obj.clone())
}

/// `type object 'C' has no attribute 'name'`, with the names `dir(C)` lists
/// (its classes' attributes) as "Did you mean" candidates.
fn no_type_attribute(t: &Rc<TypeObj>, name: &Rc<StrObj>) -> PyErr {
    let err = PyErr::new(
        ExcKind::AttributeError,
        format!(
            "type object '{}' has no attribute '{}'",
            t.name,
            name.as_str()
        ),
    );
    let mut names: Vec<Rc<str>> = Vec::new();
    for c in class::mro_of(t) {
        if let Some(h) = &c.heap {
            names.extend(h.dict.borrow().keys().filter_map(key_str));
        }
    }
    *err.0.name_hint.borrow_mut() = Some(crate::exc::NameHint {
        name: name.as_str().into(),
        candidates: vec![names],
        is_attribute: true,
    });
    err.with_name_obj(Value::Str(name.clone()), Value::Type(t.clone()))
}

/// `property 'name'` in a property's error messages; `property` when it has
/// no name (made outside a class body, so `__set_name__` never ran).
pub(crate) fn property_label(name: &Value) -> String {
    match name {
        Value::None => "property".to_string(),
        n => format!("property {}", crate::repr::repr(n)),
    }
}

/// `'C.D' object has no getter`: a property's errors name the instance's
/// class by its `__qualname__`, quoted as `%R` does.
pub(crate) fn property_missing(name: &Value, obj: &Value, what: &str) -> PyErr {
    let t = crate::types::type_of(obj);
    let qualname = match &t.heap {
        Some(h) => Value::Str(h.qualname.borrow().clone()),
        None => Value::str(&t.name),
    };
    PyErr::new(
        ExcKind::AttributeError,
        format!(
            "{} of {} object has no {what}",
            property_label(name),
            crate::repr::repr(&qualname)
        ),
    )
}

fn key_str(k: &Value) -> Option<Rc<str>> {
    match k {
        Value::Str(s) => Some(Rc::from(s.as_str())),
        _ => None,
    }
}

/// The class of an unbound `super` payload (`super(C)`), as a value.
fn unbound_super(payload: Option<&Value>) -> Option<Value> {
    match payload {
        Some(Value::Descr(d)) => match &**d {
            Descr::Super {
                typ,
                obj: Value::None,
                ..
            } => Some(Value::Type(typ.clone())),
            _ => None,
        },
        _ => None,
    }
}

/// Whether the class of `v`, wrapped by a `classmethod`, has `__get__`
/// beyond a function's (which binds to the class either way).
fn has_descr_get(v: &Value) -> bool {
    match v {
        Value::Descr(d) => !matches!(**d, Descr::MappingProxy(_)),
        Value::Instance(i) => {
            special(&i.class(), D::Get).is_some() || matches!(i.payload(), Some(Value::Descr(_)))
        }
        _ => false,
    }
}

impl Vm {
    /// `descr.__get__(obj, owner)` for a class attribute found on `owner`'s MRO
    /// (`obj` is `None` for an access through the class).
    pub(crate) fn bind_attr(
        &mut self,
        attr: Value,
        obj: &Value,
        owner: &Rc<TypeObj>,
    ) -> PyResult<Value> {
        Ok(match attr {
            Value::Function(_) if !matches!(obj, Value::None) => {
                Value::Method(Rc::new((obj.clone(), attr)))
            }
            Value::Descr(ref d) => match &**d {
                // `cm_descr_get`: a wrapped descriptor (a property) is bound
                // with the class as its instance.
                Descr::ClassMethod(f, _) if has_descr_get(f) => {
                    return self.bind_attr(f.clone(), &Value::Type(owner.clone()), owner)
                }
                Descr::ClassMethod(f, _) => {
                    Value::Method(Rc::new((Value::Type(owner.clone()), f.clone())))
                }
                Descr::StaticMethod(f, _) => f.clone(),
                Descr::Property { fget, name, .. } => {
                    if matches!(obj, Value::None) {
                        return Ok(attr.clone());
                    }
                    if matches!(fget, Value::None) {
                        return Err(property_missing(&name.borrow(), obj, "getter"));
                    }
                    self.call(fget, std::slice::from_ref(obj))?
                }
                // `super_descr_get`: an unbound super binds to the instance.
                Descr::Super {
                    typ,
                    obj: Value::None,
                    ..
                } if !matches!(obj, Value::None) => {
                    let obj_type = crate::descr::supercheck(self, typ, obj)?;
                    Value::Descr(Rc::new(Descr::Super {
                        typ: typ.clone(),
                        obj: obj.clone(),
                        obj_type: Some(obj_type),
                    }))
                }
                Descr::Super { .. } | Descr::MappingProxy(_) => attr.clone(),
            },
            Value::Builtin(def) if crate::methods::is_classmethod(def) => {
                Value::BoundBuiltin(Rc::new((Value::Type(owner.clone()), def)))
            }
            Value::Builtin(def) if crate::native::is_new(def.name) => {
                crate::new_wrapper::bound_new(owner, def)
            }
            Value::Builtin(def) if def.is_method && !matches!(obj, Value::None) => {
                crate::native::check_slot_binding(def, obj)?;
                let recv = receiver_for(obj, def);
                Value::BoundBuiltin(Rc::new((recv, def)))
            }
            Value::Instance(ref i) => match special(&i.class(), D::Get) {
                Some(get) => {
                    let o = obj.clone();
                    self.call(&get, &[attr.clone(), o, Value::Type(owner.clone())])?
                }
                // `super_descr_get`: an unbound instance of a `super` subclass
                // binds by calling its class (`mysuper(typ, obj)`).
                None if !matches!(obj, Value::None) && unbound_super(i.payload()).is_some() => {
                    match unbound_super(i.payload()) {
                        Some(typ) => self.call(&Value::Type(i.class()), &[typ, obj.clone()])?,
                        None => attr,
                    }
                }
                // A subclass of `property`/`classmethod`/`staticmethod` binds as its payload.
                None => match i.payload() {
                    Some(p @ Value::Descr(_)) => return self.bind_attr(p.clone(), obj, owner),
                    _ => attr,
                },
            },
            other => other,
        })
    }

    /// `object.__getattribute__`: the generic lookup on an instance.
    pub(crate) fn generic_getattr(&mut self, obj: &Value, name: &Rc<StrObj>) -> PyResult<Value> {
        let owned;
        let t = class_ref!(obj, owned);
        let found = lookup(t, name);
        self.generic_getattr_with(obj, t, name, found)
    }

    /// `LOAD_ATTR` on an instance: the value, or the getter function of a
    /// property for the eval loop to run as a frame. One class lookup serves both.
    pub(crate) fn load_attr_instance(
        &mut self,
        obj: &Value,
        t: &Rc<TypeObj>,
        name: &Rc<StrObj>,
    ) -> PyResult<Result<Value, Rc<crate::func::Function>>> {
        if special(t, D::GetAttribute).is_some() {
            return self.instance_getattr(obj, name).map(Ok);
        }
        let found = lookup(t, name);
        if let Some(f) = found.as_ref().and_then(plain_getter) {
            return Ok(Err(f));
        }
        match self.generic_getattr_with(obj, t, name, found) {
            Err(e) if e.is(ExcKind::AttributeError) => match special(t, D::GetAttr) {
                Some(f) => self
                    .call_special(&f, obj, &[Value::Str(name.clone())])
                    .map_err(|e| crate::name_error::with_context(e, name, obj))
                    .map(Ok),
                None => Err(e),
            },
            r => r.map(Ok),
        }
    }

    fn generic_getattr_with(
        &mut self,
        obj: &Value,
        t: &Rc<TypeObj>,
        name: &Rc<StrObj>,
        found: Option<Value>,
    ) -> PyResult<Value> {
        if let Some(a) = &found {
            if is_data_descriptor(a) {
                return self.bind_attr(a.clone(), obj, t);
            }
        }
        let in_dict = match obj {
            Value::Instance(i) => i.dict.get(name),
            _ => instance_dict(obj).and_then(|d| d.borrow().get_str(name).cloned()),
        };
        if let Some(v) = in_dict {
            return Ok(v);
        }
        match found {
            Some(a) => self.bind_attr(a, obj, t),
            None => match (obj, name.as_str()) {
                (_, "__class__") => Ok(Value::Type(t.clone())),
                (Value::Instance(i), "__dict__")
                    if i.class().heap.as_ref().is_some_and(|h| h.slots.is_none()) =>
                {
                    Ok(i.dict.object())
                }
                (Value::Exception(e), "__dict__") => Ok(Value::Dict(e.dict())),
                (Value::Exception(_), _) => self.builtin_getattr(obj, name),
                (Value::Instance(i), _) if i.payload().is_some() => {
                    let p = i.payload.clone();
                    self.get_attr(&p, name).map_err(|_| no_attribute(obj, name))
                }
                _ => Err(no_attribute(obj, name)),
            },
        }
    }

    /// Attribute lookup on an instance of a Python class: `__getattribute__`
    /// overrides and the `__getattr__` fallback included.
    pub(crate) fn instance_getattr(&mut self, obj: &Value, name: &Rc<StrObj>) -> PyResult<Value> {
        let owned;
        let t = class_ref!(obj, owned);
        // Hooks are looked up on the class and bound as any attribute
        // (`slot_tp_getattr_hook`): a descriptor there gives the callable.
        let r = match special(t, D::GetAttribute) {
            Some(f) => self.call_special(&f, obj, &[Value::Str(name.clone())]),
            None => self.generic_getattr(obj, name),
        };
        match r {
            Err(e) if e.is(ExcKind::AttributeError) => match special(t, D::GetAttr) {
                Some(f) => self
                    .call_special(&f, obj, &[Value::Str(name.clone())])
                    .map_err(|e| crate::name_error::with_context(e, name, obj)),
                None => Err(crate::name_error::with_context(e, name, obj)),
            },
            r => r,
        }
    }

    /// `LOAD_METHOD` on an instance of a Python class: `(function, self)` when
    /// the attribute is a plain function of the class, so no bound method is made.
    pub(crate) fn instance_load_method(
        &mut self,
        obj: Value,
        name: &Rc<StrObj>,
    ) -> PyResult<(Value, Value)> {
        let owned;
        let t = class_ref!(&obj, owned);
        if special(t, D::GetAttribute).is_none() {
            if let Some(f @ Value::Function(_)) = lookup(t, name) {
                // An instance's own dict is read in place (no `Rc` clone).
                let shadowed = match &obj {
                    Value::Instance(i) => i.dict.contains(name),
                    _ => instance_dict(&obj).is_some_and(|d| d.borrow().get_str(name).is_some()),
                };
                if !shadowed {
                    return Ok((f, obj));
                }
            }
        }
        let v = self.instance_getattr(&obj, name)?;
        Ok((Value::Null, v))
    }

    /// `object.__setattr__` (`value` given) and `object.__delattr__` (`None`).
    pub(crate) fn generic_setattr(
        &mut self,
        obj: &Value,
        name: &Rc<StrObj>,
        value: Option<Value>,
    ) -> PyResult<()> {
        if name.as_str() == "__class__" {
            return crate::class_assign::set_class(obj, value);
        }
        if name.as_str() == "__dict__" {
            if let Value::Instance(i) = obj {
                // A `ModuleType` subclass's `__dict__` is the module's
                // read-only member, whatever base comes first in the MRO.
                let module_base = class::mro_of(&i.class())
                    .iter()
                    .any(|c| c.heap.is_none() && c.kind == crate::types::TypeKind::Module);
                if module_base {
                    return Err(PyErr::new(ExcKind::AttributeError, "readonly attribute"));
                }
                // A native class's dict (`partial`, `OrderedDict`, ...)
                // is `PyObject_GenericSetDict`'s, which refuses deletion.
                if value.is_none() && i.native.is_some() {
                    return Err(PyErr::type_error("cannot delete __dict__"));
                }
                if crate::inst_dict::has_dict_slot(&i.class()) {
                    return crate::inst_dict::set_dict(i, value);
                }
            }
            // `BaseException_set_dict`: replaceable by a dict, never deleted.
            if let Value::Exception(e) = obj {
                return match value {
                    None => Err(PyErr::type_error("cannot delete __dict__")),
                    Some(Value::Dict(d)) => {
                        let old = e.dict.borrow_mut().replace(d);
                        drop(old);
                        Ok(())
                    }
                    Some(v) => Err(PyErr::type_error(format!(
                        "__dict__ must be set to a dictionary, not a '{}'",
                        crate::types::type_name(&v)
                    ))),
                };
            }
        }
        let owned;
        let t = class_ref!(obj, owned);
        if let Some(a) = lookup(t, name) {
            // A `property` subclass that does not override `__set__` (or
            // `__delete__`) stores (or deletes) through the property it wraps.
            let op = if value.is_some() { D::Set } else { D::Delete };
            let a = match &a {
                Value::Instance(i) if special(&i.class(), op).is_none() => match i.payload() {
                    Some(p @ Value::Descr(d)) if matches!(**d, Descr::Property { .. }) => p.clone(),
                    _ => a,
                },
                _ => a,
            };
            match &a {
                Value::Descr(d) => {
                    if let Descr::Property {
                        fset,
                        fdel,
                        name: pname,
                        ..
                    } = &**d
                    {
                        let f = if value.is_some() { fset } else { fdel };
                        if matches!(f, Value::None) {
                            let what = if value.is_some() { "setter" } else { "deleter" };
                            return Err(property_missing(&pname.borrow(), obj, what));
                        }
                        let f = f.clone();
                        match value {
                            Some(v) => self.call(&f, &[obj.clone(), v])?,
                            None => self.call(&f, std::slice::from_ref(obj))?,
                        };
                        return Ok(());
                    }
                }
                Value::Instance(i) => {
                    let d = if value.is_some() { D::Set } else { D::Delete };
                    if let Some(f) = special(&i.class(), d) {
                        match value {
                            Some(v) => self.call(&f, &[a.clone(), obj.clone(), v])?,
                            None => self.call(&f, &[a.clone(), obj.clone()])?,
                        };
                        return Ok(());
                    }
                }
                _ => {}
            }
        }
        if let Value::Exception(e) = obj {
            if e.group.is_some() && matches!(name.as_str(), "message" | "exceptions") {
                return Err(PyErr::new(ExcKind::AttributeError, "readonly attribute"));
            }
            if crate::name_error::has_member(e, name.as_str()) {
                crate::name_error::set(e, name.as_str(), value);
                return Ok(());
            }
            if matches!(
                name.as_str(),
                "args" | "__cause__" | "__context__" | "__suppress_context__" | "__traceback__"
            ) {
                return match value {
                    Some(v) => self.builtin_setattr(obj, name, v),
                    None => Err(no_attribute(obj, name)),
                };
            }
        }
        let slots = t.heap.as_ref().and_then(|h| h.slots.as_ref());
        if let Some(slots) = slots {
            if !slots.iter().any(|s| s.as_str() == name.as_str()) {
                if lookup(t, name).is_some() {
                    // A class attribute, and no instance dict to shadow it
                    // in (or delete it from).
                    return Err(PyErr::new(
                        ExcKind::AttributeError,
                        format!(
                            "'{}' object attribute '{}' is read-only",
                            t.name,
                            name.as_str()
                        ),
                    ));
                }
                return Err(no_attribute(obj, name));
            }
        }
        let value = match (obj, value) {
            // `object()` and other instances of builtin classes have no `__dict__`.
            (Value::Instance(_), _) if t.heap.is_none() => return Err(no_attribute(obj, name)),
            (Value::Instance(i), Some(v)) => {
                return match i.dict.store(name, v) {
                    Ok(old) => {
                        drop(old);
                        Ok(())
                    }
                    // The dict is borrowed (a store from inside its own
                    // iteration): CPython would mutate it; report it instead.
                    Err(_) => Err(PyErr::new(
                        ExcKind::RuntimeError,
                        "dictionary changed size during iteration",
                    )),
                };
            }
            (_, value) => value,
        };
        let Some(d) = instance_dict(obj) else {
            return Err(no_attribute(obj, name));
        };
        match value {
            Some(v) => {
                let h = name.hash();
                d.borrow_mut().insert_hashed(Value::Str(name.clone()), h, v);
                Ok(())
            }
            None => {
                // The dict must not stay borrowed while the error lists its keys.
                let removed = d.borrow_mut().remove(&Value::Str(name.clone()))?;
                match removed {
                    Some(_) => Ok(()),
                    None => Err(no_attribute(obj, name)),
                }
            }
        }
    }

    /// `obj.name = value` / `del obj.name` on an instance of a Python class.
    pub(crate) fn instance_setattr(
        &mut self,
        obj: &Value,
        name: &Rc<StrObj>,
        value: Option<Value>,
    ) -> PyResult<()> {
        let owned;
        let t = class_ref!(obj, owned);
        let hook = match value {
            Some(_) => special(t, D::SetAttr),
            None => special(t, D::DelAttr),
        };
        match hook {
            Some(f) => {
                let mut args = vec![obj.clone(), Value::Str(name.clone())];
                args.extend(value);
                self.call(&f, &args)?;
                Ok(())
            }
            None => self.generic_setattr(obj, name, value),
        }
    }

    /// Attribute lookup on a class object.
    pub(crate) fn type_getattr(&mut self, t: &Rc<TypeObj>, name: &Rc<StrObj>) -> PyResult<Value> {
        // A metaclass's own `__getattribute__` answers first
        // (`typing`'s deprecated `typing.io` warns from one).
        let hook = {
            let meta = class::metatype(t);
            meta.heap
                .is_some()
                .then(|| special(&meta, D::GetAttribute))
                .flatten()
        };
        let r = match hook {
            Some(f) => self.call(&f, &[Value::Type(t.clone()), Value::Str(name.clone())]),
            None => self.type_getattribute(t, name),
        };
        // `slot_tp_getattr_hook`: a metaclass's `__getattr__` answers any
        // `AttributeError`, one a descriptor's `__get__` raised too
        // (`types.DynamicClassAttribute` read through the class).
        match r {
            Err(e) if e.is(ExcKind::AttributeError) => {
                let meta = class::metatype(t);
                match meta
                    .heap
                    .is_some()
                    .then(|| special(&meta, D::GetAttr))
                    .flatten()
                {
                    Some(f) => self.call(&f, &[Value::Type(t.clone()), Value::Str(name.clone())]),
                    None => Err(e),
                }
            }
            r => r,
        }
    }

    /// `type.__getattribute__`: a class's attribute without the metaclass's
    /// `__getattr__` fallback.
    pub(crate) fn type_getattribute(
        &mut self,
        t: &Rc<TypeObj>,
        name: &Rc<StrObj>,
    ) -> PyResult<Value> {
        // A name without dunders on a class whose metaclass is `type`:
        // `type`'s data descriptors are all dunders, so the class's own MRO
        // answers first, without the metaclass lookup.
        if t.heap.as_ref().map_or(true, |h| h.meta.is_none()) && !name.as_str().starts_with("__") {
            if let Some(a) = lookup(t, name) {
                return self.bind_class_attr(t, a);
            }
        }
        let meta = class::metatype(t);
        // `type`'s own data descriptors come before those of a base that
        // `type` precedes in a metaclass's MRO (`class Meta(type, Base)`).
        let meta_attr = if is_type_data_attr(name.as_str()) && type_precedes(&meta, name) {
            None
        } else {
            lookup(&meta, name)
        };
        if let Some(a) = &meta_attr {
            if is_data_descriptor(a) {
                return self.bind_attr(a.clone(), &Value::Type(t.clone()), &meta);
            }
        }
        // `type`'s own data descriptors come before the class's namespace
        // (its `__dict__` getset for the instances must not answer `C.__dict__`).
        if is_type_data_attr(name.as_str()) {
            if let Some(v) = type_special_attr(self, t, name.as_str()) {
                return Ok(v);
            }
        }
        if name.as_str() == "__abstractmethods__" {
            // `type_abstractmethods` reads the class's own dict, never a
            // base's: an ABC's subclass has none until `ABCMeta.__new__`
            // sets it (`inspect.isabstract` in `__init_subclass__`).
            let own = match &t.heap {
                Some(h) if !Rc::ptr_eq(t, &meta) => h.dict.borrow().get_str(name).cloned(),
                _ => None,
            };
            return match own {
                Some(v) => Ok(v),
                None => Err(PyErr::new(ExcKind::AttributeError, "__abstractmethods__")),
            };
        }
        if let Some(a) = lookup(t, name) {
            return self.bind_class_attr(t, a);
        }
        if let Some(v) = type_special_attr(self, t, name.as_str()) {
            return Ok(v);
        }
        if let Some(a) = meta_attr {
            return self.bind_attr(a, &Value::Type(t.clone()), &meta);
        }
        if let Some(d) = crate::modules::builtins::type_attr_descriptor(self, t, name) {
            return Ok(d);
        }
        if name.as_str() == "__abstractmethods__" {
            // `type_abstractmethods`: the getset finds none in the class's dict.
            return Err(PyErr::new(ExcKind::AttributeError, "__abstractmethods__"));
        }
        Err(no_type_attribute(t, name))
    }

    /// `type_getattro`'s answer for `a`, found on the MRO of class `t`:
    /// a descriptor's `__get__(None, t)`, else `a` itself.
    fn bind_class_attr(&mut self, t: &Rc<TypeObj>, a: Value) -> PyResult<Value> {
        match a {
            Value::Instance(ref i) => match special(&i.class(), D::Get) {
                Some(get) => self.call(&get, &[a.clone(), Value::None, Value::Type(t.clone())]),
                None => match i.payload() {
                    Some(p @ Value::Descr(d)) if !matches!(**d, Descr::Property { .. }) => {
                        self.bind_attr(p.clone(), &Value::None, t)
                    }
                    _ => Ok(a),
                },
            },
            other => self.bind_attr(other, &Value::None, t),
        }
    }

    /// `C.name = value` / `del C.name` on a Python class.
    pub(crate) fn type_setattr(
        &mut self,
        t: &Rc<TypeObj>,
        name: &Rc<StrObj>,
        value: Option<Value>,
    ) -> PyResult<()> {
        let Some(h) = &t.heap else {
            return Err(PyErr::type_error(format!(
                "cannot set '{}' attribute of immutable type '{}'",
                name.as_str(),
                t.name
            )));
        };
        // A class written in Rust is immutable as CPython's static types
        // and most extension types are (`Py_TPFLAGS_IMMUTABLETYPE`), for
        // deletion too.
        if h.native
            .is_some_and(|f| !f.has(crate::native::SpecFlags::MUTABLE))
        {
            return Err(PyErr::type_error(format!(
                "cannot set '{}' attribute of immutable type '{}'",
                name.as_str(),
                t.name
            )));
        }
        // `type`'s getsets without a setter and its read-only members.
        match name.as_str() {
            "__dict__" | "__text_signature__" => {
                return Err(PyErr::new(
                    ExcKind::AttributeError,
                    format!(
                        "attribute '{}' of 'type' objects is not writable",
                        name.as_str()
                    ),
                ))
            }
            "__mro__" | "__base__" | "__basicsize__" | "__flags__" | "__weakrefoffset__"
            | "__dictoffset__" | "__itemsize__" => {
                return Err(PyErr::new(ExcKind::AttributeError, "readonly attribute"))
            }
            _ => {}
        }
        if value.is_none()
            && matches!(
                name.as_str(),
                "__doc__" | "__module__" | "__name__" | "__bases__"
            )
        {
            // `check_set_special_type_attr`: `type`'s setters refuse deletion.
            return Err(PyErr::type_error(format!(
                "cannot delete '{}' attribute of immutable type '{}'",
                name.as_str(),
                class_name(t)
            )));
        }
        if name.as_str() == "__bases__" {
            if let Some(v) = value {
                return crate::class_mro::set_bases(self, t, v);
            }
        }
        if name.as_str() == "__qualname__" {
            // A data descriptor of `type` too (`type_set_qualname`).
            return match value {
                Some(Value::Str(s)) => {
                    *h.qualname.borrow_mut() = s;
                    Ok(())
                }
                Some(other) => Err(PyErr::type_error(format!(
                    "can only assign string to {}.__qualname__, not '{}'",
                    class_name(t),
                    crate::types::type_name(&other)
                ))),
                None => Err(PyErr::type_error(format!(
                    "cannot delete '__qualname__' attribute of immutable type '{}'",
                    class_name(t)
                ))),
            };
        }
        if name.as_str() == "__name__" {
            // `type`'s `__name__` is a data descriptor: it never reaches
            // the namespace (`type_set_name`).
            let short = class_name(t);
            // A str subclass is stored as its text.
            let value = value.map(|v| match crate::instance::payload_of(&v) {
                Some(p @ Value::Str(_)) => p.clone(),
                _ => v,
            });
            return match value {
                Some(Value::Str(s)) if crate::str_surrogates::as_utf8(&s)?.contains('\0') => Err(
                    PyErr::value_error("type name must not contain null characters"),
                ),
                Some(Value::Str(s)) => {
                    *h.assigned_name.borrow_mut() = Some(s);
                    Ok(())
                }
                Some(other) => Err(PyErr::type_error(format!(
                    "can only assign string to {short}.__name__, not '{}'",
                    crate::types::type_name(&other)
                ))),
                None => Err(PyErr::type_error(format!(
                    "cannot delete '__name__' attribute of immutable type '{short}'"
                ))),
            };
        }
        if name.as_str() == "__abstractmethods__" {
            // As CPython's type setter: only an assignment marks the class abstract.
            let abstract_ = match &value {
                Some(v) => self.truthy(v)?,
                None => false,
            };
            h.is_abstract.set(abstract_);
        }
        class::bump_epoch();
        class::forget_cached(t, name);
        let mut d = h.dict.borrow_mut();
        match value {
            Some(v) => {
                d.insert_hashed(Value::Str(name.clone()), name.hash(), v);
                Ok(())
            }
            None => match d.remove(&Value::Str(name.clone()))? {
                Some(_) => Ok(()),
                None => Err(PyErr::new(
                    ExcKind::AttributeError,
                    format!(
                        "type object '{}' has no attribute '{}'",
                        t.name,
                        name.as_str()
                    ),
                )),
            },
        }
    }

    /// Attribute lookup through a `super` object.
    pub(crate) fn super_getattr(&mut self, sup: &Rc<Descr>, name: &Rc<StrObj>) -> PyResult<Value> {
        if name.as_str() == "__class__" {
            return Ok(Value::Type(crate::types::builtin_type(
                crate::types::TypeKind::Super,
            )));
        }
        match self.super_lookup(sup, name, false) {
            Err(e) if e.is(ExcKind::AttributeError) => match super_member(sup, name.as_str()) {
                Some(v) => Ok(v),
                None => self.super_own_attr(sup, name).ok_or(e)?,
            },
            r => r.map(|(_, v)| v),
        }
    }

    /// `LOAD_METHOD` through a `super` object: `(function, self)` for a plain
    /// method, so no bound method is made; else `(NULL, attribute)`.
    pub(crate) fn super_load_method(
        &mut self,
        sup: &Rc<Descr>,
        name: &Rc<StrObj>,
    ) -> PyResult<(Value, Value)> {
        if name.as_str() == "__class__" {
            return Ok((Value::Null, self.super_getattr(sup, name)?));
        }
        match self.super_lookup(sup, name, true) {
            Err(e) if e.is(ExcKind::AttributeError) => match super_member(sup, name.as_str()) {
                Some(v) => Ok((Value::Null, v)),
                None => self
                    .super_own_attr(sup, name)
                    .ok_or(e)?
                    .map(|v| (Value::Null, v)),
            },
            r => r,
        }
    }

    /// `PyObject_GenericGetAttr` on the `super` object itself, where
    /// `super_getattro` ends when the MRO after `__thisclass__` has no
    /// such name (a metaclass's `mro()` may put the class last): the
    /// attributes of `super` and `object` (`__init_subclass__`, ...).
    fn super_own_attr(&mut self, sup: &Rc<Descr>, name: &Rc<StrObj>) -> Option<PyResult<Value>> {
        let super_type = crate::types::builtin_type(crate::types::TypeKind::Super);
        let a = class::lookup(&super_type, name)?;
        Some(self.bind_attr(a, &Value::Descr(sup.clone()), &super_type))
    }

    fn super_lookup(
        &mut self,
        sup: &Descr,
        name: &Rc<StrObj>,
        method: bool,
    ) -> PyResult<(Value, Value)> {
        let Descr::Super { typ, obj, obj_type } = sup else {
            return Err(PyErr::type_error("not a super object"));
        };
        if let Some(start) = obj_type {
            let mut passed = false;
            let found = class::mro_find(start, |c| {
                if !passed {
                    passed = Rc::ptr_eq(c, typ);
                    return None;
                }
                class::lookup_own(c, name).map(|a| (c.clone(), a))
            });
            if let Some((definer, a)) = found {
                // A class-level `super(C, C)` binds like an access through the class.
                let inst = if matches!(obj, Value::Type(t) if Rc::ptr_eq(t, start)) {
                    Value::None
                } else {
                    obj.clone()
                };
                if method && matches!(a, Value::Function(_)) && !matches!(inst, Value::None) {
                    return Ok((a, inst));
                }
                return match (&a, &inst) {
                    (Value::Builtin(def), _) if crate::native::is_new(def.name) => {
                        Ok(crate::new_wrapper::bound_new(&definer, def))
                    }
                    (Value::Builtin(def), Value::None)
                        if def.is_method && matches!(obj, Value::Type(_)) =>
                    {
                        Ok(Value::BoundBuiltin(Rc::new((obj.clone(), def))))
                    }
                    _ => self.bind_attr(a, &inst, start),
                }
                .map(|v| (Value::Null, v));
            }
        }
        Err(PyErr::new(
            ExcKind::AttributeError,
            format!("'super' object has no attribute '{}'", name.as_str()),
        ))
    }
}

/// The attributes of the `super` object itself, which `super_getattro`
/// reaches only when the MRO after `__thisclass__` has no such name.
fn super_member(sup: &Rc<Descr>, name: &str) -> Option<Value> {
    let Descr::Super { typ, obj, obj_type } = &**sup else {
        return None;
    };
    Some(match name {
        "__thisclass__" => Value::Type(typ.clone()),
        "__self__" => obj.clone(),
        "__self_class__" => obj_type.clone().map_or(Value::None, Value::Type),
        "__get__" => return crate::descr_protocol::method(&Value::Descr(sup.clone()), name),
        _ => return None,
    })
}

/// The receiver a builtin method needs: the builtin value inside a subclass instance.
pub(crate) fn receiver_for(obj: &Value, def: &BuiltinDef) -> Value {
    match obj {
        Value::Instance(i) if !takes_instance(def) => {
            i.payload().cloned().unwrap_or_else(|| obj.clone())
        }
        _ => obj.clone(),
    }
}

/// Whether a builtin method works on a subclass instance itself rather than
/// on its builtin payload: the methods of `object`, `BaseException` and
/// `type`, of classes written in Rust (owner `module.name`), and
/// `__reduce__` and `__reduce_ex__`, which need the instance's class and
/// state, and the slot
/// wrappers of builtin bases, which unwrap the payload themselves (bound to
/// the instance, `inst.__getitem__(k)` still reaches `__missing__`).
pub(crate) fn takes_instance(def: &BuiltinDef) -> bool {
    matches!(def.owner, "object" | "BaseException" | "type")
        || def.owner.contains('.')
        || matches!(def.name, "__reduce__" | "__reduce_ex__")
        || crate::slots::unwraps_payload(def)
}

/// Whether `type` comes before any class defining `name` on the MRO of the
/// metaclass `meta`.
fn type_precedes(meta: &Rc<TypeObj>, name: &Rc<StrObj>) -> bool {
    for c in class::mro_of(meta) {
        if c.heap.is_none() && c.kind == crate::types::TypeKind::Type {
            return true;
        }
        if c.heap.is_some() && class::lookup_own(&c, name).is_some() {
            return false;
        }
    }
    false
}

/// The attributes of a class that `type` defines as data descriptors, which
/// an entry of the same name in the class's namespace does not shadow.
fn is_type_data_attr(name: &str) -> bool {
    name.starts_with("__")
        && matches!(
            name,
            "__dict__"
                | "__name__"
                | "__qualname__"
                | "__mro__"
                | "__annotations__"
                | "__class__"
                | "__text_signature__"
        )
}

/// A class's `__name__` now (CPython's `tp_name` of a heap type, which
/// assigning `__name__` changes).
pub(crate) fn class_name(t: &Rc<TypeObj>) -> String {
    match t
        .heap
        .as_ref()
        .and_then(|h| h.assigned_name.borrow().clone())
    {
        Some(s) => s.as_str().to_string(),
        None => crate::native::short_name(t).to_string(),
    }
}

/// `C.__dict__`: the read-only view of a class's namespace.
pub(crate) fn type_dict_proxy(vm: &mut Vm, t: &Rc<TypeObj>) -> Value {
    type_special_attr(vm, t, "__dict__").unwrap_or(Value::None)
}

/// `__name__`, `__mro__`, `__dict__`... of a class.
pub(crate) fn type_special_attr(vm: &mut Vm, t: &Rc<TypeObj>, name: &str) -> Option<Value> {
    let h = t.heap.as_ref();
    Some(match name {
        // One str object per class, as CPython's `ht_name`: `C.__name__ is
        // C.__name__` (`inspect.classify_class_attrs` relies on it).
        "__name__" => match h {
            Some(h) => {
                let mut slot = h.assigned_name.borrow_mut();
                // Interned, as the name a `class` statement passes is a
                // code constant: `C.__name__ is "C"`.
                let s = slot
                    .get_or_insert_with(|| crate::code::intern_text(crate::native::short_name(t)));
                Value::Str(s.clone())
            }
            None => Value::string(class_name(t)),
        },
        "__qualname__" => match h {
            Some(h) => Value::Str(h.qualname.borrow().clone()),
            None => Value::str(&t.name),
        },
        "__module__" => Value::str("builtins"),
        "__mro__" if h.is_some_and(|h| !h.mro_ready.get()) => Value::None,
        "__mro__" => Value::tuple(class::mro_of(t).into_iter().map(Value::Type).collect()),
        "__bases__" => match h {
            Some(h) => Value::tuple(h.bases().iter().cloned().map(Value::Type).collect()),
            None => Value::tuple(
                t.base
                    .iter()
                    .cloned()
                    .chain(crate::exc_group::extra_base(t))
                    .map(Value::Type)
                    .collect(),
            ),
        },
        "__base__" => t.base.clone().map_or(Value::None, Value::Type),
        // Read-only: lookup caches rely on every write going through `type_setattr`.
        "__dict__" => match h {
            Some(h) => crate::mappingproxy::new(h.dict.clone()),
            None => crate::mappingproxy::new(crate::native::shared_builtin_type_dict(vm, t)),
        },
        "__class__" => Value::Type(class::metatype(t)),
        "__doc__" => match h {
            Some(_) => Value::None,
            None => crate::doc_table::doc(&t.name).map_or(Value::None, Value::str),
        },
        // Parsed by `inspect.signature` (`object` gives `()`); a Python class
        // has none.
        "__text_signature__" => match h {
            // A native class keeps CPython's signature in its own dict.
            Some(h) if h.native.is_some() => h
                .dict
                .borrow()
                .get_str(&Rc::new(crate::value::StrObj::new("__text_signature__")))
                .cloned()
                .unwrap_or(Value::None),
            Some(_) => Value::None,
            None => crate::doc_table::text_signature(&t.name).map_or(Value::None, Value::str),
        },
        "__class_getitem__" => return crate::generic_alias::class_getitem_attr(t),
        "__flags__" | "__basicsize__" | "__itemsize__" | "__dictoffset__" | "__weakrefoffset__" => {
            Value::Int(crate::type_layout::attr(t, name)?)
        }
        // `type_get_annotations`: the class's own, never an inherited one;
        // a class without any gets an empty dict, kept in its namespace.
        "__annotations__" => {
            let mut d = h?.dict.borrow_mut();
            let key = Value::str("__annotations__");
            match d.get(&key).ok().flatten() {
                Some(v) => v.clone(),
                None => {
                    let fresh = Value::dict(crate::dict::Dict::new());
                    let _ = d.insert(key, fresh.clone());
                    fresh
                }
            }
        }
        _ => return None,
    })
}

/// Setting or deleting a data attribute of a number (`(1).real = 2`): CPython's
/// getset descriptors refuse it ("not writable"), complex's members say
/// "readonly attribute".
pub(crate) fn read_only_builtin_attr(obj: &Value, name: &StrObj) -> Option<PyErr> {
    let number = match obj {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
            matches!(name.as_str(), "real" | "imag" | "numerator" | "denominator")
        }
        Value::Float(_) => matches!(name.as_str(), "real" | "imag"),
        Value::Complex(_) if matches!(name.as_str(), "real" | "imag") => {
            return Some(PyErr::new(ExcKind::AttributeError, "readonly attribute"))
        }
        // `property`'s members and `__func__` of the method wrappers are
        // `READONLY` members; `__isabstractmethod__` a getset.
        Value::Descr(d) => {
            let member = match &**d {
                crate::descr::Descr::Property { .. } => {
                    if name.as_str() == "__isabstractmethod__" {
                        return Some(PyErr::new(
                            ExcKind::AttributeError,
                            "attribute '__isabstractmethod__' of 'property' objects is not writable",
                        ));
                    }
                    matches!(name.as_str(), "fget" | "fset" | "fdel")
                }
                crate::descr::Descr::StaticMethod(..) | crate::descr::Descr::ClassMethod(..) => {
                    name.as_str() == "__func__"
                }
                _ => false,
            };
            return member.then(|| PyErr::new(ExcKind::AttributeError, "readonly attribute"));
        }
        _ => false,
    };
    number.then(|| {
        PyErr::new(
            ExcKind::AttributeError,
            format!(
                "attribute '{}' of '{}' objects is not writable",
                name.as_str(),
                crate::types::type_name(obj)
            ),
        )
    })
}
