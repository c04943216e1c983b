//! Identifiers: names of functions, attributes, imports, keywords and patterns.

use std::fmt;
use std::ops::Deref;

use crate::range::TextRange;

/// An identifier with the byte range of its token.
///
/// CPython gives plain identifiers (a function's name, an attribute name, an imported
/// module) no position of their own; Pith keeps one so tools can point at the name.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(from = "serde_repr::IdentifierRepr")
)]
pub struct Identifier {
    /// The name as written (already NFKC-normalized by the parser).
    pub id: Box<str>,
    /// Where the name is written; empty if it has no source position.
    pub range: TextRange,
}

impl Identifier {
    /// An identifier spelled `id` at `range`.
    #[must_use]
    pub fn new(id: impl Into<Box<str>>, range: TextRange) -> Self {
        Self {
            id: id.into(),
            range,
        }
    }

    /// The name as a string slice.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.id
    }
}

impl Deref for Identifier {
    type Target = str;
    fn deref(&self) -> &str {
        &self.id
    }
}

impl fmt::Display for Identifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.id)
    }
}

impl PartialEq<str> for Identifier {
    fn eq(&self, other: &str) -> bool {
        &*self.id == other
    }
}

#[cfg(feature = "serde")]
mod serde_repr {
    use super::{Identifier, TextRange};

    /// Accepts either a bare string (no position) or the full struct.
    #[derive(serde::Deserialize)]
    #[serde(untagged)]
    pub(super) enum IdentifierRepr {
        Plain(Box<str>),
        Full { id: Box<str>, range: TextRange },
    }

    impl From<IdentifierRepr> for Identifier {
        fn from(r: IdentifierRepr) -> Self {
            match r {
                IdentifierRepr::Plain(id) => Self {
                    id,
                    range: TextRange::default(),
                },
                IdentifierRepr::Full { id, range } => Self { id, range },
            }
        }
    }
}
