//! Python 3.11's tokenizer.
//!
//! Two layers: a [logos] scanner for the regular tokens (names and
//! keywords, numbers, operators, comments, strings that close on their
//! line; callbacks finish comments and string bodies with `memchr`), and
//! [`Tokenizer`], which adds what depends on lines: the other string
//! bodies, indentation (`INDENT`/`DEDENT`), `NEWLINE` versus `NL`, bracket
//! depth, `\` continuations and the end of input. [`decode_source`] turns
//! file bytes into text first (BOM, PEP 263 coding cookies), and
//! [`LineIndex`] turns byte offsets into positions.
//!
//! Tokens borrow nothing and own nothing: a [`Token`] is a kind and a byte
//! range, 12 bytes, and [`Token::text`] slices the source. The tokenizer
//! lexes about 64 tokens at a time into a reused buffer that its iterator
//! reads, so nothing is allocated per token.
//!
//! ```
//! use pith_lexer::{Flavor, TokenKind, Tokenizer};
//! let src = "x = (1 +\n     2)\n";
//! let tokens: Vec<_> = Tokenizer::new(src, Flavor::Compiler)
//!     .collect::<Result<_, _>>()
//!     .unwrap();
//! let texts: Vec<_> = tokens.iter().map(|t| t.text(src)).collect();
//! assert_eq!(texts, ["x", "=", "(", "1", "+", "\n", "2", ")", "\n", ""]);
//! assert_eq!(tokens[5].kind, TokenKind::Nl);
//! ```

mod codec_tables;
mod encoding;
mod error;
mod line_index;
mod raw;
mod scan;
mod token;
mod tokenizer;

pub use encoding::{decode_source, DecodeError, DecodedSource};
pub use error::LexError;
pub use line_index::{LineEnds, LineIndex};
pub use token::{Keyword, Operator, Token, TokenKind};
pub use tokenizer::{Flavor, Tokenizer};

/// Tokenizes all of `source`, stopping at the first error.
pub fn tokenize(source: &str, flavor: Flavor) -> Result<Vec<Token>, LexError> {
    Tokenizer::new(source, flavor).collect()
}
