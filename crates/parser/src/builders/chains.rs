//! Operator chains parsed flat and grouped here.
//!
//! The grammar reads `a + b * c | d` as an operand followed by a list of
//! (operator, operand) pairs, and `a and b or c` likewise, instead of one
//! nonterminal per precedence level: every expression then climbs a few
//! nonterminals instead of fifteen on its way from an atom to a test, which
//! is most of the parser's reductions. The trees and ranges built here are
//! the ones the level-per-rule grammar (and CPython's) gives: a node spans
//! from the first token of its left operand (an opening parenthesis
//! included) to the last token of its right operand.

use pith_ast::{BoolOp, Expr, ExprBoolOp, Operator, TextRange};

/// An operand with the byte range of its tokens (which includes any
/// parentheses around it, unlike the range of the node itself).
pub(crate) type Spanned = (u32, Expr, u32);

/// A binary operator and the operand after it, with that operand's range.
pub(crate) type BinTail = (Operator, u32, Expr, u32);

/// A boolean operator (`true` for `and`) and the operand after it.
pub(crate) type BoolTail = (bool, u32, Expr, u32);

/// Binding strength of the binary operators below comparisons
/// (`**` is right-associative and parsed by the grammar itself).
fn precedence(op: Operator) -> u8 {
    match op {
        Operator::BitOr => 1,
        Operator::BitXor => 2,
        Operator::BitAnd => 3,
        Operator::LShift | Operator::RShift => 4,
        Operator::Add | Operator::Sub => 5,
        Operator::Mult | Operator::Div | Operator::FloorDiv | Operator::Mod | Operator::MatMult => {
            6
        }
        Operator::Pow => 7,
    }
}

/// `first op operand op operand ...` grouped by precedence, all operators
/// left-associative.
pub(crate) fn bin_chain(l: u32, first: Expr, r: u32, rest: Vec<BinTail>) -> Expr {
    let mut tail = rest.into_iter().peekable();
    climb((l, first, r), 0, &mut tail).1
}

/// Precedence climbing: extends `lhs` with the operators of at least
/// `min` strength. Recursion is bounded by the number of levels.
fn climb(
    mut lhs: Spanned,
    min: u8,
    tail: &mut std::iter::Peekable<std::vec::IntoIter<BinTail>>,
) -> Spanned {
    while let Some(&(op, ..)) = tail.peek() {
        let prec = precedence(op);
        if prec < min {
            break;
        }
        let Some((op, l, e, r)) = tail.next() else {
            break;
        };
        let mut rhs = (l, e, r);
        while tail.peek().is_some_and(|t| precedence(t.0) > prec) {
            rhs = climb(rhs, prec + 1, tail);
        }
        let (ll, left, _) = lhs;
        let (_, right, rr) = rhs;
        lhs = (ll, super::binop(ll, rr, left, op, right), rr);
    }
    lhs
}

/// `first and/or operand ...` as CPython's `disjunction` of
/// `conjunction`s: `and` binds tighter, each level is one flat `BoolOp`.
pub(crate) fn bool_chain(l: u32, first: Expr, r: u32, rest: Vec<BoolTail>) -> Expr {
    let mut ors: Vec<Expr> = Vec::new();
    // The conjunction being read: its start, end and operands.
    let mut group: (u32, u32, Vec<Expr>) = (l, r, Vec::new());
    let mut pending = first;
    for (is_and, ol, e, or) in rest {
        if is_and {
            group.2.push(pending);
        } else {
            ors.push(close_and(&mut group, pending));
            group.0 = ol;
        }
        group.1 = or;
        pending = e;
    }
    let last_end = group.1;
    let last = close_and(&mut group, pending);
    if ors.is_empty() {
        return last;
    }
    ors.push(last);
    bool_op(l, last_end, BoolOp::Or, ors)
}

/// The conjunction ending with `last`, emptied for the next one.
fn close_and(group: &mut (u32, u32, Vec<Expr>), last: Expr) -> Expr {
    if group.2.is_empty() {
        return last;
    }
    let mut values = std::mem::take(&mut group.2);
    values.push(last);
    bool_op(group.0, group.1, BoolOp::And, values)
}

fn bool_op(l: u32, r: u32, op: BoolOp, mut values: Vec<Expr>) -> Expr {
    values.shrink_to_fit();
    Expr::BoolOp(ExprBoolOp {
        range: TextRange::new(l, r),
        op,
        values,
    })
}
