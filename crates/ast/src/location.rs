//! Turning byte offsets into CPython's `(lineno, col_offset)` pairs.

/// Maps a byte offset to CPython's position: a 1-based line and a 0-based column
/// counted in UTF-8 bytes (what `ast` calls `lineno` and `col_offset`).
///
/// `pith-ast` takes this as a trait so it needs no lexer; [`LineIndex`] is a ready
/// implementation over the source text.
pub trait SourceLocator {
    /// `(line, column)` of `offset`: line is 1-based, column is a 0-based byte count.
    fn location(&self, offset: u32) -> (u32, u32);

    /// The locations of `start` and `end`, as two calls of
    /// [`SourceLocator::location`]; an implementation may find the second
    /// from the first (most spans end on the line they start on).
    fn span(&self, start: u32, end: u32) -> ((u32, u32), (u32, u32)) {
        (self.location(start), self.location(end))
    }

    /// The line holding `offset`, for locators whose columns count bytes
    /// from the start of a line of the source: a caller may then locate
    /// other offsets on that line itself, without a lookup. `None` (the
    /// default) for locators whose offsets are not source positions.
    fn line_at(&self, offset: u32) -> Option<SourceLine> {
        let _ = offset;
        None
    }
}

/// One line of a source text, as [`SourceLocator::line_at`] finds it: the
/// offsets `start..end` are on line `number`, at columns `offset - start`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SourceLine {
    /// The 1-based line number.
    pub number: u32,
    /// Byte offset of the line's first byte.
    pub start: u32,
    /// Byte offset of the next line's first byte (`u32::MAX` for the last
    /// line, which holds every offset past the end of the text).
    pub end: u32,
}

impl SourceLine {
    /// `(line, column)` of `offset`, if it is on this line.
    #[inline]
    #[must_use]
    pub fn location(&self, offset: u32) -> Option<(u32, u32)> {
        (self.start..self.end)
            .contains(&offset)
            .then(|| (self.number, offset - self.start))
    }
}

/// Start offsets of every line of a source text, for offset-to-line lookups.
/// Lines end at `\n`, `\r\n` or a lone `\r`, as in Python.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LineIndex {
    /// Byte offset at which each line starts; always begins with 0.
    starts: Vec<u32>,
    /// For each block of `1 << BLOCK_BITS` bytes, the index in `starts` of the
    /// line holding the block's first byte. The compiler asks for a location
    /// per node and instruction; a lookup starts here and steps over the
    /// line starts inside one block (about two at Python's line lengths)
    /// instead of a binary search over the whole file.
    blocks: Vec<u32>,
}

/// Log2 of the bytes covered by one entry of [`LineIndex::blocks`].
const BLOCK_BITS: u32 = 6;

impl LineIndex {
    /// Indexes the line starts of `source`.
    #[must_use]
    pub fn new(source: &str) -> Self {
        let bytes = source.as_bytes();
        let mut starts = Vec::with_capacity(bytes.len() / 32 + 1);
        starts.push(0);
        let mut ends = memchr::memchr2_iter(b'\n', b'\r', bytes).peekable();
        while let Some(i) = ends.next() {
            // `\r\n` is one line end: its `\n` starts nothing.
            if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                ends.next();
                starts.push(offset(i + 2));
            } else {
                starts.push(offset(i + 1));
            }
        }
        let block_count = (bytes.len() >> BLOCK_BITS) + 1;
        let mut blocks = Vec::with_capacity(block_count);
        let mut line = 0usize;
        for block in 0..block_count {
            let first = offset(block << BLOCK_BITS);
            while starts.get(line + 1).is_some_and(|&s| s <= first) {
                line += 1;
            }
            blocks.push(u32::try_from(line).unwrap_or(u32::MAX));
        }
        Self { starts, blocks }
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

impl LineIndex {
    /// Index in `starts` of the last line start at or before `offset`.
    fn line_index(&self, offset: u32) -> usize {
        // `starts[0] == 0`, so some line holds every offset.
        let block = (offset >> BLOCK_BITS) as usize;
        let mut line = match self.blocks.get(block).or(self.blocks.last()) {
            Some(&l) => l as usize,
            None => 0,
        };
        while self.starts.get(line + 1).is_some_and(|&s| s <= offset) {
            line += 1;
        }
        line
    }
}

impl SourceLocator for LineIndex {
    fn location(&self, offset: u32) -> (u32, u32) {
        let line = self.line_index(offset);
        let start = self.starts.get(line).copied().unwrap_or(0);
        (
            u32::try_from(line + 1).unwrap_or(u32::MAX),
            offset.saturating_sub(start),
        )
    }

    fn line_at(&self, offset: u32) -> Option<SourceLine> {
        let line = self.line_index(offset);
        Some(SourceLine {
            number: u32::try_from(line + 1).unwrap_or(u32::MAX),
            start: self.starts.get(line).copied().unwrap_or(0),
            end: self.starts.get(line + 1).copied().unwrap_or(u32::MAX),
        })
    }

    fn span(&self, start: u32, end: u32) -> ((u32, u32), (u32, u32)) {
        let first = self.location(start);
        // `end` is on the same line when it comes before the next line's start.
        let line = first.0 as usize;
        let same_line = end >= start
            && match self.starts.get(line) {
                Some(&next) => end < next,
                None => true,
            };
        if same_line {
            (first, (first.0, first.1 + (end - start)))
        } else {
            (first, self.location(end))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_is_two_locations() {
        let text = "ab\ncdef\r\ng\rhij\n";
        let idx = LineIndex::new(text);
        let n = text.len() as u32;
        for start in 0..=n + 1 {
            for end in 0..=n + 1 {
                assert_eq!(
                    idx.span(start, end),
                    (idx.location(start), idx.location(end)),
                    "{start}..{end}"
                );
            }
        }
    }

    #[test]
    fn line_at_agrees_with_location() {
        let text = "ab\ncdef\r\ng\rhij\n";
        let idx = LineIndex::new(text);
        for offset in 0..=text.len() as u32 + 3 {
            let line = idx.line_at(offset).expect("a line index knows its lines");
            for other in 0..=text.len() as u32 + 3 {
                if let Some(found) = line.location(other) {
                    assert_eq!(found, idx.location(other), "{offset}: {other}");
                }
            }
            assert_eq!(line.location(offset), Some(idx.location(offset)));
        }
    }

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

    /// The block table gives the same answers as a binary search, at every
    /// offset of texts with short, long and empty lines, and past the end.
    #[test]
    fn blocks_agree_with_binary_search() {
        let long = "x".repeat(300);
        let text = format!("a\n\n{long}\r\nbc\r\r\n{long}\n\n\nend");
        let idx = LineIndex::new(&text);
        for off in 0..text.len() as u32 + 200 {
            let line = idx.starts.partition_point(|&s| s <= off).max(1);
            let want = (line as u32, off - idx.starts[line - 1]);
            assert_eq!(idx.location(off), want, "offset {off}");
        }
        assert_eq!(LineIndex::new("").location(5), (1, 5));
    }
}
