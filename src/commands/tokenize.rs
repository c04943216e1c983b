//! `pith tokenize`: the output of `python3 -m tokenize` (3.11), byte for byte.

use std::fmt::Write as _;
use std::io::Write as _;
use std::process::ExitCode;

use pith_lexer::{
    decode_source, DecodeError, Flavor, LexError, LineEnds, LineIndex, Token, TokenKind, Tokenizer,
};

use crate::cli::TokenizeArgs;

/// Positions as `tokenize` reports them: 1-based lines, columns in
/// characters, and the end of input on the line after the last one.
struct Positions<'a> {
    source: &'a str,
    index: LineIndex,
}

impl Positions<'_> {
    fn at(&self, offset: u32) -> (u32, u32) {
        if offset as usize == self.source.len()
            && !self.source.is_empty()
            && !self.source.ends_with('\n')
        {
            return (self.index.line_count() + 1, 0);
        }
        self.index.line_col_chars(self.source, offset)
    }

    fn span(&self, token: &Token) -> ((u32, u32), (u32, u32)) {
        if token.kind == TokenKind::Encoding {
            return ((0, 0), (0, 0));
        }
        if token.start == token.end {
            let start = match token.kind {
                TokenKind::Newline | TokenKind::Nl => {
                    self.index.line_col_chars(self.source, token.start)
                }
                _ => self.at(token.start),
            };
            // The implicit NEWLINE at the end of input is one column wide.
            let end = if token.kind == TokenKind::Newline {
                (start.0, start.1 + 1)
            } else {
                start
            };
            return (start, end);
        }
        let start = self.index.line_col_chars(self.source, token.start);
        let text = token.text(self.source);
        let last = text.chars().next_back().map_or(1, char::len_utf8) as u32;
        let (line, col) = self.index.line_col_chars(self.source, token.end - last);
        (start, (line, col + 1))
    }
}

/// Runs `pith tokenize`.
pub fn run(args: &TokenizeArgs) -> ExitCode {
    let filename = args.file.display().to_string();
    let bytes = match std::fs::read(&args.file) {
        Ok(bytes) => bytes,
        Err(err) => {
            eprintln!(
                "error: [Errno {}] {}: {}",
                err.raw_os_error().unwrap_or(0),
                super::os_message(&err),
                py_quote(&filename)
            );
            return ExitCode::FAILURE;
        }
    };
    let decoded = match decode_source(&bytes) {
        Ok(decoded) => decoded,
        Err(err) => {
            eprintln!("{filename}: error: {}", decode_message(&err, &filename));
            return ExitCode::FAILURE;
        }
    };
    let source: &str = &decoded.text;
    let tokens: Result<Vec<Token>, LexError> = Tokenizer::new(source, Flavor::Tokenize).collect();
    let positions = Positions {
        source,
        index: LineIndex::new(source, LineEnds::Lf),
    };
    let tokens = match tokens {
        Ok(tokens) => tokens,
        Err(err) => {
            let (line, col) = positions.at(err.offset());
            eprintln!("{filename}:{line}:{col}: error: {err}");
            return ExitCode::FAILURE;
        }
    };
    let mut out = String::with_capacity(tokens.len() * 48);
    for token in &tokens {
        let ((l1, c1), (l2, c2)) = positions.span(token);
        let range = format!("{l1},{c1}-{l2},{c2}:");
        let name = if args.exact {
            token.kind.exact_type_name()
        } else {
            token.kind.type_name()
        };
        let text = match token.kind {
            TokenKind::Encoding => decoded.encoding.as_str(),
            _ => token.text(source),
        };
        let repr = pith_repr::str_repr(text);
        let _ = writeln!(out, "{range:<20}{name:<15}{repr:<15}");
    }
    let stdout = std::io::stdout();
    let mut lock = stdout.lock();
    if lock
        .write_all(out.as_bytes())
        .and_then(|()| lock.flush())
        .is_err()
    {
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

/// `tokenize.detect_encoding`'s SyntaxError messages, which name the file.
fn decode_message(err: &DecodeError, filename: &str) -> String {
    let quoted = py_quote(filename);
    match err {
        DecodeError::InvalidDeclaration => {
            format!("invalid or missing encoding declaration for {quoted}")
        }
        DecodeError::UnknownEncoding(name) => format!("unknown encoding for {quoted}: {name}"),
        DecodeError::BomMismatch(_) => format!("encoding problem for {quoted}: utf-8"),
        DecodeError::Undecodable { .. } => format!("unexpected error: {err}"),
    }
}

fn py_quote(s: &str) -> String {
    pith_repr::str_repr(s)
}
