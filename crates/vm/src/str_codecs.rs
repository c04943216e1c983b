//! The codecs where lone surrogates show: encoding a str that holds them, and
//! the `surrogateescape` and `surrogatepass` error handlers (PEP 383), which
//! turn undecodable bytes into surrogates and back. Everything else goes to
//! `format::codecs`, which works on Rust text.

use crate::exc::{PyErr, PyResult};
use crate::format::codecs::{self, Codec};
use crate::str_surrogates::{is_surrogate, push_utf8};
use crate::value::{StrObj, Value};

fn surrogate_handler(errors: &str) -> bool {
    matches!(errors, "surrogateescape" | "surrogatepass")
}

/// `s.encode(encoding, errors)`.
pub fn encode(s: &StrObj, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    if let Some(raw) = escape_codec(encoding) {
        return Ok(escape_encode(s, raw));
    }
    if s.surrogates().is_none() && !surrogate_handler(errors) {
        return codecs::encode(s.as_str(), encoding, errors);
    }
    let codec = codecs::lookup(encoding)?;
    let utf8 = codec == Codec::Utf8;
    let cps: Vec<u32> = s.code_points().collect();
    encode_runs(&cps, codec, |out, i, end| {
        let run = &cps[i..end];
        let escapable = |c: &u32| (0xDC80..=0xDCFF).contains(c);
        match errors {
            "strict" => return Err(encode_error(codec, &cps, i, end)),
            "surrogatepass" if utf8 => run.iter().for_each(|&c| push_utf8(out, c)),
            "surrogatepass" => return Err(encode_error(codec, &cps, i, end)),
            "surrogateescape" => {
                // Escapes what it can and reports the rest of the run, as
                // CPython's encoders do before calling the handler.
                let ok = run.iter().take_while(|c| escapable(c)).count();
                out.extend(run[..ok].iter().map(|&c| (c - 0xDC00) as u8));
                if ok < run.len() {
                    return Err(encode_error(codec, &cps, i + ok, end));
                }
            }
            "ignore" => {}
            "replace" => out.extend(run.iter().map(|_| b'?')),
            "backslashreplace" => {
                for &c in run {
                    out.extend_from_slice(escape(c).as_bytes());
                }
            }
            "namereplace" if run.iter().all(|&c| is_surrogate(c)) => {
                for &c in run {
                    out.extend_from_slice(escape(c).as_bytes());
                }
            }
            "xmlcharrefreplace" => {
                for &c in run {
                    out.extend_from_slice(format!("&#{c};").as_bytes());
                }
            }
            other => return Err(codecs::unknown_handler(other)),
        }
        Ok(end)
    })
}

/// The encoding loop of UTF-8, ASCII and Latin-1 over code points: those
/// the codec takes go straight to the output, and each run it cannot
/// encode, `start..end`, goes to `bad_run`, which appends a replacement
/// and gives the position to go on from (a handler may move it anywhere).
pub(crate) fn encode_runs(
    cps: &[u32],
    codec: Codec,
    mut bad_run: impl FnMut(&mut Vec<u8>, usize, usize) -> PyResult<usize>,
) -> PyResult<Vec<u8>> {
    let utf8 = codec == Codec::Utf8;
    let limit = codec.limit();
    let ok = |c: u32| if utf8 { !is_surrogate(c) } else { c < limit };
    let mut out = Vec::with_capacity(cps.len());
    let mut i = 0;
    while let Some(&c) = cps.get(i) {
        if ok(c) {
            if utf8 {
                push_utf8(&mut out, c);
            } else {
                out.push(c as u8);
            }
            i += 1;
            continue;
        }
        let end = cps[i..]
            .iter()
            .position(|&c| ok(c))
            .map_or(cps.len(), |k| i + k);
        i = bad_run(&mut out, i, end)?;
    }
    Ok(out)
}

/// `Some(raw)` for the `unicode_escape` (`false`) and `raw_unicode_escape`
/// (`true`) codecs.
fn escape_codec(encoding: &str) -> Option<bool> {
    let norm: String = encoding
        .chars()
        .map(|c| match c {
            '-' | ' ' => '_',
            c => c.to_ascii_lowercase(),
        })
        .collect();
    match norm.as_str() {
        "unicode_escape" => Some(false),
        "raw_unicode_escape" => Some(true),
        _ => None,
    }
}

/// The `unicode_escape` (or `raw_unicode_escape`) encoding, which never fails.
fn escape_encode(s: &StrObj, raw: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.as_str().len());
    for c in s.code_points() {
        match c {
            _ if raw && c < 0x100 => out.push(c as u8),
            0x5C => out.extend_from_slice(b"\\\\"),
            0x09 => out.extend_from_slice(b"\\t"),
            0x0A => out.extend_from_slice(b"\\n"),
            0x0D => out.extend_from_slice(b"\\r"),
            0x20..=0x7E => out.push(c as u8),
            _ => out.extend_from_slice(escape(c).as_bytes()),
        }
    }
    out
}

/// `\xhh`, `\uhhhh` or `\Uhhhhhhhh`.
fn escape(cp: u32) -> String {
    if cp < 0x100 {
        format!("\\x{cp:02x}")
    } else if cp < 0x10000 {
        format!("\\u{cp:04x}")
    } else {
        format!("\\U{cp:08x}")
    }
}

fn encode_error(codec: Codec, cps: &[u32], start: usize, end: usize) -> PyErr {
    let reason = if codec == Codec::Utf8 {
        "surrogates not allowed".to_string()
    } else {
        format!("ordinal not in range({})", codec.limit())
    };
    crate::unicode_error::encode_error(
        codec.name(),
        Value::from_code_points(cps.to_vec()),
        start,
        end,
        &reason,
    )
}

/// `b.decode(encoding, errors)`.
pub fn decode(b: &[u8], encoding: &str, errors: &str) -> PyResult<Value> {
    if !surrogate_handler(errors) || b.is_empty() {
        return codecs::decode(b, encoding, errors).map(Value::string);
    }
    let codec = codecs::lookup(encoding)?;
    if let (Codec::Utf8, Ok(text)) = (codec, std::str::from_utf8(b)) {
        return Ok(Value::str(text));
    }
    if codec == Codec::Latin1 {
        return Ok(Value::string(b.iter().map(|&c| c as char).collect()));
    }
    let mut cps = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let (bad, reason) = if codec == Codec::Ascii {
            if b[i] < 0x80 {
                cps.push(u32::from(b[i]));
                i += 1;
                continue;
            }
            (1, "ordinal not in range(128)")
        } else {
            match crate::str_surrogates::decode_one(&b[i..]) {
                Some((cp, len)) if !is_surrogate(cp) => {
                    cps.push(cp);
                    i += len;
                    continue;
                }
                Some((cp, 3)) if errors == "surrogatepass" => {
                    cps.push(cp);
                    i += 3;
                    continue;
                }
                // A surrogate's bytes, which UTF-8 refuses as it does at
                // `0xED 0xA0..`: one bad byte.
                Some(_) => codecs::utf8_error(&b[i..]),
                None => codecs::utf8_error(&b[i..]),
            }
        };
        let bad = bad.clamp(1, b.len() - i);
        if errors == "surrogateescape" && b[i..i + bad].iter().all(|&c| c >= 0x80) {
            cps.extend(b[i..i + bad].iter().map(|&c| 0xDC00 + u32::from(c)));
            i += bad;
            continue;
        }
        return Err(crate::unicode_error::decode_error(
            codec.name(),
            b,
            i,
            i + bad,
            reason,
        ));
    }
    Ok(Value::from_code_points(cps))
}

/// The error handler of `sys.stdout`, as CPython 3.11 picks it: the one in
/// `PYTHONIOENCODING` (`encoding:errors`), else `strict` when it names an
/// encoding, else `surrogateescape` in UTF-8 mode
/// and in the C and POSIX locales (and the UTF-8 ones locale coercion targets),
/// else `strict`.
pub fn stdout_errors() -> &'static str {
    static ERRORS: std::sync::OnceLock<&'static str> = std::sync::OnceLock::new();
    ERRORS.get_or_init(|| {
        let var = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
        if let Some(io) = var("PYTHONIOENCODING") {
            let (encoding, errors) = io.split_once(':').unwrap_or((io.as_str(), ""));
            if !errors.is_empty() {
                return Box::leak(errors.to_string().into_boxed_str());
            }
            // An encoding chosen without a handler gets `strict`, whatever
            // the locale.
            if !encoding.is_empty() {
                return "strict";
            }
        }
        if var("PYTHONUTF8").as_deref() == Some("1") {
            return "surrogateescape";
        }
        let locale = var("LC_ALL")
            .or_else(|| var("LC_CTYPE"))
            .or_else(|| var("LANG"))
            .unwrap_or_else(|| "C".to_string());
        match locale.as_str() {
            "C" | "POSIX" | "C.UTF-8" | "C.utf8" | "UTF-8" => "surrogateescape",
            _ => "strict",
        }
    })
}

/// Writes `s` to the VM's stdout, encoded as `sys.stdout` encodes (UTF-8 with
/// [`stdout_errors`]).
pub fn write_stdout(vm: &mut crate::vm::Vm, s: &StrObj) -> PyResult<()> {
    if s.surrogates().is_none() {
        return vm.write_out(s.as_str());
    }
    if crate::modules::io::stdio_codec::encodes_output(vm) {
        return vm.write_out_encoded(Value::from_code_points(s.code_points().collect()));
    }
    let bytes = encode(s, "utf-8", stdout_errors())?;
    use std::io::Write;
    vm.stdout
        .write_all(&bytes)
        .map_err(|e| crate::oserror::from_io(&e, None))
}

/// `print` reached a str holding lone surrogates, with `out` the text before it.
/// The standard streams encode it themselves (stdout with [`stdout_errors`],
/// raising `UnicodeEncodeError` after what came before as CPython's
/// `TextIOWrapper` does; stderr with `backslashreplace`); `None` means another
/// file, which gets the text.
pub fn print_surrogates(
    vm: &mut crate::vm::Vm,
    file: Option<&Value>,
    out: &mut String,
    s: &StrObj,
) -> PyResult<Option<()>> {
    use crate::modules::sys::{current_stdout, print_to, std_stream, StdStream};
    let target = match file {
        None | Some(Value::None) => current_stdout(vm),
        Some(f) => Some(f.clone()),
    };
    let stream = match &target {
        None => Some(StdStream::Stdout),
        Some(f) => std_stream(f),
    };
    match stream {
        None => Ok(None),
        Some(StdStream::Stderr) => {
            out.push_str(&backslash_text(s));
            Ok(Some(()))
        }
        Some(_) => {
            print_to(vm, file, std::mem::take(out), false)?;
            write_stdout(vm, s)?;
            Ok(Some(()))
        }
    }
}

/// The text stderr writes for `s`: lone surrogates as `\udcxx`.
pub fn backslash_text(s: &StrObj) -> std::borrow::Cow<'_, str> {
    if s.surrogates().is_none() {
        return std::borrow::Cow::Borrowed(s.as_str());
    }
    let bytes = encode(s, "utf-8", "backslashreplace").unwrap_or_default();
    std::borrow::Cow::Owned(String::from_utf8_lossy(&bytes).into_owned())
}

/// The `errors` attribute of the standard stream named `name`.
pub fn stream_errors(name: &str) -> &'static str {
    if name == "<stderr>" {
        "backslashreplace"
    } else {
        stdout_errors()
    }
}
