//! `syslog`: CPython 3.11's `Modules/syslogmodule.c`, the system logger
//! through the C library (`syslog_raw.rs`): `openlog`, `syslog`,
//! `closelog`, `setlogmask`, `LOG_MASK`/`LOG_UPTO` and the C library's
//! priority, option and facility constants.

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::native::bind_args;
use crate::types::type_name;
use crate::value::Value;
use crate::vm::Vm;

use super::cint::{as_c_int, as_c_long};
use super::syslog_raw as raw;
use super::{module_functions, new_module};

module_functions!(SYSLOG_FUNCTIONS, "syslog", [
    "openlog" => openlog, "syslog" => syslog, "closelog" => closelog,
    "setlogmask" => setlogmask, "LOG_MASK" => log_mask, "LOG_UPTO" => log_upto,
]);

/// `(name, libc::name)` pairs.
macro_rules! libc_constants {
    ($($name:ident),* $(,)?) => {
        const CONSTANTS: &[(&str, i64)] = &[$((stringify!($name), libc::$name as i64)),*];
    };
}

libc_constants!(
    LOG_EMERG,
    LOG_ALERT,
    LOG_CRIT,
    LOG_ERR,
    LOG_WARNING,
    LOG_NOTICE,
    LOG_INFO,
    LOG_DEBUG,
    LOG_PID,
    LOG_CONS,
    LOG_NDELAY,
    LOG_ODELAY,
    LOG_NOWAIT,
    LOG_PERROR,
    LOG_KERN,
    LOG_USER,
    LOG_MAIL,
    LOG_DAEMON,
    LOG_AUTH,
    LOG_LPR,
    LOG_LOCAL0,
    LOG_LOCAL1,
    LOG_LOCAL2,
    LOG_LOCAL3,
    LOG_LOCAL4,
    LOG_LOCAL5,
    LOG_LOCAL6,
    LOG_LOCAL7,
    LOG_SYSLOG,
    LOG_CRON,
    LOG_UUCP,
    LOG_NEWS,
    LOG_AUTHPRIV,
);

/// Builds the `syslog` module.
pub fn init(_vm: &mut Vm) -> Value {
    let extra = CONSTANTS.iter().map(|&(n, v)| (n, Value::Int(v))).collect();
    new_module("syslog", SYSLOG_FUNCTIONS, extra)
}

/// The text a C string holds: up to the first NUL, as the C calls read it.
fn c_text(s: &str) -> Vec<u8> {
    let b = s.as_bytes();
    let end = b.iter().position(|&c| c == 0).unwrap_or(b.len());
    b[..end].to_vec()
}

/// `syslog_get_argv`: the last path component of `sys.argv[0]`, or `None`
/// (the C library then names the program itself).
fn default_ident(vm: &Vm) -> Option<Vec<u8>> {
    let Some(Value::Module(sys)) = vm.sys_module("sys") else {
        return None;
    };
    let argv = crate::import::dict_get(&sys.dict.borrow(), "argv")?;
    let Value::List(l) = argv else {
        return None;
    };
    let first = l.borrow().first().cloned()?;
    let Value::Str(s) = first else {
        return None;
    };
    let s = s.as_str();
    if s.is_empty() {
        return None;
    }
    Some(c_text(s.rsplit('/').next().unwrap_or(s)))
}

/// `openlog(ident=sys.argv[0] basename, logoption=0, facility=LOG_USER)`.
fn openlog(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = bind_args(&a, "openlog", &["ident", "logoption", "facility"], 0)?;
    let ident = match args[0] {
        None => default_ident(vm),
        Some(Value::Str(s)) => Some(c_text(crate::str_surrogates::as_utf8(s)?)),
        Some(other) => {
            let kind = match other {
                Value::None => "None".into(),
                _ => type_name(other),
            };
            return Err(PyErr::type_error(format!(
                "openlog() argument 1 must be str, not {kind}"
            )));
        }
    };
    let option = match args[1] {
        Some(v) => as_c_long(vm, v)?,
        None => 0,
    };
    let facility = match args[2] {
        Some(v) => as_c_long(vm, v)?,
        None => i64::from(libc::LOG_USER),
    };
    // C's `int` parameters take the `long`s truncated, as the C module's call.
    raw::open(ident, option as i32, facility as i32);
    Ok(Value::None)
}

/// `syslog([priority,] message)`: any argument error is the C module's
/// one message.
fn syslog(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    a.no_kw("syslog")?;
    let usage = || PyErr::type_error("[priority,] message string");
    let (priority, message) = match a.pos {
        [Value::Str(m)] => (libc::LOG_INFO, m),
        [p, Value::Str(m)] => (as_c_int(vm, p).map_err(|_| usage())?, m),
        _ => return Err(usage()),
    };
    let message = c_text(crate::str_surrogates::as_utf8(message)?);
    if !raw::is_open() {
        raw::open(default_ident(vm), 0, libc::LOG_USER);
    }
    raw::log(priority, &message);
    Ok(Value::None)
}

/// `closelog()`.
fn closelog(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    a.no_args("syslog.closelog")?;
    raw::close();
    Ok(Value::None)
}

/// `setlogmask(maskpri)`: the previous mask.
fn setlogmask(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    a.no_kw("setlogmask")?;
    let [mask] = a.pos else {
        return Err(PyErr::type_error("mask for priority"));
    };
    let mask = as_c_long(vm, mask)?;
    Ok(Value::Int(i64::from(raw::set_mask(mask as i32))))
}

/// The one `long` argument of `LOG_MASK` and `LOG_UPTO`.
fn priority_arg(vm: &mut Vm, a: &Args<'_>, name: &str) -> PyResult<i64> {
    a.no_kw(name)?;
    match a.pos {
        [x] => as_c_long(vm, x),
        _ => Err(PyErr::type_error(format!(
            "{name}() takes exactly 1 argument ({} given)",
            a.pos.len()
        ))),
    }
}

/// `LOG_MASK(pri)`: `1 << pri`, as the C macro computes it in an `int`.
fn log_mask(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let pri = priority_arg(vm, &a, "LOG_MASK")?;
    Ok(Value::Int(i64::from(1i32.wrapping_shl(pri as u32))))
}

/// `LOG_UPTO(pri)`: `(1 << (pri + 1)) - 1`, in an `int`.
fn log_upto(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let pri = priority_arg(vm, &a, "LOG_UPTO")?;
    let shifted = 1i32.wrapping_shl((pri as u32).wrapping_add(1));
    Ok(Value::Int(i64::from(shifted.wrapping_sub(1))))
}
