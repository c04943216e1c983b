//! Literal values held by `Constant` nodes, and the small enums that qualify them.

use std::fmt::{self, Write};

use num_bigint::BigInt;
use num_traits::{Num, ToPrimitive};

/// A Python `int` of any size: machine-sized values stay inline, larger ones are boxed.
///
/// Invariant: `Big` only holds values that do not fit in `i64`, so equal values have
/// equal representations.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "String", into = "String")
)]
pub enum Int {
    /// A value that fits in `i64`.
    Small(i64),
    /// Any other value.
    Big(Box<BigInt>),
}

/// A string that is not a valid integer literal in the requested radix.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid integer literal {0:?}")]
pub struct ParseIntError(pub Box<str>);

impl Int {
    /// Normalizes a big integer (stays inline when it fits in `i64`).
    #[must_use]
    pub fn from_big(value: BigInt) -> Self {
        match value.to_i64() {
            Some(v) => Self::Small(v),
            None => Self::Big(Box::new(value)),
        }
    }

    /// Parses digits (no prefix, no underscores, optional leading `-`) in `radix` 2..=36.
    ///
    /// # Errors
    /// [`ParseIntError`] if `digits` is empty or holds a non-digit.
    pub fn from_str_radix(digits: &str, radix: u32) -> Result<Self, ParseIntError> {
        if let Ok(v) = i64::from_str_radix(digits, radix) {
            return Ok(Self::Small(v));
        }
        BigInt::from_str_radix(digits, radix)
            .map(Self::from_big)
            .map_err(|_| ParseIntError(digits.into()))
    }

    /// The value as `i64`, if it fits.
    #[must_use]
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Self::Small(v) => Some(*v),
            Self::Big(_) => None,
        }
    }

    /// The value as a `BigInt` (allocates for small values).
    #[must_use]
    pub fn to_big(&self) -> BigInt {
        match self {
            Self::Small(v) => BigInt::from(*v),
            Self::Big(b) => (**b).clone(),
        }
    }
}

impl From<i64> for Int {
    fn from(v: i64) -> Self {
        Self::Small(v)
    }
}

impl From<BigInt> for Int {
    fn from(v: BigInt) -> Self {
        Self::from_big(v)
    }
}

/// Decimal, as Python's `repr(int)`.
impl fmt::Display for Int {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Small(v) => write!(f, "{v}"),
            Self::Big(b) => write!(f, "{b}"),
        }
    }
}

impl TryFrom<String> for Int {
    type Error = ParseIntError;
    fn try_from(s: String) -> Result<Self, ParseIntError> {
        Self::from_str_radix(&s, 10)
    }
}

impl From<Int> for String {
    fn from(i: Int) -> Self {
        i.to_string()
    }
}

/// The value of a `Constant` node (and of `MatchSingleton`).
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Constant {
    /// `None`
    None,
    /// `True` / `False`
    Bool(bool),
    /// A `str` value (escapes already decoded).
    Str(Box<str>),
    /// A `str` value holding lone surrogates (from escapes such as `"\udc80"`),
    /// which Rust's `str` cannot hold, as its code points. Every other `str` is
    /// [`Constant::Str`]; [`Constant::from_code_points`] picks the right one.
    SurrogateStr(Box<[u32]>),
    /// A `bytes` value.
    Bytes(Box<[u8]>),
    /// An `int` of any size.
    Int(Int),
    /// A `float`.
    Float(#[cfg_attr(feature = "serde", serde(with = "f64_bits"))] f64),
    /// An imaginary literal (`real` is 0.0 from the parser; folding may set it).
    Complex {
        /// Real part.
        #[cfg_attr(feature = "serde", serde(with = "f64_bits"))]
        real: f64,
        /// Imaginary part.
        #[cfg_attr(feature = "serde", serde(with = "f64_bits"))]
        imag: f64,
    },
    /// `...`
    Ellipsis,
    /// A tuple of constants (never made by the parser; constant folding makes them).
    Tuple(Box<[Constant]>),
    /// A frozenset of constants, in its iteration order (only in trees built
    /// from objects: `ast.Constant(frozenset(...))`).
    FrozenSet(Box<[Constant]>),
}

impl Constant {
    /// A `str` constant from code points (each at most `0x10FFFF`): [`Constant::Str`]
    /// when they are all Unicode scalar values, else [`Constant::SurrogateStr`].
    #[must_use]
    pub fn from_code_points(code_points: Vec<u32>) -> Self {
        let text: Option<String> = code_points.iter().map(|&cp| char::from_u32(cp)).collect();
        match text {
            Some(text) => Self::Str(text.into_boxed_str()),
            None => Self::SurrogateStr(code_points.into_boxed_slice()),
        }
    }

    /// Whether this is a `str` (either representation).
    #[must_use]
    pub fn is_str(&self) -> bool {
        matches!(self, Self::Str(_) | Self::SurrogateStr(_))
    }

    /// The code points of a `str` constant (either representation).
    #[must_use]
    pub fn str_code_points(&self) -> Option<Vec<u32>> {
        match self {
            Self::Str(s) => Some(s.chars().map(u32::from).collect()),
            Self::SurrogateStr(cps) => Some(cps.to_vec()),
            _ => None,
        }
    }
}

/// `repr()` of a `str` given as code points, lone surrogates included (they are not
/// printable, so they come out as `\udXXX`). Matches `pith_repr::write_str_repr`
/// on every valid string.
pub(crate) fn write_code_points_repr(out: &mut String, cps: &[u32]) {
    let has_single = cps.contains(&u32::from('\''));
    let has_double = cps.contains(&u32::from('"'));
    let quote = if has_single && !has_double { '"' } else { '\'' };
    out.push(quote);
    for &cp in cps {
        let c = char::from_u32(cp);
        // Writing to a String cannot fail.
        let _ = match c {
            Some('\\') => write!(out, "\\\\"),
            Some('\t') => write!(out, "\\t"),
            Some('\n') => write!(out, "\\n"),
            Some('\r') => write!(out, "\\r"),
            Some(c) if c == quote => write!(out, "\\{c}"),
            Some(c) if pith_repr::is_printable(c) => write!(out, "{c}"),
            _ if cp <= 0xff => write!(out, "\\x{cp:02x}"),
            _ if cp <= 0xffff => write!(out, "\\u{cp:04x}"),
            _ => write!(out, "\\U{cp:08x}"),
        };
    }
    out.push(quote);
}

/// Floats travel as their IEEE-754 bits so infinities, NaNs and `-0.0` survive JSON.
#[cfg(feature = "serde")]
mod f64_bits {
    pub fn serialize<S: serde::Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u64(v.to_bits())
    }

    pub fn deserialize<'de, D: serde::Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
        <u64 as serde::Deserialize>::deserialize(d).map(f64::from_bits)
    }
}

/// The `kind` field of a `Constant` node: `'u'` for `u"..."` strings, else absent.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum ConstantKind {
    /// `kind=None`
    #[default]
    None,
    /// `kind='u'`
    U,
}

/// The `conversion` field of `FormattedValue`: `-1`, or the code of `s`, `r`, `a`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "i32", into = "i32")
)]
pub enum Conversion {
    /// No conversion (`-1`).
    #[default]
    None,
    /// `!s` (115)
    Str,
    /// `!r` (114)
    Repr,
    /// `!a` (97)
    Ascii,
}

/// An integer that is not a valid `FormattedValue.conversion`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("invalid conversion code {0}")]
pub struct ConversionError(pub i32);

impl Conversion {
    /// The integer CPython stores (`-1`, `115`, `114`, `97`).
    #[must_use]
    pub const fn code(self) -> i32 {
        match self {
            Self::None => -1,
            Self::Str => 115,
            Self::Repr => 114,
            Self::Ascii => 97,
        }
    }

    /// The conversion spelled `!letter` in source (`s`, `r` or `a`).
    #[must_use]
    pub const fn from_letter(letter: char) -> Option<Self> {
        match letter {
            's' => Some(Self::Str),
            'r' => Some(Self::Repr),
            'a' => Some(Self::Ascii),
            _ => None,
        }
    }

    /// The letter after `!` in source, if any.
    #[must_use]
    pub const fn letter(self) -> Option<char> {
        match self {
            Self::None => None,
            Self::Str => Some('s'),
            Self::Repr => Some('r'),
            Self::Ascii => Some('a'),
        }
    }
}

impl TryFrom<i32> for Conversion {
    type Error = ConversionError;
    fn try_from(code: i32) -> Result<Self, ConversionError> {
        match code {
            -1 => Ok(Self::None),
            115 => Ok(Self::Str),
            114 => Ok(Self::Repr),
            97 => Ok(Self::Ascii),
            other => Err(ConversionError(other)),
        }
    }
}

impl From<Conversion> for i32 {
    fn from(c: Conversion) -> Self {
        c.code()
    }
}
