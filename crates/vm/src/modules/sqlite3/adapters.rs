//! Adapters and converters (CPython's `microprotocols.c` and the module's
//! `register_*` functions), and the conversions between Python values and
//! SQLite's five storage classes.

use std::rc::Rc;

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::native::{native_methods, positional, ClassSpec, SpecFlags};
use crate::types::{type_name, type_of, ExcKind, TypeKind};
use crate::value::Value;
use crate::vm::Vm;

use super::errors::raise;
use super::raw::{Bind, SqlValue};
use super::state;

native_methods!(PREPARE_PROTOCOL_M, "sqlite3.PrepareProtocol", ["__init__" => proto_init]);
/// `sqlite3.PrepareProtocol`: the protocol object adapters are keyed by.
pub(super) static PREPARE_PROTOCOL: ClassSpec = ClassSpec {
    name: "PrepareProtocol",
    module: "sqlite3",
    base: TypeKind::Object,
    methods: PREPARE_PROTOCOL_M,
    classmethods: &[],
    props: &[],
    unhashable: false,
    flags: SpecFlags::NONE,
};

/// `PrepareProtocol(*args, **kwargs)` takes and ignores any arguments.
fn proto_init(_vm: &mut Vm, _a: Args<'_>) -> PyResult<Value> {
    Ok(Value::None)
}

/// `register_adapter(type, adapter, /)`.
pub(super) fn register_adapter(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "register_adapter", 2, 2)?;
    let st = state(vm);
    if let Value::Type(t) = &args[0] {
        let base = [
            TypeKind::Int,
            TypeKind::Float,
            TypeKind::Str,
            TypeKind::ByteArray,
        ];
        if base
            .iter()
            .any(|k| Rc::ptr_eq(t, &crate::types::builtin_type(*k)))
        {
            st.base_type_adapted.set(true);
        }
    }
    let key = Value::tuple(vec![args[0].clone(), Value::Type(st.proto.clone())]);
    vm.setitem(&Value::Dict(st.adapters.clone()), key, args[1].clone())?;
    Ok(Value::None)
}

/// `register_converter(typename, converter, /)`: the name is upper-cased.
pub(super) fn register_converter(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "register_converter", 2, 2)?;
    if !matches!(&args[0], Value::Str(_))
        && !matches!(crate::instance::payload_of(&args[0]), Some(Value::Str(_)))
    {
        return Err(PyErr::type_error(format!(
            "register_converter() argument 1 must be str, not {}",
            type_name(&args[0])
        )));
    }
    let upper = vm.intern("upper");
    let m = vm.get_attr(&args[0], &upper)?;
    let name = vm.call(&m, &[])?;
    let st = state(vm);
    vm.setitem(&Value::Dict(st.converters.clone()), name, args[1].clone())?;
    Ok(Value::None)
}

/// `adapt(obj, proto=PrepareProtocol, alt=<unrepresentable>, /)`.
pub(super) fn adapt_fn(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "adapt", 1, 3)?;
    let st = state(vm);
    let proto = args
        .get(1)
        .cloned()
        .unwrap_or_else(|| Value::Type(st.proto.clone()));
    adapt(vm, &args[0], &proto, args.get(2))
}

/// An attribute of `obj`, or `None` when it has none.
fn lookup(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Option<Value>> {
    let n = vm.intern(name);
    match vm.get_attr(obj, &n) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.is(ExcKind::AttributeError) => Ok(None),
        Err(e) => Err(e),
    }
}

/// CPython's `pysqlite_microprotocols_adapt`: a registered adapter, then
/// `proto.__adapt__(obj)`, then `obj.__conform__(proto)`, then `alt`.
pub(super) fn adapt(
    vm: &mut Vm,
    obj: &Value,
    proto: &Value,
    alt: Option<&Value>,
) -> PyResult<Value> {
    let st = state(vm);
    let key = Value::tuple(vec![Value::Type(type_of(obj)), proto.clone()]);
    let found = st.adapters.borrow().get(&key)?.cloned();
    if let Some(adapter) = found {
        return vm.call(&adapter, std::slice::from_ref(obj));
    }
    for (target, name, arg) in [(proto, "__adapt__", obj), (obj, "__conform__", proto)] {
        if let Some(f) = lookup(vm, target, name)? {
            match vm.call(&f, std::slice::from_ref(arg)) {
                Ok(Value::None) => {}
                Ok(v) => return Ok(v),
                Err(e) if e.is(ExcKind::TypeError) => {}
                Err(e) => return Err(e),
            }
        }
    }
    match alt {
        Some(v) => Ok(v.clone()),
        None => Err(raise(&st.errors.programming, "can't adapt")),
    }
}

/// Whether a parameter goes through `adapt` before binding (exact `int`,
/// `float`, `str` and `bytearray` do not, unless one of them has an adapter).
pub(super) fn need_adapt(vm: &mut Vm, v: &Value) -> bool {
    if state(vm).base_type_adapted.get() {
        return true;
    }
    !matches!(
        v,
        Value::Int(_) | Value::BigInt(_) | Value::Float(_) | Value::Str(_) | Value::ByteArray(_)
    )
}

/// A value in one of SQLite's storage classes, owned.
pub(super) enum Owned {
    Null,
    Int(i64),
    Float(f64),
    Text(String),
    Blob(Vec<u8>),
}

impl Owned {
    /// The view `raw::Stmt::bind` takes.
    pub(super) fn as_bind(&self) -> Bind<'_> {
        match self {
            Owned::Null => Bind::Null,
            Owned::Int(n) => Bind::Int(*n),
            Owned::Float(f) => Bind::Float(*f),
            Owned::Text(t) => Bind::Text(t.as_bytes()),
            Owned::Blob(b) => Bind::Blob(b),
        }
    }
}

/// Whether a buffer is C-contiguous, as a `PyBUF_SIMPLE` request needs.
fn contiguous(v: &Value) -> bool {
    match v {
        Value::MemoryView(m) => m.c_contiguous(),
        _ => true,
    }
}

fn not_contiguous() -> PyErr {
    PyErr::new(
        ExcKind::BufferError,
        "memoryview: underlying buffer is not C-contiguous",
    )
}

/// The bytes of a contiguous bytes-like object (CPython's `y*` with
/// `PyBUF_SIMPLE`).
pub(super) fn simple_buffer(v: &Value) -> PyResult<Vec<u8>> {
    if !contiguous(v) {
        return Err(not_contiguous());
    }
    crate::buffer::bytes_like(v)
}

fn int_overflow() -> PyErr {
    PyErr::overflow("Python int too large to convert to SQLite INTEGER")
}

/// The storage class of a Python value as `bind_param` sees it, or `None`
/// for a type SQLite cannot store.
pub(super) fn to_sql(v: &Value) -> Option<PyResult<Owned>> {
    let v = match v {
        Value::Instance(_) => match crate::instance::payload_of(v) {
            Some(p @ (Value::Int(_) | Value::BigInt(_) | Value::Float(_) | Value::Str(_))) => p,
            _ => v,
        },
        _ => v,
    };
    Some(Ok(match v {
        Value::None => Owned::Null,
        Value::Bool(b) => Owned::Int(i64::from(*b)),
        Value::Int(n) => Owned::Int(*n),
        Value::BigInt(_) => return Some(Err(int_overflow())),
        Value::Float(f) => Owned::Float(*f),
        Value::Str(s) => match crate::str_surrogates::as_utf8(s) {
            Ok(t) => Owned::Text(t.to_string()),
            Err(e) => return Some(Err(e)),
        },
        Value::MemoryView(_) if !contiguous(v) => return Some(Err(not_contiguous())),
        _ => match crate::buffer::exported_bytes(v)? {
            Ok(b) => Owned::Blob(b),
            Err(e) => return Some(Err(e)),
        },
    }))
}

/// What a user function's return value sets as the SQL result
/// (`_pysqlite_set_result`): `None` for a type SQLite cannot store, an
/// exception when the conversion raises.
pub(super) fn result_of(v: &Value) -> Option<PyResult<SqlValue>> {
    Some(to_sql(v)?.map(|o| match o {
        Owned::Null => SqlValue::Null,
        Owned::Int(n) => SqlValue::Int(n),
        Owned::Float(f) => SqlValue::Float(f),
        Owned::Text(t) => SqlValue::Text(t.into_bytes()),
        Owned::Blob(b) => SqlValue::Blob(b),
    }))
}

/// A value read from SQLite as a Python object (a user function's argument).
pub(super) fn to_py(v: SqlValue) -> PyResult<Value> {
    Ok(match v {
        SqlValue::Null => Value::None,
        SqlValue::Int(n) => Value::Int(n),
        SqlValue::Float(f) => Value::Float(f),
        SqlValue::Text(t) => match String::from_utf8(t) {
            Ok(s) => Value::string(s),
            Err(e) => {
                return Err(PyErr::new(
                    ExcKind::UnicodeDecodeError,
                    format!("'utf-8' codec can't decode: {e}"),
                ))
            }
        },
        SqlValue::Blob(b) => Value::Bytes(Rc::new(b)),
    })
}
