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

use crate::scan::line_rest_len;
use crate::token::{Keyword, Operator};

/// Extends the current token over the characters Python's regular
/// expression `\w` accepts (`str.isalnum()` or `_`).
fn extend_word(lex: &mut Lexer<'_, RawToken>) {
    let len: usize = lex
        .remainder()
        .chars()
        .take_while(|&c| c == '_' || is_alnum(c))
        .map(char::len_utf8)
        .sum();
    if len > 0 {
        lex.bump(len);
    }
}

/// A word that started with ASCII characters: the pattern took every ASCII
/// word character, so only a non-ASCII character can continue it.
#[inline]
fn word_tail(lex: &mut Lexer<'_, RawToken>) {
    if lex
        .remainder()
        .as_bytes()
        .first()
        .is_some_and(|b| !b.is_ascii())
    {
        extend_word(lex);
    }
}

/// A keyword's letters, matched in full. A non-ASCII word character may
/// still continue them into a name: the token then covers the whole
/// word, longer than the keyword, and the tokenizer makes it a name.
#[inline]
fn keyword(lex: &mut Lexer<'_, RawToken>, keyword: Keyword) -> Keyword {
    word_tail(lex);
    keyword
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
        match body.get(i) {
            Some(&b) if b == quote => {
                lex.bump(i + 1);
                return RawToken::CompleteString;
            }
            Some(b'\\') => match body.get(i + 1) {
                None | Some(b'\n' | b'\r') => return RawToken::StringStart,
                Some(_) => i += 2,
            },
            None | Some(b'\n' | b'\r') => return RawToken::StringStart,
            Some(_) => i += 1,
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
            return RawToken::CompleteString;
        } else {
            i += 1;
        }
    }
    RawToken::TripleStringStart
}

/// A comment whose `#` logos matched: its text runs to the line end.
#[inline]
fn comment(lex: &mut Lexer<'_, RawToken>) {
    let len = line_rest_len(lex.remainder().as_bytes());
    if len > 0 {
        lex.bump(len);
    }
}

/// A word that starts with a non-ASCII character: extend it only if that
/// character is itself a word character; otherwise it stays a single
/// character that the tokenizer reports as an error.
fn non_ascii_word(lex: &mut Lexer<'_, RawToken>) {
    if lex.slice().chars().next().is_some_and(is_alnum) {
        extend_word(lex);
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
            /// `\n` or `\r\n`.
            #[regex(r"\r?\n")]
            Newline,
            /// A carriage return not followed by `\n`.
            #[token("\r")]
            CarriageReturn,
            /// A backslash that joins the next line.
            #[regex(r"\\\r?\n")]
            Continuation,
            /// `#` to the end of the line.
            #[token("#", comment)]
            Comment,
            /// A hard keyword. Logos tells keywords from names in the same
            /// automaton, so a name needs no lookup afterwards. If a
            /// non-ASCII word character follows, the token covers the whole
            /// word and is a name (see `keyword`).
            $(#[token($kw_text, |lex| keyword(lex, Keyword::$kw))])*
            Keyword(Keyword),
            /// A run of `\w` characters that starts with an ASCII letter or
            /// `_` and is not a keyword.
            #[regex(r"[A-Za-z_][A-Za-z0-9_]*", word_tail)]
            Word,
            /// A run of `\w` characters that starts with a non-ASCII
            /// character, or a single non-ASCII character that is not a
            /// word character.
            #[regex(r"[^\x00-\x7f]", non_ascii_word)]
            NonAsciiWord,
            /// Integer, float and imaginary literals, as `tokenize.Number`.
            #[regex(r"0[xX](_?[0-9a-fA-F])+|0[bB](_?[01])+|0[oO](_?[0-7])+|0(_?0)*|[1-9](_?[0-9])*")]
            #[regex(r"([0-9](_?[0-9])*\.([0-9](_?[0-9])*)?|\.[0-9](_?[0-9])*)([eE][-+]?[0-9](_?[0-9])*)?[jJ]?")]
            #[regex(r"[0-9](_?[0-9])*([eE][-+]?[0-9](_?[0-9])*)?[jJ]")]
            #[regex(r"[0-9](_?[0-9])*[eE][-+]?[0-9](_?[0-9])*")]
            Number,
            /// A string prefix (possibly empty) and one opening quote, whose
            /// body `single_string` could not finish.
            #[regex(r#"([bBrRuUfF]|[bB][rR]|[rR][bB]|[fF][rR]|[rR][fF])?['"]"#, single_string)]
            StringStart,
            /// A string prefix (possibly empty) and an opening triple quote,
            /// not closed before the end of input.
            #[regex(r#"([bBrRuUfF]|[bB][rR]|[rR][bB]|[fF][rR]|[rR][fF])?('''|""")"#, triple_string)]
            TripleStringStart,
            /// A whole string literal, finished by `single_string` or
            /// `triple_string`.
            CompleteString,
            /// An ASCII character that starts no token.
            #[regex(r"[!$?`\\\x00-\x08\x0b\x0e-\x1f\x7f]")]
            Stray,
            /// An operator or delimiter.
            $(#[token($text, |_| Operator::$variant)])*
            Op(Operator),
        }
    };
}
pub(crate) use define_raw_token;

crate::token::with_operator_tokens!();
