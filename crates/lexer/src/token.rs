//! Token kinds: declared once, with the names `tokenize` prints for them.

use std::fmt;

macro_rules! operators {
    ($($text:literal => $variant:ident $exact:literal $number:literal,)*) => {
        /// Every operator and delimiter of Python 3.11 (`token.EXACT_TOKEN_TYPES`).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(u8)]
        pub enum Operator {
            $(
                #[doc = concat!("`", $text, "`")]
                $variant,
            )*
        }

        impl Operator {
            /// All operators, in the order of the table.
            pub const ALL: &'static [Operator] = &[$(Operator::$variant),*];

            /// The operator's source text.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(Operator::$variant => $text,)*
                }
            }

            /// The name of the exact token type, as `tokenize -e` prints it.
            pub const fn exact_type_name(self) -> &'static str {
                match self {
                    $(Operator::$variant => $exact,)*
                }
            }

            /// The number of the exact token type (`token.EXACT_TOKEN_TYPES`).
            pub const fn exact_type(self) -> u8 {
                match self {
                    $(Operator::$variant => $number,)*
                }
            }
        }

        /// Generates the raw logos token enum with one `#[token]` per operator
        /// (and per keyword, through `with_keyword_tokens`), so the tables
        /// here stay the only lists of operators and keywords.
        macro_rules! with_operator_tokens {
            () => {
                crate::token::with_keyword_tokens! { [$(($text, $variant))*] }
            };
        }
        pub(crate) use with_operator_tokens;
    };
}

operators! {
    "!=" => NotEqual "NOTEQUAL" 28,
    "%" => Percent "PERCENT" 24,
    "%=" => PercentEqual "PERCENTEQUAL" 40,
    "&" => Amper "AMPER" 19,
    "&=" => AmperEqual "AMPEREQUAL" 41,
    "(" => Lpar "LPAR" 7,
    ")" => Rpar "RPAR" 8,
    "*" => Star "STAR" 16,
    "**" => DoubleStar "DOUBLESTAR" 35,
    "**=" => DoubleStarEqual "DOUBLESTAREQUAL" 46,
    "*=" => StarEqual "STAREQUAL" 38,
    "+" => Plus "PLUS" 14,
    "+=" => PlusEqual "PLUSEQUAL" 36,
    "," => Comma "COMMA" 12,
    "-" => Minus "MINUS" 15,
    "-=" => MinEqual "MINEQUAL" 37,
    "->" => Rarrow "RARROW" 51,
    "." => Dot "DOT" 23,
    "..." => Ellipsis "ELLIPSIS" 52,
    "/" => Slash "SLASH" 17,
    "//" => DoubleSlash "DOUBLESLASH" 47,
    "//=" => DoubleSlashEqual "DOUBLESLASHEQUAL" 48,
    "/=" => SlashEqual "SLASHEQUAL" 39,
    ":" => Colon "COLON" 11,
    ":=" => ColonEqual "COLONEQUAL" 53,
    ";" => Semi "SEMI" 13,
    "<" => Less "LESS" 20,
    "<<" => LeftShift "LEFTSHIFT" 33,
    "<<=" => LeftShiftEqual "LEFTSHIFTEQUAL" 44,
    "<=" => LessEqual "LESSEQUAL" 29,
    "=" => Equal "EQUAL" 22,
    "==" => EqEqual "EQEQUAL" 27,
    ">" => Greater "GREATER" 21,
    ">=" => GreaterEqual "GREATEREQUAL" 30,
    ">>" => RightShift "RIGHTSHIFT" 34,
    ">>=" => RightShiftEqual "RIGHTSHIFTEQUAL" 45,
    "@" => At "AT" 49,
    "@=" => AtEqual "ATEQUAL" 50,
    "[" => Lsqb "LSQB" 9,
    "]" => Rsqb "RSQB" 10,
    "^" => Circumflex "CIRCUMFLEX" 32,
    "^=" => CircumflexEqual "CIRCUMFLEXEQUAL" 43,
    "{" => Lbrace "LBRACE" 25,
    "|" => Vbar "VBAR" 18,
    "|=" => VbarEqual "VBAREQUAL" 42,
    "}" => Rbrace "RBRACE" 26,
    "~" => Tilde "TILDE" 31,
}

impl Operator {
    /// How the operator changes the bracket depth: +1 for `( [ {`, -1 for `) ] }`.
    pub const fn depth_change(self) -> i32 {
        match self {
            Operator::Lpar | Operator::Lsqb | Operator::Lbrace => 1,
            Operator::Rpar | Operator::Rsqb | Operator::Rbrace => -1,
            _ => 0,
        }
    }
}

impl fmt::Display for Operator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

macro_rules! keywords {
    ($($text:literal => $variant:ident,)*) => {
        /// The hard keywords of Python 3.11 (`keyword.kwlist`). The soft
        /// keywords `match`, `case` and `_` are names; the parser decides.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(u8)]
        pub enum Keyword {
            $(
                #[doc = concat!("`", $text, "`")]
                $variant,
            )*
        }

        /// Passes the keyword table, after the operator table, to the
        /// definition of the raw logos token enum.
        macro_rules! with_keyword_tokens {
            ($operators:tt) => {
                crate::raw::define_raw_token! { $operators [$(($text, $variant))*] }
            };
        }
        pub(crate) use with_keyword_tokens;

        impl Keyword {
            /// All keywords, in the order of the table.
            pub const ALL: &'static [Keyword] = &[$(Keyword::$variant),*];

            /// The keyword's source text.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(Keyword::$variant => $text,)*
                }
            }

            /// The keyword spelled by `text`, if it is one.
            #[inline]
            pub fn from_text(text: &str) -> Option<Keyword> {
                // Names are the commonest token: one probe of a
                // collision-free table, then one comparison.
                let bytes = text.as_bytes();
                let index = KEYWORD_SLOTS[keyword_slot(bytes)?];
                let keyword = *Keyword::ALL.get(usize::from(index))?;
                (keyword.as_str().as_bytes() == bytes).then_some(keyword)
            }
        }

        /// Indices into `Keyword::ALL` by `keyword_slot`, `u8::MAX` where
        /// none. Built at compile time from the table above; the build
        /// fails if two keywords share a slot.
        const KEYWORD_SLOTS: [u8; 128] = {
            let mut slots = [u8::MAX; 128];
            let mut i = 0;
            while i < Keyword::ALL.len() {
                let Some(slot) = keyword_slot(Keyword::ALL[i].as_str().as_bytes()) else {
                    panic!("a keyword is longer or shorter than keyword_slot accepts");
                };
                assert!(slots[slot] == u8::MAX, "two keywords share a slot");
                slots[slot] = i as u8;
                i += 1;
            }
            slots
        };
    };
}

/// The slot of a keyword candidate in `KEYWORD_SLOTS`: first byte, last
/// byte and length, which tell the 35 keywords apart; `None` for lengths
/// no keyword has.
#[inline]
const fn keyword_slot(bytes: &[u8]) -> Option<usize> {
    let len = bytes.len();
    if len < 2 || len > 8 {
        return None;
    }
    Some((bytes[0] as usize + bytes[len - 1] as usize + 19 * len) % 128)
}

keywords! {
    "False" => False,
    "None" => None,
    "True" => True,
    "and" => And,
    "as" => As,
    "assert" => Assert,
    "async" => Async,
    "await" => Await,
    "break" => Break,
    "class" => Class,
    "continue" => Continue,
    "def" => Def,
    "del" => Del,
    "elif" => Elif,
    "else" => Else,
    "except" => Except,
    "finally" => Finally,
    "for" => For,
    "from" => From,
    "global" => Global,
    "if" => If,
    "import" => Import,
    "in" => In,
    "is" => Is,
    "lambda" => Lambda,
    "nonlocal" => Nonlocal,
    "not" => Not,
    "or" => Or,
    "pass" => Pass,
    "raise" => Raise,
    "return" => Return,
    "try" => Try,
    "while" => While,
    "with" => With,
    "yield" => Yield,
}

impl fmt::Display for Keyword {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a token is. Two bytes; a [`Token`] adds its byte range.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// The `ENCODING` token `tokenize` puts first; its text is the
    /// source's encoding name, not a slice of the source.
    Encoding,
    /// An identifier (including the soft keywords `match`, `case`, `_`).
    Name,
    /// A hard keyword. `tokenize` calls it `NAME`.
    Keyword(Keyword),
    /// A numeric literal, possibly imaginary.
    Number,
    /// A complete string literal with its prefix and quotes (an f-string
    /// is a single string token in 3.11).
    String,
    /// An operator or delimiter.
    Op(Operator),
    /// A comment, from `#` to the end of the line (newline excluded).
    Comment,
    /// The end of a logical line.
    Newline,
    /// A line end that does not end a logical line (`NL`): blank lines,
    /// comment lines and line ends inside brackets.
    Nl,
    /// An increase of indentation; the token covers the leading white space.
    Indent,
    /// A decrease of indentation; an empty token.
    Dedent,
    /// The end of input; an empty token.
    EndMarker,
    /// A run of word characters that does not begin an identifier
    /// (for example `²`). `tokenize` reports it as `OP`; the compiler
    /// rejects it.
    StrayWord,
    /// A character that begins no token, or a string literal whose line
    /// ends before its closing quote. `tokenize` reports it as
    /// `ERRORTOKEN`.
    Error,
}

impl TokenKind {
    /// The generic token type name `tokenize` prints (`NAME`, `OP`, ...).
    pub const fn type_name(self) -> &'static str {
        match self {
            TokenKind::Encoding => "ENCODING",
            TokenKind::Name | TokenKind::Keyword(_) => "NAME",
            TokenKind::Number => "NUMBER",
            TokenKind::String => "STRING",
            TokenKind::Op(_) | TokenKind::StrayWord => "OP",
            TokenKind::Comment => "COMMENT",
            TokenKind::Newline => "NEWLINE",
            TokenKind::Nl => "NL",
            TokenKind::Indent => "INDENT",
            TokenKind::Dedent => "DEDENT",
            TokenKind::EndMarker => "ENDMARKER",
            TokenKind::Error => "ERRORTOKEN",
        }
    }

    /// The exact type name `tokenize -e` prints: operators get their own.
    pub const fn exact_type_name(self) -> &'static str {
        match self {
            TokenKind::Op(op) => op.exact_type_name(),
            other => other.type_name(),
        }
    }

    /// Whether the parser ignores this token (comments and `NL`).
    pub const fn is_trivia(self) -> bool {
        matches!(
            self,
            TokenKind::Comment | TokenKind::Nl | TokenKind::Encoding
        )
    }
}

/// A token: its kind and the byte range it covers in the decoded source.
///
/// Tokens do not own text; [`Token::text`] slices it out of the source they
/// were made from, so a token stream costs 12 bytes a token.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Token {
    /// What the token is.
    pub kind: TokenKind,
    /// Byte offset of the first byte of the token.
    pub start: u32,
    /// Byte offset one past the last byte of the token.
    pub end: u32,
}

impl Token {
    /// The token's text in `source` (the decoded source it was lexed from).
    /// Empty for the tokens that cover nothing (`DEDENT`, `ENDMARKER`, ...).
    #[inline]
    pub fn text<'s>(&self, source: &'s str) -> &'s str {
        source
            .get(self.start as usize..self.end as usize)
            .unwrap_or("")
    }

    /// The byte range as a `usize` range.
    #[inline]
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

const _: () = assert!(std::mem::size_of::<Token>() == 12);
