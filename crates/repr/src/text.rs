//! `repr()` of `str` and `bytes` (CPython's `unicode_repr` and `bytes_repr`).

use std::fmt::Write;

use crate::unicode::is_printable;

/// The quote `repr()` picks: `'` unless the text has a `'` and no `"`.
fn pick_quote(has_single: bool, has_double: bool) -> char {
    if has_single && !has_double {
        '"'
    } else {
        '\''
    }
}

/// Appends `repr(s)` to `out`.
pub fn write_str_repr(out: &mut String, s: &str) {
    let quote = pick_quote(s.contains('\''), s.contains('"'));
    out.reserve(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if is_printable(c) => out.push(c),
            c => {
                let cp = c as u32;
                // Writing to a String cannot fail.
                let _ = if cp <= 0xff {
                    write!(out, "\\x{cp:02x}")
                } else if cp <= 0xffff {
                    write!(out, "\\u{cp:04x}")
                } else {
                    write!(out, "\\U{cp:08x}")
                };
            }
        }
    }
    out.push(quote);
}

/// `repr(s)` of a Python `str`.
pub fn str_repr(s: &str) -> String {
    let mut out = String::new();
    write_str_repr(&mut out, s);
    out
}

/// Appends `repr(b)` of a Python `bytes` value (`b'...'`) to `out`.
pub fn write_bytes_repr(out: &mut String, b: &[u8]) {
    let quote = pick_quote(b.contains(&b'\''), b.contains(&b'"'));
    out.reserve(b.len() + 3);
    out.push('b');
    out.push(quote);
    for &byte in b {
        match byte {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            c if c as char == quote => {
                out.push('\\');
                out.push(quote);
            }
            0x20..=0x7e => out.push(byte as char),
            _ => {
                let _ = write!(out, "\\x{byte:02x}");
            }
        }
    }
    out.push(quote);
}

/// `repr(b)` of a Python `bytes` value.
pub fn bytes_repr(b: &[u8]) -> String {
    let mut out = String::new();
    write_bytes_repr(&mut out, b);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn str_quotes_and_escapes() {
        assert_eq!(str_repr("abc"), "'abc'");
        assert_eq!(str_repr("it's"), "\"it's\"");
        assert_eq!(str_repr("'\""), "'\\'\"'");
        assert_eq!(
            str_repr("a\\b\t\n\r\x00\x7f"),
            "'a\\\\b\\t\\n\\r\\x00\\x7f'"
        );
        assert_eq!(
            str_repr("\u{a0}\u{200b}\u{e000}é"),
            "'\\xa0\\u200b\\ue000é'"
        );
        assert_eq!(str_repr("\u{10ffff}"), "'\\U0010ffff'");
    }

    #[test]
    fn bytes_escapes() {
        assert_eq!(bytes_repr(b"a'b"), "b\"a'b\"");
        assert_eq!(bytes_repr(b"\x00\xff\\"), "b'\\x00\\xff\\\\'");
    }
}
