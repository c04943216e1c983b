//! Constant values that live in `co_consts`, and Python `str` data.

use std::hash::{Hash, Hasher};
use std::sync::Arc;

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use crate::code::CodeObject;

/// A Python `str` as marshal stores it.
///
/// The text is kept as UTF-8 in which lone surrogates are allowed (CPython's
/// `surrogatepass` encoding), because Python strings may contain them. `interned`
/// records whether CPython had interned the string, which decides the marshal type
/// code (`TYPE_INTERNED`, `TYPE_SHORT_ASCII_INTERNED`, ...).
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyStr {
    data: StrData,
    interned: bool,
}

/// A string's bytes, kept as `str` when they are UTF-8 so that reading the
/// text back (names are looked up by it all through compiling) needs no check.
/// Equal contents always take the same variant, so the derived comparisons hold.
#[derive(Clone, PartialEq, Eq, Hash)]
enum StrData {
    Text(Box<str>),
    /// `surrogatepass` UTF-8 holding at least one lone surrogate.
    Surrogates(Box<[u8]>),
}

impl PyStr {
    /// A string from Rust text.
    pub fn new(text: &str, interned: bool) -> PyStr {
        PyStr {
            data: StrData::Text(text.into()),
            interned,
        }
    }

    /// A string that takes over `text`'s allocation (no copy).
    pub fn from_boxed(text: Box<str>, interned: bool) -> PyStr {
        PyStr {
            data: StrData::Text(text),
            interned,
        }
    }

    /// A string from `surrogatepass` UTF-8 bytes; `None` if they are not such bytes.
    pub fn from_surrogatepass(bytes: &[u8], interned: bool) -> Option<PyStr> {
        let data = match std::str::from_utf8(bytes) {
            Ok(text) => StrData::Text(text.into()),
            Err(_) if valid_surrogatepass(bytes) => StrData::Surrogates(bytes.into()),
            Err(_) => return None,
        };
        Some(PyStr { data, interned })
    }

    /// The text, unless it contains lone surrogates.
    pub fn as_str(&self) -> Option<&str> {
        match &self.data {
            StrData::Text(text) => Some(text),
            StrData::Surrogates(_) => None,
        }
    }

    /// The text with any lone surrogate replaced by U+FFFD.
    pub fn to_string_lossy(&self) -> std::borrow::Cow<'_, str> {
        match &self.data {
            StrData::Text(text) => std::borrow::Cow::Borrowed(text),
            StrData::Surrogates(bytes) => String::from_utf8_lossy(bytes),
        }
    }

    /// The `surrogatepass` UTF-8 bytes.
    pub fn as_bytes(&self) -> &[u8] {
        match &self.data {
            StrData::Text(text) => text.as_bytes(),
            StrData::Surrogates(bytes) => bytes,
        }
    }

    /// Whether CPython had interned this string.
    pub fn is_interned(&self) -> bool {
        self.interned
    }

    /// Records whether CPython had interned this string.
    pub fn set_interned(&mut self, interned: bool) {
        self.interned = interned;
    }

    /// Whether every character is ASCII.
    pub fn is_ascii(&self) -> bool {
        self.as_bytes().is_ascii()
    }

    /// The code points, lone surrogates included.
    pub fn code_points(&self) -> impl Iterator<Item = u32> + '_ {
        CodePoints {
            bytes: self.as_bytes(),
            pos: 0,
        }
    }

    /// Number of code points (Python's `len`).
    pub fn char_len(&self) -> usize {
        self.as_bytes()
            .iter()
            .filter(|&&b| (b & 0xC0) != 0x80)
            .count()
    }

    /// Python `repr()` of the string.
    pub fn repr(&self) -> String {
        match self.as_str() {
            Some(s) => pith_repr::str_repr(s),
            None => surrogate_repr(self),
        }
    }
}

impl std::fmt::Debug for PyStr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.repr())
    }
}

impl std::fmt::Display for PyStr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.to_string_lossy())
    }
}

struct CodePoints<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Iterator for CodePoints<'_> {
    type Item = u32;
    fn next(&mut self) -> Option<u32> {
        let b = &self.bytes[self.pos..];
        let first = *b.first()?;
        let (len, init) = match first {
            0x00..=0x7F => (1, u32::from(first)),
            0xC0..=0xDF => (2, u32::from(first & 0x1F)),
            0xE0..=0xEF => (3, u32::from(first & 0x0F)),
            _ => (4, u32::from(first & 0x07)),
        };
        let len = len.min(b.len());
        let cp = b[1..len]
            .iter()
            .fold(init, |acc, &c| (acc << 6) | u32::from(c & 0x3F));
        self.pos += len;
        Some(cp)
    }
}

/// UTF-8 where 3-byte encodings of U+D800..U+DFFF are also allowed.
fn valid_surrogatepass(bytes: &[u8]) -> bool {
    let mut i = 0;
    while i < bytes.len() {
        let b0 = bytes[i];
        let cont = |k: usize| bytes.get(i + k).is_some_and(|&c| (c & 0xC0) == 0x80);
        let len = match b0 {
            0x00..=0x7F => 1,
            0xC2..=0xDF if cont(1) => 2,
            0xE0..=0xEF if cont(1) && cont(2) => {
                let b1 = bytes[i + 1];
                if b0 == 0xE0 && b1 < 0xA0 {
                    return false;
                }
                3
            }
            0xF0..=0xF4 if cont(1) && cont(2) && cont(3) => {
                let b1 = bytes[i + 1];
                if (b0 == 0xF0 && b1 < 0x90) || (b0 == 0xF4 && b1 > 0x8F) {
                    return false;
                }
                4
            }
            _ => return false,
        };
        i += len;
    }
    true
}

/// `repr` of a string holding lone surrogates, following `unicode_repr` in CPython.
fn surrogate_repr(s: &PyStr) -> String {
    let cps: Vec<u32> = s.code_points().collect();
    let has_single = cps.contains(&u32::from(b'\''));
    let has_double = cps.contains(&u32::from(b'"'));
    let quote = if has_single && !has_double { '"' } else { '\'' };
    let mut out = String::with_capacity(cps.len() + 2);
    out.push(quote);
    for cp in cps {
        match char::from_u32(cp) {
            Some(c) if c == quote || c == '\\' => {
                out.push('\\');
                out.push(c);
            }
            Some('\t') => out.push_str("\\t"),
            Some('\n') => out.push_str("\\n"),
            Some('\r') => out.push_str("\\r"),
            Some(c) if (0x20..0x7F).contains(&cp) => out.push(c),
            Some(c) if cp >= 0x7F && pith_repr::is_printable(c) => out.push(c),
            _ if cp <= 0xFF => out.push_str(&format!("\\x{cp:02x}")),
            _ if cp <= 0xFFFF => out.push_str(&format!("\\u{cp:04x}")),
            _ => out.push_str(&format!("\\U{cp:08x}")),
        }
    }
    out.push(quote);
    out
}

/// The order in which CPython iterates a set built by adding `items` in the given
/// order (indices into `items`), or `None` when an element's hash cannot be
/// reproduced (NaN, complex, code, nested frozensets). Elements must be distinct.
///
/// A compiler that wants `dis` to list a folded frozenset as CPython does should
/// store its elements in `set_iteration_order(source_order)`: CPython rebuilds the
/// set from that iteration order when it merges constants, and [`Constant::repr`]
/// replays exactly that rebuild. String hashes assume `PYTHONHASHSEED=0`.
pub fn set_iteration_order(items: &[Constant]) -> Option<Vec<usize>> {
    crate::set_order::iteration_order(items)
}

/// A value that can appear in `co_consts`.
///
/// Containers and strings are shared through `Arc`, so cloning a constant is cheap
/// and a VM can hand the same object to many frames. Integers that fit in `i64`
/// are always `Int`; `BigInt` holds only values outside that range.
///
/// Equality is strict, as CPython's constant merging (`_PyCode_ConstantKey`) sees it:
/// types must match (`1 != True != 1.0`), floats compare by bits (`0.0 != -0.0`,
/// a NaN equals itself) and strings also compare their interned flag. Frozensets
/// compare as sets, ignoring element order.
#[derive(Clone, Debug)]
pub enum Constant {
    /// `None`
    None,
    /// `...`
    Ellipsis,
    /// `True` or `False`
    Bool(bool),
    /// An `int` that fits in `i64`.
    Int(i64),
    /// An `int` outside the `i64` range.
    BigInt(Arc<BigInt>),
    /// A `float`.
    Float(f64),
    /// A `complex`.
    Complex {
        /// Real part.
        re: f64,
        /// Imaginary part.
        im: f64,
    },
    /// A `str`.
    Str(Arc<PyStr>),
    /// A `bytes`.
    Bytes(Arc<[u8]>),
    /// A `tuple`.
    Tuple(Arc<[Constant]>),
    /// A `frozenset`, elements in marshal order (its repr uses CPython's iteration order).
    FrozenSet(Arc<[Constant]>),
    /// A code object (function, class or comprehension body).
    Code(Arc<CodeObject>),
}

impl Constant {
    /// An `int` constant from a big integer, stored as `Int` when it fits.
    pub fn int(value: BigInt) -> Constant {
        match value.to_i64() {
            Some(v) => Constant::Int(v),
            None => Constant::BigInt(Arc::new(value)),
        }
    }

    /// A `str` constant.
    pub fn str(text: &str) -> Constant {
        Constant::Str(Arc::new(PyStr::new(text, false)))
    }

    /// The integer value, if this is an `int`.
    pub fn as_bigint(&self) -> Option<BigInt> {
        match self {
            Constant::Int(v) => Some(BigInt::from(*v)),
            Constant::BigInt(v) => Some((**v).clone()),
            _ => None,
        }
    }

    /// The code object, if this is one.
    pub fn as_code(&self) -> Option<&Arc<CodeObject>> {
        match self {
            Constant::Code(c) => Some(c),
            _ => None,
        }
    }

    /// Python's `repr()` of the constant, as `dis` shows it. Code objects print as
    /// `<code object NAME at 0x..., file "FILE", line N>` with their heap address.
    pub fn repr(&self) -> String {
        let mut out = String::new();
        self.write_repr(&mut out);
        out
    }

    /// Appends Python's `repr()` of the constant to `out`.
    pub fn write_repr(&self, out: &mut String) {
        match self {
            Constant::None => out.push_str("None"),
            Constant::Ellipsis => out.push_str("Ellipsis"),
            Constant::Bool(true) => out.push_str("True"),
            Constant::Bool(false) => out.push_str("False"),
            Constant::Int(v) => out.push_str(&v.to_string()),
            Constant::BigInt(v) => out.push_str(&v.to_string()),
            Constant::Float(v) => pith_repr::write_float_repr(out, *v),
            Constant::Complex { re, im } => out.push_str(&pith_repr::complex_repr(*re, *im)),
            Constant::Str(s) => match s.as_str() {
                Some(text) => pith_repr::write_str_repr(out, text),
                None => out.push_str(&s.repr()),
            },
            Constant::Bytes(b) => pith_repr::write_bytes_repr(out, b),
            Constant::Tuple(items) => {
                out.push('(');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    item.write_repr(out);
                }
                if items.len() == 1 {
                    out.push(',');
                }
                out.push(')');
            }
            Constant::FrozenSet(items) => {
                if items.is_empty() {
                    out.push_str("frozenset()");
                    return;
                }
                out.push_str("frozenset({");
                let order = crate::set_order::iteration_order(items)
                    .unwrap_or_else(|| (0..items.len()).collect());
                for (i, &k) in order.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    items[k].write_repr(out);
                }
                out.push_str("})");
            }
            Constant::Code(code) => code.write_repr(out),
        }
    }
}

impl PartialEq for Constant {
    fn eq(&self, other: &Constant) -> bool {
        use Constant as C;
        match (self, other) {
            (C::None, C::None) | (C::Ellipsis, C::Ellipsis) => true,
            (C::Bool(a), C::Bool(b)) => a == b,
            (C::Int(a), C::Int(b)) => a == b,
            (C::BigInt(a), C::BigInt(b)) => a == b,
            (C::Float(a), C::Float(b)) => a.to_bits() == b.to_bits(),
            (C::Complex { re: a, im: b }, C::Complex { re: c, im: d }) => {
                a.to_bits() == c.to_bits() && b.to_bits() == d.to_bits()
            }
            (C::Str(a), C::Str(b)) => a == b,
            (C::Bytes(a), C::Bytes(b)) => a == b,
            (C::Tuple(a), C::Tuple(b)) => a == b,
            (C::FrozenSet(a), C::FrozenSet(b)) => {
                a.len() == b.len() && a.iter().all(|x| b.contains(x))
            }
            (C::Code(a), C::Code(b)) => Arc::ptr_eq(a, b) || a == b,
            _ => false,
        }
    }
}

impl Eq for Constant {}

impl Hash for Constant {
    fn hash<H: Hasher>(&self, state: &mut H) {
        std::mem::discriminant(self).hash(state);
        match self {
            Constant::None | Constant::Ellipsis => {}
            Constant::Bool(b) => b.hash(state),
            Constant::Int(v) => v.hash(state),
            Constant::BigInt(v) => v.hash(state),
            Constant::Float(v) => v.to_bits().hash(state),
            Constant::Complex { re, im } => {
                re.to_bits().hash(state);
                im.to_bits().hash(state);
            }
            Constant::Str(s) => s.hash(state),
            Constant::Bytes(b) => b.hash(state),
            Constant::Tuple(items) => items.hash(state),
            Constant::FrozenSet(items) => {
                // Order-insensitive, like the equality.
                let mut acc = 0u64;
                for item in items.iter() {
                    let mut h = std::collections::hash_map::DefaultHasher::new();
                    item.hash(&mut h);
                    acc = acc.wrapping_add(h.finish());
                }
                items.len().hash(state);
                acc.hash(state);
            }
            Constant::Code(c) => {
                // Equal code objects agree on these few fields. Hashing the
                // whole object (its nested code constants included) made every
                // insertion and rehash of a constant table cost the size of the
                // function, and nested functions pay it at every level.
                c.firstlineno.hash(state);
                c.name.hash(state);
                c.code.len().hash(state);
                c.linetable.len().hash(state);
            }
        }
    }
}
