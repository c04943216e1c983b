//! In-place rewriting: implement [`Transformer`], override the `visit_*` methods for
//! the nodes you rewrite (assign through the `&mut`, or edit a statement list in
//! `visit_body`), and call the matching `walk_*` function to continue into children.

use crate::walk::define_walkers;
use crate::{
    Alias, Arg, Arguments, BoolOp, CmpOp, Comprehension, Constant, ExceptHandler, Expr,
    ExprContext, Keyword, MatchCase, Mod, Operator, Pattern, Stmt, TypeIgnore, UnaryOp, WithItem,
};

/// A mutable walk over a tree. Every method defaults to walking all children in
/// CPython's field order.
#[allow(unused_variables)]
pub trait Transformer {
    /// A whole module (any parse mode).
    fn visit_mod(&mut self, node: &mut Mod) {
        walk_mod(self, node);
    }
    /// A statement list; override to insert or remove statements.
    fn visit_body(&mut self, body: &mut Vec<Stmt>) {
        walk_body(self, body);
    }
    /// A statement; assign to `*stmt` to replace it.
    fn visit_stmt(&mut self, stmt: &mut Stmt) {
        walk_stmt(self, stmt);
    }
    /// An expression; assign to `*expr` to replace it.
    fn visit_expr(&mut self, expr: &mut Expr) {
        walk_expr(self, expr);
    }
    /// A `match` pattern.
    fn visit_pattern(&mut self, pattern: &mut Pattern) {
        walk_pattern(self, pattern);
    }
    /// A `for ... in ... if ...` clause of a comprehension.
    fn visit_comprehension(&mut self, node: &mut Comprehension) {
        walk_comprehension(self, node);
    }
    /// An `except` clause.
    fn visit_excepthandler(&mut self, node: &mut ExceptHandler) {
        walk_excepthandler(self, node);
    }
    /// A parameter list.
    fn visit_arguments(&mut self, node: &mut Arguments) {
        walk_arguments(self, node);
    }
    /// One parameter.
    fn visit_arg(&mut self, node: &mut Arg) {
        walk_arg(self, node);
    }
    /// A keyword argument of a call or class.
    fn visit_keyword(&mut self, node: &mut Keyword) {
        walk_keyword(self, node);
    }
    /// An imported name.
    fn visit_alias(&mut self, node: &mut Alias) {}
    /// A `with` item.
    fn visit_withitem(&mut self, node: &mut WithItem) {
        walk_withitem(self, node);
    }
    /// A `case` block.
    fn visit_match_case(&mut self, node: &mut MatchCase) {
        walk_match_case(self, node);
    }
    /// A `# type: ignore` comment.
    fn visit_type_ignore(&mut self, node: &mut TypeIgnore) {}
    /// A constant value.
    fn visit_constant(&mut self, value: &mut Constant) {}
    /// A load/store/del context.
    fn visit_expr_context(&mut self, ctx: &mut ExprContext) {}
    /// `and` / `or`.
    fn visit_boolop(&mut self, op: &mut BoolOp) {}
    /// A binary operator.
    fn visit_operator(&mut self, op: &mut Operator) {}
    /// A unary operator.
    fn visit_unaryop(&mut self, op: &mut UnaryOp) {}
    /// A comparison operator.
    fn visit_cmpop(&mut self, op: &mut CmpOp) {}
}

define_walkers!(trait = [Transformer], lt = [], m = [mut], body = &mut Vec<Stmt>);
