//! CPython 3.11's AST validator (`Python/ast.c`, `_PyAST_Validate`) for trees
//! built from objects (`compile(tree, ...)`): expression contexts, empty
//! bodies, argument lists, constants and match patterns, with CPython's
//! messages.
//!
//! Trees from the parser never need it (CPython validates only object-built
//! trees), so the compiler's source path does not call it. Node positions and
//! `None` list items are checked while the objects are read (they do not
//! survive into the tree); the embedder's reader does that.

use crate::constant::Constant;
use crate::nodes::{Arg, Arguments, Comprehension, Keyword, Mod};
use crate::operators::{ExprContext, Operator, UnaryOp};
use crate::pattern::Pattern;
use crate::{Expr, Stmt};

/// The exception class of a validation failure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InvalidKind {
    /// `ValueError`, most checks.
    Value,
    /// `TypeError` (`AnnAssign with simple non-Name target`, bad constants).
    Type,
}

/// The first problem found, as CPython reports it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Invalid {
    /// The exception class.
    pub kind: InvalidKind,
    /// CPython's message.
    pub message: String,
}

type Check = Result<(), Invalid>;

fn value_error(message: impl Into<String>) -> Check {
    Err(Invalid {
        kind: InvalidKind::Value,
        message: message.into(),
    })
}

fn type_error(message: impl Into<String>) -> Check {
    Err(Invalid {
        kind: InvalidKind::Type,
        message: message.into(),
    })
}

/// Checks a tree read from objects as `_PyAST_Validate` does.
///
/// # Errors
/// The first malformed node, in CPython's traversal order.
pub fn validate(module: &Mod) -> Check {
    match module {
        Mod::Module(m) => stmts(&m.body),
        Mod::Interactive(m) => stmts(&m.body),
        Mod::Expression(m) => expr(&m.body, ExprContext::Load),
        Mod::FunctionType(m) => {
            exprs(&m.argtypes, ExprContext::Load)?;
            expr(&m.returns, ExprContext::Load)
        }
    }
}

/// `validate_name`: an identifier that would read as a keyword constant.
fn name(id: &str) -> Check {
    match id {
        "None" | "True" | "False" => {
            value_error(format!("identifier field can't represent '{id}' constant"))
        }
        _ => Ok(()),
    }
}

fn nonempty<T>(seq: &[T], what: &str, owner: &str) -> Check {
    if seq.is_empty() {
        return value_error(format!("empty {what} on {owner}"));
    }
    Ok(())
}

fn stmts(body: &[Stmt]) -> Check {
    body.iter().try_for_each(stmt)
}

fn body(seq: &[Stmt], owner: &str) -> Check {
    nonempty(seq, "body", owner)?;
    stmts(seq)
}

fn exprs(seq: &[Expr], ctx: ExprContext) -> Check {
    seq.iter().try_for_each(|e| expr(e, ctx))
}

fn opt_expr(e: Option<&Expr>) -> Check {
    e.map_or(Ok(()), |e| expr(e, ExprContext::Load))
}

fn load(e: &Expr) -> Check {
    expr(e, ExprContext::Load)
}

fn keywords(kws: &[Keyword]) -> Check {
    kws.iter().try_for_each(|k| load(&k.value))
}

fn args(list: &[Arg]) -> Check {
    list.iter()
        .try_for_each(|a| opt_expr(a.annotation.as_deref()))
}

fn arguments(a: &Arguments) -> Check {
    args(&a.posonlyargs)?;
    args(&a.args)?;
    if let Some(v) = &a.vararg {
        opt_expr(v.annotation.as_deref())?;
    }
    args(&a.kwonlyargs)?;
    if let Some(k) = &a.kwarg {
        opt_expr(k.annotation.as_deref())?;
    }
    if a.defaults.len() > a.posonlyargs.len() + a.args.len() {
        return value_error("more positional defaults than args on arguments");
    }
    if a.kw_defaults.len() != a.kwonlyargs.len() {
        return value_error("length of kwonlyargs is not the same as kw_defaults on arguments");
    }
    exprs(&a.defaults, ExprContext::Load)?;
    a.kw_defaults.iter().try_for_each(|d| opt_expr(d.as_ref()))
}

fn comprehension(gens: &[Comprehension]) -> Check {
    if gens.is_empty() {
        return value_error("comprehension with no generators");
    }
    gens.iter().try_for_each(|g| {
        expr(&g.target, ExprContext::Store)?;
        load(&g.iter)?;
        exprs(&g.ifs, ExprContext::Load)
    })
}

fn assign_list(targets: &[Expr], ctx: ExprContext) -> Check {
    let owner = if ctx == ExprContext::Del {
        "Delete"
    } else {
        "Assign"
    };
    nonempty(targets, "targets", owner)?;
    exprs(targets, ctx)
}

fn stmt(s: &Stmt) -> Check {
    match s {
        Stmt::FunctionDef(f) | Stmt::AsyncFunctionDef(f) => {
            let owner = if matches!(s, Stmt::FunctionDef(_)) {
                "FunctionDef"
            } else {
                "AsyncFunctionDef"
            };
            body(&f.body, owner)?;
            arguments(&f.args)?;
            exprs(&f.decorator_list, ExprContext::Load)?;
            opt_expr(f.returns.as_deref())
        }
        Stmt::ClassDef(c) => {
            body(&c.body, "ClassDef")?;
            exprs(&c.bases, ExprContext::Load)?;
            keywords(&c.keywords)?;
            exprs(&c.decorator_list, ExprContext::Load)
        }
        Stmt::Return(r) => opt_expr(r.value.as_deref()),
        Stmt::Delete(d) => assign_list(&d.targets, ExprContext::Del),
        Stmt::Assign(a) => {
            assign_list(&a.targets, ExprContext::Store)?;
            load(&a.value)
        }
        Stmt::AugAssign(a) => {
            expr(&a.target, ExprContext::Store)?;
            load(&a.value)
        }
        Stmt::AnnAssign(a) => {
            if a.simple && !matches!(*a.target, Expr::Name(_)) {
                return type_error("AnnAssign with simple non-Name target");
            }
            expr(&a.target, ExprContext::Store)?;
            opt_expr(a.value.as_deref())?;
            load(&a.annotation)
        }
        Stmt::For(f) | Stmt::AsyncFor(f) => {
            let owner = if matches!(s, Stmt::For(_)) {
                "For"
            } else {
                "AsyncFor"
            };
            expr(&f.target, ExprContext::Store)?;
            load(&f.iter)?;
            body(&f.body, owner)?;
            stmts(&f.orelse)
        }
        Stmt::While(w) => {
            load(&w.test)?;
            body(&w.body, "While")?;
            stmts(&w.orelse)
        }
        Stmt::If(i) => {
            load(&i.test)?;
            body(&i.body, "If")?;
            stmts(&i.orelse)
        }
        Stmt::With(w) | Stmt::AsyncWith(w) => {
            let owner = if matches!(s, Stmt::With(_)) {
                "With"
            } else {
                "AsyncWith"
            };
            nonempty(&w.items, "items", owner)?;
            for item in &w.items {
                load(&item.context_expr)?;
                if let Some(v) = &item.optional_vars {
                    expr(v, ExprContext::Store)?;
                }
            }
            body(&w.body, owner)
        }
        Stmt::Match(m) => {
            load(&m.subject)?;
            nonempty(&m.cases, "cases", "Match")?;
            m.cases.iter().try_for_each(|case| {
                pattern(&case.pattern, false)?;
                opt_expr(case.guard.as_deref())?;
                body(&case.body, "match_case")
            })
        }
        Stmt::Raise(r) => match (&r.exc, &r.cause) {
            (Some(exc), cause) => {
                load(exc)?;
                opt_expr(cause.as_deref())
            }
            (None, Some(_)) => value_error("Raise with cause but no exception"),
            (None, None) => Ok(()),
        },
        Stmt::Try(t) | Stmt::TryStar(t) => {
            let owner = if matches!(s, Stmt::Try(_)) {
                "Try"
            } else {
                "TryStar"
            };
            body(&t.body, owner)?;
            if t.handlers.is_empty() && t.finalbody.is_empty() {
                return value_error(format!("{owner} has neither except handlers nor finalbody"));
            }
            if t.handlers.is_empty() && !t.orelse.is_empty() {
                return value_error(format!("{owner} has orelse but no except handlers"));
            }
            for h in &t.handlers {
                opt_expr(h.type_.as_deref())?;
                body(&h.body, "ExceptHandler")?;
            }
            stmts(&t.finalbody)?;
            stmts(&t.orelse)
        }
        Stmt::Assert(a) => {
            load(&a.test)?;
            opt_expr(a.msg.as_deref())
        }
        Stmt::Import(i) => nonempty(&i.names, "names", "Import"),
        Stmt::ImportFrom(i) => nonempty(&i.names, "names", "ImportFrom"),
        Stmt::Global(g) => nonempty(&g.names, "names", "Global"),
        Stmt::Nonlocal(g) => nonempty(&g.names, "names", "Nonlocal"),
        Stmt::Expr(e) => load(&e.value),
        Stmt::Pass(_) | Stmt::Break(_) | Stmt::Continue(_) => Ok(()),
    }
}

fn expr(e: &Expr, ctx: ExprContext) -> Check {
    let actual = match e {
        Expr::Attribute(a) => Some(a.ctx),
        Expr::Subscript(s) => Some(s.ctx),
        Expr::Starred(s) => Some(s.ctx),
        Expr::Name(n) => {
            name(&n.id)?;
            Some(n.ctx)
        }
        Expr::List(l) => Some(l.ctx),
        Expr::Tuple(t) => Some(t.ctx),
        _ => None,
    };
    match actual {
        None if ctx != ExprContext::Load => {
            return value_error(format!(
                "expression which can't be assigned to in {} context",
                ctx.name()
            ))
        }
        Some(actual) if actual != ctx => {
            return value_error(format!(
                "expression must have {} context but has {} instead",
                ctx.name(),
                actual.name()
            ))
        }
        _ => {}
    }
    match e {
        Expr::BoolOp(b) => {
            if b.values.len() < 2 {
                return value_error("BoolOp with less than 2 values");
            }
            exprs(&b.values, ExprContext::Load)
        }
        Expr::BinOp(b) => {
            load(&b.left)?;
            load(&b.right)
        }
        Expr::UnaryOp(u) => load(&u.operand),
        Expr::Lambda(l) => {
            arguments(&l.args)?;
            load(&l.body)
        }
        Expr::IfExp(i) => {
            load(&i.test)?;
            load(&i.body)?;
            load(&i.orelse)
        }
        Expr::Dict(d) => {
            if d.keys.len() != d.values.len() {
                return value_error("Dict doesn't have the same number of keys as values");
            }
            d.keys.iter().try_for_each(|k| opt_expr(k.as_ref()))?;
            exprs(&d.values, ExprContext::Load)
        }
        Expr::Set(s) => exprs(&s.elts, ExprContext::Load),
        Expr::ListComp(c) => {
            comprehension(&c.generators)?;
            load(&c.elt)
        }
        Expr::SetComp(c) => {
            comprehension(&c.generators)?;
            load(&c.elt)
        }
        Expr::GeneratorExp(c) => {
            comprehension(&c.generators)?;
            load(&c.elt)
        }
        Expr::DictComp(c) => {
            comprehension(&c.generators)?;
            load(&c.key)?;
            load(&c.value)
        }
        Expr::Yield(y) => opt_expr(y.value.as_deref()),
        Expr::YieldFrom(y) => load(&y.value),
        Expr::Await(a) => load(&a.value),
        Expr::Compare(c) => {
            if c.comparators.is_empty() {
                return value_error("Compare with no comparators");
            }
            if c.comparators.len() != c.ops.len() {
                return value_error("Compare has a different number of comparators and operands");
            }
            exprs(&c.comparators, ExprContext::Load)?;
            load(&c.left)
        }
        Expr::Call(c) => {
            load(&c.func)?;
            exprs(&c.args, ExprContext::Load)?;
            keywords(&c.keywords)
        }
        // `validate_constant` is the reader's: a value no `Constant` can
        // hold never becomes one.
        Expr::Constant(_) => Ok(()),
        Expr::JoinedStr(j) => exprs(&j.values, ExprContext::Load),
        Expr::FormattedValue(f) => {
            load(&f.value)?;
            opt_expr(f.format_spec.as_deref())
        }
        Expr::Attribute(a) => load(&a.value),
        Expr::Subscript(s) => {
            load(&s.slice)?;
            load(&s.value)
        }
        Expr::Starred(s) => expr(&s.value, ctx),
        Expr::Slice(s) => {
            opt_expr(s.lower.as_deref())?;
            opt_expr(s.upper.as_deref())?;
            opt_expr(s.step.as_deref())
        }
        Expr::List(l) => exprs(&l.elts, ctx),
        Expr::Tuple(t) => exprs(&t.elts, ctx),
        Expr::NamedExpr(n) => {
            if !matches!(*n.target, Expr::Name(_)) {
                return type_error("NamedExpr target must be a Name");
            }
            load(&n.value)
        }
        Expr::Name(_) => Ok(()),
    }
}

/// `ensure_literal_number`.
fn literal_number(e: &Expr, real: bool, imaginary: bool) -> bool {
    match e {
        Expr::Constant(c) => match c.value {
            Constant::Int(_) | Constant::Float(_) => real,
            Constant::Complex { .. } => imaginary,
            _ => false,
        },
        _ => false,
    }
}

/// `ensure_literal_negative`: `-` applied to a number.
fn literal_negative(e: &Expr, real: bool, imaginary: bool) -> bool {
    match e {
        Expr::UnaryOp(u) if u.op == UnaryOp::USub => literal_number(&u.operand, real, imaginary),
        _ => false,
    }
}

/// `ensure_literal_complex`: a (signed) real plus or minus an imaginary.
fn literal_complex(left: &Expr, op: Operator, right: &Expr) -> bool {
    if op != Operator::Add && op != Operator::Sub {
        return false;
    }
    let left_ok = match left {
        Expr::Constant(_) => literal_number(left, true, false),
        Expr::UnaryOp(_) => literal_negative(left, true, false),
        _ => false,
    };
    left_ok && literal_number(right, false, true)
}

fn match_value(e: &Expr) -> Check {
    load(e)?;
    let ok = match e {
        Expr::Constant(c) => {
            return match c.value {
                Constant::Int(_)
                | Constant::Float(_)
                | Constant::Bytes(_)
                | Constant::Complex { .. }
                | Constant::Str(_)
                | Constant::SurrogateStr(_) => Ok(()),
                _ => value_error("unexpected constant inside of a literal pattern"),
            }
        }
        // The compiler reports f-strings (a `SyntaxError`).
        Expr::Attribute(_) | Expr::JoinedStr(_) => true,
        Expr::UnaryOp(_) => literal_negative(e, true, true),
        Expr::BinOp(b) => literal_complex(&b.left, b.op, &b.right),
        _ => false,
    };
    if ok {
        Ok(())
    } else {
        value_error("patterns may only match literals and attribute lookups")
    }
}

/// `validate_capture`: a name a pattern binds.
fn capture(id: &str) -> Check {
    if id == "_" {
        return value_error("can't capture name '_' in patterns");
    }
    name(id)
}

fn patterns(list: &[Pattern], star_ok: bool) -> Check {
    list.iter().try_for_each(|p| pattern(p, star_ok))
}

fn pattern(p: &Pattern, star_ok: bool) -> Check {
    match p {
        Pattern::MatchValue(v) => match_value(&v.value),
        Pattern::MatchSingleton(s) => match s.value {
            Constant::None | Constant::Bool(_) => Ok(()),
            _ => value_error("MatchSingleton can only contain True, False and None"),
        },
        Pattern::MatchSequence(s) => patterns(&s.patterns, true),
        Pattern::MatchMapping(m) => {
            if m.keys.len() != m.patterns.len() {
                return value_error(
                    "MatchMapping doesn't have the same number of keys as patterns",
                );
            }
            if let Some(rest) = &m.rest {
                capture(rest)?;
            }
            for key in &m.keys {
                // `None`, `True` and `False` keys are valid syntax, though
                // not valid values.
                if let Expr::Constant(c) = key {
                    if matches!(c.value, Constant::None | Constant::Bool(_)) {
                        continue;
                    }
                }
                match_value(key)?;
            }
            patterns(&m.patterns, false)
        }
        Pattern::MatchClass(c) => {
            if c.kwd_attrs.len() != c.kwd_patterns.len() {
                return value_error(
                    "MatchClass doesn't have the same number of keyword attributes as patterns",
                );
            }
            load(&c.cls)?;
            let mut cls = &*c.cls;
            loop {
                match cls {
                    Expr::Name(_) => break,
                    Expr::Attribute(a) => cls = &a.value,
                    _ => {
                        return value_error(
                            "MatchClass cls field can only contain Name or Attribute nodes.",
                        )
                    }
                }
            }
            c.kwd_attrs.iter().try_for_each(|a| name(a))?;
            patterns(&c.patterns, false)?;
            patterns(&c.kwd_patterns, false)
        }
        Pattern::MatchStar(s) => {
            if !star_ok {
                return value_error("can't use MatchStar here");
            }
            s.name.as_ref().map_or(Ok(()), |n| capture(n))
        }
        Pattern::MatchAs(a) => {
            if let Some(n) = &a.name {
                capture(n)?;
            }
            match (&a.pattern, &a.name) {
                (None, _) => Ok(()),
                (Some(_), None) => {
                    value_error("MatchAs must specify a target name if a pattern is given")
                }
                (Some(p), Some(_)) => pattern(p, false),
            }
        }
        Pattern::MatchOr(o) => {
            if o.patterns.len() < 2 {
                return value_error("MatchOr requires at least 2 patterns");
            }
            patterns(&o.patterns, false)
        }
    }
}
