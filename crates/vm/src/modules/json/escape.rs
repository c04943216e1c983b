//! `encode_basestring_ascii` and `encode_basestring`: a str as a JSON
//! string literal, quotes included.

use crate::value::{StrObj, Value};

use super::output::StrBuf;

const HEX: &[u8; 16] = b"0123456789abcdef";

/// `\uXXXX` of a UTF-16 code unit.
fn push_u(out: &mut String, unit: u32) {
    out.push_str("\\u");
    for shift in [12, 8, 4, 0] {
        out.push(HEX[((unit >> shift) & 0xf) as usize] as char);
    }
}

/// The two-character escape of `c`, if it has one.
fn short_escape(c: u32) -> Option<&'static str> {
    Some(match c {
        0x5c => "\\\\",
        0x22 => "\\\"",
        0x08 => "\\b",
        0x0c => "\\f",
        0x0a => "\\n",
        0x0d => "\\r",
        0x09 => "\\t",
        _ => return None,
    })
}

/// Appends `s` quoted with every non-ASCII character escaped (astral ones as
/// surrogate pairs).
pub(super) fn ascii(out: &mut String, s: &StrObj) {
    out.push('"');
    if s.surrogates().is_none() && s.is_ascii() {
        let text = s.as_str();
        let mut from = 0;
        for (i, &b) in text.as_bytes().iter().enumerate() {
            if (b' '..=b'~').contains(&b) && b != b'\\' && b != b'"' {
                continue;
            }
            out.push_str(&text[from..i]);
            escape_ascii_cp(out, u32::from(b));
            from = i + 1;
        }
        out.push_str(&text[from..]);
    } else {
        for c in s.code_points() {
            if (0x20..=0x7e).contains(&c) && c != 0x5c && c != 0x22 {
                out.push(c as u8 as char);
            } else {
                escape_ascii_cp(out, c);
            }
        }
    }
    out.push('"');
}

fn escape_ascii_cp(out: &mut String, c: u32) {
    if let Some(e) = short_escape(c) {
        out.push_str(e);
    } else if c >= 0x10000 {
        let v = c - 0x10000;
        push_u(out, 0xD800 | ((v >> 10) & 0x3ff));
        push_u(out, 0xDC00 | (v & 0x3ff));
    } else {
        push_u(out, c);
    }
}

/// Appends `s` quoted, escaping only `"`, `\` and control characters.
pub(super) fn push_unicode(out: &mut StrBuf, s: &StrObj) {
    if s.surrogates().is_some() {
        out.push_cp(0x22);
        for c in s.code_points() {
            match short_escape(c) {
                Some(e) => out.push_str(e),
                None if c <= 0x1f => {
                    let mut e = String::new();
                    push_u(&mut e, c);
                    out.push_str(&e);
                }
                None => out.push_cp(c),
            }
        }
        out.push_cp(0x22);
        return;
    }
    match out.utf8() {
        Some(text) => write_unicode(text, s.as_str()),
        None => {
            let mut text = String::new();
            write_unicode(&mut text, s.as_str());
            out.push_str(&text);
        }
    }
}

fn write_unicode(out: &mut String, text: &str) {
    out.push('"');
    let mut from = 0;
    for (i, &b) in text.as_bytes().iter().enumerate() {
        if b > 0x1f && b != b'\\' && b != b'"' {
            continue;
        }
        out.push_str(&text[from..i]);
        match short_escape(u32::from(b)) {
            Some(e) => out.push_str(e),
            None => push_u(out, u32::from(b)),
        }
        from = i + 1;
    }
    out.push_str(&text[from..]);
    out.push('"');
}

/// `encode_basestring(s)`.
pub(super) fn unicode(s: &StrObj) -> Value {
    let mut out = StrBuf::new();
    push_unicode(&mut out, s);
    out.finish()
}
