//! Character classes and case mappings of `Modules/_sre/sre.c` (`SRE_IS_*`,
//! `sre_lower_*`), on code points (a str's characters or a bytes object's bytes).

use crate::methods::chars as case;

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

/// `Py_UNICODE_TOLOWER`: the first character of CPython's full lower-case
/// mapping (its tables, not Rust's: the Unicode versions differ).
pub fn uni_lower(c: u32) -> u32 {
    to_char(c).map_or(c, |ch| u32::from(case::simple_lower(ch)))
}

/// `Py_UNICODE_TOUPPER`: the first character of the full upper-case
/// mapping, so `'\u{FB05}'` (ﬅ) gives `'S'` and counts as cased.
pub fn uni_upper(c: u32) -> u32 {
    to_char(c).map_or(c, |ch| u32::from(case::simple_upper(ch)))
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

/// `Py_UNICODE_ISDECIMAL`.
fn is_uni_digit(c: u32) -> bool {
    to_char(c).is_some_and(case::is_decimal)
}

/// `Py_UNICODE_ISSPACE`.
fn is_uni_space(c: u32) -> bool {
    to_char(c).is_some_and(case::is_space)
}

/// `SRE_UNI_IS_WORD`: `Py_UNICODE_ISALNUM` (alpha, decimal, digit or
/// numeric, as `str.isalnum`) or `_`.
pub fn is_uni_word(c: u32) -> bool {
    c == u32::from(b'_')
        || to_char(c).is_some_and(|ch| {
            case::is_alpha(ch) || case::is_decimal(ch) || case::is_digit(ch) || case::is_numeric(ch)
        })
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
