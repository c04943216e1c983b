//! Moving the top of the value stack into another vector (native-call
//! arguments) in one block, rather than `extend(drain(..))` or a pop and a
//! push per value: a native call's few arguments are moved with no per-value
//! length updates and no reversal.

use crate::value::Value;

/// Appends `stack[from..]` to `dst`, in order, and shortens `stack` to `from`.
#[inline]
#[allow(unsafe_code)]
pub(crate) fn move_tail(stack: &mut Vec<Value>, from: usize, dst: &mut Vec<Value>) {
    let len = stack.len();
    if from >= len {
        return;
    }
    let n = len - from;
    dst.reserve(n);
    let start = dst.len();
    // SAFETY: `from < len`, so `stack[from..len]` are `n` initialized values;
    // after `reserve`, `dst` has room for `n` more past `start`. The two
    // vectors are distinct (two `&mut`), so the ranges cannot overlap. The
    // source's length is cut to `from` with the copy, so each moved value is
    // owned by `dst` alone (a bitwise move, as `pop` and `push` would make).
    unsafe {
        let src = stack.as_ptr().add(from);
        let out = dst.as_mut_ptr().add(start);
        for i in 0..n {
            out.add(i).write(src.add(i).read());
        }
        stack.set_len(from);
        dst.set_len(start + n);
    }
}
