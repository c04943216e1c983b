//! The token adapter between `pith-lexer` and the grammar.
//!
//! It lexes the whole input first (tokens are 12 bytes; a vector of them is
//! cheap and gives free lookahead), then:
//! - raises the errors CPython's C tokenizer raises and `tokenize.py` does
//!   not (unterminated strings, invalid characters, `1abc`, brackets that
//!   do not match, indentation), which win over any parser error;
//! - turns the soft keywords `match` and `case` into keyword tokens where
//!   they begin a compound statement;
//! - marks the `(` of a parenthesized `with` item list (`with (a as b, c):`)
//!   so that the LR grammar need not guess;
//! - when type comments are asked for, turns `# type: ...` comments into
//!   tokens and collects `# type: ignore` comments, as CPython's tokenizer
//!   does with `type_comments=True`.

use pith_ast::TypeIgnore;
use pith_lexer::{Keyword, LexError, Operator, Token, TokenKind, Tokenizer};

use crate::error::{End, ErrorKind, SyntaxErr};

/// A token as the grammar sees it. Texts borrow from the source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tok<'a> {
    /// First token of `exec` input.
    StartModule,
    /// First token of `single` input.
    StartInteractive,
    /// First token of `eval` input.
    StartExpression,
    /// First token of an f-string replacement field.
    StartFString,
    /// First token of `func_type` input (a signature type comment).
    StartFuncType,
    /// An identifier (or a soft keyword used as one).
    Name(&'a str),
    /// A numeric literal.
    Number(&'a str),
    /// One string literal with prefix and quotes.
    Str(&'a str),
    /// End of a logical line.
    Newline,
    /// Indentation increase.
    Indent,
    /// Indentation decrease.
    Dedent,
    /// The soft keyword `match` starting a match statement.
    Match,
    /// The soft keyword `case` starting a case block.
    Case,
    /// The `(` of `with (item, item):`.
    WithLpar,
    /// A `# type: ...` comment: the text after the prefix.
    TypeComment(&'a str),
    /// A hard keyword.
    Kw(Keyword),
    /// An operator or delimiter.
    Op(Operator),
    /// A character no token begins with (`$`, `?`, `!`): the parser
    /// rejects it as invalid syntax.
    Error,
}

/// A lexed input ready for the parser.
pub(crate) struct Lexed<'a> {
    pub tokens: Vec<(u32, Tok<'a>, u32)>,
    /// The first error of the C tokenizer's kind, if any; it is reported
    /// in preference to any parser error.
    pub error: Option<SyntaxErr>,
    /// Brackets still open at the end of input: `(char, offset)`.
    pub open_brackets: Vec<(u8, u32)>,
    /// The `# type: ignore` comments, when type comments are asked for.
    pub type_ignores: Vec<TypeIgnore>,
    /// `SyntaxWarning`s for numbers directly followed by a keyword (`1if`),
    /// as the errors they become.
    pub warnings: Vec<SyntaxErr>,
}

/// Lexes `source` (whose offsets are shifted by `shift`), putting `start`
/// first; with `type_comments`, type comments become tokens.
pub(crate) fn lex<'a>(
    source: &'a str,
    start: Tok<'a>,
    shift: u32,
    type_comments: bool,
) -> Lexed<'a> {
    let mut tokens: Vec<(u32, Tok<'a>, u32)> = Vec::with_capacity(source.len() / 4 + 4);
    tokens.push((shift, start, shift));
    let mut error = None;
    let mut brackets: Vec<(u8, u32)> = Vec::new();
    // The token just before this one when it is a number: a number directly
    // followed by a word is an error or a warning.
    let mut prev_number: Option<Token> = None;
    let mut depth = DepthGuard::default();
    let mut comments = TypeComments::default();
    let mut warnings = Vec::new();
    // Where soft keywords may be: with a name `match` or `case` (rare), the
    // whole token list is scanned (`mark_soft_keywords`); otherwise only the
    // `with` keywords are looked at, which may open parenthesized items.
    let mut match_or_case = false;
    let mut with_at: Vec<usize> = Vec::new();
    // The start of the comment just before this token: CPython's tokenizer
    // begins a NEWLINE after a comment at the `#` and ends it at the line
    // end, so errors placed at that NEWLINE span the comment.
    let mut comment_start: Option<u32> = None;
    for item in Tokenizer::new(source, pith_lexer::Flavor::Compiler) {
        let token = match item {
            Ok(t) => t,
            Err(e) => {
                error = lex_error(source, e, &brackets, shift);
                break;
            }
        };
        if token.kind.is_trivia() {
            comment_start = (token.kind == TokenKind::Comment).then_some(token.start);
            if type_comments {
                let outside_brackets = brackets.is_empty();
                if comments.trivia(source, token, shift, outside_brackets, &mut tokens) {
                    comment_start = None;
                }
            }
            continue;
        }
        comments.newline_due = false;
        let (mut s, mut e) = (token.start, token.end);
        if token.kind == TokenKind::Newline {
            // CPython's NEWLINE has no width; after a comment it spans the
            // comment (errors at the line end underline the comment).
            (s, e) = (comment_start.unwrap_or(s), s);
        }
        comment_start = None;
        if let Some(number) = prev_number.take() {
            if number.end == s {
                if let Some(err) = number_followed(source, number, token, s, shift, &mut warnings) {
                    error = Some(err.shifted(shift));
                    break;
                }
            }
        }
        let tok = match token.kind {
            TokenKind::Name => {
                if extend_name(source, &mut tokens, shift, s, e) {
                    match_or_case = true;
                    continue;
                }
                let text = token.text(source);
                match_or_case |= matches!(text, "match" | "case");
                Tok::Name(text)
            }
            TokenKind::Keyword(k) => {
                if depth.keyword(k) {
                    error = Some(too_deep(s, e).shifted(shift));
                    break;
                }
                if k == Keyword::With {
                    with_at.push(tokens.len());
                }
                Tok::Kw(k)
            }
            TokenKind::Number => {
                prev_number = Some(token);
                Tok::Number(token.text(source))
            }
            TokenKind::String => Tok::Str(token.text(source)),
            TokenKind::Op(op) => {
                match op {
                    Operator::Lpar | Operator::Lsqb | Operator::Lbrace => {
                        if depth.open() {
                            error = Some(too_deep(s, e).shifted(shift));
                            break;
                        }
                        if brackets.len() >= MAX_BRACKETS {
                            error = Some(
                                SyntaxErr::syntax("too many nested parentheses", s, s)
                                    .shifted(shift),
                            );
                            break;
                        }
                        brackets.push((op.as_str().as_bytes()[0], s));
                    }
                    Operator::Rpar | Operator::Rsqb | Operator::Rbrace => {
                        depth.close();
                        if let Some(err) = close_bracket(source, &mut brackets, op, s) {
                            error = Some(err.shifted(shift));
                            break;
                        }
                    }
                    _ => {
                        if depth.operator(op) {
                            error = Some(too_deep(s, e).shifted(shift));
                            break;
                        }
                    }
                }
                Tok::Op(op)
            }
            TokenKind::Newline => {
                depth.end_chain();
                Tok::Newline
            }
            TokenKind::Indent => {
                depth.end_chain();
                Tok::Indent
            }
            TokenKind::Dedent => {
                depth.end_chain();
                Tok::Dedent
            }
            TokenKind::EndMarker => break,
            TokenKind::StrayWord => {
                error = Some(invalid_char(source, s).shifted(shift));
                break;
            }
            TokenKind::Error => {
                let text = token.text(source);
                if is_skipped_space(text) {
                    // White space before a stray character, which `tokenize`
                    // reports as error tokens too.
                    continue;
                }
                if text.chars().all(pith_repr::unicode::is_identifier_continue)
                    && extend_name(source, &mut tokens, shift, s, e)
                {
                    match_or_case = true;
                    continue;
                }
                if let Some(err) = error_token(source, s, e) {
                    error = Some(err.shifted(shift));
                    break;
                }
                Tok::Error
            }
            TokenKind::Comment | TokenKind::Nl | TokenKind::Encoding => continue,
        };
        tokens.push((s + shift, tok, e + shift));
    }
    if let Some(e) = &mut error {
        // What CPython's tokenizer raises at once, as opposed to the states
        // it leaves for the parser to report (indentation, end of input).
        e.from_tokenizer = e.kind == ErrorKind::SyntaxError && !e.is_deferred();
    }
    for (_, offset) in &mut brackets {
        *offset += shift;
    }
    if error.is_none() && match_or_case {
        mark_soft_keywords(&mut tokens);
    } else if error.is_none() {
        for &i in &with_at {
            mark_with_lpar(&mut tokens, i);
        }
    }
    Lexed {
        tokens,
        error,
        open_brackets: brackets,
        type_ignores: comments.ignores,
        warnings,
    }
}

/// The `RecursionError` for the token at `s..e`, which nests expressions
/// deeper than CPython's parser goes.
fn too_deep(s: u32, e: u32) -> SyntaxErr {
    SyntaxErr::new(
        ErrorKind::RecursionError,
        "maximum recursion depth exceeded during ast construction".into(),
        s,
        e,
    )
}

/// What the tokens a number is directly followed by make of it: `1if` is
/// a warning (pushed on `warnings`), `1abc` or `0b2` an error. `next` is
/// the token after the number, `at` where the parser sees it begin; the
/// warning's offsets are shifted by `shift`, the error's are not.
fn number_followed(
    source: &str,
    number: Token,
    next: Token,
    at: u32,
    shift: u32,
    warnings: &mut Vec<SyntaxErr>,
) -> Option<SyntaxErr> {
    // `0or`: the tokenizer reads an octal prefix before any keyword.
    let prefixed = number.text(source) == "0" && number_kind(source, number, next) != "decimal";
    if !prefixed && keyword_follows_number(&source.as_bytes()[at as usize..]) {
        warnings.push(number_end_warning(source, number, next).shifted(shift));
        return None;
    }
    number_suffix_error(source, number, next)
}

/// Whether `text` is only white space the tokenizer skips (spaces, tabs,
/// form feeds, line ends): other Unicode spaces such as U+00A0 are invalid
/// characters to CPython.
pub(crate) fn is_skipped_space(text: &str) -> bool {
    text.bytes()
        .all(|b| matches!(b, b' ' | b'\t' | b'\x0c' | b'\n' | b'\r'))
}

/// Joins the token at `start..end` to the name just before it, when they
/// touch: `tokenize`'s `\\w` misses some identifier characters (`Mn`
/// marks such as U+E0100) that the compiler's tokenizer takes as part of
/// the name. Whether it did.
fn extend_name<'a>(
    source: &'a str,
    tokens: &mut [(u32, Tok<'a>, u32)],
    shift: u32,
    start: u32,
    end: u32,
) -> bool {
    let Some(last) = tokens.last_mut() else {
        return false;
    };
    if last.2 != start + shift || !matches!(last.1, Tok::Name(_)) {
        return false;
    }
    let from = last.0 - shift;
    last.1 = Tok::Name(&source[from as usize..end as usize]);
    last.2 = end + shift;
    true
}

/// What CPython's tokenizer makes of a comment with type comments on.
enum TypeComment<'a> {
    /// `# type: ignore<tag>`, with the tag.
    Ignore(&'a str),
    /// Another `# type: ...` comment; its text starts at this byte.
    Comment(u32),
}

/// Matches `# type: ` as CPython's tokenizer does: each space of the
/// prefix stands for any run of spaces and tabs, possibly empty. A type
/// ignore is `ignore` followed by the end of the comment or by an ASCII
/// character that is not alphanumeric.
fn classify_comment(text: &str) -> Option<TypeComment<'_>> {
    let text = text.strip_suffix('\r').unwrap_or(text);
    let bytes = text.as_bytes();
    let mut p = 0;
    for &c in b"# type: " {
        if c == b' ' {
            while matches!(bytes.get(p), Some(b' ' | b'\t')) {
                p += 1;
            }
        } else if bytes.get(p) == Some(&c) {
            p += 1;
        } else {
            return None;
        }
    }
    let rest = &text[p..];
    if let Some(tag) = rest.strip_prefix("ignore") {
        if tag
            .as_bytes()
            .first()
            .map_or(true, |&b| b.is_ascii() && !b.is_ascii_alphanumeric())
        {
            return Some(TypeComment::Ignore(tag));
        }
    }
    Some(TypeComment::Comment(p as u32))
}

/// Type comments as tokens and `# type: ignore` comments, when asked for.
#[derive(Default)]
struct TypeComments {
    /// After a type comment outside brackets, CPython's tokenizer ends the
    /// line with NEWLINE even when the comment is alone on it.
    newline_due: bool,
    /// The `# type: ignore` comments so far.
    ignores: Vec<TypeIgnore>,
    lines: LineCounter,
}

impl TypeComments {
    /// Reads a comment or `NL` token; `true` when the comment became a
    /// type comment token.
    fn trivia<'a>(
        &mut self,
        source: &'a str,
        token: Token,
        shift: u32,
        outside_brackets: bool,
        tokens: &mut Vec<(u32, Tok<'a>, u32)>,
    ) -> bool {
        let due = std::mem::take(&mut self.newline_due);
        match token.kind {
            TokenKind::Comment => match classify_comment(token.text(source)) {
                Some(TypeComment::Ignore(tag)) => {
                    self.ignores.push(TypeIgnore {
                        lineno: self.lines.line_of(source, token.start),
                        tag: tag.into(),
                    });
                    false
                }
                Some(TypeComment::Comment(at)) => {
                    let s = token.start + at;
                    let text = &source[s as usize..token.end as usize];
                    let text = text.strip_suffix('\r').unwrap_or(text);
                    let e = s + text.len() as u32;
                    tokens.push((s + shift, Tok::TypeComment(text), e + shift));
                    self.newline_due = outside_brackets;
                    true
                }
                None => false,
            },
            TokenKind::Nl if due => {
                tokens.push((token.start + shift, Tok::Newline, token.start + shift));
                false
            }
            _ => false,
        }
    }
}

/// Line numbers of increasing offsets, counted as the compiler's tokenizer
/// counts them (`\n`, `\r\n` or a lone `\r` ends a line).
#[derive(Default)]
struct LineCounter {
    offset: usize,
    line: u32,
}

impl LineCounter {
    fn line_of(&mut self, source: &str, offset: u32) -> u32 {
        let offset = (offset as usize).min(source.len());
        let bytes = source.as_bytes();
        for (i, &b) in bytes[self.offset.min(offset)..offset].iter().enumerate() {
            let at = self.offset + i;
            if b == b'\n' || (b == b'\r' && bytes.get(at + 1) != Some(&b'\n')) {
                self.line += 1;
            }
        }
        self.offset = self.offset.max(offset);
        self.line + 1
    }
}

/// CPython's tokenizer `MAXLEVEL`.
const MAX_BRACKETS: usize = 200;

/// How deep CPython's parser lets expressions nest before it raises
/// `RecursionError` (measured on 3.11: `-` * 2988 + `1` parses, one more
/// does not; chains of `+`, `.`, calls behave alike).
const MAX_NESTING: u32 = 2988;

/// An estimate of expression nesting from tokens alone: every operator,
/// trailer or bracket in a chain adds a level; a separator ends the chain
/// at its bracket depth.
#[derive(Default)]
struct DepthGuard {
    /// The chain length at each open bracket depth.
    levels: Vec<u32>,
    current: u32,
    total: u32,
}

impl DepthGuard {
    /// An opening bracket; `true` when the nesting is too deep.
    fn open(&mut self) -> bool {
        self.current += 1;
        self.total += 1;
        self.levels.push(self.current);
        self.current = 0;
        self.total > MAX_NESTING
    }

    /// A closing bracket: back to the chain around the bracket.
    fn close(&mut self) {
        self.total -= self.current;
        self.current = self.levels.pop().unwrap_or(0);
    }

    /// A separator, a line end, an indentation change: the chain ends.
    fn end_chain(&mut self) {
        self.total -= self.current;
        self.current = 0;
    }

    /// One more level in the chain; `true` when the nesting is too deep.
    fn deeper(&mut self) -> bool {
        self.current += 1;
        self.total += 1;
        self.total > MAX_NESTING
    }

    /// An operator other than a bracket; `true` when the nesting is too deep.
    fn operator(&mut self, op: Operator) -> bool {
        match op {
            Operator::Comma | Operator::Semi | Operator::Equal | Operator::Colon => {
                self.end_chain();
                false
            }
            // Comparisons make flat nodes.
            Operator::EqEqual
            | Operator::NotEqual
            | Operator::Less
            | Operator::LessEqual
            | Operator::Greater
            | Operator::GreaterEqual => false,
            _ => self.deeper(),
        }
    }

    /// A keyword; `true` when the nesting is too deep. Boolean operators
    /// and membership tests make flat nodes; other keywords but these
    /// begin no expression.
    fn keyword(&mut self, k: Keyword) -> bool {
        match k {
            Keyword::Not | Keyword::Await | Keyword::Lambda | Keyword::If | Keyword::Else => {
                self.deeper()
            }
            _ => false,
        }
    }
}

fn close_bracket(
    source: &str,
    brackets: &mut Vec<(u8, u32)>,
    op: Operator,
    at: u32,
) -> Option<SyntaxErr> {
    let close = op.as_str().as_bytes()[0];
    let Some((open, open_at)) = brackets.pop() else {
        return Some(SyntaxErr::new(
            ErrorKind::SyntaxError,
            format!("unmatched '{}'", close as char),
            at,
            at,
        ));
    };
    let expected = match open {
        b'(' => b')',
        b'[' => b']',
        _ => b'}',
    };
    if expected == close {
        return None;
    }
    let line = |o: u32| source[..o as usize].matches('\n').count() + 1;
    let msg = if line(open_at) != line(at) {
        format!(
            "closing parenthesis '{}' does not match opening parenthesis '{}' on line {}",
            close as char,
            open as char,
            line(open_at)
        )
    } else {
        format!(
            "closing parenthesis '{}' does not match opening parenthesis '{}'",
            close as char, open as char
        )
    };
    Some(SyntaxErr::new(ErrorKind::SyntaxError, msg, at, at))
}

/// The line number (1-based) of the last line of `source`, as the
/// tokenizer reports "detected at line N".
fn last_line(source: &str) -> usize {
    let lines = source.split_inclusive(['\n']).count();
    lines.max(1)
}

fn lex_error(source: &str, e: LexError, brackets: &[(u8, u32)], shift: u32) -> Option<SyntaxErr> {
    let at = e.offset();
    let err = match e {
        LexError::EofInMultiLineString { offset } => {
            let rest = &source[offset as usize..];
            let body = rest.trim_start_matches(|c: char| c.is_ascii_alphabetic());
            let triple = body.starts_with("'''") || body.starts_with("\"\"\"");
            let what = if triple {
                "unterminated triple-quoted string literal"
            } else {
                "unterminated string literal"
            };
            SyntaxErr::new(
                ErrorKind::SyntaxError,
                format!("{what} (detected at line {})", last_line(source)),
                offset,
                offset,
            )
        }
        LexError::EofInMultiLineStatement { .. } => {
            if !brackets.is_empty() {
                // The parser meets the end of input and reports the bracket.
                return None;
            }
            let last = source.trim_end_matches(['\n', '\r']).len() as u32;
            let at = if (last as usize) < source.len() {
                last
            } else {
                at
            };
            SyntaxErr::new(
                ErrorKind::SyntaxError,
                "unexpected EOF while parsing".into(),
                at,
                at,
            )
            .with_end(End::Literal(-1))
        }
        LexError::UnindentMismatch { .. } => {
            // CPython points past the end of the offending line.
            let eol = source[at as usize..]
                .find(['\n', '\r'])
                .map_or(source.len(), |i| at as usize + i) as u32;
            SyntaxErr::new(
                ErrorKind::IndentationError,
                "unindent does not match any outer indentation level".into(),
                eol,
                eol,
            )
            .with_end(End::Literal(-1))
        }
        LexError::InconsistentTabs { .. } => {
            let bol = source[..at as usize]
                .rfind(['\n', '\r'])
                .map_or(0, |i| i + 1) as u32;
            SyntaxErr::new(
                ErrorKind::TabError,
                "inconsistent use of tabs and spaces in indentation".into(),
                bol,
                bol,
            )
            .with_end(End::Literal(0))
        }
        LexError::TooDeep { .. } => SyntaxErr::new(
            ErrorKind::IndentationError,
            "too many levels of indentation".into(),
            at,
            at,
        ),
    };
    Some(err.shifted(shift))
}

/// Whether `word` is a string prefix (`rb`, `F`, `u`, ...), as the C
/// tokenizer accepts before a quote.
fn is_string_prefix(word: &[u8]) -> bool {
    const PREFIXES: [&[u8]; 9] = [b"", b"r", b"u", b"f", b"b", b"br", b"rb", b"fr", b"rf"];
    PREFIXES.iter().any(|p| p.eq_ignore_ascii_case(word))
}

/// An error token: an unterminated string, a character that starts no
/// token. ASCII strays (`$`, `?`, `!`) are left to the parser.
fn error_token(source: &str, start: u32, end: u32) -> Option<SyntaxErr> {
    let text = &source[start as usize..end as usize];
    let c = text.chars().next()?;
    if c == '\'' || c == '"' {
        // Include a string prefix the lexer split off as a name, but not a
        // longer word: CPython's tokenizer reads `df'` as the name `df` and
        // a string opened at the quote.
        let bytes = source.as_bytes();
        let word = bytes[..start as usize]
            .iter()
            .rev()
            .take_while(|&&b| b.is_ascii_alphanumeric() || b == b'_' || !b.is_ascii())
            .count();
        let s = if is_string_prefix(&bytes[start as usize - word..start as usize]) {
            start as usize - word
        } else {
            start as usize
        };
        let detected = (end as usize).saturating_sub(1).max(start as usize);
        let line = bytes[..detected].iter().filter(|&&b| b == b'\n').count() + 1;
        return Some(SyntaxErr::new(
            ErrorKind::SyntaxError,
            format!("unterminated string literal (detected at line {line})"),
            s as u32,
            s as u32,
        ));
    }
    if c == '\\' {
        return Some(
            SyntaxErr::new(
                ErrorKind::SyntaxError,
                "unexpected character after line continuation character".into(),
                start + 1,
                start + 1,
            )
            .with_end(End::Literal(0)),
        );
    }
    if c.is_ascii() && !c.is_ascii_control() {
        return None;
    }
    if c == '\0' {
        return Some(SyntaxErr::new(
            ErrorKind::SyntaxError,
            "source code cannot contain null bytes".into(),
            start,
            start,
        ));
    }
    Some(invalid_char(source, start))
}

fn invalid_char(source: &str, start: u32) -> SyntaxErr {
    let c = source[start as usize..].chars().next().unwrap_or('\0');
    let msg = if pith_repr::is_printable(c) {
        format!("invalid character '{c}' (U+{:04X})", c as u32)
    } else {
        format!("invalid non-printable character U+{:04X}", c as u32)
    };
    SyntaxErr::new(ErrorKind::SyntaxError, msg, start, start)
}

/// Whether `rest`, the text right after a number, starts with one of the
/// keywords valid code may put there (`1if x else y`, `0xfor x`), tested
/// as `verify_end_of_number` does: `and`, `else`, `for`, `or` and `not`
/// must end there, while `i` followed by `f`, `n` or `s` is enough.
fn keyword_follows_number(rest: &[u8]) -> bool {
    let word_ends = |word: &[u8]| {
        rest.starts_with(word)
            && !rest
                .get(word.len())
                .copied()
                .is_some_and(is_identifier_byte)
    };
    match rest.first() {
        Some(b'a') => word_ends(b"and"),
        Some(b'e') => word_ends(b"else"),
        Some(b'f') => word_ends(b"for"),
        Some(b'i') => matches!(rest.get(1), Some(b'f' | b'n' | b's')),
        Some(b'o') => word_ends(b"or"),
        Some(b'n') => word_ends(b"not"),
        _ => false,
    }
}

/// `is_potential_identifier_char` of CPython's tokenizer, on one byte.
fn is_identifier_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80
}

/// CPython's `SyntaxWarning` for a number directly followed by a keyword
/// (`invalid decimal literal` for `1if`), as the `SyntaxError` it becomes
/// under an error filter: at the number's last character, the line shown
/// as the tokenizer shows it.
fn number_end_warning(source: &str, number: Token, next: Token) -> SyntaxErr {
    let kind = number_kind(source, number, next);
    let at = number.end.saturating_sub(1);
    let mut w = SyntaxErr::syntax(format!("invalid {kind} literal"), at, at);
    w.from_tokenizer = true;
    w
}

/// The kind of literal `number` is, as CPython's messages name it; `next`
/// is the token right after it (`0` then `x1`: a bare `0x` prefix).
fn number_kind(source: &str, number: Token, next: Token) -> &'static str {
    match number.text(source).as_bytes() {
        [b'0', b'x' | b'X', ..] => "hexadecimal",
        [b'0', b'o' | b'O', ..] => "octal",
        [b'0', b'b' | b'B', ..] => "binary",
        [.., b'j' | b'J'] => "imaginary",
        [b'0'] => match next.text(source).as_bytes().first() {
            Some(b'x' | b'X') => "hexadecimal",
            Some(b'o' | b'O') => "octal",
            Some(b'b' | b'B') => "binary",
            _ => "decimal",
        },
        _ => "decimal",
    }
}

/// `1abc`, `0x`, `0b2`: a number directly followed by a name or number,
/// which CPython's tokenizer rejects (keywords that may follow a number,
/// like `1if`, are only a warning there: [`number_end_warning`]).
fn number_suffix_error(source: &str, number: Token, next: Token) -> Option<SyntaxErr> {
    let next_text = next.text(source);
    // A keyword is a word too (`1class`); the ones that may follow a number
    // in valid code (`1if`) were told apart before this.
    let word = matches!(
        next.kind,
        TokenKind::Name | TokenKind::Number | TokenKind::Keyword(_)
    );
    if !word || next_text.starts_with('.') {
        return None;
    }
    let kind = number_kind(source, number, next);
    let bare_prefix = number.text(source) == "0" && kind != "decimal";
    if kind == "decimal" {
        if let Some(end) = leading_zeros_end(source, number) {
            return Some(SyntaxErr::syntax(
                "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                number.start,
                end,
            ));
        }
        // `1e+x`: the tokenizer fails at the sign that no digit follows.
        let bytes = source.as_bytes();
        let after = next.end as usize;
        if matches!(next_text, "e" | "E")
            && matches!(bytes.get(after), Some(b'+' | b'-'))
            && !bytes.get(after + 1).is_some_and(u8::is_ascii_digit)
        {
            return Some(SyntaxErr::new(
                ErrorKind::SyntaxError,
                "invalid decimal literal".into(),
                next.end,
                next.end,
            ));
        }
    }
    if kind == "octal" || kind == "binary" {
        // `0o8` lexes as `0` and `o8`; `0o18` as `0o1` and `8`.
        let mut at = next.start;
        let mut digits = next_text;
        if bare_prefix {
            digits = digits.get(1..).unwrap_or("");
            at += 1;
        }
        // `0b1_2`: a digit after an underscore is named too.
        if let Some(rest) = digits.strip_prefix('_') {
            if rest.starts_with(|c: char| c.is_ascii_digit()) {
                digits = rest;
                at += 1;
            }
        }
        if let Some(d) = digits.chars().next().filter(char::is_ascii_digit) {
            return Some(SyntaxErr::new(
                ErrorKind::SyntaxError,
                format!("invalid digit '{d}' in {kind} literal"),
                at,
                at,
            ));
        }
    }
    let at = if bare_prefix && next_text.get(1..2) == Some("_") {
        // `0x_`: the tokenizer fails at the `_` that no digit follows.
        next.start + 1
    } else if bare_prefix || (next_text.starts_with('_') && kind != "imaginary") {
        next.start
    } else {
        number.end - 1
    };
    Some(SyntaxErr::new(
        ErrorKind::SyntaxError,
        format!("invalid {kind} literal"),
        at,
        at,
    ))
}

/// For a decimal `number` made of zeros (`0`, `00`, `0_0`) that the
/// tokenizer's zeros loop continues into a nonzero digit (`0010`, `0_7`):
/// where that digit starts, the end of CPython's leading-zeros error range.
fn leading_zeros_end(source: &str, number: Token) -> Option<u32> {
    let bytes = source.as_bytes();
    let mut i = number.start as usize;
    loop {
        match bytes.get(i) {
            Some(b'0') => i += 1,
            Some(b'_') if bytes.get(i + 1).is_some_and(u8::is_ascii_digit) => i += 1,
            Some(b'1'..=b'9') if i > number.start as usize => return u32::try_from(i).ok(),
            _ => return None,
        }
    }
}

/// Whether the token at `i` begins a statement.
fn at_statement_start(tokens: &[(u32, Tok<'_>, u32)], i: usize) -> bool {
    matches!(
        tokens.get(i.wrapping_sub(1)).map(|t| t.1),
        Some(Tok::Newline | Tok::Indent | Tok::Dedent | Tok::StartModule | Tok::StartInteractive)
    )
}

/// The index of the `Newline` that ends the logical line containing `i`
/// (or the end), and whether the line's last token before it is `:`.
fn line_ends_with_colon(tokens: &[(u32, Tok<'_>, u32)], i: usize) -> bool {
    let mut j = i;
    while j < tokens.len() && tokens[j].1 != Tok::Newline {
        j += 1;
    }
    j > i + 1 && tokens[j - 1].1 == Tok::Op(Operator::Colon)
}

fn mark_soft_keywords(tokens: &mut [(u32, Tok<'_>, u32)]) {
    // One entry per open indented block: whether it is a match statement's.
    let mut blocks: Vec<bool> = Vec::new();
    let mut after_match = false;
    for i in 0..tokens.len() {
        match tokens[i].1 {
            Tok::Indent => {
                blocks.push(after_match);
                after_match = false;
            }
            Tok::Dedent => {
                blocks.pop();
            }
            Tok::Name("case") if blocks.last() != Some(&true) => {}
            Tok::Name(word @ ("match" | "case")) if at_statement_start(tokens, i) => {
                let next = tokens.get(i + 1).map(|t| t.1);
                let starts_expr = !matches!(
                    next,
                    Some(
                        Tok::Newline
                            | Tok::Op(
                                Operator::Equal
                                    | Operator::Dot
                                    | Operator::Colon
                                    | Operator::Comma
                                    | Operator::Rpar
                            )
                    ) | None
                );
                // Inside a match block every statement is a case block, whose
                // body may follow the `:` on the same line; `match` itself
                // must end its line with `:` (its cases are indented).
                let is_keyword = starts_expr && (word == "case" || line_ends_with_colon(tokens, i));
                if is_keyword {
                    tokens[i].1 = if word == "match" {
                        Tok::Match
                    } else {
                        Tok::Case
                    };
                    after_match = word == "match";
                }
            }
            Tok::Kw(Keyword::With) => mark_with_lpar(tokens, i),
            _ => {}
        }
    }
}

/// Marks the `(` after the `with` at `at` as opening parenthesized with
/// items, when it does.
fn mark_with_lpar(tokens: &mut [(u32, Tok<'_>, u32)], at: usize) {
    if tokens.get(at).map(|t| t.1) == Some(Tok::Kw(Keyword::With))
        && tokens.get(at + 1).map(|t| t.1) == Some(Tok::Op(Operator::Lpar))
        && parenthesized_with_items(tokens, at + 1)
    {
        tokens[at + 1].1 = Tok::WithLpar;
    }
}

/// Whether the `(` at `open` starts CPython's `'(' ','.with_item+ ','? ')' ':'`
/// rather than an expression: it closes right before the `:` and its content
/// is a non-empty list of plain expressions (no generator, `yield`, starred
/// item or `:=`, which only an expression in parentheses can hold).
fn parenthesized_with_items(tokens: &[(u32, Tok<'_>, u32)], open: usize) -> bool {
    let mut depth = 0usize;
    let mut has_as = false;
    let mut prev = Tok::Op(Operator::Lpar);
    for j in open..tokens.len() {
        let t = tokens[j].1;
        match t {
            Tok::Op(Operator::Lpar | Operator::Lsqb | Operator::Lbrace) => depth += 1,
            Tok::Op(Operator::Rpar | Operator::Rsqb | Operator::Rbrace) => {
                depth -= 1;
                if depth == 0 {
                    // CPython's parenthesized form takes no type comment:
                    // with one, the parentheses must make an expression,
                    // and items with `as` fail at the comment.
                    let commented = matches!(tokens.get(j + 2), Some((_, Tok::TypeComment(_), _)));
                    return j > open + 1
                        && tokens.get(j + 1).map(|t| t.1) == Some(Tok::Op(Operator::Colon))
                        && (has_as || !commented);
                }
            }
            Tok::Kw(Keyword::As) if depth == 1 => has_as = true,
            Tok::Kw(Keyword::For | Keyword::Yield) | Tok::Op(Operator::ColonEqual)
                if depth == 1 =>
            {
                return false
            }
            Tok::Op(Operator::Star | Operator::DoubleStar)
                if depth == 1 && matches!(prev, Tok::Op(Operator::Lpar | Operator::Comma)) =>
            {
                return false
            }
            Tok::Newline => return false,
            _ => {}
        }
        prev = t;
    }
    false
}
