//! Text built piece by piece (a decoded JSON string, an encoder's output):
//! UTF-8 while it has no lone surrogate, code points from the first one on
//! (a `\udXXX` escape without its pair, a surrogate copied from the
//! document or from a str being encoded).

use crate::str_surrogates::is_surrogate;
use crate::value::{StrObj, Value};

use super::text::Text;

/// A str under construction.
pub(super) struct StrBuf {
    /// The text while it has no lone surrogate.
    text: String,
    /// Every code point, from the first lone surrogate on.
    exact: Option<Vec<u32>>,
}

impl StrBuf {
    /// An empty buffer.
    pub fn new() -> StrBuf {
        StrBuf {
            text: String::new(),
            exact: None,
        }
    }

    fn exact(&mut self) -> &mut Vec<u32> {
        let text = &self.text;
        self.exact
            .get_or_insert_with(|| text.chars().map(u32::from).collect())
    }

    /// Appends bytes `a..b` of the document.
    pub fn push_piece(&mut self, t: &Text<'_>, a: usize, b: usize) {
        match (t.exact(a, b), &mut self.exact) {
            (Some(cps), _) => self.exact().extend_from_slice(cps),
            (None, Some(v)) => v.extend(t.str_at(a, b).chars().map(u32::from)),
            (None, None) => self.text.push_str(t.str_at(a, b)),
        }
    }

    /// Appends text.
    pub fn push_str(&mut self, text: &str) {
        match &mut self.exact {
            None => self.text.push_str(text),
            Some(v) => v.extend(text.chars().map(u32::from)),
        }
    }

    /// Appends a str, exactly.
    pub fn push_strobj(&mut self, s: &StrObj) {
        match s.surrogates() {
            Some(cps) => self.exact().extend_from_slice(cps),
            None => self.push_str(s.as_str()),
        }
    }

    /// The UTF-8 text, for appending to directly; `None` once the buffer
    /// holds a lone surrogate.
    pub fn utf8(&mut self) -> Option<&mut String> {
        match self.exact {
            None => Some(&mut self.text),
            Some(_) => None,
        }
    }

    /// Appends one code point (at most 0x10FFFF).
    pub fn push_cp(&mut self, cp: u32) {
        match (char::from_u32(cp), &mut self.exact) {
            (Some(c), None) => self.text.push(c),
            (Some(c), Some(v)) => v.push(u32::from(c)),
            (None, _) if is_surrogate(cp) => self.exact().push(cp),
            (None, _) => self.push_cp(0xFFFD),
        }
    }

    /// The str.
    pub fn finish(self) -> Value {
        match self.exact {
            None => Value::string(self.text),
            Some(v) => Value::from_code_points(v),
        }
    }
}
