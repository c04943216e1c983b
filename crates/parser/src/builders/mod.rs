//! The grammar's actions: node construction and the checks CPython's
//! grammar makes while building (targets, arguments, parameters).

mod args;
mod chains;
mod numbers;
mod strings;
mod targets;
mod type_comments;

use pith_ast::{
    CmpOp, Comprehension, Constant, ConstantKind, Expr, ExprAttribute, ExprBinOp, ExprCompare,
    ExprConstant, ExprContext, ExprDict, ExprGeneratorExp, ExprName, ExprNamedExpr, ExprTuple,
    ExprUnaryOp, Identifier, Operator, Pattern, PatternMatchAs, PatternMatchClass,
    PatternMatchMapping, PatternMatchStar, Ranged, Stmt, StmtFor, StmtIf, StmtTry, TextRange,
    UnaryOp,
};

use crate::error::SyntaxErr;

pub(crate) use args::{call, call_args, parameters, ArgItem, ParamItem};
pub(crate) use chains::{bin_chain, bool_chain, BinTail, BoolTail};
pub(crate) use numbers::number;
pub(crate) use strings::{string_parts, strings, StrPart};
pub(crate) use targets::{
    ann_assign, assign, aug_assign, delete, expr_name, to_store, yield_assign,
};
pub(crate) use type_comments::{
    double_type_comments, func_def, typed_parameters, with_type_comment, FuncHead, TypedItem,
};

type Res<T> = Result<T, SyntaxErr>;

/// An identifier, NFKC-normalized as CPython normalizes non-ASCII names.
pub(crate) fn identifier(l: u32, r: u32, text: &str) -> Identifier {
    Identifier::new(normalize(text), TextRange::new(l, r))
}

fn normalize(text: &str) -> Box<str> {
    if text.is_ascii() {
        text.into()
    } else {
        use unicode_normalization::UnicodeNormalization;
        text.nfkc().collect::<String>().into_boxed_str()
    }
}

pub(crate) fn name(l: u32, r: u32, text: &str, ctx: ExprContext) -> Expr {
    Expr::Name(ExprName {
        range: TextRange::new(l, r),
        id: normalize(text),
        ctx,
    })
}

pub(crate) fn dotted_name(l: u32, r: u32, first: &str, rest: &[&str]) -> Identifier {
    if rest.is_empty() {
        return identifier(l, r, first);
    }
    let mut s = String::from(&*normalize(first));
    for part in rest {
        s.push('.');
        s.push_str(&normalize(part));
    }
    Identifier::new(s, TextRange::new(l, r))
}

pub(crate) fn constant(l: u32, r: u32, value: Constant) -> Expr {
    Expr::Constant(ExprConstant {
        range: TextRange::new(l, r),
        value,
        kind: ConstantKind::None,
    })
}

pub(crate) fn tuple(l: u32, r: u32, mut elts: Vec<Expr>, ctx: ExprContext) -> Expr {
    // Lists grow by doubling; the tree keeps them for good.
    elts.shrink_to_fit();
    Expr::Tuple(ExprTuple {
        range: TextRange::new(l, r),
        elts,
        ctx,
    })
}

pub(crate) fn binop(l: u32, r: u32, left: Expr, op: Operator, right: Expr) -> Expr {
    Expr::BinOp(ExprBinOp {
        range: TextRange::new(l, r),
        left: Box::new(left),
        op,
        right: Box::new(right),
    })
}

pub(crate) fn unary(l: u32, r: u32, op: UnaryOp, operand: Expr) -> Expr {
    Expr::UnaryOp(ExprUnaryOp {
        range: TextRange::new(l, r),
        op,
        operand: Box::new(operand),
    })
}

pub(crate) fn compare(l: u32, r: u32, left: Expr, rest: (Vec<CmpOp>, Vec<Expr>)) -> Expr {
    let (ops, comparators) = rest;
    Expr::Compare(ExprCompare {
        range: TextRange::new(l, r),
        left: Box::new(left),
        ops: ops.into(),
        comparators: comparators.into(),
    })
}

pub(crate) fn attribute(l: u32, r: u32, value: Expr, attr: Identifier, ctx: ExprContext) -> Expr {
    Expr::Attribute(ExprAttribute {
        range: TextRange::new(l, r),
        value: Box::new(value),
        attr,
        ctx,
    })
}

pub(crate) fn named_expr(l: u32, r: u32, target: Expr, value: Expr) -> Res<Expr> {
    match target {
        Expr::Name(mut n) => {
            n.ctx = ExprContext::Store;
            Ok(Expr::NamedExpr(ExprNamedExpr {
                range: TextRange::new(l, r),
                target: Box::new(Expr::Name(n)),
                value: Box::new(value),
            }))
        }
        other => {
            let range = other.range();
            Err(SyntaxErr::syntax(
                format!(
                    "cannot use assignment expressions with {}",
                    expr_name(&other)
                ),
                range.start,
                range.end,
            ))
        }
    }
}

pub(crate) fn generator(l: u32, r: u32, elt: Expr, generators: Vec<Comprehension>) -> Expr {
    Expr::GeneratorExp(ExprGeneratorExp {
        range: TextRange::new(l, r),
        elt: Box::new(elt),
        generators,
    })
}

pub(crate) fn comprehension(
    is_async: bool,
    target: Expr,
    iter: Expr,
    ifs: Vec<Expr>,
) -> Res<Comprehension> {
    Ok(Comprehension {
        target: targets::for_target(target)?,
        iter,
        ifs,
        is_async,
    })
}

/// `( ... )` holding expressions: a parenthesized expression or a tuple.
pub(crate) fn paren(l: u32, r: u32, first: Expr, rest: Vec<Expr>, comma: bool) -> Res<Expr> {
    if rest.is_empty() && !comma {
        if let Expr::Starred(s) = &first {
            return Err(SyntaxErr::syntax(
                "cannot use starred expression here",
                s.range.start,
                s.range.end,
            ));
        }
        return Ok(first);
    }
    let mut elts = Vec::with_capacity(rest.len() + 1);
    elts.push(first);
    elts.extend(rest);
    Ok(tuple(l, r, elts, ExprContext::Load))
}

// Boxed by their grammar rules to keep the parser stack small (see STACK_VALUE_BUDGET).
#[allow(clippy::vec_box)]
pub(crate) fn dict(l: u32, r: u32, entries: Vec<Box<(Option<Expr>, Expr)>>) -> Expr {
    let (keys, values) = entries.into_iter().map(|e| *e).unzip();
    Expr::Dict(ExprDict {
        range: TextRange::new(l, r),
        keys,
        values,
    })
}

/// `v` without spare capacity: lists grow by doubling, and the tree keeps
/// them for good.
pub(crate) fn shrunk<T>(mut v: Vec<T>) -> Vec<T> {
    v.shrink_to_fit();
    v
}

/// A block's statements and the end of its last token.
pub(crate) type Blk = (Vec<Stmt>, u32);

// Every value on the LR parser's stack is as large as the largest type a
// grammar symbol produces, and is moved on every reduction (a dozen unit
// reductions per atom of an expression). Types larger than a `Pattern`
// (statements, comprehensions, parameters, argument lists, pairs of
// expressions) are therefore boxed by their grammar rules, which keeps
// these within budget.
const STACK_VALUE_BUDGET: usize = std::mem::size_of::<Pattern>();
const _: () = assert!(std::mem::size_of::<ArgItem>() <= STACK_VALUE_BUDGET);
const _: () = assert!(std::mem::size_of::<TypedItem<'static>>() <= STACK_VALUE_BUDGET);
const _: () = assert!(std::mem::size_of::<(bool, pith_ast::ExceptHandler)>() <= STACK_VALUE_BUDGET);
const _: () = assert!(std::mem::size_of::<(Expr, Option<Identifier>)>() <= STACK_VALUE_BUDGET);
const _: () = assert!(std::mem::size_of::<pith_ast::WithItem>() <= STACK_VALUE_BUDGET);
const _: () = assert!(std::mem::size_of::<pith_ast::Alias>() <= STACK_VALUE_BUDGET);

/// The end of a compound statement: that of its last block.
pub(crate) fn end_of(body: &Blk, orelse: &Option<Blk>) -> u32 {
    orelse.as_ref().map_or(body.1, |o| o.1)
}

// Boxed by their grammar rules to keep the parser stack small (see STACK_VALUE_BUDGET).
#[allow(clippy::vec_box)]
pub(crate) fn if_chain(
    l: u32,
    test: Expr,
    body: Blk,
    elifs: Vec<Box<(u32, Expr, Blk)>>,
    orelse: Option<Blk>,
) -> Stmt {
    let mut tail = orelse;
    for elif in elifs.into_iter().rev() {
        let (el, etest, ebody) = *elif;
        let r = end_of(&ebody, &tail);
        tail = Some((
            vec![Stmt::If(StmtIf {
                range: TextRange::new(el, r),
                test: Box::new(etest),
                body: ebody.0,
                orelse: tail.map(|t| t.0).unwrap_or_default(),
            })],
            r,
        ));
    }
    let r = end_of(&body, &tail);
    Stmt::If(StmtIf {
        range: TextRange::new(l, r),
        test: Box::new(test),
        body: body.0,
        orelse: tail.map(|t| t.0).unwrap_or_default(),
    })
}

pub(crate) fn for_stmt(
    l: u32,
    is_async: bool,
    target: Expr,
    iter: Expr,
    body: Blk,
    orelse: Option<Blk>,
) -> Res<Stmt> {
    let r = end_of(&body, &orelse);
    let node = StmtFor {
        range: TextRange::new(l, r),
        target: Box::new(targets::for_target(target)?),
        iter: Box::new(iter),
        body: body.0,
        orelse: orelse.map(|o| o.0).unwrap_or_default(),
        type_comment: None,
    };
    Ok(if is_async {
        Stmt::AsyncFor(node)
    } else {
        Stmt::For(node)
    })
}

pub(crate) fn try_stmt(
    l: u32,
    body: Blk,
    handlers: Vec<(bool, pith_ast::ExceptHandler)>,
    orelse: Option<Blk>,
    finalbody: Option<Blk>,
) -> Res<Stmt> {
    let star = handlers.first().is_some_and(|h| h.0);
    if let Some((is_star, h)) = handlers.iter().find(|h| h.0 != star) {
        // CPython points at `except` (and the `*` of `except*`).
        let s = h.range.start;
        let e = if *is_star { s + 7 } else { s + 6 };
        return Err(SyntaxErr::syntax(
            "cannot have both 'except' and 'except*' on the same 'try'",
            s,
            e,
        ));
    }
    let handlers: Vec<_> = handlers.into_iter().map(|h| h.1).collect();
    let r = if let Some(f) = &finalbody {
        f.1
    } else if let Some(o) = &orelse {
        o.1
    } else if let Some(h) = handlers.last() {
        h.range.end
    } else {
        body.1
    };
    let node = StmtTry {
        range: TextRange::new(l, r),
        body: body.0,
        handlers,
        orelse: orelse.map(|o| o.0).unwrap_or_default(),
        finalbody: finalbody.map(|f| f.0).unwrap_or_default(),
    };
    Ok(if star {
        Stmt::TryStar(node)
    } else {
        Stmt::Try(node)
    })
}

pub(crate) fn decorate(decorators: Vec<Expr>, mut stmt: Stmt) -> Stmt {
    match &mut stmt {
        Stmt::FunctionDef(f) | Stmt::AsyncFunctionDef(f) => f.decorator_list = decorators,
        Stmt::ClassDef(c) => c.decorator_list = decorators,
        _ => {}
    }
    stmt
}

// ---------------------------------------------------------------- patterns

pub(crate) fn capture_pattern(l: u32, r: u32, name: Identifier) -> Pattern {
    let name = if &*name.id == "_" { None } else { Some(name) };
    Pattern::MatchAs(PatternMatchAs {
        range: TextRange::new(l, r),
        pattern: None,
        name,
    })
}

/// The patterns of a sequence or `|` alternative, out of the boxes they
/// travel in on the parser's stack.
// The boxes are what the grammar's pattern rules produce (kept small on
// the parser's stack), not a choice of this function.
#[allow(clippy::vec_box, clippy::boxed_local)]
pub(crate) fn unbox_patterns(first: Box<Pattern>, rest: Vec<Box<Pattern>>) -> Vec<Pattern> {
    let mut patterns = Vec::with_capacity(1 + rest.len());
    patterns.push(*first);
    patterns.extend(rest.into_iter().map(|p| *p));
    patterns
}

pub(crate) fn star_pattern(l: u32, r: u32, name: Identifier) -> Pattern {
    let name = if &*name.id == "_" { None } else { Some(name) };
    Pattern::MatchStar(PatternMatchStar {
        range: TextRange::new(l, r),
        name,
    })
}

pub(crate) fn as_pattern(l: u32, r: u32, pattern: Pattern, name: Identifier) -> Res<Pattern> {
    if &*name.id == "_" {
        return Err(SyntaxErr::syntax(
            "cannot use '_' as a target",
            name.range.start,
            name.range.end,
        ));
    }
    Ok(Pattern::MatchAs(PatternMatchAs {
        range: TextRange::new(l, r),
        pattern: Some(Box::new(pattern)),
        name: Some(name),
    }))
}

/// `complex_number` of python.gram: `real ('+' | '-') imag`, where
/// `_PyPegen_ensure_real` checks the left number first, then
/// `_PyPegen_ensure_imaginary` the right one.
pub(crate) fn complex_pattern(l: u32, r: u32, left: Expr, op: Operator, right: Expr) -> Res<Expr> {
    let is_imag = |e: &Expr| matches!(e, Expr::Constant(c) if matches!(c.value, pith_ast::Constant::Complex { .. }));
    let number = match &left {
        Expr::UnaryOp(u) => &*u.operand,
        other => other,
    };
    if is_imag(number) {
        let range = number.range();
        return Err(SyntaxErr::syntax(
            "real number required in complex literal",
            range.start,
            range.end,
        ));
    }
    if !is_imag(&right) {
        let range = right.range();
        return Err(SyntaxErr::syntax(
            "imaginary number required in complex literal",
            range.start,
            range.end,
        ));
    }
    Ok(binop(l, r, left, op, right))
}

// Boxed by their grammar rules to keep the parser stack small (see STACK_VALUE_BUDGET).
#[allow(clippy::vec_box)]
pub(crate) fn mapping_pattern(
    l: u32,
    r: u32,
    items: Vec<Box<(Expr, Pattern)>>,
    rest: Option<Identifier>,
) -> Res<Pattern> {
    // `double_star_pattern` takes a `pattern_capture_target`, which is never `_`.
    if let Some(n) = rest.as_ref().filter(|n| &*n.id == "_") {
        return Err(SyntaxErr::syntax(
            "invalid syntax",
            n.range.start,
            n.range.end,
        ));
    }
    let (keys, patterns) = items.into_iter().map(|i| *i).unzip();
    Ok(Pattern::MatchMapping(PatternMatchMapping {
        range: TextRange::new(l, r),
        keys,
        patterns,
        rest,
    }))
}

// Boxed by their grammar rules to keep the parser stack small (see STACK_VALUE_BUDGET).
#[allow(clippy::vec_box)]
pub(crate) fn class_pattern(
    l: u32,
    r: u32,
    cls: Expr,
    args: Vec<Box<(Option<Identifier>, Pattern)>>,
) -> Res<Pattern> {
    let mut patterns = Vec::new();
    let mut kwd_attrs = Vec::new();
    let mut kwd_patterns = Vec::new();
    for arg in args {
        let (name, p) = *arg;
        match name {
            Some(n) => {
                kwd_attrs.push(n);
                kwd_patterns.push(p);
            }
            None => {
                if !kwd_attrs.is_empty() {
                    let range = p.range();
                    return Err(SyntaxErr::syntax(
                        "positional patterns follow keyword patterns",
                        range.start,
                        range.end,
                    ));
                }
                patterns.push(p);
            }
        }
    }
    Ok(Pattern::MatchClass(PatternMatchClass {
        range: TextRange::new(l, r),
        cls: Box::new(cls),
        patterns,
        kwd_attrs,
        kwd_patterns,
    }))
}
