//! The JSON document as the scanners read it: the str's UTF-8 bytes, where
//! every JSON delimiter is one ASCII byte, and the conversions between byte
//! offsets and the code-point indices Python sees. A str holding lone
//! surrogates reads as its text (U+FFFD in their place, one character each,
//! so indices agree) and takes its exact code points when a piece is copied.

use crate::value::{StrObj, Value};

/// A read-only view of a str being decoded.
pub(super) struct Text<'a> {
    s: &'a StrObj,
    /// The object decoded (what a `JSONDecodeError` holds as `doc`).
    doc: &'a Value,
    /// The UTF-8 text.
    pub b: &'a [u8],
}

impl<'a> Text<'a> {
    /// A view of `s`, the text of `doc` (a str or a str subclass).
    pub fn new(s: &'a StrObj, doc: &'a Value) -> Text<'a> {
        Text {
            s,
            doc,
            b: s.as_str().as_bytes(),
        }
    }

    /// The code-point index of byte offset `byte`.
    pub fn char_index(&self, byte: usize) -> usize {
        self.s.char_index_of_byte(byte)
    }

    /// The byte offset of code-point index `i` (at most the length).
    pub fn byte_of(&self, i: usize) -> usize {
        self.s.byte_offset(i)
    }

    /// The exact code points of bytes `a..b` when the str holds lone
    /// surrogates; `None` when its text is exact.
    pub fn exact(&self, a: usize, b: usize) -> Option<&'a [u32]> {
        let cps = self.s.surrogates()?;
        let (i, j) = (self.char_index(a), self.char_index(b));
        cps.get(i..j)
    }

    /// The text of bytes `a..b` (character boundaries).
    pub fn str_at(&self, a: usize, b: usize) -> &'a str {
        self.s.as_str().get(a..b).unwrap_or("")
    }

    /// A new str of bytes `a..b`.
    pub fn slice(&self, a: usize, b: usize) -> Value {
        match self.exact(a, b) {
            Some(cps) => Value::from_code_points(cps.to_vec()),
            None => Value::str(self.str_at(a, b)),
        }
    }

    /// The object decoded, for error values.
    pub fn doc(&self) -> Value {
        self.doc.clone()
    }

    /// The byte at `i`, or 0 past the end (no JSON token starts with NUL).
    #[inline]
    pub fn at(&self, i: usize) -> u8 {
        self.b.get(i).copied().unwrap_or(0)
    }

    /// The first byte at or after `i` that is not JSON white space.
    #[inline]
    pub fn skip_ws(&self, mut i: usize) -> usize {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.b.get(i) {
            i += 1;
        }
        i
    }
}
