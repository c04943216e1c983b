//! `_io._IOBase`'s own methods, which Python subclasses of `io.IOBase`
//! (`zipfile._ZipWriteFile`, `gzip`'s, ...) inherit: the `closed` flag kept
//! in the instance's `__IOBase_closed`, `close`/`flush`, the context manager
//! and line iteration over the subclass's `readline`. Pith's concrete file
//! classes define their own versions of all of these.

use std::rc::Rc;

use crate::exc::{PyErr, PyResult};
use crate::func::{Args, BuiltinDef};
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::Vm;

macro_rules! base_methods {
    ($( $name:literal => $f:path ),* $(,)?) => {
        static METHODS: &[BuiltinDef] = &[
            $( BuiltinDef { name: $name, func: $f, owner: "_IOBase", is_method: true }, )*
        ];
    };
}

base_methods! {
    "close" => close,
    "flush" => flush,
    "__enter__" => enter,
    "__exit__" => exit,
    "readable" => no,
    "writable" => no,
    "seekable" => no,
    "isatty" => isatty,
    "tell" => tell,
    "__iter__" => iter,
    "__next__" => next,
    "readline" => readline,
    "readlines" => readlines,
    "writelines" => writelines,
    "_checkClosed" => check_closed,
    "_checkReadable" => check_readable,
    "_checkWritable" => check_writable,
    "_checkSeekable" => check_seekable,
    "fileno" => unsupported_fileno,
    "seek" => unsupported_seek,
    "truncate" => unsupported_truncate,
    "__del__" => finalize,
}

/// `_RawIOBase`'s `read` and `readall`, over the subclass's `readinto`.
static RAW_METHODS: &[BuiltinDef] = &[
    BuiltinDef {
        name: "read",
        func: raw_read,
        owner: "_RawIOBase",
        is_method: true,
    },
    BuiltinDef {
        name: "readall",
        func: raw_readall,
        owner: "_RawIOBase",
        is_method: true,
    },
];

/// `_RawIOBase`'s `readinto` and `write`, which a subclass must define.
static RAW_ABSTRACT: &[BuiltinDef] = &[
    BuiltinDef {
        name: "readinto",
        func: not_implemented,
        owner: "_RawIOBase",
        is_method: true,
    },
    BuiltinDef {
        name: "write",
        func: not_implemented,
        owner: "_RawIOBase",
        is_method: true,
    },
];

/// `_BufferedIOBase`'s methods: `readinto`/`readinto1` over the subclass's
/// `read`/`read1`, the others refused until a subclass defines them.
static BUFFERED_METHODS: &[BuiltinDef] = &[
    BuiltinDef {
        name: "read",
        func: unsupported_read,
        owner: "_BufferedIOBase",
        is_method: true,
    },
    BuiltinDef {
        name: "read1",
        func: unsupported_read1,
        owner: "_BufferedIOBase",
        is_method: true,
    },
    BuiltinDef {
        name: "write",
        func: unsupported_write,
        owner: "_BufferedIOBase",
        is_method: true,
    },
    BuiltinDef {
        name: "detach",
        func: unsupported_detach,
        owner: "_BufferedIOBase",
        is_method: true,
    },
    BuiltinDef {
        name: "readinto",
        func: buffered_readinto,
        owner: "_BufferedIOBase",
        is_method: true,
    },
    BuiltinDef {
        name: "readinto1",
        func: buffered_readinto1,
        owner: "_BufferedIOBase",
        is_method: true,
    },
];

/// `_TextIOBase`'s methods, refused until a subclass defines them.
static TEXT_METHODS: &[BuiltinDef] = &[
    BuiltinDef {
        name: "read",
        func: unsupported_read,
        owner: "_TextIOBase",
        is_method: true,
    },
    BuiltinDef {
        name: "readline",
        func: unsupported_readline,
        owner: "_TextIOBase",
        is_method: true,
    },
    BuiltinDef {
        name: "write",
        func: unsupported_write,
        owner: "_TextIOBase",
        is_method: true,
    },
    BuiltinDef {
        name: "detach",
        func: unsupported_detach,
        owner: "_TextIOBase",
        is_method: true,
    },
];

fn set_methods(vm: &mut Vm, class: &Value, defs: &'static [BuiltinDef]) -> PyResult<()> {
    for def in defs {
        let key = vm.intern(def.name);
        vm.set_attr(class, &key, Value::Builtin(def))?;
    }
    Ok(())
}

/// Puts `read`, `readall`, `readinto` and `write` on `_RawIOBase`.
pub(super) fn install_raw(vm: &mut Vm, class: &Value) -> PyResult<()> {
    set_methods(vm, class, RAW_METHODS)?;
    set_methods(vm, class, RAW_ABSTRACT)
}

/// Puts the methods of `_BufferedIOBase` on it.
pub(super) fn install_buffered(vm: &mut Vm, class: &Value) -> PyResult<()> {
    set_methods(vm, class, BUFFERED_METHODS)
}

/// Puts the methods of `_TextIOBase` on it.
pub(super) fn install_text(vm: &mut Vm, class: &Value) -> PyResult<()> {
    // CPython's `encoding`, `newlines` and `errors` getters (all `None`)
    // are left out: as data descriptors they would hide the attributes a
    // delegated `TextIOWrapper` finds through `__getattr__`.
    set_methods(vm, class, TEXT_METHODS)
}

fn not_implemented(_: &mut Vm, _: Args<'_>) -> PyResult<Value> {
    Err(PyErr::with_args(ExcKind::NotImplementedError, Vec::new()))
}

/// The methods a base class only names: `io.UnsupportedOperation` with the
/// method's name as its message, as CPython's `iobase_unsupported` and
/// `bufferediobase_unsupported` raise.
macro_rules! refusals {
    ($( $f:ident => $name:literal ),* $(,)?) => {
        $(
            fn $f(vm: &mut Vm, _: Args<'_>) -> PyResult<Value> {
                Err(super::unsupported(vm, $name))
            }
        )*
    };
}

refusals! {
    unsupported_fileno => "fileno",
    unsupported_seek => "seek",
    unsupported_truncate => "truncate",
    unsupported_read => "read",
    unsupported_read1 => "read1",
    unsupported_readline => "readline",
    unsupported_write => "write",
    unsupported_detach => "detach",
}

fn buffered_readinto(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    readinto_generic(vm, &a, "read")
}

fn buffered_readinto1(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    readinto_generic(vm, &a, "read1")
}

/// `BufferedIOBase.readinto(b)` and `readinto1(b)`: one call of `read` (or
/// `read1`) for `len(b)` bytes, copied into the front of `b`; the count.
fn readinto_generic(vm: &mut Vm, a: &Args<'_>, read: &str) -> PyResult<Value> {
    let obj = this(a)?;
    let method = if read == "read" {
        "readinto"
    } else {
        "readinto1"
    };
    let buf = match (a.pos.get(1), a.pos.len()) {
        (Some(b), 2) => b,
        (_, n) => {
            return Err(PyErr::type_error(format!(
                "_BufferedIOBase.{method}() takes exactly one argument ({} given)",
                n.saturating_sub(1)
            )))
        }
    };
    let view = match crate::buffer::writable(buf) {
        Some(view) => view?,
        None => {
            return Err(PyErr::type_error(format!(
                "{method}() argument must be read-write bytes-like object, not {}",
                crate::types::type_name(buf)
            )))
        }
    };
    let len = view.nbytes() as usize;
    let data = vm.call_method(obj, read, &[Value::Int(len as i64)])?;
    let Value::Bytes(data) = data else {
        return Err(PyErr::type_error("read() should return bytes"));
    };
    if data.len() > len {
        return Err(PyErr::value_error(format!(
            "read() returned too much data: {len} bytes requested, {} returned",
            data.len()
        )));
    }
    view.write_bytes(&data)?;
    Ok(Value::Int(data.len() as i64))
}

/// `IOBase.__del__` (CPython's `iobase_finalize`): an object that is not
/// yet closed is closed, with `_finalizing` set so `close` can tell; what
/// `close` raises is dropped, as a release build of CPython does outside
/// development mode (printing spurious tracebacks at shutdown is worse).
fn finalize(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let obj = this(&a)?;
    if super::delegate::release_if_busy(obj) {
        return Ok(Value::None);
    }
    let key = vm.intern("closed");
    let closed = match vm.get_attr(obj, &key) {
        Ok(v) => vm.truthy(&v).unwrap_or(true),
        Err(_) => true,
    };
    if closed {
        return Ok(Value::None);
    }
    let key = vm.intern("_finalizing");
    let _ = vm.set_attr(obj, &key, Value::Bool(true));
    let _ = vm.call_method(obj, "close", &[]);
    Ok(Value::None)
}

/// When the eval loop calls `read`/`readall` of a Python raw stream (a
/// `socket.SocketIO`) directly: the error that has it run `_pyio`'s
/// `RawIOBase` method (the same algorithm, in Python) as a frame instead,
/// so the `readinto` it makes, which may block, switches threads directly
/// rather than waiting under this Rust frame.
/// `args` are the receiver and the checked arguments.
fn tail_call_pyio(vm: &mut Vm, args: Vec<Value>, name: &str) -> PyResult<Option<PyErr>> {
    let pyio = vm.import_dotted("_pyio")?;
    let class_key = vm.intern("RawIOBase");
    let class = vm.get_attr(&pyio, &class_key)?;
    let key = vm.intern(name);
    let Value::Function(f) = vm.get_attr(&class, &key)? else {
        return Ok(None);
    };
    Ok(Some(vm.request_tail_call(f, args, Vec::new())))
}

/// `RawIOBase.read(size=-1)`: `readinto` a fresh `bytearray` of `size`
/// bytes (`readall()` for a negative size); `None` when `readinto` gives
/// `None` (no data from a non-blocking stream).
fn raw_read(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    // Read before `__index__` of the size, a call from Rust, clears it.
    // Only with other threads alive: `_pyio`'s `read` is laxer about what
    // `readinto` returns, and alone nothing needs the direct switch.
    let direct = vm.called_directly() && vm.sched.threads.len() > 1;
    let obj = this(&a)?;
    let size = super::int_arg_or(vm, a.pos.get(1).or_else(|| a.kw("size")), -1)?;
    if direct {
        let args = vec![obj.clone(), Value::Int(size)];
        if let Some(e) = tail_call_pyio(vm, args, "read")? {
            return Err(e);
        }
    }
    if size < 0 {
        return vm.call_method(obj, "readall", &[]);
    }
    let len = usize::try_from(size).unwrap_or(0);
    let buf = Rc::new(crate::bytearray_obj::ByteArrayObj::new(vec![0u8; len]));
    let n = vm.call_method(obj, "readinto", &[Value::ByteArray(buf.clone())])?;
    if matches!(n, Value::None) {
        return Ok(Value::None);
    }
    let n = vm.index_value(&n)?;
    let mut data = buf.borrow().clone();
    let n = usize::try_from(n)
        .ok()
        .filter(|&n| n <= data.len())
        .ok_or_else(|| {
            PyErr::value_error(format!("readinto returned {n} outside buffer size {len}"))
        })?;
    data.truncate(n);
    Ok(Value::Bytes(Rc::new(data)))
}

/// `RawIOBase.readall()`: `read(8192)` until an empty read; `None` if the
/// first read gives `None`.
fn raw_readall(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let obj = this(&a)?;
    if vm.called_directly() && vm.sched.threads.len() > 1 {
        if let Some(e) = tail_call_pyio(vm, vec![obj.clone()], "readall")? {
            return Err(e);
        }
    }
    let mut out = Vec::new();
    loop {
        let chunk = vm.call_method(obj, "read", &[Value::Int(8192)])?;
        match &chunk {
            Value::None if out.is_empty() => return Ok(Value::None),
            Value::None => break,
            Value::Bytes(b) if b.is_empty() => break,
            Value::Bytes(b) => out.extend_from_slice(b),
            other => {
                return Err(PyErr::type_error(format!(
                    "read() should return bytes, not {}",
                    crate::types::type_name(other)
                )))
            }
        }
    }
    Ok(Value::Bytes(Rc::new(out)))
}

static CLOSED_GETTER: BuiltinDef = BuiltinDef {
    name: "closed",
    func: closed,
    owner: "_IOBase",
    is_method: true,
};

/// Puts the methods and the `closed` property on `_IOBase`.
pub(super) fn install(vm: &mut Vm, class: &Value) -> PyResult<()> {
    for def in METHODS {
        let key = vm.intern(def.name);
        vm.set_attr(class, &key, Value::Builtin(def))?;
    }
    let prop = Value::Descr(Rc::new(crate::descr::Descr::Property {
        fget: Value::Builtin(&CLOSED_GETTER),
        fset: Value::None,
        fdel: Value::None,
        doc: std::cell::RefCell::new(Value::None),
        name: std::cell::RefCell::new(Value::str("closed")),
    }));
    let key = vm.intern("closed");
    vm.set_attr(class, &key, prop)
}

/// `IOBase.tell()`: `self.seek(0, 1)`, as CPython's does.
fn tell(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let obj = this(&a)?;
    let key = vm.intern("seek");
    let seek = vm.get_attr(obj, &key)?;
    vm.call(&seek, &[Value::Int(0), Value::Int(1)])
}

fn this<'a>(a: &Args<'a>) -> PyResult<&'a Value> {
    a.pos
        .first()
        .ok_or_else(|| PyErr::type_error("descriptor of '_io._IOBase' object needs an argument"))
}

fn is_closed(vm: &mut Vm, obj: &Value) -> PyResult<bool> {
    let key = vm.intern("__IOBase_closed");
    match vm.get_attr(obj, &key) {
        Ok(v) => vm.truthy(&v),
        Err(e) if e.is(ExcKind::AttributeError) => Ok(false),
        Err(e) => Err(e),
    }
}

fn check_open(vm: &mut Vm, obj: &Value) -> PyResult<()> {
    if is_closed(vm, obj)? {
        return Err(PyErr::value_error("I/O operation on closed file."));
    }
    Ok(())
}

/// CPython's `iobase_check_closed`: the derived `closed` attribute (a
/// subclass's own property, as `BZ2File`'s), not the base's flag.
fn check_closed_attr(vm: &mut Vm, obj: &Value) -> PyResult<()> {
    let key = vm.intern("closed");
    let closed = match vm.get_attr(obj, &key) {
        Ok(v) => v,
        Err(e) if e.is(ExcKind::AttributeError) => return Ok(()),
        Err(e) => return Err(e),
    };
    if vm.truthy(&closed)? {
        return Err(PyErr::value_error("I/O operation on closed file."));
    }
    Ok(())
}

/// `_checkClosed()`: `ValueError` when the stream's `closed` is true
/// (`_io` streams inherit it; `socket.SocketIO` calls it).
fn check_closed(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    check_closed_attr(vm, this(&a)?)?;
    Ok(Value::None)
}

/// `_checkReadable()` and its siblings: the capability method's `True`,
/// else `io.UnsupportedOperation`.
fn check_capability(vm: &mut Vm, a: &Args<'_>, method: &str, what: &str) -> PyResult<Value> {
    let r = vm.call_method(this(a)?, method, &[])?;
    if !matches!(r, Value::Bool(true)) {
        return Err(super::unsupported(
            vm,
            &format!("File or stream is not {what}."),
        ));
    }
    Ok(r)
}

fn check_readable(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    check_capability(vm, &a, "readable", "readable")
}

fn check_writable(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    check_capability(vm, &a, "writable", "writable")
}

fn check_seekable(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    check_capability(vm, &a, "seekable", "seekable")
}

fn closed(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let obj = this(&a)?;
    Ok(Value::Bool(is_closed(vm, obj)?))
}

/// `close()`: flushes once, then marks the object closed even if that failed.
fn close(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let obj = this(&a)?;
    if is_closed(vm, obj)? {
        return Ok(Value::None);
    }
    let flushed = vm.call_method(obj, "flush", &[]);
    let key = vm.intern("__IOBase_closed");
    vm.set_attr(obj, &key, Value::Bool(true))?;
    flushed.map(|_| Value::None)
}

fn flush(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    check_open(vm, this(&a)?)?;
    Ok(Value::None)
}

fn enter(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let obj = this(&a)?;
    check_closed_attr(vm, obj)?;
    Ok(obj.clone())
}

fn exit(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    vm.call_method(this(&a)?, "close", &[])
}

fn no(_: &mut Vm, _: Args<'_>) -> PyResult<Value> {
    Ok(Value::Bool(false))
}

fn isatty(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    check_closed_attr(vm, this(&a)?)?;
    Ok(Value::Bool(false))
}

fn iter(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let obj = this(&a)?;
    check_closed_attr(vm, obj)?;
    Ok(obj.clone())
}

fn is_empty(v: &Value) -> bool {
    match v {
        Value::Bytes(b) => b.is_empty(),
        Value::ByteArray(b) => b.borrow().is_empty(),
        Value::Str(s) => s.as_str().is_empty() && s.surrogates().is_none(),
        _ => false,
    }
}

/// `__next__`: `readline()` until it gives an empty line; a line without a
/// length is a TypeError, as `PyObject_Size` makes it in CPython.
fn next(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let line = vm.call_method(this(&a)?, "readline", &[])?;
    if is_empty(&line) || vm.len_of(&line)? == 0 {
        return Err(PyErr::new(ExcKind::StopIteration, ""));
    }
    Ok(line)
}

/// `readline(size=-1)`: `read(1)` until a newline, as `IOBase.readline`
/// does for a stream without `peek`.
fn readline(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let obj = this(&a)?;
    let limit = match a.pos.get(1) {
        Some(Value::Int(n)) if *n >= 0 => Some(*n as usize),
        _ => None,
    };
    let mut out = Vec::new();
    while limit.map_or(true, |l| out.len() < l) {
        let chunk = vm.call_method(obj, "read", &[Value::Int(1)])?;
        let bytes = match &chunk {
            Value::Bytes(b) => b.to_vec(),
            Value::ByteArray(b) => b.borrow().clone(),
            _ => {
                return Err(PyErr::type_error(format!(
                    "read() should have returned a bytes object, not '{}'",
                    crate::types::type_name(&chunk)
                )))
            }
        };
        if bytes.is_empty() {
            break;
        }
        out.extend_from_slice(&bytes);
        if out.last() == Some(&b'\n') {
            break;
        }
    }
    Ok(Value::Bytes(Rc::new(out)))
}

/// `readlines(hint=-1)`: the lines of iterating over the object; with a
/// positive hint, lines until their total length exceeds it.
fn readlines(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let obj = this(&a)?;
    let hint = match a.pos.get(1).or_else(|| a.kw("hint")) {
        None | Some(Value::None) => -1,
        Some(v) => vm.index_value(v)?,
    };
    let it = vm.get_iter(obj)?;
    let mut lines = Vec::new();
    let mut total: i64 = 0;
    while let Some(line) = vm.iter_next(&it)? {
        if hint > 0 {
            let n = vm.len_of(&line)?;
            total = total.saturating_add(i64::try_from(n).unwrap_or(i64::MAX));
            lines.push(line);
            if total > hint {
                break;
            }
        } else {
            lines.push(line);
        }
    }
    Ok(Value::list(lines))
}

fn writelines(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let obj = this(&a)?;
    check_closed_attr(vm, obj)?;
    let Some(lines) = a.pos.get(1) else {
        return Err(PyErr::type_error(
            "writelines() takes exactly one argument (0 given)",
        ));
    };
    let items = vm.collect(lines)?;
    for line in items {
        vm.call_method(obj, "write", &[line])?;
    }
    Ok(Value::None)
}
