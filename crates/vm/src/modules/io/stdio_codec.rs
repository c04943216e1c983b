//! `PYTHONIOENCODING` with an encoding the native streams do not speak
//! (UTF-16, cp1252, koi8-r, ...): the standard streams then encode and
//! decode through the codec registry's incremental encoders and decoder,
//! as CPython's `TextIOWrapper` does, made on first use (the registry
//! imports `encodings`). Stdin also reads through the registry for ASCII
//! and Latin-1, and for UTF-8 with an error handler other than `strict`;
//! it cannot yet deliver the lone surrogates `surrogateescape` makes (its
//! lines are Rust text) and says so.

use crate::exc::{PyErr, PyResult};
use crate::value::Value;
use crate::vm::Vm;

/// Which standard stream an encoder writes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Out {
    Stdout,
    Stderr,
}

/// The registry codec of the standard streams.
pub(crate) struct RegistryStdio {
    /// The encoding as `PYTHONIOENCODING` names it.
    encoding: String,
    /// Whether output goes through the registry (the native codecs write
    /// ASCII and Latin-1 themselves).
    output: bool,
    /// stdout's and stdin's error handler.
    errors: &'static str,
    /// The incremental encoders of stdout and stderr, once made.
    encoders: [Option<Value>; 2],
    /// stdin's incremental decoder, once made.
    decoder: Option<Value>,
}

impl RegistryStdio {
    /// The registry codec `PYTHONIOENCODING` asks for, if any: a named
    /// encoding other than UTF-8.
    pub(crate) fn from_env() -> Option<Box<RegistryStdio>> {
        std::env::var_os("PYTHONIOENCODING")?;
        let name = super::stdio::env_encoding_name().unwrap_or_else(|| "utf-8".into());
        let native = super::stream::Codec::lookup(&name);
        let errors = crate::str_codecs::stdout_errors();
        if native == Some(super::stream::Codec::Utf8) && errors == "strict" {
            return None;
        }
        Some(Box::new(RegistryStdio {
            encoding: name,
            output: native.is_none(),
            errors,
            encoders: [None, None],
            decoder: None,
        }))
    }
}

/// The codec's own name (`codecs.lookup(name).name`), which the streams'
/// `encoding` shows; `None` when output is native or the lookup fails.
pub(crate) fn codec_name(vm: &mut Vm) -> Option<String> {
    let encoding = vm
        .stdio_registry
        .as_ref()
        .filter(|r| r.output)?
        .encoding
        .clone();
    let info = crate::modules::codecs::lookup_codec(vm, &encoding).ok()?;
    match attr(vm, &info, "name") {
        Ok(Value::Str(s)) => Some(s.as_str().to_string()),
        _ => None,
    }
}

fn attr(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Value> {
    let name = vm.intern(name);
    vm.get_attr(obj, &name)
}

/// Whether the standard streams' output goes through the registry.
pub(crate) fn encodes_output(vm: &Vm) -> bool {
    vm.stdio_registry.as_ref().is_some_and(|r| r.output)
}

/// Whether stdin decodes through the registry.
pub(crate) fn decodes_input(vm: &Vm) -> bool {
    vm.stdio_registry.is_some()
}

/// Where descriptor `fd` is, if it can seek.
fn position(fd: i32) -> Option<u64> {
    crate::modules::posix::raw::with_borrowed(fd, |f| {
        let mut f: &std::fs::File = f;
        std::io::Seek::stream_position(&mut f).ok()
    })
    .ok()
    .flatten()
}

/// The incremental encoder of `which`, made on first use. As CPython's
/// `TextIOWrapper`, a stream that is not at the start of a seekable file
/// writes no byte-order mark (the encoder's state is set to 0), and UTF-16
/// and UTF-32 write none on a stream that cannot seek.
fn encoder(vm: &mut Vm, which: Out) -> PyResult<Value> {
    let slot = which as usize;
    let Some(reg) = vm.stdio_registry.as_ref() else {
        return Err(PyErr::system_error("no registry codec for stdio"));
    };
    if let Some(e) = &reg.encoders[slot] {
        return Ok(e.clone());
    }
    let encoding = reg.encoding.clone();
    let errors = match which {
        Out::Stdout => reg.errors,
        Out::Stderr => "backslashreplace",
    };
    let info = crate::modules::codecs::lookup_codec(vm, &encoding)?;
    let make = attr(vm, &info, "incrementalencoder")?;
    let enc = vm.call(&make, &[Value::str(errors)])?;
    let name = match attr(vm, &info, "name") {
        Ok(Value::Str(s)) => s.as_str().to_string(),
        _ => String::new(),
    };
    let fd = if which == Out::Stdout { 1 } else { 2 };
    let no_bom = match position(fd) {
        Some(pos) => pos != 0,
        None => matches!(name.as_str(), "utf-16" | "utf-32"),
    };
    if no_bom {
        vm.call_method(&enc, "setstate", &[Value::Int(0)])?;
    }
    if let Some(reg) = vm.stdio_registry.as_mut() {
        reg.encoders[slot] = Some(enc.clone());
    }
    Ok(enc)
}

/// `text` (a str) encoded for `which`.
pub(crate) fn encode(vm: &mut Vm, which: Out, text: Value) -> PyResult<Vec<u8>> {
    let enc = encoder(vm, which)?;
    match vm.call_method(&enc, "encode", &[text])? {
        Value::Bytes(b) => Ok(b.as_slice().to_vec()),
        other => Err(PyErr::type_error(format!(
            "encoder should return a bytes object, not '{}'",
            crate::types::type_name(&other)
        ))),
    }
}

/// stdin's bytes `data` decoded (`last`: the end of input, so an
/// incomplete sequence is an error rather than kept for later).
pub(crate) fn decode(vm: &mut Vm, data: &[u8], last: bool) -> PyResult<String> {
    let dec = match vm.stdio_registry.as_ref().and_then(|r| r.decoder.clone()) {
        Some(d) => d,
        None => {
            let Some(reg) = vm.stdio_registry.as_ref() else {
                return Err(PyErr::system_error("no registry codec for stdio"));
            };
            let (encoding, errors) = (reg.encoding.clone(), reg.errors);
            let info = crate::modules::codecs::lookup_codec(vm, &encoding)?;
            let make = attr(vm, &info, "incrementaldecoder")?;
            let d = vm.call(&make, &[Value::str(errors)])?;
            if let Some(reg) = vm.stdio_registry.as_mut() {
                reg.decoder = Some(d.clone());
            }
            d
        }
    };
    let bytes = Value::Bytes(std::rc::Rc::new(data.to_vec()));
    match vm.call_method(&dec, "decode", &[bytes, Value::Bool(last)])? {
        // stdin's lines are Rust text, which has no lone surrogates.
        Value::Str(s) if s.surrogates().is_some() => Err(PyErr::new(
            crate::types::ExcKind::NotImplementedError,
            "sys.stdin cannot deliver lone surrogates (its error handler made some)",
        )),
        Value::Str(s) => Ok(s.as_str().to_string()),
        other => Err(PyErr::type_error(format!(
            "decoder should return a string result, not '{}'",
            crate::types::type_name(&other)
        ))),
    }
}
