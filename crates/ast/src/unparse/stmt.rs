//! Statements, modules and the statement-level helper nodes.

use super::precedence::{TEST, TUPLE, YIELD};
use super::strings::MULTI_QUOTES;
use super::{Result, UnparseError, Unparser};
use crate::{
    Alias, Arg, Arguments, ConstantKind, ExceptHandler, Expr, ExprConstant, Keyword, MatchCase,
    Mod, Stmt, StmtFunctionDef, StmtTry, TextRange, WithItem,
};

/// `get_raw_docstring`: the docstring constant of a body, if it starts with one.
fn docstring(body: &[Stmt]) -> Option<&ExprConstant> {
    match body.first()? {
        Stmt::Expr(s) => match &*s.value {
            Expr::Constant(c) if c.value.is_str() => Some(c),
            _ => None,
        },
        _ => None,
    }
}

impl Unparser<'_> {
    pub(super) fn module(&mut self, m: &Mod) -> Result {
        match m {
            Mod::Module(m) => {
                if self.locator.is_some() {
                    self.type_ignores = m
                        .type_ignores
                        .iter()
                        .map(|t| (t.lineno, format!("ignore{}", t.tag)))
                        .collect();
                }
                self.body_with_docstring(&m.body)?;
                self.type_ignores.clear();
                Ok(())
            }
            // No visit_Interactive: generic_visit calls visit() per statement, and
            // each visit() restarts the output, so only the last statement remains.
            Mod::Interactive(m) => match m.body.last() {
                Some(s) => self.stmt(s),
                None => Ok(()),
            },
            Mod::Expression(m) => self.expr(&m.body, TEST),
            Mod::FunctionType(m) => {
                self.write("(");
                self.interleave(", ", &m.argtypes, |u, e| u.expr(e, TEST))?;
                self.write(")");
                self.write(" -> ");
                self.expr(&m.returns, TEST)
            }
        }
    }

    pub(super) fn body(&mut self, body: &[Stmt]) -> Result {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    /// `_write_docstring_and_traverse_body`.
    fn body_with_docstring(&mut self, body: &[Stmt]) -> Result {
        match docstring(body) {
            Some(doc) => {
                self.fill("");
                if doc.kind == ConstantKind::U {
                    self.write("u");
                }
                if let Some(text) = doc.value.str_code_points() {
                    self.write_str_avoiding_backslashes(&text, &MULTI_QUOTES);
                }
                self.body(body.get(1..).unwrap_or_default())
            }
            None => self.body(body),
        }
    }

    /// `get_type_comment`: a `# type: ignore` on the statement's line wins over the
    /// statement's own type comment.
    fn type_comment(&self, range: TextRange, own: Option<&str>) -> Option<String> {
        let ignore = match (self.type_ignores.is_empty(), self.locator) {
            (false, Some(loc)) => self.type_ignores.get(&loc.location(range.start).0),
            _ => None,
        };
        ignore
            .map(String::as_str)
            .or(own)
            .map(|c| format!(" # type: {c}"))
    }

    pub(super) fn stmt(&mut self, stmt: &Stmt) -> Result {
        match stmt {
            Stmt::FunctionDef(f) => self.function(f, "def"),
            Stmt::AsyncFunctionDef(f) => self.function(f, "async def"),
            Stmt::ClassDef(c) => {
                self.maybe_newline();
                for deco in &c.decorator_list {
                    self.fill("@");
                    self.expr(deco, TEST)?;
                }
                self.fill(&format!("class {}", c.name));
                let has_parens = !c.bases.is_empty() || !c.keywords.is_empty();
                self.delimit_if(has_parens, |u| {
                    u.interleave(", ", c.bases.iter(), |u, e| u.expr(e, TEST))?;
                    if !c.bases.is_empty() && !c.keywords.is_empty() {
                        u.write(", ");
                    }
                    u.interleave(", ", c.keywords.iter(), Self::keyword)
                })?;
                self.block(None, |u| u.body_with_docstring(&c.body))
            }
            Stmt::Return(s) => {
                self.fill("return");
                if let Some(v) = &s.value {
                    self.write(" ");
                    self.expr(v, TEST)?;
                }
                Ok(())
            }
            Stmt::Delete(s) => {
                self.fill("del ");
                self.interleave(", ", &s.targets, |u, e| u.expr(e, TEST))
            }
            Stmt::Assign(s) => {
                self.fill("");
                for target in &s.targets {
                    self.expr(target, TUPLE)?;
                    self.write(" = ");
                }
                self.expr(&s.value, TEST)?;
                if let Some(c) = self.type_comment(s.range, s.type_comment.as_deref()) {
                    self.write(&c);
                }
                Ok(())
            }
            Stmt::AugAssign(s) => {
                self.fill("");
                self.expr(&s.target, TEST)?;
                self.write(&format!(" {}= ", s.op.symbol()));
                self.expr(&s.value, TEST)
            }
            Stmt::AnnAssign(s) => {
                self.fill("");
                let parens = !s.simple && matches!(*s.target, Expr::Name(_));
                self.delimit_if(parens, |u| u.expr(&s.target, TEST))?;
                self.write(": ");
                self.expr(&s.annotation, TEST)?;
                if let Some(v) = &s.value {
                    self.write(" = ");
                    self.expr(v, TEST)?;
                }
                Ok(())
            }
            Stmt::For(f) | Stmt::AsyncFor(f) => {
                let async_ = matches!(stmt, Stmt::AsyncFor(_));
                self.fill(if async_ { "async for " } else { "for " });
                self.expr(&f.target, TUPLE)?;
                self.write(" in ");
                self.expr(&f.iter, TEST)?;
                let comment = self.type_comment(f.range, f.type_comment.as_deref());
                self.block(comment.as_deref(), |u| u.body(&f.body))?;
                self.else_block(&f.orelse)
            }
            Stmt::While(w) => {
                self.fill("while ");
                self.expr(&w.test, TEST)?;
                self.block(None, |u| u.body(&w.body))?;
                self.else_block(&w.orelse)
            }
            Stmt::If(i) => {
                self.fill("if ");
                self.expr(&i.test, TEST)?;
                self.block(None, |u| u.body(&i.body))?;
                // Collapse a lone nested `If` in `orelse` into `elif`.
                let mut node = i;
                while let [Stmt::If(inner)] = node.orelse.as_slice() {
                    node = inner;
                    self.fill("elif ");
                    self.expr(&node.test, TEST)?;
                    self.block(None, |u| u.body(&node.body))?;
                }
                self.else_block(&node.orelse)
            }
            Stmt::With(w) | Stmt::AsyncWith(w) => {
                let async_ = matches!(stmt, Stmt::AsyncWith(_));
                self.fill(if async_ { "async with " } else { "with " });
                self.interleave(", ", &w.items, Self::withitem)?;
                let comment = self.type_comment(w.range, w.type_comment.as_deref());
                self.block(comment.as_deref(), |u| u.body(&w.body))
            }
            Stmt::Match(m) => {
                self.fill("match ");
                self.expr(&m.subject, TEST)?;
                self.block(None, |u| m.cases.iter().try_for_each(|c| u.match_case(c)))
            }
            Stmt::Raise(r) => {
                self.fill("raise");
                match &r.exc {
                    None if r.cause.is_some() => Err(UnparseError::CauseWithoutException),
                    None => Ok(()),
                    Some(exc) => {
                        self.write(" ");
                        self.expr(exc, TEST)?;
                        if let Some(cause) = &r.cause {
                            self.write(" from ");
                            self.expr(cause, TEST)?;
                        }
                        Ok(())
                    }
                }
            }
            Stmt::Try(t) => self.try_stmt(t, false),
            Stmt::TryStar(t) => self.try_stmt(t, true),
            Stmt::Assert(a) => {
                self.fill("assert ");
                self.expr(&a.test, TEST)?;
                if let Some(msg) = &a.msg {
                    self.write(", ");
                    self.expr(msg, TEST)?;
                }
                Ok(())
            }
            Stmt::Import(i) => {
                self.fill("import ");
                self.interleave(", ", &i.names, |u, a| {
                    u.alias(a);
                    Ok(())
                })
            }
            Stmt::ImportFrom(i) => {
                self.fill("from ");
                self.write(&".".repeat(i.level as usize));
                if let Some(module) = &i.module {
                    self.write(module);
                }
                self.write(" import ");
                self.interleave(", ", &i.names, |u, a| {
                    u.alias(a);
                    Ok(())
                })
            }
            Stmt::Global(g) => {
                self.fill("global ");
                self.interleave(", ", &g.names, |u, n| {
                    u.write(n);
                    Ok(())
                })
            }
            Stmt::Nonlocal(g) => {
                self.fill("nonlocal ");
                self.interleave(", ", &g.names, |u, n| {
                    u.write(n);
                    Ok(())
                })
            }
            Stmt::Expr(e) => {
                self.fill("");
                self.expr(&e.value, YIELD)
            }
            Stmt::Pass(_) => {
                self.fill("pass");
                Ok(())
            }
            Stmt::Break(_) => {
                self.fill("break");
                Ok(())
            }
            Stmt::Continue(_) => {
                self.fill("continue");
                Ok(())
            }
        }
    }

    fn else_block(&mut self, orelse: &[Stmt]) -> Result {
        if orelse.is_empty() {
            return Ok(());
        }
        self.fill("else");
        self.block(None, |u| u.body(orelse))
    }

    fn function(&mut self, f: &StmtFunctionDef, keyword: &str) -> Result {
        self.maybe_newline();
        for deco in &f.decorator_list {
            self.fill("@");
            self.expr(deco, TEST)?;
        }
        self.fill(&format!("{keyword} {}", f.name));
        self.write("(");
        self.arguments(&f.args)?;
        self.write(")");
        if let Some(r) = &f.returns {
            self.write(" -> ");
            self.expr(r, TEST)?;
        }
        let comment = self.type_comment(f.range, f.type_comment.as_deref());
        self.block(comment.as_deref(), |u| u.body_with_docstring(&f.body))
    }

    fn try_stmt(&mut self, t: &StmtTry, star: bool) -> Result {
        let prev = std::mem::replace(&mut self.in_try_star, star);
        let r = self.try_inner(t);
        self.in_try_star = prev;
        r
    }

    fn try_inner(&mut self, t: &StmtTry) -> Result {
        self.fill("try");
        self.block(None, |u| u.body(&t.body))?;
        for h in &t.handlers {
            self.except_handler(h)?;
        }
        self.else_block(&t.orelse)?;
        if !t.finalbody.is_empty() {
            self.fill("finally");
            self.block(None, |u| u.body(&t.finalbody))?;
        }
        Ok(())
    }

    pub(super) fn except_handler(&mut self, h: &ExceptHandler) -> Result {
        self.fill(if self.in_try_star {
            "except*"
        } else {
            "except"
        });
        if let Some(t) = &h.type_ {
            self.write(" ");
            self.expr(t, TEST)?;
        }
        if let Some(name) = &h.name {
            self.write(" as ");
            self.write(name);
        }
        self.block(None, |u| u.body(&h.body))
    }

    pub(super) fn match_case(&mut self, c: &MatchCase) -> Result {
        self.fill("case ");
        self.pattern(&c.pattern, TEST)?;
        if let Some(g) = &c.guard {
            self.write(" if ");
            self.expr(g, TEST)?;
        }
        self.block(None, |u| u.body(&c.body))
    }

    pub(super) fn arg(&mut self, a: &Arg) -> Result {
        self.write(&a.arg);
        if let Some(ann) = &a.annotation {
            self.write(": ");
            self.expr(ann, TEST)?;
        }
        Ok(())
    }

    pub(super) fn arguments(&mut self, a: &Arguments) -> Result {
        let mut first = true;
        let positional = a.posonlyargs.iter().chain(&a.args);
        let n_positional = a.posonlyargs.len() + a.args.len();
        let first_default = n_positional.saturating_sub(a.defaults.len());
        for (index, arg) in positional.enumerate() {
            if first {
                first = false;
            } else {
                self.write(", ");
            }
            self.arg(arg)?;
            if let Some(d) = index
                .checked_sub(first_default)
                .and_then(|i| a.defaults.get(i))
            {
                self.write("=");
                self.expr(d, TEST)?;
            }
            if index + 1 == a.posonlyargs.len() {
                self.write(", /");
            }
        }
        if a.vararg.is_some() || !a.kwonlyargs.is_empty() {
            if first {
                first = false;
            } else {
                self.write(", ");
            }
            self.write("*");
            if let Some(v) = &a.vararg {
                self.write(&v.arg);
                if let Some(ann) = &v.annotation {
                    self.write(": ");
                    self.expr(ann, TEST)?;
                }
            }
        }
        for (arg, default) in a.kwonlyargs.iter().zip(&a.kw_defaults) {
            self.write(", ");
            self.arg(arg)?;
            if let Some(d) = default {
                self.write("=");
                self.expr(d, TEST)?;
            }
        }
        if let Some(k) = &a.kwarg {
            if !first {
                self.write(", ");
            }
            self.write(&format!("**{}", k.arg));
            if let Some(ann) = &k.annotation {
                self.write(": ");
                self.expr(ann, TEST)?;
            }
        }
        Ok(())
    }

    pub(super) fn keyword(&mut self, k: &Keyword) -> Result {
        match &k.arg {
            None => self.write("**"),
            Some(arg) => {
                self.write(arg);
                self.write("=");
            }
        }
        self.expr(&k.value, TEST)
    }

    pub(super) fn alias(&mut self, a: &Alias) {
        self.write(&a.name);
        if let Some(asname) = &a.asname {
            self.write(&format!(" as {asname}"));
        }
    }

    pub(super) fn withitem(&mut self, w: &WithItem) -> Result {
        self.expr(&w.context_expr, TEST)?;
        if let Some(v) = &w.optional_vars {
            self.write(" as ");
            self.expr(v, TEST)?;
        }
        Ok(())
    }
}
