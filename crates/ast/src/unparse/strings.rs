//! String-literal spelling for `unparse`: `_str_literal_helper` and friends.

use std::fmt::Write;

use pith_repr::is_printable;

use crate::constant::write_code_points_repr;

/// The four quote styles, in `_ALL_QUOTES` order.
pub(super) const ALL_QUOTES: [&str; 4] = ["'", "\"", "\"\"\"", "'''"];
/// `_MULTI_QUOTES`.
pub(super) const MULTI_QUOTES: [&str; 2] = ["\"\"\"", "'''"];

/// `c.encode("unicode_escape")` for a backslash or a non-printable character.
fn push_unicode_escape(out: &mut String, c: char) {
    let cp = u32::from(c);
    // Writing to a String cannot fail.
    let _ = match c {
        '\\' => write!(out, "\\\\"),
        '\t' => write!(out, "\\t"),
        '\n' => write!(out, "\\n"),
        '\r' => write!(out, "\\r"),
        _ if cp < 0x100 => write!(out, "\\x{cp:02x}"),
        _ if cp < 0x10000 => write!(out, "\\u{cp:04x}"),
        _ => write!(out, "\\U{cp:08x}"),
    };
}

/// `_str_literal_helper`: the escaped body of a literal and the quotes that fit it,
/// best first.
///
/// Works on code points because `str` constants may hold lone surrogates; those are
/// not printable, so the escaped text is always valid UTF-8.
pub(super) fn str_literal_helper(
    string: &[u32],
    quote_types: &[&'static str],
    escape_special_whitespace: bool,
) -> (String, Vec<&'static str>) {
    let mut escaped = String::with_capacity(string.len());
    for &cp in string {
        match char::from_u32(cp) {
            Some(c) if !escape_special_whitespace && (c == '\n' || c == '\t') => escaped.push(c),
            Some(c) if c == '\\' || !is_printable(c) => push_unicode_escape(&mut escaped, c),
            Some(c) => escaped.push(c),
            // A lone surrogate: `\udXXX`.
            None => {
                let _ = write!(escaped, "\\u{cp:04x}");
            }
        }
    }
    let multiline = escaped.contains('\n');
    let mut possible: Vec<&'static str> = quote_types
        .iter()
        .copied()
        .filter(|q| !multiline || q.len() == 3)
        .filter(|q| !escaped.contains(q))
        .collect();
    if possible.is_empty() {
        // Fall back to repr(), keeping a requested quote style that starts alike
        // (so docstrings stay triple-quoted).
        let mut repr = String::new();
        write_code_points_repr(&mut repr, string);
        let first = repr.chars().next().unwrap_or('\'');
        let quote = quote_types
            .iter()
            .copied()
            .find(|q| q.contains(first))
            .unwrap_or(if first == '"' { "\"" } else { "'" });
        let body = repr
            .get(1..repr.len().saturating_sub(1))
            .unwrap_or_default()
            .to_owned();
        return (body, vec![quote]);
    }
    if let Some(last) = escaped.chars().last() {
        // Stable sort: quotes whose character differs from the last one come first.
        possible.sort_by_key(|q| q.starts_with(last));
        if possible[0].starts_with(last) {
            escaped.pop();
            escaped.push('\\');
            escaped.push(last);
        }
    }
    (escaped, possible)
}

/// `repr('"' + value)[2:-1]`: the body of a single-quoted repr.
pub(super) fn single_quoted_repr_body(value: &[u32]) -> String {
    let mut s = Vec::with_capacity(value.len() + 1);
    s.push(u32::from('"'));
    s.extend_from_slice(value);
    let mut repr = String::new();
    write_code_points_repr(&mut repr, &s);
    repr.get(2..repr.len().saturating_sub(1))
        .unwrap_or_default()
        .to_owned()
}

/// Appends `s` to a code point buffer.
pub(super) fn push_str(out: &mut Vec<u32>, s: &str) {
    out.extend(s.chars().map(u32::from));
}
