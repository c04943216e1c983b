//! The methods of `_io`'s file classes. One table serves every concrete
//! class; what a call does depends on the object's [`Kind`] (text, binary,
//! `StringIO`). No method calls back into Python while it holds a file's
//! state.

use std::rc::Rc;

use super::stream::{ByteStream, Newline, TextError, TextMode};
use super::{attach, unsupported, with_state, FileState, Kind};
use crate::exc::{ExcObj, PyErr, PyResult};
use crate::func::{Args, BuiltinDef};
use crate::types::{exc_type, ExcKind};
use crate::value::Value;
use crate::vm::Vm;

/// Declares the method table; each entry first checks its argument count
/// as CPython's C method does, then looks for a `_pyio` delegate
/// (`delegate.rs`) and runs the native method only without one.
macro_rules! methods {
    ($( $name:literal => $f:ident $arity:ident $(($($n:literal),*))? ),* $(,)?) => {
        mod forwarding {
            use crate::exc::PyResult;
            use crate::func::Args;
            use crate::value::Value;
            use crate::vm::Vm;
            use super::Arity;
            $(
                pub(super) fn $f(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
                    super::check_arity(vm, &a, $name, Arity::$arity $(($($n),*))?)?;
                    super::super::delegate::forward(vm, a, $name, super::$f)
                }
            )*
        }
        /// The file methods, in every concrete `_io` class.
        pub(super) static METHODS: &[BuiltinDef] = &[
            $( BuiltinDef { name: $name, func: forwarding::$f, owner: "_io", is_method: true }, )*
        ];
    };
}

methods! {
    "__init__" => m_init Any,
    "read" => m_read AtMost(1),
    "read1" => m_read1 AtMost(1),
    "readinto" => m_readinto One,
    "readinto1" => m_readinto1 One,
    "peek" => m_peek AtMost(1),
    "readline" => m_readline AtMost(1),
    "readlines" => m_readlines AtMost(1),
    "write" => m_write One,
    "writelines" => m_writelines One,
    "__iter__" => m_iter Slot,
    "__next__" => m_next Slot,
    "seek" => m_seek Between(1, 2),
    "tell" => m_tell NoArgs,
    "truncate" => m_truncate AtMost(1),
    "close" => m_close NoArgs,
    "detach" => m_detach NoArgs,
    "flush" => m_flush NoArgs,
    "__enter__" => m_enter NoArgs,
    "__exit__" => m_exit Any,
    "fileno" => m_fileno NoArgs,
    "readable" => m_readable NoArgs,
    "writable" => m_writable NoArgs,
    "seekable" => m_seekable NoArgs,
    "isatty" => m_isatty NoArgs,
    "getvalue" => m_getvalue NoArgs,
    "getbuffer" => m_getbuffer NoArgs,
    "__repr__" => m_repr Slot,
    "__getattr__" => m_getattr Any,
    "reconfigure" => m_reconfigure KeywordsOnly,
}

/// The arguments (after `self`) a file method takes, in the calling
/// convention its C definition has, which decides the message a wrong
/// count gets.
#[derive(Clone, Copy)]
enum Arity {
    /// Checked by the method itself.
    Any,
    /// `METH_NOARGS`: "FileIO.close() takes no arguments (1 given)".
    NoArgs,
    /// `METH_O`: "FileIO.write() takes exactly one argument (0 given)".
    One,
    /// Argument Clinic's positional-only optionals: "read expected at most
    /// 1 argument, got 2".
    AtMost(usize),
    /// Argument Clinic's positional-only range: "seek expected at least 1
    /// argument, got 0".
    Between(usize, usize),
    /// A slot wrapper (`__iter__`, `__next__`, `__repr__`): "expected 0
    /// arguments, got 1".
    Slot,
    /// Keyword-only parameters: "reconfigure() takes no positional
    /// arguments".
    KeywordsOnly,
}

/// Raises CPython's TypeError when `a` (the call of method `name`) has a
/// positional-argument count the method's [`Arity`] refuses.
fn check_arity(vm: &mut Vm, a: &Args<'_>, name: &str, arity: Arity) -> PyResult<()> {
    let given = a.pos.len().saturating_sub(1);
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    let message = match arity {
        Arity::Any => return Ok(()),
        Arity::NoArgs if given == 0 => return Ok(()),
        Arity::One if given == 1 => return Ok(()),
        Arity::AtMost(_) if matches!(name, "read" | "read1") && given > 1 => {
            let class = match a.pos.first() {
                Some(obj) => c_class_name(vm, obj)?,
                None => "_IOBase",
            };
            if class == "BufferedWriter" {
                return Err(super::unsupported(vm, name));
            }
            format!("{name} expected at most 1 argument, got {given}")
        }
        Arity::AtMost(max) | Arity::Between(_, max) if given > max => {
            format!(
                "{name} expected at most {max} argument{}, got {given}",
                plural(max)
            )
        }
        Arity::Between(min, _) if given < min => {
            format!(
                "{name} expected at least {min} argument{}, got {given}",
                plural(min)
            )
        }
        Arity::AtMost(_) | Arity::Between(..) => return Ok(()),
        Arity::Slot if given == 0 => return Ok(()),
        Arity::Slot => format!("expected 0 arguments, got {given}"),
        Arity::KeywordsOnly if given == 0 => return Ok(()),
        Arity::KeywordsOnly => format!("{name}() takes no positional arguments"),
        Arity::NoArgs | Arity::One => {
            let class = match a.pos.first() {
                Some(obj) => c_class_name(vm, obj)?,
                None => "_IOBase",
            };
            // A method the class lacks is `_BufferedIOBase`'s stub, which
            // takes any arguments and refuses.
            if matches!((class, name), ("BufferedReader", "write")) {
                return Err(super::unsupported(vm, name));
            }
            let what = if matches!(arity, Arity::NoArgs) {
                "no arguments"
            } else {
                "exactly one argument"
            };
            format!("{class}.{name}() takes {what} ({given} given)")
        }
    };
    Err(PyErr::type_error(message))
}

/// The `_io` class whose C methods `obj` runs: the first of the concrete
/// classes its type derives from (a subclass's messages name the C class
/// that defines the method, as a method descriptor's `__qualname__` does).
fn c_class_name(vm: &mut Vm, obj: &Value) -> PyResult<&'static str> {
    const CLASSES: [&str; 8] = [
        "FileIO",
        "BytesIO",
        "StringIO",
        "TextIOWrapper",
        "BufferedReader",
        "BufferedWriter",
        "BufferedRandom",
        "BufferedRWPair",
    ];
    let class = crate::types::type_of(obj);
    for name in CLASSES {
        if class.is_subtype(&super::io_class(vm, name)?) {
            return Ok(name);
        }
    }
    Ok("_IOBase")
}

static CLOSED_GETTER: BuiltinDef = BuiltinDef {
    name: "closed",
    func: forward_closed,
    owner: "_io",
    is_method: true,
};

/// A read-only property whose getter is `getter`, named as it is.
pub(super) fn read_only_property(class: &str, getter: &'static BuiltinDef) -> Value {
    // CPython's getset doc of this class's attribute, where it has one.
    let doc = crate::doc_table::doc(&format!("_io.{class}.{}", getter.name));
    Value::Descr(Rc::new(crate::descr::Descr::Property {
        fget: Value::Builtin(getter),
        fset: Value::None,
        fdel: Value::None,
        doc: std::cell::RefCell::new(doc.map_or(Value::None, Value::str)),
        name: std::cell::RefCell::new(Value::str(getter.name)),
    }))
}

static CHUNK_GETTER: BuiltinDef = BuiltinDef {
    name: "_CHUNK_SIZE",
    func: chunk_size_get,
    owner: "_io",
    is_method: true,
};

static CHUNK_SETTER: BuiltinDef = BuiltinDef {
    name: "_CHUNK_SIZE",
    func: chunk_size_set,
    owner: "_io",
    is_method: true,
};

/// `TextIOWrapper._CHUNK_SIZE`: how many bytes a read asks the buffer for
/// (8192 unless set). The native layer reads its own way, so the value is
/// only kept (in the instance dict, behind this data descriptor); a
/// delegated wrapper's is its delegate's.
pub(super) fn chunk_size_property() -> Value {
    Value::Descr(Rc::new(crate::descr::Descr::Property {
        fget: Value::Builtin(&CHUNK_GETTER),
        fset: Value::Builtin(&CHUNK_SETTER),
        fdel: Value::None,
        doc: std::cell::RefCell::new(Value::None),
        name: std::cell::RefCell::new(Value::str("_CHUNK_SIZE")),
    }))
}

fn chunk_size_get(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let obj = this(&a, "_CHUNK_SIZE")?;
    if let Some(delegate) = super::delegate::delegate_of(obj) {
        let key = vm.intern("_CHUNK_SIZE");
        return vm.get_attr(&delegate, &key);
    }
    with_state(obj, |_| Ok(()))?;
    let Value::Instance(i) = obj else {
        return Ok(Value::Int(8192));
    };
    let kept = crate::import::dict_get(&i.dict.clone().borrow(), "_CHUNK_SIZE");
    Ok(kept.unwrap_or(Value::Int(8192)))
}

fn chunk_size_set(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let obj = this(&a, "_CHUNK_SIZE")?;
    let value = a.pos.get(1).cloned().unwrap_or(Value::None);
    if let Some(delegate) = super::delegate::delegate_of(obj) {
        let key = vm.intern("_CHUNK_SIZE");
        vm.set_attr(&delegate, &key, value)?;
        return Ok(Value::None);
    }
    with_state(obj, |_| Ok(()))?;
    let n = match vm.index_value(&value) {
        Ok(n) => n,
        Err(e) if e.is(ExcKind::OverflowError) => i64::MAX,
        Err(e) => return Err(e),
    };
    if n <= 0 {
        return Err(PyErr::value_error(
            "a strictly positive integer is required",
        ));
    }
    if let Value::Instance(i) = obj {
        let d = i.dict.clone();
        d.borrow_mut()
            .insert(Value::str("_CHUNK_SIZE"), Value::Int(n))?;
    }
    Ok(Value::None)
}

/// The `closed` property of the class named `class`.
pub(super) fn closed_property(class: &str) -> Value {
    read_only_property(class, &CLOSED_GETTER)
}

static MODE_GETTER: BuiltinDef = BuiltinDef {
    name: "mode",
    func: fileio_mode,
    owner: "_io",
    is_method: true,
};

/// `FileIO.mode`, read-only as CPython's getset: the property shadows the
/// mode string `open()` keeps in the instance dict, which it returns.
pub(super) fn mode_property() -> Value {
    read_only_property("FileIO", &MODE_GETTER)
}

fn fileio_mode(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let obj = this(&a, "mode")?;
    let found = match obj {
        Value::Instance(i) => crate::import::dict_get(&i.dict.clone().borrow(), "mode"),
        _ => None,
    };
    found.ok_or_else(|| PyErr::value_error("I/O operation on uninitialized object"))
}

fn forward_closed(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    super::delegate::forward(vm, a, "closed", m_closed)
}

/// `read1(size)`: as `read` (the native buffers read what is asked for).
fn m_read1(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let obj = this(&a, "read1")?;
    let (closed, class, readable) = with_state(obj, |st| Ok((st.closed, st.class, st.readable)))?;
    if closed && class.starts_with("Buffered") {
        return Err(PyErr::value_error("read of closed file"));
    }
    if !readable && class == "BufferedWriter" {
        return Err(unsupported(vm, "read1"));
    }
    // The standard streams' reads are the VM's own.
    if let Some(r) = super::stdio::redirect(vm, &a, "read") {
        return r;
    }
    let n = size_arg(vm, arg(&a, 0, "size"))?;
    let binary = with_state(obj, |st| Ok(matches!(st.kind, Kind::Binary)))?;
    match n {
        Some(n) if binary => read_some(vm, obj, n).map(bytes_value),
        _ => m_read(vm, a),
    }
}

/// Whether reads of `obj` make one system call (a raw `FileIO`) rather
/// than read until they have what was asked (the buffered readers).
fn is_raw_binary(obj: &Value) -> PyResult<bool> {
    with_state(obj, |st| {
        Ok(matches!(st.kind, Kind::Binary) && st.class == "FileIO")
    })
}

/// Lets the other threads run until `obj`'s descriptor has input, when the
/// next read would otherwise block them all (one of them may be the writer).
fn wait_input(vm: &mut Vm, obj: &Value) -> PyResult<()> {
    if vm.sched.threads.len() < 2 {
        return Ok(());
    }
    // A closed or write-only file refuses the read without touching its
    // descriptor: waiting for input on (say) a pipe's write end would never end.
    let fd = with_state(obj, |st| {
        Ok((!st.closed && st.readable)
            .then(|| st.stream.read_wait_fd())
            .flatten())
    })?;
    match fd {
        Some(fd) => crate::modules::thread::fd_wait::wait_readable(vm, fd),
        None => Ok(()),
    }
}

/// At most one read of `obj`'s file, up to `n` bytes (see
/// [`super::stream::ByteStream::read_some`]).
fn read_some(vm: &mut Vm, obj: &Value, n: usize) -> PyResult<Vec<u8>> {
    retry_interrupted(vm, |vm| {
        wait_input(vm, obj)?;
        on_open(vm, obj, Some(true), |st| {
            let raw = st.class == "FileIO";
            st.stream.read_some(n, raw).map_err(io_err)
        })
    })
}

/// `peek(size=0)` of the buffered readers: the bytes buffered ahead of the
/// position, after at most one read of the file when none are; the
/// position stays.
fn m_peek(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let obj = this(&a, "peek")?;
    // The size is only a hint, but it must be an integer.
    int_arg(vm, arg(&a, 0, "size"))?;
    if with_state(obj, |st| Ok(st.closed))? {
        return Err(PyErr::value_error("peek of closed file"));
    }
    retry_interrupted(vm, |vm| {
        on_open(vm, obj, Some(true), |st| {
            st.stream.peek_ahead().map(bytes_value).map_err(io_err)
        })
    })
}

fn int_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<i64> {
    super::int_arg_or(vm, v, 0)
}

pub(super) fn this<'a>(a: &Args<'a>, name: &str) -> PyResult<&'a Value> {
    a.pos.first().ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor '{name}' of '_io' object needs an argument"
        ))
    })
}

/// The `i`-th argument after self, positional or by keyword.
fn arg<'a>(a: &Args<'a>, i: usize, kw: &str) -> Option<&'a Value> {
    a.pos.get(i + 1).or_else(|| a.kw(kw))
}

pub(super) fn closed_error() -> PyErr {
    PyErr::value_error("I/O operation on closed file.")
}

/// A size argument (CPython's `Py_ssize_t` converter accepting `None`):
/// `None` or negative means "all"; any object with `__index__` is a size.
fn size_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<usize>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(Value::Int(n)) => Ok((*n >= 0).then_some(*n as usize)),
        Some(Value::Bool(b)) => Ok(Some(*b as usize)),
        Some(Value::BigInt(_)) => Err(too_large()),
        Some(other) if crate::protocol::has_index(other) => {
            let n = vm.index_value(other).map_err(|e| {
                if e.0.kind() == ExcKind::OverflowError {
                    too_large()
                } else {
                    e
                }
            })?;
            Ok((n >= 0).then_some(n as usize))
        }
        Some(other) => Err(PyErr::type_error(format!(
            "argument should be integer or None, not '{}'",
            crate::types::type_name(other)
        ))),
    }
}

fn too_large() -> PyErr {
    PyErr::new(
        ExcKind::OverflowError,
        "Python int too large to convert to C ssize_t",
    )
}

fn io_err(e: std::io::Error) -> PyErr {
    crate::oserror::from_io(&e, None)
}

/// PEP 475: a read that a signal interrupted runs the Python signal
/// handlers and starts again, unless a handler raised. What the interrupted
/// attempt had read stays in the stream's buffer for the next.
fn retry_interrupted<R>(
    vm: &mut Vm,
    mut attempt: impl FnMut(&mut Vm) -> PyResult<R>,
) -> PyResult<R> {
    loop {
        match attempt(vm) {
            Err(e) if e.0.kind() == ExcKind::InterruptedError => vm.check_signals()?,
            other => return other,
        }
    }
}

fn text_err(e: TextError) -> PyErr {
    match e {
        TextError::Io(e) => io_err(e),
        TextError::Decode(msg) => PyErr::new(ExcKind::UnicodeDecodeError, msg),
        TextError::Encode(msg) => PyErr::new(ExcKind::UnicodeEncodeError, msg),
    }
}

/// What a state check found wrong, turned into an error with the VM.
enum Refused {
    Closed,
    Unsupported(&'static str),
    Err(PyErr),
}

impl From<PyErr> for Refused {
    fn from(e: PyErr) -> Self {
        Refused::Err(e)
    }
}

fn refuse(vm: &mut Vm, r: Refused) -> PyErr {
    match r {
        Refused::Closed => closed_error(),
        Refused::Unsupported(what) => unsupported(vm, what),
        Refused::Err(e) => e,
    }
}

/// Runs `f` on an open file's state that is readable (or writable).
fn on_open<R>(
    vm: &mut Vm,
    obj: &Value,
    need: Option<bool>,
    f: impl FnOnce(&mut FileState) -> PyResult<R>,
) -> PyResult<R> {
    let r = with_state(obj, |st| {
        if st.detached {
            return Ok(Err(Refused::Err(st.detached_error())));
        }
        if st.closed {
            if let Kind::StringIo(_) = st.kind {
                return Ok(Err(Refused::Err(PyErr::value_error(
                    "I/O operation on closed file",
                ))));
            }
            return Ok(Err(Refused::Closed));
        }
        // `FileIO` says it as `fileio.c`'s `err_mode` does; a buffered
        // reader has no `write` (nor a writer `read`), so the base class's
        // stub refuses, naming the method.
        let raw = st.class == "FileIO";
        let buffered = st.class.starts_with("Buffered");
        match need {
            Some(true) if !st.readable => {
                let msg = if raw {
                    "File not open for reading"
                } else if buffered {
                    "read"
                } else {
                    "not readable"
                };
                return Ok(Err(Refused::Unsupported(msg)));
            }
            Some(false) if !st.writable => {
                let msg = if raw {
                    "File not open for writing"
                } else if buffered {
                    "write"
                } else {
                    "not writable"
                };
                return Ok(Err(Refused::Unsupported(msg)));
            }
            _ => {}
        }
        Ok(f(st).map_err(Refused::Err))
    })?;
    r.map_err(|e| refuse(vm, e))
}

fn bytes_value(b: Vec<u8>) -> Value {
    Value::Bytes(Rc::new(b))
}

/// `StringIO`: the byte offset of character `chars` of the contents.
fn char_to_byte(s: &ByteStream, chars: usize) -> usize {
    let text = std::str::from_utf8(s.contents()).unwrap_or("");
    text.char_indices().nth(chars).map_or(
        text.len() + chars.saturating_sub(text.chars().count()),
        |(i, _)| i,
    )
}

/// `StringIO.__init__(initial_value='', newline='\n')` and
/// `BytesIO.__init__(initial_bytes=b'')`.
pub(super) fn m_init(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let obj = this(&a, "__init__")?;
    let Value::Instance(inst) = obj else {
        return Err(PyErr::type_error("__init__ needs an instance"));
    };
    let is_text = inst.class().is_subtype(&super::io_class(vm, "StringIO")?);
    let is_bytes = inst.class().is_subtype(&super::io_class(vm, "BytesIO")?);
    if inst
        .class()
        .is_subtype(&super::io_class(vm, "TextIOWrapper")?)
    {
        return wrap_buffer(vm, obj, inst, &a);
    }
    if inst.class().is_subtype(&super::io_class(vm, "FileIO")?) {
        super::fileio_init(vm, obj, &crate::native::rest(&a))?;
        return Ok(Value::None);
    }
    // The buffered classes over a raw stream: `open()` makes the native
    // ones itself, so a call here wraps a stream given by the program.
    for class in [
        "BufferedReader",
        "BufferedWriter",
        "BufferedRandom",
        "BufferedRWPair",
    ] {
        if inst.class().is_subtype(&super::io_class(vm, class)?) {
            // The C classes ask the raw stream first, with their own
            // message (`_pyio` raises OSError naming the argument).
            let checks: &[(usize, &str, &str)] = match class {
                "BufferedReader" => &[(0, "raw", "readable")],
                "BufferedWriter" => &[(0, "raw", "writable")],
                "BufferedRandom" => &[
                    (0, "raw", "seekable"),
                    (0, "raw", "readable"),
                    (0, "raw", "writable"),
                ],
                _ => &[(0, "reader", "readable"), (1, "writer", "writable")],
            };
            for &(at, name, ability) in checks {
                if let Some(stream) = arg(&a, at, name).cloned() {
                    if let Err(e) = check_ability(vm, &stream, ability) {
                        super::delegate::forget(vm, obj);
                        return Err(e);
                    }
                }
            }
            // `_pyio` says "invalid buffer size"; the C classes say this.
            let at = if class == "BufferedRWPair" { 2 } else { 1 };
            if let Some(Value::Int(n)) = arg(&a, at, "buffer_size") {
                if *n <= 0 {
                    super::delegate::forget(vm, obj);
                    return Err(PyErr::value_error("buffer size must be strictly positive"));
                }
                // The C classes allocate their buffer here: a size no
                // allocation can give is a MemoryError, as `PyMem_Malloc`'s
                // failure is.
                let mut probe: Vec<u8> = Vec::new();
                if probe.try_reserve_exact(*n as usize).is_err() {
                    super::delegate::forget(vm, obj);
                    return Err(PyErr::with_args(ExcKind::MemoryError, Vec::new()));
                }
            }
            super::delegate::attach_delegate(vm, obj, class, &a)?;
            return Ok(Value::None);
        }
    }
    if is_text {
        a.check_kw("StringIO", &["initial_value", "newline"])?;
        let newline = match arg(&a, 1, "newline") {
            None => Newline::Lf,
            Some(Value::None) => Newline::Universal,
            Some(Value::Str(s)) => match s.as_str() {
                "" => Newline::Untranslated,
                "\n" => Newline::Lf,
                "\r" => Newline::Cr,
                "\r\n" => Newline::CrLf,
                other => {
                    return Err(PyErr::value_error(format!(
                        "illegal newline value: {}",
                        pith_repr::str_repr(other)
                    )))
                }
            },
            Some(other) => {
                return Err(PyErr::type_error(format!(
                    "newline must be str or None, not {}",
                    crate::types::type_name(other)
                )))
            }
        };
        let initial = match arg(&a, 0, "initial_value") {
            None | Some(Value::None) => String::new(),
            // Lone surrogates are kept as stand-ins (`stream::carried`).
            Some(Value::Str(s)) => super::stream::carried(s),
            // A str subclass's value (its own methods are not asked).
            Some(other) if matches!(crate::instance::payload_of(other), Some(Value::Str(_))) => {
                match crate::instance::payload_of(other) {
                    Some(Value::Str(s)) => super::stream::carried(s),
                    _ => String::new(),
                }
            }
            Some(other) => {
                return Err(PyErr::type_error(format!(
                    "initial_value must be str or None, not {}",
                    crate::types::type_name(other)
                )))
            }
        };
        let mut stream = ByteStream::memory(Vec::new());
        stream.note_newlines(&initial, newline);
        stream.set_contents(stringio_stored(initial, newline).into_bytes(), 0);
        attach(
            obj,
            FileState {
                stream,
                kind: Kind::StringIo(newline),
                readable: true,
                writable: true,
                closed: false,
                detached: false,
                class: "StringIO",
                lent_to: None,
                std: None,
            },
        );
    } else if is_bytes {
        a.check_kw("BytesIO", &["initial_bytes"])?;
        let initial = match arg(&a, 0, "initial_bytes") {
            None | Some(Value::None) => Vec::new(),
            Some(other) => crate::buffer::bytes_like(other)?,
        };
        attach(
            obj,
            FileState {
                stream: ByteStream::memory(initial),
                kind: Kind::Binary,
                readable: true,
                writable: true,
                closed: false,
                detached: false,
                class: "BytesIO",
                lent_to: None,
                std: None,
            },
        );
    }
    Ok(Value::None)
}

/// `TextIOWrapper(buffer, encoding=None, errors=None, newline=None,
/// line_buffering=False, write_through=False)` over one of `_io`'s binary
/// objects: the wrapper takes over the buffer's stream (reading the buffer
/// itself afterwards finds nothing), is `buffer` and closes it on close.
fn wrap_buffer(
    vm: &mut Vm,
    obj: &Value,
    inst: &Rc<crate::instance::Instance>,
    a: &Args<'_>,
) -> PyResult<Value> {
    a.check_kw(
        "TextIOWrapper",
        &[
            "buffer",
            "encoding",
            "errors",
            "newline",
            "line_buffering",
            "write_through",
        ],
    )?;
    let Some(buffer) = arg(a, 0, "buffer") else {
        return Err(PyErr::type_error(
            "TextIOWrapper() missing required argument 'buffer' (pos 1)",
        ));
    };
    let text = |i: usize, kw: &str| -> PyResult<Option<String>> {
        match arg(a, i, kw) {
            None | Some(Value::None) => Ok(None),
            // The C converter (`str` of `Argument Clinic`) takes UTF-8
            // without NULs: a lone surrogate cannot be encoded.
            Some(Value::Str(s)) if s.surrogates().is_some() => {
                crate::str_codecs::encode(s, "utf-8", "strict")?;
                Ok(Some(s.as_str().to_string()))
            }
            Some(Value::Str(s)) if s.as_str().contains('\0') => {
                Err(PyErr::value_error("embedded null character"))
            }
            Some(Value::Str(s)) => Ok(Some(s.as_str().to_string())),
            Some(other) => Err(PyErr::type_error(format!(
                "TextIOWrapper() argument '{kw}' must be str or None, not {}",
                crate::types::type_name(other)
            ))),
        }
    };
    let (encoding, errors, newline) = (
        text(1, "encoding")?,
        text(2, "errors")?,
        text(3, "newline")?,
    );
    let native_buffer = with_state(buffer, |_| Ok(())).is_ok();
    let mode = match super::text_mode(encoding.as_deref(), errors.as_deref(), newline.as_deref()) {
        Ok(mode) if native_buffer => mode,
        // A Python-level buffer, or a codec only the codec registry has
        // (UTF-16, cp1252, ...): `_pyio`'s wrapper calls the buffer's
        // methods and the registry's incremental codecs.
        Ok(_) if matches!(buffer, Value::Instance(_)) => {
            super::delegate::attach_delegate(vm, obj, "TextIOWrapper", a)?;
            return Ok(Value::None);
        }
        Err(e)
            if encoding.as_deref().is_some_and(|enc| {
                crate::modules::codecs::is_unknown_encoding(&e)
                    && crate::modules::codecs::lookup_codec(vm, enc).is_ok()
            }) =>
        {
            super::delegate::attach_delegate(vm, obj, "TextIOWrapper", a)?;
            return Ok(Value::None);
        }
        Ok(mode) => mode,
        Err(e) => return Err(e),
    };
    let taken = with_state(buffer, |st| {
        if st.closed {
            return Ok(Err(Refused::Closed));
        }
        if st.kind != Kind::Binary {
            return Ok(Err(Refused::Unsupported("not a binary buffer")));
        }
        let stream = std::mem::replace(&mut st.stream, ByteStream::memory(Vec::new()));
        // The buffer keeps working on the same bytes through the wrapper.
        st.lent_to = Some(Rc::as_ptr(inst) as usize);
        Ok(Ok((stream, st.readable, st.writable)))
    })
    .map_err(|_| match buffer {
        Value::Instance(_) => PyErr::type_error(format!(
            "TextIOWrapper needs one of _io's binary objects, not '{}'",
            crate::types::type_name(buffer)
        )),
        _ => PyErr::new(
            ExcKind::AttributeError,
            format!(
                "'{}' object has no attribute 'readable'",
                crate::types::type_name(buffer)
            ),
        ),
    })?;
    let (stream, readable, writable) = taken.map_err(|r| refuse(vm, r))?;
    {
        let d_rc = inst.dict.clone();
        let mut d = d_rc.borrow_mut();
        d.insert(Value::str("buffer"), buffer.clone())?;
        if let Value::Instance(b) = buffer {
            if let Some(name) = crate::import::dict_get(&b.dict.clone().borrow(), "name") {
                d.insert(Value::str("name"), name)?;
            }
        }
        let shown = encoding.unwrap_or_else(|| "UTF-8".to_string());
        d.insert(Value::str("encoding"), Value::string(shown))?;
        d.insert(
            Value::str("errors"),
            Value::string(errors.unwrap_or_else(|| "strict".to_string())),
        )?;
    }
    attach(
        obj,
        FileState {
            stream,
            kind: Kind::Text(mode),
            readable,
            writable,
            closed: false,
            detached: false,
            class: "TextIOWrapper",
            lent_to: None,
            std: None,
        },
    );
    Ok(Value::None)
}

/// The text mode of a `StringIO`: UTF-8 with its newline rule on output
/// only (input was translated when written).
/// A `StringIO`'s stored form of written text: line ends translated to
/// `\n` for `newline=None`, `\n` written as the chosen line end for
/// `'\r'` and `'\r\n'`.
fn stringio_stored(text: String, newline: Newline) -> String {
    match newline {
        Newline::Universal if text.contains('\r') => text.replace("\r\n", "\n").replace('\r', "\n"),
        Newline::Cr if text.contains('\n') => text.replace('\n', "\r"),
        Newline::CrLf if text.contains('\n') => text.replace('\n', "\r\n"),
        _ => text,
    }
}

fn stringio_mode(newline: Newline) -> TextMode {
    TextMode {
        codec: super::stream::Codec::Utf8,
        errors: super::stream::Errors::Strict,
        newline: match newline {
            Newline::Universal => Newline::Lf,
            other => other,
        },
    }
}

fn m_read(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    if let Some(r) = super::stdio::redirect(vm, &a, "read") {
        return r;
    }
    let obj = this(&a, "read")?;
    let n = size_arg(vm, arg(&a, 0, "size"))?;
    if let Some(n) = n {
        if is_raw_binary(obj)? {
            return read_some(vm, obj, n).map(bytes_value);
        }
    }
    retry_interrupted(vm, |vm| {
        wait_input(vm, obj)?;
        on_open(vm, obj, Some(true), |st| match st.kind {
            Kind::Text(mode) => st
                .stream
                .read_text(mode, n)
                .map(|t| super::stream::text_value(t, mode.errors))
                .map_err(text_err),
            Kind::StringIo(nl) => st
                .stream
                .read_text(stringio_mode(nl), n)
                .map(super::stream::uncarried)
                .map_err(text_err),
            Kind::Binary => st.stream.read(n).map(bytes_value).map_err(io_err),
        })
    })
}

/// `readinto(buffer)` of the binary streams: reads up to `len(buffer)`
/// bytes into a bytearray or writable memoryview (as `pickle` reads
/// protocol 5's `bytearray8` from a `BytesIO`), giving the count read.
fn m_readinto(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let obj = this(&a, "readinto")?;
    let buf = arg(&a, 0, "buffer")
        .ok_or_else(|| PyErr::type_error("readinto() takes exactly one argument (0 given)"))?
        .clone();
    let view = match crate::buffer::writable(&buf) {
        Some(view) => view?,
        None => {
            return Err(PyErr::type_error(format!(
                "readinto() argument must be read-write bytes-like object, not {}",
                crate::types::type_name(&buf)
            )))
        }
    };
    let len = view.nbytes() as usize;
    let text = with_state(obj, |st| Ok(!matches!(st.kind, Kind::Binary)))?;
    if text {
        return Err(unsupported(vm, "readinto"));
    }
    let data = if is_raw_binary(obj)? {
        read_some(vm, obj, len)?
    } else {
        retry_interrupted(vm, |vm| {
            wait_input(vm, obj)?;
            on_open(vm, obj, Some(true), |st| {
                st.stream.read(Some(len)).map_err(io_err)
            })
        })?
    };
    let n = data.len().min(len);
    view.write_bytes(&data[..n])?;
    Ok(Value::Int(n as i64))
}

/// `readinto1(buffer)`: `readinto` with at most one read of the file.
fn m_readinto1(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let obj = this(&a, "readinto1")?;
    let buf = arg(&a, 0, "buffer")
        .ok_or_else(|| PyErr::type_error("readinto1() takes exactly one argument (0 given)"))?
        .clone();
    let view = match crate::buffer::writable(&buf) {
        Some(view) => view?,
        None => {
            return Err(PyErr::type_error(format!(
                "readinto1() argument must be read-write bytes-like object, not {}",
                crate::types::type_name(&buf)
            )))
        }
    };
    if with_state(obj, |st| Ok(!matches!(st.kind, Kind::Binary)))? {
        return Err(unsupported(vm, "readinto1"));
    }
    let len = view.nbytes() as usize;
    let data = read_some(vm, obj, len)?;
    let n = data.len().min(len);
    view.write_bytes(&data[..n])?;
    Ok(Value::Int(n as i64))
}

fn read_line(st: &mut FileState, limit: Option<usize>) -> PyResult<Value> {
    match st.kind {
        Kind::Text(mode) => st
            .stream
            .read_text_line(mode, limit)
            .map(|t| super::stream::text_value(t, mode.errors))
            .map_err(text_err),
        Kind::StringIo(nl) => st
            .stream
            .read_text_line(stringio_mode(nl), limit)
            .map(super::stream::uncarried)
            .map_err(text_err),
        Kind::Binary => st.stream.readline(limit).map(bytes_value).map_err(io_err),
    }
}

fn is_empty(v: &Value) -> bool {
    match v {
        Value::Str(s) => s.as_str().is_empty(),
        Value::Bytes(b) => b.is_empty(),
        _ => true,
    }
}

fn m_readline(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    if let Some(r) = super::stdio::redirect(vm, &a, "readline") {
        return r;
    }
    let obj = this(&a, "readline")?;
    let n = size_arg(vm, arg(&a, 0, "size"))?;
    retry_interrupted(vm, |vm| on_open(vm, obj, Some(true), |st| read_line(st, n)))
}

fn m_readlines(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    if let Some(r) = super::stdio::redirect(vm, &a, "readlines") {
        return r;
    }
    let obj = this(&a, "readlines")?;
    let hint = size_arg(vm, arg(&a, 0, "hint"))?.filter(|h| *h > 0);
    on_open(vm, obj, Some(true), |st| {
        let mut lines = Vec::new();
        let mut total = 0;
        loop {
            let line = read_line(st, None)?;
            if is_empty(&line) {
                break;
            }
            total += match &line {
                Value::Str(s) => s.char_len(),
                Value::Bytes(b) => b.len(),
                _ => 0,
            };
            lines.push(line);
            if hint.is_some_and(|h| total >= h) {
                break;
            }
        }
        Ok(Value::list(lines))
    })
}

/// The bytes of a non-text `write` argument, read before the file registry
/// is borrowed: the argument may be a `getbuffer()` view of a `BytesIO`,
/// whose bytes are reached through that same registry.
fn bytes_arg(v: &Value) -> Option<PyResult<Vec<u8>>> {
    match v {
        Value::Str(_) => None,
        other => Some(crate::buffer::bytes_like(other)),
    }
}

/// The data a `write` call takes: text for text files, bytes otherwise
/// (`bytes` is `bytes_arg(v)`).
fn write_data(
    st: &FileState,
    v: &Value,
    bytes: Option<PyResult<Vec<u8>>>,
) -> PyResult<Result<String, Vec<u8>>> {
    match (st.kind, v) {
        (Kind::Text(mode), Value::Str(s)) => Ok(Ok(super::stream::escaped_text(s, mode.errors))),
        (Kind::StringIo(_), Value::Str(s)) => Ok(Ok(super::stream::carried(s))),
        (Kind::Text(_), other) => Err(PyErr::type_error(format!(
            "write() argument must be str, not {}",
            crate::types::arg_type_name(other)
        ))),
        (Kind::StringIo(_), other) => Err(PyErr::type_error(format!(
            "string argument expected, got '{}'",
            crate::types::type_name(other)
        ))),
        (Kind::Binary, other) => match bytes {
            Some(b) => b.map(Err),
            None => crate::buffer::bytes_like(other).map(Err),
        },
    }
}

fn write_one(st: &mut FileState, v: &Value, bytes: Option<PyResult<Vec<u8>>>) -> PyResult<usize> {
    super::export::check_exports(st)?;
    let data = write_data(st, v, bytes)?;
    // Nothing to write leaves even an overseek's gap unfilled.
    match &data {
        Err(bytes) if bytes.is_empty() => return Ok(0),
        Ok(text) if text.is_empty() && matches!(st.kind, Kind::StringIo(_)) => return Ok(0),
        _ => {}
    }
    match (st.kind, data) {
        (Kind::Text(mode), Ok(text)) => {
            st.stream.write_text(mode, &text).map_err(text_err)?;
            Ok(text.chars().count())
        }
        (Kind::StringIo(nl), Ok(text)) => {
            let n = text.chars().count();
            st.stream.note_newlines(&text, nl);
            let text = stringio_stored(text, nl);
            let pos = st.stream.tell().map_err(io_err)? as usize;
            if pos >= st.stream.contents().len() {
                st.stream.write(text.as_bytes()).map_err(io_err)?;
            } else {
                // Overwriting inside the text replaces whole characters.
                let old = String::from_utf8_lossy(st.stream.contents()).into_owned();
                let at = old[..pos].chars().count();
                let mut chars: Vec<char> = old.chars().collect();
                let new: Vec<char> = text.chars().collect();
                let end = (at + new.len()).min(chars.len());
                let new_len = new.len();
                chars.splice(at..end, new);
                let text: String = chars.iter().collect();
                let byte_pos: usize = chars[..at + new_len].iter().map(|c| c.len_utf8()).sum();
                st.stream.set_contents(text.into_bytes(), byte_pos);
            }
            Ok(n)
        }
        (_, Err(bytes)) => {
            st.stream.write(&bytes).map_err(io_err)?;
            Ok(bytes.len())
        }
        (Kind::Binary, Ok(_)) => Ok(0),
    }
}

fn m_write(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    if let Some(r) = super::stdio::redirect(vm, &a, "write") {
        return r;
    }
    let obj = this(&a, "write")?;
    let Some(v) = arg(&a, 0, "s") else {
        return Err(PyErr::type_error(
            "write() takes exactly one argument (0 given)",
        ));
    };
    let others_run = vm.sched.threads.len() > 1;
    let bytes = bytes_arg(v);
    let n = on_open(vm, obj, Some(false), |st| {
        st.stream.set_others_run(others_run);
        write_one(st, v, bytes)
    })?;
    finish_interrupted_write(vm, obj)?;
    Ok(Value::Int(n as i64))
}

/// PEP 475 for writes: a write that a signal interrupted runs the Python
/// handlers, then writes the rest, unless a handler raised (the rest is
/// then dropped and the handler's exception is the write's). A write that
/// stopped on a full pipe while other threads live waits for room, letting
/// them run (one of them may be the reader), then writes the rest.
fn finish_interrupted_write(vm: &mut Vm, obj: &Value) -> PyResult<()> {
    loop {
        let (unwritten, full) = with_state(obj, |st| {
            Ok((st.stream.has_unwritten(), st.stream.full_fd()))
        })?;
        if !unwritten {
            return Ok(());
        }
        let waited = vm.check_signals().and_then(|()| match full {
            Some(fd) => crate::modules::thread::fd_wait::wait_writable(vm, fd),
            None => Ok(()),
        });
        if let Err(e) = waited {
            with_state(obj, |st| {
                st.stream.drop_unwritten();
                Ok(())
            })?;
            return Err(e);
        }
        let others_run = vm.sched.threads.len() > 1;
        on_open(vm, obj, Some(false), |st| {
            st.stream.set_others_run(others_run);
            st.stream.resume_write().map_err(io_err)
        })?;
    }
}

fn m_writelines(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    if let Some(r) = super::stdio::redirect(vm, &a, "writelines") {
        return r;
    }
    let obj = this(&a, "writelines")?;
    let Some(lines) = arg(&a, 0, "lines") else {
        return Err(PyErr::type_error(
            "writelines() takes exactly one argument (0 given)",
        ));
    };
    on_open(vm, obj, Some(false), |_| Ok(()))?;
    let it = vm.get_iter(lines)?;
    while let Some(line) = vm.iter_next(&it)? {
        let others_run = vm.sched.threads.len() > 1;
        let bytes = bytes_arg(&line);
        on_open(vm, obj, Some(false), |st| {
            st.stream.set_others_run(others_run);
            write_one(st, &line, bytes)
        })?;
        finish_interrupted_write(vm, obj)?;
    }
    Ok(Value::None)
}

fn m_iter(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let obj = this(&a, "__iter__")?;
    on_open(vm, obj, None, |_| Ok(()))?;
    Ok(obj.clone())
}

fn m_next(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    if let Some(r) = super::stdio::redirect(vm, &a, "__next__") {
        return r;
    }
    let obj = this(&a, "__next__")?;
    let line = retry_interrupted(vm, |vm| {
        on_open(vm, obj, Some(true), |st| read_line(st, None))
    })?;
    if is_empty(&line) {
        return Err(PyErr(Rc::new(ExcObj::new(
            exc_type(ExcKind::StopIteration),
            Vec::new(),
        ))));
    }
    Ok(line)
}

pub(super) fn m_seek(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let obj = this(&a, "seek")?;
    let offset = match arg(&a, 0, "offset").or_else(|| arg(&a, 0, "pos")) {
        Some(Value::Int(n)) => *n,
        Some(Value::Bool(b)) => *b as i64,
        Some(Value::BigInt(_)) => return Err(too_large()),
        Some(other) => vm.index_value(other)?,
        None => {
            return Err(PyErr::type_error(
                "seek() takes at least 1 argument (0 given)",
            ))
        }
    };
    let whence = super::int_arg_or(vm, arg(&a, 1, "whence"), 0)?;
    let kind = with_state(obj, |st| Ok(st.kind))?;
    if !(0..=2).contains(&whence) {
        let msg = match kind {
            Kind::Binary => format!("whence value {whence} unsupported"),
            _ => format!("invalid whence ({whence}, should be 0, 1 or 2)"),
        };
        return Err(PyErr::value_error(msg));
    }
    if matches!(kind, Kind::Text(_) | Kind::StringIo(_)) && whence != 0 && offset != 0 {
        let msg = if whence == 1 {
            "can't do nonzero cur-relative seeks"
        } else {
            "can't do nonzero end-relative seeks"
        };
        if let Kind::StringIo(_) = kind {
            let msg = if whence == 1 {
                "Can't do nonzero cur-relative seeks"
            } else {
                "Can't do nonzero end-relative seeks"
            };
            return Err(PyErr::new(ExcKind::OSError, msg));
        }
        return Err(unsupported(vm, msg));
    }
    if offset < 0 && whence == 0 {
        let msg = match kind {
            Kind::Binary => format!("negative seek value {offset}"),
            _ => format!("Negative seek position {offset}"),
        };
        return Err(PyErr::value_error(msg));
    }
    on_open(vm, obj, None, |st| {
        if let Kind::StringIo(_) = st.kind {
            let text_len =
                std::str::from_utf8(st.stream.contents()).map_or(0, |t| t.chars().count());
            let target = match whence {
                1 => stringio_tell(st)?,
                2 => text_len,
                _ => offset as usize,
            };
            let byte = char_to_byte(&st.stream, target);
            st.stream.seek(byte as i64, 0).map_err(io_err)?;
            return Ok(Value::Int(target as i64));
        }
        st.stream
            .seek(offset, whence as u8)
            .map(|p| Value::Int(p as i64))
            .map_err(io_err)
    })
}

/// A `StringIO`'s position in characters (past the end after an overseek:
/// the bytes beyond the text count one each, as [`char_to_byte`] maps them).
fn stringio_tell(st: &mut FileState) -> PyResult<usize> {
    let pos = st.stream.tell().map_err(io_err)? as usize;
    let text = st.stream.contents();
    let upto = &text[..pos.min(text.len())];
    let chars = std::str::from_utf8(upto).map_or(0, |t| t.chars().count());
    Ok(chars + pos - upto.len())
}

pub(super) fn m_tell(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let obj = this(&a, "tell")?;
    on_open(vm, obj, None, |st| {
        if let Kind::StringIo(_) = st.kind {
            return Ok(Value::Int(stringio_tell(st)? as i64));
        }
        let pos = st.stream.tell().map_err(io_err)?;
        Ok(Value::Int(pos as i64))
    })
}

fn m_truncate(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let obj = this(&a, "truncate")?;
    let size = match arg(&a, 0, "size") {
        None | Some(Value::None) => None,
        Some(Value::Int(n)) => Some(*n),
        Some(other) if crate::protocol::has_index(other) => Some(vm.index_value(other)?),
        other => size_arg(vm, other)?.map(|n| n as i64),
    };
    // Only a writable buffer has `truncate`; a text file asks its buffer.
    let missing = with_state(obj, |st| {
        Ok(!st.writable
            && !st.closed
            && (st.class.starts_with("Buffered") || st.class == "TextIOWrapper"))
    })?;
    if missing {
        return Err(unsupported(vm, "truncate"));
    }
    on_open(vm, obj, Some(false), |st| {
        super::export::check_exports(st)?;
        let size = match size.map(u64::try_from) {
            None => None,
            Some(Ok(n)) => Some(n),
            // Each class words it its own way; a file's is the OS's EINVAL.
            Some(Err(_)) => {
                let n = size.unwrap_or(-1);
                return Err(match (st.kind, st.class) {
                    (Kind::StringIo(_), _) => {
                        PyErr::value_error(format!("Negative size value {n}"))
                    }
                    (_, "BytesIO") => PyErr::value_error(format!("negative size value {n}")),
                    _ => io_err(std::io::Error::from_raw_os_error(22)),
                });
            }
        };
        let size = match (st.kind, size) {
            (Kind::StringIo(_), Some(chars)) => {
                Some(char_to_byte(&st.stream, chars as usize) as u64)
            }
            (_, s) => s,
        };
        let n = st.stream.truncate(size).map_err(io_err)?;
        Ok(Value::Int(n as i64))
    })
}

fn m_close(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let obj = this(&a, "close")?;
    if let Ok(Err(e)) = with_state(obj, |st| Ok(super::export::check_exports(st))) {
        return Err(e);
    }
    // CPython's closes call `self.flush()` first (a subclass's own flush
    // runs), close even when it fails, and then raise its error.
    let open = with_state(obj, |st| Ok(!st.closed)).unwrap_or(false);
    let flushed = if open {
        vm.call_method(obj, "flush", &[]).map(|_| ())
    } else {
        Ok(())
    };
    // Closed by `IOBase.__del__`: an owned descriptor left open warns.
    let finalizing = match obj {
        Value::Instance(i) if open => {
            crate::import::dict_get(&i.dict.clone().borrow(), "_finalizing")
        }
        _ => None,
    };
    if matches!(finalizing, Some(Value::Bool(true))) {
        super::dealloc_warn(vm, obj);
    }
    let closed = close_buffer(vm, obj).and_then(|()| close_native(obj));
    match (flushed, closed) {
        (Err(f), Err(c)) => {
            *c.0.context.borrow_mut() = Some(f.0.clone());
            Err(c)
        }
        (Err(f), Ok(_)) => Err(f),
        (Ok(()), r) => r,
    }
}

/// A wrapper's buffer whose `close` is not `_io`'s own (a subclass's, or
/// one set on the instance) is closed through it, as CPython's
/// `textiowrapper_close` calls `buffer.close()`; when that fails the
/// wrapper stays open. `_io`'s own close is left to [`close_native`].
fn close_buffer(vm: &mut Vm, obj: &Value) -> PyResult<()> {
    let Value::Instance(i) = obj else {
        return Ok(());
    };
    let buffer = crate::import::dict_get(&i.dict.clone().borrow(), "buffer");
    let Some(b @ Value::Instance(_)) = buffer else {
        return Ok(());
    };
    let key = vm.intern("close");
    let close = vm.get_attr(&b, &key)?;
    let native = match &close {
        Value::Method(m) => matches!(&m.1, Value::Builtin(d) if d.owner == "_io"),
        _ => false,
    };
    if !native {
        vm.call(&close, &[])?;
    }
    Ok(())
}

/// What `close()` does to the native state once `flush()` has run.
fn close_native(obj: &Value) -> PyResult<Value> {
    // A wrapper closes the buffer it took over.
    if let Value::Instance(i) = obj {
        let buffer = crate::import::dict_get(&i.dict.clone().borrow(), "buffer");
        if let Some(b @ Value::Instance(_)) = buffer {
            let _ = with_state(&b, |st| {
                st.closed = true;
                st.stream.close();
                Ok(())
            });
        }
    }
    with_state(obj, |st| {
        if !st.closed {
            st.closed = true;
            // `getvalue()` is refused after close, as in CPython. The file
            // counts as closed even when the system call fails.
            st.stream.close_checked().map_err(io_err)?;
        }
        Ok(Value::None)
    })
}

/// `TextIOWrapper.detach()`: returns the buffer, which gets its bytes and
/// position back; the wrapper is unusable afterwards.
fn m_detach(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let obj = this(&a, "detach")?;
    let (text, class) = with_state(obj, |st| Ok((matches!(st.kind, Kind::Text(_)), st.class)))?;
    if class.starts_with("Buffered") {
        // The buffer is flushed and lets go of its descriptor, which
        // `raw` keeps.
        m_flush(vm, Args::positional(std::slice::from_ref(obj)))?;
        let Some(raw) = buffered_raw(vm, obj)? else {
            return Err(unsupported(vm, "detach"));
        };
        if !super::give_back(obj, &raw) {
            return Err(PyErr::value_error("raw stream has been detached"));
        }
        return Ok(raw);
    }
    let buffer = match obj {
        Value::Instance(i) if text => crate::import::dict_get(&i.dict.clone().borrow(), "buffer"),
        _ => None,
    };
    let Some(buffer) = buffer else {
        return Err(unsupported(vm, "detach"));
    };
    if with_state(obj, |st| Ok(st.std.is_some() && !st.detached))? {
        // A standard stream's text goes through the VM's stream, which is
        // flushed; its buffer keeps its own state over the descriptor.
        m_flush(vm, Args::positional(std::slice::from_ref(obj)))?;
        with_state(obj, |st| {
            st.closed = true;
            st.detached = true;
            Ok(())
        })?;
        return Ok(buffer);
    }
    if !super::give_back(obj, &buffer) {
        return Err(PyErr::value_error("underlying buffer has been detached"));
    }
    Ok(buffer)
}

/// `raw` of a buffered file `open()` made: a `FileIO` over the same
/// descriptor, made on first use and kept in the instance dict. It borrows
/// the buffer's stream for each operation, as the buffer borrows its text
/// wrapper's, so reads through either see one position. `None` for objects
/// that are not such buffers.
fn buffered_raw(vm: &mut Vm, obj: &Value) -> PyResult<Option<Value>> {
    let Value::Instance(inst) = obj else {
        return Ok(None);
    };
    let state = with_state(obj, |st| {
        if st.detached {
            return Err(st.detached_error());
        }
        Ok((st.class, st.readable, st.writable, st.std))
    })?;
    let (class, readable, writable, std) = state;
    if !class.starts_with("Buffered") {
        return Ok(None);
    }
    let raw = Value::Instance(Rc::new(crate::instance::Instance::new(
        super::io_class(vm, "FileIO")?,
        Value::Null,
    )));
    {
        let dict = inst.dict.clone();
        let dict = dict.borrow();
        let Value::Instance(r) = &raw else {
            return Ok(None);
        };
        let raw_dict = r.dict.clone();
        let mut raw_dict = raw_dict.borrow_mut();
        for key in ["name", "mode"] {
            if let Some(v) = crate::import::dict_get(&dict, key) {
                raw_dict.insert(Value::str(key), v)?;
            }
        }
    }
    attach(
        &raw,
        FileState {
            stream: ByteStream::memory(Vec::new()),
            kind: Kind::Binary,
            readable,
            writable,
            closed: false,
            detached: false,
            class: "FileIO",
            lent_to: Some(Rc::as_ptr(inst) as usize),
            std,
        },
    );
    inst.dict
        .clone()
        .borrow_mut()
        .insert(Value::str("raw"), raw.clone())?;
    Ok(Some(raw))
}

fn m_flush(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    if let Some(r) = super::stdio::redirect(vm, &a, "flush") {
        return r;
    }
    let obj = this(&a, "flush")?;
    on_open(vm, obj, None, |_| Ok(Value::None))
}

fn m_enter(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let obj = this(&a, "__enter__")?;
    on_open(vm, obj, None, |_| Ok(()))?;
    Ok(obj.clone())
}

fn m_exit(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let obj = this(&a, "__exit__")?;
    m_close(vm, Args::positional(std::slice::from_ref(obj)))
}

fn m_fileno(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    use std::os::fd::AsRawFd;
    let obj = this(&a, "fileno")?;
    let fd = on_open(vm, obj, None, |st| {
        Ok(st.stream.os_file().map(|f| f.as_raw_fd()))
    })?;
    match fd {
        Some(fd) => Ok(Value::Int(fd as i64)),
        None => Err(unsupported(vm, "fileno")),
    }
}

fn m_readable(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let obj = this(&a, "readable")?;
    on_open(vm, obj, None, |st| Ok(Value::Bool(st.readable)))
}

fn m_writable(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let obj = this(&a, "writable")?;
    on_open(vm, obj, None, |st| Ok(Value::Bool(st.writable)))
}

fn m_seekable(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let obj = this(&a, "seekable")?;
    on_open(vm, obj, None, |st| {
        Ok(Value::Bool(match st.stream.os_file() {
            Some(f) => {
                use std::io::Seek;
                let mut f: &std::fs::File = f;
                f.stream_position().is_ok()
            }
            None => true,
        }))
    })
}

fn m_isatty(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    use std::io::IsTerminal;
    let obj = this(&a, "isatty")?;
    on_open(vm, obj, None, |st| {
        Ok(Value::Bool(
            st.stream.os_file().is_some_and(|f| f.is_terminal()),
        ))
    })
}

pub(super) fn m_getvalue(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let obj = this(&a, "getvalue")?;
    on_open(vm, obj, None, |st| match st.kind {
        Kind::StringIo(_) => Ok(super::stream::uncarried(
            String::from_utf8_lossy(st.stream.contents()).into_owned(),
        )),
        Kind::Binary if st.class == "BytesIO" => Ok(bytes_value(st.stream.contents().to_vec())),
        _ => Err(PyErr::new(
            ExcKind::AttributeError,
            format!("'{}' object has no attribute 'getvalue'", st.class),
        )),
    })
}

/// `BytesIO.getbuffer()`: a writable view sharing the contents, which
/// counts as an export of the stream while it lives.
fn m_getbuffer(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let obj = this(&a, "getbuffer")?;
    on_open(vm, obj, None, |st| match st.kind {
        Kind::Binary if st.class == "BytesIO" => Ok(()),
        _ => Err(PyErr::new(
            ExcKind::AttributeError,
            format!("'{}' object has no attribute 'getbuffer'", st.class),
        )),
    })?;
    let export = super::export::BytesIoExport::new(obj)?;
    crate::methods::memoryview::bytesio_view(obj, export)
}

fn m_closed(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let obj = this(&a, "closed")?;
    with_state(obj, |st| {
        if st.detached {
            return Err(st.detached_error());
        }
        Ok(Value::Bool(st.closed))
    })
}

/// `__getattr__`, reached when normal lookup fails: a delegated object's
/// other attributes (`newlines`, `raw`, `name`, ...) are its delegate's;
/// for the others the attribute is missing.
fn m_getattr(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let obj = this(&a, "__getattr__")?;
    let name = match a.pos.get(1) {
        Some(Value::Str(s)) => s.as_str().to_string(),
        _ => String::new(),
    };
    if name == "raw" {
        if let Some(raw) = buffered_raw(vm, obj)? {
            return Ok(raw);
        }
    }
    Err(PyErr::new(
        ExcKind::AttributeError,
        format!(
            "'{}' object has no attribute '{name}'",
            crate::types::type_name(obj)
        ),
    ))
}

fn m_repr(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let obj = this(&a, "__repr__")?;
    let Value::Instance(inst) = obj else {
        return Ok(Value::str("<_io object>"));
    };
    let class = with_state(obj, |st| Ok(st.class)).unwrap_or("");
    let tname = inst.class().name.clone();
    let attr = |name: &str| crate::import::dict_get(&inst.dict.clone().borrow(), name);
    let mut out = format!("<_io.{tname}");
    if class == "StringIO" || class == "BytesIO" || class.is_empty() {
        return Ok(Value::string(format!(
            "<_io.{tname} object at {:#x}>",
            obj.identity()
        )));
    }
    let (closed, detached) = with_state(obj, |st| Ok((st.closed, st.detached))).unwrap_or_default();
    // A detached object's `name` is its stream's, which it no longer has.
    if detached && class != "TextIOWrapper" {
        return Ok(Value::string(format!("<_io.{tname}>")));
    }
    if class == "FileIO" {
        return fileio_repr(vm, obj, closed);
    }
    if let Some(name) = attr("name").filter(|_| !detached) {
        out.push_str(&format!(" name={}", vm.repr_of(&name)?));
    }
    if class == "TextIOWrapper" || class == "FileIO" {
        if let Some(mode) = attr("mode") {
            out.push_str(&format!(" mode={}", vm.repr_of(&mode)?));
        }
    }
    if class == "TextIOWrapper" {
        if let Some(enc) = attr("encoding") {
            out.push_str(&format!(" encoding={}", vm.repr_of(&enc)?));
        }
    }
    out.push('>');
    Ok(Value::string(out))
}

/// `fileio_repr`: `_io.FileIO` whatever the subclass, `name=` when the
/// object has a name (looked up as an attribute, so a name that is the
/// file itself recurses into a RuntimeError) and `fd=` otherwise.
fn fileio_repr(vm: &mut Vm, obj: &Value, closed: bool) -> PyResult<Value> {
    use std::os::fd::AsRawFd;
    if closed {
        return Ok(Value::str("<_io.FileIO [closed]>"));
    }
    let (fd, borrowed) = with_state(obj, |st| {
        Ok((
            st.stream.os_file().map_or(-1, |f| f.as_raw_fd()),
            st.std.is_some() || st.stream.is_borrowed(),
        ))
    })?;
    let mode = match obj {
        Value::Instance(i) => crate::import::dict_get(&i.dict.clone().borrow(), "mode"),
        _ => None,
    };
    let mode = match mode {
        Some(Value::Str(s)) => s.as_str().to_string(),
        _ => String::new(),
    };
    let closefd = if borrowed { "False" } else { "True" };
    let name_key = vm.intern("name");
    let name = match vm.get_attr(obj, &name_key) {
        Ok(v) => Some(v),
        Err(e) if e.is(ExcKind::AttributeError) => None,
        Err(e) => return Err(e),
    };
    let Some(name) = name else {
        return Ok(Value::string(format!(
            "<_io.FileIO fd={fd} mode='{mode}' closefd={closefd}>"
        )));
    };
    let Some(shown) = crate::native::repr_guard(obj, || vm.repr_of(&name))? else {
        // The message names the object's own type, as `Py_TYPE(self)->tp_name`
        // (which is `_io.FileIO` for the static type itself).
        let base = super::io_class(vm, "FileIO")?;
        let tp_name = match obj {
            Value::Instance(i) if Rc::ptr_eq(&i.class(), &base) => "_io.FileIO".to_string(),
            _ => crate::types::type_name(obj).to_string(),
        };
        return Err(PyErr::new(
            ExcKind::RuntimeError,
            format!("reentrant call inside {tp_name}.__repr__"),
        ));
    };
    Ok(Value::string(format!(
        "<_io.FileIO name={shown} mode='{mode}' closefd={closefd}>"
    )))
}

/// A `str`-or-`None` keyword of `reconfigure`: `Some(None)` for `None`,
/// `None` when not given.
fn reconfigure_text(a: &Args<'_>, kw: &str) -> PyResult<Option<Option<String>>> {
    match a.kw(kw) {
        None => Ok(None),
        Some(Value::None) => Ok(Some(None)),
        Some(Value::Str(s)) => Ok(Some(Some(s.as_str().to_string()))),
        Some(other) => Err(PyErr::type_error(format!(
            "reconfigure() argument '{kw}' must be str or None, not {}",
            crate::types::type_name(other)
        ))),
    }
}

/// `TextIOWrapper.reconfigure(*, encoding=None, errors=None, newline=...,
/// line_buffering=None, write_through=None)`: what is not given stays;
/// a new encoding without `errors` gets `strict`. Pending output is
/// flushed first. The standard streams write through the VM's UTF-8
/// output, so for them only UTF-8 (and `\n` newlines) can be chosen.
fn m_reconfigure(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let obj = this(&a, "reconfigure")?;
    if a.pos.len() > 1 {
        return Err(PyErr::type_error(format!(
            "reconfigure() takes exactly 0 positional arguments ({} given)",
            a.pos.len() - 1
        )));
    }
    let names = [
        "encoding",
        "errors",
        "newline",
        "line_buffering",
        "write_through",
    ];
    a.check_kw("reconfigure", &names)?;
    let encoding = reconfigure_text(&a, "encoding")?.flatten();
    let errors = reconfigure_text(&a, "errors")?.flatten();
    let newline = reconfigure_text(&a, "newline")?;
    let (mode, std) = with_state(obj, |st| match st.kind {
        Kind::Text(mode) => Ok((mode, st.std)),
        _ => Err(PyErr::type_error("reconfigure() needs a text file")),
    })?;
    let mut new = mode;
    if let Some(name) = &encoding {
        new.codec = match (name.as_str(), super::stream::Codec::lookup(name)) {
            ("locale", _) => super::stream::Codec::Utf8,
            (_, Some(codec)) => codec,
            (_, None) => {
                // Known to the registry but not to the native text layer:
                // refused rather than written in another encoding.
                crate::modules::codecs::lookup_codec(vm, name)?;
                return Err(super::unsupported(
                    vm,
                    &format!(
                        "reconfigure: encoding '{name}' is not supported by native text files"
                    ),
                ));
            }
        };
    }
    match (&errors, &encoding) {
        (Some(e), _) => new.errors = super::stream::Errors::lookup(e),
        (None, Some(_)) => new.errors = super::stream::Errors::lookup("strict"),
        (None, None) => {}
    }
    if let Some(nl) = &newline {
        new.newline = super::text_mode(None, None, nl.as_deref())?.newline;
    }
    if std.is_some() {
        if new.codec != mode.codec && new.codec != super::stream::Codec::Utf8 {
            return Err(super::unsupported(
                vm,
                "reconfigure: the standard streams write UTF-8 only",
            ));
        }
        // POSIX stdio translates no newline on output; only input would.
        if matches!(
            new.newline,
            super::stream::Newline::Cr | super::stream::Newline::CrLf
        ) {
            return Err(super::unsupported(
                vm,
                "reconfigure: the standard streams take '\\n' newlines only",
            ));
        }
        new.newline = mode.newline;
    }
    vm.call_method(obj, "flush", &[])?;
    with_state(obj, |st| {
        st.kind = Kind::Text(new);
        Ok(())
    })?;
    if let Value::Instance(inst) = obj {
        let d_rc = inst.dict.clone();
        let mut d = d_rc.borrow_mut();
        let new_errors = match (errors, &encoding) {
            (Some(e), _) => Some(e),
            (None, Some(_)) => Some("strict".to_string()),
            (None, None) => None,
        };
        if let Some(name) = encoding {
            let shown = if name == "locale" {
                "UTF-8".to_string()
            } else {
                name
            };
            d.insert(Value::str("encoding"), Value::string(shown))?;
        }
        if let Some(e) = new_errors {
            d.insert(Value::str("errors"), Value::string(e))?;
        }
        for kw in ["line_buffering", "write_through"] {
            match a.kw(kw) {
                None | Some(Value::None) => {}
                Some(v) => {
                    let b = crate::ops::truthy(v);
                    d.insert(Value::str(kw), Value::Bool(b))?;
                }
            }
        }
    }
    Ok(Value::None)
}

/// `_PyIOBase_check_readable` and its siblings: `stream.<ability>()` must
/// answer `True` itself, or the operation is unsupported.
fn check_ability(vm: &mut Vm, stream: &Value, ability: &str) -> PyResult<()> {
    let answer = vm.call_method(stream, ability, &[])?;
    if matches!(answer, Value::Bool(true)) {
        return Ok(());
    }
    Err(super::unsupported(
        vm,
        &format!("File or stream is not {ability}."),
    ))
}
