//! Process calls: ids, environment, `urandom`, `uname`, `times`, `umask`,
//! `strerror`, `_exit` and the wait-status macros.

use std::io::Read;
use std::os::unix::fs::MetadataExt;
use std::rc::Rc;

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::native::positional;
use crate::value::Value;
use crate::vm::Vm;

use super::super::structseq::{self, StructSeqType};
use super::path::path_arg;

/// `/proc/self/status`'s `Uid:`/`Gid:` line: real, effective ids.
fn status_ids(key: &str) -> Option<(u32, u32)> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with(key))?;
    let mut it = line[key.len()..].split_whitespace().map(str::parse::<u32>);
    Some((it.next()?.ok()?, it.next()?.ok()?))
}

/// The real user id (the owner of `/proc/self` when `/proc` lacks it).
pub(super) fn uid() -> u32 {
    status_ids("Uid:")
        .map(|(r, _)| r)
        .or_else(|| std::fs::metadata("/proc/self").ok().map(|m| m.uid()))
        .unwrap_or(0)
}

/// The real group id.
pub(super) fn gid() -> u32 {
    status_ids("Gid:")
        .map(|(r, _)| r)
        .or_else(|| std::fs::metadata("/proc/self").ok().map(|m| m.gid()))
        .unwrap_or(0)
}

fn no_args(a: &Args<'_>, name: &str) -> PyResult<()> {
    positional(a, name, 0, 0).map(|_| ())
}

pub(super) fn p_getpid(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    no_args(&a, "getpid")?;
    Ok(Value::Int(i64::from(std::process::id())))
}

pub(super) fn p_getppid(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    no_args(&a, "getppid")?;
    Ok(Value::Int(i64::from(std::os::unix::process::parent_id())))
}

pub(super) fn p_getuid(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    no_args(&a, "getuid")?;
    Ok(Value::Int(i64::from(uid())))
}

pub(super) fn p_geteuid(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    no_args(&a, "geteuid")?;
    let e = status_ids("Uid:").map_or_else(uid, |(_, e)| e);
    Ok(Value::Int(i64::from(e)))
}

pub(super) fn p_getgid(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    no_args(&a, "getgid")?;
    Ok(Value::Int(i64::from(gid())))
}

pub(super) fn p_getegid(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    no_args(&a, "getegid")?;
    let e = status_ids("Gid:").map_or_else(gid, |(_, e)| e);
    Ok(Value::Int(i64::from(e)))
}

fn env_name(vm: &mut Vm, func: &str, v: &Value) -> PyResult<std::ffi::OsString> {
    let p = path_arg(vm, func, "name", v)?;
    Ok(p.path.into_os_string())
}

pub(super) fn p_putenv(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "putenv", 2, 2)?;
    let k = env_name(vm, "putenv", &args[0])?;
    let v = env_name(vm, "putenv", &args[1])?;
    let kb = std::os::unix::ffi::OsStrExt::as_bytes(k.as_os_str());
    if kb.is_empty() || kb.contains(&b'=') {
        return Err(PyErr::value_error("illegal environment variable name"));
    }
    std::env::set_var(k, v);
    Ok(Value::None)
}

pub(super) fn p_unsetenv(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "unsetenv", 1, 1)?;
    let k = env_name(vm, "unsetenv", &args[0])?;
    let kb = std::os::unix::ffi::OsStrExt::as_bytes(k.as_os_str());
    if kb.is_empty() || kb.contains(&b'=') {
        return Err(PyErr::value_error("illegal environment variable name"));
    }
    std::env::remove_var(k);
    Ok(Value::None)
}

pub(super) fn p_urandom(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "urandom", 1, 1)?;
    let n = vm.index_value(&args[0])?;
    if n < 0 {
        return Err(PyErr::value_error("negative argument not allowed"));
    }
    let n = usize::try_from(n).map_err(|_| PyErr::overflow("size too large"))?;
    super::super::charge(vm, (n / 64) as u64)?;
    let mut buf = vec![0u8; n];
    std::fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut buf))
        .map_err(|e| crate::oserror::from_io(&e, None))?;
    Ok(Value::Bytes(Rc::new(buf)))
}

pub(super) fn p_strerror(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "strerror", 1, 1)?;
    let n = vm.index_value(&args[0])?;
    let text = match i32::try_from(n) {
        Ok(code) => crate::oserror::strerror(&std::io::Error::from_raw_os_error(code)),
        Err(_) => format!("Unknown error {n}"),
    };
    Ok(Value::string(text))
}

/// `_exit(n)`: ends the process at once (the VM's buffered output is
/// written first, as CPython's unbuffered-at-exit streams would have been).
pub(super) fn p_exit(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "_exit", 1, 1)?;
    let n = vm.index_value(&args[0])?;
    vm.flush();
    std::process::exit(n as i32)
}

/// `abort()`: ends the process with `SIGABRT` (a core dump where enabled),
/// writing nothing that is buffered, as the C library's `abort` does.
pub(super) fn p_abort(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    positional(&a, "abort", 0, 0)?;
    std::process::abort()
}

pub(super) static UNAME_RESULT: StructSeqType = StructSeqType {
    name: "posix.uname_result",
    fields: &["sysname", "nodename", "release", "version", "machine"],
    n_in_sequence: 5,
    constructible: true,
    fill: None,
};

pub(super) static TIMES_RESULT: StructSeqType = StructSeqType {
    name: "posix.times_result",
    fields: &[
        "user",
        "system",
        "children_user",
        "children_system",
        "elapsed",
    ],
    n_in_sequence: 5,
    constructible: true,
    fill: None,
};

fn kernel(name: &str, default: &str) -> Value {
    let v = std::fs::read_to_string(format!("/proc/sys/kernel/{name}"))
        .map(|s| s.trim_end().to_string())
        .unwrap_or_else(|_| default.to_string());
    Value::string(v)
}

pub(super) fn p_uname(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    no_args(&a, "uname")?;
    Ok(structseq::new(
        vm,
        &UNAME_RESULT,
        vec![
            kernel("ostype", "Linux"),
            kernel("hostname", ""),
            kernel("osrelease", ""),
            kernel("version", ""),
            Value::str(std::env::consts::ARCH),
        ],
    ))
}

/// `times()`: user and system time from `/proc/self/stat` (in clock ticks
/// of 1/100 s), elapsed time since boot from `/proc/uptime`.
pub(super) fn p_times(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    no_args(&a, "times")?;
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the parenthesised command name; utime is field 14.
    let after = stat.rfind(')').map_or("", |i| &stat[i + 1..]);
    let f: Vec<f64> = after
        .split_whitespace()
        .map(|x| x.parse::<f64>().unwrap_or(0.0) / 100.0)
        .collect();
    let get = |i: usize| Value::Float(f.get(i).copied().unwrap_or(0.0));
    let up = std::fs::read_to_string("/proc/uptime")
        .ok()
        .and_then(|s| s.split_whitespace().next().and_then(|x| x.parse().ok()))
        .unwrap_or(0.0);
    Ok(structseq::new(
        vm,
        &TIMES_RESULT,
        vec![get(11), get(12), get(13), get(14), Value::Float(up)],
    ))
}

/// `umask(mask)`: sets the mask, returns the previous one.
pub(super) fn p_umask(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "umask", 1, 1)?;
    let mask = vm.index_value(&args[0])?;
    // A C `int`, cast to `mode_t` as C does (`umask(-1)` masks everything).
    let mask = i32::try_from(mask)
        .map_err(|_| PyErr::overflow("Python int too large to convert to C int"))?;
    Ok(Value::Int(i64::from(super::raw::umask(mask as u32))))
}

pub(super) fn p_cpu_count(_vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    no_args(&a, "cpu_count")?;
    Ok(std::thread::available_parallelism().map_or(Value::None, |n| Value::Int(n.get() as i64)))
}

fn status_arg(vm: &mut Vm, a: &Args<'_>, name: &str) -> PyResult<i64> {
    let b = crate::native::bind_args(a, name, &["status"], 1)?;
    vm.index_value(b[0].unwrap_or(&Value::None))
}

pub(super) fn p_wifexited(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = status_arg(vm, &a, "WIFEXITED")?;
    Ok(Value::Bool(s & 0x7f == 0))
}

pub(super) fn p_wexitstatus(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = status_arg(vm, &a, "WEXITSTATUS")?;
    Ok(Value::Int((s >> 8) & 0xff))
}

pub(super) fn p_wifsignaled(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = status_arg(vm, &a, "WIFSIGNALED")?;
    Ok(Value::Bool(((s & 0x7f) + 1) as i8 >> 1 > 0))
}

pub(super) fn p_wtermsig(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = status_arg(vm, &a, "WTERMSIG")?;
    Ok(Value::Int(s & 0x7f))
}

pub(super) fn p_wifstopped(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = status_arg(vm, &a, "WIFSTOPPED")?;
    Ok(Value::Bool(s & 0xff == 0x7f))
}

pub(super) fn p_wstopsig(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = status_arg(vm, &a, "WSTOPSIG")?;
    Ok(Value::Int((s >> 8) & 0xff))
}

pub(super) fn p_waitstatus_to_exitcode(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let s = status_arg(vm, &a, "waitstatus_to_exitcode")?;
    if s & 0x7f == 0 {
        return Ok(Value::Int((s >> 8) & 0xff));
    }
    if ((s & 0x7f) + 1) as i8 >> 1 > 0 {
        return Ok(Value::Int(-(s & 0x7f)));
    }
    // WIFSTOPPED: a stopped process has no exit code yet.
    if s & 0xff == 0x7f {
        return Err(PyErr::value_error(format!(
            "process stopped by delivery of signal {}",
            (s >> 8) & 0xff
        )));
    }
    Err(PyErr::value_error(format!("invalid wait status: {s}")))
}

/// `os.confstr_names`: Linux's values.
pub(super) const CONFSTR_NAMES: &[(&str, i32)] = &[
    ("CS_GNU_LIBC_VERSION", 2),
    ("CS_GNU_LIBPTHREAD_VERSION", 3),
    ("CS_LFS64_CFLAGS", 1004),
    ("CS_LFS64_LDFLAGS", 1005),
    ("CS_LFS64_LIBS", 1006),
    ("CS_LFS64_LINTFLAGS", 1007),
    ("CS_LFS_CFLAGS", 1000),
    ("CS_LFS_LDFLAGS", 1001),
    ("CS_LFS_LIBS", 1002),
    ("CS_LFS_LINTFLAGS", 1003),
    ("CS_PATH", 0),
    ("CS_XBS5_ILP32_OFF32_CFLAGS", 1100),
    ("CS_XBS5_ILP32_OFF32_LDFLAGS", 1101),
    ("CS_XBS5_ILP32_OFF32_LIBS", 1102),
    ("CS_XBS5_ILP32_OFF32_LINTFLAGS", 1103),
    ("CS_XBS5_ILP32_OFFBIG_CFLAGS", 1104),
    ("CS_XBS5_ILP32_OFFBIG_LDFLAGS", 1105),
    ("CS_XBS5_ILP32_OFFBIG_LIBS", 1106),
    ("CS_XBS5_ILP32_OFFBIG_LINTFLAGS", 1107),
    ("CS_XBS5_LP64_OFF64_CFLAGS", 1108),
    ("CS_XBS5_LP64_OFF64_LDFLAGS", 1109),
    ("CS_XBS5_LP64_OFF64_LIBS", 1110),
    ("CS_XBS5_LP64_OFF64_LINTFLAGS", 1111),
    ("CS_XBS5_LPBIG_OFFBIG_CFLAGS", 1112),
    ("CS_XBS5_LPBIG_OFFBIG_LDFLAGS", 1113),
    ("CS_XBS5_LPBIG_OFFBIG_LIBS", 1114),
    ("CS_XBS5_LPBIG_OFFBIG_LINTFLAGS", 1115),
];

/// `confstr(name)`: a configuration string (`platform.libc_ver` reads
/// `CS_GNU_LIBC_VERSION`), named by a string of `confstr_names` or an int.
pub(super) fn p_confstr(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "confstr", 1, 1)?;
    let name = match &args[0] {
        Value::Str(s) => CONFSTR_NAMES
            .iter()
            .find(|(n, _)| *n == s.as_str())
            .map(|&(_, v)| v)
            .ok_or_else(|| PyErr::value_error("unrecognized configuration name"))?,
        v @ (Value::Int(_) | Value::Bool(_) | Value::BigInt(_)) => {
            let n = vm.index_value(v)?;
            i32::try_from(n)
                .map_err(|_| PyErr::overflow("Python int too large to convert to C int"))?
        }
        _ => {
            return Err(PyErr::type_error(
                "configuration names must be strings or integers",
            ))
        }
    };
    match super::raw::confstr(name) {
        Ok(Some(b)) => Ok(Value::string(String::from_utf8_lossy(&b).into_owned())),
        Ok(None) => Ok(Value::None),
        Err(e) => Err(super::fd::errno_err(e)),
    }
}
