//! Whether CPython 3.11 rebuilds a frozenset constant when it makes the code
//! object holding it, which decides the order `dis` lists its elements in.
//!
//! `intern_string_constants` (Objects/codeobject.c) interns every string
//! constant made of name characters. When a frozenset element is replaced that
//! way (an equal string was already interned as *another* object), CPython
//! builds a new frozenset from the old one's iteration order, and that rebuild
//! can reorder the elements. Equal strings already interned are the static
//! identifiers of the interpreter ([`STATIC_IDS`]) and every identifier of the
//! module, which the parser interns before compiling. In a process that asks
//! for it ([`track_interned_strings`], the `pith` command), also the strings
//! the code objects compiled earlier in the process interned: names, local
//! names and name-character constants of the modules imported before (what
//! CPython's own start-up and other modules intern is not known here).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

use pith_ast::visitor::{walk_expr, walk_pattern, walk_stmt, Visitor};
use pith_ast::{Alias, Arg, ExceptHandler, Expr, Keyword, Mod, Pattern, Stmt};
use pith_bytecode::{CodeObject, Constant, PyStr};

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
            && (STATIC_IDS.binary_search(&text).is_ok()
                || self.names.contains(text)
                || interned_earlier(text))
    }

    /// Whether CPython rebuilds a frozenset of `items` when interning.
    pub(crate) fn rebuilds_frozenset(&self, items: &[Constant]) -> bool {
        items.iter().any(|item| match item {
            Constant::Str(s) => s.as_str().is_some_and(|t| self.replaced_by_interning(t)),
            _ => false,
        })
    }
}

/// Whether [`EARLIER`] is kept (off for a library user, whose compilations
/// are unrelated to each other).
static TRACKING: AtomicBool = AtomicBool::new(false);

/// The strings the code objects compiled so far in this process interned.
static EARLIER: Mutex<Option<FxHashSet<Box<str>>>> = Mutex::new(None);

/// Makes every later compilation remember the strings its code objects
/// intern, as one CPython process does, so that a frozenset constant of a
/// module compiled after them is ordered as CPython orders it.
pub fn track_interned_strings() {
    TRACKING.store(true, Ordering::Relaxed);
}

/// Whether a code object compiled earlier in this process interned `text`.
fn interned_earlier(text: &str) -> bool {
    TRACKING.load(Ordering::Relaxed)
        && EARLIER
            .lock()
            .is_ok_and(|earlier| earlier.as_ref().is_some_and(|set| set.contains(text)))
}

/// Records what making `code` (and the code objects in its constants)
/// interns: `intern_strings` of its names and local names, and
/// `intern_string_constants` of its name-character string constants.
pub(crate) fn remember(code: &CodeObject) {
    if !TRACKING.load(Ordering::Relaxed) {
        return;
    }
    let Ok(mut earlier) = EARLIER.lock() else {
        return;
    };
    remember_code(earlier.get_or_insert_with(FxHashSet::default), code);
}

fn remember_code(set: &mut FxHashSet<Box<str>>, code: &CodeObject) {
    for name in code.names.iter().chain(&code.localsplusnames) {
        remember_str(set, name);
    }
    for c in &code.consts {
        remember_const(set, c);
    }
}

fn remember_const(set: &mut FxHashSet<Box<str>>, c: &Constant) {
    match c {
        Constant::Str(s)
            if s.as_str()
                .is_some_and(|t| t.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')) =>
        {
            remember_str(set, s);
        }
        Constant::Tuple(items) | Constant::FrozenSet(items) => {
            items.iter().for_each(|item| remember_const(set, item));
        }
        Constant::Code(code) => remember_code(set, code),
        _ => {}
    }
}

fn remember_str(set: &mut FxHashSet<Box<str>>, s: &PyStr) {
    if let Some(text) = s.as_str() {
        if text.len() > 1 && !set.contains(text) {
            set.insert(text.into());
        }
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
