//! Writing and reading the value stack word by word, so that an int, float or
//! bool made from its parts is never read back as one 16-byte word.
//!
//! A `Value` is two 8-byte words, tag and payload. A value made from its
//! parts (an int or float result, a bool) is stored as two 8-byte words; a
//! whole-value move (a pop, a `Vec::push` of a temporary) reads it back as
//! one 16-byte word. The processor cannot forward one load from two stores:
//! the load waits until the stores reach the cache, about a dozen cycles, and
//! the hot paths did this on nearly every instruction. So:
//!
//! - [`push`] writes a value straight into its slot. `Vec::push` keeps a call
//!   that can unwind (growing the buffer) between making the value and
//!   writing it, so the compiler keeps the value in a stack temporary for the
//!   unwinding path to drop, stores the two words there and copies them to
//!   the slot as one 16-byte word.
//! - The eval loop's int and float paths (`LOAD_FAST`, `STORE_FAST`,
//!   `BINARY_OP`, `COMPARE_OP`, conditional jumps on a bool) match the
//!   operands in place, which reads tag and payload as separate words, write
//!   the result into the slot of the first operand, and drop the top with
//!   [`pop_scalar`], which reads nothing.

use crate::value::Value;

/// Pushes `v` on `stack` (see the module documentation).
#[inline(always)]
#[allow(unsafe_code)]
pub(crate) fn push<T>(stack: &mut Vec<T>, v: T) {
    let len = stack.len();
    if len < stack.capacity() {
        // `Vec::push` is an outlined call (`push_mut`) taking the value
        // through a temporary in memory, which is the stall this avoids.
        // SAFETY: `len < capacity`, so slot `len` is allocated and holds no
        // value; it is written before the length covers it.
        unsafe {
            stack.as_mut_ptr().add(len).write(v);
            stack.set_len(len + 1);
        }
    } else {
        push_grow(stack, v);
    }
}

/// Pushes the value `make` builds, building it in its slot: a `Frame` built
/// before the capacity check goes to a stack temporary field by field and
/// is copied from there in 16-byte words (the stall of the module
/// documentation, on every Python call).
#[inline(always)]
#[allow(unsafe_code)]
pub(crate) fn push_with<T>(stack: &mut Vec<T>, make: impl FnOnce() -> T) {
    let len = stack.len();
    if len < stack.capacity() {
        // SAFETY: as in `push`.
        unsafe {
            let slot = stack.as_mut_ptr().add(len);
            slot.write(make());
            stack.set_len(len + 1);
        }
    } else {
        push_grow(stack, make());
    }
}

/// The rare push that grows the buffer. `extern "C"` makes it a function that
/// cannot unwind (a panic in it aborts: only a capacity overflow could
/// panic, and the recursion limit bounds both stacks far below that), which
/// is what lets the callers do without their temporaries; a value travels in
/// two registers.
#[cold]
#[inline(never)]
#[allow(improper_ctypes_definitions)]
extern "C" fn push_grow<T>(stack: &mut Vec<T>, v: T) {
    stack.push(v);
}

/// Removes the top of `stack`, which the caller has matched as an int, float
/// or bool: nothing to drop, so the slot is not even read.
#[inline(always)]
pub(crate) fn pop_scalar(stack: &mut Vec<Value>) {
    if let Some(v) = stack.pop() {
        debug_assert!(v.is_scalar());
        std::mem::forget(v);
    }
}
