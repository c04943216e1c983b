//! The Python token stream: raw tokens plus lines, indentation, brackets
//! and the tokens that only exist between raw tokens (`INDENT`, `DEDENT`,
//! `NEWLINE`, `NL`, `ENDMARKER`).
//!
//! The rules are those of `Lib/tokenize.py` in 3.11, which is what
//! `python3 -m tokenize` runs: the tokenizer walks the source one physical
//! line at a time, decides at the start of each line whether it begins a
//! statement (then it measures indentation) or continues one (inside
//! brackets or after `\`), and lexes the rest of the line token by token.

use logos::Logos;
use pith_repr::unicode::{is_alnum, is_identifier_start};

use crate::error::LexError;
use crate::raw::{RawKind, RawToken};
use crate::scan::line_rest_len;
use crate::token::{Keyword, Token, TokenKind};

/// Which of CPython's two tokenizers to follow where they differ.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flavor {
    /// `Lib/tokenize.py`, the `tokenize` module: lines end at `\n` only,
    /// a lone `\r` is an error token, tabs and spaces are never compared,
    /// and the stream starts with an `ENCODING` token.
    Tokenize,
    /// The compiler's tokenizer (`Parser/tokenizer.c`): universal newlines,
    /// `TabError` for indentation that depends on the tab size, and no
    /// `ENCODING` token.
    Compiler,
}

/// CPython's `MAXINDENT`.
const MAX_INDENT_LEVELS: usize = 100;
const TAB_SIZE: u32 = 8;
/// How many tokens the tokenizer lexes ahead into its buffer (then up to
/// the next line end): enough to keep the lexing loop hot, few enough to
/// stay in cache.
const BATCH: usize = 64;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum LineState {
    /// At the start of a physical line; nothing of it has been read.
    Start,
    /// A blank or comment-only line that begins a statement: its line end
    /// is an `NL`.
    Blank,
    /// Inside a line of tokens.
    Tokens,
    /// Input is exhausted or an error was returned.
    Done,
}

/// An iterator over the tokens of Python source text.
///
/// It yields `Ok(token)` until the final `ENDMARKER`, or an `Err` that ends
/// the stream (`EOF in multi-line string`, bad dedent, ...).
///
/// ```
/// use pith_lexer::{Flavor, TokenKind, Tokenizer};
/// let src = "if x:\n    y = 1\n";
/// let kinds: Vec<_> = Tokenizer::new(src, Flavor::Compiler)
///     .map(|t| t.unwrap().kind)
///     .filter(|k| matches!(k, TokenKind::Indent | TokenKind::Dedent))
///     .collect();
/// assert_eq!(kinds, [TokenKind::Indent, TokenKind::Dedent]);
/// ```
pub struct Tokenizer<'src> {
    source: &'src str,
    raw: logos::Lexer<'src, RawToken>,
    flavor: Flavor,
    state: LineState,
    /// Tokens lexed ahead; `next` hands out `buf[head..]`, then lexes the
    /// next batch. Reused, so nothing is allocated per token.
    buf: Vec<Token>,
    head: usize,
    /// The error that ends the stream, returned after the buffered tokens.
    error: Option<LexError>,
    indents: Vec<u32>,
    /// Indentation measured with tab size 1, for the compiler's tab check.
    alt_indents: Vec<u32>,
    paren_depth: i32,
    continued: bool,
    /// The start of the last physical line begun, for the implicit final
    /// `NEWLINE`.
    line_start: u32,
    /// Where the white space before an error token starts, as far as
    /// the buffer does not tell (see `prev_end()`): that white space
    /// becomes error tokens too (as `tokenize`'s failed pseudo-token
    /// match makes them).
    prev_end: u32,
}

impl<'src> Tokenizer<'src> {
    /// A tokenizer over decoded `source`, following `flavor`'s rules.
    pub fn new(source: &'src str, flavor: Flavor) -> Tokenizer<'src> {
        let mut buf = Vec::with_capacity(BATCH + 8);
        if flavor == Flavor::Tokenize {
            buf.push(Token {
                kind: TokenKind::Encoding,
                start: 0,
                end: 0,
            });
        }
        Tokenizer {
            source,
            raw: RawToken::lexer(source),
            flavor,
            state: LineState::Start,
            buf,
            head: 0,
            error: None,
            indents: vec![0],
            alt_indents: vec![0],
            paren_depth: 0,
            continued: false,
            line_start: 0,
            prev_end: 0,
        }
    }

    fn len(&self) -> u32 {
        self.source.len() as u32
    }

    /// The offset the raw scanner will read next.
    fn cursor(&self) -> u32 {
        self.raw.span().end as u32
    }

    /// Moves the raw scanner forward to `offset` (never backwards).
    fn skip_to(&mut self, offset: u32) {
        let here = self.cursor();
        if offset > here {
            self.raw.bump((offset - here) as usize);
        }
    }

    fn push(&mut self, kind: TokenKind, start: u32, end: u32) {
        self.buf.push(Token { kind, start, end });
    }

    /// The end of the last token read in this line, or the start of the
    /// line's first token if none: `prev_end` is kept at line starts and
    /// errors, the tokens in the buffer give the rest.
    fn prev_end(&self) -> u32 {
        match self.buf.last() {
            Some(token) => token.end.max(self.prev_end),
            None => self.prev_end,
        }
    }

    /// The end of the physical line containing `offset`, after its `\n`.
    fn physical_line_end(&self, offset: u32) -> u32 {
        let rest = &self.source.as_bytes()[offset as usize..];
        match memchr::memchr(b'\n', rest) {
            Some(i) => offset + i as u32 + 1,
            None => self.len(),
        }
    }

    fn is_line_break(&self, byte: u8) -> bool {
        byte == b'\n' || (byte == b'\r' && self.flavor == Flavor::Compiler)
    }

    /// Handles the start of a physical line: end of input, indentation,
    /// or a blank line.
    fn begin_line(&mut self) -> Result<(), LexError> {
        let pos = self.cursor();
        self.line_start = pos;
        self.prev_end = pos;
        if pos == self.len() {
            return self.finish(pos, true);
        }
        if self.paren_depth != 0 || self.continued {
            self.continued = false;
            self.state = LineState::Tokens;
            return Ok(());
        }
        let bytes = self.source.as_bytes();
        // Most indentation is spaces: take them eight at a time, then any
        // tabs and form feeds one by one.
        let spaces = leading_spaces(bytes, pos as usize);
        let (mut col, mut alt_col) = (spaces as u32, spaces as u32);
        // The compiler's tokenizer lets indentation go on after a `\`
        // continuation, but the columns at the first `\` are the line's.
        let mut continued_at: Option<(u32, u32)> = None;
        // A `\` before anything but a line end: CPython's tokenizer fails
        // there before it looks at the indentation.
        let mut stray_backslash = false;
        let mut i = pos as usize + spaces;
        while let Some(&b) = bytes.get(i) {
            match b {
                b' ' => {
                    col += 1;
                    alt_col += 1;
                }
                b'\t' => {
                    col = (col / TAB_SIZE + 1) * TAB_SIZE;
                    alt_col += 1;
                }
                b'\x0c' => {
                    col = 0;
                    alt_col = 0;
                }
                b'\\' if self.flavor == Flavor::Compiler => {
                    if i + 1 == bytes.len() {
                        return Err(LexError::EofInMultiLineStatement { offset: self.len() });
                    }
                    let Some(after) = line_break_after(bytes, i + 1) else {
                        stray_backslash = true;
                        break;
                    };
                    if after == bytes.len() {
                        return Err(LexError::EofInMultiLineStatement { offset: self.len() });
                    }
                    continued_at.get_or_insert((col, alt_col));
                    i = after;
                    continue;
                }
                _ => break,
            }
            i += 1;
        }
        if let Some((c, alt)) = continued_at {
            (col, alt_col) = (c, alt);
        }
        let first = i as u32;
        self.skip_to(first);
        self.prev_end = first;
        let Some(&c) = bytes.get(i) else {
            // A last line of nothing but white space ends the input there.
            return self.finish(pos, false);
        };
        if c == b'\n' {
            // A blank line: its `NL` at once, for both flavors.
            self.push(TokenKind::Nl, first, first + 1);
            self.skip_to(first + 1);
            return Ok(());
        }
        if c == b'#' || c == b'\r' {
            if self.flavor == Flavor::Tokenize && (c == b'#' || bytes.get(i + 1) != Some(&b'\n')) {
                // tokenize.py takes the rest of the physical line (which
                // ends at `\n` only): the comment is all of it but the
                // trailing `\r`/`\n` characters, and the NL the rest.
                let end = self.physical_line_end(first);
                let mut comment_end = end;
                if c == b'#' {
                    while comment_end > first
                        && matches!(bytes[comment_end as usize - 1], b'\r' | b'\n')
                    {
                        comment_end -= 1;
                    }
                    self.push(TokenKind::Comment, first, comment_end);
                } else {
                    comment_end = first;
                }
                self.push(TokenKind::Nl, comment_end, end);
                self.skip_to(end);
                return Ok(());
            }
            if c == b'#' {
                // A comment line for the compiler: the comment at once,
                // its line end from the scanner.
                let end = first + line_rest_len(&bytes[i..]) as u32;
                self.push(TokenKind::Comment, first, end);
                self.skip_to(end);
            }
            self.state = LineState::Blank;
            return Ok(());
        }
        if !stray_backslash {
            self.indent_to(col, alt_col, first)?;
        }
        self.state = LineState::Tokens;
        Ok(())
    }

    /// Emits `INDENT` or `DEDENT`s for a statement line starting at `first`.
    fn indent_to(&mut self, col: u32, alt_col: u32, first: u32) -> Result<(), LexError> {
        let compiler = self.flavor == Flavor::Compiler;
        let top = self.indents.last().copied().unwrap_or(0);
        let alt_top = self.alt_indents.last().copied().unwrap_or(0);
        if col > top {
            if compiler && alt_col <= alt_top {
                return Err(LexError::InconsistentTabs { offset: first });
            }
            if compiler && self.indents.len() >= MAX_INDENT_LEVELS {
                return Err(LexError::TooDeep { offset: first });
            }
            self.indents.push(col);
            self.alt_indents.push(alt_col);
            self.push(TokenKind::Indent, self.line_start, first);
            return Ok(());
        }
        // Dedenting pops only levels deeper than `col`: if `col` is no
        // level now, it is none after them either.
        if col < top && !self.indents.contains(&col) {
            return Err(LexError::UnindentMismatch { offset: first });
        }
        while col < self.indents.last().copied().unwrap_or(0) {
            self.indents.pop();
            self.alt_indents.pop();
            self.push(TokenKind::Dedent, first, first);
        }
        if compiler && alt_col != self.alt_indents.last().copied().unwrap_or(0) {
            return Err(LexError::InconsistentTabs { offset: first });
        }
        Ok(())
    }

    /// The end of input: checks for open brackets, then the implicit
    /// `NEWLINE`, the remaining `DEDENT`s and `ENDMARKER`, all at `at`.
    fn finish(&mut self, at: u32, implicit_newline: bool) -> Result<(), LexError> {
        if self.paren_depth != 0 || self.continued {
            return Err(LexError::EofInMultiLineStatement { offset: self.len() });
        }
        if implicit_newline && self.needs_final_newline() {
            let end = self.len();
            self.push(TokenKind::Newline, end, end);
        }
        for _ in 1..self.indents.len() {
            self.push(TokenKind::Dedent, at, at);
        }
        self.indents.truncate(1);
        self.push(TokenKind::EndMarker, at, at);
        self.state = LineState::Done;
        Ok(())
    }

    /// `tokenize` adds a `NEWLINE` when the last line has no line end and
    /// is not a comment line.
    fn needs_final_newline(&self) -> bool {
        let bytes = self.source.as_bytes();
        let Some(&last) = bytes.last() else {
            return false;
        };
        if last == b'\n' || last == b'\r' {
            return false;
        }
        let start = bytes.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let last_line = self.source[start..]
            .trim_start_matches(|c: char| c.is_whitespace() || ('\x1c'..='\x1f').contains(&c));
        !last_line.starts_with('#')
    }

    /// An error token at `start..end`, preceded by one error token per
    /// character of the white space just before it.
    fn push_error(&mut self, start: u32, end: u32) {
        let prev_end = self.prev_end();
        for offset in prev_end.min(start)..start {
            self.push(TokenKind::Error, offset, offset + 1);
        }
        self.push(TokenKind::Error, start, end);
        self.prev_end = end;
    }

    /// Reads one raw token of a blank or comment line.
    fn blank_line_token(&mut self) {
        match self.raw.next() {
            Some(Ok(RawToken::Plain(RawKind::COMMENT))) => {
                let span = self.raw.span();
                self.push(TokenKind::Comment, span.start as u32, span.end as u32);
            }
            Some(Ok(RawToken::Newline)) | Some(Ok(RawToken::CarriageReturn)) => {
                let span = self.raw.span();
                let (start, mut end) = (span.start as u32, span.end as u32);
                if self.flavor == Flavor::Tokenize && self.raw.slice() == "\r" {
                    end = self.physical_line_end(start);
                    self.skip_to(end);
                }
                self.push(TokenKind::Nl, start, end);
                self.state = LineState::Start;
            }
            None => {
                let end = self.len();
                self.push(TokenKind::Nl, end, end);
                self.state = LineState::Start;
            }
            Some(_) => {
                // A comment runs to the line end, so only the line end can
                // follow it; anything else cannot happen on a blank line.
                let span = self.raw.span();
                self.push_error(span.start as u32, span.end as u32);
            }
        }
    }

    /// Lexes tokens into the buffer until a line end finds the batch full,
    /// or a line needs `begin_line`. Names, keywords, operators, numbers,
    /// comments, complete strings and line ends are handled here (and the
    /// start of a next line in the common cases, see `next_line`); the
    /// rest by `other_token`. The batch is checked at line ends only, so
    /// the loop over a line's tokens has no test of its own: a batch is
    /// `BATCH` tokens and the rest of the line.
    #[inline]
    fn line_tokens(&mut self) -> Result<(), LexError> {
        loop {
            let raw = self.raw.next();
            let span = self.raw.span();
            let (start, end) = (span.start as u32, span.end as u32);
            let kind = match raw {
                Some(Ok(RawToken::Plain(kind))) => {
                    self.paren_depth += kind.depth_change();
                    kind.kind()
                }
                Some(Ok(RawToken::Newline)) => {
                    if self.paren_depth > 0 {
                        // A line end inside brackets: the next line
                        // continues the statement, indentation unread.
                        self.buf.push(Token {
                            kind: TokenKind::Nl,
                            start,
                            end,
                        });
                        self.line_start = end;
                        // Its indentation is white space between tokens:
                        // spaces are skipped here rather than by the
                        // scanner.
                        let spaces = leading_spaces(self.source.as_bytes(), end as usize);
                        if spaces > 0 {
                            self.raw.bump(spaces);
                        }
                        if self.buf.len() >= BATCH {
                            return Ok(());
                        }
                        continue;
                    }
                    self.buf.push(Token {
                        kind: TokenKind::Newline,
                        start,
                        end,
                    });
                    if self.next_line(end)? {
                        if self.buf.len() >= BATCH {
                            return Ok(());
                        }
                        continue;
                    }
                    self.state = LineState::Start;
                    return Ok(());
                }
                None => {
                    self.state = LineState::Start;
                    return Ok(());
                }
                Some(other) => {
                    self.other_token(other, start, end)?;
                    if self.state != LineState::Tokens || self.buf.len() >= BATCH {
                        return Ok(());
                    }
                    continue;
                }
            };
            self.buf.push(Token { kind, start, end });
        }
    }

    /// The start of the line at `line` after a `NEWLINE`, in the common
    /// cases: blank lines (their `NL`s), then indentation of spaces only
    /// before a token (`INDENT`/`DEDENT` as needed). Returns false, with
    /// nothing read of the line, for what `begin_line` handles: comment
    /// lines, tabs and form feeds, the end of input, a negative bracket
    /// depth.
    #[inline]
    fn next_line(&mut self, mut line: u32) -> Result<bool, LexError> {
        // A closing bracket too many leaves the depth negative: then
        // `begin_line` reads no indentation.
        if self.paren_depth != 0 {
            return Ok(false);
        }
        let bytes = self.source.as_bytes();
        loop {
            let at = line as usize;
            let spaces = leading_spaces(bytes, at);
            let first = at + spaces;
            let Some(&c) = bytes.get(first) else {
                return Ok(false);
            };
            if c == b'\n' {
                // A blank line: its `NL`, as `begin_line` makes it.
                let end = first as u32 + 1;
                self.push(TokenKind::Nl, first as u32, end);
                self.skip_to(end);
                line = end;
                continue;
            }
            if c == b'#' {
                // A comment line that ends at `\n`: both flavors make its
                // `COMMENT` and `NL` alike (`\r` is left to `begin_line`).
                let nl = first + line_rest_len(&bytes[first..]);
                if bytes.get(nl) != Some(&b'\n') {
                    return Ok(false);
                }
                let nl = nl as u32;
                self.push(TokenKind::Comment, first as u32, nl);
                self.push(TokenKind::Nl, nl, nl + 1);
                self.skip_to(nl + 1);
                line = nl + 1;
                continue;
            }
            if matches!(c, b'\r' | b'\t' | b'\x0c' | b'\\') {
                return Ok(false);
            }
            let (col, first) = (spaces as u32, first as u32);
            self.line_start = line;
            self.prev_end = first;
            self.skip_to(first);
            if self.indents.last() != Some(&col) || self.alt_indents.last() != Some(&col) {
                // The dedents before a bad indentation go with it, as
                // `refill` drops them after `begin_line`.
                let mark = self.buf.len();
                if let Err(err) = self.indent_to(col, col, first) {
                    self.buf.truncate(mark);
                    return Err(err);
                }
            }
            return Ok(true);
        }
    }

    /// The raw tokens of a line that are rarer or need more work: strings,
    /// `\` continuations, non-ASCII words, carriage returns and errors.
    #[inline(never)]
    fn other_token(
        &mut self,
        raw: Result<RawToken, ()>,
        start: u32,
        end: u32,
    ) -> Result<(), LexError> {
        let kind = match raw {
            Ok(RawToken::StringStart) => return self.single_quoted(start, end),
            Ok(RawToken::TripleStringStart) => return self.triple_quoted(start, end),
            Ok(RawToken::Continuation) => {
                self.continued = true;
                self.state = LineState::Start;
                return Ok(());
            }
            Ok(RawToken::NonAsciiWord) => match self.word_kind(start, end) {
                Some(kind) => kind,
                None => {
                    self.push_error(start, end);
                    return Ok(());
                }
            },
            Ok(RawToken::CarriageReturn) if self.flavor == Flavor::Compiler => self.end_line(),
            // The compiler's tokenizer reads a lone `\r` as a line end and
            // gives the source a final one: a `\` before either joins lines.
            Ok(RawToken::Stray)
                if self.flavor == Flavor::Compiler
                    && self.source.as_bytes()[start as usize] == b'\\'
                    && matches!(
                        self.source.as_bytes().get(end as usize..),
                        Some([] | [b'\r'] | [b'\r', 0..=9 | 11..=255, ..])
                    ) =>
            {
                self.skip_to(self.len().min(end + 1));
                self.continued = true;
                self.state = LineState::Start;
                return Ok(());
            }
            Ok(RawToken::Stray | RawToken::CarriageReturn) => {
                self.push_error(start, end);
                return Ok(());
            }
            // `line_tokens` takes these itself; the same result here.
            Ok(RawToken::Plain(kind)) => {
                self.paren_depth += kind.depth_change();
                kind.kind()
            }
            Ok(RawToken::Newline) => self.end_line(),
            Err(()) => {
                let len = self.source[start as usize..]
                    .chars()
                    .next()
                    .map_or(1, char::len_utf8) as u32;
                self.skip_to(start + len);
                self.push_error(start, start + len);
                return Ok(());
            }
        };
        self.buf.push(Token { kind, start, end });
        Ok(())
    }

    fn end_line(&mut self) -> TokenKind {
        self.state = LineState::Start;
        if self.paren_depth > 0 {
            TokenKind::Nl
        } else {
            TokenKind::Newline
        }
    }

    /// What a raw word is: a keyword, a name, a stray word, or (`None`)
    /// a character that is no word at all.
    #[inline]
    fn word_kind(&self, start: u32, end: u32) -> Option<TokenKind> {
        let text = &self.source[start as usize..end as usize];
        let first = text.chars().next().unwrap_or(' ');
        if first.is_ascii() || is_identifier_start(first) {
            Some(match Keyword::from_text(text) {
                Some(kw) => TokenKind::Keyword(kw),
                None => TokenKind::Name,
            })
        } else if is_alnum(first) {
            Some(TokenKind::StrayWord)
        } else {
            None
        }
    }

    /// A string opened by a single quote at `body - 1`: it ends at the
    /// matching quote on this line, or continues past a `\` line end.
    fn single_quoted(&mut self, start: u32, body: u32) -> Result<(), LexError> {
        let bytes = self.source.as_bytes();
        let quote = bytes[body as usize - 1];
        let mut i = body as usize;
        loop {
            match bytes.get(i) {
                Some(&b) if b == quote => {
                    self.skip_to(i as u32 + 1);
                    self.push(TokenKind::String, start, i as u32 + 1);
                    self.prev_end = i as u32 + 1;
                    return Ok(());
                }
                Some(&b'\\') => match bytes.get(i + 1) {
                    Some(b'\n') => return self.continued_string(start, quote, i as u32 + 2),
                    Some(b'\r') if bytes.get(i + 2) == Some(&b'\n') => {
                        return self.continued_string(start, quote, i as u32 + 3)
                    }
                    // The compiler reads a lone `\r` as a line end too.
                    Some(b'\r') if self.flavor == Flavor::Compiler => {
                        return self.continued_string(start, quote, i as u32 + 2)
                    }
                    Some(&b) if !self.is_line_break(b) => i += 2,
                    _ => break,
                },
                Some(&b) if self.is_line_break(b) => break,
                Some(_) => i += 1,
                None => break,
            }
        }
        // Unterminated on its line: the prefix is a name, the quote an error.
        if body - 1 > start {
            self.push(TokenKind::Name, start, body - 1);
            self.prev_end = body - 1;
        }
        self.push_error(body - 1, body);
        Ok(())
    }

    /// A single-quoted string continued with `\` onto the line at `line`:
    /// each further line either closes it, continues it with another `\`,
    /// or ends it as an error token.
    fn continued_string(&mut self, start: u32, quote: u8, mut line: u32) -> Result<(), LexError> {
        let bytes = self.source.as_bytes();
        loop {
            if line == self.len() {
                return Err(LexError::EofInMultiLineString { offset: start });
            }
            let mut i = line as usize;
            while let Some(&b) = bytes.get(i) {
                if b == quote {
                    self.skip_to(i as u32 + 1);
                    self.push(TokenKind::String, start, i as u32 + 1);
                    self.prev_end = i as u32 + 1;
                    return Ok(());
                }
                if b == b'\\' {
                    // A `\` before a line end continues the string on the
                    // next line; before anything else it escapes it.
                    match bytes.get(i + 1) {
                        None => break,
                        Some(b'\n') => {
                            line = i as u32 + 2;
                            break;
                        }
                        Some(b'\r') if bytes.get(i + 2) == Some(&b'\n') => {
                            line = i as u32 + 3;
                            break;
                        }
                        Some(b'\r') if self.flavor == Flavor::Compiler => {
                            line = i as u32 + 2;
                            break;
                        }
                        Some(_) => i += 2,
                    }
                } else if self.is_line_break(b) {
                    break;
                } else {
                    i += 1;
                }
            }
            if line as usize > i {
                continue;
            }
            let end = match bytes.get(i) {
                Some(b'\r') if bytes.get(i + 1) != Some(&b'\n') => i as u32 + 1,
                _ => self.physical_line_end(line),
            };
            self.skip_to(end);
            self.push(TokenKind::Error, start, end);
            self.state = LineState::Start;
            return Ok(());
        }
    }

    /// A triple-quoted string: it ends at the first unescaped closing
    /// triple quote, however many lines later.
    fn triple_quoted(&mut self, start: u32, body: u32) -> Result<(), LexError> {
        let bytes = self.source.as_bytes();
        let quote = bytes[body as usize - 1];
        let mut i = body as usize;
        while let Some(found) = memchr::memchr2(quote, b'\\', &bytes[i..]) {
            i += found;
            if bytes[i] == b'\\' {
                i += 2;
            } else if bytes.get(i + 1) == Some(&quote) && bytes.get(i + 2) == Some(&quote) {
                let end = i as u32 + 3;
                self.skip_to(end);
                self.push(TokenKind::String, start, end);
                self.prev_end = end;
                return Ok(());
            } else {
                i += 1;
            }
            if i >= bytes.len() {
                break;
            }
        }
        Err(LexError::EofInMultiLineString { offset: start })
    }
}

/// The number of spaces at `at` in `bytes`, eight at a time.
#[inline]
/// The offset just past the line break at `at` (`\n`, `\r\n` or `\r`), if
/// one is there.
fn line_break_after(bytes: &[u8], at: usize) -> Option<usize> {
    match bytes.get(at)? {
        b'\n' => Some(at + 1),
        b'\r' if bytes.get(at + 1) == Some(&b'\n') => Some(at + 2),
        b'\r' => Some(at + 1),
        _ => None,
    }
}

fn leading_spaces(bytes: &[u8], at: usize) -> usize {
    let mut i = at;
    while let Some(chunk) = bytes.get(i..).and_then(|rest| rest.first_chunk::<8>()) {
        let other = u64::from_le_bytes(*chunk) ^ u64::from_le_bytes([b' '; 8]);
        if other != 0 {
            return i - at + (other.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while bytes.get(i) == Some(&b' ') {
        i += 1;
    }
    i - at
}

impl Tokenizer<'_> {
    /// Lexes the next batch of tokens into the buffer and returns the
    /// first, or the error that ends the stream, or `None` after it.
    #[inline(never)]
    fn refill(&mut self) -> Option<Result<Token, LexError>> {
        self.prev_end = self.prev_end();
        self.buf.clear();
        self.head = 0;
        while self.buf.len() < BATCH {
            let step_start = self.buf.len();
            let step = match self.state {
                // A failing string pushes nothing of its own; the tokens
                // before it stand.
                LineState::Tokens => self.line_tokens(),
                LineState::Start => {
                    // The dedents before a bad indentation go with it.
                    let step = self.begin_line();
                    if step.is_err() {
                        self.buf.truncate(step_start);
                    }
                    step
                }
                LineState::Blank => {
                    self.blank_line_token();
                    Ok(())
                }
                LineState::Done => break,
            };
            if let Err(err) = step {
                self.state = LineState::Done;
                self.error = Some(err);
                break;
            }
        }
        match self.buf.first() {
            Some(&token) => {
                self.head = 1;
                Some(Ok(token))
            }
            None => self.error.take().map(Err),
        }
    }
}

impl Iterator for Tokenizer<'_> {
    type Item = Result<Token, LexError>;

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        if let Some(&token) = self.buf.get(self.head) {
            self.head += 1;
            return Some(Ok(token));
        }
        self.refill()
    }
}
