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
//! - Fast locals move through [`push_local`] (`LOAD_FAST` and its fused
//!   forms) and [`pop_into`] (`STORE_FAST`), and `YIELD_VALUE` pops with
//!   [`pop_split`]: an int or float is copied as its two words. Rebuilding
//!   `Value::Int(x)` in Rust is not enough, as the optimizer sees the same
//!   bits and folds it back into one 16-byte move (see [`scalar_words`]).
//! - The eval loop's arithmetic paths (`BINARY_OP`, `COMPARE_OP`, conditional
//!   jumps on a bool) match the operands in place, which reads tag and
//!   payload as separate words, write the result into the slot of the first
//!   operand, and drop the top with [`pop_scalar`], which reads nothing.

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
    // Growing first leaves one call of `make`, which the compiler then
    // inlines and writes straight into the slot; with a call in each branch
    // it kept `make` outlined, returning the frame through a temporary.
    if stack.len() == stack.capacity() {
        grow_one(stack);
    }
    let len = stack.len();
    // SAFETY: as in `push`: `len < capacity` now.
    unsafe {
        stack.as_mut_ptr().add(len).write(make());
        stack.set_len(len + 1);
    }
}

/// Makes room for one more element, growing the buffer as `Vec::push`
/// would (amortized doubling).
#[cold]
#[inline(never)]
fn grow_one<T>(stack: &mut Vec<T>) {
    stack.reserve(1);
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

/// An int's or float's two words, tag and payload, as stored in its slot.
#[derive(Clone, Copy)]
pub(crate) struct Words([u64; 2]);

/// The two words of `v` if it is an int or a float, read one at a time.
///
/// The reads are volatile, and [`write_words`] writes words, not a `Value`:
/// rebuilding `Value::Int(x)` from a plain read is, to the optimizer, the
/// same bits as the slot, and it folded every such path back into one
/// 16-byte load, or merged the paths through a stack temporary that it then
/// read as one 16-byte word, the stall this module avoids.
#[inline(always)]
#[allow(unsafe_code)]
fn scalar_words(v: &Value) -> Option<Words> {
    if !matches!(v, Value::Int(_) | Value::Float(_)) {
        return None;
    }
    let p = (v as *const Value).cast::<u64>();
    // SAFETY: `Value` is `repr(u64)`, so an `Int` or `Float` is its tag word
    // followed by its 8-byte payload, both initialized; `p` comes from a live
    // reference and is 8-byte aligned.
    Some(unsafe {
        Words([
            std::ptr::read_volatile(p),
            std::ptr::read_volatile(p.add(1)),
        ])
    })
}

/// Writes `w` (from [`scalar_words`]) over the value at `slot`, which must
/// hold no value needing a drop (a spare slot, or one already moved out).
///
/// # Safety
/// `slot` must be valid for writes of a `Value`.
#[inline(always)]
#[allow(unsafe_code)]
unsafe fn write_words(slot: *mut Value, w: Words) {
    let p = slot.cast::<u64>();
    // SAFETY: the caller's guarantee; the words are an int's or float's tag
    // and payload, so the slot then holds that valid `Value`.
    unsafe {
        p.write(w.0[0]);
        p.add(1).write(w.0[1]);
    }
}

/// Pops the top of `stack`, an int or float word by word: the value on top
/// is often one just made from its parts (a loop counter from `FOR_ITER`, an
/// arithmetic result), which a 16-byte load would stall on.
#[inline(always)]
#[allow(unsafe_code)]
pub(crate) fn pop_split(stack: &mut Vec<Value>) -> Option<Value> {
    let Some(w) = scalar_words(stack.last()?) else {
        return stack.pop();
    };
    pop_scalar(stack);
    let mut v = Value::Null;
    // SAFETY: `v` is a live local holding `Null`, which needs no drop.
    unsafe { write_words(&mut v, w) };
    Some(v)
}

/// Moves the top of `stack` into slot `index` below it (a fast local) and
/// returns the value it replaces; `None` if `index` is not below the top.
#[inline(always)]
#[allow(unsafe_code)]
pub(crate) fn pop_into(stack: &mut Vec<Value>, index: usize) -> Option<Value> {
    let (top, below) = stack.split_last_mut()?;
    let slot = below.get_mut(index)?;
    let Some(w) = scalar_words(top) else {
        let v = stack.pop()?;
        return stack.get_mut(index).map(|slot| std::mem::replace(slot, v));
    };
    let old = std::mem::replace(slot, Value::Null);
    // SAFETY: `slot` is a live element, just emptied (`Null` needs no drop).
    unsafe { write_words(slot, w) };
    pop_scalar(stack);
    Some(old)
}

/// Pushes a copy of `stack[index]` (a fast local): `Some(true)` if pushed,
/// `Some(false)` if the local is unbound (null), `None` if there is no such
/// slot. An int or float, often stored word by word just before, is copied
/// word by word.
#[inline(always)]
#[allow(unsafe_code)]
pub(crate) fn push_local(stack: &mut Vec<Value>, index: usize) -> Option<bool> {
    let local = stack.get(index)?;
    let Some(w) = scalar_words(local) else {
        if local.is_null() {
            return Some(false);
        }
        let v = local.fast_clone();
        push(stack, v);
        return Some(true);
    };
    if stack.len() == stack.capacity() {
        grow_one(stack);
    }
    let len = stack.len();
    // SAFETY: `len < capacity`, so slot `len` is allocated and spare; it is
    // written before the length covers it.
    unsafe {
        write_words(stack.as_mut_ptr().add(len), w);
        stack.set_len(len + 1);
    }
    Some(true)
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

/// Pops the top of `stack` as two 8-byte words, whatever the value: one
/// pushed just before (a fast local's object, a call's result) was often
/// written as two words, and a whole-value pop reads it as one 16-byte
/// word, the stall of the module documentation.
#[inline(always)]
#[allow(unsafe_code)]
pub(crate) fn pop_words(stack: &mut Vec<Value>) -> Option<Value> {
    use std::mem::MaybeUninit;
    let len = stack.len().checked_sub(1)?;
    let mut v = MaybeUninit::<Value>::uninit();
    // SAFETY: slot `len` holds a live value, which moves out word by word
    // (a payload word may be padding, hence `MaybeUninit` words) into `v`
    // before the length stops covering the slot, so it is read once.
    unsafe {
        let from = stack.as_ptr().add(len).cast::<MaybeUninit<u64>>();
        let to = v.as_mut_ptr().cast::<MaybeUninit<u64>>();
        to.write(std::ptr::read_volatile(from));
        to.add(1).write(std::ptr::read_volatile(from.add(1)));
        stack.set_len(len);
        Some(v.assume_init())
    }
}
