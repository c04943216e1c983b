//! `_sqlite3`: CPython's `Modules/_sqlite/` over the system's libsqlite3
//! (`libsqlite3-sys`, no bundled copy), under the pure-Python `sqlite3`
//! package.
//!
//! `connection.rs` is `Connection` (transactions, user functions, hooks,
//! backup), `cursor.rs` `Cursor` (execution and fetching), `statement.rs`
//! the prepared statements and their cache, `row.rs` `Row`, `adapters.rs`
//! the adapter/converter registries and value conversion, `callbacks.rs`
//! the Python side of SQLite's callbacks, `errors.rs` the exception
//! hierarchy, `raw.rs` the C API (the module's only `unsafe` code).

mod adapters;
mod blob;
mod callbacks;
mod connection;
mod consts;
mod cursor;
mod errors;
mod raw;
mod row;
mod statement;

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::dict::Dict;
use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::native::{bind_args, positional};
use crate::types::{type_name, TypeObj};
use crate::value::Value;
use crate::vm::Vm;

use super::{module_functions, new_module};
use errors::Errors;

/// `PARSE_DECLTYPES`.
const PARSE_DECLTYPES: i64 = 1;
/// `PARSE_COLNAMES`.
const PARSE_COLNAMES: i64 = 2;

/// The module's state (CPython's `pysqlite_state`), one per thread.
#[derive(Debug)]
pub(super) struct State {
    errors: Errors,
    /// `_sqlite3.adapters`: `(type, protocol) -> adapter`.
    adapters: Rc<RefCell<Dict>>,
    /// `_sqlite3.converters`: upper-cased type name -> converter.
    converters: Rc<RefCell<Dict>>,
    /// `enable_callback_tracebacks`.
    tracebacks: Cell<bool>,
    /// An adapter was registered for `int`, `float`, `str` or `bytearray`,
    /// so even those go through `adapt`.
    base_type_adapted: Cell<bool>,
    /// `PrepareProtocol`.
    proto: Rc<TypeObj>,
}

thread_local! {
    static STATE: RefCell<Option<Rc<State>>> = const { RefCell::new(None) };
}

/// The module state, built on first use.
pub(super) fn state(vm: &mut Vm) -> Rc<State> {
    if let Some(s) = STATE.with(|s| s.borrow().clone()) {
        return s;
    }
    let errors = Errors::new(vm);
    let proto = crate::native::class_of(vm, &adapters::PREPARE_PROTOCOL);
    let s = Rc::new(State {
        errors,
        adapters: Rc::new(RefCell::new(Dict::new())),
        converters: Rc::new(RefCell::new(Dict::new())),
        tracebacks: Cell::new(false),
        base_type_adapted: Cell::new(false),
        proto,
    });
    STATE.with(|st| *st.borrow_mut() = Some(s.clone()));
    s
}

module_functions!(FUNCS, "_sqlite3", [
    "connect" => connect,
    "complete_statement" => complete_statement,
    "register_adapter" => adapters::register_adapter,
    "register_converter" => adapters::register_converter,
    "adapt" => adapters::adapt_fn,
    "enable_callback_tracebacks" => enable_callback_tracebacks,
    "enable_shared_cache" => enable_shared_cache,
]);

/// Builds the `_sqlite3` module.
pub fn init(vm: &mut Vm) -> Value {
    let st = state(vm);
    let mut extra: Vec<(&str, Value)> = Vec::new();
    for (name, t) in st.errors.entries() {
        extra.push((name, Value::Type(t)));
    }
    let conn_t = crate::native::class_of(vm, &connection::CONNECTION);
    // Connections carry the exception classes as attributes (DB-API).
    for (name, t) in st.errors.entries() {
        crate::native::set_class_attr(&conn_t, name, Value::Type(t));
    }
    extra.push(("Connection", Value::Type(conn_t)));
    extra.push((
        "Cursor",
        Value::Type(crate::native::class_of(vm, &cursor::CURSOR)),
    ));
    extra.push(("Row", Value::Type(crate::native::class_of(vm, &row::ROW))));
    extra.push((
        "Blob",
        Value::Type(crate::native::class_of(vm, &blob::BLOB)),
    ));
    extra.push(("PrepareProtocol", Value::Type(st.proto.clone())));
    extra.push(("adapters", Value::Dict(st.adapters.clone())));
    extra.push(("converters", Value::Dict(st.converters.clone())));
    extra.push(("PARSE_DECLTYPES", Value::Int(PARSE_DECLTYPES)));
    extra.push(("PARSE_COLNAMES", Value::Int(PARSE_COLNAMES)));
    extra.push(("version", Value::str("2.6.0")));
    extra.push(("sqlite_version", Value::string(raw::libversion())));
    extra.push(("threadsafety", Value::Int(raw::threadsafety())));
    for (name, code) in consts::ERROR_CODES.iter().chain(consts::OTHER_CODES) {
        extra.push((name, Value::Int(i64::from(*code))));
    }
    new_module("_sqlite3", FUNCS, extra)
}

/// The str (or str subclass) `v` holds.
pub(super) fn str_obj(v: &Value) -> Option<&Rc<crate::value::StrObj>> {
    match v {
        Value::Str(s) => Some(s),
        _ => match crate::instance::payload_of(v) {
            Some(Value::Str(s)) => Some(s),
            _ => None,
        },
    }
}

/// The UTF-8 text of a str argument (`PyUnicode_AsUTF8`): lone surrogates
/// are a `UnicodeEncodeError`; a non-str is `None`.
pub(super) fn utf8(v: &Value) -> Option<PyResult<&str>> {
    str_obj(v).map(crate::str_surrogates::as_utf8)
}

/// The parameter names of `connect` and `Connection.__init__`.
pub(super) const CONNECT_PARAMS: &[&str] = &[
    "database",
    "timeout",
    "detect_types",
    "isolation_level",
    "check_same_thread",
    "factory",
    "cached_statements",
    "uri",
];

/// `connect(database, ...)`: checks the arguments as CPython does, then
/// calls `factory` (default `Connection`) with all of them unchanged.
fn connect(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let b = bind_args(&a, "connect", CONNECT_PARAMS, 1)?;
    let factory = match b[5] {
        Some(f) => f.clone(),
        None => Value::Type(crate::native::class_of(vm, &connection::CONNECTION)),
    };
    vm.call_with_kw(&factory, a.pos, a.kwnames, a.kwvals)
}

/// `complete_statement(statement)`.
fn complete_statement(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let b = bind_args(&a, "complete_statement", &["statement"], 1)?;
    match b[0] {
        Some(Value::Str(s)) => Ok(Value::Bool(raw::complete(s.as_str()))),
        Some(v) => Err(PyErr::type_error(format!(
            "complete_statement() argument 'statement' must be str, not {}",
            type_name(v)
        ))),
        None => Ok(Value::Bool(false)),
    }
}

/// `enable_callback_tracebacks(enable, /)`.
fn enable_callback_tracebacks(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "enable_callback_tracebacks", 1, 1)?;
    let on = vm.index_value(&args[0])? != 0;
    state(vm).tracebacks.set(on);
    Ok(Value::None)
}

/// `enable_shared_cache(enable)`.
fn enable_shared_cache(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let b = bind_args(&a, "enable_shared_cache", &["enable"], 1)?;
    let on = match b[0] {
        Some(v) => vm.index_value(v)? != 0,
        None => false,
    };
    let rc = raw::enable_shared_cache(on);
    if rc != raw::SQLITE_OK {
        let st = state(vm);
        return Err(errors::raise(
            &st.errors.operational,
            "Changing the shared_cache flag failed",
        ));
    }
    Ok(Value::None)
}
