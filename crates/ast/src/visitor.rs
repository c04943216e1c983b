//! Read-only traversal: implement [`Visitor`], override the `visit_*` methods you
//! care about, and call the matching `walk_*` function to continue into children.

use crate::walk::define_walkers;
use crate::{
    Alias, Arg, Arguments, BoolOp, CmpOp, Comprehension, Constant, ExceptHandler, Expr,
    ExprContext, Keyword, MatchCase, Mod, Operator, Pattern, Stmt, TypeIgnore, UnaryOp, WithItem,
};

/// A read-only walk over a tree. Every method defaults to visiting all children in
/// CPython's field order, so an empty `impl` visits every node.
#[allow(unused_variables)]
pub trait Visitor<'a> {
    /// A whole module (any parse mode).
    fn visit_mod(&mut self, node: &'a Mod) {
        walk_mod(self, node);
    }
    /// A statement list (a module body, a block, an `else`, a `finally`).
    fn visit_body(&mut self, body: &'a [Stmt]) {
        walk_body(self, body);
    }
    /// A statement.
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        walk_stmt(self, stmt);
    }
    /// An expression.
    fn visit_expr(&mut self, expr: &'a Expr) {
        walk_expr(self, expr);
    }
    /// A `match` pattern.
    fn visit_pattern(&mut self, pattern: &'a Pattern) {
        walk_pattern(self, pattern);
    }
    /// A `for ... in ... if ...` clause of a comprehension.
    fn visit_comprehension(&mut self, node: &'a Comprehension) {
        walk_comprehension(self, node);
    }
    /// An `except` clause.
    fn visit_excepthandler(&mut self, node: &'a ExceptHandler) {
        walk_excepthandler(self, node);
    }
    /// A parameter list.
    fn visit_arguments(&mut self, node: &'a Arguments) {
        walk_arguments(self, node);
    }
    /// One parameter.
    fn visit_arg(&mut self, node: &'a Arg) {
        walk_arg(self, node);
    }
    /// A keyword argument of a call or class.
    fn visit_keyword(&mut self, node: &'a Keyword) {
        walk_keyword(self, node);
    }
    /// An imported name.
    fn visit_alias(&mut self, node: &'a Alias) {}
    /// A `with` item.
    fn visit_withitem(&mut self, node: &'a WithItem) {
        walk_withitem(self, node);
    }
    /// A `case` block.
    fn visit_match_case(&mut self, node: &'a MatchCase) {
        walk_match_case(self, node);
    }
    /// A `# type: ignore` comment.
    fn visit_type_ignore(&mut self, node: &'a TypeIgnore) {}
    /// A constant value.
    fn visit_constant(&mut self, value: &'a Constant) {}
    /// A load/store/del context.
    fn visit_expr_context(&mut self, ctx: &'a ExprContext) {}
    /// `and` / `or`.
    fn visit_boolop(&mut self, op: &'a BoolOp) {}
    /// A binary operator.
    fn visit_operator(&mut self, op: &'a Operator) {}
    /// A unary operator.
    fn visit_unaryop(&mut self, op: &'a UnaryOp) {}
    /// A comparison operator.
    fn visit_cmpop(&mut self, op: &'a CmpOp) {}
}

define_walkers!(trait = [Visitor<'a>], lt = ['a], m = [], body = &'a [Stmt]);
