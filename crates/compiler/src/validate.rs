//! Structural checks CPython's AST validator (`_PyAST_Validate`) makes, so that a
//! hand-built or mutated tree gets a typed error instead of a panic.

use pith_ast::visitor::{walk_expr, walk_pattern, walk_stmt, Visitor};
use pith_ast::{Expr, Pattern, Ranged, Stmt, TextRange};

/// The first malformed node found, with CPython's validator message.
pub(crate) struct Invalid {
    pub message: &'static str,
    pub range: TextRange,
    /// The tree nests deeper than the compiler's recursion limit.
    pub too_deep: bool,
}

/// Nesting depth (statements, expressions and patterns combined) beyond which
/// compilation stops with a `RecursionError`, keeping every later recursive
/// pass well inside the Rust stack.
const MAX_DEPTH: u32 = 3000;

#[derive(Default)]
struct Validator {
    error: Option<Invalid>,
    depth: u32,
    max_depth: u32,
}

impl Validator {
    fn fail(&mut self, message: &'static str, range: TextRange) {
        if self.error.is_none() {
            self.error = Some(Invalid {
                message,
                range,
                too_deep: false,
            });
        }
    }

    /// Enters one level; `false` (after recording the error) when too deep.
    fn enter(&mut self, range: TextRange) -> bool {
        self.depth += 1;
        self.max_depth = self.max_depth.max(self.depth);
        if self.depth > MAX_DEPTH {
            if self.error.as_ref().map_or(true, |e| !e.too_deep) {
                self.error = Some(Invalid {
                    message: "maximum recursion depth exceeded during compilation",
                    range,
                    too_deep: true,
                });
            }
            return false;
        }
        self.error.is_none()
    }
}

impl<'a> Visitor<'a> for Validator {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        let r = stmt.range();
        match stmt {
            Stmt::With(w) | Stmt::AsyncWith(w) if w.items.is_empty() => {
                self.fail("empty items on With", r)
            }
            Stmt::Match(m) if m.cases.is_empty() => self.fail("empty cases on Match", r),
            Stmt::Delete(d) if d.targets.is_empty() => self.fail("empty targets on Delete", r),
            Stmt::Assign(a) if a.targets.is_empty() => self.fail("empty targets on Assign", r),
            Stmt::Import(i) if i.names.is_empty() => self.fail("empty names on Import", r),
            Stmt::ImportFrom(i) if i.names.is_empty() => self.fail("empty names on ImportFrom", r),
            Stmt::Global(g) if g.names.is_empty() => self.fail("empty names on Global", r),
            Stmt::Nonlocal(g) if g.names.is_empty() => self.fail("empty names on Nonlocal", r),
            Stmt::Try(t) | Stmt::TryStar(t) if t.handlers.is_empty() && t.finalbody.is_empty() => {
                self.fail("Try has neither except handlers nor finalbody", r)
            }
            Stmt::FunctionDef(f) | Stmt::AsyncFunctionDef(f) if f.body.is_empty() => {
                self.fail("empty body on FunctionDef", r)
            }
            Stmt::ClassDef(c) if c.body.is_empty() => self.fail("empty body on ClassDef", r),
            _ => {}
        }
        if let Stmt::FunctionDef(f) | Stmt::AsyncFunctionDef(f) = stmt {
            let a = &f.args;
            if a.kw_defaults.len() != a.kwonlyargs.len()
                || a.defaults.len() > a.posonlyargs.len() + a.args.len()
            {
                self.fail("length of defaults does not match arguments", r);
            }
        }
        if self.enter(r) {
            walk_stmt(self, stmt);
        }
        self.depth -= 1;
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        let r = expr.range();
        match expr {
            Expr::BoolOp(b) if b.values.len() < 2 => self.fail("BoolOp with less than 2 values", r),
            Expr::Compare(c) if c.ops.is_empty() => self.fail("Compare with no comparators", r),
            Expr::Compare(c) if c.ops.len() != c.comparators.len() => self.fail(
                "Compare has a different number of comparators and operands",
                r,
            ),
            Expr::Dict(d) if d.keys.len() != d.values.len() => {
                self.fail("Dict doesn't have the same number of keys as values", r)
            }
            Expr::ListComp(c) if c.generators.is_empty() => {
                self.fail("comprehension with no generators", r)
            }
            Expr::SetComp(c) if c.generators.is_empty() => {
                self.fail("comprehension with no generators", r)
            }
            Expr::DictComp(c) if c.generators.is_empty() => {
                self.fail("comprehension with no generators", r)
            }
            Expr::GeneratorExp(c) if c.generators.is_empty() => {
                self.fail("comprehension with no generators", r)
            }
            Expr::Lambda(l)
                if l.args.kw_defaults.len() != l.args.kwonlyargs.len()
                    || l.args.defaults.len() > l.args.posonlyargs.len() + l.args.args.len() =>
            {
                self.fail("length of defaults does not match arguments", r)
            }
            _ => {}
        }
        if self.enter(r) {
            walk_expr(self, expr);
        }
        self.depth -= 1;
    }

    fn visit_pattern(&mut self, pattern: &'a Pattern) {
        let r = pattern.range();
        match pattern {
            Pattern::MatchMapping(m) if m.keys.len() != m.patterns.len() => self.fail(
                "MatchMapping doesn't have the same number of keys as patterns",
                r,
            ),
            Pattern::MatchClass(c) if c.kwd_attrs.len() != c.kwd_patterns.len() => self.fail(
                "MatchClass doesn't have the same number of keyword attributes as patterns",
                r,
            ),
            Pattern::MatchOr(o) if o.patterns.len() < 2 => {
                self.fail("MatchOr requires at least 2 patterns", r)
            }
            _ => {}
        }
        if self.enter(r) {
            walk_pattern(self, pattern);
        }
        self.depth -= 1;
    }
}

/// Checks `module`; `Ok` carries the deepest nesting found, `Err` the first
/// problem.
pub(crate) fn validate(module: &pith_ast::Mod) -> Result<u32, Invalid> {
    let mut v = Validator::default();
    v.visit_mod(module);
    match v.error {
        Some(e) => Err(e),
        None => Ok(v.max_depth),
    }
}
