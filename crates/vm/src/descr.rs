//! The builtin descriptor types `property`, `classmethod`, `staticmethod`, and
//! `super` objects.

use std::rc::Rc;

use crate::dict::Dict;
use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::types::{type_name, type_of, ExcKind, TypeKind, TypeObj};
use crate::value::{StrObj, Value};
use crate::vm::Vm;

/// A `property`, `classmethod`, `staticmethod` or `super` object.
#[derive(Debug)]
pub enum Descr {
    /// `property(fget, fset, fdel, doc)`.
    Property {
        /// The getter (`None` if absent).
        fget: Value,
        /// The setter.
        fset: Value,
        /// The deleter.
        fdel: Value,
        /// `__doc__` (writable, as CPython's).
        doc: std::cell::RefCell<Value>,
        /// The attribute name given by `__set_name__`, for error messages.
        name: std::cell::RefCell<Value>,
    },
    /// `classmethod(f)`, with its `__dict__`.
    ClassMethod(Value, WrapperDict),
    /// `staticmethod(f)`, with its `__dict__`.
    StaticMethod(Value, WrapperDict),
    /// `super(typ, obj)`: lookups start after `typ` in the MRO of `obj_type`.
    Super {
        /// The class whose successors are searched.
        typ: Rc<TypeObj>,
        /// The bound object (`None` for an unbound super).
        obj: Value,
        /// The type whose MRO is searched (`type(obj)` or `obj` itself for a class).
        obj_type: Option<Rc<TypeObj>>,
    },
    /// `C.__dict__`, `types.MappingProxyType(m)`: a read-only view of a
    /// mapping (a class namespace's dict, or any object with `__getitem__`;
    /// `crate::mappingproxy`).
    MappingProxy(Value),
}

/// The `__dict__` of a `classmethod` or `staticmethod`: made on first use
/// (the wrappers of native class methods never need one), replaceable as
/// `PyObject_GenericSetDict` allows.
#[derive(Debug, Default)]
pub struct WrapperDict(std::cell::RefCell<Option<Rc<std::cell::RefCell<Dict>>>>);

impl WrapperDict {
    /// The dict, created empty if there is none yet.
    pub fn get(&self) -> Rc<std::cell::RefCell<Dict>> {
        self.0
            .borrow_mut()
            .get_or_insert_with(|| Rc::new(std::cell::RefCell::new(Dict::new())))
            .clone()
    }

    /// The dict if one was made.
    pub(crate) fn existing(&self) -> Option<Rc<std::cell::RefCell<Dict>>> {
        self.0.borrow().clone()
    }

    /// `obj.__dict__ = d`.
    fn replace(&self, d: Rc<std::cell::RefCell<Dict>>) {
        let old = self.0.borrow_mut().replace(d);
        // Freed after the borrow ends: a finalizer may read this wrapper.
        drop(old);
    }
}

impl Descr {
    /// `classmethod(f)` without the attributes `__init__` copies from `f`.
    pub fn class_method(f: Value) -> Descr {
        Descr::ClassMethod(f, WrapperDict::default())
    }

    /// `staticmethod(f)` without the attributes `__init__` copies from `f`.
    pub fn static_method(f: Value) -> Descr {
        Descr::StaticMethod(f, WrapperDict::default())
    }

    /// Whether this is a `classmethod` or `staticmethod` (which have a `__dict__`).
    pub fn is_method_wrapper(&self) -> bool {
        matches!(self, Descr::ClassMethod(..) | Descr::StaticMethod(..))
    }

    /// The `__dict__` of a `classmethod` or `staticmethod`.
    pub fn wrapper_dict(&self) -> Option<Rc<std::cell::RefCell<Dict>>> {
        match self {
            Descr::ClassMethod(_, d) | Descr::StaticMethod(_, d) => Some(d.get()),
            _ => None,
        }
    }

    /// Its builtin type.
    pub fn kind(&self) -> TypeKind {
        match self {
            Descr::Property { .. } => TypeKind::Property,
            Descr::ClassMethod(..) => TypeKind::ClassMethod,
            Descr::StaticMethod(..) => TypeKind::StaticMethod,
            Descr::Super { .. } => TypeKind::Super,
            Descr::MappingProxy(_) => TypeKind::MappingProxy,
        }
    }
}

fn one_arg<'a>(a: &Args<'a>, name: &str) -> PyResult<&'a Value> {
    a.no_kw(name)?;
    match a.pos {
        [v] => Ok(v),
        _ => Err(PyErr::type_error(format!(
            "{} expected 1 argument, got {}",
            name,
            a.pos.len()
        ))),
    }
}

/// Calls `property`, `classmethod`, `staticmethod` or `super`.
pub fn construct(vm: &mut Vm, kind: TypeKind, a: Args<'_>) -> PyResult<Value> {
    let d = match kind {
        TypeKind::ClassMethod | TypeKind::StaticMethod => {
            let name = type_kind_name(kind);
            let f = one_arg(&a, name)?.clone();
            let dict = WrapperDict::default();
            wraps(vm, &dict.get(), &f)?;
            if kind == TypeKind::ClassMethod {
                Descr::ClassMethod(f, dict)
            } else {
                Descr::StaticMethod(f, dict)
            }
        }
        TypeKind::Property => {
            // Argument clinic's checks of `property.__init__`.
            const NAMES: [&str; 4] = ["fget", "fset", "fdel", "doc"];
            let given = a.pos.len() + a.kwnames.len();
            if given > NAMES.len() {
                return Err(PyErr::type_error(format!(
                    "property() takes at most 4 arguments ({given} given)"
                )));
            }
            a.check_clinic_kw("property", &NAMES)?;
            for (i, name) in NAMES.iter().enumerate().take(a.pos.len()) {
                if a.kw(name).is_some() {
                    return Err(PyErr::type_error(format!(
                        "argument for property() given by name ('{name}') and position ({})",
                        i + 1
                    )));
                }
            }
            let get = |i: usize, k: &str| -> Value {
                a.pos
                    .get(i)
                    .or_else(|| a.kw(k))
                    .cloned()
                    .unwrap_or(Value::None)
            };
            Descr::Property {
                fget: get(0, "fget"),
                fset: get(1, "fset"),
                fdel: get(2, "fdel"),
                doc: std::cell::RefCell::new(get(3, "doc")),
                name: std::cell::RefCell::new(Value::None),
            }
        }
        TypeKind::Super => return make_super(vm, a),
        _ => return Err(PyErr::type_error("not a descriptor type")),
    };
    Ok(Value::Descr(Rc::new(d)))
}

fn type_kind_name(kind: TypeKind) -> &'static str {
    if kind == TypeKind::ClassMethod {
        "classmethod"
    } else {
        "staticmethod"
    }
}

/// `functools_wraps` of `cm_init`/`sm_init`: copies `__module__`,
/// `__name__`, `__qualname__`, `__doc__` and `__annotations__` of the
/// wrapped callable into the wrapper's dict, skipping those it lacks.
fn wraps(vm: &mut Vm, dict: &Rc<std::cell::RefCell<Dict>>, f: &Value) -> PyResult<()> {
    for n in [
        "__module__",
        "__name__",
        "__qualname__",
        "__doc__",
        "__annotations__",
    ] {
        let key = vm.intern(n);
        match vm.get_attr(f, &key) {
            Ok(v) => {
                let h = key.hash();
                let old = dict.borrow_mut().replace_hashed(Value::Str(key), h, v);
                drop(old);
            }
            Err(e) if e.is(ExcKind::AttributeError) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

fn make_super(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    a.no_kw("super")?;
    let (typ, obj) = match a.pos {
        [] => zero_arg_super(vm)?,
        [t] => (t.clone(), Value::None),
        [t, o] => (t.clone(), o.clone()),
        _ => {
            return Err(PyErr::type_error(format!(
                "super() expected at most 2 arguments, got {}",
                a.pos.len()
            )))
        }
    };
    let Value::Type(typ) = typ else {
        return Err(PyErr::type_error(format!(
            "super() argument 1 must be a type, not {}",
            type_name(&typ)
        )));
    };
    let obj_type = match &obj {
        Value::None => None,
        other => Some(supercheck(vm, &typ, other)?),
    };
    Ok(Value::Descr(Rc::new(Descr::Super { typ, obj, obj_type })))
}

/// `supercheck`: the class whose MRO `super(typ, obj)` searches: `obj`
/// itself for a subclass of `typ`, else its type, else (a proxy) its
/// `__class__` attribute when that is a subclass of `typ`.
pub(crate) fn supercheck(vm: &mut Vm, typ: &Rc<TypeObj>, obj: &Value) -> PyResult<Rc<TypeObj>> {
    if let Value::Type(t) = obj {
        if t.is_subtype(typ) {
            return Ok(t.clone());
        }
    }
    let t = type_of(obj);
    if t.is_subtype(typ) {
        return Ok(t);
    }
    let name = vm.intern("__class__");
    match vm.get_attr(obj, &name) {
        Ok(Value::Type(c)) if !Rc::ptr_eq(&c, &t) && c.is_subtype(typ) => return Ok(c),
        Ok(_) => {}
        Err(e) if e.is(ExcKind::AttributeError) => {}
        Err(e) => return Err(e),
    }
    Err(PyErr::type_error(
        "super(type, obj): obj must be an instance or subtype of type",
    ))
}

/// `super()` inside a method: the `__class__` cell and the first argument.
fn zero_arg_super(vm: &mut Vm) -> PyResult<(Value, Value)> {
    let Some(frame) = vm.frames.last() else {
        return Err(PyErr::new(
            ExcKind::RuntimeError,
            "super(): no current frame",
        ));
    };
    let code = frame.code.clone();
    let base = frame.base;
    if code.argcount == 0 {
        return Err(PyErr::new(ExcKind::RuntimeError, "super(): no arguments"));
    }
    let deref = |v: &Value| -> Value {
        match v {
            Value::Cell(c) => c.borrow().clone(),
            other => other.clone(),
        }
    };
    // An argument that is also a cell variable holds its cell in the same
    // slot; any other first argument is taken as it is, a cell object too.
    let first_is_cell = code
        .kinds
        .first()
        .is_some_and(|k| k & pith_bytecode::code::local_kind::CELL != 0);
    let first = match vm.stack.get(base) {
        Some(v) if first_is_cell => deref(v),
        Some(v) => v.clone(),
        None => Value::Null,
    };
    if first.is_null() {
        return Err(PyErr::new(ExcKind::RuntimeError, "super(): arg[0] deleted"));
    }
    let idx = code
        .localsplus
        .iter()
        .enumerate()
        .skip(code.free_start)
        .find(|(_, n)| n.as_str() == "__class__")
        .map(|(i, _)| i);
    let Some(idx) = idx else {
        return Err(PyErr::new(
            ExcKind::RuntimeError,
            "super(): __class__ cell not found",
        ));
    };
    let cls = vm.stack.get(base + idx).map(&deref).unwrap_or(Value::Null);
    if cls.is_null() {
        return Err(PyErr::new(
            ExcKind::RuntimeError,
            "super(): empty __class__ cell",
        ));
    }
    Ok((cls, first))
}

/// Attributes of `property`, `classmethod`, `staticmethod` and `super` objects.
pub fn getattr(vm: &mut Vm, v: &Value, d: &Descr, name: &Rc<StrObj>) -> PyResult<Value> {
    let n = name.as_str();
    if n == "__class__" {
        return Ok(Value::Type(type_of(v)));
    }
    if let (Value::Descr(sup), Descr::Super { .. }) = (v, d) {
        return vm.super_getattr(sup, name);
    }
    if let Some(m) = crate::descr_protocol::method(v, n) {
        return Ok(m);
    }
    // `object`'s pickling methods act on the descriptor itself (a
    // staticmethod's must not reach the function it wraps).
    if matches!(n, "__reduce__" | "__reduce_ex__" | "__getstate__") {
        if let Some(m) = crate::base_methods::object_method(v, n) {
            return Ok(m);
        }
    }
    match d {
        Descr::Super { .. } => Err(crate::protocol::attribute_error(v, n)),
        Descr::MappingProxy(m) => crate::mappingproxy::getattr(vm, v, m, name),
        Descr::Property {
            fget,
            fset,
            fdel,
            doc,
            ..
        } => {
            let maker = |which: usize| -> Value {
                Value::BoundBuiltin(Rc::new((v.clone(), &PROPERTY_METHODS[which])))
            };
            Ok(match n {
                "fget" => fget.clone(),
                "fset" => fset.clone(),
                "fdel" => fdel.clone(),
                "__doc__" => match &*doc.borrow() {
                    Value::None => match fget {
                        Value::None => Value::None,
                        f => vm.get_attr(f, name).unwrap_or(Value::None),
                    },
                    d => d.clone(),
                },
                "__isabstractmethod__" => {
                    let n = vm.intern("__isabstractmethod__");
                    for f in [fget, fset, fdel] {
                        if matches!(f, Value::None) {
                            continue;
                        }
                        match vm.get_attr(f, &n) {
                            Ok(v) => {
                                if vm.truthy(&v)? {
                                    return Ok(Value::Bool(true));
                                }
                            }
                            Err(e) if e.is(ExcKind::AttributeError) => {}
                            Err(e) => return Err(e),
                        }
                    }
                    Value::Bool(false)
                }
                _ => match PROPERTY_METHODS.iter().position(|d| d.name == n) {
                    Some(i) => maker(i),
                    None => return Err(crate::protocol::attribute_error(v, n)),
                },
            })
        }
        Descr::ClassMethod(f, dict) | Descr::StaticMethod(f, dict) => match n {
            "__func__" | "__wrapped__" => Ok(f.clone()),
            "__dict__" => Ok(Value::Dict(dict.get())),
            // `cm_get___isabstractmethod__`: that of the wrapped callable.
            "__isabstractmethod__" => {
                let n = vm.intern("__isabstractmethod__");
                match vm.get_attr(f, &n) {
                    Ok(v) => Ok(Value::Bool(vm.truthy(&v)?)),
                    Err(e) if e.is(ExcKind::AttributeError) => Ok(Value::Bool(false)),
                    Err(e) => Err(e),
                }
            }
            _ => {
                if let Some(d) = dict.existing() {
                    let found = d.borrow().get_str(name).cloned();
                    if let Some(v) = found {
                        return Ok(v);
                    }
                }
                if n == "__doc__" {
                    let t = type_of(v);
                    return Ok(crate::doc_table::doc(&t.name).map_or(Value::None, Value::str));
                }
                Err(crate::protocol::attribute_error(v, n))
            }
        },
    }
}

/// `obj.name = value` (`None`: `del obj.name`) on a `classmethod` or
/// `staticmethod`: into its `__dict__`, past its read-only members.
pub(crate) fn wrapper_setattr(
    v: &Value,
    d: &Descr,
    name: &Rc<StrObj>,
    value: Option<Value>,
) -> Option<PyResult<()>> {
    let (Descr::ClassMethod(_, dict) | Descr::StaticMethod(_, dict)) = d else {
        return None;
    };
    Some(match (name.as_str(), value) {
        ("__func__" | "__wrapped__", _) => {
            Err(PyErr::new(ExcKind::AttributeError, "readonly attribute"))
        }
        ("__isabstractmethod__", _) => Err(PyErr::new(
            ExcKind::AttributeError,
            format!(
                "attribute '__isabstractmethod__' of '{}' objects is not writable",
                type_kind_name(d.kind())
            ),
        )),
        ("__dict__", None) => Err(PyErr::type_error("cannot delete __dict__")),
        ("__dict__", Some(Value::Dict(new))) => {
            dict.replace(new);
            Ok(())
        }
        ("__dict__", Some(other)) => Err(PyErr::type_error(format!(
            "__dict__ must be set to a dictionary, not a '{}'",
            type_name(&other)
        ))),
        (_, Some(value)) => {
            let d = dict.get();
            let old = d
                .borrow_mut()
                .replace_hashed(Value::Str(name.clone()), name.hash(), value);
            drop(old);
            Ok(())
        }
        (n, None) => {
            let d = dict.get();
            let removed = d.borrow_mut().remove(&Value::Str(name.clone()));
            match removed {
                Ok(Some(old)) => {
                    drop(old);
                    Ok(())
                }
                Ok(None) => Err(crate::protocol::attribute_error(v, n)),
                Err(e) => Err(e),
            }
        }
    })
}

/// The methods of `property`: the copiers `getter`, `setter`, `deleter`
/// (in that order: `p.getter` binds entry 0) and `__set_name__`.
pub(crate) static PROPERTY_METHODS: [crate::func::BuiltinDef; 4] = [
    crate::func::BuiltinDef {
        name: "getter",
        func: property_getter,
        owner: "property",
        is_method: true,
    },
    crate::func::BuiltinDef {
        name: "setter",
        func: property_setter,
        owner: "property",
        is_method: true,
    },
    crate::func::BuiltinDef {
        name: "deleter",
        func: property_deleter,
        owner: "property",
        is_method: true,
    },
    crate::func::BuiltinDef {
        name: "__set_name__",
        func: property_set_name,
        owner: "property",
        is_method: true,
    },
];

/// `property.__set_name__(owner, name)`: the name its error messages use.
fn property_set_name(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    a.no_kw("__set_name__")?;
    let [p, _owner, name] = a.pos else {
        return Err(PyErr::type_error(format!(
            "__set_name__() takes 2 positional arguments but {} were given",
            a.pos.len().saturating_sub(1)
        )));
    };
    let p = crate::instance::payload_of(p).unwrap_or(p);
    if let Value::Descr(d) = p {
        if let Descr::Property { name: n, .. } = &**d {
            *n.borrow_mut() = name.clone();
            return Ok(Value::None);
        }
    }
    Err(PyErr::type_error(format!(
        "descriptor '__set_name__' requires a 'property' object but received a '{}'",
        type_name(p)
    )))
}

fn property_copy(a: Args<'_>, which: usize) -> PyResult<Value> {
    let (Some(Value::Descr(d)), Some(f)) = (a.pos.first(), a.pos.get(1)) else {
        return Err(PyErr::type_error("property copier expects a function"));
    };
    let Descr::Property {
        fget,
        fset,
        fdel,
        doc,
        name,
    } = &**d
    else {
        return Err(PyErr::type_error("not a property"));
    };
    let mut parts = [fget.clone(), fset.clone(), fdel.clone()];
    // `None` keeps the function the property had (CPython's `property_copy`).
    if !matches!(f, Value::None) {
        parts[which] = f.clone();
    }
    let [fget, fset, fdel] = parts;
    Ok(Value::Descr(Rc::new(Descr::Property {
        fget,
        fset,
        fdel,
        doc: std::cell::RefCell::new(doc.borrow().clone()),
        name: std::cell::RefCell::new(name.borrow().clone()),
    })))
}

fn property_getter(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    property_copy(a, 0)
}
fn property_setter(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    property_copy(a, 1)
}
fn property_deleter(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    property_copy(a, 2)
}

/// `repr()` of these objects.
pub fn repr(v: &Value, d: &Descr) -> String {
    match d {
        Descr::Property { .. } => format!("<property object at {:#x}>", v.identity()),
        Descr::ClassMethod(f, _) => format!("<classmethod({})>", crate::repr::repr(f)),
        Descr::StaticMethod(f, _) => format!("<staticmethod({})>", crate::repr::repr(f)),
        Descr::Super { typ, obj, obj_type } => match obj_type {
            None => format!("<super: <class '{}'>, NULL>", typ.name),
            Some(t) => {
                let _ = obj;
                format!("<super: <class '{}'>, <{} object>>", typ.name, t.name)
            }
        },
        Descr::MappingProxy(m) => format!("mappingproxy({})", crate::repr::repr(m)),
    }
}

/// `p.__doc__ = value` on a property (`dis` sets its named-tuple fields' docs).
pub(crate) fn set_doc(d: &Descr, value: Value) -> PyResult<()> {
    match d {
        Descr::Property { doc, .. } => {
            *doc.borrow_mut() = value;
            Ok(())
        }
        _ => Err(PyErr::new(
            ExcKind::AttributeError,
            "attribute '__doc__' is read-only",
        )),
    }
}
