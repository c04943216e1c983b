//! `_Precedence` of `Lib/ast.py`: binding strength of each expression form.

/// A precedence level; higher binds tighter.
pub(super) type Prec = u8;

pub(super) const NAMED_EXPR: Prec = 1;
pub(super) const TUPLE: Prec = 2;
pub(super) const YIELD: Prec = 3;
pub(super) const TEST: Prec = 4;
pub(super) const OR: Prec = 5;
pub(super) const AND: Prec = 6;
pub(super) const NOT: Prec = 7;
pub(super) const CMP: Prec = 8;
pub(super) const EXPR: Prec = 9;
pub(super) const BOR: Prec = EXPR;
pub(super) const BXOR: Prec = 10;
pub(super) const BAND: Prec = 11;
pub(super) const SHIFT: Prec = 12;
pub(super) const ARITH: Prec = 13;
pub(super) const TERM: Prec = 14;
pub(super) const FACTOR: Prec = 15;
pub(super) const POWER: Prec = 16;
pub(super) const AWAIT: Prec = 17;
pub(super) const ATOM: Prec = 18;

/// `_Precedence.next()`: one level tighter, saturating at `ATOM`.
pub(super) const fn next(p: Prec) -> Prec {
    if p >= ATOM {
        ATOM
    } else {
        p + 1
    }
}

/// Precedence of a binary operator.
pub(super) const fn of_binop(op: crate::Operator) -> Prec {
    use crate::Operator::{
        Add, BitAnd, BitOr, BitXor, Div, FloorDiv, LShift, MatMult, Mod, Mult, Pow, RShift, Sub,
    };
    match op {
        Add | Sub => ARITH,
        Mult | MatMult | Div | Mod | FloorDiv => TERM,
        LShift | RShift => SHIFT,
        BitOr => BOR,
        BitXor => BXOR,
        BitAnd => BAND,
        Pow => POWER,
    }
}
