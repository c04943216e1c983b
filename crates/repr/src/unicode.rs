//! Character classes as CPython 3.11 defines them (Unicode 14.0).

use crate::unicode_tables::{ALNUM, NOT_PRINTABLE, XID_CONTINUE, XID_START};

/// The index of the range in `table` (sorted, disjoint, inclusive
/// `(first, last)` code point ranges) that holds `c`.
pub fn range_index(table: &[(u32, u32)], c: char) -> Option<usize> {
    let cp = c as u32;
    table
        .binary_search_by(|&(lo, hi)| {
            if hi < cp {
                std::cmp::Ordering::Less
            } else if lo > cp {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .ok()
}

fn in_ranges(table: &[(u32, u32)], c: char) -> bool {
    range_index(table, c).is_some()
}

/// `str.isprintable()` for one character: false for the categories Cc, Cf,
/// Cs, Co, Cn, Zl, Zp and Zs other than the ASCII space.
#[inline]
pub fn is_printable(c: char) -> bool {
    if c.is_ascii() {
        return (' '..='~').contains(&c);
    }
    !in_ranges(&NOT_PRINTABLE, c)
}

/// `str.isalnum()` for one character. The regular expression class `\w`
/// of a `str` pattern is exactly these characters and `_`.
#[inline]
pub fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    in_ranges(&ALNUM, c)
}

/// Whether `c` may start an identifier (`XID_Start` or `_`), as
/// `str.isidentifier()` judges the first character.
#[inline]
pub fn is_identifier_start(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic() || c == '_';
    }
    in_ranges(&XID_START, c)
}

/// Whether `c` may continue an identifier (`XID_Continue`).
#[inline]
pub fn is_identifier_continue(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    in_ranges(&XID_CONTINUE, c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        assert!(is_printable('a') && is_printable('é') && is_printable('€'));
        assert!(!is_printable('\u{7f}') && !is_printable('\u{a0}') && !is_printable('\u{200b}'));
        assert!(is_alnum('²') && !is_alnum('_'));
        assert!(is_identifier_start('µ') && !is_identifier_start('1'));
        assert!(is_identifier_continue('1') && is_identifier_continue('·'));
    }
}
