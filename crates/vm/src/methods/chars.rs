//! Character classes of the str methods as CPython 3.11 defines them, from
//! tables generated out of CPython's own `unicodedata`.

use super::unicode_tables::{
    ALPHA, CASED, CASEFOLD_MAP, CASE_IGNORABLE, DECIMAL, DIGIT, LOWER, LOWER_MAP, NUMERIC, SPACE,
    TITLE, TITLE_MAP, UPPER, UPPER_MAP,
};

use pith_repr::unicode::range_index as find;

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

/// A cased character (the Cased property).
pub fn is_cased(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    find(&CASED, c).is_some()
}

fn is_case_ignorable(c: char) -> bool {
    find(&CASE_IGNORABLE, c).is_some()
}

fn special(table: &'static [(u32, &'static str)], c: char) -> Option<&'static str> {
    table
        .binary_search_by_key(&(c as u32), |&(cp, _)| cp)
        .ok()
        .map(|i| table[i].1)
}

fn push_mapped(out: &mut String, table: &'static [(u32, &'static str)], c: char) {
    match special(table, c) {
        Some(s) => out.push_str(s),
        None => out.push(c),
    }
}

/// Appends `c.upper()`.
pub fn push_upper(out: &mut String, c: char) {
    push_mapped(out, &UPPER_MAP, c);
}

/// Appends `c.casefold()`.
pub fn push_casefold(out: &mut String, c: char) {
    push_mapped(out, &CASEFOLD_MAP, c);
}

/// Appends the titlecase mapping of `c`.
pub fn push_title(out: &mut String, c: char) {
    push_mapped(out, &TITLE_MAP, c);
}

/// Appends the lowercase of `chars[i]`; a capital sigma becomes final sigma
/// at the end of a word, as CPython's `handle_capital_sigma` decides.
pub fn push_lower(out: &mut String, chars: &[char], i: usize) {
    let c = chars[i];
    if c != '\u{3A3}' {
        push_mapped(out, &LOWER_MAP, c);
        return;
    }
    let before = chars[..i].iter().rev().find(|&&p| !is_case_ignorable(p));
    let mut is_final = before.is_some_and(|&p| is_cased(p));
    if is_final {
        let after = chars[i + 1..].iter().find(|&&n| !is_case_ignorable(n));
        is_final = after.map_or(true, |&n| !is_cased(n));
    }
    out.push(if is_final { '\u{3C2}' } else { '\u{3C3}' });
}

/// `Py_UNICODE_TOUPPER`: one character, the first of the full upper-case
/// mapping (CPython's extended-case records keep the full mapping and
/// return its first character), so `'ß'` gives `'S'`.
pub fn simple_upper(c: char) -> char {
    special(&UPPER_MAP, c)
        .and_then(|s| s.chars().next())
        .unwrap_or(c)
}

/// `Py_UNICODE_TOLOWER`: the first character of the full lower-case mapping.
pub fn simple_lower(c: char) -> char {
    special(&LOWER_MAP, c)
        .and_then(|s| s.chars().next())
        .unwrap_or(c)
}
