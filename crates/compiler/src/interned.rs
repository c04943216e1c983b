//! Whether CPython 3.11 rebuilds a frozenset constant when it makes the code
//! object holding it, which decides the order `dis` lists its elements in.
//!
//! `intern_string_constants` (Objects/codeobject.c) interns every string
//! constant made of name characters. When a frozenset element is replaced that
//! way (an equal string was already interned as *another* object), CPython
//! builds a new frozenset from the old one's iteration order, and that rebuild
//! can reorder the elements. Equal strings already interned are the static
//! identifiers of the interpreter ([`STATIC_IDS`]) and every identifier of the
//! module, which the parser interns before compiling. Names interned by
//! modules the host process imported earlier are beyond what a compiler can
//! know, so they are not modelled.

use pith_ast::visitor::{walk_expr, walk_pattern, walk_stmt, Visitor};
use pith_ast::{Alias, Arg, ExceptHandler, Expr, Keyword, Mod, Pattern, Stmt};
use pith_bytecode::Constant;

use crate::fxhash::FxHashSet;
use crate::static_ids::STATIC_IDS;

/// The identifiers the parser interned while reading a module.
#[derive(Default)]
pub(crate) struct ModuleIdentifiers<'a> {
    names: FxHashSet<&'a str>,
}

impl<'a> ModuleIdentifiers<'a> {
    /// Every identifier written in `module`: names, attributes, parameters,
    /// keywords, imported names (each dotted part), `global`/`nonlocal` names,
    /// `except ... as` names and pattern captures.
    pub(crate) fn of(module: &'a Mod) -> Self {
        let mut ids = ModuleIdentifiers::default();
        ids.visit_mod(module);
        ids
    }

    fn add(&mut self, name: &'a str) {
        self.names.insert(name);
    }

    fn add_dotted(&mut self, name: &'a str) {
        name.split('.').for_each(|part| self.add(part));
    }

    /// Whether interning `text` at code-object creation finds an equal string
    /// interned as a different object. One-character strings are singletons,
    /// the same object wherever they occur, so they never count.
    fn replaced_by_interning(&self, text: &str) -> bool {
        text.chars().nth(1).is_some()
            && text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
            && (STATIC_IDS.binary_search(&text).is_ok() || self.names.contains(text))
    }

    /// Whether CPython rebuilds a frozenset of `items` when interning.
    pub(crate) fn rebuilds_frozenset(&self, items: &[Constant]) -> bool {
        items.iter().any(|item| match item {
            Constant::Str(s) => s.as_str().is_some_and(|t| self.replaced_by_interning(t)),
            _ => false,
        })
    }
}

impl<'a> Visitor<'a> for ModuleIdentifiers<'a> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        match stmt {
            Stmt::FunctionDef(f) | Stmt::AsyncFunctionDef(f) => self.add(&f.name.id),
            Stmt::ClassDef(c) => self.add(&c.name.id),
            Stmt::ImportFrom(i) => {
                if let Some(module) = &i.module {
                    self.add_dotted(&module.id);
                }
            }
            Stmt::Global(g) => g.names.iter().for_each(|n| self.add(&n.id)),
            Stmt::Nonlocal(n) => n.names.iter().for_each(|n| self.add(&n.id)),
            _ => {}
        }
        walk_stmt(self, stmt);
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        match expr {
            Expr::Name(n) => self.add(&n.id),
            Expr::Attribute(a) => self.add(&a.attr.id),
            _ => {}
        }
        walk_expr(self, expr);
    }

    fn visit_arg(&mut self, node: &'a Arg) {
        self.add(&node.arg.id);
        pith_ast::visitor::walk_arg(self, node);
    }

    fn visit_keyword(&mut self, node: &'a Keyword) {
        if let Some(arg) = &node.arg {
            self.add(&arg.id);
        }
        pith_ast::visitor::walk_keyword(self, node);
    }

    fn visit_alias(&mut self, node: &'a Alias) {
        self.add_dotted(&node.name.id);
        if let Some(asname) = &node.asname {
            self.add(&asname.id);
        }
    }

    fn visit_excepthandler(&mut self, node: &'a ExceptHandler) {
        if let Some(name) = &node.name {
            self.add(&name.id);
        }
        pith_ast::visitor::walk_excepthandler(self, node);
    }

    fn visit_pattern(&mut self, pattern: &'a Pattern) {
        match pattern {
            Pattern::MatchMapping(m) => {
                if let Some(rest) = &m.rest {
                    self.add(&rest.id);
                }
            }
            Pattern::MatchClass(c) => c.kwd_attrs.iter().for_each(|a| self.add(&a.id)),
            Pattern::MatchStar(s) => {
                if let Some(name) = &s.name {
                    self.add(&name.id);
                }
            }
            Pattern::MatchAs(a) => {
                if let Some(name) = &a.name {
                    self.add(&name.id);
                }
            }
            _ => {}
        }
        walk_pattern(self, pattern);
    }
}
