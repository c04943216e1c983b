//! `pwd`: CPython's `Modules/pwdmodule.c`, the password database through
//! the C library (`sysdb`), as `pwd.struct_passwd` records.

use std::ffi::{CString, OsStr};
use std::os::unix::ffi::OsStrExt;

use num_traits::Signed;

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::types::{type_name, ExcKind};
use crate::value::Value;
use crate::vm::Vm;

use super::structseq::{self, StructSeqType};
use super::sysdb::{self, Passwd};
use super::{module_functions, new_module};

module_functions!(PWD_FUNCTIONS, "pwd", [
    "getpwuid" => getpwuid, "getpwnam" => getpwnam, "getpwall" => getpwall,
]);

static STRUCT_PASSWD: StructSeqType = StructSeqType {
    name: "pwd.struct_passwd",
    fields: &[
        "pw_name",
        "pw_passwd",
        "pw_uid",
        "pw_gid",
        "pw_gecos",
        "pw_dir",
        "pw_shell",
    ],
    n_in_sequence: 7,
    constructible: true,
    fill: None,
};

/// Builds the `pwd` module.
pub fn init(vm: &mut Vm) -> Value {
    let cls = structseq::class_value(vm, &STRUCT_PASSWD);
    new_module("pwd", PWD_FUNCTIONS, vec![("struct_passwd", cls)])
}

/// A database string as `str`, decoded as file names are.
pub(super) fn text(b: &[u8]) -> Value {
    super::posix::path::os_value(OsStr::from_bytes(b), false)
}

fn record(vm: &mut Vm, p: Passwd) -> Value {
    let fields = vec![
        text(&p.name),
        text(&p.passwd),
        Value::Int(i64::from(p.uid)),
        Value::Int(i64::from(p.gid)),
        text(&p.gecos),
        text(&p.dir),
        text(&p.shell),
    ];
    structseq::new(vm, &STRUCT_PASSWD, fields)
}

/// The one argument of a `METH_O` function, with CPython's messages.
pub(super) fn one_arg<'a>(a: &Args<'a>, qualname: &str) -> PyResult<&'a Value> {
    if !a.kwnames.is_empty() {
        return Err(PyErr::type_error(format!(
            "{qualname}() takes no keyword arguments"
        )));
    }
    match a.pos {
        [v] => Ok(v),
        _ => Err(PyErr::type_error(format!(
            "{qualname}() takes exactly one argument ({} given)",
            a.pos.len()
        ))),
    }
}

/// A `METH_NOARGS` function's check.
pub(super) fn no_args(a: &Args<'_>, qualname: &str) -> PyResult<()> {
    a.no_args(qualname)
}

/// A uid or gid as posixmodule.c's `_Py_Uid_Converter` reads it: `-1`
/// is the all-ones id; other negatives, and values a 32-bit id cannot
/// hold, are `OverflowError`s (with CPython's wording, which calls a
/// truncated value "less than minimum").
pub(super) fn id_arg(vm: &mut Vm, v: &Value, what: &str) -> PyResult<u32> {
    let under = || PyErr::overflow(format!("{what} is less than minimum"));
    match v {
        Value::BigInt(n) if n.is_negative() => return Err(under()),
        Value::BigInt(_) => return Err(PyErr::overflow(format!("{what} is greater than maximum"))),
        Value::Float(_) | Value::Str(_) | Value::None => {
            return Err(PyErr::type_error(format!(
                "{what} should be integer, not {}",
                type_name(v)
            )))
        }
        _ => {}
    }
    let n = vm.index_value(v).map_err(|e| {
        if e.is(ExcKind::TypeError) {
            PyErr::type_error(format!("{what} should be integer, not {}", type_name(v)))
        } else {
            e
        }
    })?;
    if n == -1 {
        return Ok(u32::MAX);
    }
    u32::try_from(n).map_err(|_| under())
}

/// A name argument: a `str` without NUL characters, as C bytes.
pub(super) fn name_arg(v: &Value, message_prefix: &str) -> PyResult<CString> {
    let Value::Str(s) = v else {
        return Err(PyErr::type_error(format!(
            "{message_prefix} must be str, not {}",
            type_name(v)
        )));
    };
    CString::new(s.as_str().as_bytes()).map_err(|_| PyErr::value_error("embedded null character"))
}

/// `getpwuid(uid)`: an id out of range is simply not found.
fn getpwuid(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let v = one_arg(&a, "pwd.getpwuid")?;
    let uid = match id_arg(vm, v, "uid") {
        Ok(u) => u,
        Err(e) if e.is(ExcKind::OverflowError) => {
            return Err(PyErr::key_error(Value::str("getpwuid(): uid not found")))
        }
        Err(e) => return Err(e),
    };
    match sysdb::getpwuid(uid) {
        Some(p) => Ok(record(vm, p)),
        // C's `%d` shows the id as a signed int.
        None => Err(PyErr::key_error(Value::string(format!(
            "getpwuid(): uid not found: {}",
            uid as i32
        )))),
    }
}

fn getpwnam(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let v = one_arg(&a, "pwd.getpwnam")?;
    let name = name_arg(v, "getpwnam() argument")?;
    match sysdb::getpwnam(&name) {
        Some(p) => Ok(record(vm, p)),
        None => {
            let shown = crate::repr::repr(v);
            Err(PyErr::key_error(Value::string(format!(
                "getpwnam(): name not found: {shown}"
            ))))
        }
    }
}

fn getpwall(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    no_args(&a, "pwd.getpwall")?;
    let all = sysdb::getpwall()
        .into_iter()
        .map(|p| record(vm, p))
        .collect();
    Ok(Value::list(all))
}
