//! The slow paths of the UTF-8, ASCII and Latin-1 codecs, taken when the
//! error handler is one the byte-level code in `crate::str_codecs` does not
//! know (`namereplace`, or anything registered with `codecs.register_error`).
//! They build the `UnicodeEncodeError`/`UnicodeDecodeError` CPython's codecs
//! build (same span, same reason), call the handler and go on from the
//! position it returns, as `unicode_encode_call_errorhandler` and
//! `unicode_decode_call_errorhandler_writer` do.

use crate::exc::{PyErr, PyResult};
use crate::format::codecs::Codec;
use crate::value::Value;
use crate::vm::Vm;

use super::codecs_utf16::{call_handler, handler_position, recover_decode};

/// Encoding error handlers `crate::str_codecs::encode` applies itself.
pub(crate) fn native_encode_errors(errors: &str) -> bool {
    matches!(
        errors,
        "strict"
            | "ignore"
            | "replace"
            | "backslashreplace"
            | "xmlcharrefreplace"
            | "surrogateescape"
            | "surrogatepass"
    )
}

/// Decoding error handlers `crate::str_codecs::decode` applies itself.
pub(crate) fn native_decode_errors(errors: &str) -> bool {
    matches!(
        errors,
        "strict" | "ignore" | "replace" | "backslashreplace" | "surrogateescape" | "surrogatepass"
    )
}

/// The message a handler's result of the wrong shape gets.
pub(crate) const ENCODE_RESULT: &str = "encoding error handler must return (str/bytes, int) tuple";

fn reason(codec: Codec) -> String {
    match codec {
        Codec::Utf8 => "surrogates not allowed".to_string(),
        _ => format!("ordinal not in range({})", codec.limit()),
    }
}

/// Encodes the str `obj` with `codec`, calling the handler `errors` for
/// each run of characters the codec cannot encode.
pub(crate) fn encode(vm: &mut Vm, obj: &Value, codec: Codec, errors: &str) -> PyResult<Vec<u8>> {
    let Value::Str(s) = obj else {
        return Err(PyErr::type_error("encode() needs a str"));
    };
    let utf8 = codec == Codec::Utf8;
    let limit = codec.limit();
    let cps: Vec<u32> = s.code_points().collect();
    crate::str_codecs::encode_runs(&cps, codec, |out, i, end| {
        let why = reason(codec);
        let error = || crate::unicode_error::encode_error(codec.name(), obj.clone(), i, end, &why);
        let (rep, pos) = call_handler(vm, errors, error(), "encoding")?;
        match &rep {
            // A str replacement must encode as it stands: ASCII for UTF-8
            // (CPython's check), below the limit for the others.
            Value::Str(r) => {
                for cp in r.code_points() {
                    let fits = if utf8 { cp < 0x80 } else { cp < limit };
                    if !fits {
                        return Err(error());
                    }
                    out.push(cp as u8);
                }
            }
            Value::Bytes(b) => out.extend_from_slice(b),
            _ => return Err(PyErr::type_error(ENCODE_RESULT)),
        }
        handler_position(&pos, cps.len())
    })
}

/// Decodes `data` with `codec`, calling the handler `errors` for each bad
/// span. Without `last`, a UTF-8 sequence cut off by the end of the data is
/// left for the next call. Returns the code points and where decoding
/// stopped.
pub(crate) fn decode(
    vm: &mut Vm,
    data: &[u8],
    codec: Codec,
    errors: &str,
    last: bool,
) -> PyResult<(Vec<u32>, usize)> {
    let mut out = Vec::with_capacity(data.len());
    // The input a handler substituted through `exc.object`, if any.
    let mut replaced: Option<Vec<u8>> = None;
    let mut i = 0;
    loop {
        let data = replaced.as_deref().unwrap_or(data);
        if i >= data.len() {
            break;
        }
        let (bad, why) = match codec {
            Codec::Latin1 => {
                out.extend(data[i..].iter().map(|&b| u32::from(b)));
                i = data.len();
                continue;
            }
            Codec::Ascii => {
                let good = data[i..].iter().take_while(|b| b.is_ascii()).count();
                out.extend(data[i..i + good].iter().map(|&b| u32::from(b)));
                i += good;
                if i >= data.len() {
                    break;
                }
                (1, "ordinal not in range(128)")
            }
            Codec::Utf8 => {
                let (text, good) = match std::str::from_utf8(&data[i..]) {
                    Ok(t) => (t, data.len() - i),
                    Err(e) => {
                        let good = e.valid_up_to();
                        let t = std::str::from_utf8(&data[i..i + good]).unwrap_or_default();
                        (t, good)
                    }
                };
                out.extend(text.chars().map(u32::from));
                i += good;
                if i >= data.len() {
                    break;
                }
                let (bad, why) = crate::format::codecs::utf8_error(&data[i..]);
                if why == "unexpected end of data" && !last {
                    break;
                }
                (bad, why)
            }
        };
        let end = (i + bad).min(data.len());
        let error = || crate::unicode_error::decode_error(codec.name(), data, i, end, why);
        let resume = recover_decode(vm, data, (i, end), errors, error, &mut out)?;
        i = resume.at;
        if resume.input.is_some() {
            replaced = resume.input;
        }
    }
    Ok((out, i))
}
