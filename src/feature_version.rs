//! `ast.parse(..., feature_version=(3, N))`: syntax newer than 3.N is a
//! `SyntaxError`, with the messages of CPython's `CHECK_VERSION` rules
//! (`Python/python.gram`) and of its tokenizer and f-string parser.
//!
//! CPython checks while parsing; Pith parses as 3.11 and then looks for the
//! newer constructs in the tree (and, where the tree does not show them, in
//! the tokens), so the parser's hot path pays nothing. Of several offenders
//! the one CPython's parser meets first is reported: the one whose rule
//! completes first, which is the one ending first (the inner one on a tie).

use pith_ast::visitor::{walk_expr, walk_stmt, Visitor};
use pith_ast::{Constant, Expr, Ranged, Stmt, TextRange};
use pith_lexer::{Flavor, Keyword, Operator, TokenKind};

/// A construct too new for the requested version.
pub struct TooNew {
    /// `Positional-only parameters are only supported in Python 3.8 and greater`.
    pub message: String,
    /// Where the construct is.
    pub range: TextRange,
}

/// Finds the first construct of `tree` (parsed from `source`) that Python
/// 3.`minor` lacks.
pub fn check(tree: &pith_ast::Mod, source: &str, minor: u32) -> Option<TooNew> {
    let mut finder = Finder {
        source,
        minor,
        found: None,
        fstring_depth: 0,
        parenthesized_with: None,
    };
    finder.visit_mod(tree);
    finder
        .found
        .map(|(_, range, message)| TooNew { message, range })
}

struct Finder<'s> {
    source: &'s str,
    minor: u32,
    /// The offender found first so far: when the parser meets it (a range
    /// whose end orders offenders), where it is, and the message.
    found: Option<(TextRange, TextRange, String)>,
    /// How many f-strings the walk is inside: CPython parses their
    /// expressions separately and prefixes its messages with `f-string: `.
    fstring_depth: u32,
    /// `with` statements whose items are in parentheses (start offsets),
    /// found from the tokens the first time a `with` is met.
    parenthesized_with: Option<Vec<u32>>,
}

impl Finder<'_> {
    fn needs(&mut self, version: u32, what: &str, range: TextRange) {
        self.needs_at(version, what, range, range);
    }

    /// As [`Finder::needs`], for a construct the parser checks when it
    /// reaches `order`'s end rather than the construct's.
    fn needs_at(&mut self, version: u32, what: &str, order: TextRange, range: TextRange) {
        if self.minor >= version {
            return;
        }
        let better = match &self.found {
            None => true,
            Some((o, _, _)) => order.end < o.end || (order.end == o.end && order.start > o.start),
        };
        if better {
            let prefix = if self.fstring_depth > 0 && !what.starts_with("f-string") {
                "f-string: "
            } else {
                ""
            };
            let message =
                format!("{prefix}{what} only supported in Python 3.{version} and greater");
            self.found = Some((order, range, message));
        }
    }

    fn text(&self, range: TextRange) -> &str {
        self.source
            .get(range.start as usize..range.end as usize)
            .unwrap_or("")
    }

    /// Whether the `with` statement starting at `start` is
    /// `with (item, ...):`, the form of 3.9's grammar: its `(` closes just
    /// before the `:`.
    fn is_parenthesized_with(&mut self, start: u32) -> bool {
        let source = self.source;
        let starts = self
            .parenthesized_with
            .get_or_insert_with(|| parenthesized_withs(source));
        starts.binary_search(&start).is_ok()
    }

    /// The f-string replacement fields of `value` (a `FormattedValue`'s
    /// expression) that end in `=` (`f"{x=}"`).
    fn is_self_documenting(&self, value: &Expr) -> bool {
        let rest = self.source.get(value.range().end as usize..).unwrap_or("");
        let rest = rest.trim_start_matches([' ', '\t', '\n', '\r', '\x0c']);
        rest.starts_with('=') && !rest.starts_with("==")
    }
}

/// Start offsets of the `with` statements of `source` written
/// `with ( ... ):`.
fn parenthesized_withs(source: &str) -> Vec<u32> {
    let tokens: Vec<_> = pith_lexer::Tokenizer::new(source, Flavor::Compiler)
        .map_while(Result::ok)
        .filter(|t| !matches!(t.kind, TokenKind::Nl | TokenKind::Comment))
        .collect();
    let mut out = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        if t.kind != TokenKind::Keyword(Keyword::With) {
            continue;
        }
        if tokens.get(i + 1).map(|t| t.kind) != Some(TokenKind::Op(Operator::Lpar)) {
            continue;
        }
        let mut depth = 0u32;
        for (j, u) in tokens.iter().enumerate().skip(i + 1) {
            match u.kind {
                TokenKind::Op(Operator::Lpar) => depth += 1,
                TokenKind::Op(Operator::Rpar) => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        if tokens.get(j + 1).map(|t| t.kind) == Some(TokenKind::Op(Operator::Colon))
                        {
                            out.push(t.start);
                        }
                        break;
                    }
                }
                TokenKind::Newline | TokenKind::EndMarker => break,
                _ => {}
            }
        }
    }
    out
}

impl<'a> Visitor<'a> for Finder<'_> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        let r = stmt.range();
        match stmt {
            Stmt::AsyncFunctionDef(_) => self.needs(5, "Async functions are", r),
            Stmt::AsyncFor(_) => self.needs(5, "Async for loops are", r),
            Stmt::AsyncWith(_) => self.needs(5, "Async with statements are", r),
            Stmt::AnnAssign(a) => {
                let what = if matches!(*a.target, Expr::Name(_)) && !self.text(r).starts_with('(') {
                    "Variable annotation syntax is"
                } else {
                    "Variable annotations syntax is"
                };
                self.needs(6, what, r);
            }
            Stmt::Match(_) => self.needs(10, "Pattern matching is", r),
            Stmt::TryStar(_) => self.needs(11, "Exception groups are", r),
            _ => {}
        }
        // `async with (...)` has no version check in CPython's grammar.
        if let Stmt::With(_) = stmt {
            if self.minor < 9 && self.is_parenthesized_with(r.start) {
                self.needs(9, "Parenthesized context managers are", r);
            }
        }
        if let Stmt::FunctionDef(f) | Stmt::AsyncFunctionDef(f) = stmt {
            if let Some(first) = f.args.posonlyargs.first() {
                self.needs(8, "Positional-only parameters are", first.range);
            }
        }
        walk_stmt(self, stmt);
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        let r = expr.range();
        match expr {
            Expr::Await(_) => self.needs(5, "Await expressions are", r),
            Expr::NamedExpr(_) => self.needs(8, "Assignment expressions are", r),
            // Checked when the string token is read, before the parser
            // reads the expressions inside.
            Expr::JoinedStr(_) => {
                let at_start = TextRange::new(r.start, r.start);
                self.needs_at(6, "Format strings are", at_start, r);
            }
            Expr::FormattedValue(f) if self.is_self_documenting(&f.value) => {
                self.needs(8, "f-string: self documenting expressions are", r)
            }
            Expr::Lambda(l) => {
                if let Some(first) = l.args.posonlyargs.first() {
                    self.needs(8, "Positional-only parameters are", first.range);
                }
            }
            Expr::ListComp(c) if c.generators.iter().any(|g| g.is_async) => {
                self.needs(6, "Async comprehensions are", r)
            }
            Expr::SetComp(c) if c.generators.iter().any(|g| g.is_async) => {
                self.needs(6, "Async comprehensions are", r)
            }
            Expr::GeneratorExp(c) if c.generators.iter().any(|g| g.is_async) => {
                self.needs(6, "Async comprehensions are", r)
            }
            Expr::DictComp(c) if c.generators.iter().any(|g| g.is_async) => {
                self.needs(6, "Async comprehensions are", r)
            }
            Expr::Constant(c)
                if matches!(
                    c.value,
                    Constant::Int(_) | Constant::Float(_) | Constant::Complex { .. }
                ) && self.text(r).contains('_') =>
            {
                self.needs(6, "Underscores in numeric literals are", r)
            }
            _ => {}
        }
        let fstring = matches!(expr, Expr::JoinedStr(_));
        self.fstring_depth += u32::from(fstring);
        walk_expr(self, expr);
        self.fstring_depth -= u32::from(fstring);
    }
}
