//! `_codecs`: CPython's `Modules/_codecsmodule.c` and the registry of
//! `Python/codecs.c`, enough for `codecs`, `encodings` and `tokenize`:
//! codec search functions and their cache, error handlers, and the UTF-8,
//! ASCII, Latin-1, bytes-escape and basic charmap codecs (the byte-level work
//! is shared with `str.encode` in `crate::format::codecs`).
//!
//! The registry lives in the module's own namespace (`_search_path`,
//! `_search_cache`, `_error_handlers`), so each VM has its own.

use std::rc::Rc;

use crate::dict::Dict;
use crate::exc::{PyErr, PyResult};
use crate::format::codecs::Codec;
use crate::func::Args;
use crate::native::bind_args;
use crate::types::{type_name, ExcKind};
use crate::value::Value;
use crate::vm::Vm;

use super::codec_errors::{native_decode_errors, native_encode_errors};
use super::new_module;

super::module_functions!(CODECS_FUNCTIONS, "_codecs", [
    "register" => register, "unregister" => unregister, "lookup" => lookup,
    "encode" => encode, "decode" => decode, "_forget_codec" => forget_codec,
    "lookup_error" => lookup_error, "register_error" => register_error,
    "utf_8_encode" => utf_8_encode, "utf_8_decode" => utf_8_decode,
    "ascii_encode" => ascii_encode, "ascii_decode" => ascii_decode,
    "latin_1_encode" => latin_1_encode, "latin_1_decode" => latin_1_decode,
    "escape_encode" => escape_encode, "escape_decode" => escape_decode,
    "charmap_build" => super::codecs_charmap::charmap_build,
    "charmap_decode" => super::codecs_charmap::charmap_decode,
    "charmap_encode" => super::codecs_charmap::charmap_encode,
    "unicode_escape_encode" => super::codecs_escape::unicode_escape_encode,
    "unicode_escape_decode" => super::codecs_escape::unicode_escape_decode,
    "raw_unicode_escape_encode" => super::codecs_escape::raw_unicode_escape_encode,
    "raw_unicode_escape_decode" => super::codecs_escape::raw_unicode_escape_decode,
    "readbuffer_encode" => readbuffer_encode,
    "utf_7_encode" => super::codecs_utf7::utf_7_encode,
    "utf_7_decode" => super::codecs_utf7::utf_7_decode,
    "utf_16_encode" => super::codecs_utf16::utf_16_encode,
    "utf_16_le_encode" => super::codecs_utf16::utf_16_le_encode,
    "utf_16_be_encode" => super::codecs_utf16::utf_16_be_encode,
    "utf_16_decode" => super::codecs_utf16::utf_16_decode,
    "utf_16_le_decode" => super::codecs_utf16::utf_16_le_decode,
    "utf_16_be_decode" => super::codecs_utf16::utf_16_be_decode,
    "utf_16_ex_decode" => super::codecs_utf16::utf_16_ex_decode,
    "utf_32_encode" => super::codecs_utf16::utf_32_encode,
    "utf_32_le_encode" => super::codecs_utf16::utf_32_le_encode,
    "utf_32_be_encode" => super::codecs_utf16::utf_32_be_encode,
    "utf_32_decode" => super::codecs_utf16::utf_32_decode,
    "utf_32_le_decode" => super::codecs_utf16::utf_32_le_decode,
    "utf_32_be_decode" => super::codecs_utf16::utf_32_be_decode,
    "utf_32_ex_decode" => super::codecs_utf16::utf_32_ex_decode,
]);

const SEARCH_PATH: &str = "_search_path";
const SEARCH_CACHE: &str = "_search_cache";
const ERROR_HANDLERS_KEY: &str = "_error_handlers";

/// Builds the `_codecs` module.
pub fn init(_vm: &mut Vm) -> Value {
    let mut handlers = Dict::new();
    for (name, handler) in super::codec_handlers::builtin_handlers() {
        let _ = handlers.insert(Value::str(name), handler);
    }
    new_module(
        "_codecs",
        CODECS_FUNCTIONS,
        vec![
            (SEARCH_PATH, Value::list(Vec::new())),
            (SEARCH_CACHE, Value::dict(Dict::new())),
            (ERROR_HANDLERS_KEY, Value::dict(handlers)),
        ],
    )
}

/// One of the registry's containers in the `_codecs` module namespace.
fn registry(vm: &mut Vm, key: &str) -> PyResult<Value> {
    let m = vm.import_module("_codecs")?;
    let Value::Module(m) = m else {
        return Err(PyErr::system_error("_codecs is not a module"));
    };
    let k = vm.intern(key);
    let found = m.dict.borrow().get_str(&k).cloned();
    found.ok_or_else(|| PyErr::system_error("codec registry is gone"))
}

pub(super) fn str_arg<'a>(v: Option<&'a Value>, fname: &str, pos: usize) -> PyResult<&'a str> {
    match v {
        Some(Value::Str(s)) => Ok(s.as_str()),
        Some(other) => Err(PyErr::type_error(format!(
            "{fname}() argument {pos} must be str, not {}",
            type_name(other)
        ))),
        None => Err(PyErr::type_error(format!(
            "{fname}() missing argument {pos}"
        ))),
    }
}

/// `errors` as given (`None` means strict).
pub(super) fn errors_arg(v: Option<&Value>, fname: &str, pos: usize) -> PyResult<String> {
    match v {
        None | Some(Value::None) => Ok("strict".to_string()),
        other => str_arg(other, fname, pos).map(str::to_string),
    }
}

pub(super) fn bytes_arg(v: Option<&Value>, fname: &str) -> PyResult<Vec<u8>> {
    match v {
        Some(Value::Bytes(b)) => Ok(b.to_vec()),
        Some(Value::ByteArray(b)) => Ok(b.borrow().clone()),
        Some(Value::MemoryView(m)) => m.to_vec(),
        // Any other buffer (`array.array`, ...), as CPython's `y*`.
        Some(other) => crate::buffer::bytes_like(other),
        None => Err(PyErr::type_error(format!("{fname}() missing argument 1"))),
    }
}

/// `normalizestring` of `codecs.c` (`_Py_normalize_encoding` on the UTF-8
/// bytes): ASCII letters, digits and dots kept (lower case), every other run
/// of bytes one underscore between them, none at either end.
fn normalize(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut punct = false;
    for b in name.bytes() {
        if b.is_ascii_alphanumeric() || b == b'.' {
            if punct && !out.is_empty() {
                out.push('_');
            }
            punct = false;
            out.push(char::from(b.to_ascii_lowercase()));
        } else {
            punct = true;
        }
    }
    out
}

fn register(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = bind_args(&a, "register", &["search_function"], 1)?;
    let f = args[0].cloned().unwrap_or(Value::None);
    if !crate::native::is_callable(&f) {
        return Err(PyErr::type_error("argument must be callable"));
    }
    if let Value::List(l) = registry(vm, SEARCH_PATH)? {
        l.borrow_mut().push(f);
    }
    Ok(Value::None)
}

fn unregister(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = bind_args(&a, "unregister", &["search_function"], 1)?;
    let f = args[0].cloned().unwrap_or(Value::None);
    if let Value::List(l) = registry(vm, SEARCH_PATH)? {
        let pos = l.borrow().iter().position(|x| x.is(&f));
        if let Some(i) = pos {
            l.borrow_mut().remove(i);
            if let Value::Dict(c) = registry(vm, SEARCH_CACHE)? {
                c.borrow_mut().clear();
            }
        }
    }
    Ok(Value::None)
}

/// `codecs.lookup(encoding)`: the cached `CodecInfo`, else the first search
/// function's answer.
pub(crate) fn lookup_codec(vm: &mut Vm, encoding: &str) -> PyResult<Value> {
    let norm = normalize(encoding);
    let key = Value::string(norm.clone());
    let Value::Dict(cache) = registry(vm, SEARCH_CACHE)? else {
        return Err(PyErr::system_error("codec cache is gone"));
    };
    if let Some(v) = cache.borrow().get(&key)? {
        return Ok(v.clone());
    }
    let funcs = match registry(vm, SEARCH_PATH)? {
        Value::List(l) => l.borrow().clone(),
        _ => Vec::new(),
    };
    if funcs.is_empty() {
        // As CPython, the first lookup imports `encodings`, which registers
        // its search function.
        let globals = Rc::new(std::cell::RefCell::new(Dict::new()));
        if let Err(e) = vm.import_name("encodings", &Value::None, 0, &globals) {
            // With no standard library to import, only the built-in codecs
            // exist: the lookup fails as for any unknown name.
            if !e.0.is_instance(ExcKind::ImportError) {
                return Err(e);
            }
        }
    }
    let funcs = match registry(vm, SEARCH_PATH)? {
        Value::List(l) => l.borrow().clone(),
        _ => Vec::new(),
    };
    for f in funcs {
        let r = vm.call(&f, std::slice::from_ref(&key))?;
        if matches!(r, Value::None) {
            continue;
        }
        let is_4_tuple = match crate::instance::payload_of(&r).unwrap_or(&r) {
            Value::Tuple(t) => t.len() == 4,
            _ => false,
        };
        if !is_4_tuple {
            return Err(PyErr::type_error(
                "codec search functions must return 4-tuples",
            ));
        }
        cache.borrow_mut().insert(key, r.clone())?;
        return Ok(r);
    }
    Err(PyErr::new(
        ExcKind::LookupError,
        format!("unknown encoding: {encoding}"),
    ))
}

fn lookup(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = bind_args(&a, "lookup", &["encoding"], 1)?;
    let enc = str_arg(args[0], "lookup", 1)?.to_string();
    lookup_codec(vm, &enc)
}

fn forget_codec(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = bind_args(&a, "_forget_codec", &["encoding"], 1)?;
    let enc = str_arg(args[0], "_forget_codec", 1)?;
    let key = Value::string(normalize(enc));
    if let Value::Dict(c) = registry(vm, SEARCH_CACHE)? {
        c.borrow_mut().remove(&key)?;
    }
    Ok(Value::None)
}

/// `str.encode`/`bytes.decode` with a codec the VM does not implement
/// natively (`idna`, `punycode`, `cp1252`, ...): the registry's encoder
/// (`which` 0) or decoder (1), whose result must be bytes or str as
/// CPython's `PyUnicode_AsEncodedString`/`PyUnicode_Decode` check.
pub(crate) fn via_registry(
    vm: &mut Vm,
    obj: Value,
    encoding: &str,
    errors: &str,
    which: usize,
) -> PyResult<Value> {
    let info = lookup_codec(vm, encoding)?;
    let (verb, operation) = if which == 0 {
        ("encode", "encoding")
    } else {
        ("decode", "decoding")
    };
    let command = format!("codecs.{verb}()");
    super::codec_wrap::check_text_encoding(vm, &info, encoding, &command)?;
    let coder = vm.getitem(&info, &Value::Int(which as i64))?;
    let r = vm
        .call(&coder, &[obj, Value::str(errors)])
        .map_err(|e| super::codec_wrap::wrap_codec_error(vm, e, operation, encoding))?;
    let (what, want) = if which == 0 {
        ("encoder", "bytes")
    } else {
        ("decoder", "str")
    };
    let first = match &r {
        Value::Tuple(t) if t.len() == 2 => t[0].clone(),
        _ => {
            return Err(PyErr::type_error(format!(
                "{what} must return a tuple (object, integer)"
            )))
        }
    };
    let ok = match &first {
        Value::Bytes(_) => which == 0,
        Value::Str(_) => which == 1,
        _ => false,
    };
    if !ok {
        return Err(PyErr::type_error(format!(
            "'{encoding}' {what} returned '{}' instead of '{want}'; use codecs.{verb}() to {verb} to arbitrary types",
            type_name(&first)
        )));
    }
    Ok(first)
}

/// `s.encode(encoding, errors)` for the str `obj`: the native codecs, else
/// the codec registry (codecs written in Python).
pub(crate) fn encode_str(
    vm: &mut Vm,
    obj: &Value,
    encoding: &str,
    errors: &str,
) -> PyResult<Vec<u8>> {
    let Value::Str(s) = obj else {
        return Err(PyErr::type_error("encode() needs a str"));
    };
    if let Ok(codec) = crate::format::codecs::lookup(encoding) {
        return encode_native(vm, obj, codec, errors);
    }
    match crate::str_codecs::encode(s, encoding, errors) {
        Err(e) if is_unknown_encoding(&e) => {
            match via_registry(vm, obj.clone(), encoding, errors, 0)? {
                Value::Bytes(b) => Ok(b.to_vec()),
                _ => Err(PyErr::type_error("encoder did not return bytes")),
            }
        }
        r => r,
    }
}

/// `bytes.decode(encoding, errors)` of `data` (a bytes object): the native
/// codecs, else the codec registry.
pub(crate) fn decode_bytes(
    vm: &mut Vm,
    data: &Value,
    encoding: &str,
    errors: &str,
) -> PyResult<Value> {
    let Value::Bytes(b) = data else {
        return Err(PyErr::type_error("decode() needs bytes"));
    };
    if b.is_empty() {
        // CPython returns the empty string before looking the codec up.
        return Ok(Value::str(""));
    }
    if let Ok(codec) = crate::format::codecs::lookup(encoding) {
        return decode_native(vm, b, codec, errors, true).map(|(s, _)| s);
    }
    match crate::str_codecs::decode(b, encoding, errors) {
        Err(e) if is_unknown_encoding(&e) => via_registry(vm, data.clone(), encoding, errors, 1),
        r => r,
    }
}

/// In development mode (`-X dev`), looks up the `encoding` and `errors`
/// that were given, so a wrong name fails even where no data needs the
/// codec (an empty string), as CPython's `unicode_check_encoding_errors`.
pub(crate) fn check_encoding_errors(
    vm: &mut Vm,
    encoding: Option<&str>,
    errors: Option<&str>,
) -> PyResult<()> {
    if !vm.cmdline.has_xoption("dev") {
        return Ok(());
    }
    if let Some(enc) = encoding {
        lookup_codec(vm, enc)?;
    }
    if let Some(err) = errors {
        error_handler(vm, err)?;
    }
    Ok(())
}

/// Whether `e` is the LookupError of a codec the VM does not know natively.
pub(crate) fn is_unknown_encoding(e: &PyErr) -> bool {
    e.0.is_instance(ExcKind::LookupError)
}

/// `codecs.encode`/`codecs.decode`: item `which` of the codec's entry.
fn run_codec(vm: &mut Vm, a: Args<'_>, fname: &str, which: usize) -> PyResult<Value> {
    let args = bind_args(&a, fname, &["obj", "encoding", "errors"], 1)?;
    let obj = args[0].cloned().unwrap_or(Value::None);
    let enc = match args[1] {
        None => "utf-8".to_string(),
        v => str_arg(v, fname, 2)?.to_string(),
    };
    let errors = match args[2] {
        None => "strict".to_string(),
        v => str_arg(v, fname, 3)?.to_string(),
    };
    let info = lookup_codec(vm, &enc)?;
    let coder = vm.getitem(&info, &Value::Int(which as i64))?;
    let operation = if which == 0 { "encoding" } else { "decoding" };
    let r = vm
        .call(&coder, &[obj, Value::string(errors)])
        .map_err(|e| super::codec_wrap::wrap_codec_error(vm, e, operation, &enc))?;
    let what = if which == 0 { "encoder" } else { "decoder" };
    match &r {
        Value::Tuple(t) if t.len() == 2 => Ok(t[0].clone()),
        _ => Err(PyErr::type_error(format!(
            "{what} must return a tuple (object, integer)"
        ))),
    }
}

fn encode(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    run_codec(vm, a, "encode", 0)
}

fn decode(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    run_codec(vm, a, "decode", 1)
}

fn lookup_error(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = bind_args(&a, "lookup_error", &["name"], 1)?;
    let name = str_arg(args[0], "lookup_error", 1)?.to_string();
    error_handler(vm, &name)
}

/// The error handler registered as `name` (`codecs.lookup_error`).
pub(super) fn error_handler(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let name = name.to_string();
    let Value::Dict(h) = registry(vm, ERROR_HANDLERS_KEY)? else {
        return Err(PyErr::system_error("error handler registry is gone"));
    };
    let found = h.borrow().get(&Value::string(name.clone()))?.cloned();
    found.ok_or_else(|| {
        PyErr::new(
            ExcKind::LookupError,
            format!("unknown error handler name '{name}'"),
        )
    })
}

fn register_error(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = bind_args(&a, "register_error", &["errors", "handler"], 2)?;
    let name = str_arg(args[0], "register_error", 1)?.to_string();
    let f = args[1].cloned().unwrap_or(Value::None);
    if !crate::native::is_callable(&f) {
        return Err(PyErr::type_error("handler must be callable"));
    }
    if let Value::Dict(h) = registry(vm, ERROR_HANDLERS_KEY)? {
        h.borrow_mut().insert(Value::string(name), f)?;
    }
    Ok(Value::None)
}

fn encode_with(vm: &mut Vm, a: &Args<'_>, fname: &str, codec: Codec) -> PyResult<Value> {
    let args = bind_args(a, fname, &["str", "errors"], 1)?;
    str_arg(args[0], fname, 1)?;
    let obj = args[0].cloned().unwrap_or(Value::None);
    let errors = errors_arg(args[1], fname, 2)?;
    let out = encode_native(vm, &obj, codec, &errors)?;
    let len = match &obj {
        Value::Str(s) => s.char_len(),
        _ => 0,
    };
    Ok(Value::tuple(vec![
        Value::Bytes(Rc::new(out)),
        Value::Int(len as i64),
    ]))
}

/// Encodes the str `obj` with one of the codecs implemented in Rust: the
/// byte-level code for the handlers it knows, else the handler path.
pub(crate) fn encode_native(
    vm: &mut Vm,
    obj: &Value,
    codec: Codec,
    errors: &str,
) -> PyResult<Vec<u8>> {
    let Value::Str(s) = obj else {
        return Err(PyErr::type_error("encode() needs a str"));
    };
    if native_encode_errors(errors) {
        return crate::str_codecs::encode(s, codec.name(), errors);
    }
    // The handler is only looked up when a character fails: the strict
    // pass finds out cheaply whether one does.
    match crate::str_codecs::encode(s, codec.name(), "strict") {
        Ok(out) => Ok(out),
        Err(e) if e.is(ExcKind::UnicodeEncodeError) => {
            super::codec_errors::encode(vm, obj, codec, errors)
        }
        Err(e) => Err(e),
    }
}

/// Decodes `data` with one of the codecs implemented in Rust; `last` as for
/// [`super::codec_errors::decode`]. Returns the str and the bytes used.
pub(crate) fn decode_native(
    vm: &mut Vm,
    data: &[u8],
    codec: Codec,
    errors: &str,
    last: bool,
) -> PyResult<(Value, usize)> {
    let keep = if !last && codec == Codec::Utf8 {
        incomplete_tail(data)
    } else {
        0
    };
    let used = &data[..data.len() - keep];
    if native_decode_errors(errors) {
        let s = crate::str_codecs::decode(used, codec.name(), errors)?;
        return Ok((s, used.len()));
    }
    match crate::str_codecs::decode(used, codec.name(), "strict") {
        Ok(s) => Ok((s, used.len())),
        Err(e) if e.is(ExcKind::UnicodeDecodeError) => {
            let (cps, at) = super::codec_errors::decode(vm, data, codec, errors, last)?;
            Ok((Value::from_code_points(cps), at))
        }
        Err(e) => Err(e),
    }
}

/// The length of an unfinished UTF-8 sequence at the end of `b` (kept for
/// the next call of an incremental decoder).
fn incomplete_tail(b: &[u8]) -> usize {
    for back in 1..=b.len().min(3) {
        let pos = b.len() - back;
        let c = b[pos];
        if c & 0xC0 == 0x80 {
            continue;
        }
        let tail = &b[pos..];
        let (_, why) = crate::format::codecs::utf8_error(tail);
        // The first two bytes of an encoded surrogate wait too, as in
        // CPython, so that `surrogatepass` sees the whole sequence.
        let surrogate =
            c == 0xED && tail.len() == 2 && tail.get(1).is_some_and(|x| (0xA0..=0xBF).contains(x));
        return if why == "unexpected end of data" || surrogate {
            back
        } else {
            0
        };
    }
    0
}

fn decode_with(
    vm: &mut Vm,
    a: &Args<'_>,
    fname: &str,
    codec: Codec,
    incremental: bool,
) -> PyResult<Value> {
    let names: &[&str] = if incremental {
        &["data", "errors", "final"]
    } else {
        &["data", "errors"]
    };
    let args = bind_args(a, fname, names, 1)?;
    let data = bytes_arg(args[0], fname)?;
    let errors = errors_arg(args[1], fname, 2)?;
    let last = !incremental
        || args
            .get(2)
            .copied()
            .flatten()
            .is_some_and(crate::ops::truthy);
    let (s, used) = decode_native(vm, &data, codec, &errors, last)?;
    let used = super::codecs_utf16::consumed(&data, used, last);
    Ok(Value::tuple(vec![s, Value::Int(used)]))
}

fn utf_8_encode(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    encode_with(vm, &a, "utf_8_encode", Codec::Utf8)
}
fn utf_8_decode(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    decode_with(vm, &a, "utf_8_decode", Codec::Utf8, true)
}
fn ascii_encode(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    encode_with(vm, &a, "ascii_encode", Codec::Ascii)
}
fn ascii_decode(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    decode_with(vm, &a, "ascii_decode", Codec::Ascii, false)
}
fn latin_1_encode(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    encode_with(vm, &a, "latin_1_encode", Codec::Latin1)
}
fn latin_1_decode(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    decode_with(vm, &a, "latin_1_decode", Codec::Latin1, false)
}

/// `readbuffer_encode(data, errors=None)`: the bytes of a buffer (a str
/// gives its UTF-8), unchanged.
fn readbuffer_encode(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = bind_args(&a, "readbuffer_encode", &["data", "errors"], 1)?;
    let data = match args[0] {
        Some(Value::Str(s)) => s.as_str().as_bytes().to_vec(),
        v => bytes_arg(v, "readbuffer_encode")?,
    };
    errors_arg(args[1], "readbuffer_encode", 2)?;
    let n = data.len() as i64;
    Ok(Value::tuple(vec![
        Value::Bytes(Rc::new(data)),
        Value::Int(n),
    ]))
}

/// `escape_encode(bytes)`: the body of the bytes' repr with `'` escaped.
fn escape_encode(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = bind_args(&a, "escape_encode", &["data", "errors"], 1)?;
    let data = match args[0] {
        Some(Value::Bytes(b)) => b.clone(),
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "escape_encode() argument 1 must be bytes, not {}",
                type_name(other)
            )))
        }
        None => return Err(PyErr::type_error("escape_encode() missing argument 1")),
    };
    let mut out = Vec::with_capacity(data.len());
    for &c in data.iter() {
        match c {
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\'' => out.extend_from_slice(b"\\'"),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            0x20..=0x7e => out.push(c),
            _ => out.extend_from_slice(format!("\\x{c:02x}").as_bytes()),
        }
    }
    Ok(Value::tuple(vec![
        Value::Bytes(Rc::new(out)),
        Value::Int(data.len() as i64),
    ]))
}

/// `escape_decode(data)`: backslash escapes of a bytes literal.
fn escape_decode(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = bind_args(&a, "escape_decode", &["data", "errors"], 1)?;
    let data = match args[0] {
        Some(Value::Str(s)) => s.as_str().as_bytes().to_vec(),
        v => bytes_arg(v, "escape_decode")?,
    };
    use pith_repr::escape::BadHex;
    let bad_hex = match args[1] {
        None | Some(Value::None) => BadHex::Fail,
        v => match str_arg(v, "escape_decode", 2)? {
            "strict" => BadHex::Fail,
            "ignore" => BadHex::Ignore,
            "replace" => BadHex::Replace,
            other => {
                // CPython checks the name only when an escape is bad.
                let mut probe = Vec::new();
                match pith_repr::escape::decode_bytes_escapes(&data, &mut probe) {
                    Err(pith_repr::escape::EscapeError::InvalidHex(_)) => {
                        return Err(PyErr::value_error(format!(
                            "decoding error; unknown error handling code: {other}"
                        )))
                    }
                    _ => BadHex::Fail,
                }
            }
        },
    };
    let mut out = Vec::new();
    let invalid = pith_repr::escape::decode_bytes_escapes_with(&data, &mut out, bad_hex)
        .map_err(|e| PyErr::value_error(e.to_string()))?;
    if let Some(invalid) = invalid {
        vm.warn(ExcKind::DeprecationWarning, &invalid.message())?;
    }
    Ok(Value::tuple(vec![
        Value::Bytes(Rc::new(out)),
        Value::Int(data.len() as i64),
    ]))
}
