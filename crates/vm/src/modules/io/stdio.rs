//! `sys.stdout`, `sys.stderr` and `sys.stdin`: `_io.TextIOWrapper` objects
//! over descriptors 1, 2 and 0, each with a `buffer` (`BufferedWriter`, or
//! `FileIO` when stdio is unbuffered; `BufferedReader` for stdin), as
//! CPython's `create_stdio` makes them.
//!
//! Their file states are ordinary `_io` states marked with
//! [`FileState::std`]: `fileno`, `isatty`, `seekable`, `closed`, `close` and
//! `repr` are the file code's own, while reads and writes go through the
//! VM's buffered streams, the ones `print` and `input` use, so output
//! written either way keeps its order and `print` stays a direct write.

use std::io::IsTerminal;
use std::os::fd::RawFd;
use std::rc::Rc;

use super::stream::{ByteStream, Codec, Errors, Newline, TextMode};
use super::{attach, io_class, FileState, Kind, FILES};
use crate::exc::PyResult;
use crate::func::Args;
use crate::instance::Instance;
use crate::modules::sys::StdStream;
use crate::value::Value;
use crate::vm::Vm;

/// The I/O methods whose work the VM's streams do for a standard stream;
/// the rest of the file methods run unchanged.
const REDIRECTED: [&str; 7] = [
    "write",
    "writelines",
    "flush",
    "read",
    "readline",
    "readlines",
    "__next__",
];

/// Whether stdio is unbuffered (`PYTHONUNBUFFERED`), which CPython shows as
/// `write_through`, no `line_buffering` and a `FileIO` buffer for output.
pub(crate) fn unbuffered() -> bool {
    std::env::var_os("PYTHONUNBUFFERED").is_some_and(|v| !v.is_empty())
}

/// The encoding `PYTHONIOENCODING` names (`encoding[:errors]`), if any and
/// one the native streams speak; `None` for UTF-8 and when it is unset.
fn env_encoding() -> Option<Codec> {
    Codec::lookup(&env_encoding_name()?).filter(|c| *c != Codec::Utf8)
}

/// The encoding `PYTHONIOENCODING` names, if it names one.
pub(crate) fn env_encoding_name() -> Option<String> {
    let io = std::env::var("PYTHONIOENCODING").ok()?;
    let name = io.split_once(':').map_or(io.as_str(), |(e, _)| e);
    (!name.is_empty()).then(|| name.to_string())
}

/// The VM's stdio codec ([`Vm::stdio_codec`]): `PYTHONIOENCODING`'s
/// encoding with stdout's error handler.
pub(crate) fn env_codec() -> Option<(Codec, Errors)> {
    let codec = env_encoding()?;
    Some((codec, Errors::lookup(crate::str_codecs::stdout_errors())))
}

/// The name `TextIOWrapper.encoding` shows for `codec`: the codec's own
/// (`codecs.lookup(name).name`), as CPython's standard streams report it.
fn encoding_name(codec: Codec) -> &'static str {
    match codec {
        Codec::Utf8 => "utf-8",
        Codec::Ascii => "ascii",
        Codec::Latin1 => "iso8859-1",
    }
}

/// Makes the standard stream `which`: a `TextIOWrapper` and its buffer.
pub(crate) fn make(vm: &mut Vm, which: StdStream) -> PyResult<Value> {
    let (fd, name, reading): (RawFd, &str, bool) = match which {
        StdStream::Stdout => (1, "<stdout>", false),
        StdStream::Stderr => (2, "<stderr>", false),
        StdStream::Stdin => (0, "<stdin>", true),
    };
    let unbuffered = unbuffered();
    let buffer_class = match (reading, unbuffered) {
        (true, _) => "BufferedReader",
        (false, false) => "BufferedWriter",
        (false, true) => "FileIO",
    };
    let buffer = new_object(vm, buffer_class)?;
    set_attrs(
        &buffer,
        &[
            ("name", Value::str(name)),
            ("mode", Value::str(if reading { "rb" } else { "wb" })),
        ],
    )?;
    let wrapper = new_object(vm, "TextIOWrapper")?;
    let tty = match which {
        StdStream::Stdout => std::io::stdout().is_terminal(),
        StdStream::Stderr => std::io::stderr().is_terminal(),
        StdStream::Stdin => std::io::stdin().is_terminal(),
    };
    let errors = crate::str_codecs::stream_errors(name);
    let codec = env_encoding().unwrap_or(Codec::Utf8);
    let encoding = match super::stdio_codec::codec_name(vm) {
        Some(name) => Value::string(name),
        None => Value::str(encoding_name(codec)),
    };
    set_attrs(
        &wrapper,
        &[
            ("name", Value::str(name)),
            ("mode", Value::str(if reading { "r" } else { "w" })),
            ("encoding", encoding),
            ("errors", Value::str(errors)),
            (
                "line_buffering",
                Value::Bool(!unbuffered && (tty || fd == 2)),
            ),
            ("write_through", Value::Bool(unbuffered)),
            ("newlines", Value::None),
            ("buffer", buffer.clone()),
        ],
    )?;
    let state = |kind, class| FileState {
        stream: ByteStream::borrowed_fd(fd),
        kind,
        readable: reading,
        writable: !reading,
        closed: false,
        detached: false,
        class,
        lent_to: None,
        std: Some(which),
    };
    attach(&buffer, state(Kind::Binary, buffer_class));
    let mode = TextMode {
        codec,
        errors: Errors::lookup(errors),
        // POSIX stdio translates no newlines.
        newline: Newline::Lf,
    };
    attach(&wrapper, state(Kind::Text(mode), "TextIOWrapper"));
    Ok(wrapper)
}

fn new_object(vm: &mut Vm, class: &str) -> PyResult<Value> {
    let t = io_class(vm, class)?;
    Ok(Value::Instance(Rc::new(Instance::new(t, Value::Null))))
}

fn set_attrs(obj: &Value, attrs: &[(&str, Value)]) -> PyResult<()> {
    if let Value::Instance(i) = obj {
        let d = i.dict.clone();
        let mut d = d.borrow_mut();
        for (k, v) in attrs {
            d.insert(Value::str(k), v.clone())?;
        }
    }
    Ok(())
}

/// Which standard stream `obj` is, and whether it is the binary `buffer`;
/// `None` for any other object and for a closed stream. No error is made
/// for objects that are not files: `print(file=...)` asks this of any object.
pub(crate) fn std_of(obj: &Value) -> Option<(StdStream, bool)> {
    let Value::Instance(inst) = obj else {
        return None;
    };
    let key = Rc::as_ptr(inst) as usize;
    FILES.with(|files| {
        let files = files.borrow();
        let e = files.get(&key)?;
        if !std::ptr::eq(e.owner.as_ptr(), Rc::as_ptr(inst)) || e.state.closed {
            return None;
        }
        Some((e.state.std?, e.state.kind == Kind::Binary))
    })
}

/// For a method call on a standard stream whose I/O the VM's streams do,
/// the call's result; `None` lets the ordinary file method run.
pub(super) fn redirect(vm: &mut Vm, a: &Args<'_>, name: &str) -> Option<PyResult<Value>> {
    let (this, rest) = a.pos.split_first()?;
    if !REDIRECTED.contains(&name) {
        return None;
    }
    let (which, binary) = std_of(this)?;
    let def = crate::modules::sys::std_functions(which, binary)
        .iter()
        .find(|d| d.name == name)?;
    let args = Args {
        pos: rest,
        kwnames: a.kwnames,
        kwvals: a.kwvals,
    };
    Some((def.func)(vm, args))
}
