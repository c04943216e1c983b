//! Byte offsets to (line, column) positions.

/// Which characters end a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineEnds {
    /// Only `\n` (`\r\n` ends with it). This is how `tokenize` reads a
    /// file: `readline` on a binary file splits at `\n` alone.
    Lf,
    /// `\n`, `\r\n` and a lone `\r`, as the compiler reads source
    /// (universal newlines).
    Universal,
}

/// The start offset of every line of a source, for turning byte offsets
/// into 1-based line numbers and 0-based columns.
#[derive(Clone, Debug)]
pub struct LineIndex {
    starts: Vec<u32>,
    len: u32,
}

impl LineIndex {
    /// Indexes `source`.
    pub fn new(source: &str, ends: LineEnds) -> LineIndex {
        let bytes = source.as_bytes();
        let mut starts = Vec::with_capacity(bytes.len() / 32 + 1);
        starts.push(0);
        for (i, &b) in bytes.iter().enumerate() {
            let is_end = match b {
                b'\n' => true,
                b'\r' => ends == LineEnds::Universal && bytes.get(i + 1) != Some(&b'\n'),
                _ => false,
            };
            if is_end {
                starts.push(i as u32 + 1);
            }
        }
        LineIndex {
            starts,
            len: bytes.len() as u32,
        }
    }

    /// The number of lines; a final line without a line end counts, an
    /// empty remainder after the last line end does not.
    pub fn line_count(&self) -> u32 {
        let n = self.starts.len() as u32;
        if self.starts.last() == Some(&self.len) {
            n - 1
        } else {
            n
        }
    }

    /// The 1-based line that contains `offset` (an offset at the very end
    /// belongs to the last line start at or before it).
    pub fn line(&self, offset: u32) -> u32 {
        match self.starts.binary_search(&offset) {
            Ok(i) => i as u32 + 1,
            Err(i) => i as u32,
        }
    }

    /// The byte offset at which 1-based `line` starts.
    pub fn line_start(&self, line: u32) -> u32 {
        self.starts
            .get(line.saturating_sub(1) as usize)
            .copied()
            .unwrap_or(self.len)
    }

    /// Line and column in UTF-8 bytes, the unit of the AST's `col_offset`.
    pub fn line_col_utf8(&self, offset: u32) -> (u32, u32) {
        let line = self.line(offset);
        (line, offset - self.line_start(line))
    }

    /// Line and column in characters, the unit of `tokenize`.
    pub fn line_col_chars(&self, source: &str, offset: u32) -> (u32, u32) {
        let line = self.line(offset);
        let start = self.line_start(line) as usize;
        let text = source.get(start..offset as usize).unwrap_or("");
        let col = if text.is_ascii() {
            text.len()
        } else {
            text.chars().count()
        };
        (line, col as u32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions() {
        let src = "ab\ncé\r\nd\re";
        let lf = LineIndex::new(src, LineEnds::Lf);
        assert_eq!(lf.line_count(), 3);
        assert_eq!(lf.line_col_chars(src, 6), (2, 2));
        assert_eq!(lf.line_col_utf8(6), (2, 3));
        assert_eq!(lf.line_col_chars(src, 11), (3, 3));
        let uni = LineIndex::new(src, LineEnds::Universal);
        assert_eq!(uni.line_count(), 4);
        assert_eq!(uni.line_col_chars(src, 11), (4, 1));
        assert_eq!(LineIndex::new("x\n", LineEnds::Lf).line_count(), 1);
        assert_eq!(LineIndex::new("", LineEnds::Lf).line_count(), 0);
    }
}
