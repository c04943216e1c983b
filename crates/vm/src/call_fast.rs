//! The call path's and small-int operations' fast forms: superinstructions
//! that read a local and an int constant and operate on them without the
//! value stack, and the cheap teardown of a returning frame.
//!
//! The fused forms follow `code.rs`'s rule: the fused instruction replaces
//! the first of its group and the originals after it stay in place, so a
//! jump into the group, the traced loop (which runs the first one unfused)
//! and the slow path all find the ordinary instructions. The slow path of a
//! fused form pushes the two operands and continues at the original
//! operator, which raises with its own position and handler.

use pith_bytecode::Opcode;

use crate::code::Ins;
use crate::ops::nb;
use crate::value::Value;
use crate::vm::Vm;

/// `LOAD_FAST x; LOAD_CONST c; BINARY_OP op` with `c` an int: `arg` is
/// `LOAD_FAST__LOAD_CONST`'s (`x | c << 16`), the operator is read from the
/// `BINARY_OP` two instructions on. Reuses the number of CPython's
/// `BINARY_OP_SUBTRACT_INT`, a specialization the VM does not otherwise use.
pub(crate) const LOCAL_CONST_BINOP: Opcode = Opcode::BinaryOpSubtractInt;

/// `LOAD_FAST x; LOAD_CONST c; COMPARE_OP; POP_JUMP_*` with `c` an int: `arg`
/// as [`LOCAL_CONST_BINOP`]'s, the comparison and the jump are read from the
/// fused `COMPARE_OP_INT_JUMP` two instructions on. Reuses the number of
/// CPython's `COMPARE_OP_STR_JUMP`, which the VM does not otherwise use.
pub(crate) const LOCAL_CONST_CMP_JUMP: Opcode = Opcode::CompareOpStrJump;

/// The builtins version a `LOAD_GLOBAL` cache entry holds when the name was
/// found in the module's globals (no builtins version is ever this high).
pub(crate) const IN_GLOBALS: u64 = u64::MAX;

/// Second fusion pass, after `code.rs`'s pairs: a `LOAD_FAST__LOAD_CONST` of
/// an int constant followed by a `BINARY_OP` or a `COMPARE_OP_INT_JUMP`
/// becomes one of the forms above.
pub(crate) fn fuse_local_const_ops(instrs: &mut [Ins], consts: &[Value]) {
    for i in 0..instrs.len().saturating_sub(2) {
        let a = instrs[i];
        if a.op != Opcode::LoadFastLoadConst {
            continue;
        }
        if !matches!(consts.get((a.arg >> 16) as usize), Some(Value::Int(_))) {
            continue;
        }
        let op = match instrs[i + 2].op {
            Opcode::BinaryOp => LOCAL_CONST_BINOP,
            Opcode::CompareOpIntJump => LOCAL_CONST_CMP_JUMP,
            _ => continue,
        };
        instrs[i] = Ins { op, arg: a.arg };
    }
}

/// A clone for a value that is usually a function (a global being called):
/// the function's case inline, without `Value::clone`'s full match.
#[inline(always)]
pub(crate) fn clone_callable(v: &Value) -> Value {
    match v {
        Value::Function(f) => Value::Function(f.clone()),
        other => other.fast_clone(),
    }
}

/// A clone for a value that is usually a cell (a closure's free variable).
#[inline(always)]
pub(crate) fn clone_cell(v: &Value) -> Value {
    match v {
        Value::Cell(c) => Value::Cell(c.clone()),
        other => other.clone(),
    }
}

/// The int result of a decoded `BINARY_OP` argument (operator in bits 0-7, the
/// operator without its in-place flag in bits 8 and up) when it fits in an
/// `i64`; `None` sends the operation down the general path.
#[inline(always)]
pub(crate) fn int_binop(arg: u32, x: i64, y: i64) -> Option<i64> {
    match arg >> 8 {
        nb::ADD => x.checked_add(y),
        nb::SUBTRACT => x.checked_sub(y),
        nb::MULTIPLY => x.checked_mul(y),
        base => crate::fast_ops::int_op(base, x, y),
    }
}

/// `x OP y` for a `COMPARE_OP` argument (`<`, `<=`, `==`, `!=`, `>`, `>=`).
#[inline(always)]
pub(crate) fn int_compare(op: u32, x: i64, y: i64) -> bool {
    match op & 7 {
        0 => x < y,
        1 => x <= y,
        2 => x == y,
        3 => x != y,
        4 => x > y,
        _ => x >= y,
    }
}

/// Ends a plain call: frees the frame's values above `ret_to` in
/// [`clear_frame_values`]'s order and leaves `v` at `ret_to`, in the slot of
/// the callable (or its `NULL`), so the result needs no push.
#[inline(always)]
pub(crate) fn return_into(stack: &mut Vec<Value>, ret_to: usize, v: Value) {
    match stack.get_mut(ret_to) {
        Some(slot) => {
            std::mem::replace(slot, v).release();
            clear_frame_values(stack, ret_to + 1);
        }
        None => stack.push(v),
    }
}

/// Frees a returning frame's values (callable, locals, leftover stack) above
/// `ret_to`, first to last as CPython clears a frame, with no drop call for
/// the scalars among them.
#[inline(always)]
#[allow(unsafe_code)]
pub(crate) fn clear_frame_values(stack: &mut Vec<Value>, ret_to: usize) {
    let Some(frame) = stack.get_mut(ret_to..) else {
        return;
    };
    for v in frame {
        if !v.is_scalar() {
            match std::mem::take(v) {
                // The callable of a Python call, on every return: its
                // count drops inline, without the generic drop's call.
                Value::Function(f) => drop(f),
                other => other.release(),
            }
        }
    }
    // Only scalars are left, which own nothing: the length is cut in one
    // step (`truncate` runs drop glue per value, a pop loop tests each).
    // SAFETY: `ret_to <= len` (the slice above existed), and every value
    // above it is now a scalar, for which forgetting is what dropping does.
    unsafe { stack.set_len(ret_to) }
}

/// An int or float read out of a container as its payload word, so that the
/// caller writes it into a stack slot word by word (see `stack_words.rs`).
#[derive(Clone, Copy)]
pub(crate) enum Word {
    /// An int.
    Int(i64),
    /// A float.
    Float(f64),
}

/// `BINARY_SUBSCR` on `list[int]` whose item is an int or float: the item,
/// read with the operands in place. `None` sends every other case (other
/// items, an index out of range, other operands) to the general path.
#[inline(always)]
pub(crate) fn list_item_word(stack: &[Value]) -> Option<Word> {
    let [.., Value::List(l), Value::Int(i)] = stack else {
        return None;
    };
    let l = l.try_borrow().ok()?;
    let len = l.len() as i64;
    let i = if *i < 0 { *i + len } else { *i };
    match l.get(usize::try_from(i).ok()?)? {
        Value::Int(x) => Some(Word::Int(*x)),
        Value::Float(x) => Some(Word::Float(*x)),
        _ => None,
    }
}

/// `RETURN_VALUE` of an int or float from a plain frame (not a generator's,
/// not one a Rust caller waits on, not an `__init__` the class call
/// completes): the result is written word by word into the callable's slot
/// and the frame is popped. `false`: nothing was done, the general path runs.
#[inline(always)]
pub(crate) fn return_word(vm: &mut Vm, ip: usize) -> bool {
    let word = match vm.stack.last() {
        Some(&Value::Int(x)) => Word::Int(x),
        Some(&Value::Float(x)) => Word::Float(x),
        _ => return false,
    };
    let n = vm.frames.len();
    match vm.frames.last() {
        Some(f) if !f.entry && f.generator.is_none() => {}
        _ => return false,
    }
    if matches!(vm.return_hooks.last(), Some((depth, _)) if *depth + 1 == n) {
        return false;
    }
    vm.retire_frame_object(n - 1, Some(ip));
    let Some(f) = vm.frames.pop() else {
        return false;
    };
    let v = match word {
        Word::Int(x) => Value::Int(x),
        Word::Float(x) => Value::Float(x),
    };
    crate::stack_words::pop_scalar(&mut vm.stack);
    return_into(&mut vm.stack, f.ret_to, v);
    true
}
