//! `object.__reduce_ex__` and `object.__reduce__` (`Objects/typeobject.c`'s
//! `object___reduce_ex___impl`, `reduce_newobj`), which `copy`, `pickle` and
//! `enum` reach: protocol 2 and above build the `copyreg.__newobj__` tuple,
//! older protocols go through `copyreg._reduce_ex`.

use std::cell::RefCell;
use std::rc::Rc;

use crate::dict::Dict;
use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::types::{type_of, ExcKind, TypeKind};
use crate::value::Value;
use crate::vm::Vm;

fn copyreg(vm: &mut Vm) -> PyResult<Value> {
    let globals = Rc::new(RefCell::new(Dict::new()));
    vm.import_name("copyreg", &Value::None, 0, &globals)
}

/// A special method looked up on the class and bound to `obj`
/// (`_PyObject_LookupSpecial`): an instance's `__getattr__` is not asked.
fn special_method(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Option<Value>> {
    let n = vm.intern(name);
    let cls = type_of(obj);
    match crate::class::lookup(&cls, &n) {
        Some(attr) => vm.bind_attr(attr, obj, &cls).map(Some),
        None => Ok(None),
    }
}

/// An attribute that may be missing: `Ok(None)` on `AttributeError`.
fn optional_attr(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Option<Value>> {
    let n = vm.intern(name);
    match vm.get_attr(obj, &n) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.is(ExcKind::AttributeError) => Ok(None),
        Err(e) => Err(e),
    }
}

/// CPython's `_PyObject_GetState`: what `obj.__getstate__()` returns, the
/// state a native `__reduce__` passes on (a subclass instance's `__dict__`).
pub(crate) fn object_state(vm: &mut Vm, obj: &Value) -> PyResult<Value> {
    let name = vm.intern("__getstate__");
    let f = vm.get_attr(obj, &name)?;
    vm.call(&f, &[])
}

fn receiver<'a>(a: &Args<'a>, name: &str) -> PyResult<&'a Value> {
    a.pos.first().ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor '{name}' of 'object' object needs an argument"
        ))
    })
}

/// `object.__reduce__()`: `copyreg._reduce_ex(self, 0)`.
pub(crate) fn object_reduce(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let obj = receiver(&a, "__reduce__")?.clone();
    if a.pos.len() > 1 {
        return Err(PyErr::type_error(format!(
            "object.__reduce__() takes no arguments ({} given)",
            a.pos.len() - 1
        )));
    }
    if let Some(r) = function_reduce(vm, &obj) {
        return r;
    }
    common_reduce(vm, &obj, 0)
}

/// The `__reduce__` of builtin functions and methods (`meth_reduce`,
/// `descr_reduce` in CPython): a module function pickles as its qualified
/// name (found again through `__module__`), a bound method as
/// `getattr(self, name)`, a method descriptor as `getattr(type, name)`.
fn function_reduce(vm: &mut Vm, obj: &Value) -> Option<PyResult<Value>> {
    let (target, name) = match obj {
        // `dict.__dict__['fromkeys']`: a class method descriptor is no global.
        Value::Builtin(b) if crate::methods::is_classmethod(b) => {
            return Some(Err(PyErr::type_error(
                "cannot pickle 'classmethod_descriptor' object",
            )));
        }
        // `bytearray.maketrans`: CPython's static method keeps its class as
        // `m_self`, so it pickles as `getattr(bytearray, 'maketrans')`.
        Value::Builtin(b) if static_owner(b).is_some() => {
            let owner = static_owner(b)?;
            (Value::Type(owner), b.name)
        }
        Value::Builtin(b) if !b.is_method => {
            let q = vm.intern("__qualname__");
            return Some(vm.get_attr(obj, &q));
        }
        // `method_reduce`: `getattr(obj, func.__name__)`.
        Value::Method(m) => {
            let n = vm.intern("__name__");
            let name = match vm.get_attr(&m.1, &n) {
                Ok(v) => v,
                Err(e) => return Some(Err(e)),
            };
            let getattr = match crate::import::builtin(vm, "getattr") {
                Ok(f) => f,
                Err(e) => return Some(Err(e)),
            };
            return Some(Ok(Value::tuple(vec![
                getattr,
                Value::tuple(vec![m.0.clone(), name]),
            ])));
        }
        // `ellipsis_reduce`, `notimplemented_reduce`: the builtins' names.
        Value::Ellipsis => return Some(Ok(Value::str("Ellipsis"))),
        Value::NotImplemented => return Some(Ok(Value::str("NotImplemented"))),
        Value::Builtin(b) => {
            let owner = crate::types::builtin_type_named(crate::slots::owner_name(b))?;
            (Value::Type(owner), b.name)
        }
        Value::BoundBuiltin(b) => match &b.0 {
            Value::Module(_) => return Some(Ok(Value::str(b.1.name))),
            recv => (recv.clone(), b.1.name),
        },
        _ => return None,
    };
    let getattr = match crate::import::builtin(vm, "getattr") {
        Ok(f) => f,
        Err(e) => return Some(Err(e)),
    };
    Some(Ok(Value::tuple(vec![
        getattr,
        Value::tuple(vec![target, Value::str(name)]),
    ])))
}

/// The builtin class a static method such as `bytearray.maketrans` belongs
/// to (class methods, bound to their class when looked up, excluded).
pub(crate) fn static_owner(b: &crate::func::BuiltinDef) -> Option<Rc<crate::types::TypeObj>> {
    if b.is_method || !crate::methods::is_static(b.name) || crate::methods::is_classmethod(b) {
        return None;
    }
    crate::types::builtin_type_named(crate::slots::owner_name(b))
}

/// `object.__reduce_ex__(protocol)`: an overriding `__reduce__` wins.
pub(crate) fn object_reduce_ex(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let obj = receiver(&a, "__reduce_ex__")?.clone();
    let protocol = match a.pos.get(1) {
        Some(Value::Int(i)) => *i,
        Some(Value::Bool(b)) => i64::from(*b),
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                crate::types::type_name(other)
            )))
        }
        None => {
            return Err(PyErr::type_error(
                "object.__reduce_ex__() takes exactly one argument (0 given)",
            ))
        }
    };
    if let Some(r) = function_reduce(vm, &obj) {
        return r;
    }
    let name = vm.intern("__reduce__");
    // Python functions, the methods of classes written in Rust (owner
    // `module.name`, as struct sequences) and of builtin classes override.
    let overridden = match crate::class::lookup(&type_of(&obj), &name) {
        Some(Value::Function(_)) => true,
        Some(Value::Builtin(b)) => b.owner != "object",
        _ => false,
    };
    if overridden {
        let m = vm.get_attr(&obj, &name)?;
        return vm.call(&m, &[]);
    }
    common_reduce(vm, &obj, protocol)
}

fn common_reduce(vm: &mut Vm, obj: &Value, protocol: i64) -> PyResult<Value> {
    let copyreg = copyreg(vm)?;
    if protocol < 2 {
        let f = optional_attr(vm, &copyreg, "_reduce_ex")?.unwrap_or(Value::None);
        return vm.call(&f, &[obj.clone(), Value::Int(protocol)]);
    }
    if let Value::MemoryView(_) = obj {
        // Memory is not state: `object.__getstate__` refuses the view.
        return Err(PyErr::type_error("cannot pickle memoryview objects"));
    }
    let cls = type_of(obj);
    let mut newargs: Vec<Value> = vec![Value::Type(cls.clone())];
    let mut newobj_name = "__newobj__";
    let mut has_args = true;
    // `_PyObject_GetNewArguments`, with its checks of what the methods return.
    if let Some(f) = special_method(vm, obj, "__getnewargs_ex__")? {
        let r = vm.call(&f, &[])?;
        let Some(parts) = tuple_items(&r) else {
            return Err(PyErr::type_error(format!(
                "__getnewargs_ex__ should return a tuple, not '{}'",
                crate::types::type_name(&r)
            )));
        };
        let [args, kwargs] = parts else {
            return Err(PyErr::value_error(format!(
                "__getnewargs_ex__ should return a tuple of length 2, not {}",
                parts.len()
            )));
        };
        let Some(args_items) = tuple_items(args) else {
            return Err(PyErr::type_error(format!(
                "first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '{}'",
                crate::types::type_name(args)
            )));
        };
        let kw_len = match crate::instance::payload_of(kwargs).unwrap_or(kwargs) {
            Value::Dict(d) => d.borrow().len(),
            _ => {
                return Err(PyErr::type_error(format!(
                "second item of the tuple returned by __getnewargs_ex__ must be a dict, not '{}'",
                crate::types::type_name(kwargs)
            )))
            }
        };
        if kw_len > 0 {
            newobj_name = "__newobj_ex__";
            newargs.push(args.clone());
            newargs.push(kwargs.clone());
        } else {
            newargs.extend(args_items.iter().cloned());
        }
    } else if let Some(f) = special_method(vm, obj, "__getnewargs__")? {
        let r = vm.call(&f, &[])?;
        let Some(items) = tuple_items(&r) else {
            return Err(PyErr::type_error(format!(
                "__getnewargs__ should return a tuple, not '{}'",
                crate::types::type_name(&r)
            )));
        };
        newargs.extend(items.iter().cloned());
    } else {
        has_args = false;
    }
    let solid = cls.heap.as_ref().map_or(cls.kind, |h| h.solid.kind);
    // `object_getstate_default(obj, required)`: without arguments for
    // `__new__`, the state must be all there is, which an object holding
    // native data (a builtin base other than `object`) does not satisfy.
    let required = !has_args && !matches!(solid, TypeKind::List | TypeKind::Dict);
    // An instance of a class written in Rust keeps its data outside any
    // dict, as a C type's fields beyond `object`'s, which pickling by state
    // cannot carry (`os.DirEntry`, `_thread._local`).
    let native_data = matches!(obj, Value::Instance(i) if i.native.is_some());
    let stateless = matches!(solid, TypeKind::Object | TypeKind::NoneType) && !native_data;
    if required && default_getstate(&cls, vm) && !stateless {
        return Err(PyErr::type_error(match solid {
            TypeKind::Code => "cannot pickle code objects".to_string(),
            _ => format!("cannot pickle '{}' object", cls.name),
        }));
    }
    let newobj = optional_attr(vm, &copyreg, newobj_name)?.unwrap_or(Value::None);
    let state = match optional_attr(vm, obj, "__getstate__")? {
        Some(f) => vm.call(&f, &[])?,
        None => Value::None,
    };
    let listitems = if solid == TypeKind::List {
        vm.get_iter(obj)?
    } else {
        Value::None
    };
    let dictitems = if solid == TypeKind::Dict {
        let items = vm.intern("items");
        let m = vm.get_attr(obj, &items)?;
        let it = vm.call(&m, &[])?;
        vm.get_iter(&it)?
    } else {
        Value::None
    };
    Ok(Value::tuple(vec![
        newobj,
        Value::tuple(newargs),
        state,
        listitems,
        dictitems,
    ]))
}

/// The items of a tuple or of a tuple subclass's instance (`PyTuple_Check`).
fn tuple_items(v: &Value) -> Option<&[Value]> {
    match crate::instance::payload_of(v).unwrap_or(v) {
        Value::Tuple(t) => Some(t),
        _ => None,
    }
}

/// Whether `cls` gets `object.__getstate__` (no Python override).
fn default_getstate(cls: &Rc<crate::types::TypeObj>, vm: &mut Vm) -> bool {
    let name = vm.intern("__getstate__");
    match crate::class::lookup(cls, &name) {
        Some(Value::Builtin(b)) => b.owner == "object",
        None => true,
        _ => false,
    }
}

/// `bytearray.__reduce_ex__(proto=0, /)` (`_common_reduce`): below
/// protocol 3 the contents travel as a Latin-1 `str` with its encoding,
/// for Python 2; from 3 on as bytes. Nothing at all when empty.
pub(crate) fn bytearray_reduce_ex(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let obj = receiver(&a, "__reduce_ex__")?.clone();
    let proto = match a.pos.get(1) {
        None => 0,
        Some(p) => vm.index_value(p)?,
    };
    if a.pos.len() > 2 {
        return Err(PyErr::type_error(format!(
            "__reduce_ex__ expected at most 1 argument, got {}",
            a.pos.len() - 1
        )));
    }
    bytearray_reduce(vm, &obj, proto)
}

fn bytearray_reduce(vm: &mut Vm, obj: &Value, proto: i64) -> PyResult<Value> {
    let data = crate::buffer::bytes_like(obj)?;
    let args = if data.is_empty() {
        vec![]
    } else if proto < 3 {
        let text: String = data.iter().map(|&b| char::from(b)).collect();
        vec![Value::str(&text), Value::str("latin-1")]
    } else {
        vec![Value::Bytes(Rc::new(data))]
    };
    let state = vm.call_method(obj, "__getstate__", &[])?;
    Ok(Value::tuple(vec![
        Value::Type(type_of(obj)),
        Value::tuple(args),
        state,
    ]))
}

/// `__reduce__` of the builtin classes whose state `__newobj__` cannot carry:
/// `set` and `frozenset` (`set_reduce`: the items as a list), `bytearray`
/// (`bytearray_reduce`: protocol 2's form), `range` (`range_reduce`) and
/// `slice` (`slice_reduce`); the first two with `__getstate__` as state.
pub(crate) fn builtin_reduce(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let obj = receiver(&a, "__reduce__")?.clone();
    let cls = type_of(&obj);
    if let Value::Range(r) = &obj {
        let args = vec![r.start(), r.stop(), r.step()];
        return Ok(Value::tuple(vec![Value::Type(cls), Value::tuple(args)]));
    }
    // `slice_reduce`: `slice(start, stop, step)`.
    if let Value::Slice(s) = &obj {
        let args = Value::tuple(s.to_vec());
        return Ok(Value::tuple(vec![Value::Type(cls), args]));
    }
    let solid = cls.heap.as_ref().map_or(cls.kind, |h| h.solid.kind);
    if solid == TypeKind::ByteArray {
        return bytearray_reduce(vm, &obj, 2);
    }
    let args = vec![Value::list(vm.collect(&obj)?)];
    // `_PyObject_GetState`: whatever `__getstate__` gives (`object`'s
    // includes `__slots__` values; a class may define its own).
    let state = vm.call_method(&obj, "__getstate__", &[])?;
    Ok(Value::tuple(vec![
        Value::Type(cls),
        Value::tuple(args),
        state,
    ]))
}

/// `__getnewargs__` of the immutable builtins (`int`, `float`, `complex`,
/// `str`, `bytes`, `tuple`): the plain value, so that `copyreg.__newobj__`
/// rebuilds a subclass instance with its contents (a complex gives its parts).
pub(crate) fn getnewargs(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let obj = receiver(&a, "__getnewargs__")?;
    if a.pos.len() > 1 {
        return Err(PyErr::type_error(format!(
            "{}.__getnewargs__() takes no arguments ({} given)",
            crate::types::type_name(obj),
            a.pos.len() - 1
        )));
    }
    let plain = crate::instance::payload_of(obj).unwrap_or(obj);
    Ok(Value::tuple(match plain {
        Value::Bool(b) => vec![Value::Int(i64::from(*b))],
        Value::Complex(c) => vec![Value::Float(c.re), Value::Float(c.im)],
        Value::Tuple(t) => vec![Value::Tuple(t.clone())],
        // `str.__getnewargs__` gives a copy (`_PyUnicode_Copy`).
        Value::Str(s) => vec![crate::str_surrogates::copy_str(s)],
        other => vec![other.clone()],
    }))
}
