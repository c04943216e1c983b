//! The DB-API exception hierarchy of `_sqlite3` and CPython's mapping of
//! SQLite result codes onto it (`_pysqlite_seterror`).

use std::rc::Rc;

use crate::dict::Dict;
use crate::exc::{ExcObj, PyErr};
use crate::types::{exc_type, ExcKind, TypeObj};
use crate::value::Value;
use crate::vm::Vm;

use super::consts::ERROR_CODES;
use super::raw;

/// The module's exception classes.
#[derive(Debug, Clone)]
pub(super) struct Errors {
    pub warning: Rc<TypeObj>,
    pub error: Rc<TypeObj>,
    pub interface: Rc<TypeObj>,
    pub database: Rc<TypeObj>,
    pub internal: Rc<TypeObj>,
    pub operational: Rc<TypeObj>,
    pub programming: Rc<TypeObj>,
    pub integrity: Rc<TypeObj>,
    pub data: Rc<TypeObj>,
    pub not_supported: Rc<TypeObj>,
}

fn make(vm: &mut Vm, name: &str, base: Rc<TypeObj>) -> Rc<TypeObj> {
    let mut ns = Dict::new();
    let _ = ns.insert(Value::str("__module__"), Value::str("sqlite3"));
    let _ = ns.insert(Value::str("__qualname__"), Value::str(name));
    crate::class::new_type(vm, None, name, vec![base.clone()], &ns, (&[], &[])).unwrap_or(base)
}

impl Errors {
    /// Builds the hierarchy (CPython's module names them `sqlite3.X`).
    pub(super) fn new(vm: &mut Vm) -> Errors {
        let exc = exc_type(ExcKind::Exception);
        let warning = make(vm, "Warning", exc.clone());
        let error = make(vm, "Error", exc);
        let interface = make(vm, "InterfaceError", error.clone());
        let database = make(vm, "DatabaseError", error.clone());
        Errors {
            warning,
            interface,
            internal: make(vm, "InternalError", database.clone()),
            operational: make(vm, "OperationalError", database.clone()),
            programming: make(vm, "ProgrammingError", database.clone()),
            integrity: make(vm, "IntegrityError", database.clone()),
            data: make(vm, "DataError", database.clone()),
            not_supported: make(vm, "NotSupportedError", database.clone()),
            database,
            error,
        }
    }

    /// `(name, class)` pairs for the module namespace.
    pub(super) fn entries(&self) -> Vec<(&'static str, Rc<TypeObj>)> {
        vec![
            ("Warning", self.warning.clone()),
            ("Error", self.error.clone()),
            ("InterfaceError", self.interface.clone()),
            ("DatabaseError", self.database.clone()),
            ("InternalError", self.internal.clone()),
            ("OperationalError", self.operational.clone()),
            ("ProgrammingError", self.programming.clone()),
            ("IntegrityError", self.integrity.clone()),
            ("DataError", self.data.clone()),
            ("NotSupportedError", self.not_supported.clone()),
        ]
    }

    /// The class CPython raises for a primary result code.
    fn class_for(&self, code: i32) -> Option<&Rc<TypeObj>> {
        Some(match code & 0xff {
            0 => return None,
            2 | 12 => &self.internal,
            1 | 3 | 4 | 5 | 6 | 8 | 9 | 10 | 13 | 14 | 15 | 16 | 17 => &self.operational,
            11 => &self.database,
            18 => &self.data,
            19 | 20 => &self.integrity,
            21 | 25 => &self.interface,
            _ => &self.database,
        })
    }
}

/// An exception of class `t` with message `msg`.
pub(super) fn raise(t: &Rc<TypeObj>, msg: impl Into<String>) -> PyErr {
    PyErr(Rc::new(ExcObj::new(
        t.clone(),
        vec![Value::string(msg.into())],
    )))
}

/// The `SQLITE_*` name of a result code (`sqlite_errorname`).
pub(super) fn error_name(code: i32) -> &'static str {
    ERROR_CODES
        .iter()
        .find(|(_, c)| *c == code)
        .map_or("unknown", |(n, _)| n)
}

/// The exception for a failed SQLite call with result code `code`,
/// extended code `ext` and message `msg`, carrying `sqlite_errorcode` and
/// `sqlite_errorname` as CPython's exceptions do.
pub(super) fn from_code(errors: &Errors, code: i32, ext: i32, msg: &str) -> PyErr {
    if code & 0xff == 7 {
        return PyErr::new(ExcKind::MemoryError, "");
    }
    let t = errors.class_for(code).unwrap_or(&errors.database);
    let e = raise(t, msg);
    if let Value::Exception(obj) = e.value() {
        let d = obj.dict();
        let mut d = d.borrow_mut();
        let _ = d.insert(Value::str("sqlite_errorcode"), Value::Int(i64::from(ext)));
        let _ = d.insert(Value::str("sqlite_errorname"), Value::str(error_name(ext)));
    }
    e
}

/// The exception for the last error of `db`.
pub(super) fn from_db(errors: &Errors, db: &raw::Db) -> PyErr {
    from_code(errors, db.errcode(), db.extended_errcode(), &db.errmsg())
}
