//! File-descriptor calls (`open`, `read`, `write`, `close`, `lseek`, ...).
//!
//! Descriptors opened by `os.open` live in a table keyed by their number, as
//! `File`s that close them when dropped; reads, writes and `close` on any
//! other descriptor (pipes, inherited ones) are the system calls of `raw`.

use std::cell::RefCell;
use std::collections::HashMap;
use std::fs::File;
use std::io::{IsTerminal, Read, Seek, SeekFrom, Write};
use std::os::fd::AsRawFd;
use std::rc::Rc;

use crate::buffer::bytes_like;
use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::native::{bind_args, positional};
use crate::value::Value;
use crate::vm::Vm;

use super::path::path_arg;
use super::stat::stat_result;

thread_local! {
    static FILES: RefCell<HashMap<i64, Rc<File>>> = RefCell::new(HashMap::new());
}

const EBADF: i64 = 9;

fn bad_fd() -> PyErr {
    crate::oserror::new_os_error(EBADF, "Bad file descriptor", None)
}

fn io_err(e: &std::io::Error) -> PyErr {
    crate::oserror::from_io(e, None)
}

/// Drops (and so closes) the descriptors of `fds` that `os.open` owns, for
/// `closerange`, which then closes the rest by number.
pub(super) fn forget_fds(fds: &std::collections::HashSet<i32>) {
    FILES.with(|t| {
        t.borrow_mut()
            .retain(|fd, _| i32::try_from(*fd).map_or(true, |n| !fds.contains(&n)))
    });
}

fn register(f: File) -> i64 {
    let fd = i64::from(f.as_raw_fd());
    FILES.with(|t| t.borrow_mut().insert(fd, Rc::new(f)));
    fd
}

/// Runs `f` on the open file behind `fd`: one of ours, or any other open
/// descriptor of the process, borrowed (reopening `/proc/self/fd/N` would
/// block on a pipe and lose its flags).
fn with_file<T>(fd: i64, f: impl FnOnce(&File) -> std::io::Result<T>) -> PyResult<T> {
    if let Some(file) = FILES.with(|t| t.borrow().get(&fd).cloned()) {
        return f(&file).map_err(|e| io_err(&e));
    }
    let n = i32::try_from(fd).map_err(|_| bad_fd())?;
    super::raw::with_borrowed(n, f)
        .map_err(errno_err)?
        .map_err(|e| io_err(&e))
}

fn fd_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    vm.index_value(v)
}

/// `fstat(fd)` for `fstat` and `stat(fd)`.
pub(super) fn fstat_fd(vm: &mut Vm, fd: i64) -> PyResult<Value> {
    let m = with_file(fd, File::metadata)?;
    Ok(stat_result(vm, &m))
}

pub(super) fn p_fstat(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let b = bind_args(&a, "fstat", &["fd"], 1)?;
    let fd = fd_arg(vm, b[0].unwrap_or(&Value::None))?;
    fstat_fd(vm, fd)
}

/// `open(path, flags, mode=0o777, *, dir_fd=None)`: `openat`, made
/// non-inheritable (PEP 446).
pub(super) fn p_open(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let b = bind_args(&a, "open", &["path", "flags", "mode", "dir_fd"], 2)?;
    let p = path_arg(vm, "open", "path", b[0].unwrap_or(&Value::None))?;
    let flags = crate::modules::cint::as_c_int(vm, b[1].unwrap_or(&Value::None))?;
    let mode = match b[2] {
        Some(v) => crate::modules::cint::as_c_int(vm, v)?,
        None => 0o777,
    };
    let dir_fd = super::fs::dir_fd_arg(vm, b[3])?;
    let c =
        super::raw_at::c_path(&p.path).ok_or_else(|| PyErr::value_error("embedded null byte"))?;
    let fd = super::raw_at::openat(dir_fd, &c, flags, mode as u32).map_err(|e| {
        crate::oserror::from_io(&std::io::Error::from_raw_os_error(e), Some(p.orig.clone()))
    })?;
    let f = super::raw::own_fd(fd).map_err(errno_err)?;
    Ok(Value::Int(register(f)))
}

pub(super) fn p_close(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let b = bind_args(&a, "close", &["fd"], 1)?;
    let fd = fd_arg(vm, b[0].unwrap_or(&Value::None))?;
    match FILES.with(|t| t.borrow_mut().remove(&fd)) {
        Some(_) => Ok(Value::None),
        None => {
            let n = i32::try_from(fd).map_err(|_| bad_fd())?;
            super::raw::close(n).map_err(errno_err)?;
            Ok(Value::None)
        }
    }
}

/// The `OSError` for an `errno` from a system call.
pub(crate) fn errno_err(e: i32) -> PyErr {
    io_err(&std::io::Error::from_raw_os_error(e))
}

/// Hands the descriptor `fd` over to a new owner (an `open(fd)` file
/// object): taken out of `os.open`'s table, or adopted as it is.
pub(crate) fn adopt_fd(fd: i32) -> PyResult<File> {
    if let Some(f) = FILES.with(|t| t.borrow_mut().remove(&i64::from(fd))) {
        return match Rc::try_unwrap(f) {
            Ok(f) => Ok(f),
            // Still in use elsewhere: the new owner gets its own copy.
            Err(shared) => shared.try_clone().map_err(|e| io_err(&e)),
        };
    }
    super::raw::own_fd(fd).map_err(errno_err)
}

pub(super) fn p_read(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "read", 2, 2)?;
    let fd = fd_arg(vm, &args[0])?;
    let n = vm.index_value(&args[1])?;
    if n < 0 {
        return Err(crate::oserror::new_os_error(22, "Invalid argument", None));
    }
    let mut buf = vec![0u8; (n as usize).min(1 << 24)];
    let got = if fd == 0 && FILES.with(|t| !t.borrow().contains_key(&0)) {
        // Through `std`'s buffer, which `sys.stdin` may share.
        std::io::stdin().read(&mut buf).map_err(|e| io_err(&e))?
    } else {
        let n = i32::try_from(fd).map_err(|_| bad_fd())?;
        loop {
            // Again after a signal: its handler may have started a thread.
            if let Some(r) = crate::modules::thread::fd_wait::read(vm, n, buf.len()) {
                return r;
            }
            match super::raw::read_once(n, &mut buf) {
                Ok(got) => break got,
                // PEP 475: a signal's handler runs, then the read goes on.
                Err(libc::EINTR) => vm.check_signals()?,
                Err(e) => return Err(errno_err(e)),
            }
        }
    };
    buf.truncate(got);
    Ok(Value::Bytes(Rc::new(buf)))
}

pub(crate) fn p_write(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "write", 2, 2)?;
    let fd = fd_arg(vm, &args[0])?;
    let data = bytes_like(&args[1])?;
    let ours = FILES.with(|t| t.borrow().contains_key(&fd));
    let r = match fd {
        1 | 2 if !ours => {
            // What the VM buffered for sys.stdout goes first.
            vm.flush();
            if fd == 1 {
                let mut o = std::io::stdout();
                o.write(&data).and_then(|n| o.flush().map(|()| n))
            } else {
                std::io::stderr().write(&data)
            }
        }
        _ => {
            let n = i32::try_from(fd).map_err(|_| bad_fd())?;
            loop {
                // Again after a signal: its handler may have started a thread.
                if let Some(r) = crate::modules::thread::fd_wait::write(vm, n, &data) {
                    return r;
                }
                match super::raw::write_once(n, &data) {
                    Ok(n) => return Ok(Value::Int(n as i64)),
                    Err(libc::EINTR) => vm.check_signals()?,
                    Err(e) => return Err(errno_err(e)),
                }
            }
        }
    };
    r.map(|n| Value::Int(n as i64)).map_err(|e| io_err(&e))
}

pub(super) fn p_lseek(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "lseek", 3, 3)?;
    let fd = fd_arg(vm, &args[0])?;
    let pos = vm.index_value(&args[1])?;
    let how = vm.index_value(&args[2])?;
    let from = match how {
        0 => SeekFrom::Start(
            u64::try_from(pos)
                .map_err(|_| crate::oserror::new_os_error(22, "Invalid argument", None))?,
        ),
        1 => SeekFrom::Current(pos),
        2 => SeekFrom::End(pos),
        _ => return Err(crate::oserror::new_os_error(22, "Invalid argument", None)),
    };
    with_file(fd, |mut f| f.seek(from)).map(|n| Value::Int(n as i64))
}

pub(super) fn p_isatty(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "isatty", 1, 1)?;
    let fd = fd_arg(vm, &args[0])?;
    let ours = FILES.with(|t| t.borrow().get(&fd).cloned());
    let tty = match (fd, ours) {
        (_, Some(f)) => f.is_terminal(),
        (0, None) => std::io::stdin().is_terminal(),
        (1, None) => std::io::stdout().is_terminal(),
        (2, None) => std::io::stderr().is_terminal(),
        _ => with_file(fd, |f| Ok(f.is_terminal())).unwrap_or(false),
    };
    Ok(Value::Bool(tty))
}

pub(super) fn p_fsync(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let b = bind_args(&a, "fsync", &["fd"], 1)?;
    // Any object with `fileno()` (`PyObject_AsFileDescriptor`).
    let fd = crate::modules::select::fd_of(vm, b[0].unwrap_or(&Value::None))?;
    with_file(i64::from(fd), File::sync_all)?;
    Ok(Value::None)
}

pub(super) fn p_ftruncate(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = positional(&a, "ftruncate", 2, 2)?;
    let fd = fd_arg(vm, &args[0])?;
    let len = vm.index_value(&args[1])?;
    truncate_fd(fd, len)?;
    Ok(Value::None)
}

/// Truncates the open file `fd` to `len` bytes (`ftruncate`, and
/// `truncate` given a descriptor).
pub(super) fn truncate_fd(fd: i64, len: i64) -> PyResult<()> {
    let len = u64::try_from(len)
        .map_err(|_| crate::oserror::new_os_error(22, "Invalid argument", None))?;
    with_file(fd, |f| f.set_len(len))
}

pub(super) fn p_device_encoding(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let b = bind_args(&a, "device_encoding", &["fd"], 1)?;
    let fd = fd_arg(vm, b[0].unwrap_or(&Value::None))?;
    let tty = p_isatty(vm, Args::positional(&[Value::Int(fd)]))?;
    Ok(if matches!(tty, Value::Bool(true)) {
        Value::str("UTF-8")
    } else {
        Value::None
    })
}

/// `os.terminal_size`, which `shutil.get_terminal_size` makes.
pub(super) static TERMINAL_SIZE: super::super::structseq::StructSeqType =
    super::super::structseq::StructSeqType {
        name: "os.terminal_size",
        fields: &["columns", "lines"],
        n_in_sequence: 2,
        constructible: true,
        fill: None,
    };
