//! Compile-time errors, with the messages and positions CPython reports.

use pith_ast::TextRange;

/// What kind of Python exception a compile error corresponds to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// `SyntaxError`
    SyntaxError,
    /// `SystemError`: an AST CPython's compiler itself rejects as malformed.
    SystemError,
    /// `ValueError`: a tree CPython's AST validator rejects.
    ValueError,
    /// `RecursionError`: the tree nests too deeply to compile.
    RecursionError,
}

impl ErrorKind {
    /// The Python exception class name.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::SyntaxError => "SyntaxError",
            Self::SystemError => "SystemError",
            Self::ValueError => "ValueError",
            Self::RecursionError => "RecursionError",
        }
    }
}

/// A compile error: CPython's message, and where it points.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}: {message} (line {lineno})", kind.name())]
pub struct CompileError {
    /// The exception class.
    pub kind: ErrorKind,
    /// CPython's message, e.g. `'return' outside function`.
    pub message: String,
    /// Byte range of the offending node.
    pub range: TextRange,
    /// 1-based line of the node's start.
    pub lineno: u32,
    /// 1-based column (CPython's `SyntaxError.offset`), in UTF-8 bytes + 1.
    pub offset: u32,
}
