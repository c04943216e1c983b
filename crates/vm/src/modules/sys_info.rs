//! The descriptive parts of `sys` that `Python/sysmodule.c` fills at start-up
//! (`stdlib_module_names`, `thread_info`, `orig_argv`, `_stdlib_dir`), plus
//! `sys.call_tracing` and the `sys.tracebacklimit` reading that
//! `PyTraceBack_Print` does.

use crate::dict::Dict;
use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::types::type_name;
use crate::value::Value;
use crate::vm::Vm;

use super::structseq::{self, StructSeqType};
use super::sys_stdlib_names::STDLIB_MODULE_NAMES;

static THREAD_INFO: StructSeqType = StructSeqType {
    name: "sys.thread_info",
    fields: &["name", "lock", "version"],
    n_in_sequence: 3,
    constructible: true,
    fill: None,
};

/// The start-up attributes this module owns, for `sys`'s namespace.
pub(crate) fn attrs(vm: &mut Vm) -> Vec<(&'static str, Value)> {
    let mut names = Dict::new();
    for name in STDLIB_MODULE_NAMES {
        // Strings always hash.
        let _ = names.insert(Value::str(name), Value::None);
    }
    // The process's own arguments, before the interpreter consumed its
    // options (`sys.orig_argv`), decoded as the file system encoding does.
    let orig_argv: Vec<Value> = std::env::args_os()
        .map(|a| Value::string(a.to_string_lossy().into_owned()))
        .collect();
    let stdlib_dir = vm.stdlib_dir().map_or(Value::None, Value::string);
    vec![
        ("stdlib_module_names", Value::frozenset(names)),
        ("thread_info", thread_info(vm)),
        ("orig_argv", Value::list(orig_argv)),
        ("_stdlib_dir", stdlib_dir),
    ]
}

/// `sys.thread_info`: Pith's threads are green threads on one OS thread, but
/// their locks and identifiers follow the pthread model CPython reports on
/// Linux, with the C library's NPTL version.
fn thread_info(vm: &mut Vm) -> Value {
    let version = match super::posix::raw::confstr(libc::_CS_GNU_LIBPTHREAD_VERSION) {
        Ok(Some(b)) => Value::string(String::from_utf8_lossy(&b).into_owned()),
        _ => Value::None,
    };
    structseq::new(
        vm,
        &THREAD_INFO,
        vec![Value::str("pthread"), Value::str("semaphore"), version],
    )
}

/// `sys.call_tracing(func, args)`: `func(*args)`; `args` must be a tuple.
pub(crate) fn call_tracing(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    a.no_kw("call_tracing")?;
    let [func, args] = a.pos else {
        return Err(PyErr::type_error(format!(
            "call_tracing expected 2 arguments, got {}",
            a.pos.len()
        )));
    };
    let Value::Tuple(items) = args else {
        return Err(PyErr::type_error(format!(
            "call_tracing() argument 2 must be tuple, not {}",
            type_name(args)
        )));
    };
    let items: Vec<Value> = items.iter().cloned().collect();
    vm.call(func, &items)
}

/// How many of the innermost traceback entries to print, from
/// `sys.tracebacklimit` as `_PyTraceBack_Print` reads it: 1000
/// (`PyTraceBack_LIMIT`) unless an int is there; all for one too large
/// for a C long; none (not even the `Traceback` header) for zero or less.
pub(crate) fn traceback_limit(vm: &Vm) -> usize {
    const DEFAULT: usize = 1000;
    let Some(Value::Module(sys)) = vm.sys_module("sys") else {
        return DEFAULT;
    };
    let limit = crate::import::dict_get(&sys.dict.borrow(), "tracebacklimit");
    match limit {
        Some(Value::Int(n)) => usize::try_from(n).unwrap_or(0),
        Some(Value::Bool(b)) => usize::from(b),
        Some(Value::BigInt(n)) if n.sign() == num_bigint::Sign::Minus => 0,
        Some(Value::BigInt(_)) => usize::MAX,
        _ => DEFAULT,
    }
}
