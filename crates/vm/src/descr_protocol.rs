//! `__get__`, `__set__` and `__delete__` as attributes of the builtin
//! descriptors (functions, `property`, `classmethod`, `staticmethod`), so
//! Python code can call them and `hasattr(x, '__get__')` finds them (`enum`
//! tells members from descriptors that way).

use std::rc::Rc;

use crate::descr::Descr;
use crate::exc::{PyErr, PyResult};
use crate::func::{Args, BuiltinDef};
use crate::types::type_of;
use crate::value::Value;
use crate::vm::Vm;

static GET: BuiltinDef = BuiltinDef {
    name: "__get__",
    func: descr_get,
    owner: "builtin",
    is_method: true,
};
static SET: BuiltinDef = BuiltinDef {
    name: "__set__",
    func: descr_set,
    owner: "builtin",
    is_method: true,
};
static DELETE: BuiltinDef = BuiltinDef {
    name: "__delete__",
    func: descr_delete,
    owner: "builtin",
    is_method: true,
};

static CALL: BuiltinDef = BuiltinDef {
    name: "__call__",
    func: descr_call,
    owner: "builtin",
    is_method: true,
};

/// The bound `__get__`/`__set__`/`__delete__` of `obj`, if it has that
/// method, and the `__call__` of the builtin callables (functions, methods,
/// builtin functions, static methods: their `tp_call` slot wrapper).
pub(crate) fn method(obj: &Value, name: &str) -> Option<Value> {
    let is_property = matches!(obj, Value::Descr(d) if matches!(**d, Descr::Property { .. }));
    let def = match name {
        "__call__" => match obj {
            Value::Function(_) | Value::Method(_) | Value::Builtin(_) | Value::BoundBuiltin(_) => {
                &CALL
            }
            Value::Descr(d) if matches!(**d, Descr::StaticMethod(..)) => &CALL,
            _ => return None,
        },
        "__get__" => match obj {
            Value::Function(_) => &GET,
            Value::Descr(d) if !matches!(**d, Descr::MappingProxy(_)) => &GET,
            _ => return None,
        },
        "__set__" if is_property => &SET,
        "__delete__" if is_property => &DELETE,
        _ => return None,
    };
    Some(Value::BoundBuiltin(Rc::new((obj.clone(), def))))
}

/// `f.__call__(*args, **kwargs)`: the call itself.
pub(crate) fn descr_call(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let Some((f, rest)) = a.pos.split_first() else {
        return Err(PyErr::type_error("descriptor '__call__' needs an argument"));
    };
    vm.call_with_kw(payload(f), rest, a.kwnames, a.kwvals)
}

/// `descr.__get__(instance, owner=None)` (`wrap_descr_get`): bound, or
/// as the slot wrapper `property.__get__` whose receiver may be an instance
/// of a subclass (it works on the builtin payload).
pub(crate) fn descr_get(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let (descr, obj, owner) = match a.pos {
        [d, o] => (d, o, None),
        [d, o, t] => (d, o, Some(t)),
        _ => {
            let n = a.pos.len().saturating_sub(1);
            return Err(PyErr::type_error(if n == 0 {
                " expected at least 1 argument, got 0".to_string()
            } else {
                format!(" expected at most 2 arguments, got {n}")
            }));
        }
    };
    if matches!(obj, Value::None) && matches!(owner, None | Some(Value::None)) {
        return Err(PyErr::type_error("__get__(None, None) is invalid"));
    }
    // `super_descr_get`: an unbound instance of a `super` subclass binds
    // by calling its class (`mysuper(typ, obj)`), not as a plain `super`.
    if let (Value::Instance(i), false) = (descr, matches!(obj, Value::None)) {
        if let Some(Value::Descr(d)) = i.payload() {
            if let Descr::Super {
                typ,
                obj: Value::None,
                ..
            } = &**d
            {
                let typ = Value::Type(typ.clone());
                return vm.call(&Value::Type(i.class()), &[typ, obj.clone()]);
            }
        }
    }
    if let Value::Builtin(def) = payload(descr) {
        check_builtin_get(def, obj, owner)?;
    }
    let owner = match owner {
        Some(Value::Type(t)) => t.clone(),
        _ => type_of(obj),
    };
    vm.bind_attr(payload(descr).clone(), obj, &owner)
}

/// The checks of `classmethod_get` and `method_get` (`descr_check`) on a
/// builtin class's method descriptor: it binds only to its own class (or
/// subclass), or to an instance of it.
fn check_builtin_get(def: &BuiltinDef, obj: &Value, owner: Option<&Value>) -> PyResult<()> {
    let Some(cls) = crate::types::builtin_type_named(crate::slots::owner_name(def)) else {
        return Ok(());
    };
    let name = def.name;
    if crate::methods::is_classmethod(def) {
        let t = match owner {
            Some(Value::Type(t)) => t.clone(),
            Some(other) if !matches!(other, Value::None) => {
                return Err(PyErr::type_error(format!(
                    "descriptor '{name}' for type '{}' needs a type, not a '{}' as arg 2",
                    cls.name,
                    crate::types::type_name(other)
                )));
            }
            _ => type_of(obj),
        };
        if !t.is_subtype(&cls) {
            return Err(PyErr::type_error(format!(
                "descriptor '{name}' requires a subtype of '{}' but received '{}'",
                cls.name, t.name
            )));
        }
        return Ok(());
    }
    if def.is_method && !matches!(obj, Value::None) && !type_of(obj).is_subtype(&cls) {
        return Err(PyErr::type_error(format!(
            "descriptor '{name}' for '{}' objects doesn't apply to a '{}' object",
            cls.name,
            crate::types::type_name(obj)
        )));
    }
    Ok(())
}

/// The builtin descriptor a receiver stands for: the payload of an
/// instance of a `property` (or `classmethod`, ...) subclass.
fn payload(v: &Value) -> &Value {
    crate::instance::payload_of(v).unwrap_or(v)
}

fn property_parts(descr: &Value) -> PyResult<(Value, Value, Value)> {
    match payload(descr) {
        Value::Descr(d) => match &**d {
            Descr::Property {
                fset, fdel, name, ..
            } => Ok((fset.clone(), fdel.clone(), name.borrow().clone())),
            _ => Err(PyErr::type_error("not a property")),
        },
        _ => Err(PyErr::type_error("not a property")),
    }
}

/// `property.__set__(instance, value)` (`wrap_descr_set`).
pub(crate) fn descr_set(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let [descr, obj, value] = a.pos else {
        return Err(PyErr::type_error(format!(
            " expected 2 arguments, got {}",
            a.pos.len().saturating_sub(1)
        )));
    };
    let (fset, _, name) = property_parts(descr)?;
    if matches!(fset, Value::None) {
        return Err(missing(&name, obj, "setter"));
    }
    vm.call(&fset, &[obj.clone(), value.clone()])?;
    Ok(Value::None)
}

/// `property.__delete__(instance)` (`wrap_descr_delete`).
pub(crate) fn descr_delete(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let [descr, obj] = a.pos else {
        return Err(PyErr::type_error(format!(
            "expected 1 argument, got {}",
            a.pos.len().saturating_sub(1)
        )));
    };
    let (_, fdel, name) = property_parts(descr)?;
    if matches!(fdel, Value::None) {
        return Err(missing(&name, obj, "deleter"));
    }
    vm.call(&fdel, std::slice::from_ref(obj))?;
    Ok(Value::None)
}

fn missing(name: &Value, obj: &Value, what: &str) -> PyErr {
    crate::attr::property_missing(name, obj, what)
}
