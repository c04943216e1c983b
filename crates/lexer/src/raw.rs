//! The raw scanner: logos turns source text into raw tokens, one regular
//! token at a time, with no notion of lines, indentation or brackets.
//!
//! The patterns follow `Lib/tokenize.py` of 3.11 (its `PseudoToken`
//! expression), so that token boundaries come out where CPython's
//! `tokenize` puts them. The automaton matches a string's prefix and
//! opening quote; a callback finishes the body when nothing in it depends
//! on line structure or the flavor (a line end, a `\` line join, a
//! carriage return). Otherwise the token stays an opening and the
//! tokenizer scans the body itself.

use logos::{Lexer, Logos};
use pith_repr::unicode::is_alnum;

use crate::scan::{line_rest_len, string_stop};
use crate::token::{Keyword, Operator, TokenKind};

const _: () = assert!((FIRST_OPERATOR as usize) + Operator::ALL.len() <= 256);

/// Extends the current token over the characters Python's regular
/// expression `\w` accepts (`str.isalnum()` or `_`); returns whether there
/// were any.
fn extend_word(lex: &mut Lexer<'_, RawToken>) -> bool {
    let len: usize = lex
        .remainder()
        .chars()
        .take_while(|&c| c == '_' || is_alnum(c))
        .map(char::len_utf8)
        .sum();
    if len > 0 {
        lex.bump(len);
    }
    len > 0
}

/// A word that started with ASCII characters: the pattern took every ASCII
/// word character, so only a non-ASCII character can continue it.
/// Returns whether one did.
#[inline]
fn word_tail(lex: &mut Lexer<'_, RawToken>) -> bool {
    lex.remainder()
        .as_bytes()
        .first()
        .is_some_and(|b| !b.is_ascii())
        && extend_word(lex)
}

/// A name that starts with an ASCII letter or `_`.
#[inline]
fn name(lex: &mut Lexer<'_, RawToken>) -> RawKind {
    word_tail(lex);
    RawKind::NAME
}

/// A keyword's letters, matched in full. A non-ASCII word character may
/// still continue them into a name, which then covers the whole word.
#[inline]
fn keyword(lex: &mut Lexer<'_, RawToken>, keyword: Keyword) -> RawKind {
    if word_tail(lex) {
        RawKind::NAME
    } else {
        RawKind::keyword(keyword)
    }
}

/// The body of a single-quoted string whose opening logos matched: the
/// string is complete if its quote closes it on this line. A line end, a
/// carriage return (a line end for the compiler only) or a `\` before a
/// line end leaves it to the tokenizer.
#[inline]
fn single_string(lex: &mut Lexer<'_, RawToken>) -> RawToken {
    let quote = lex.slice().as_bytes().last().copied().unwrap_or(b'"');
    let body = lex.remainder().as_bytes();
    let mut i = 0;
    loop {
        i += body.get(i..).map_or(0, |rest| string_stop(rest, quote));
        match body.get(i) {
            Some(&b) if b == quote => {
                lex.bump(i + 1);
                return RawToken::Plain(RawKind::STRING);
            }
            Some(b'\\') => match body.get(i + 1) {
                None | Some(b'\n' | b'\r') => return RawToken::StringStart,
                Some(_) => i += 2,
            },
            _ => return RawToken::StringStart,
        }
    }
}

/// The body of a triple-quoted string whose opening logos matched: it ends
/// at the first unescaped closing triple quote, however many lines later.
#[inline]
fn triple_string(lex: &mut Lexer<'_, RawToken>) -> RawToken {
    let quote = lex.slice().as_bytes().last().copied().unwrap_or(b'"');
    let body = lex.remainder().as_bytes();
    let mut i = 0;
    while let Some(found) = body
        .get(i..)
        .and_then(|rest| memchr::memchr2(quote, b'\\', rest))
    {
        i += found;
        if body[i] == b'\\' {
            i += 2;
        } else if body.get(i + 1) == Some(&quote) && body.get(i + 2) == Some(&quote) {
            lex.bump(i + 3);
            return RawToken::Plain(RawKind::STRING);
        } else {
            i += 1;
        }
    }
    RawToken::TripleStringStart
}

/// A comment whose `#` logos matched: its text runs to the line end.
#[inline]
fn comment(lex: &mut Lexer<'_, RawToken>) -> RawKind {
    let len = line_rest_len(lex.remainder().as_bytes());
    if len > 0 {
        lex.bump(len);
    }
    RawKind::COMMENT
}

/// A word that starts with a non-ASCII character: extend it only if that
/// character is itself a word character; otherwise it stays a single
/// character that the tokenizer reports as an error.
fn non_ascii_word(lex: &mut Lexer<'_, RawToken>) {
    if lex.slice().chars().next().is_some_and(is_alnum) {
        extend_word(lex);
    }
}

/// The kind of a raw token in one byte, so that a raw token takes two
/// (its variant and this) and the automaton returns it in a register; the
/// tokenizer turns it into a [`TokenKind`] with one table lookup.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct RawKind(u8);

const FIRST_KEYWORD: u8 = 4;
const FIRST_OPERATOR: u8 = FIRST_KEYWORD + Keyword::ALL.len() as u8;

/// How each `RawKind` changes the bracket depth: +1 for `( [ {`, -1 for
/// `) ] }`, so that the tokenizer adds it to every token without a branch.
const DEPTH_CHANGES: [i8; 256] = {
    let mut changes = [0; 256];
    let mut i = 0;
    while i < Operator::ALL.len() {
        let op = Operator::ALL[i];
        changes[RawKind::operator(op).0 as usize] = op.depth_change() as i8;
        i += 1;
    }
    changes
};

/// `TokenKind`s by `RawKind`, built at compile time from the keyword and
/// operator tables; 256 entries, so a lookup needs no bounds check.
const KINDS: [TokenKind; 256] = {
    let mut kinds = [TokenKind::Error; 256];
    kinds[RawKind::NAME.0 as usize] = TokenKind::Name;
    kinds[RawKind::NUMBER.0 as usize] = TokenKind::Number;
    kinds[RawKind::STRING.0 as usize] = TokenKind::String;
    kinds[RawKind::COMMENT.0 as usize] = TokenKind::Comment;
    let mut i = 0;
    while i < Keyword::ALL.len() {
        let keyword = Keyword::ALL[i];
        kinds[RawKind::keyword(keyword).0 as usize] = TokenKind::Keyword(keyword);
        i += 1;
    }
    let mut i = 0;
    while i < Operator::ALL.len() {
        let op = Operator::ALL[i];
        kinds[RawKind::operator(op).0 as usize] = TokenKind::Op(op);
        i += 1;
    }
    kinds
};

impl RawKind {
    pub(crate) const NAME: RawKind = RawKind(0);
    pub(crate) const NUMBER: RawKind = RawKind(1);
    pub(crate) const STRING: RawKind = RawKind(2);
    pub(crate) const COMMENT: RawKind = RawKind(3);

    const fn keyword(keyword: Keyword) -> RawKind {
        RawKind(FIRST_KEYWORD + keyword as u8)
    }

    const fn operator(op: Operator) -> RawKind {
        RawKind(FIRST_OPERATOR + op as u8)
    }

    /// The token kind this stands for.
    #[inline]
    pub(crate) fn kind(self) -> TokenKind {
        KINDS[usize::from(self.0)]
    }

    /// How the token changes the bracket depth.
    #[inline]
    pub(crate) fn depth_change(self) -> i32 {
        i32::from(DEPTH_CHANGES[usize::from(self.0)])
    }
}

macro_rules! define_raw_token {
    ([$(($text:literal, $variant:ident))*] [$(($kw_text:literal, $kw:ident))*]) => {
        /// One raw token. Operators come from the table in `token.rs`.
        /// Spaces, tabs and form feeds between tokens are skipped; the
        /// tokenizer recovers them from the gap between two tokens.
        #[derive(Logos, Clone, Copy, Debug, PartialEq, Eq)]
        #[logos(skip r"[ \t\x0c]+")]
        pub(crate) enum RawToken {
            /// A token the tokenizer passes on as it is, its kind decided
            /// here: a name or keyword, a number, a comment (`#` to the
            /// line end), a string finished by `single_string` or
            /// `triple_string`, an operator or delimiter (the tokenizer
            /// takes a bracket's depth change from `RawKind::depth_change`).
            ///
            /// Keywords are `#[token]`s of the same automaton as names, so
            /// a name needs no lookup afterwards. If a non-ASCII word
            /// character follows a keyword's letters, the token covers the
            /// whole word and is a name (see `keyword`).
            #[token("#", comment)]
            $(#[token($kw_text, |lex| keyword(lex, Keyword::$kw))])*
            // A run of `\w` characters that starts with an ASCII letter or `_`.
            #[regex(r"[A-Za-z_][A-Za-z0-9_]*", name)]
            // Integer, float and imaginary literals, as `tokenize.Number`.
            #[regex(r"0[xX](_?[0-9a-fA-F])+|0[bB](_?[01])+|0[oO](_?[0-7])+|0(_?0)*|[1-9](_?[0-9])*", |_| RawKind::NUMBER)]
            #[regex(r"([0-9](_?[0-9])*\.([0-9](_?[0-9])*)?|\.[0-9](_?[0-9])*)([eE][-+]?[0-9](_?[0-9])*)?[jJ]?", |_| RawKind::NUMBER)]
            #[regex(r"[0-9](_?[0-9])*([eE][-+]?[0-9](_?[0-9])*)?[jJ]", |_| RawKind::NUMBER)]
            #[regex(r"[0-9](_?[0-9])*[eE][-+]?[0-9](_?[0-9])*", |_| RawKind::NUMBER)]
            // Operators and delimiters.
            $(#[token($text, |_| RawKind::operator(Operator::$variant))])*
            Plain(RawKind),
            /// `\n` or `\r\n`.
            #[regex(r"\r?\n")]
            Newline,
            /// A carriage return not followed by `\n`.
            #[token("\r")]
            CarriageReturn,
            /// A backslash that joins the next line.
            #[regex(r"\\\r?\n")]
            Continuation,
            /// A run of `\w` characters that starts with a non-ASCII
            /// character, or a single non-ASCII character that is not a
            /// word character.
            #[regex(r"[^\x00-\x7f]", non_ascii_word)]
            NonAsciiWord,
            /// A string prefix (possibly empty) and one opening quote, whose
            /// body `single_string` could not finish.
            #[regex(r#"([bBrRuUfF]|[bB][rR]|[rR][bB]|[fF][rR]|[rR][fF])?['"]"#, single_string)]
            StringStart,
            /// A string prefix (possibly empty) and an opening triple quote,
            /// not closed before the end of input.
            #[regex(r#"([bBrRuUfF]|[bB][rR]|[rR][bB]|[fF][rR]|[rR][fF])?('''|""")"#, triple_string)]
            TripleStringStart,
            /// An ASCII character that starts no token.
            #[regex(r"[!$?`\\\x00-\x08\x0b\x0e-\x1f\x7f]")]
            Stray,
        }
    };
}
pub(crate) use define_raw_token;

crate::token::with_operator_tokens!();
