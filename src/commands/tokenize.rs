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
    let (out, error) = token_listing(&decoded.text, &decoded.encoding, args.exact);
    if let Some((line, col, err)) = error {
        eprintln!("{filename}:{line}:{col}: error: {err}");
        return ExitCode::FAILURE;
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

/// The lines `python3 -m tokenize [-e]` prints for decoded `source`; if
/// the tokenizer fails, the lines before the failure and the error with its
/// line and column.
pub fn token_listing(
    source: &str,
    encoding: &str,
    exact: bool,
) -> (String, Option<(u32, u32, LexError)>) {
    let positions = Positions {
        source,
        index: LineIndex::new(source, LineEnds::Lf),
    };
    let mut out = String::with_capacity(source.len() * 8);
    for token in Tokenizer::new(source, Flavor::Tokenize) {
        let token = match token {
            Ok(token) => token,
            Err(err) => {
                let (line, col) = positions.at(err.offset());
                return (out, Some((line, col, err)));
            }
        };
        let ((l1, c1), (l2, c2)) = positions.span(&token);
        let range = format!("{l1},{c1}-{l2},{c2}:");
        let name = if exact {
            token.kind.exact_type_name()
        } else {
            token.kind.type_name()
        };
        let text = match token.kind {
            TokenKind::Encoding => encoding,
            _ => token.text(source),
        };
        let repr = pith_repr::str_repr(text);
        let _ = writeln!(out, "{range:<20}{name:<15}{repr:<15}");
    }
    (out, None)
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
