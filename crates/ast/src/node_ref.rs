//! A borrowed reference to any node, for functions that accept every node kind.

use crate::{
    Alias, Arg, Arguments, Comprehension, ExceptHandler, Expr, Keyword, MatchCase, Mod, Pattern,
    Stmt, TypeIgnore, WithItem,
};

/// A shared reference to a node of any kind (what `ast.AST` is in Python).
#[derive(Clone, Copy, Debug)]
pub enum NodeRef<'a> {
    /// A `mod`.
    Mod(&'a Mod),
    /// A `stmt`.
    Stmt(&'a Stmt),
    /// An `expr`.
    Expr(&'a Expr),
    /// A `pattern`.
    Pattern(&'a Pattern),
    /// An `excepthandler`.
    ExceptHandler(&'a ExceptHandler),
    /// An `arguments`.
    Arguments(&'a Arguments),
    /// An `arg`.
    Arg(&'a Arg),
    /// A `keyword`.
    Keyword(&'a Keyword),
    /// An `alias`.
    Alias(&'a Alias),
    /// A `withitem`.
    WithItem(&'a WithItem),
    /// A `match_case`.
    MatchCase(&'a MatchCase),
    /// A `comprehension`.
    Comprehension(&'a Comprehension),
    /// A `type_ignore`.
    TypeIgnore(&'a TypeIgnore),
}

macro_rules! node_ref_from {
    ($($variant:ident),*) => {
        $(impl<'a> From<&'a $variant> for NodeRef<'a> {
            fn from(node: &'a $variant) -> Self {
                Self::$variant(node)
            }
        })*
    };
}
node_ref_from!(
    Mod,
    Stmt,
    Expr,
    Pattern,
    ExceptHandler,
    Arguments,
    Arg,
    Keyword,
    Alias,
    WithItem,
    MatchCase,
    Comprehension,
    TypeIgnore
);
