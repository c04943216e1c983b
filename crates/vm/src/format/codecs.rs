//! The codecs behind `str.encode` and `bytes.decode`: UTF-8, ASCII and Latin-1
//! with the usual error handlers.

use crate::exc::{PyErr, PyResult};
use crate::types::ExcKind;

/// The codecs implemented in Rust.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Codec {
    /// UTF-8.
    Utf8,
    /// ASCII.
    Ascii,
    /// Latin-1.
    Latin1,
}

impl Codec {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
        }
    }

    pub(crate) fn limit(self) -> u32 {
        match self {
            Codec::Utf8 => 0x110000,
            Codec::Ascii => 0x80,
            Codec::Latin1 => 0x100,
        }
    }
}

pub(crate) fn lookup(encoding: &str) -> PyResult<Codec> {
    let norm: String = encoding
        .chars()
        .map(|c| match c {
            '_' | ' ' => '-',
            c => c.to_ascii_lowercase(),
        })
        .collect();
    Ok(match norm.as_str() {
        "utf-8" | "utf8" | "u8" | "utf" | "cp65001" => Codec::Utf8,
        "ascii" | "us-ascii" | "646" => Codec::Ascii,
        "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" | "l1" | "8859" | "cp819" | "latin" => {
            Codec::Latin1
        }
        _ => {
            return Err(PyErr::new(
                ExcKind::LookupError,
                format!("unknown encoding: {encoding}"),
            ))
        }
    })
}

pub(crate) fn unknown_handler(errors: &str) -> PyErr {
    PyErr::new(
        ExcKind::LookupError,
        format!("unknown error handler name '{errors}'"),
    )
}

/// `s.encode(encoding, errors)`.
pub fn encode(s: &str, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let codec = lookup(encoding)?;
    if codec == Codec::Utf8 || s.is_ascii() {
        return Ok(s.as_bytes().to_vec());
    }
    let limit = codec.limit();
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if (c as u32) < limit {
            out.push(c as u32 as u8);
            i += 1;
            continue;
        }
        match errors {
            "strict" => {
                let end = chars[i..]
                    .iter()
                    .position(|&c| (c as u32) < limit)
                    .map_or(chars.len(), |k| i + k);
                return Err(crate::unicode_error::encode_error(
                    codec.name(),
                    crate::value::Value::str(s),
                    i,
                    end,
                    &format!("ordinal not in range({limit})"),
                ));
            }
            "ignore" => {}
            "replace" => out.push(b'?'),
            "backslashreplace" => {
                let cp = c as u32;
                let esc = if cp < 0x100 {
                    format!("\\x{cp:02x}")
                } else if cp < 0x10000 {
                    format!("\\u{cp:04x}")
                } else {
                    format!("\\U{cp:08x}")
                };
                out.extend_from_slice(esc.as_bytes());
            }
            "xmlcharrefreplace" => out.extend_from_slice(format!("&#{};", c as u32).as_bytes()),
            other => return Err(unknown_handler(other)),
        }
        i += 1;
    }
    Ok(out)
}

/// Length of the UTF-8 error at the start of `b` and its reason, as CPython reports it.
pub(crate) fn utf8_error(b: &[u8]) -> (usize, &'static str) {
    let first = b[0];
    let need = match first {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return (1, "invalid start byte"),
    };
    for k in 1..need {
        let Some(&c) = b.get(k) else {
            return (b.len(), "unexpected end of data");
        };
        let ok = match (k, first) {
            (1, 0xE0) => (0xA0..=0xBF).contains(&c),
            (1, 0xED) => (0x80..=0x9F).contains(&c),
            (1, 0xF0) => (0x90..=0xBF).contains(&c),
            (1, 0xF4) => (0x80..=0x8F).contains(&c),
            _ => (0x80..=0xBF).contains(&c),
        };
        if !ok {
            return (k, "invalid continuation byte");
        }
    }
    (need, "invalid continuation byte")
}

/// `b.decode(encoding, errors)`.
pub fn decode(b: &[u8], encoding: &str, errors: &str) -> PyResult<String> {
    if b.is_empty() {
        // CPython returns the empty string before looking the codec up.
        return Ok(String::new());
    }
    let codec = lookup(encoding)?;
    match codec {
        Codec::Latin1 => return Ok(b.iter().map(|&c| c as char).collect()),
        Codec::Utf8 => {
            if let Ok(s) = std::str::from_utf8(b) {
                return Ok(s.to_string());
            }
        }
        Codec::Ascii => {
            if b.is_ascii() {
                return Ok(b.iter().map(|&c| c as char).collect());
            }
        }
    }
    let mut out = String::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let (bad, reason) = match codec {
            Codec::Ascii => {
                if b[i] < 0x80 {
                    out.push(b[i] as char);
                    i += 1;
                    continue;
                }
                (1, "ordinal not in range(128)")
            }
            _ => match std::str::from_utf8(&b[i..]) {
                Ok(s) => {
                    out.push_str(s);
                    break;
                }
                Err(e) => {
                    let good = e.valid_up_to();
                    out.push_str(std::str::from_utf8(&b[i..i + good]).unwrap_or_default());
                    i += good;
                    utf8_error(&b[i..])
                }
            },
        };
        match errors {
            "strict" => {
                return Err(crate::unicode_error::decode_error(
                    codec.name(),
                    b,
                    i,
                    (i + bad).min(b.len()),
                    reason,
                ));
            }
            "ignore" => {}
            "replace" => out.push('\u{FFFD}'),
            "backslashreplace" => {
                for &c in &b[i..i + bad] {
                    out.push_str(&format!("\\x{c:02x}"));
                }
            }
            other => return Err(unknown_handler(other)),
        }
        i += bad;
    }
    Ok(out)
}
