//! `ast.unparse`: source text from a tree, exactly as CPython 3.11's `_Unparser`.

mod expr;
mod pattern;
mod precedence;
mod stmt;
mod strings;

use std::collections::HashMap;

use crate::location::SourceLocator;
use crate::{Expr, NodeRef};
use precedence::{Prec, TEST};

/// Why a tree cannot be unparsed (the `ValueError`s of CPython's unparser).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UnparseError {
    /// An f-string replacement field whose expression needs a backslash.
    #[error("Unable to avoid backslash in f-string expression part")]
    BackslashInFString,
    /// A `JoinedStr` part that is neither a str `Constant` nor a `FormattedValue`.
    #[error("Unexpected node inside JoinedStr, {0}")]
    UnexpectedNodeInJoinedStr(&'static str),
    /// `raise from c` without an exception.
    #[error("Node can't use cause without an exception.")]
    CauseWithoutException,
    /// A `MatchMapping` or `MatchClass` whose parallel lists differ in length.
    #[error("zip() arguments have different lengths")]
    LengthMismatch,
}

type Result<T = ()> = std::result::Result<T, UnparseError>;

/// `ast.unparse(node)` for any node.
///
/// `locator` is only needed to attach `# type: ignore` comments of a `Module` to the
/// statements on their lines; without it those comments are left out.
///
/// # Errors
/// [`UnparseError`] where CPython raises `ValueError`.
pub fn unparse<'a>(
    node: impl Into<NodeRef<'a>>,
    locator: Option<&dyn SourceLocator>,
) -> Result<String> {
    let mut u = Unparser::new(false, locator);
    match node.into() {
        NodeRef::Mod(m) => u.module(m)?,
        NodeRef::Stmt(s) => u.stmt(s)?,
        NodeRef::Expr(e) => u.expr(e, TEST)?,
        NodeRef::Pattern(p) => u.pattern(p, TEST)?,
        NodeRef::ExceptHandler(h) => u.except_handler(h)?,
        NodeRef::Arguments(a) => u.arguments(a)?,
        NodeRef::Arg(a) => u.arg(a)?,
        NodeRef::Keyword(k) => u.keyword(k)?,
        NodeRef::Alias(a) => u.alias(a),
        NodeRef::WithItem(w) => u.withitem(w)?,
        NodeRef::MatchCase(c) => u.match_case(c)?,
        NodeRef::Comprehension(c) => u.comprehension(c)?,
        // `_Unparser` has no visit_TypeIgnore; generic_visit writes nothing.
        NodeRef::TypeIgnore(_) => {}
    }
    Ok(u.out)
}

/// `ast.unparse(expr)`.
///
/// # Errors
/// [`UnparseError`] where CPython raises `ValueError`.
pub fn unparse_expr(expr: &Expr) -> Result<String> {
    unparse(expr, None)
}

/// The unparser's state: the output, and what `_Unparser` keeps besides it.
struct Unparser<'l> {
    out: String,
    /// Python's `bool(self._source)`: whether anything (even `""`) was written.
    wrote: bool,
    indent: usize,
    avoid_backslashes: bool,
    in_try_star: bool,
    /// `lineno -> "ignore<tag>"` for the module being unparsed.
    type_ignores: HashMap<u32, String>,
    locator: Option<&'l dyn SourceLocator>,
}

impl<'l> Unparser<'l> {
    fn new(avoid_backslashes: bool, locator: Option<&'l dyn SourceLocator>) -> Self {
        Self {
            out: String::new(),
            wrote: false,
            indent: 0,
            avoid_backslashes,
            in_try_star: false,
            type_ignores: HashMap::new(),
            locator,
        }
    }

    fn write(&mut self, text: &str) {
        self.out.push_str(text);
        self.wrote = true;
    }

    fn maybe_newline(&mut self) {
        if self.wrote {
            self.write("\n");
        }
    }

    fn fill(&mut self, text: &str) {
        self.maybe_newline();
        for _ in 0..self.indent {
            self.out.push_str("    ");
        }
        self.write(text);
    }

    /// Runs `f` with a fresh output buffer; returns what it wrote and whether it wrote.
    fn buffered(&mut self, f: impl FnOnce(&mut Self) -> Result) -> Result<(String, bool)> {
        let saved_out = std::mem::take(&mut self.out);
        let saved_wrote = std::mem::replace(&mut self.wrote, false);
        let r = f(self);
        let out = std::mem::replace(&mut self.out, saved_out);
        let wrote = std::mem::replace(&mut self.wrote, saved_wrote);
        r.map(|()| (out, wrote))
    }

    /// `with self.delimit_if("(", ")", cond)`.
    fn delimit_if(&mut self, cond: bool, f: impl FnOnce(&mut Self) -> Result) -> Result {
        if cond {
            self.write("(");
        }
        f(self)?;
        if cond {
            self.write(")");
        }
        Ok(())
    }

    /// `with self.require_parens(precedence, node)` where the node's own precedence
    /// (set by its parent) is `current`.
    fn require_parens(
        &mut self,
        precedence: Prec,
        current: Prec,
        f: impl FnOnce(&mut Self) -> Result,
    ) -> Result {
        self.delimit_if(current > precedence, f)
    }

    /// `interleave(lambda: self.write(sep), f, items)`.
    fn interleave<T>(
        &mut self,
        sep: &str,
        items: impl IntoIterator<Item = T>,
        mut f: impl FnMut(&mut Self, T) -> Result,
    ) -> Result {
        for (i, item) in items.into_iter().enumerate() {
            if i > 0 {
                self.write(sep);
            }
            f(self, item)?;
        }
        Ok(())
    }

    /// `with self.block(extra=...)`.
    fn block(&mut self, extra: Option<&str>, f: impl FnOnce(&mut Self) -> Result) -> Result {
        self.write(":");
        if let Some(extra) = extra {
            self.write(extra);
        }
        self.indent += 1;
        let r = f(self);
        self.indent -= 1;
        r
    }
}
