//! Character classes and case mappings of `Modules/_sre/sre.c` (`SRE_IS_*`,
//! `sre_lower_*`), on code points (a str's characters or a bytes object's bytes).

fn to_char(c: u32) -> Option<char> {
    char::from_u32(c)
}

/// `sre_lower_ascii`.
pub fn ascii_lower(c: u32) -> u32 {
    if (u32::from(b'A')..=u32::from(b'Z')).contains(&c) {
        c + 32
    } else {
        c
    }
}

/// `sre_upper_ascii`.
pub fn ascii_upper(c: u32) -> u32 {
    if (u32::from(b'a')..=u32::from(b'z')).contains(&c) {
        c - 32
    } else {
        c
    }
}

/// `Py_UNICODE_TOLOWER`: the simple (one character) lower-case mapping.
pub fn uni_lower(c: u32) -> u32 {
    match to_char(c) {
        Some(ch) => ch.to_lowercase().next().map_or(c, u32::from),
        None => c,
    }
}

/// `Py_UNICODE_TOUPPER`: the simple upper-case mapping.
pub fn uni_upper(c: u32) -> u32 {
    match to_char(c) {
        Some(ch) => {
            let mut up = ch.to_uppercase();
            match (up.next(), up.next()) {
                (Some(u), None) => u32::from(u),
                _ => c,
            }
        }
        None => c,
    }
}

/// Whether a character has case (`_sre.unicode_iscased`).
pub fn uni_iscased(c: u32) -> bool {
    c != uni_lower(c) || c != uni_upper(c)
}

/// `_sre.ascii_iscased`.
pub fn ascii_iscased(c: u32) -> bool {
    c < 128 && (c as u8).is_ascii_alphabetic()
}

fn is_ascii_digit(c: u32) -> bool {
    (u32::from(b'0')..=u32::from(b'9')).contains(&c)
}

fn is_ascii_space(c: u32) -> bool {
    matches!(c, 9..=13 | 32)
}

/// `SRE_IS_WORD`: ASCII letters, digits and `_`.
pub fn is_ascii_word(c: u32) -> bool {
    c < 128 && ((c as u8).is_ascii_alphanumeric() || c == u32::from(b'_'))
}

fn is_uni_digit(c: u32) -> bool {
    to_char(c).and_then(nd_value).is_some()
}

/// The value of a decimal digit (Unicode category Nd): Nd characters come
/// in runs of ten consecutive code points, listed here by their zero.
fn nd_value(ch: char) -> Option<u32> {
    const ZEROS: &[u32] = &[
        0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66,
        0xDE6, 0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90,
        0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0,
        0xFF10, 0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0,
        0x11650, 0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0,
        0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0,
    ];
    let c = u32::from(ch);
    ZEROS
        .iter()
        .find(|&&z| (z..z + 10).contains(&c))
        .map(|&z| c - z)
}

/// `Py_UNICODE_ISSPACE`.
fn is_uni_space(c: u32) -> bool {
    matches!(c, 0x1C..=0x1F) || to_char(c).is_some_and(char::is_whitespace)
}

/// `SRE_UNI_IS_WORD`: `str.isalnum` or `_`.
pub fn is_uni_word(c: u32) -> bool {
    c == u32::from(b'_') || to_char(c).is_some_and(char::is_alphanumeric)
}

fn is_uni_linebreak(c: u32) -> bool {
    matches!(c, 0x0A..=0x0D | 0x1C..=0x1E | 0x85 | 0x2028 | 0x2029)
}

/// `sre_category`: whether `c` is in category `cat` (`CATEGORY_*`).
pub fn category(cat: u32, c: u32) -> bool {
    match cat {
        0 => is_ascii_digit(c),
        1 => !is_ascii_digit(c),
        2 => is_ascii_space(c),
        3 => !is_ascii_space(c),
        4 | 8 => is_ascii_word(c),
        5 | 9 => !is_ascii_word(c),
        6 => c == 10,
        7 => c != 10,
        10 => is_uni_digit(c),
        11 => !is_uni_digit(c),
        12 => is_uni_space(c),
        13 => !is_uni_space(c),
        14 => is_uni_word(c),
        15 => !is_uni_word(c),
        16 => is_uni_linebreak(c),
        17 => !is_uni_linebreak(c),
        _ => false,
    }
}
