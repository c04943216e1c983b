//! Quoted-printable for `binascii` (`a2b_qp`, `b2a_qp`), the codec under
//! `quopri` and `email`'s `quoprimime`, following the rules of CPython's
//! `Modules/binascii.c`: lines of at most 76 characters with `=` soft
//! breaks, CRLF kept when the data uses it, trailing blanks encoded.

use std::rc::Rc;

use crate::buffer::bytes_like;
use crate::exc::PyResult;
use crate::func::Args;
use crate::native::bind_args;
use crate::value::Value;
use crate::vm::Vm;

use super::cint::as_c_int;

/// The longest encoded line, soft break included.
const MAXLINESIZE: usize = 76;

const HEX: &[u8; 16] = b"0123456789ABCDEF";

fn flag(vm: &mut Vm, v: Option<&Value>, default: bool) -> PyResult<bool> {
    match v {
        Some(v) => Ok(as_c_int(vm, v)? != 0),
        None => Ok(default),
    }
}

fn hex_value(c: u8) -> Option<u8> {
    (c as char).to_digit(16).map(|d| d as u8)
}

/// `a2b_qp(data, header=False)`.
pub(super) fn a2b_qp(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let b = bind_args(&a, "a2b_qp", &["data", "header"], 1)?;
    let data = super::binascii::ascii_arg(b[0].unwrap_or(&Value::None))?;
    let header = flag(vm, b[1], false)?;
    Ok(Value::Bytes(Rc::new(decode(&data, header))))
}

/// Decodes quoted-printable text; malformed escapes are kept as they are.
fn decode(data: &[u8], header: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        let c = data[i];
        if c == b'=' {
            i += 1;
            let Some(&next) = data.get(i) else { break };
            if next == b'\n' || next == b'\r' {
                // A soft line break: skip to just past the newline.
                while i < data.len() && data[i] != b'\n' {
                    i += 1;
                }
                if i < data.len() {
                    i += 1;
                }
            } else if next == b'=' {
                // "==": what broken encoders write for "=".
                out.push(b'=');
                i += 1;
            } else if let (Some(h), Some(l)) = (
                hex_value(next),
                data.get(i + 1).copied().and_then(hex_value),
            ) {
                out.push(h << 4 | l);
                i += 2;
            } else {
                out.push(b'=');
            }
        } else if header && c == b'_' {
            out.push(b' ');
            i += 1;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// `b2a_qp(data, quotetabs=False, istext=True, header=False)`.
pub(super) fn b2a_qp(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let b = bind_args(&a, "b2a_qp", &["data", "quotetabs", "istext", "header"], 1)?;
    let data = bytes_like(b[0].unwrap_or(&Value::None))?;
    let quotetabs = flag(vm, b[1], false)?;
    let istext = flag(vm, b[2], true)?;
    let header = flag(vm, b[3], false)?;
    Ok(Value::Bytes(Rc::new(encode(
        &data, quotetabs, istext, header,
    ))))
}

/// Whether the byte at `i` must be written as `=XX`.
fn needs_quote(
    data: &[u8],
    i: usize,
    linelen: usize,
    quotetabs: bool,
    istext: bool,
    header: bool,
) -> bool {
    let c = data[i];
    let next = data.get(i + 1).copied();
    c > 126
        || c == b'='
        || (header && c == b'_')
        // A lone "." at the start of a line means end of message to SMTP.
        || (c == b'.' && linelen == 0 && matches!(next, None | Some(b'\n' | b'\r' | 0)))
        || (!istext && (c == b'\r' || c == b'\n'))
        || ((c == b'\t' || c == b' ') && next.is_none())
        || (c < 33 && c != b'\r' && c != b'\n' && (quotetabs || (c != b'\t' && c != b' ')))
}

/// Encodes bytes as quoted-printable.
fn encode(data: &[u8], quotetabs: bool, istext: bool, header: bool) -> Vec<u8> {
    // The data's own line ending decides the one soft breaks use.
    let crlf = data
        .iter()
        .position(|&c| c == b'\n')
        .is_some_and(|p| p > 0 && data[p - 1] == b'\r');
    let mut out: Vec<u8> = Vec::with_capacity(data.len() * 3 / 2);
    let soft_break = |out: &mut Vec<u8>| {
        out.push(b'=');
        if crlf {
            out.push(b'\r');
        }
        out.push(b'\n');
    };
    let mut linelen = 0;
    let mut i = 0;
    while i < data.len() {
        let c = data[i];
        if needs_quote(data, i, linelen, quotetabs, istext, header) {
            if linelen + 3 >= MAXLINESIZE {
                soft_break(&mut out);
                linelen = 0;
            }
            out.extend_from_slice(&[b'=', HEX[usize::from(c >> 4)], HEX[usize::from(c & 15)]]);
            i += 1;
            linelen += 3;
        } else if istext && (c == b'\n' || (c == b'\r' && data.get(i + 1) == Some(&b'\n'))) {
            linelen = 0;
            // A blank before a line end would be lost in transit: encode it.
            if let Some(&last @ (b' ' | b'\t')) = out.last() {
                out.pop();
                out.extend_from_slice(&[
                    b'=',
                    HEX[usize::from(last >> 4)],
                    HEX[usize::from(last & 15)],
                ]);
            }
            if crlf {
                out.push(b'\r');
            }
            out.push(b'\n');
            i += if c == b'\r' { 2 } else { 1 };
        } else {
            if i + 1 != data.len() && data[i + 1] != b'\n' && linelen + 1 >= MAXLINESIZE {
                soft_break(&mut out);
                linelen = 0;
            }
            linelen += 1;
            out.push(if header && c == b' ' { b'_' } else { c });
            i += 1;
        }
    }
    out
}
