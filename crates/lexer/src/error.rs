//! Errors that stop tokenizing.

use thiserror::Error;

/// An error that ends the token stream. Each carries the byte offset that
/// CPython reports as its position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum LexError {
    /// A triple-quoted string (or a single-quoted one continued with `\`)
    /// still open at the end of input; the offset is the string's start.
    #[error("EOF in multi-line string")]
    EofInMultiLineString {
        /// Where the string starts.
        offset: u32,
    },
    /// Input ends inside brackets or after a `\` continuation.
    #[error("EOF in multi-line statement")]
    EofInMultiLineStatement {
        /// The end of input.
        offset: u32,
    },
    /// A dedent to a column that no enclosing block has.
    #[error("unindent does not match any outer indentation level")]
    UnindentMismatch {
        /// The first non-blank character of the offending line.
        offset: u32,
    },
    /// Indentation whose meaning depends on the tab size (compiler rules).
    #[error("inconsistent use of tabs and spaces in indentation")]
    InconsistentTabs {
        /// The first non-blank character of the offending line.
        offset: u32,
    },
    /// More than 100 nested indentation levels (compiler rules).
    #[error("too many levels of indentation")]
    TooDeep {
        /// The first non-blank character of the offending line.
        offset: u32,
    },
}

impl LexError {
    /// The byte offset CPython reports the error at.
    pub fn offset(&self) -> u32 {
        match *self {
            LexError::EofInMultiLineString { offset }
            | LexError::EofInMultiLineStatement { offset }
            | LexError::UnindentMismatch { offset }
            | LexError::InconsistentTabs { offset }
            | LexError::TooDeep { offset } => offset,
        }
    }

    /// Whether CPython raises this as an `IndentationError` (or its
    /// subclass `TabError`) rather than a plain tokenize error.
    pub fn is_indentation_error(&self) -> bool {
        matches!(
            self,
            LexError::UnindentMismatch { .. }
                | LexError::InconsistentTabs { .. }
                | LexError::TooDeep { .. }
        )
    }
}
