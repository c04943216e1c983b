//! Backslash escapes of bytes literals, decoded: the inverse of
//! [`crate::bytes_repr`]. One decoder serves the parser (the body of a
//! `b'...'` literal) and the VM (`codecs.escape_decode`), which CPython also
//! share (`_PyBytes_DecodeEscape`).

/// Why a bytes escape sequence could not be decoded. The messages are
/// CPython's `ValueError` texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum EscapeError {
    /// The data ends with a lone backslash.
    #[error("Trailing \\ in string")]
    TrailingBackslash,
    /// `\x` not followed by two hex digits; the position is the backslash's.
    #[error("invalid \\x escape at position {0}")]
    InvalidHex(usize),
}

/// The first escape sequence that Python deprecates but still decodes (as
/// `first_invalid_escape` in CPython's decoders): an unknown escape, kept as
/// written, or an octal escape above `\377`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InvalidEscape {
    /// A backslash before a character with no escape meaning, e.g. `d`.
    Unknown(char),
    /// An octal escape whose value does not fit a byte; its three digits.
    Octal([u8; 3]),
}

impl InvalidEscape {
    /// The `DeprecationWarning` CPython 3.11 issues for the escape.
    #[must_use]
    pub fn message(&self) -> String {
        match self {
            InvalidEscape::Unknown(c) => format!("invalid escape sequence '\\{c}'"),
            InvalidEscape::Octal(d) => format!(
                "invalid octal escape sequence '\\{}'",
                String::from_utf8_lossy(d)
            ),
        }
    }
}

/// Appends `data` to `out` with its backslash escapes decoded as in a bytes
/// literal: `\\ \' \" \a \b \f \n \r \t \v`, up to three octal digits
/// (modulo 256), `\xHH`, a backslash-newline continuation, and any other
/// escape kept as written. Returns the first deprecated escape, if any.
pub fn decode_bytes_escapes(
    data: &[u8],
    out: &mut Vec<u8>,
) -> Result<Option<InvalidEscape>, EscapeError> {
    decode_bytes_escapes_with(data, out, BadHex::Fail)
}

/// What to do with a `\x` escape not followed by two hex digits: the
/// `errors` of `codecs.escape_decode`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BadHex {
    /// Fail with [`EscapeError::InvalidHex`] (`strict`).
    Fail,
    /// Drop it (`ignore`).
    Ignore,
    /// Write `?` for it (`replace`).
    Replace,
}

/// [`decode_bytes_escapes`] with a choice for bad `\x` escapes; one that is
/// dropped or replaced takes a hex digit after the `x` with it, as in CPython.
pub fn decode_bytes_escapes_with(
    data: &[u8],
    out: &mut Vec<u8>,
    bad_hex: BadHex,
) -> Result<Option<InvalidEscape>, EscapeError> {
    out.reserve(data.len());
    let mut first_invalid = None;
    let mut i = 0;
    while i < data.len() {
        let c = data[i];
        i += 1;
        if c != b'\\' {
            out.push(c);
            continue;
        }
        let Some(&e) = data.get(i) else {
            return Err(EscapeError::TrailingBackslash);
        };
        i += 1;
        match e {
            b'\n' => {}
            b'\\' | b'\'' | b'"' => out.push(e),
            b'a' => out.push(7),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'v' => out.push(11),
            b'0'..=b'7' => {
                let start = i - 1;
                let mut v = u32::from(e - b'0');
                for _ in 0..2 {
                    match data.get(i) {
                        Some(&d @ b'0'..=b'7') => {
                            v = v * 8 + u32::from(d - b'0');
                            i += 1;
                        }
                        _ => break,
                    }
                }
                // Only three digits exceed a byte.
                if v > 0o377 && first_invalid.is_none() {
                    if let Some(&[a, b, c]) = data.get(start..i) {
                        first_invalid = Some(InvalidEscape::Octal([a, b, c]));
                    }
                }
                out.push((v & 0xff) as u8);
            }
            b'x' => {
                let hex = |b: Option<&u8>| b.and_then(|&b| (b as char).to_digit(16));
                match (hex(data.get(i)), hex(data.get(i + 1))) {
                    (Some(h), Some(l)) => {
                        out.push((h * 16 + l) as u8);
                        i += 2;
                    }
                    _ => match bad_hex {
                        BadHex::Fail => return Err(EscapeError::InvalidHex(i - 2)),
                        BadHex::Ignore | BadHex::Replace => {
                            if bad_hex == BadHex::Replace {
                                out.push(b'?');
                            }
                            if hex(data.get(i)).is_some() {
                                i += 1;
                            }
                        }
                    },
                }
            }
            other => {
                if first_invalid.is_none() {
                    first_invalid = Some(InvalidEscape::Unknown(char::from(other)));
                }
                out.push(b'\\');
                out.push(other);
            }
        }
    }
    Ok(first_invalid)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(data: &[u8]) -> Result<Vec<u8>, EscapeError> {
        let mut out = Vec::new();
        decode_bytes_escapes(data, &mut out).map(|_| out)
    }

    #[test]
    fn escapes_as_cpython_decodes_them() {
        assert_eq!(
            decode(br"a\n\t\x41\101\777\q\\").as_deref(),
            Ok(&b"a\n\tAA\xff\\q\\"[..])
        );
        assert_eq!(decode(b"a\\\nb").as_deref(), Ok(&b"ab"[..]));
        assert_eq!(decode(br"ab\x4"), Err(EscapeError::InvalidHex(2)));
        assert_eq!(decode(b"ab\\"), Err(EscapeError::TrailingBackslash));
    }

    #[test]
    fn first_deprecated_escape_is_reported() {
        let first = |data: &[u8]| decode_bytes_escapes(data, &mut Vec::new());
        assert_eq!(first(br"\n\x41\377"), Ok(None));
        assert_eq!(first(br"\377\d\q"), Ok(Some(InvalidEscape::Unknown('d'))));
        assert_eq!(first(br"a\400\d"), Ok(Some(InvalidEscape::Octal(*b"400"))));
        assert_eq!(
            InvalidEscape::Octal(*b"777").message(),
            r"invalid octal escape sequence '\777'"
        );
        assert_eq!(
            InvalidEscape::Unknown('d').message(),
            r"invalid escape sequence '\d'"
        );
    }
}
