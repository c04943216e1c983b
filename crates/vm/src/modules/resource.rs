//! `resource`: CPython's `Modules/resource.c`, process limits and usage
//! through the C library (`resource_raw`): `getrlimit`, `setrlimit`,
//! `prlimit`, `getrusage` (as `resource.struct_rusage`) and `getpagesize`.

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::native::positional;
use crate::types::{exc_type, ExcKind};
use crate::value::Value;
use crate::vm::Vm;

use super::cint::{as_c_int, as_c_long};
use super::posix::fd::errno_err;
use super::pwd::{no_args, one_arg};
use super::resource_raw::{self as raw, Limits};
use super::structseq::{self, StructSeqType};
use super::{module_functions, new_module};

module_functions!(RESOURCE_FUNCTIONS, "resource", [
    "getrlimit" => getrlimit, "setrlimit" => setrlimit, "prlimit" => prlimit,
    "getrusage" => getrusage, "getpagesize" => getpagesize,
]);

/// Linux's resource numbers; `RLIM_NLIMITS` bounds the valid ones.
const CONSTANTS: &[(&str, i64)] = &[
    ("RLIMIT_CPU", 0),
    ("RLIMIT_FSIZE", 1),
    ("RLIMIT_DATA", 2),
    ("RLIMIT_STACK", 3),
    ("RLIMIT_CORE", 4),
    ("RLIMIT_RSS", 5),
    ("RLIMIT_NPROC", 6),
    ("RLIMIT_NOFILE", 7),
    ("RLIMIT_OFILE", 7),
    ("RLIMIT_MEMLOCK", 8),
    ("RLIMIT_AS", 9),
    ("RLIMIT_SIGPENDING", 11),
    ("RLIMIT_MSGQUEUE", 12),
    ("RLIMIT_NICE", 13),
    ("RLIMIT_RTPRIO", 14),
    ("RLIMIT_RTTIME", 15),
    ("RLIM_INFINITY", -1),
    ("RUSAGE_SELF", 0),
    ("RUSAGE_CHILDREN", -1),
    ("RUSAGE_THREAD", 1),
];

const RLIM_NLIMITS: i32 = 16;

static STRUCT_RUSAGE: StructSeqType = StructSeqType {
    name: "resource.struct_rusage",
    fields: &[
        "ru_utime",
        "ru_stime",
        "ru_maxrss",
        "ru_ixrss",
        "ru_idrss",
        "ru_isrss",
        "ru_minflt",
        "ru_majflt",
        "ru_nswap",
        "ru_inblock",
        "ru_oublock",
        "ru_msgsnd",
        "ru_msgrcv",
        "ru_nsignals",
        "ru_nvcsw",
        "ru_nivcsw",
    ],
    n_in_sequence: 16,
    constructible: true,
    fill: None,
};

/// Builds the `resource` module.
pub fn init(vm: &mut Vm) -> Value {
    let mut extra: Vec<(&str, Value)> =
        CONSTANTS.iter().map(|&(n, v)| (n, Value::Int(v))).collect();
    extra.push(("error", Value::Type(exc_type(ExcKind::OSError))));
    extra.push(("struct_rusage", structseq::class_value(vm, &STRUCT_RUSAGE)));
    new_module("resource", RESOURCE_FUNCTIONS, extra)
}

fn resource_arg(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let r = as_c_int(vm, v)?;
    if !(0..RLIM_NLIMITS).contains(&r) {
        return Err(PyErr::value_error("invalid resource specified"));
    }
    Ok(r)
}

/// Limits as Python sees them: `long long`s, so infinity is `-1`.
fn limits_value(l: Limits) -> Value {
    Value::tuple(vec![Value::Int(l.0 as i64), Value::Int(l.1 as i64)])
}

/// A `(soft, hard)` pair from any iterable of two ints.
fn limits_arg(vm: &mut Vm, v: &Value) -> PyResult<Limits> {
    let items = vm.collect(v)?;
    let [cur, max] = items.as_slice() else {
        return Err(PyErr::value_error("expected a tuple of 2 integers"));
    };
    // `long long`s cast to `rlim_t`, so -1 is RLIM_INFINITY.
    let cur = as_c_long(vm, cur)? as u64;
    let max = as_c_long(vm, max)? as u64;
    Ok((cur, max))
}

/// The errors of setting a limit, with CPython's wording.
fn set_error(e: i32) -> PyErr {
    match e {
        libc::EINVAL => PyErr::value_error("current limit exceeds maximum limit"),
        libc::EPERM => PyErr::value_error("not allowed to raise maximum limit"),
        e => errno_err(e),
    }
}

fn getrlimit(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let v = one_arg(&a, "resource.getrlimit")?;
    let r = resource_arg(vm, v)?;
    raw::prlimit(0, r, None)
        .map(limits_value)
        .map_err(errno_err)
}

fn setrlimit(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "setrlimit", 2, 2)?;
    let r = resource_arg(vm, &args[0])?;
    let l = limits_arg(vm, &args[1])?;
    raw::prlimit(0, r, Some(l)).map_err(set_error)?;
    Ok(Value::None)
}

/// `prlimit(pid, resource[, limits])`: the old limits of any process.
fn prlimit(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "prlimit", 2, 3)?;
    let pid = as_c_int(vm, &args[0])?;
    let r = resource_arg(vm, &args[1])?;
    let new = match args.get(2) {
        Some(v) => Some(limits_arg(vm, v)?),
        None => None,
    };
    let old = raw::prlimit(pid, r, new).map_err(|e| {
        if new.is_some() && e == libc::EINVAL {
            set_error(e)
        } else {
            errno_err(e)
        }
    })?;
    Ok(limits_value(old))
}

fn getrusage(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let v = one_arg(&a, "resource.getrusage")?;
    let who = as_c_int(vm, v)?;
    let u = raw::getrusage(who).map_err(|e| {
        if e == libc::EINVAL {
            PyErr::value_error("invalid who parameter")
        } else {
            errno_err(e)
        }
    })?;
    let mut fields = vec![Value::Float(u.utime), Value::Float(u.stime)];
    fields.extend(u.counters.iter().map(|&c| Value::Int(c)));
    Ok(structseq::new(vm, &STRUCT_RUSAGE, fields))
}

fn getpagesize(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    no_args(&a, "resource.getpagesize")?;
    Ok(Value::Int(raw::pagesize()))
}
