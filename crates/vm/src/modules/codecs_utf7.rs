//! The UTF-7 codec of `_codecs` (RFC 2152, as CPython's
//! `PyUnicode_EncodeUTF7` and `PyUnicode_DecodeUTF7Stateful` read it):
//! printable ASCII other than `+`, `\` and `~`, and tab, newline and
//! carriage return, stand for themselves; everything else is UTF-16 in
//! modified base 64 between `+` and an optional `-`.
//!
//! Encoding never fails (lone surrogates are UTF-16 code units like any
//! other). Decoding errors go through the error handler; without `final`,
//! an unfinished shift sequence is left for the next call.

use std::rc::Rc;

use crate::exc::{PyErr, PyResult};
use crate::func::Args;
use crate::native::bind_args;
use crate::types::type_name;
use crate::value::Value;
use crate::vm::Vm;

use super::codecs::{bytes_arg, errors_arg};
use super::codecs_utf16::recover_decode;

const BASE64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn is_base64(c: u32) -> bool {
    c < 128 && (c as u8 == b'+' || c as u8 == b'/' || (c as u8).is_ascii_alphanumeric())
}

fn from_base64(c: u8) -> u64 {
    u64::from(match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        _ => 63,
    })
}

fn to_base64(n: u64) -> u8 {
    BASE64[(n & 0x3F) as usize]
}

/// Whether the encoder writes `c` as itself (sets D and O and white space).
fn encode_direct(c: u32) -> bool {
    matches!(c, 9 | 10 | 13) || ((32..127).contains(&c) && !matches!(c as u8, b'+' | b'\\' | b'~'))
}

/// Appends one UTF-16 code unit to the base-64 bit buffer, writing whole
/// sextets.
fn push_unit(out: &mut Vec<u8>, buffer: &mut u64, bits: &mut u32, unit: u32) {
    *bits += 16;
    *buffer = (*buffer << 16) | u64::from(unit);
    while *bits >= 6 {
        out.push(to_base64(*buffer >> (*bits - 6)));
        *bits -= 6;
    }
    *buffer &= (1 << *bits) - 1;
}

fn encode(cps: impl Iterator<Item = u32>) -> Vec<u8> {
    let mut out = Vec::new();
    let (mut in_shift, mut buffer, mut bits) = (false, 0u64, 0u32);
    for ch in cps {
        if in_shift && encode_direct(ch) {
            if bits > 0 {
                out.push(to_base64(buffer << (6 - bits)));
                buffer = 0;
                bits = 0;
            }
            in_shift = false;
            // A character that could continue the base 64 needs the `-`.
            if is_base64(ch) || ch == u32::from(b'-') {
                out.push(b'-');
            }
            out.push(ch as u8);
            continue;
        }
        if !in_shift {
            if ch == u32::from(b'+') {
                out.extend_from_slice(b"+-");
                continue;
            }
            if encode_direct(ch) {
                out.push(ch as u8);
                continue;
            }
            out.push(b'+');
            in_shift = true;
        }
        if ch >= 0x10000 {
            let c = ch - 0x10000;
            push_unit(&mut out, &mut buffer, &mut bits, 0xD800 | (c >> 10));
            push_unit(&mut out, &mut buffer, &mut bits, 0xDC00 | (c & 0x3FF));
        } else {
            push_unit(&mut out, &mut buffer, &mut bits, ch);
        }
    }
    if bits > 0 {
        out.push(to_base64(buffer << (6 - bits)));
    }
    if in_shift {
        out.push(b'-');
    }
    out
}

/// `utf_7_encode(str, errors=None)`.
pub(super) fn utf_7_encode(_: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = bind_args(&a, "utf_7_encode", &["str", "errors"], 1)?;
    let s = match args[0] {
        Some(Value::Str(s)) => s.clone(),
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "utf_7_encode() argument 1 must be str, not {}",
                type_name(other)
            )))
        }
        None => return Err(PyErr::type_error("utf_7_encode() missing argument 1")),
    };
    errors_arg(args[1], "utf_7_encode", 2)?;
    let out = encode(s.code_points());
    Ok(Value::tuple(vec![
        Value::Bytes(Rc::new(out)),
        Value::Int(s.char_len() as i64),
    ]))
}

/// The decoder's state inside a shift sequence.
#[derive(Default)]
struct Shift {
    /// Inside a `+...` sequence.
    on: bool,
    buffer: u64,
    bits: u32,
    /// A high surrogate waiting for its low half.
    surrogate: Option<u32>,
    /// Where the output stood when the sequence began.
    out_start: usize,
    /// Where the `+` is in the input.
    in_start: usize,
}

fn is_low(u: u32) -> bool {
    (0xDC00..=0xDFFF).contains(&u)
}

fn is_high(u: u32) -> bool {
    (0xD800..=0xDBFF).contains(&u)
}

/// Decodes `data`: the code points and how much input was consumed.
fn decode(vm: &mut Vm, data: &[u8], errors: &str, last: bool) -> PyResult<(Vec<u32>, usize)> {
    let mut out = Vec::with_capacity(data.len());
    let mut replaced: Option<Vec<u8>> = None;
    let mut sh = Shift::default();
    let mut i = 0;
    // Where the current error's span starts (every path to an error sets it).
    let mut start;
    loop {
        let input = replaced.as_deref().unwrap_or(data);
        let reason: &str;
        if i < input.len() {
            let ch = input[i];
            if sh.on {
                if is_base64(u32::from(ch)) {
                    sh.buffer = (sh.buffer << 6) | from_base64(ch);
                    sh.bits += 6;
                    i += 1;
                    if sh.bits >= 16 {
                        let unit = ((sh.buffer >> (sh.bits - 16)) & 0xFFFF) as u32;
                        sh.bits -= 16;
                        sh.buffer &= (1 << sh.bits) - 1;
                        if let Some(high) = sh.surrogate.take() {
                            if is_low(unit) {
                                out.push(0x10000 + ((high - 0xD800) << 10) + (unit - 0xDC00));
                                continue;
                            }
                            out.push(high);
                        }
                        if is_high(unit) {
                            sh.surrogate = Some(unit);
                        } else {
                            out.push(unit);
                        }
                    }
                    continue;
                }
                // Leaving the base 64 section.
                sh.on = false;
                start = sh.in_start;
                if sh.bits >= 6 {
                    i += 1;
                    reason = "partial character in shift sequence";
                } else if sh.bits > 0 && sh.buffer != 0 {
                    i += 1;
                    reason = "non-zero padding bits in shift sequence";
                } else {
                    if let Some(high) = sh.surrogate.take() {
                        if ch < 128 && ch != b'+' {
                            out.push(high);
                        }
                    }
                    // `-` is absorbed; any other terminator stands.
                    if ch == b'-' {
                        i += 1;
                    }
                    continue;
                }
                sh.surrogate = None;
            } else if ch == b'+' {
                start = i;
                i += 1;
                match input.get(i) {
                    Some(b'-') => {
                        i += 1;
                        out.push(u32::from(b'+'));
                        continue;
                    }
                    Some(&c) if !is_base64(u32::from(c)) => {
                        i += 1;
                        reason = "ill-formed sequence";
                    }
                    _ => {
                        sh = Shift {
                            on: true,
                            out_start: out.len(),
                            in_start: start,
                            ..Shift::default()
                        };
                        continue;
                    }
                }
            } else if ch < 128 {
                out.push(u32::from(ch));
                i += 1;
                continue;
            } else {
                start = i;
                i += 1;
                reason = "unexpected special character";
            }
        } else {
            // The end of the data, maybe inside a shift sequence.
            if !sh.on || !last {
                break;
            }
            sh.on = false;
            let unfinished =
                sh.surrogate.is_some() || sh.bits >= 6 || (sh.bits > 0 && sh.buffer != 0);
            if !unfinished {
                break;
            }
            start = sh.in_start;
            reason = "unterminated shift sequence";
        }
        let end = i.min(input.len());
        let error = || crate::unicode_error::decode_error("utf7", input, start, end, reason);
        let resume = recover_decode(vm, input, (start, end), errors, error, &mut out)?;
        i = resume.at;
        if resume.input.is_some() {
            replaced = resume.input;
        }
    }
    if sh.on && !last {
        // Back off the unfinished shift sequence for the next call.
        out.truncate(sh.out_start);
        return Ok((out, sh.in_start));
    }
    Ok((out, i))
}

/// `utf_7_decode(data, errors=None, final=False)`.
pub(super) fn utf_7_decode(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let args = bind_args(&a, "utf_7_decode", &["data", "errors", "final"], 1)?;
    let data = bytes_arg(args[0], "utf_7_decode")?;
    let errors = errors_arg(args[1], "utf_7_decode", 2)?;
    let last = args[2].is_some_and(crate::ops::truthy);
    let (cps, used) = decode(vm, &data, &errors, last)?;
    Ok(Value::tuple(vec![
        Value::from_code_points(cps),
        Value::Int(super::codecs_utf16::consumed(&data, used, last)),
    ]))
}
