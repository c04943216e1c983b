//! The symbol table as tools see it: each scope's names with their flags
//! and resolved scopes, in the form CPython's `_symtable` module gives (the
//! `symtable` module's raw tables).

use pith_ast::{Mod, SourceLocator};

use crate::error::CompileError;
use crate::symtable::{self, BlockKind, Scope};

/// How far a symbol's resolved scope is shifted above its `DEF_*` flags in
/// [`ScopeSummary::symbols`] (`SCOPE_OFF`).
pub const SCOPE_OFF: u32 = 11;

/// The kind of a scope, numbered as `_symtable`'s `TYPE_*` constants.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockType {
    /// A function, lambda or comprehension (`TYPE_FUNCTION`, 0).
    Function = 0,
    /// A class body (`TYPE_CLASS`, 1).
    Class = 1,
    /// The module (`TYPE_MODULE`, 2).
    Module = 2,
}

/// One scope of a module's symbol table (CPython's `PySTEntryObject`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScopeSummary {
    /// Identifies the scope among all scopes of the tree (CPython uses the
    /// address of the AST node that opens it).
    pub id: usize,
    /// `top` for the module, the function or class name, `lambda`,
    /// `listcomp`, `setcomp`, `dictcomp` or `genexpr`.
    pub name: Box<str>,
    /// What opens the scope.
    pub block_type: BlockType,
    /// The line of the node that opens it (0 for the module).
    pub lineno: u32,
    /// Whether it is inside a function (at any depth).
    pub nested: bool,
    /// Each name in first-seen order, with its `DEF_*` flags and, above
    /// [`SCOPE_OFF`], its resolved scope (`LOCAL` 1, `GLOBAL_EXPLICIT` 2,
    /// `GLOBAL_IMPLICIT` 3, `FREE` 4, `CELL` 5).
    pub symbols: Vec<(Box<str>, u32)>,
    /// The parameters, in order.
    pub varnames: Vec<Box<str>>,
    /// The nested scopes, as indexes into the list [`symbol_table`] returns.
    pub children: Vec<usize>,
}

/// The scopes of `module` (the module's first), whose ranges `locator`
/// resolves.
///
/// As CPython's `_symtable.symtable()`, the table is built from the tree
/// as parsed: the folder's walk only checks it and measures its depth.
///
/// # Errors
/// The `SyntaxError`s of the `__future__` checks and of the symbol table
/// (`nonlocal` at module level, a duplicate argument, ...), and the
/// `RecursionError` of a tree nested too deeply, as compiling would raise.
pub fn symbol_table(
    mut module: Mod,
    locator: &(dyn SourceLocator + Sync),
) -> Result<Vec<ScopeSummary>, CompileError> {
    let prepared = crate::prepare(&mut module, locator, None)?;
    let future_annotations =
        prepared.future_flags & pith_bytecode::CodeFlags::FUTURE_ANNOTATIONS.0 != 0;
    crate::on_stack_for(prepared.depth, move || {
        let table = symtable::build(&module, locator, future_annotations)?;
        let mut ids = vec![0; table.scopes.len()];
        for (&key, &scope) in &table.by_node {
            ids[scope] = key;
        }
        Ok(table
            .scopes
            .into_iter()
            .zip(ids)
            .map(|(entry, id)| summary(entry, id, locator))
            .collect())
    })
}

fn summary(entry: symtable::ScopeEntry, id: usize, locator: &dyn SourceLocator) -> ScopeSummary {
    let block_type = match entry.kind {
        BlockKind::Function => BlockType::Function,
        BlockKind::Class => BlockType::Class,
        BlockKind::Module => BlockType::Module,
    };
    let lineno = match block_type {
        BlockType::Module => 0,
        _ => locator.location(entry.start).0,
    };
    let symbols = entry
        .symbols
        .into_iter()
        .zip(&entry.scopes)
        .map(|((name, flags), scope)| (name, flags | scope_number(*scope) << SCOPE_OFF))
        .collect();
    ScopeSummary {
        id,
        name: entry.name,
        block_type,
        lineno,
        nested: entry.nested,
        symbols,
        varnames: entry.varnames,
        children: entry.children,
    }
}

/// The number `_symtable` gives a resolved scope.
fn scope_number(scope: Scope) -> u32 {
    match scope {
        Scope::Local => 1,
        Scope::GlobalExplicit => 2,
        Scope::GlobalImplicit => 3,
        Scope::Free => 4,
        Scope::Cell => 5,
    }
}
