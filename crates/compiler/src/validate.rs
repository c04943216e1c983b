//! Structural checks CPython's AST validator (`_PyAST_Validate`) makes, so that a
//! hand-built or mutated tree gets a typed error instead of a panic, and the
//! nesting-depth limit. They run inside the constant folder's walk
//! (`fold::Folder`), which visits every statement, expression and pattern
//! before the later passes recurse over them.

use pith_ast::{Expr, Pattern, Ranged, Stmt, TextRange};

/// The first malformed node found, with CPython's validator message.
#[derive(Clone)]
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

/// The checker's state, carried by the constant folder's walk (CPython checks
/// depth in its AST optimizer; one walk instead of a separate validator pass).
#[derive(Clone, Default)]
pub(crate) struct Checks {
    error: Option<Invalid>,
    /// Nesting level of the node being visited.
    pub depth: u32,
    max_depth: u32,
}

impl Checks {
    #[cold]
    fn fail(&mut self, message: &'static str, range: impl FnOnce() -> TextRange) {
        if self.error.is_none() {
            self.error = Some(Invalid {
                message,
                range: range(),
                too_deep: false,
            });
        }
    }

    /// Records the too-deep error at `range` (it overrides a structural one).
    pub fn too_deep(&mut self, range: TextRange) {
        if self.error.as_ref().map_or(true, |e| !e.too_deep) {
            self.error = Some(Invalid {
                message: "maximum recursion depth exceeded during compilation",
                range,
                too_deep: true,
            });
        }
    }

    /// Enters one level; `false` when the node must not be walked or
    /// folded (too deep, or a malformed node was found). Every call is
    /// paired with [`Checks::leave`]. The node's range is only read on
    /// failure (finding it is a match over every node kind).
    #[inline]
    pub fn enter(&mut self, range: impl FnOnce() -> TextRange) -> bool {
        self.depth += 1;
        self.max_depth = self.max_depth.max(self.depth);
        if self.depth > MAX_DEPTH {
            self.too_deep(range());
            return false;
        }
        self.error.is_none()
    }

    /// No problem found so far (a comprehension's iterable is folded only then).
    #[inline]
    pub fn ok(&self) -> bool {
        self.error.is_none()
    }

    /// Leaves the level [`Checks::enter`] entered.
    #[inline]
    pub fn leave(&mut self) {
        self.depth -= 1;
    }

    /// `Ok` with the deepest nesting met, or the first problem found.
    pub fn finish(self) -> Result<u32, Invalid> {
        match self.error {
            Some(e) => Err(e),
            None => Ok(self.max_depth),
        }
    }

    /// The structural checks of one statement (its children are checked as
    /// the walk reaches them).
    pub fn stmt(&mut self, stmt: &Stmt) {
        let r = || stmt.range();
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
    }

    /// The structural checks of one expression.
    #[inline]
    pub fn expr(&mut self, expr: &Expr) {
        let r = || expr.range();
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
    }

    /// The structural checks of one pattern.
    pub fn pattern(&mut self, pattern: &Pattern) {
        let r = || pattern.range();
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
    }
}
