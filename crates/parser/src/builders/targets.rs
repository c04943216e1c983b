//! Assignment, deletion and loop targets: the context change from `Load`,
//! and CPython's messages for expressions that cannot be targets.

use pith_ast::{
    Constant, Expr, ExprContext, Operator, Ranged, Stmt, StmtAnnAssign, StmtAssign, StmtAugAssign,
    StmtDelete, TextRange,
};

use super::Res;
use crate::error::SyntaxErr;

/// CPython's `_PyPegen_get_expr_name`: how messages name an expression.
pub(crate) fn expr_name(e: &Expr) -> &'static str {
    match e {
        Expr::Attribute(_) => "attribute",
        Expr::Subscript(_) => "subscript",
        Expr::Starred(_) => "starred",
        Expr::Name(_) => "name",
        Expr::List(_) => "list",
        Expr::Tuple(_) => "tuple",
        Expr::Lambda(_) => "lambda",
        Expr::Call(_) => "function call",
        Expr::BoolOp(_) | Expr::BinOp(_) | Expr::UnaryOp(_) => "expression",
        Expr::GeneratorExp(_) => "generator expression",
        Expr::Yield(_) | Expr::YieldFrom(_) => "yield expression",
        Expr::Await(_) => "await expression",
        Expr::ListComp(_) => "list comprehension",
        Expr::SetComp(_) => "set comprehension",
        Expr::DictComp(_) => "dict comprehension",
        Expr::Dict(_) => "dict literal",
        Expr::Set(_) => "set display",
        Expr::JoinedStr(_) | Expr::FormattedValue(_) => "f-string expression",
        Expr::Constant(c) => match c.value {
            Constant::None => "None",
            Constant::Bool(true) => "True",
            Constant::Bool(false) => "False",
            Constant::Ellipsis => "ellipsis",
            _ => "literal",
        },
        Expr::Compare(_) => "comparison",
        Expr::IfExp(_) => "conditional expression",
        Expr::NamedExpr(_) => "named expression",
        Expr::Slice(_) => "slice",
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Targets {
    Star,
    For,
    Del,
}

/// CPython's `_PyPegen_get_invalid_target`: the innermost part of `e`
/// that cannot be a target.
fn invalid_target(e: &Expr, kind: Targets) -> Option<&Expr> {
    match e {
        Expr::List(l) => l.elts.iter().find_map(|x| invalid_target(x, kind)),
        Expr::Tuple(t) => t.elts.iter().find_map(|x| invalid_target(x, kind)),
        Expr::Starred(s) => {
            if kind == Targets::Del {
                Some(e)
            } else {
                invalid_target(&s.value, kind)
            }
        }
        Expr::Compare(c) => {
            if kind == Targets::For {
                if c.ops.first() == Some(&pith_ast::CmpOp::In) {
                    return invalid_target(&c.left, kind);
                }
                return None;
            }
            Some(e)
        }
        Expr::Name(_) | Expr::Subscript(_) | Expr::Attribute(_) => None,
        _ => Some(e),
    }
}

fn target_error(e: &Expr, kind: Targets) -> SyntaxErr {
    match invalid_target(e, kind) {
        Some(bad) => {
            let verb = if kind == Targets::Del {
                "cannot delete"
            } else {
                "cannot assign to"
            };
            let r = bad.range();
            SyntaxErr::syntax(format!("{verb} {}", expr_name(bad)), r.start, r.end)
        }
        None => {
            let r = e.range();
            SyntaxErr::syntax("invalid syntax", r.start, r.end)
        }
    }
}

fn set_ctx(e: &mut Expr, ctx: ExprContext) -> bool {
    match e {
        Expr::Name(n) => n.ctx = ctx,
        Expr::Attribute(a) => a.ctx = ctx,
        Expr::Subscript(s) => s.ctx = ctx,
        Expr::Starred(s) => {
            if ctx == ExprContext::Del {
                return false;
            }
            s.ctx = ctx;
            return set_ctx(&mut s.value, ctx);
        }
        Expr::List(l) => {
            l.ctx = ctx;
            return l.elts.iter_mut().all(|x| set_ctx(x, ctx));
        }
        Expr::Tuple(t) => {
            t.ctx = ctx;
            return t.elts.iter_mut().all(|x| set_ctx(x, ctx));
        }
        _ => return false,
    }
    true
}

/// `e` as an assignment target (`star_targets`).
pub(crate) fn to_store(mut e: Expr) -> Res<Expr> {
    if set_ctx(&mut e, ExprContext::Store) {
        Ok(e)
    } else {
        Err(target_error(&e, Targets::Star))
    }
}

pub(crate) fn for_target(mut e: Expr) -> Res<Expr> {
    if set_ctx(&mut e, ExprContext::Store) {
        Ok(e)
    } else {
        Err(target_error(&e, Targets::For))
    }
}

pub(crate) fn delete(l: u32, r: u32, targets: Vec<Expr>) -> Res<Stmt> {
    let mut out = Vec::with_capacity(targets.len());
    for mut t in targets {
        if !set_ctx(&mut t, ExprContext::Del) {
            return Err(target_error(&t, Targets::Del));
        }
        out.push(t);
    }
    Ok(Stmt::Delete(StmtDelete {
        range: TextRange::new(l, r),
        targets: out,
    }))
}

/// CPython's `invalid_named_expression`, which its `invalid_assignment`
/// meets when it re-reads a failed assignment `first = next ...` as a
/// tuple of expressions: the first expression, or the last item of an
/// unparenthesized tuple `first`, followed by `= operand`, where the
/// operand (the leftmost `bitwise_or` of `next`) is not followed by `=`
/// (`next_is_value`: `next` is the assigned value, so nothing follows it).
fn comparison_hint(first: &Expr, next: &Expr, next_is_value: bool) -> Option<SyntaxErr> {
    let operand = leftmost_bitwise_or(next)?;
    if operand == next.range() && !next_is_value {
        return None;
    }
    let left = match first {
        Expr::Tuple(t) if unparenthesized(t) => {
            let last = t.elts.last()?;
            if last.range().end != t.range.end {
                return None; // a trailing comma
            }
            last
        }
        other => other,
    };
    if let Expr::Name(n) = left {
        return Some(SyntaxErr::syntax(
            "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
            n.range.start,
            operand.end,
        ));
    }
    let is_singleton = matches!(left, Expr::Constant(c)
        if matches!(c.value, Constant::None | Constant::Bool(_)));
    // A yield on the left of an assignment's `=` is parenthesized, a group.
    let group = matches!(left, Expr::Yield(_) | Expr::YieldFrom(_));
    if !(is_bitwise_or(left) || group) || is_singleton || starts_with_display(left) {
        return None;
    }
    let range = left.range();
    Some(SyntaxErr::syntax(
        format!(
            "cannot assign to {} here. Maybe you meant '==' instead of '='?",
            expr_name(left)
        ),
        range.start,
        range.end,
    ))
}

fn unparenthesized(t: &pith_ast::ExprTuple) -> bool {
    t.elts
        .first()
        .is_some_and(|f| f.range().start == t.range.start)
}

/// Whether an expression is a `bitwise_or` of CPython's grammar (an
/// operand of a comparison) when written without parentheses.
fn is_bitwise_or(x: &Expr) -> bool {
    !matches!(
        x,
        Expr::Compare(_)
            | Expr::BoolOp(_)
            | Expr::Lambda(_)
            | Expr::IfExp(_)
            | Expr::Starred(_)
            | Expr::Yield(_)
            | Expr::YieldFrom(_)
            | Expr::Tuple(_)
            | Expr::GeneratorExp(_)
    ) && !matches!(x, Expr::UnaryOp(u) if u.op == pith_ast::UnaryOp::Not)
}

/// The range of the first `bitwise_or` CPython reads at the start of `e`.
fn leftmost_bitwise_or(e: &Expr) -> Option<TextRange> {
    match e {
        Expr::Tuple(t) if unparenthesized(t) => leftmost_bitwise_or(t.elts.first()?),
        Expr::Tuple(t) => Some(t.range),
        Expr::Compare(c) => Some(c.left.range()),
        Expr::BoolOp(b) => leftmost_bitwise_or(b.values.first()?),
        Expr::IfExp(i) => leftmost_bitwise_or(&i.body),
        Expr::GeneratorExp(g) => Some(g.range),
        other if is_bitwise_or(other) => Some(other.range()),
        _ => None,
    }
}

fn starts_with_display(e: &Expr) -> bool {
    match e {
        Expr::List(_) | Expr::Tuple(_) | Expr::GeneratorExp(_) => true,
        Expr::Attribute(a) => starts_with_display(&a.value),
        Expr::Subscript(s) => starts_with_display(&s.value),
        Expr::Call(c) => starts_with_display(&c.func),
        Expr::BinOp(b) => starts_with_display(&b.left),
        _ => false,
    }
}

pub(crate) fn assign(l: u32, r: u32, first: Expr, mut rest: Vec<Expr>) -> Res<Stmt> {
    let Some(value) = rest.pop() else {
        return Err(SyntaxErr::syntax("invalid syntax", l, r));
    };
    // The targets are `first` and then `rest`, converted in `rest`'s vector
    // (it had room for the value): one allocation per assignment. A yield
    // here as `first` is parenthesized (a bare one is `yield_assign`'s), so
    // it is an invalid target like any group.
    if std::iter::once(&first)
        .chain(&rest)
        .any(|t| invalid_target(t, Targets::Star).is_some())
    {
        let next = rest.first().unwrap_or(&value);
        if let Some(err) = comparison_hint(&first, next, rest.is_empty()) {
            return Err(err);
        }
    }
    rest.insert(0, first);
    let targets = rest
        .into_iter()
        .enumerate()
        .map(|(i, t)| {
            if i > 0 && matches!(t, Expr::Yield(_) | Expr::YieldFrom(_)) {
                let range = t.range();
                return Err(SyntaxErr::syntax(
                    "assignment to yield expression not possible",
                    range.start,
                    range.end,
                ));
            }
            to_store(t)
        })
        .collect::<Res<Vec<Expr>>>()?;
    Ok(Stmt::Assign(StmtAssign {
        range: TextRange::new(l, r),
        targets,
        value: Box::new(value),
        type_comment: None,
    }))
}

/// `yield x = ...` with a bare yield expression as the first target: the
/// grammar's `invalid_assignment` alternative for `yield_expr '='`.
pub(crate) fn yield_assign(first: Expr) -> SyntaxErr {
    let range = first.range();
    SyntaxErr::syntax(
        "assignment to yield expression not possible",
        range.start,
        range.end,
    )
}

pub(crate) fn aug_assign(l: u32, r: u32, target: Expr, op: Operator, value: Expr) -> Res<Stmt> {
    let target = match target {
        Expr::Name(_) | Expr::Attribute(_) | Expr::Subscript(_) => {
            let mut t = target;
            set_ctx(&mut t, ExprContext::Store);
            t
        }
        other => {
            let range = other.range();
            return Err(SyntaxErr::syntax(
                format!(
                    "'{}' is an illegal expression for augmented assignment",
                    expr_name(&other)
                ),
                range.start,
                range.end,
            ));
        }
    };
    Ok(Stmt::AugAssign(StmtAugAssign {
        range: TextRange::new(l, r),
        target: Box::new(target),
        op,
        value: Box::new(value),
    }))
}

pub(crate) fn ann_assign(
    l: u32,
    r: u32,
    target: Expr,
    annotation: Expr,
    value: Option<Expr>,
) -> Res<Stmt> {
    let parenthesized = match &target {
        Expr::Tuple(t) => t
            .elts
            .first()
            .map_or(true, |f| f.range().start != t.range.start),
        other => other.range().start != l,
    };
    let target = match target {
        Expr::Name(_) | Expr::Attribute(_) | Expr::Subscript(_) => {
            let mut t = target;
            set_ctx(&mut t, ExprContext::Store);
            t
        }
        Expr::Tuple(t) if !parenthesized => {
            let range = t.elts.first().map_or(t.range, Ranged::range);
            return Err(SyntaxErr::syntax(
                "only single target (not tuple) can be annotated",
                range.start,
                range.end,
            ));
        }
        other @ (Expr::Tuple(_) | Expr::List(_)) => {
            let range = other.range();
            return Err(SyntaxErr::syntax(
                format!(
                    "only single target (not {}) can be annotated",
                    expr_name(&other)
                ),
                range.start,
                range.end,
            ));
        }
        other => {
            let range = other.range();
            return Err(SyntaxErr::syntax(
                "illegal target for annotation",
                range.start,
                range.end,
            ));
        }
    };
    let simple = matches!(target, Expr::Name(_)) && !parenthesized;
    Ok(Stmt::AnnAssign(StmtAnnAssign {
        range: TextRange::new(l, r),
        target: Box::new(target),
        annotation: Box::new(annotation),
        value: value.map(Box::new),
        simple,
    }))
}
