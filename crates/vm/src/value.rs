//! The value representation: a 16-byte enum whose scalar variants (None, bool,
//! small int, float) need no heap allocation, and whose other variants hold one
//! reference-counted pointer each.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use num_bigint::BigInt;

use crate::code::Code;
use crate::dict::Dict;
use crate::exc::ExcObj;
use crate::func::{BuiltinDef, Function};
use crate::iter::IterObj;
use crate::types::TypeObj;

/// A Python value.
#[derive(Debug, Default)]
// A full-width tag keeps the payload 8-byte aligned right after it, so values are
// moved as two whole words (no partial stores that defeat store forwarding).
// The variants without a heap pointer come first (tags 0 to 6), so "is this a
// scalar" and the drop glue are one comparison of the tag instead of a jump table.
#[repr(u64)]
pub enum Value {
    /// An empty slot: an unbound local, or the `NULL` that 3.11 pushes before a callable.
    /// Never visible to Python code.
    #[default]
    Null,
    /// `None`.
    None,
    /// `NotImplemented`.
    NotImplemented,
    /// `...`.
    Ellipsis,
    /// `True` / `False`.
    Bool(bool),
    /// An int that fits in 64 bits.
    Int(i64),
    /// A float.
    Float(f64),
    /// An int that does not fit in 64 bits (never holds a value that would fit).
    BigInt(Rc<BigInt>),
    /// A str.
    Str(Rc<StrObj>),
    /// A bytes object.
    Bytes(Rc<Vec<u8>>),
    /// A tuple.
    Tuple(Rc<Vec<Value>>),
    /// A list.
    List(Rc<RefCell<Vec<Value>>>),
    /// A dict.
    Dict(Rc<RefCell<Dict>>),
    /// A set (a dict whose values are unused).
    Set(Rc<RefCell<Dict>>),
    /// A frozenset.
    FrozenSet(Rc<Dict>),
    /// A range.
    Range(Rc<RangeObj>),
    /// A slice.
    Slice(Rc<[Value; 3]>),
    /// A Python function.
    Function(Rc<Function>),
    /// A builtin function or an unbound method of a builtin type.
    Builtin(&'static BuiltinDef),
    /// A builtin method bound to its receiver.
    BoundBuiltin(Rc<(Value, &'static BuiltinDef)>),
    /// A Python function bound to an instance.
    Method(Rc<(Value, Value)>),
    /// A type object.
    Type(Rc<TypeObj>),
    /// An exception instance.
    Exception(Rc<ExcObj>),
    /// An iterator.
    Iter(Rc<RefCell<IterObj>>),
    /// A cell (closure variable).
    Cell(Rc<RefCell<Value>>),
    /// A code object.
    Code(Rc<Code>),
    /// A generator.
    Generator(Rc<crate::gen::GenObj>),
    /// A module.
    Module(Rc<crate::modules::ModuleObj>),
    /// `dict_keys`, `dict_values` or `dict_items`.
    DictView(Rc<(Rc<RefCell<Dict>>, crate::iter::DictPart)>),
    /// A complex number.
    Complex(Rc<crate::complex::Complex>),
    /// A bytearray.
    ByteArray(Rc<crate::bytearray_obj::ByteArrayObj>),
    /// A memoryview.
    MemoryView(Rc<crate::methods::memoryview::MemView>),
    /// An instance of a class defined by a `class` statement.
    Instance(Rc<crate::instance::Instance>),
    /// `property`, `classmethod`, `staticmethod` or `super` objects.
    Descr(Rc<crate::descr::Descr>),
    /// A `traceback` object.
    Traceback(Rc<crate::frame_obj::TbObj>),
    /// A `frame` object.
    Frame(Rc<crate::frame_obj::FrameObj>),
    /// Coroutines, async generators and their awaitables (`coro.rs`).
    Async(Rc<crate::coro::AsyncObj>),
}

// Cloning is a reference-count increment and a copy of the two words. Every
// heap variant holds one `Rc`, whose count sits at the start of its
// allocation, so the arms below compile to the same instructions and merge
// into one branch; the derived clone was an outlined jump table returning
// the value through memory, on every `LOAD_FAST` of an object.
impl Clone for Value {
    #[inline(always)]
    #[allow(unsafe_code)]
    fn clone(&self) -> Value {
        match self {
            Value::BigInt(rc) => std::mem::forget(Rc::clone(rc)),
            Value::Str(rc) => std::mem::forget(Rc::clone(rc)),
            Value::Bytes(rc) => std::mem::forget(Rc::clone(rc)),
            Value::Tuple(rc) => std::mem::forget(Rc::clone(rc)),
            Value::List(rc) => std::mem::forget(Rc::clone(rc)),
            Value::Dict(rc) => std::mem::forget(Rc::clone(rc)),
            Value::Set(rc) => std::mem::forget(Rc::clone(rc)),
            Value::FrozenSet(rc) => std::mem::forget(Rc::clone(rc)),
            Value::Range(rc) => std::mem::forget(Rc::clone(rc)),
            Value::Slice(rc) => std::mem::forget(Rc::clone(rc)),
            Value::Function(rc) => std::mem::forget(Rc::clone(rc)),
            Value::BoundBuiltin(rc) => std::mem::forget(Rc::clone(rc)),
            Value::Method(rc) => std::mem::forget(Rc::clone(rc)),
            Value::Type(rc) => std::mem::forget(Rc::clone(rc)),
            Value::Exception(rc) => std::mem::forget(Rc::clone(rc)),
            Value::Iter(rc) => std::mem::forget(Rc::clone(rc)),
            Value::Cell(rc) => std::mem::forget(Rc::clone(rc)),
            Value::Code(rc) => std::mem::forget(Rc::clone(rc)),
            Value::Generator(rc) => std::mem::forget(Rc::clone(rc)),
            Value::Module(rc) => std::mem::forget(Rc::clone(rc)),
            Value::DictView(rc) => std::mem::forget(Rc::clone(rc)),
            Value::Complex(rc) => std::mem::forget(Rc::clone(rc)),
            Value::ByteArray(rc) => std::mem::forget(Rc::clone(rc)),
            Value::MemoryView(rc) => std::mem::forget(Rc::clone(rc)),
            Value::Instance(rc) => std::mem::forget(Rc::clone(rc)),
            Value::Descr(rc) => std::mem::forget(Rc::clone(rc)),
            Value::Traceback(rc) => std::mem::forget(Rc::clone(rc)),
            Value::Frame(rc) => std::mem::forget(Rc::clone(rc)),
            Value::Async(rc) => std::mem::forget(Rc::clone(rc)),
            Value::Null
            | Value::None
            | Value::NotImplemented
            | Value::Ellipsis
            | Value::Bool(_)
            | Value::Int(_)
            | Value::Float(_)
            | Value::Builtin(_) => {}
        }
        // SAFETY: every `Rc` in `self` has just had its count raised for the
        // copy (its clone was forgotten), and the other payloads are `Copy`;
        // so the bitwise copy owns exactly what a clone owns.
        unsafe { std::ptr::read(self) }
    }
}

pub use crate::range::RangeObj;

/// A Python `str`: UTF-8 text with its length in code points and a cached hash.
///
/// Indexing is O(1) when the text is ASCII (`char_len == byte length`).
///
/// A str holding lone surrogates (U+D800..U+DFFF, which Rust's `str` cannot hold)
/// keeps `text` with U+FFFD in their place, so every caller of `as_str` sees text
/// of the right length, and its exact code points in `exact`
/// (`str_surrogates.rs`); the operations where exactness shows (equality,
/// hashing, `repr`, indexing, codecs, ...) read those.
#[derive(Debug)]
pub struct StrObj {
    /// Sized to within [`MAX_SLACK`] bytes or a quarter of its length when
    /// made; `append_in_place` leaves spare capacity, so that a loop of
    /// `s += t` grows it by doubling.
    text: String,
    char_len: usize,
    hash: Cell<i64>,
    exact: Option<Box<crate::str_surrogates::CodePoints>>,
    /// For long non-ASCII text: the byte offset of every [`CRUMB`]-th
    /// character, made on first indexing, so `s[i]`, slices and searches
    /// from a position cost O(`CRUMB`) instead of O(i).
    crumbs: std::cell::OnceCell<Box<[u32]>>,
}

/// Spare bytes a str made from an owned `String` may keep rather than pay a
/// `realloc` to drop them (see [`StrObj::from_string`]).
const MAX_SLACK: usize = 32;

/// Characters between two entries of a str's offset index.
const CRUMB: usize = 64;

const HASH_UNSET: i64 = -1;

impl StrObj {
    /// A str from Rust text.
    pub fn new(text: &str) -> StrObj {
        StrObj::from_exact_size(text.to_owned())
    }

    /// A str from an owned string. Spare capacity is given back only when it
    /// is large (over [`MAX_SLACK`] bytes and a quarter of the text): a
    /// `format!` or `String::with_capacity` result usually has a few spare
    /// bytes, and trimming those cost a `realloc` per string made.
    pub fn from_string(mut text: String) -> StrObj {
        let spare = text.capacity() - text.len();
        if spare > MAX_SLACK && spare > text.len() / 4 {
            text.shrink_to_fit();
        }
        StrObj::from_exact_size(text)
    }

    fn from_exact_size(text: String) -> StrObj {
        let char_len = if text.is_ascii() {
            text.len()
        } else {
            text.chars().count()
        };
        StrObj {
            text,
            char_len,
            hash: Cell::new(HASH_UNSET),
            exact: None,
            crumbs: std::cell::OnceCell::new(),
        }
    }

    /// A str with lone surrogates: `text` has U+FFFD where `exact` has a surrogate.
    pub(crate) fn with_exact(text: String, exact: crate::str_surrogates::CodePoints) -> StrObj {
        let mut s = StrObj::from_string(text);
        s.exact = Some(Box::new(exact));
        s
    }

    /// The text; a lone surrogate reads as U+FFFD (see [`StrObj::surrogates`]).
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Appends `other` to this str, which nothing else may see (the caller
    /// holds the only reference): CPython's in-place `s += t`. Returns false,
    /// changing nothing, when either holds lone surrogates.
    pub(crate) fn append_in_place(&mut self, other: &StrObj) -> bool {
        if self.exact.is_some() || other.exact.is_some() {
            return false;
        }
        self.text.push_str(&other.text);
        self.char_len += other.char_len;
        self.hash.set(HASH_UNSET);
        true
    }

    /// The exact code points when the str holds lone surrogates, else `None`.
    #[inline]
    pub fn surrogates(&self) -> Option<&[u32]> {
        self.exact.as_deref().map(|e| e.as_slice())
    }

    /// Length in code points.
    pub fn char_len(&self) -> usize {
        self.char_len
    }

    /// Whether every character is ASCII (indexing is by byte).
    pub fn is_ascii(&self) -> bool {
        self.char_len == self.text.len()
    }

    /// The hash, computed once: CPython's under the process's hash key, so set orders match.
    pub fn hash(&self) -> i64 {
        let h = self.hash.get();
        if h != HASH_UNSET {
            return h;
        }
        let h = match self.surrogates() {
            None => crate::hash::str_hash(&self.text),
            Some(cps) => crate::hash::code_points_hash(cps),
        };
        self.hash.set(h);
        h
    }

    /// The character at code-point index `i` (which must be in range).
    pub fn char_at(&self, i: usize) -> Option<char> {
        if self.is_ascii() {
            self.text.as_bytes().get(i).map(|&b| b as char)
        } else {
            let (b, rest) = self.crumb(i);
            self.text[b..].chars().nth(rest)
        }
    }

    /// Byte offset of code-point index `i` (clamped to the end).
    pub fn byte_offset(&self, i: usize) -> usize {
        if self.is_ascii() {
            i.min(self.text.len())
        } else {
            let (b, rest) = self.crumb(i);
            self.text[b..]
                .char_indices()
                .nth(rest)
                .map_or(self.text.len(), |(k, _)| b + k)
        }
    }

    /// The code-point index of byte offset `byte` (a character boundary).
    pub fn char_index_of_byte(&self, byte: usize) -> usize {
        if self.is_ascii() {
            return byte;
        }
        let byte = byte.min(self.text.len());
        let mut base = (0, 0);
        if self.char_len >= 4 * CRUMB && self.text.len() <= u32::MAX as usize {
            let _ = self.crumb(0);
            if let Some(crumbs) = self.crumbs.get() {
                let k = crumbs.partition_point(|&b| (b as usize) <= byte);
                if k > 0 {
                    base = ((k - 1) * CRUMB, crumbs[k - 1] as usize);
                }
            }
        }
        base.0 + self.text.get(base.1..byte).map_or(0, |t| t.chars().count())
    }

    /// A byte offset at or before character `i` and how many characters
    /// past it `i` is: from the offset index for long text.
    fn crumb(&self, i: usize) -> (usize, usize) {
        if self.char_len < 4 * CRUMB || self.text.len() > u32::MAX as usize {
            return (0, i);
        }
        let crumbs = self.crumbs.get_or_init(|| {
            self.text
                .char_indices()
                .step_by(CRUMB)
                .map(|(b, _)| b as u32)
                .collect()
        });
        match crumbs.get(i / CRUMB) {
            Some(&b) => (b as usize, i % CRUMB),
            None => (0, i),
        }
    }
}

impl Value {
    /// A str value.
    pub fn str(text: &str) -> Value {
        Value::Str(Rc::new(StrObj::new(text)))
    }

    /// The str of one character. Latin-1 characters are shared, as CPython
    /// shares them: iterating over or indexing text then costs a reference
    /// count instead of two allocations, and each one's hash is computed once.
    pub fn char(c: char) -> Value {
        thread_local! {
            static LATIN1: [std::cell::OnceCell<Rc<StrObj>>; 256] =
                const { [const { std::cell::OnceCell::new() }; 256] };
        }
        let mut buf = [0u8; 4];
        match u8::try_from(c) {
            Ok(b) => LATIN1.with(|chars| {
                let shared = chars[usize::from(b)]
                    .get_or_init(|| Rc::new(StrObj::new(c.encode_utf8(&mut buf))));
                Value::Str(Rc::clone(shared))
            }),
            Err(_) => Value::str(c.encode_utf8(&mut buf)),
        }
    }

    /// A str value from an owned string.
    pub fn string(text: String) -> Value {
        Value::Str(Rc::new(StrObj::from_string(text)))
    }

    /// A tuple value.
    pub fn tuple(items: Vec<Value>) -> Value {
        Value::Tuple(Rc::new(items))
    }

    /// A list value.
    pub fn list(items: Vec<Value>) -> Value {
        let v = Value::List(Rc::new(RefCell::new(items)));
        crate::gc::track(&v);
        v
    }

    /// A dict value (tracked by the cycle collector).
    #[inline(never)]
    pub fn dict(d: Dict) -> Value {
        let v = Value::Dict(Rc::new(RefCell::new(d)));
        crate::gc::track(&v);
        v
    }

    /// A set value (tracked by the cycle collector).
    #[inline(never)]
    pub fn set(d: Dict) -> Value {
        let v = Value::Set(Rc::new(RefCell::new(d.into_set_table())));
        crate::gc::track(&v);
        v
    }

    /// A frozenset value (its table put in set layout).
    pub fn frozenset(d: Dict) -> Value {
        Value::FrozenSet(Rc::new(d.into_set_table()))
    }

    /// A cell holding `v` (tracked by the cycle collector).
    #[inline(never)]
    pub fn cell(v: Value) -> Value {
        let c = Value::Cell(Rc::new(RefCell::new(v)));
        crate::gc::track(&c);
        c
    }

    /// An int value, normalized to the small form when it fits.
    pub fn from_bigint(n: BigInt) -> Value {
        use num_traits::ToPrimitive;
        match n.to_i64() {
            Some(i) => Value::Int(i),
            None => Value::BigInt(Rc::new(n)),
        }
    }

    /// `clone()` with the scalar cases inlined (the eval loop's hot path).
    #[inline(always)]
    pub fn fast_clone(&self) -> Value {
        match *self {
            Value::Int(i) => Value::Int(i),
            Value::Float(f) => Value::Float(f),
            Value::Bool(b) => Value::Bool(b),
            Value::None => Value::None,
            Value::Null => Value::Null,
            _ => self.clone(),
        }
    }

    /// Drops a value, skipping the drop glue call for scalars.
    #[inline(always)]
    pub fn release(self) {
        if self.is_scalar() {
            std::mem::forget(self)
        } else {
            drop(self)
        }
    }

    /// Whether this value holds no heap object (dropping it frees nothing).
    #[inline(always)]
    pub fn is_scalar(&self) -> bool {
        matches!(
            self,
            Value::Int(_)
                | Value::Float(_)
                | Value::Bool(_)
                | Value::None
                | Value::Null
                | Value::NotImplemented
                | Value::Ellipsis
        )
    }

    /// Whether this is the internal empty marker.
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// Whether both values are the same object (Python's `is`).
    pub fn is(&self, other: &Value) -> bool {
        use Value as V;
        match (self, other) {
            (V::Null, V::Null)
            | (V::None, V::None)
            | (V::NotImplemented, V::NotImplemented)
            | (V::Ellipsis, V::Ellipsis) => true,
            (V::Bool(a), V::Bool(b)) => a == b,
            // CPython caches small ints; larger ones are usually distinct objects,
            // but equal machine ints compare identical here.
            (V::Int(a), V::Int(b)) => a == b,
            (V::Float(a), V::Float(b)) => a.to_bits() == b.to_bits(),
            (V::BigInt(a), V::BigInt(b)) => Rc::ptr_eq(a, b),
            // CPython keeps one empty str, bytes and tuple: every empty one is it.
            (V::Str(a), V::Str(b)) => {
                Rc::ptr_eq(a, b)
                    || (a.as_str().is_empty()
                        && b.as_str().is_empty()
                        && a.surrogates().is_none()
                        && b.surrogates().is_none())
            }
            (V::Bytes(a), V::Bytes(b)) => Rc::ptr_eq(a, b) || (a.is_empty() && b.is_empty()),
            (V::Tuple(a), V::Tuple(b)) => Rc::ptr_eq(a, b) || (a.is_empty() && b.is_empty()),
            (V::List(a), V::List(b)) => Rc::ptr_eq(a, b),
            (V::Dict(a), V::Dict(b)) => Rc::ptr_eq(a, b),
            (V::Set(a), V::Set(b)) => Rc::ptr_eq(a, b),
            (V::FrozenSet(a), V::FrozenSet(b)) => Rc::ptr_eq(a, b),
            (V::Range(a), V::Range(b)) => Rc::ptr_eq(a, b),
            (V::Slice(a), V::Slice(b)) => Rc::ptr_eq(a, b),
            (V::Function(a), V::Function(b)) => Rc::ptr_eq(a, b),
            (V::Builtin(a), V::Builtin(b)) => std::ptr::eq(*a, *b),
            (V::BoundBuiltin(a), V::BoundBuiltin(b)) => Rc::ptr_eq(a, b),
            (V::Method(a), V::Method(b)) => Rc::ptr_eq(a, b),
            (V::Type(a), V::Type(b)) => Rc::ptr_eq(a, b),
            (V::Exception(a), V::Exception(b)) => Rc::ptr_eq(a, b),
            (V::Iter(a), V::Iter(b)) => Rc::ptr_eq(a, b),
            (V::Cell(a), V::Cell(b)) => Rc::ptr_eq(a, b),
            (V::Code(a), V::Code(b)) => Rc::ptr_eq(a, b),
            (V::Generator(a), V::Generator(b)) => Rc::ptr_eq(a, b),
            (V::Module(a), V::Module(b)) => Rc::ptr_eq(a, b),
            (V::DictView(a), V::DictView(b)) => Rc::ptr_eq(a, b),
            (V::Complex(a), V::Complex(b)) => Rc::ptr_eq(a, b),
            (V::ByteArray(a), V::ByteArray(b)) => Rc::ptr_eq(a, b),
            (V::MemoryView(a), V::MemoryView(b)) => Rc::ptr_eq(a, b),
            (V::Instance(a), V::Instance(b)) => Rc::ptr_eq(a, b),
            (V::Descr(a), V::Descr(b)) => Rc::ptr_eq(a, b),
            (V::Traceback(a), V::Traceback(b)) => Rc::ptr_eq(a, b),
            (V::Frame(a), V::Frame(b)) => Rc::ptr_eq(a, b),
            (V::Async(a), V::Async(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }

    /// An address-like identity number for `id()` and default reprs.
    ///
    /// Every empty str, bytes and tuple is one object in CPython (and to `is`
    /// here), so they share one identity too, whichever allocation holds them.
    pub fn identity(&self) -> usize {
        fn p<T: ?Sized>(r: &Rc<T>) -> usize {
            Rc::as_ptr(r) as *const u8 as usize
        }
        match self {
            Value::BigInt(r) => p(r),
            Value::Str(r) if r.as_str().is_empty() && r.surrogates().is_none() => 0x7f00_0000_5000,
            Value::Str(r) => p(r),
            Value::Bytes(r) if r.is_empty() => 0x7f00_0000_6000,
            Value::Bytes(r) => p(r),
            Value::Tuple(r) if r.is_empty() => 0x7f00_0000_7000,
            Value::Tuple(r) => p(r),
            Value::List(r) => p(r),
            Value::Dict(r) | Value::Set(r) => p(r),
            Value::FrozenSet(r) => p(r),
            Value::Range(r) => p(r),
            Value::Slice(r) => p(r),
            Value::Function(r) => p(r),
            Value::Builtin(b) => *b as *const BuiltinDef as usize,
            Value::BoundBuiltin(r) => p(r),
            Value::Method(r) => p(r),
            Value::Type(r) => p(r),
            Value::Exception(r) => p(r),
            Value::Iter(r) => p(r),
            Value::Cell(r) => p(r),
            Value::Code(r) => p(r),
            Value::Generator(r) => p(r),
            Value::Module(r) => p(r),
            Value::DictView(r) => p(r),
            Value::Complex(r) => p(r),
            Value::ByteArray(r) => p(r),
            Value::MemoryView(r) => p(r),
            Value::Instance(r) => p(r),
            Value::Descr(r) => p(r),
            Value::Traceback(r) => p(r),
            Value::Frame(r) => p(r),
            Value::Async(r) => p(r),
            Value::Int(i) => (*i as usize)
                .wrapping_mul(32)
                .wrapping_add(0x7f00_0000_0000),
            Value::Float(f) => f.to_bits() as usize,
            Value::Bool(b) => 0x7f00_0000_1000 + usize::from(*b) * 32,
            Value::None => 0x7f00_0000_2000,
            Value::NotImplemented => 0x7f00_0000_3000,
            Value::Ellipsis => 0x7f00_0000_4000,
            Value::Null => 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_is_16_bytes() {
        assert_eq!(std::mem::size_of::<Value>(), 16);
    }
}
