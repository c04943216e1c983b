//! Moving the top of the value stack into another vector (native-call
//! arguments, a suspending generator's frame) without `extend(drain(..))`,
//! whose per-value cost is several times that of a pop and a push on the
//! handful of values these moves carry.

use crate::value::Value;

/// Appends `stack[from..]` to `dst`, in order, and shortens `stack` to `from`.
#[inline]
pub(crate) fn move_tail(stack: &mut Vec<Value>, from: usize, dst: &mut Vec<Value>) {
    let n = stack.len().saturating_sub(from);
    if n == 0 {
        return;
    }
    let start = dst.len();
    dst.reserve(n);
    // Popping moves each value out without leaving a slot to drop; the moved
    // run is then put back in order.
    for _ in 0..n {
        if let Some(v) = stack.pop() {
            dst.push(v);
        }
    }
    if let Some(moved) = dst.get_mut(start..) {
        moved.reverse();
    }
}
