//! `scanstring_unicode`: a JSON string's body, from the character after its
//! opening quote to the one after its closing quote, with `_json.c`'s
//! escapes, surrogate-pair joining, control-character rule and error
//! positions.

use crate::value::Value;

use super::decode_error::ScanErr;
use super::output::StrBuf;
use super::text::Text;

/// A scanned string: a piece of the document when it has no escape (so a
/// dict key can be looked up before a str is made), else the decoded text.
pub(super) enum Found {
    /// Bytes `a..b` of the document, as they are.
    Piece(usize, usize),
    /// The decoded str.
    Decoded(Value),
}

impl Found {
    /// The str.
    pub fn into_value(self, t: &Text<'_>) -> Value {
        match self {
            Found::Piece(a, b) => t.slice(a, b),
            Found::Decoded(v) => v,
        }
    }
}

fn hex4(t: &Text<'_>, at: usize) -> Option<u32> {
    let digits = t.b.get(at..at + 4)?;
    digits.iter().try_fold(0u32, |acc, &d| {
        let v = (d as char).to_digit(16)?;
        Some(acc << 4 | v)
    })
}

/// Scans the string whose body starts at byte `end`; returns it and the
/// byte after the closing quote.
pub(super) fn scan(t: &Text<'_>, mut end: usize, strict: bool) -> Result<(Found, usize), ScanErr> {
    let start = end;
    let len = t.b.len();
    let mut buf: Option<StrBuf> = None;
    loop {
        // The end of the string or the next escape.
        let mut next = end;
        let c = loop {
            match t.b.get(next) {
                None => {
                    return Err(ScanErr::DecodeBefore(
                        "Unterminated string starting at",
                        start,
                    ))
                }
                Some(&d @ (b'"' | b'\\')) => break d,
                Some(&d) if d <= 0x1f && strict => {
                    return Err(ScanErr::Decode("Invalid control character at", next))
                }
                Some(_) => next += 1,
            }
        };
        if c == b'"' && buf.is_none() {
            return Ok((Found::Piece(end, next), next + 1));
        }
        let out = buf.get_or_insert_with(StrBuf::new);
        if next != end {
            out.push_piece(t, end, next);
        }
        next += 1;
        if c == b'"' {
            end = next;
            break;
        }
        if next == len {
            return Err(ScanErr::DecodeBefore(
                "Unterminated string starting at",
                start,
            ));
        }
        let esc = t.b[next];
        let cp = if esc != b'u' {
            end = next + 1;
            match esc {
                b'"' | b'\\' | b'/' => u32::from(esc),
                b'b' => 0x08,
                b'f' => 0x0c,
                b'n' => u32::from(b'\n'),
                b'r' => u32::from(b'\r'),
                b't' => u32::from(b'\t'),
                _ => return Err(ScanErr::Decode("Invalid \\escape", next - 1)),
            }
        } else {
            // `next` is the `u`; the four digits and one more character
            // must follow.
            let digits = next + 1;
            if digits + 4 >= len {
                return Err(ScanErr::Decode("Invalid \\uXXXX escape", next));
            }
            let Some(mut cp) = hex4(t, digits) else {
                return Err(ScanErr::Decode("Invalid \\uXXXX escape", next));
            };
            end = digits + 4;
            if (0xD800..=0xDBFF).contains(&cp)
                && end + 6 < len
                && t.b[end] == b'\\'
                && t.b[end + 1] == b'u'
            {
                let Some(low) = hex4(t, end + 2) else {
                    return Err(ScanErr::Decode("Invalid \\uXXXX escape", end + 1));
                };
                if (0xDC00..=0xDFFF).contains(&low) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    end += 6;
                }
            }
            cp
        };
        out.push_cp(cp);
    }
    Ok((
        Found::Decoded(buf.map_or(Value::str(""), StrBuf::finish)),
        end,
    ))
}
