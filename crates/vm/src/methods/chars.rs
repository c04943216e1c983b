//! Character classes of the str methods as CPython 3.11 defines them, from
//! tables generated out of CPython's own `unicodedata`.

use super::unicode_tables::{ALPHA, DECIMAL, DIGIT, LOWER, NUMERIC, SPACE, TITLE, UPPER};

fn find(table: &[(u32, u32)], c: char) -> Option<usize> {
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

/// The value of a decimal digit (`str.isdecimal()`), as `int()` reads it.
#[inline]
pub fn decimal_value(c: char) -> Option<u32> {
    if c.is_ascii() {
        return c.to_digit(10);
    }
    find(&DECIMAL, c).map(|i| c as u32 - DECIMAL[i].0)
}

/// `str.isdecimal()` of one character.
pub fn is_decimal(c: char) -> bool {
    decimal_value(c).is_some()
}

/// `str.isdigit()` of one character.
pub fn is_digit(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    find(&DIGIT, c).is_some()
}

/// `str.isnumeric()` of one character.
pub fn is_numeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    find(&NUMERIC, c).is_some()
}

/// `str.isspace()` of one character (also what `split()` and `strip()` cut at).
#[inline]
pub fn is_space(c: char) -> bool {
    if c.is_ascii() {
        return matches!(c, ' ' | '\t'..='\r' | '\x1c'..='\x1f');
    }
    find(&SPACE, c).is_some()
}

/// `str.isalpha()` of one character.
pub fn is_alpha(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    find(&ALPHA, c).is_some()
}

/// A titlecase letter (category Lt).
pub fn is_title(c: char) -> bool {
    !c.is_ascii() && find(&TITLE, c).is_some()
}

/// An uppercase character.
pub fn is_upper(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_uppercase();
    }
    find(&UPPER, c).is_some()
}

/// A lowercase character.
pub fn is_lower(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_lowercase();
    }
    find(&LOWER, c).is_some()
}

/// A cased character (upper, lower or title case).
pub fn is_cased(c: char) -> bool {
    is_upper(c) || is_lower(c) || is_title(c)
}
