//! Byte ranges into the UTF-8 source text.

/// A half-open range `start..end` of byte offsets into the UTF-8 source text.
///
/// Every node that CPython gives `lineno`/`col_offset`/`end_lineno`/`end_col_offset`
/// carries one of these instead; lines and columns are derived on demand through a
/// [`SourceLocator`](crate::SourceLocator).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(from = "(u32, u32)", into = "(u32, u32)")
)]
pub struct TextRange {
    /// Offset of the first byte.
    pub start: u32,
    /// Offset one past the last byte.
    pub end: u32,
}

impl TextRange {
    /// A range from `start` to `end` (byte offsets).
    #[must_use]
    pub const fn new(start: u32, end: u32) -> Self {
        Self { start, end }
    }

    /// The length in bytes (zero if the range is inverted).
    #[must_use]
    pub const fn len(self) -> u32 {
        self.end.saturating_sub(self.start)
    }

    /// Whether the range covers no bytes.
    #[must_use]
    pub const fn is_empty(self) -> bool {
        self.end <= self.start
    }

    /// The smallest range covering both `self` and `other`.
    #[must_use]
    pub fn cover(self, other: Self) -> Self {
        Self::new(self.start.min(other.start), self.end.max(other.end))
    }
}

impl From<(u32, u32)> for TextRange {
    fn from((start, end): (u32, u32)) -> Self {
        Self::new(start, end)
    }
}

impl From<TextRange> for (u32, u32) {
    fn from(r: TextRange) -> Self {
        (r.start, r.end)
    }
}

/// Anything that knows the source range it was parsed from.
pub trait Ranged {
    /// The byte range of this node in the source.
    fn range(&self) -> TextRange;
}

impl<T: Ranged> Ranged for Box<T> {
    fn range(&self) -> TextRange {
        (**self).range()
    }
}
