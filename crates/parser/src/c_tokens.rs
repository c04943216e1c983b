//! The token stream of CPython 3.11's C tokenizer as `_tokenize.TokenizerIter`
//! shows it (`Python/Python-tokenize.c`), which `tokenize` reaches through
//! `_generate_tokens_from_c_tokenizer`.
//!
//! It differs from the `tokenize` module's stream: no `COMMENT`, `NL` or
//! `ENDMARKER` tokens; operators carry their exact types; `async`/`await`
//! are `ASYNC`/`AWAIT`; `NEWLINE` is empty, or holds the comment it ends;
//! `INDENT`/`DEDENT` have no columns; and each token's `line` is the
//! tokenizer's line buffer, which holds every line of a multi-line string
//! or a `\` continuation. Errors the tokenizer raises are raised after the
//! tokens before them; those it only records in its state (indentation,
//! `\` misuse, end of input inside brackets) end the stream silently.

use pith_ast::{LineIndex, SourceLocator};
use pith_lexer::{Flavor, Keyword, TokenKind, Tokenizer};

use crate::error::ParseError;
use crate::token::{lex, Tok};

/// `token.NAME`
const NAME: u8 = 1;
/// `token.NUMBER`
const NUMBER: u8 = 2;
/// `token.STRING`
const STRING: u8 = 3;
/// `token.NEWLINE`
const NEWLINE: u8 = 4;
/// `token.INDENT`
const INDENT: u8 = 5;
/// `token.DEDENT`
const DEDENT: u8 = 6;
/// `token.OP`: a character that starts no token (`$`, `?`, `!`).
const OP: u8 = 54;
/// `token.AWAIT`
const AWAIT: u8 = 55;
/// `token.ASYNC`
const ASYNC: u8 = 56;

/// One token: its type number (`token.tok_name`'s keys) and positions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CToken {
    /// The token type.
    pub kind: u8,
    /// The token's text, a byte range of [`CTokens::source`].
    pub text: std::ops::Range<usize>,
    /// 1-based line of the start.
    pub lineno: u32,
    /// 1-based line of the end.
    pub end_lineno: u32,
    /// Byte column of the start; -1 for `INDENT` and `DEDENT`.
    pub col: i32,
    /// Byte column of the end; -1 for `INDENT` and `DEDENT`.
    pub end_col: i32,
    /// The tokenizer's line buffer at this token, a byte range of
    /// [`CTokens::source`].
    pub line: std::ops::Range<usize>,
}

/// The tokens of a source, and what ends them.
#[derive(Clone, Debug)]
pub struct CTokens {
    /// The source as the tokenizer reads it: `\r\n` and `\r` made `\n`,
    /// and a final newline added.
    pub source: String,
    /// The tokens, in order.
    pub tokens: Vec<CToken>,
    /// The `SyntaxError` raised after the tokens, if any.
    pub error: Option<ParseError>,
}

/// The tokens of `source` as CPython's C tokenizer yields them.
#[must_use]
pub fn c_tokens(source: &str) -> CTokens {
    let text = translate_newlines(source);
    let raised = lex(&text, Tok::StartModule, 0, false)
        .error
        .filter(|e| !e.is_deferred() && e.kind != crate::ErrorKind::RecursionError);
    let stop_at = raised.as_ref().map_or(u32::MAX, |e| e.start);
    // `verify_end_of_number` raises these while still reading the number.
    let number_error = raised
        .as_ref()
        .is_some_and(|e| e.msg.starts_with("invalid ") && e.msg.ends_with(" literal"));
    let index = LineIndex::new(&text);
    let mut lines = LineBuffers::new(&text);
    let mut tokens = Vec::new();
    let mut comment: Option<(u32, u32)> = None;
    let mut last_end = 0u32;
    for item in Tokenizer::new(&text, Flavor::Compiler) {
        let Ok(token) = item else { break };
        // A number whose end the error is about (`0x`, `1_`) is not given.
        let bad_number = number_error && token.kind == TokenKind::Number && token.end >= stop_at;
        if token.start >= stop_at || bad_number {
            break;
        }
        lines.gap(&text, last_end as usize, token.start as usize);
        last_end = last_end.max(token.end);
        if continues_name(&text, &tokens, token) {
            // `tokenize`'s `\w` misses identifier characters such as the
            // combining marks the compiler's tokenizer takes into names.
            if let Some(name) = tokens.last_mut() {
                *name = located(NAME, &index, &lines, name.text.start as u32, token.end);
            }
            continue;
        }
        let kind = match token.kind {
            TokenKind::Name => NAME,
            TokenKind::Keyword(Keyword::Async) => ASYNC,
            TokenKind::Keyword(Keyword::Await) => AWAIT,
            TokenKind::Keyword(_) => NAME,
            TokenKind::Number => NUMBER,
            TokenKind::String => {
                lines.string(&index, token.start, token.end);
                STRING
            }
            TokenKind::Op(op) => op.exact_type(),
            TokenKind::StrayWord => OP,
            TokenKind::Comment => {
                comment = Some((token.start, token.end));
                continue;
            }
            TokenKind::Nl => {
                comment = None;
                continue;
            }
            TokenKind::Error => {
                let t = token.text(&text);
                if crate::token::is_skipped_space(t) {
                    continue;
                }
                if t.starts_with('\\') {
                    // `E_LINECONT`: recorded, not raised.
                    break;
                }
                OP
            }
            TokenKind::Newline => {
                let (start, end) = match comment.take() {
                    Some(span) => span,
                    None => (token.start, token.start),
                };
                tokens.push(located(NEWLINE, &index, &lines, start, end));
                continue;
            }
            TokenKind::Indent | TokenKind::Dedent => {
                let kind = if token.kind == TokenKind::Indent {
                    INDENT
                } else {
                    DEDENT
                };
                // At the first token of the line, after any `\` continuation.
                tokens.push(indentation(kind, &text, &index, &lines, token.end));
                continue;
            }
            TokenKind::EndMarker | TokenKind::Encoding => break,
        };
        tokens.push(located(kind, &index, &lines, token.start, token.end));
    }
    let error = raised.map(|e| e.locate(&text));
    CTokens {
        source: text,
        tokens,
        error,
    }
}

/// Whether `token` is more of the name that the last token is.
fn continues_name(text: &str, tokens: &[CToken], token: pith_lexer::Token) -> bool {
    let Some(last) = tokens.last() else {
        return false;
    };
    if last.kind != NAME || last.text.end != token.start as usize {
        return false;
    }
    match token.kind {
        TokenKind::Name | TokenKind::Keyword(_) | TokenKind::Number => true,
        TokenKind::Error | TokenKind::StrayWord => token
            .text(text)
            .chars()
            .all(pith_repr::unicode::is_identifier_continue),
        _ => false,
    }
}

/// `translate_newlines`: universal newlines, and a newline at the end of
/// non-empty input that lacks one.
fn translate_newlines(source: &str) -> String {
    let mut text = source.replace("\r\n", "\n").replace('\r', "\n");
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    text
}

/// A token with columns, from byte offsets.
fn located(kind: u8, index: &LineIndex, lines: &LineBuffers, start: u32, end: u32) -> CToken {
    let ((lineno, col), (end_lineno, end_col)) = index.span(start, end);
    CToken {
        kind,
        text: start as usize..end as usize,
        lineno,
        end_lineno,
        col: col as i32,
        end_col: end_col as i32,
        line: lines.buffer(end_lineno),
    }
}

/// `INDENT` or `DEDENT` at `at`. At the end of input the tokenizer has read
/// every line, blank ones too, and stays on the last.
fn indentation(kind: u8, text: &str, index: &LineIndex, lines: &LineBuffers, at: u32) -> CToken {
    let lineno = if at as usize >= text.len() {
        lines.line_ends().max(1) as u32
    } else {
        index.location(at).0
    };
    CToken {
        kind,
        text: 0..0,
        lineno,
        end_lineno: lineno,
        col: -1,
        end_col: -1,
        line: lines.buffer(lineno),
    }
}

/// Where the tokenizer's line buffer starts for each line. The tokenizer
/// starts a new buffer with each line it reads between tokens; the lines
/// of a multi-line string, and a line after a `\` continuation, are read
/// into the buffer of the line before.
struct LineBuffers {
    /// Byte offset of each line's start (line 1 first).
    starts: Vec<usize>,
    /// For each line, whether it continues the buffer of the line before.
    joined: Vec<bool>,
}

impl LineBuffers {
    fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        let joined = vec![false; starts.len()];
        Self { starts, joined }
    }

    /// How many line ends the text has (`starts` holds one line start
    /// after each, besides the first line's).
    fn line_ends(&self) -> usize {
        self.starts.len() - 1
    }

    /// 1-based line of byte `at`.
    fn line_of(&self, at: usize) -> usize {
        self.starts.partition_point(|&s| s <= at)
    }

    /// Notes a string token: its later lines are read into its first
    /// line's buffer.
    fn string(&mut self, index: &LineIndex, start: u32, end: u32) {
        let (first, last) = (index.location(start).0, index.location(end).0);
        for line in first + 1..=last {
            if let Some(j) = self.joined.get_mut(line as usize - 1) {
                *j = true;
            }
        }
    }

    /// Notes the text between two tokens, `text[from..to]`: a `\`
    /// continuation after a token joins the next line to the buffer; one
    /// in the indentation (nothing but white space before it on its line)
    /// is read before any token, so the next line starts a buffer.
    fn gap(&mut self, text: &str, from: usize, to: usize) {
        let found = text.get(from..to).and_then(|gap| gap.find("\\\n"));
        let Some(at) = found.map(|i| from + i) else {
            return;
        };
        let line = self.line_of(at);
        let indentation = text[self.starts[line - 1]..at]
            .bytes()
            .all(|b| matches!(b, b' ' | b'\t' | b'\x0c'));
        if !indentation {
            if let Some(j) = self.joined.get_mut(line) {
                *j = true;
            }
        }
    }

    /// The buffer holding 1-based `line`: from the start of the first line
    /// it joins to the end of `line`.
    fn buffer(&self, line: u32) -> std::ops::Range<usize> {
        let last = (line as usize).clamp(1, self.starts.len());
        let mut first = last;
        while first > 1 && self.joined[first - 1] {
            first -= 1;
        }
        let end = self
            .starts
            .get(last)
            .copied()
            .unwrap_or_else(|| *self.starts.last().unwrap_or(&0));
        self.starts[first - 1]..end
    }
}
