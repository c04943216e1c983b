//! `grp`: CPython's `Modules/grpmodule.c`, the group database through the
//! C library (`sysdb`), as `grp.struct_group` records.

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::native::bind_args;
use crate::value::Value;
use crate::vm::Vm;

use super::pwd::{id_arg, name_arg, no_args, text};
use super::structseq::{self, StructSeqType};
use super::sysdb::{self, Group};
use super::{module_functions, new_module};

module_functions!(GRP_FUNCTIONS, "grp", [
    "getgrgid" => getgrgid, "getgrnam" => getgrnam, "getgrall" => getgrall,
]);

static STRUCT_GROUP: StructSeqType = StructSeqType {
    name: "grp.struct_group",
    fields: &["gr_name", "gr_passwd", "gr_gid", "gr_mem"],
    n_in_sequence: 4,
    constructible: true,
    fill: None,
};

/// Builds the `grp` module.
pub fn init(vm: &mut Vm) -> Value {
    let cls = structseq::class_value(vm, &STRUCT_GROUP);
    new_module("grp", GRP_FUNCTIONS, vec![("struct_group", cls)])
}

fn record(vm: &mut Vm, g: Group) -> Value {
    let members = g.members.iter().map(|m| text(m)).collect();
    let fields = vec![
        text(&g.name),
        text(&g.passwd),
        Value::Int(i64::from(g.gid)),
        Value::list(members),
    ];
    structseq::new(vm, &STRUCT_GROUP, fields)
}

/// `getgrgid(id)`: out-of-range ids are `OverflowError`s here (unlike
/// `pwd.getpwuid`, which reports them as not found).
fn getgrgid(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let b = bind_args(&a, "getgrgid", &["id"], 1)?;
    let gid = id_arg(vm, b[0].unwrap_or(&Value::None), "gid")?;
    match sysdb::getgrgid(gid) {
        Some(g) => Ok(record(vm, g)),
        None => Err(PyErr::key_error(Value::string(format!(
            "getgrgid(): gid not found: {}",
            gid as i32
        )))),
    }
}

fn getgrnam(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let b = bind_args(&a, "getgrnam", &["name"], 1)?;
    let v = b[0].unwrap_or(&Value::None);
    let name = name_arg(v, "getgrnam() argument 'name'")?;
    match sysdb::getgrnam(&name) {
        Some(g) => Ok(record(vm, g)),
        None => Err(PyErr::key_error(Value::string(format!(
            "getgrnam(): name not found: {}",
            crate::repr::repr(v)
        )))),
    }
}

fn getgrall(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    no_args(&a, "grp.getgrall")?;
    let all = sysdb::getgrall()
        .into_iter()
        .map(|g| record(vm, g))
        .collect();
    Ok(Value::list(all))
}
