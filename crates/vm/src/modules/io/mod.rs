//! `_io`, the module behind `open()` and `io`: text files (`TextIOWrapper`),
//! binary files (`BufferedReader`, `BufferedWriter`, `BufferedRandom`,
//! unbuffered `FileIO`), `StringIO` and `BytesIO`, with CPython's argument
//! checks, reprs and errors (`Modules/_io/*.c` of 3.11).
//!
//! File objects are instances of classes made when `_io` is first imported
//! (so `type(f).__name__`, `isinstance` and subclassing work as usual); the
//! Rust state of each ([`stream::ByteStream`] and its settings) lives in a
//! table keyed by the instance, dropped (closing the OS file) once the
//! instance is gone. The base classes `_IOBase`, `_RawIOBase`,
//! `_BufferedIOBase` and `_TextIOBase` exist for the standard library's
//! `io.py`, which derives its ABCs from them.

mod delegate;
pub(crate) mod export;
mod iobase;
mod memory_state;
mod methods;
mod newline_decoder;
mod opener;
pub(crate) mod stdio;
pub(crate) mod stdio_codec;
pub mod stream;

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::{Rc, Weak};

use crate::dict::Dict;
use crate::exc::{ExcObj, PyErr, PyResult};
use crate::func::{Args, BuiltinDef};
use crate::instance::Instance;
use crate::types::{ExcKind, TypeObj};
use crate::value::Value;
use crate::vm::Vm;

use stream::{ByteStream, Codec, Newline, TextMode};

/// `open` in `builtins` (the same function as `_io.open`).
pub(crate) static IO_BUILTINS: &[BuiltinDef] = &[BuiltinDef {
    name: "open",
    func: b_open,
    owner: "",
    is_method: false,
}];

super::module_functions!(FUNCTIONS, "_io", [
    "open_code" => b_open_code,
    "text_encoding" => b_text_encoding,
]);

/// What kind of object a file state belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A text file (`TextIOWrapper`).
    Text(TextMode),
    /// A binary file or `BytesIO`.
    Binary,
    /// A `StringIO` (UTF-8 in memory, positions in characters).
    StringIo(Newline),
}

/// The Rust side of one file object.
#[derive(Debug)]
pub(crate) struct FileState {
    pub(crate) stream: ByteStream,
    pub(crate) kind: Kind,
    pub(crate) readable: bool,
    pub(crate) writable: bool,
    pub(crate) closed: bool,
    /// The class name shown by `repr`.
    pub(crate) class: &'static str,
    /// A buffer wrapped by a `TextIOWrapper`: the wrapper's key. The wrapper
    /// holds the stream; the buffer borrows it back for each operation, so
    /// both see the same bytes and position.
    pub(crate) lent_to: Option<usize>,
    /// Set by `detach()`: the object no longer has a stream, and every
    /// operation says so ([`FileState::detached_error`]).
    pub(crate) detached: bool,
    /// Set on `sys.stdout`, `sys.stderr`, `sys.stdin` and their buffers,
    /// whose reads and writes go through the VM's own streams (see [`stdio`]).
    pub(crate) std: Option<crate::modules::sys::StdStream>,
}

impl FileState {
    /// The ValueError of an operation on a detached object, worded as the
    /// C class's `CHECK_ATTACHED` words it.
    pub(crate) fn detached_error(&self) -> PyErr {
        PyErr::value_error(if matches!(self.kind, Kind::Text(_)) {
            "underlying buffer has been detached"
        } else {
            "raw stream has been detached"
        })
    }
}

struct Entry {
    owner: Weak<Instance>,
    state: FileState,
}

thread_local! {
    static FILES: RefCell<HashMap<usize, Entry>> = RefCell::new(HashMap::new());
}

fn key_of(obj: &Value) -> Option<(usize, &Rc<Instance>)> {
    match obj {
        Value::Instance(i) => Some((Rc::as_ptr(i) as usize, i)),
        _ => None,
    }
}

/// Attaches `state` to the instance `obj`, dropping the states of dead instances.
pub(crate) fn attach(obj: &Value, state: FileState) {
    let Some((key, inst)) = key_of(obj) else {
        return;
    };
    let dropped: Vec<Entry> = FILES.with(|f| {
        let mut f = f.borrow_mut();
        let mut dead = Vec::new();
        if f.len() >= 16 && f.len().is_power_of_two() {
            let keys: Vec<usize> = f
                .iter()
                .filter(|(_, e)| e.owner.strong_count() == 0)
                .map(|(k, _)| *k)
                .collect();
            dead.extend(keys.into_iter().filter_map(|k| f.remove(&k)));
        }
        dead.extend(f.insert(
            key,
            Entry {
                owner: Rc::downgrade(inst),
                state,
            },
        ));
        dead
    });
    drop(dropped);
}

/// An instance whose `__del__` is due was moved to a new allocation (see
/// `Instance::resurrect_for_finalizer`): its file state and delegate, kept
/// by address, follow it so `close()` from `IOBase.__del__` finds them.
pub(crate) fn moved(old: usize, new: &Rc<Instance>) {
    let key = Rc::as_ptr(new) as usize;
    let _ = FILES.try_with(|f| {
        if let Ok(mut f) = f.try_borrow_mut() {
            if let Some(mut e) = f.remove(&old) {
                e.owner = Rc::downgrade(new);
                // A wrapper's buffer names the wrapper by address too.
                for other in f.values_mut() {
                    if other.state.lent_to == Some(old) {
                        other.state.lent_to = Some(key);
                    }
                }
                f.insert(key, e);
            }
        }
    });
    delegate::moved(old, new);
}

/// `FileIO`'s `_dealloc_warn` (CPython's `fileio_dealloc_warn`): an object
/// finalized while it still owns an open descriptor warns
/// `ResourceWarning: unclosed file <repr>`; a warning turned into an error
/// is reported as unraisable.
pub(crate) fn dealloc_warn(vm: &mut Vm, obj: &Value) {
    let owns_fd = with_state(obj, |st| {
        Ok(!st.closed
            && st.std.is_none()
            && !matches!(st.kind, Kind::StringIo(_))
            && st.stream.os_file().is_some()
            && !st.stream.is_borrowed())
    })
    .unwrap_or(false);
    if !owns_fd {
        return;
    }
    let shown = match vm.repr_of(obj) {
        Ok(s) => s,
        Err(_) => return,
    };
    let warned = vm.warnings_module(false).and_then(|_| {
        vm.do_warn(
            Value::string(format!("unclosed file {shown}")),
            Value::Type(crate::types::exc_type(ExcKind::ResourceWarning)),
            1,
            Some(obj.clone()),
        )
    });
    if let Err(e) = warned {
        if e.is(ExcKind::Warning) {
            vm.unraisable(None, obj, &e);
        }
    }
}

/// `TextIOWrapper.detach()`: the stream goes back to the buffer the
/// wrapper took it from, and the wrapper is left closed. False when `wrapper`
/// holds no stream lent by `buffer`.
pub(crate) fn give_back(wrapper: &Value, buffer: &Value) -> bool {
    let (Some((wkey, _)), Some((bkey, _))) = (key_of(wrapper), key_of(buffer)) else {
        return false;
    };
    FILES.with(|files| {
        let mut files = files.borrow_mut();
        if files.get(&bkey).and_then(|e| e.state.lent_to) != Some(wkey) {
            return false;
        }
        let Some(w) = files.get_mut(&wkey) else {
            return false;
        };
        w.state.closed = true;
        w.state.detached = true;
        let stream = std::mem::replace(&mut w.state.stream, ByteStream::memory(Vec::new()));
        if let Some(b) = files.get_mut(&bkey) {
            b.state.stream = stream;
            b.state.lent_to = None;
        }
        true
    })
}

/// Runs `f` on the state of file object `obj`.
pub(crate) fn with_state<R>(
    obj: &Value,
    f: impl FnOnce(&mut FileState) -> PyResult<R>,
) -> PyResult<R> {
    let Some((key, inst)) = key_of(obj) else {
        return Err(PyErr::type_error(format!(
            "descriptor requires an '_io' file object but received '{}'",
            crate::types::type_name(obj)
        )));
    };
    FILES.with(|files| {
        // A file object reached again while another's state is in use (a
        // `getbuffer()` view read in the middle of a call) is refused rather
        // than aliased; the callers read such arguments before borrowing.
        let Ok(mut files) = files.try_borrow_mut() else {
            return Err(PyErr::new(
                ExcKind::BufferError,
                "file object in use by another operation",
            ));
        };
        match files.get_mut(&key) {
            // The address may be reused by a new object after the old one died.
            Some(e)
                if e.owner.strong_count() > 0
                    && std::ptr::eq(e.owner.as_ptr(), Rc::as_ptr(inst)) => {}
            _ => return Err(PyErr::value_error("I/O operation on uninitialized object")),
        }
        let holder = stream_holder(&mut files, key);
        if holder == key {
            return match files.get_mut(&key) {
                Some(e) => f(&mut e.state),
                None => Err(PyErr::value_error("I/O operation on uninitialized object")),
            };
        }
        let stream = files
            .get_mut(&holder)
            .map(|w| std::mem::replace(&mut w.state.stream, ByteStream::memory(Vec::new())));
        let Some(e) = files.get_mut(&key) else {
            return Err(PyErr::value_error("I/O operation on uninitialized object"));
        };
        if let Some(s) = stream {
            e.state.stream = s;
        }
        let r = f(&mut e.state);
        let s = std::mem::replace(&mut e.state.stream, ByteStream::memory(Vec::new()));
        if let Some(w) = files.get_mut(&holder) {
            w.state.stream = s;
        }
        r
    })
}

/// The key of the live object holding the stream of `key`'s object: the
/// end of its chain of loans (a buffer's `raw` lends to the buffer, which
/// lends to its text wrapper). A loan to an object that has died is ended
/// on the way: its stream goes back to the object that lent it.
fn stream_holder(files: &mut HashMap<usize, Entry>, key: usize) -> usize {
    let mut lender = key;
    // A chain is at most raw -> buffer -> text; the bound only guards
    // against a cycle.
    for _ in 0..8 {
        let Some(next) = files.get(&lender).and_then(|e| e.state.lent_to) else {
            return lender;
        };
        let alive = files.get(&next).is_some_and(|e| e.owner.strong_count() > 0);
        if next == key || !alive {
            let stream = files
                .get_mut(&next)
                .map(|w| std::mem::replace(&mut w.state.stream, ByteStream::memory(Vec::new())));
            if let Some(e) = files.get_mut(&lender) {
                if let Some(s) = stream {
                    e.state.stream = s;
                }
                e.state.lent_to = None;
            }
            return lender;
        }
        lender = next;
    }
    lender
}

/// The `_io` module, made on first import: its classes and functions.
pub fn init(vm: &mut Vm) -> Value {
    let mut extra: Vec<(&str, Value)> = vec![
        // The same function object as `builtins.open`.
        ("open", Value::Builtin(&IO_BUILTINS[0])),
        ("DEFAULT_BUFFER_SIZE", Value::Int(8192)),
        (
            "BlockingIOError",
            Value::Type(crate::types::exc_type(ExcKind::BlockingIOError)),
        ),
    ];
    let os_error = crate::types::exc_type(ExcKind::OSError);
    let value_error = crate::types::exc_type(ExcKind::ValueError);
    let unsupported = make_class(
        vm,
        "UnsupportedOperation",
        vec![os_error, value_error],
        false,
    )
    .or_else(|_| {
        make_class(
            vm,
            "UnsupportedOperation",
            vec![crate::types::exc_type(ExcKind::OSError)],
            false,
        )
    });
    if let Ok(t) = unsupported {
        extra.push(("UnsupportedOperation", Value::Type(t)));
    }
    let base = make_class(vm, "_IOBase", Vec::new(), false).ok();
    if let Some(t) = &base {
        let _ = iobase::install(vm, &Value::Type(t.clone()));
    }
    let sub = |vm: &mut Vm, name, with_methods| {
        make_class(vm, name, base.iter().cloned().collect(), with_methods).ok()
    };
    let raw = sub(vm, "_RawIOBase", false);
    if let Some(t) = &raw {
        let _ = iobase::install_raw(vm, &Value::Type(t.clone()));
    }
    let buffered = sub(vm, "_BufferedIOBase", false);
    if let Some(t) = &buffered {
        let _ = iobase::install_buffered(vm, &Value::Type(t.clone()));
    }
    let text = sub(vm, "_TextIOBase", false);
    if let Some(t) = &text {
        let _ = iobase::install_text(vm, &Value::Type(t.clone()));
    }
    for (name, t) in [
        ("_IOBase", &base),
        ("_RawIOBase", &raw),
        ("_BufferedIOBase", &buffered),
        ("_TextIOBase", &text),
    ] {
        if let Some(t) = t {
            extra.push((name, Value::Type(t.clone())));
        }
    }
    let concrete: [(&str, &Option<Rc<TypeObj>>); 8] = [
        ("FileIO", &raw),
        ("BufferedReader", &buffered),
        ("BufferedWriter", &buffered),
        ("BufferedRandom", &buffered),
        ("BufferedRWPair", &buffered),
        ("BytesIO", &buffered),
        ("TextIOWrapper", &text),
        ("StringIO", &text),
    ];
    for (name, parent) in concrete {
        let bases = parent.iter().cloned().collect();
        if let Ok(t) = make_class(vm, name, bases, true) {
            extra.push((name, Value::Type(t)));
        }
    }
    extra.push((
        "IncrementalNewlineDecoder",
        Value::Type(newline_decoder::class(vm)),
    ));
    super::new_module("_io", FUNCTIONS, extra)
}

/// A class of `_io` (`__module__` is `_io`), with the file methods if asked.
fn make_class(
    vm: &mut Vm,
    name: &str,
    bases: Vec<Rc<TypeObj>>,
    with_methods: bool,
) -> PyResult<Rc<TypeObj>> {
    let mut ns = Dict::new();
    ns.insert(Value::str("__module__"), Value::str("_io"))?;
    ns.insert(Value::str("__qualname__"), Value::str(name))?;
    if with_methods {
        for def in methods::METHODS
            .iter()
            .filter(|d| class_has_method(name, d.name))
        {
            ns.insert(Value::str(def.name), Value::Builtin(def))?;
        }
        for def in memory_state::METHODS
            .iter()
            .filter(|_| matches!(name, "StringIO" | "BytesIO"))
        {
            ns.insert(Value::str(def.name), Value::Builtin(def))?;
        }
        ns.insert(Value::str("closed"), methods::closed_property(name))?;
        for (attr, property) in memory_state::properties(name) {
            ns.insert(Value::str(attr), property)?;
        }
        if name == "FileIO" {
            ns.insert(Value::str("mode"), methods::mode_property())?;
        }
        if name == "TextIOWrapper" {
            ns.insert(Value::str("_CHUNK_SIZE"), methods::chunk_size_property())?;
        }
    }
    crate::class::new_type(vm, None, name, bases, &ns, (&[], &[]))
}

/// Whether CPython's `_io.<class_name>` has method `method`: the classes
/// share one method table, but code tests for some of them with `hasattr`
/// (`hashlib.file_digest` takes any object with `getbuffer` for a BytesIO).
fn class_has_method(class_name: &str, method: &str) -> bool {
    match method {
        "getbuffer" => class_name == "BytesIO",
        "getvalue" => matches!(class_name, "BytesIO" | "StringIO"),
        "read1" => !matches!(class_name, "FileIO" | "TextIOWrapper" | "StringIO"),
        "readinto" => !matches!(class_name, "TextIOWrapper" | "StringIO"),
        "peek" => matches!(
            class_name,
            "BufferedReader" | "BufferedRandom" | "BufferedRWPair"
        ),
        "readinto1" => matches!(
            class_name,
            "BufferedReader" | "BufferedRandom" | "BufferedRWPair" | "BytesIO"
        ),
        "detach" => class_name != "FileIO",
        "reconfigure" => class_name == "TextIOWrapper",
        _ => true,
    }
}

/// A class of the `_io` module by name.
pub(crate) fn io_class(vm: &mut Vm, name: &str) -> PyResult<Rc<TypeObj>> {
    let module = vm.import_module("_io")?;
    let Value::Module(m) = module else {
        return Err(PyErr::system_error("_io is not a module"));
    };
    let found = crate::import::dict_get(&m.dict.borrow(), name);
    match found {
        Some(Value::Type(t)) => Ok(t),
        _ => Err(PyErr::system_error(format!("_io.{name} is missing"))),
    }
}

/// An optional C integer argument (CPython's `Py_ssize_t` or `int`
/// converter): `default` when absent, else any object with `__index__`;
/// `None` is a TypeError as in CPython.
pub(crate) fn int_arg_or(vm: &mut Vm, v: Option<&Value>, default: i64) -> PyResult<i64> {
    v.map_or(Ok(default), |v| vm.index_value(v))
}

/// `io.UnsupportedOperation(msg)`.
pub(crate) fn unsupported(vm: &mut Vm, msg: &str) -> PyErr {
    match io_class(vm, "UnsupportedOperation") {
        Ok(t) => {
            let e = ExcObj::new(t, vec![Value::str(msg)]);
            crate::oserror::init(&e);
            PyErr(Rc::new(e))
        }
        Err(e) => e,
    }
}

/// The parsed `mode` argument of `open()`.
struct OpenMode {
    reading: bool,
    writing: bool,
    appending: bool,
    creating: bool,
    updating: bool,
    binary: bool,
}

/// `_io_open_impl`'s mode checks.
fn parse_mode(mode: &str) -> PyResult<OpenMode> {
    let mut m = OpenMode {
        reading: false,
        writing: false,
        appending: false,
        creating: false,
        updating: false,
        binary: false,
    };
    let mut text = false;
    let invalid = || PyErr::value_error(format!("invalid mode: '{mode}'"));
    let mut seen = String::new();
    for c in mode.chars() {
        if !"rwxabt+".contains(c) || seen.contains(c) {
            return Err(invalid());
        }
        seen.push(c);
        match c {
            'r' => m.reading = true,
            'w' => m.writing = true,
            'a' => m.appending = true,
            'x' => m.creating = true,
            '+' => m.updating = true,
            'b' => m.binary = true,
            _ => text = true,
        }
    }
    if text && m.binary {
        return Err(PyErr::value_error(
            "can't have text and binary mode at once",
        ));
    }
    let n = [m.reading, m.writing, m.appending, m.creating]
        .iter()
        .filter(|b| **b)
        .count();
    if n > 1 {
        return Err(PyErr::value_error(
            "must have exactly one of create/read/write/append mode",
        ));
    }
    if n == 0 {
        return Err(PyErr::value_error(
            "Must have exactly one of create/read/write/append mode and at most one plus",
        ));
    }
    Ok(m)
}

impl OpenMode {
    /// `FileIO.mode`: `rb`, `wb`, `ab`, `xb`, with `+` after.
    fn raw_mode(&self) -> String {
        let base = if self.creating {
            "xb"
        } else if self.appending {
            "ab"
        } else if self.writing && !self.updating {
            "wb"
        } else {
            // `r`, `r+` and `w+` (FileIO shows `w+` as `rb+`).
            "rb"
        };
        if self.updating {
            format!("{base}+")
        } else {
            base.to_string()
        }
    }
}

fn str_arg(v: Option<&Value>, fname: &str, what: &str) -> PyResult<Option<String>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(Value::Str(s)) => Ok(Some(s.as_str().to_string())),
        Some(other) => Err(PyErr::type_error(format!(
            "{fname}() argument '{what}' must be str or None, not {}",
            crate::types::type_name(other)
        ))),
    }
}

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None,
/// newline=None, closefd=True, opener=None)`.
fn b_open(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    const NAMES: [&str; 8] = [
        "file",
        "mode",
        "buffering",
        "encoding",
        "errors",
        "newline",
        "closefd",
        "opener",
    ];
    a.check_kw("open", &NAMES)?;
    if a.pos.len() > NAMES.len() {
        return Err(PyErr::type_error(format!(
            "open() takes at most 8 arguments ({} given)",
            a.pos.len()
        )));
    }
    let arg = |i: usize| a.pos.get(i).or_else(|| a.kw(NAMES[i]));
    let Some(file) = arg(0) else {
        return Err(PyErr::type_error(
            "open() missing required argument 'file' (pos 1)",
        ));
    };
    let mode = match arg(1) {
        None => "r".to_string(),
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "open() argument 'mode' must be str, not {}",
                crate::types::type_name(other)
            )))
        }
    };
    let buffering = int_arg_or(vm, arg(2), -1)?;
    let encoding = str_arg(arg(3), "open", "encoding")?;
    let errors = str_arg(arg(4), "open", "errors")?;
    let newline = str_arg(arg(5), "open", "newline")?;
    let m = parse_mode(&mode)?;
    if m.binary {
        for (given, what) in [
            (&encoding, "an encoding"),
            (&errors, "an errors"),
            (&newline, "a newline"),
        ] {
            if given.is_some() {
                return Err(PyErr::value_error(format!(
                    "binary mode doesn't take {what} argument"
                )));
            }
        }
        if buffering == 1 {
            vm.warn(
                crate::types::ExcKind::RuntimeWarning,
                "line buffering (buffering=1) isn't supported in binary mode, \
                 the default buffer size will be used",
            )?;
        }
    } else if buffering == 0 {
        return Err(PyErr::value_error("can't have unbuffered text I/O"));
    }
    let text_mode = if m.binary {
        None
    } else {
        match text_mode(encoding.as_deref(), errors.as_deref(), newline.as_deref()) {
            Ok(t) => Some(t),
            // Encodings the native text layer does not speak (UTF-16, cp1252,
            // ...) go through `_pyio`'s TextIOWrapper, which uses the codec
            // registry's incremental codecs.
            Err(e) if encoding.is_some() && crate::modules::codecs::is_unknown_encoding(&e) => {
                // An encoding nobody knows keeps the native LookupError.
                let known = encoding
                    .as_deref()
                    .is_some_and(|enc| crate::modules::codecs::lookup_codec(vm, enc).is_ok());
                if !known {
                    return Err(e);
                }
                return open_via_pyio(vm, &a);
            }
            Err(e) => return Err(e),
        }
    };
    // The path as the OS takes it: a str's lone surrogates (PEP 383) and
    // bytes that are not UTF-8 go as the bytes they stand for.
    let mut os_path = None;
    let path = match file {
        Value::Str(_) | Value::Bytes(_) => {
            os_path = Some(os_path_of(file)?);
            path_text(file)
        }
        Value::Int(fd) if *fd >= 0 => format!("/dev/fd/{fd}"),
        Value::Int(_) => {
            return Err(PyErr::value_error("negative file descriptor"));
        }
        Value::Bool(_) | Value::Float(_) => {
            return Err(PyErr::type_error(format!(
                "expected str, bytes or os.PathLike object, not {}",
                crate::types::type_name(file)
            )))
        }
        other => match fspath(vm, other)? {
            Some(p) => {
                os_path = Some(os_path_of(&p)?);
                path_text(&p)
            }
            None => {
                return Err(PyErr::type_error(format!(
                    "expected str, bytes or os.PathLike object, not {}",
                    crate::types::type_name(other)
                )))
            }
        },
    };
    let closefd = match arg(6) {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    // `fileio_init` refuses this before any opener runs.
    if !closefd && !matches!(file, Value::Int(_)) {
        return Err(PyErr::value_error(
            "Cannot use closefd=False with file name",
        ));
    }
    let (opened, m) = match arg(7) {
        Some(op) if !matches!(op, Value::None) => {
            let (fd, m) = opener::open_through(vm, op, file, m)?;
            (Some(fd), m)
        }
        _ => (None, m),
    };
    let stream = match (file, opened) {
        (_, Some(fd)) => fd_stream(fd, true, m.appending)?,
        (Value::Int(fd), None) => fd_stream(*fd, closefd, m.appending)?,
        _ => {
            // `PyUnicode_FSConverter` refuses a NUL before the OS sees the path.
            if path.contains('\0') {
                return Err(PyErr::value_error("embedded null byte"));
            }
            let os_path = os_path.unwrap_or_else(|| std::path::PathBuf::from(&path));
            let os_file = open_os_file(&os_path, &m)
                .map_err(|e| crate::oserror::from_io(&e, Some(file.clone())))?;
            ByteStream::file(os_file, m.appending)
        }
    };
    let readable = m.reading || m.updating;
    let writable = !m.reading || m.updating;
    // `FileIO._blksize`: the file system's preferred block size (`st_blksize`).
    let blksize = stream.os_file().and_then(|f| {
        use std::os::unix::fs::MetadataExt;
        f.metadata().ok().map(|md| md.blksize())
    });
    let (class, kind) = match text_mode {
        Some(t) => ("TextIOWrapper", Kind::Text(t)),
        None if buffering == 0 => ("FileIO", Kind::Binary),
        None if m.updating => ("BufferedRandom", Kind::Binary),
        None if m.reading => ("BufferedReader", Kind::Binary),
        None => ("BufferedWriter", Kind::Binary),
    };
    let t = io_class(vm, class)?;
    let obj = Value::Instance(Rc::new(Instance::new(t, Value::Null)));
    if let Value::Instance(i) = &obj {
        let d_rc = i.dict.clone();
        let mut d = d_rc.borrow_mut();
        d.insert(Value::str("name"), file.clone())?;
        let shown_mode = if class == "FileIO" || (m.binary && class != "TextIOWrapper") {
            m.raw_mode()
        } else {
            mode.clone()
        };
        d.insert(Value::str("mode"), Value::string(shown_mode))?;
        if class == "FileIO" {
            let size = blksize.filter(|n| *n > 1).unwrap_or(8192);
            d.insert(
                Value::str("_blksize"),
                Value::Int(i64::try_from(size).unwrap_or(8192)),
            )?;
        }
        if text_mode.is_some() {
            let shown = encoding.unwrap_or_else(|| "UTF-8".to_string());
            d.insert(Value::str("encoding"), Value::string(shown))?;
            d.insert(
                Value::str("errors"),
                Value::string(errors.unwrap_or_else(|| "strict".to_string())),
            )?;
        }
    }
    attach(
        &obj,
        FileState {
            stream,
            kind,
            readable,
            writable,
            closed: false,
            detached: false,
            class,
            lent_to: None,
            std: None,
        },
    );
    if text_mode.is_some() {
        let buffer = text_buffer(vm, &obj, file, m.raw_mode(), m.updating, m.reading)?;
        if let Value::Instance(i) = &obj {
            let d_rc = i.dict.clone();
            let mut d = d_rc.borrow_mut();
            d.insert(Value::str("buffer"), buffer)?;
        }
    }
    Ok(obj)
}

/// The `buffer` of a text file `open()` made: a buffered binary object
/// that borrows the text file's stream for each operation (as a buffer
/// wrapped by `TextIOWrapper` does), so both share bytes and position and
/// `detach()` hands the stream to it.
fn text_buffer(
    vm: &mut Vm,
    text: &Value,
    name: &Value,
    mode: String,
    updating: bool,
    reading: bool,
) -> PyResult<Value> {
    let class = if updating {
        "BufferedRandom"
    } else if reading {
        "BufferedReader"
    } else {
        "BufferedWriter"
    };
    let t = io_class(vm, class)?;
    let inst = Rc::new(Instance::new(t, Value::Null));
    {
        let d_rc = inst.dict.clone();
        let mut d = d_rc.borrow_mut();
        d.insert(Value::str("name"), name.clone())?;
        d.insert(Value::str("mode"), Value::string(mode))?;
    }
    let buffer = Value::Instance(inst);
    attach(
        &buffer,
        FileState {
            stream: ByteStream::memory(Vec::new()),
            kind: Kind::Binary,
            readable: reading || updating,
            writable: !reading || updating,
            closed: false,
            detached: false,
            class,
            lent_to: key_of(text).map(|(k, _)| k),
            std: None,
        },
    );
    Ok(buffer)
}

/// `FileIO.__init__(file, mode='r', closefd=True, opener=None)`: opens as
/// `open(file, mode + 'b', buffering=0, ...)` does, and `obj` takes over
/// that file object's stream, `name` and `mode`.
pub(crate) fn fileio_init(vm: &mut Vm, obj: &Value, a: &Args<'_>) -> PyResult<()> {
    const NAMES: [&str; 4] = ["file", "mode", "closefd", "opener"];
    a.check_kw("FileIO", &NAMES)?;
    let arg = |i: usize| a.pos.get(i).or_else(|| a.kw(NAMES[i]));
    let Some(file) = arg(0) else {
        return Err(PyErr::type_error(
            "FileIO() missing required argument 'file' (pos 1)",
        ));
    };
    let mode = match arg(1) {
        None => "r".to_string(),
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "FileIO() argument 'mode' must be str, not {}",
                crate::types::type_name(other)
            )))
        }
    };
    // `_io_FileIO___init___impl`'s scan: the first bad character decides.
    let bad_mode = || {
        PyErr::value_error(
            "Must have exactly one of create/read/write/append mode and at most one plus",
        )
    };
    let (mut rwa, mut plus) = (false, false);
    for c in mode.chars() {
        match c {
            'x' | 'r' | 'w' | 'a' if rwa => return Err(bad_mode()),
            'x' | 'r' | 'w' | 'a' => rwa = true,
            '+' if plus => return Err(bad_mode()),
            '+' => plus = true,
            'b' => {}
            _ => return Err(PyErr::value_error(format!("invalid mode: {mode}"))),
        }
    }
    if !rwa {
        return Err(bad_mode());
    }
    let binary = if mode.contains('b') {
        mode
    } else {
        format!("{mode}b")
    };
    let pos = [
        file.clone(),
        Value::string(binary),
        Value::Int(0),
        Value::None,
        Value::None,
        Value::None,
        arg(2).cloned().unwrap_or(Value::Bool(true)),
        arg(3).cloned().unwrap_or(Value::None),
    ];
    let made = b_open(vm, Args::positional(&pos))?;
    let Some((key, made_inst)) = key_of(&made) else {
        return Err(PyErr::type_error("open() made no file object"));
    };
    let Some(entry) = FILES.with(|f| f.borrow_mut().remove(&key)) else {
        return Err(PyErr::value_error("I/O operation on uninitialized object"));
    };
    if let Value::Instance(inst) = obj {
        for name in ["mode", "_blksize"] {
            let key = vm.intern(name);
            if let Some(v) = made_inst.dict.get(&key) {
                inst.dict.clone().borrow_mut().insert(Value::str(name), v)?;
            }
        }
    }
    attach(obj, entry.state);
    // `name` is set as an attribute, through a subclass's `__setattr__`
    // too; when that fails, a descriptor the caller passed stays open and
    // one opened here is closed, as `fileio.c`'s error path does.
    let name = vm.intern("name");
    if let Err(e) = vm.set_attr(obj, &name, file.clone()) {
        let own = !matches!(file, Value::Int(_));
        let _ = with_state(obj, |st| {
            if own {
                st.stream.close();
            } else {
                st.stream.forget();
            }
            st.closed = true;
            Ok(())
        });
        return Err(e);
    }
    Ok(())
}

/// `_pyio.open` with the arguments of this `open` call.
fn open_via_pyio(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let pyio = vm.import_dotted("_pyio")?;
    let name = vm.intern("open");
    let open = vm.get_attr(&pyio, &name)?;
    vm.call_with_kw(&open, a.pos, a.kwnames, a.kwvals)
}

/// The text settings from `encoding`, `errors` and `newline` arguments.
pub(crate) fn text_mode(
    encoding: Option<&str>,
    errors: Option<&str>,
    newline: Option<&str>,
) -> PyResult<TextMode> {
    let codec = match encoding {
        // `"locale"` (PEP 597, what `io.text_encoding` gives for no encoding)
        // is the locale's encoding, UTF-8 here as for `None`.
        None | Some("locale") => Codec::Utf8,
        Some(name) => Codec::lookup(name)
            .ok_or_else(|| PyErr::new(ExcKind::LookupError, format!("unknown encoding: {name}")))?,
    };
    let newline = match newline {
        None => Newline::Universal,
        Some("") => Newline::Untranslated,
        Some("\n") => Newline::Lf,
        Some("\r") => Newline::Cr,
        Some("\r\n") => Newline::CrLf,
        Some(other) => {
            return Err(PyErr::value_error(format!(
                "illegal newline value: {other}"
            )))
        }
    };
    Ok(TextMode {
        codec,
        errors: stream::Errors::lookup(errors.unwrap_or("strict")),
        newline,
    })
}

/// A str or bytes path as text (for messages and `/dev/fd` checks).
fn path_text(p: &Value) -> String {
    match p {
        Value::Str(s) => s.as_str().to_string(),
        Value::Bytes(b) => String::from_utf8_lossy(b).into_owned(),
        _ => String::new(),
    }
}

/// A str or bytes path as the OS takes it (`PyUnicode_FSConverter`: UTF-8
/// with `surrogateescape`).
fn os_path_of(p: &Value) -> PyResult<std::path::PathBuf> {
    use std::os::unix::ffi::OsStringExt;
    let bytes = match p {
        Value::Str(s) if s.surrogates().is_some() => {
            crate::str_codecs::encode(s, "utf-8", "surrogateescape")?
        }
        Value::Str(s) => s.as_str().as_bytes().to_vec(),
        Value::Bytes(b) => b.to_vec(),
        _ => Vec::new(),
    };
    Ok(std::ffi::OsString::from_vec(bytes).into())
}

/// `os.fspath(p)` for objects with `__fspath__`: the str or bytes it gives.
fn fspath(vm: &mut Vm, p: &Value) -> PyResult<Option<Value>> {
    let Value::Instance(_) = p else {
        return Ok(None);
    };
    // A str or bytes subclass's instance names a path by its value.
    if let Some(v @ (Value::Str(_) | Value::Bytes(_))) = crate::instance::payload_of(p) {
        return Ok(Some(v.clone()));
    }
    let name = vm.intern("__fspath__");
    let Ok(f) = vm.get_attr(p, &name) else {
        return Ok(None);
    };
    match vm.call(&f, &[])? {
        r @ (Value::Str(_) | Value::Bytes(_)) => Ok(Some(r)),
        r if matches!(
            crate::instance::payload_of(&r),
            Some(Value::Str(_) | Value::Bytes(_))
        ) =>
        {
            Ok(crate::instance::payload_of(&r).cloned())
        }
        other => Err(PyErr::type_error(format!(
            "expected {}.__fspath__() to return str or bytes, not {}",
            crate::types::type_name(p),
            crate::types::type_name(&other)
        ))),
    }
}

/// The stream of `open(fd)`: the descriptor itself, which the stream then
/// owns and closes (a pipe's write end must really close for the reader to
/// see the end), or, under `closefd=False`, borrows and leaves open. A
/// directory is refused as `fileio.c` does after its `fstat`, and the
/// descriptor, being the caller's, stays open.
fn fd_stream(fd: i64, closefd: bool, append: bool) -> PyResult<ByteStream> {
    use crate::modules::posix::{fd::adopt_fd, fd::errno_err};
    let n = i32::try_from(fd).map_err(|_| PyErr::overflow("fd is greater than maximum"))?;
    let mut stream = if closefd {
        ByteStream::file(adopt_fd(n)?, append)
    } else {
        let mut s = ByteStream::borrowed_fd(n);
        s.set_append(append);
        if s.os_file().is_none() {
            return Err(errno_err(libc::EBADF));
        }
        s
    };
    let is_dir = stream
        .os_file()
        .is_some_and(|f| f.metadata().is_ok_and(|md| md.is_dir()));
    if is_dir {
        stream.forget();
        return Err(crate::oserror::from_io(
            &std::io::Error::from_raw_os_error(libc::EISDIR),
            Some(Value::Int(fd)),
        ));
    }
    Ok(stream)
}

/// Opens the OS file as `FileIO.__init__` does, refusing directories.
fn open_os_file(path: &std::path::Path, m: &OpenMode) -> std::io::Result<std::fs::File> {
    let mut o = std::fs::OpenOptions::new();
    o.read(m.reading || m.updating);
    if m.writing {
        o.write(true).create(true).truncate(true);
    } else if m.appending {
        o.append(true).create(true);
    } else if m.creating {
        o.write(true).create_new(true);
    } else if m.updating {
        o.write(true);
    }
    let file = o.open(path)?;
    if file.metadata().is_ok_and(|md| md.is_dir()) {
        return Err(std::io::Error::from_raw_os_error(21));
    }
    Ok(file)
}

/// `open_code(path)`: the file opened for reading bytes.
fn b_open_code(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let Some(path) = a.pos.first().or_else(|| a.kw("path")) else {
        return Err(PyErr::type_error(
            "open_code() missing required argument 'path' (pos 1)",
        ));
    };
    let args = [path.clone(), Value::str("rb")];
    b_open(vm, Args::positional(&args))
}

/// `text_encoding(encoding, stacklevel=2)`: `"locale"` for `None`.
fn b_text_encoding(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    match a.pos.first().or_else(|| a.kw("encoding")) {
        None | Some(Value::None) => Ok(Value::str("locale")),
        Some(v) => Ok(v.clone()),
    }
}
