//! `posix`: the C module behind `os.py` (CPython's `Modules/posixmodule.c`),
//! written over `std::fs` and `std::os::unix`, so the standard library's
//! pure-Python `os`, `pathlib`, `shutil` and `tempfile` run on it.
//!
//! Calls that only the C library offers (pipes, `dup2`, `waitpid`, `kill`)
//! go through the small `unsafe` wrappers of `raw`; ids and `uname` are read
//! from `/proc`. `fork`, `execv` and `execve` are in `exec`; `subprocess`
//! starts its children through `_posixsubprocess.fork_exec`.

mod dir;
mod exec;
pub(crate) mod fd;
mod fs;
pub(crate) mod path;
mod pipe;
mod process;
pub(crate) mod raw;
mod raw_at;
mod raw_sys;
mod stat;
mod sysconf_table;
mod sysx;
mod wait;

use std::os::unix::ffi::OsStrExt;
use std::rc::Rc;

use crate::dict::Dict;
use crate::value::Value;
use crate::vm::Vm;

use super::{module_functions, new_module};

pub use path::fspath;
pub(crate) use path::path_arg;

module_functions!(POSIX_FUNCTIONS, "posix", [
    "stat" => fs::p_stat, "lstat" => fs::p_lstat, "fstat" => fd::p_fstat,
    "listdir" => dir::p_listdir, "scandir" => dir::p_scandir,
    "getcwd" => fs::p_getcwd, "getcwdb" => fs::p_getcwdb, "chdir" => fs::p_chdir,
    "mkdir" => fs::p_mkdir, "rmdir" => fs::p_rmdir, "unlink" => fs::p_unlink,
    "remove" => fs::p_remove, "rename" => fs::p_rename, "replace" => fs::p_replace,
    "readlink" => fs::p_readlink, "symlink" => fs::p_symlink, "link" => fs::p_link,
    "chmod" => fs::p_chmod, "chown" => fs::p_chown, "lchown" => fs::p_lchown,
    "utime" => fs::p_utime, "access" => fs::p_access,
    "truncate" => fs::p_truncate, "fspath" => fs::p_fspath,
    "open" => fd::p_open, "read" => fd::p_read, "write" => fd::p_write,
    "close" => fd::p_close, "lseek" => fd::p_lseek, "isatty" => fd::p_isatty,
    "fsync" => fd::p_fsync, "ftruncate" => fd::p_ftruncate,
    "device_encoding" => fd::p_device_encoding, "get_terminal_size" => exec::p_get_terminal_size,
    "fork" => exec::p_fork, "register_at_fork" => exec::p_register_at_fork,
    "execv" => exec::p_execv, "execve" => exec::p_execve,
    "sysconf" => exec::p_sysconf, "getloadavg" => exec::p_getloadavg,
    "wait" => sysx::p_wait, "statvfs" => sysx::p_statvfs, "fstatvfs" => sysx::p_fstatvfs,
    "getgroups" => sysx::p_getgroups, "getpgrp" => sysx::p_getpgrp, "getsid" => sysx::p_getsid,
    "setsid" => sysx::p_setsid, "openpty" => sysx::p_openpty,
    "ttyname" => sysx::p_ttyname, "setpgid" => sysx::p_setpgid,
    "sched_getaffinity" => sysx::p_sched_getaffinity, "sched_yield" => sysx::p_sched_yield,
    "closerange" => sysx::p_closerange, "fchmod" => sysx::p_fchmod, "fchdir" => sysx::p_fchdir,
    "fdatasync" => sysx::p_fdatasync, "sync" => sysx::p_sync, "mkfifo" => sysx::p_mkfifo,
    "nice" => sysx::p_nice, "pread" => sysx::p_pread, "pwrite" => sysx::p_pwrite,
    "major" => sysx::p_major, "minor" => sysx::p_minor, "makedev" => sysx::p_makedev,
    "putenv" => process::p_putenv, "unsetenv" => process::p_unsetenv,
    "getpid" => process::p_getpid, "getppid" => process::p_getppid,
    "getuid" => process::p_getuid, "geteuid" => process::p_geteuid,
    "getgid" => process::p_getgid, "getegid" => process::p_getegid,
    "urandom" => process::p_urandom, "strerror" => process::p_strerror,
    "_exit" => process::p_exit, "abort" => process::p_abort, "uname" => process::p_uname, "times" => process::p_times,
    "umask" => process::p_umask, "cpu_count" => process::p_cpu_count,
    "WIFEXITED" => process::p_wifexited, "WEXITSTATUS" => process::p_wexitstatus,
    "WIFSIGNALED" => process::p_wifsignaled, "WTERMSIG" => process::p_wtermsig,
    "WIFSTOPPED" => process::p_wifstopped, "WSTOPSIG" => process::p_wstopsig,
    "waitstatus_to_exitcode" => process::p_waitstatus_to_exitcode,
    "WCOREDUMP" => wait::p_wcoredump, "WIFCONTINUED" => wait::p_wifcontinued,
    "waitpid" => wait::p_waitpid, "kill" => wait::p_kill, "killpg" => wait::p_killpg,
    "getpgid" => wait::p_getpgid, "system" => wait::p_system,
    "confstr" => process::p_confstr,
    "pipe" => pipe::p_pipe, "pipe2" => pipe::p_pipe2, "dup" => pipe::p_dup,
    "dup2" => pipe::p_dup2, "get_inheritable" => pipe::p_get_inheritable,
    "set_inheritable" => pipe::p_set_inheritable, "get_blocking" => pipe::p_get_blocking,
    "set_blocking" => pipe::p_set_blocking,
]);

/// Linux's values, as `os.O_RDONLY` ... report them.
const CONSTANTS: &[(&str, i64)] = &[
    ("O_RDONLY", 0),
    ("O_WRONLY", 1),
    ("O_RDWR", 2),
    ("O_APPEND", 1024),
    ("O_CREAT", 64),
    ("O_EXCL", 128),
    ("O_TRUNC", 512),
    ("O_NONBLOCK", 2048),
    ("O_NDELAY", 2048),
    ("O_SYNC", 1052672),
    ("O_DSYNC", 4096),
    ("O_NOCTTY", 256),
    ("O_CLOEXEC", 524288),
    ("O_DIRECTORY", 65536),
    ("O_NOFOLLOW", 131072),
    ("O_NOATIME", 262144),
    ("O_PATH", 2097152),
    ("O_TMPFILE", 4259840),
    ("O_ACCMODE", 3),
    ("O_ASYNC", 8192),
    ("O_DIRECT", 16384),
    ("O_LARGEFILE", 0),
    ("O_RSYNC", 1052672),
    ("O_FSYNC", 1052672),
    ("SEEK_DATA", 3),
    ("SEEK_HOLE", 4),
    ("F_OK", 0),
    ("R_OK", 4),
    ("W_OK", 2),
    ("X_OK", 1),
    ("EX_OK", 0),
    // `dlopen` flags (glibc's values), which `os` re-exports.
    ("RTLD_LAZY", 1),
    ("RTLD_NOW", 2),
    ("RTLD_GLOBAL", 256),
    ("RTLD_LOCAL", 0),
    ("RTLD_NODELETE", 4096),
    ("RTLD_NOLOAD", 4),
    ("RTLD_DEEPBIND", 8),
    ("EX_USAGE", 64),
    ("EX_DATAERR", 65),
    ("EX_NOINPUT", 66),
    ("EX_NOUSER", 67),
    ("EX_NOHOST", 68),
    ("EX_UNAVAILABLE", 69),
    ("EX_SOFTWARE", 70),
    ("EX_OSERR", 71),
    ("EX_OSFILE", 72),
    ("EX_CANTCREAT", 73),
    ("EX_IOERR", 74),
    ("EX_TEMPFAIL", 75),
    ("EX_PROTOCOL", 76),
    ("EX_NOPERM", 77),
    ("EX_CONFIG", 78),
    ("WNOHANG", 1),
    ("WUNTRACED", 2),
    ("WCONTINUED", 8),
    ("P_PID", 1),
    ("P_PGID", 2),
    ("P_ALL", 0),
    ("F_LOCK", 1),
    ("F_TLOCK", 2),
    ("F_ULOCK", 0),
    ("F_TEST", 3),
    ("NGROUPS_MAX", 65536),
    ("TMP_MAX", 238328),
];

/// `posix.environ`: the environment as bytes keys and values (`os.py`
/// decodes it into `os.environ`).
fn environ() -> Value {
    let mut d = Dict::new();
    for (k, v) in std::env::vars_os() {
        let _ = d.insert(
            Value::Bytes(Rc::new(k.as_bytes().to_vec())),
            Value::Bytes(Rc::new(v.as_bytes().to_vec())),
        );
    }
    Value::dict(d)
}

/// Builds the `posix` module.
pub fn init(vm: &mut Vm) -> Value {
    let mut extra: Vec<(&str, Value)> =
        CONSTANTS.iter().map(|&(n, v)| (n, Value::Int(v))).collect();
    extra.push(("environ", environ()));
    let mut names = Dict::new();
    for &(n, v) in process::CONFSTR_NAMES {
        let _ = names.insert(Value::str(n), Value::Int(i64::from(v)));
    }
    extra.push(("confstr_names", Value::dict(names)));
    let mut names = Dict::new();
    for &(n, v) in sysconf_table::SYSCONF_NAMES {
        let _ = names.insert(Value::str(n), Value::Int(i64::from(v)));
    }
    extra.push(("sysconf_names", Value::dict(names)));
    // What `os.supports_fd`, `supports_dir_fd`, `supports_effective_ids`
    // and `supports_follow_symlinks` are built from: the features these
    // functions really have, in CPython's order. `shutil.rmtree` and
    // `os.fwalk` take their descriptor-based paths from them.
    let have = [
        "HAVE_FACCESSAT",
        "HAVE_FCHDIR",
        "HAVE_FCHMOD",
        "HAVE_FCHMODAT",
        "HAVE_FCHOWN",
        "HAVE_FCHOWNAT",
        "HAVE_FDOPENDIR",
        "HAVE_FSTATAT",
        "HAVE_FSTATVFS",
        "HAVE_FTRUNCATE",
        "HAVE_FUTIMENS",
        "HAVE_LINKAT",
        "HAVE_LCHOWN",
        "HAVE_LSTAT",
        "HAVE_MKDIRAT",
        "HAVE_MKFIFOAT",
        "HAVE_OPENAT",
        "HAVE_READLINKAT",
        "HAVE_RENAMEAT",
        "HAVE_SYMLINKAT",
        "HAVE_UNLINKAT",
        "HAVE_UTIMENSAT",
    ];
    extra.push((
        "_have_functions",
        Value::list(have.iter().map(|h| Value::str(h)).collect()),
    ));
    extra.push((
        "error",
        Value::Type(crate::types::exc_type(crate::types::ExcKind::OSError)),
    ));
    extra.push(("DirEntry", dir::dir_entry_type(vm)));
    for (name, typ) in [
        ("stat_result", &stat::STAT_RESULT),
        ("terminal_size", &fd::TERMINAL_SIZE),
        ("times_result", &process::TIMES_RESULT),
        ("uname_result", &process::UNAME_RESULT),
        ("statvfs_result", &sysx::STATVFS_RESULT),
    ] {
        extra.push((name, super::structseq::class_value(vm, typ)));
    }
    new_module("posix", POSIX_FUNCTIONS, extra)
}

/// `sys.getfilesystemencodeerrors()`, which `os.fsencode` needs: the error
/// handler of the file system encoding on POSIX.
pub(crate) fn sys_getfilesystemencodeerrors(
    _vm: &mut Vm,
    a: crate::func::Args<'_>,
) -> crate::exc::PyResult<Value> {
    crate::native::positional(&a, "getfilesystemencodeerrors", 0, 0)?;
    Ok(Value::str("surrogateescape"))
}

/// `sys.audit(event, *args)`, which `os.walk`, `shutil` and `tempfile` call:
/// no audit hooks can be installed here, so (as CPython without hooks) it
/// does nothing once it has an event.
pub(crate) fn sys_audit(_vm: &mut Vm, a: crate::func::Args<'_>) -> crate::exc::PyResult<Value> {
    if a.pos.is_empty() {
        return Err(crate::exc::PyErr::type_error(
            "audit() missing 1 required positional argument: 'event'",
        ));
    }
    Ok(Value::None)
}
