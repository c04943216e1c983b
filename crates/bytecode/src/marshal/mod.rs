//! `marshal` version 4, as CPython 3.11 reads and writes it (Python/marshal.c).
//!
//! # Sharing and byte-exact output
//!
//! CPython's writer marks an object with `FLAG_REF` when its reference count is
//! above one at write time, and writes later occurrences of the *same object* as
//! `TYPE_REF`. Those counts depend on the interpreter's state (interning, caches,
//! which objects the compiler merged), so they cannot be recomputed from values.
//!
//! The reader therefore records a [`RefTrace`]: for every object that passed
//! through CPython's `w_ref` (all but `None`, `True`, `False`, `...`), in stream
//! order, whether it was written plain, with `FLAG_REF`, or as a reference to an
//! earlier flagged object. [`dumps_with_trace`] replays that trace. Replay is
//! checked as it goes: the trace must have exactly one slot per object written, and
//! every reference must point at a flagged object strictly equal to the one being
//! written. If the value was changed in a way that breaks either rule, the writer
//! starts over with the default policy, so the output is always correct marshal
//! data for the value, and byte-identical to the input when the value is unchanged.
//!
//! The default policy ([`dumps`]) flags every string and writes repeated equal
//! strings as references (identifiers dominate real code objects), flags the
//! top-level object and frozenset elements as CPython does, and writes everything
//! else plain. Frozenset elements are sorted by their own marshal bytes, as 3.11
//! does for reproducible builds.

mod read;
mod write;

pub use read::{loads, loads_code, loads_code_untraced, loads_from};
pub use write::{dumps, dumps_from, dumps_with_trace, long_digits};

use crate::constant::Constant;

/// CPython's `MAX_MARSHAL_STACK_DEPTH` (non-Windows).
pub const MAX_DEPTH: usize = 2000;

/// The marshal version CPython 3.11 writes.
pub const VERSION: u32 = 4;

/// Why marshal data could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MarshalError {
    /// The data ended inside an object.
    #[error("EOF read where object expected")]
    Eof,
    /// A type code marshal does not know.
    #[error("bad marshal data (unknown type code {0:#04x})")]
    UnknownType(u8),
    /// A type marshal knows but a code object can never contain (list, dict, set, ...).
    #[error("unsupported marshal type {0:?} in constant data")]
    Unsupported(char),
    /// A `TYPE_REF` to an index that does not exist or is not complete.
    #[error("bad marshal data (invalid reference)")]
    InvalidRef,
    /// Nesting deeper than [`MAX_DEPTH`].
    #[error("recursion limit exceeded")]
    TooDeep,
    /// A size field that is negative or larger than the remaining data.
    #[error("bad marshal data (size out of range)")]
    BadSize,
    /// A long integer digit of 2**15 or more.
    #[error("bad marshal data (digit out of range in long)")]
    BadLongDigit,
    /// A long integer whose top digit is zero.
    #[error("bad marshal data (unnormalized long data)")]
    UnnormalizedLong,
    /// A float written as text that does not parse.
    #[error("bad marshal data (invalid float)")]
    BadFloat,
    /// String bytes that are not `surrogatepass` UTF-8, or non-ASCII in an ASCII string.
    #[error("bad marshal data (invalid string data)")]
    BadString,
    /// A code object field of the wrong type or range.
    #[error("bad marshal data (code object field {0})")]
    BadCodeField(&'static str),
    /// `loads_code` found something other than a code object.
    #[error("marshal data is not a code object")]
    NotCode,
}

/// How each object was written, in stream order (see the module docs).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RefTrace {
    slots: Vec<u32>,
}

/// One [`RefTrace`] slot.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RefSlot {
    /// Written without `FLAG_REF`.
    Plain,
    /// Written with `FLAG_REF`, taking the next reference index.
    Flagged,
    /// Written as `TYPE_REF` to this index.
    Ref(u32),
}

impl RefTrace {
    fn push(&mut self, slot: RefSlot) {
        self.slots.push(match slot {
            RefSlot::Plain => 0,
            RefSlot::Flagged => 1,
            RefSlot::Ref(i) => i.saturating_add(2),
        });
    }

    /// Number of slots.
    pub fn len(&self) -> usize {
        self.slots.len()
    }

    /// Whether there are no slots.
    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    /// Slot `i`.
    pub fn get(&self, i: usize) -> Option<RefSlot> {
        self.slots.get(i).map(|&s| match s {
            0 => RefSlot::Plain,
            1 => RefSlot::Flagged,
            n => RefSlot::Ref(n - 2),
        })
    }
}

/// A value read by [`loads`] with the trace needed to write it back byte for byte.
#[derive(Clone, Debug, PartialEq)]
pub struct Marshalled {
    /// The value.
    pub value: Constant,
    /// How CPython shared its objects.
    pub trace: RefTrace,
    /// Number of bytes the value occupied.
    pub consumed: usize,
}
