//! Turning byte offsets into CPython's `(lineno, col_offset)` pairs.

/// Maps a byte offset to CPython's position: a 1-based line and a 0-based column
/// counted in UTF-8 bytes (what `ast` calls `lineno` and `col_offset`).
///
/// `pith-ast` takes this as a trait so it needs no lexer; [`LineIndex`] is a ready
/// implementation over the source text.
pub trait SourceLocator {
    /// `(line, column)` of `offset`: line is 1-based, column is a 0-based byte count.
    fn location(&self, offset: u32) -> (u32, u32);
}

/// Start offsets of every line of a source text, for offset-to-line lookups by
/// binary search. Lines end at `\n`, `\r\n` or a lone `\r`, as in Python.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LineIndex {
    /// Byte offset at which each line starts; always begins with 0.
    starts: Vec<u32>,
}

impl LineIndex {
    /// Indexes the line starts of `source`.
    #[must_use]
    pub fn new(source: &str) -> Self {
        let bytes = source.as_bytes();
        let mut starts = Vec::with_capacity(bytes.len() / 32 + 1);
        starts.push(0);
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(offset(i + 1)),
                b'\r' => {
                    if bytes.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    starts.push(offset(i + 1));
                }
                _ => {}
            }
            i += 1;
        }
        Self { starts }
    }

    /// Number of lines (a text ending in a newline has an empty last line).
    #[must_use]
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// Byte offset where 1-based `line` starts, if the line exists.
    #[must_use]
    pub fn line_start(&self, line: u32) -> Option<u32> {
        let index = usize::try_from(line).ok()?.checked_sub(1)?;
        self.starts.get(index).copied()
    }
}

/// Source texts are limited to 4 GiB, so offsets fit in `u32`; saturate beyond.
fn offset(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

impl SourceLocator for LineIndex {
    fn location(&self, offset: u32) -> (u32, u32) {
        // Index of the last line start at or before `offset`; `starts[0] == 0`.
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        (u32::try_from(line).unwrap_or(u32::MAX), offset - start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_line_endings() {
        let idx = LineIndex::new("a\nbc\r\nd\re");
        assert_eq!(idx.location(0), (1, 0));
        assert_eq!(idx.location(1), (1, 1));
        assert_eq!(idx.location(2), (2, 0));
        assert_eq!(idx.location(4), (2, 2));
        assert_eq!(idx.location(6), (3, 0));
        assert_eq!(idx.location(8), (4, 0));
        assert_eq!(idx.line_count(), 4);
    }
}
