//! Source decoding: the UTF-8 byte order mark and PEP 263 coding cookies,
//! as `tokenize.detect_encoding` of CPython 3.11 reads them.

use std::borrow::Cow;

use thiserror::Error;

use crate::codec_tables::{ALIASES, SINGLE_BYTE};

/// Why source bytes could not be turned into text.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DecodeError {
    /// A coding cookie line that is not valid UTF-8.
    #[error("invalid or missing encoding declaration")]
    InvalidDeclaration,
    /// The cookie names a codec CPython does not know, or Pith cannot decode.
    #[error("unknown encoding: {0}")]
    UnknownEncoding(String),
    /// A BOM and a cookie that names something other than UTF-8 (the
    /// cookie's normalized name).
    #[error("encoding problem: utf-8")]
    BomMismatch(String),
    /// Bytes the declared codec cannot decode.
    #[error("'{encoding}' codec can't decode byte 0x{byte:02x} in position {position}: {reason}")]
    Undecodable {
        /// Python's name for the codec (`utf-8`, `ascii`, ...).
        encoding: &'static str,
        /// The offending byte.
        byte: u8,
        /// Its offset in the file (after any BOM).
        position: usize,
        /// CPython's reason text.
        reason: &'static str,
    },
}

/// Source text ready for lexing, with the encoding `tokenize` reports.
#[derive(Debug, Clone)]
pub struct DecodedSource<'a> {
    /// The text, without a byte order mark. Borrowed when the bytes were
    /// already valid UTF-8.
    pub text: Cow<'a, str>,
    /// The encoding name `tokenize` prints in its `ENCODING` token
    /// (`utf-8` for a BOM, `iso-8859-1` for latin-1 aliases, otherwise the
    /// cookie as written).
    pub encoding: String,
    /// Whether a BOM or a coding cookie declared the encoding. CPython's
    /// tokenizer then knows its encoding and reports syntax-error columns in
    /// characters; for undeclared source bytes it reports UTF-8 byte columns.
    pub declared: bool,
}

const BOM: &[u8] = b"\xef\xbb\xbf";

/// Splits off the first line including its `\n`, as `readline` on a binary file.
fn first_line(bytes: &[u8]) -> (&[u8], &[u8]) {
    match bytes.iter().position(|&b| b == b'\n') {
        Some(i) => bytes.split_at(i + 1),
        None => (bytes, &[]),
    }
}

/// `blank_re`: white space, then a comment, a line end or nothing.
fn is_blank_or_comment(line: &[u8]) -> bool {
    let indent = line
        .iter()
        .take_while(|&&b| matches!(b, b' ' | b'\t' | b'\x0c'))
        .count();
    matches!(line.get(indent), None | Some(b'#' | b'\r' | b'\n'))
}

/// `cookie_re`: `^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)` (ASCII `\w`).
fn find_cookie(line: &str) -> Option<&str> {
    let rest = line.trim_start_matches([' ', '\t', '\x0c']);
    let comment = rest.strip_prefix('#')?;
    let mut search = comment;
    loop {
        let at = search.find("coding")?;
        let after = &search[at + "coding".len()..];
        if let Some(value) = after.strip_prefix([':', '=']) {
            let value = value.trim_start_matches([' ', '\t']);
            let len = value
                .bytes()
                .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
                .count();
            if len > 0 {
                return Some(&value[..len]);
            }
        }
        search = &search[at + 1..];
    }
}

/// The cookie on one line, which must be UTF-8 text.
fn cookie_in(line: &[u8]) -> Result<Option<&str>, DecodeError> {
    let text = std::str::from_utf8(line).map_err(|_| DecodeError::InvalidDeclaration)?;
    Ok(find_cookie(text))
}

/// `tokenize._get_normal_name`: the name `tokenize` reports for a cookie.
fn normal_name(orig: &str) -> String {
    let enc: String = orig
        .chars()
        .take(12)
        .map(|c| {
            if c == '_' {
                '-'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    if enc == "utf-8" || enc.starts_with("utf-8-") {
        return "utf-8".into();
    }
    const LATIN1: [&str; 3] = ["latin-1", "iso-8859-1", "iso-latin-1"];
    if LATIN1.contains(&enc.as_str()) || LATIN1.iter().any(|p| enc.starts_with(&format!("{p}-"))) {
        return "iso-8859-1".into();
    }
    orig.into()
}

/// The codec module CPython's `codecs.lookup` finds for `name`.
fn codec_module(name: &str) -> Option<&'static str> {
    let mut norm = String::with_capacity(name.len());
    let mut pending_sep = false;
    for c in name.chars() {
        if c.is_ascii_alphanumeric() || c == '.' {
            if pending_sep && !norm.is_empty() {
                norm.push('_');
            }
            pending_sep = false;
            norm.push(c.to_ascii_lowercase());
        } else {
            pending_sep = true;
        }
    }
    let find = |key: &str| {
        ALIASES
            .binary_search_by(|(alias, _)| (*alias).cmp(key))
            .ok()
            .map(|i| ALIASES[i].1)
    };
    find(&norm).or_else(|| find(&norm.replace('.', "_")))
}

/// Decodes Python source bytes: strips a UTF-8 BOM, honours a coding cookie
/// on the first two lines, and decodes with that codec.
pub fn decode_source(bytes: &[u8]) -> Result<DecodedSource<'_>, DecodeError> {
    let (bom, body) = match bytes.strip_prefix(BOM) {
        Some(rest) => (true, rest),
        None => (false, bytes),
    };
    let (line1, rest) = first_line(body);
    // Like `detect_encoding`: the second line is read only when the first
    // is blank or a comment.
    let cookie = match cookie_in(line1)? {
        Some(name) => Some(name),
        None if !line1.is_empty() && is_blank_or_comment(line1) => cookie_in(first_line(rest).0)?,
        None => None,
    };
    let Some(cookie) = cookie else {
        return Ok(DecodedSource {
            text: decode_utf8(body)?,
            encoding: "utf-8".into(),
            declared: bom,
        });
    };
    let module = codec_module(cookie).ok_or_else(|| DecodeError::UnknownEncoding(cookie.into()))?;
    let encoding = normal_name(cookie);
    if bom && encoding != "utf-8" {
        return Err(DecodeError::BomMismatch(encoding));
    }
    let text = match module {
        "utf_8" => decode_utf8(body)?,
        "latin_1" => Cow::Owned(body.iter().map(|&b| b as char).collect()),
        "ascii" => match body.iter().position(|&b| b >= 0x80) {
            None => decode_utf8(body)?,
            Some(position) => {
                return Err(DecodeError::Undecodable {
                    encoding: "ascii",
                    byte: body[position],
                    position,
                    reason: "ordinal not in range(128)",
                })
            }
        },
        table_name => decode_single_byte(body, table_name)?,
    };
    Ok(DecodedSource {
        text,
        encoding,
        declared: true,
    })
}

fn decode_utf8(bytes: &[u8]) -> Result<Cow<'_, str>, DecodeError> {
    std::str::from_utf8(bytes).map(Cow::Borrowed).map_err(|e| {
        let position = e.valid_up_to();
        DecodeError::Undecodable {
            encoding: "utf-8",
            byte: bytes[position],
            position,
            reason: if e.error_len().is_none() {
                "unexpected end of data"
            } else if bytes[position] >= 0xc2 && bytes[position] <= 0xf4 {
                "invalid continuation byte"
            } else {
                "invalid start byte"
            },
        }
    })
}

fn decode_single_byte<'a>(bytes: &[u8], module: &str) -> Result<Cow<'a, str>, DecodeError> {
    let Some((_, table)) = SINGLE_BYTE.iter().find(|(name, _)| *name == module) else {
        return Err(DecodeError::UnknownEncoding(module.into()));
    };
    let mut out = String::with_capacity(bytes.len());
    for (position, &b) in bytes.iter().enumerate() {
        if b < 0x80 {
            out.push(b as char);
        } else {
            let c = table[usize::from(b - 0x80)];
            if c == '\u{ffff}' {
                return Err(DecodeError::Undecodable {
                    encoding: "charmap",
                    byte: b,
                    position,
                    reason: "character maps to <undefined>",
                });
            }
            out.push(c);
        }
    }
    Ok(Cow::Owned(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookies() {
        assert_eq!(find_cookie("# -*- coding: latin-1 -*-"), Some("latin-1"));
        assert_eq!(
            find_cookie("# vim: set fileencoding=utf-8 :"),
            Some("utf-8")
        );
        assert_eq!(find_cookie("x = 1 # coding: utf-8"), None);
        assert_eq!(normal_name("Latin-1"), "iso-8859-1");
        assert_eq!(normal_name("UTF_8"), "utf-8");
        assert_eq!(normal_name("koi8-r"), "koi8-r");
        assert_eq!(codec_module("Latin-1"), Some("latin_1"));
        assert_eq!(codec_module("koi8-r"), Some("koi8_r"));
        assert_eq!(codec_module("bogus"), None);
    }

    #[test]
    fn decodes() {
        let d = decode_source(b"# coding: latin-1\nx = '\xe9'\n").expect("latin-1 decodes");
        assert_eq!(d.encoding, "iso-8859-1");
        assert!(d.text.contains('é'));
        let d = decode_source(b"\xef\xbb\xbfx = 1\n").expect("bom");
        assert_eq!(&*d.text, "x = 1\n");
        assert!(decode_source(b"\xef\xbb\xbf# coding: latin-1\n").is_err());
        assert!(decode_source(b"x = '\xff'\n").is_err());
    }
}
