//! Fused forms of an augmented assignment to a subscript (`v[i] += x`), whose
//! code brackets the operation with stack shuffles around the subscript:
//!
//! ```text
//! COPY 2; COPY 2; BINARY_SUBSCR      (c, k) -> (c, k, c[k])
//! ...                                (c, k, r)
//! SWAP 3; SWAP 2; STORE_SUBSCR       c[k] = r
//! ```
//!
//! Each group of three becomes one dispatch when the container is a list and
//! the key an int in range. They follow `code.rs`'s rule for superinstructions:
//! the fused instruction replaces the first of its group and the originals
//! after it stay in place, so a jump into the group and the traced loop (which
//! runs the first one unfused) find the ordinary instructions. The slow path of
//! a fused form does what its first instruction (`COPY 2`, `SWAP 3`) does and
//! continues at the next original one, which raises with its own position.

use pith_bytecode::Opcode;

use crate::code::Ins;

/// `COPY 2; COPY 2; BINARY_SUBSCR`. Reuses the number of CPython's
/// `BINARY_SUBSCR_LIST_INT`, which decoding never produces (it deoptimizes).
pub(crate) const COPY2_SUBSCR: Opcode = Opcode::BinarySubscrListInt;

/// `SWAP 3; SWAP 2; STORE_SUBSCR`. Reuses the number of CPython's
/// `STORE_SUBSCR_LIST_INT`, which decoding never produces.
pub(crate) const SWAP3_STORE_SUBSCR: Opcode = Opcode::StoreSubscrListInt;

/// Third fusion pass (after `code.rs`'s pairs and the local-constant forms,
/// which never start with `COPY` or `SWAP`): replaces the first instruction
/// of each group above with its fused form.
pub(crate) fn fuse_subscript_updates(instrs: &mut [Ins]) {
    for i in 0..instrs.len().saturating_sub(2) {
        let (a, b, c) = (instrs[i], instrs[i + 1], instrs[i + 2]);
        let op = match (a.op, a.arg, b.op, b.arg, c.op) {
            (Opcode::Copy, 2, Opcode::Copy, 2, Opcode::BinarySubscr) => COPY2_SUBSCR,
            (Opcode::Swap, 3, Opcode::Swap, 2, Opcode::StoreSubscr) => SWAP3_STORE_SUBSCR,
            _ => continue,
        };
        instrs[i] = Ins { op, arg: a.arg };
    }
}

/// The list index an int key `i` designates in a list of length `len`
/// (negative keys count from the end), if it is in range.
#[inline(always)]
pub(crate) fn list_index(i: i64, len: usize) -> Option<usize> {
    let len = len as i64;
    let i = if i < 0 { i + len } else { i };
    (0..len).contains(&i).then_some(i as usize)
}
