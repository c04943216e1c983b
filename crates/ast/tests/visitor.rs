//! The Visitor and Transformer reach every node in CPython's order
//! (`ast.NodeVisitor.generic_visit`), and a Transformer's edits show in `unparse`.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use pith_ast::transformer::{self, Transformer};
use pith_ast::visitor::{self, Visitor};
use pith_ast::{
    unparse, Alias, Arg, Arguments, BoolOp, CmpOp, Comprehension, ExceptHandler, Expr, ExprContext,
    Keyword, MatchCase, Mod, Operator, Pattern, Stmt, TypeIgnore, UnaryOp, WithItem,
};

/// Records class names in visiting order.
#[derive(Default)]
struct Order(Vec<String>);

impl Order {
    fn push(&mut self, name: &str) {
        self.0.push(name.to_owned());
    }
}

impl<'a> Visitor<'a> for Order {
    fn visit_mod(&mut self, node: &'a Mod) {
        self.push(node.kind_name());
        visitor::walk_mod(self, node);
    }
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        self.push(stmt.kind_name());
        visitor::walk_stmt(self, stmt);
    }
    fn visit_expr(&mut self, expr: &'a Expr) {
        self.push(expr.kind_name());
        visitor::walk_expr(self, expr);
    }
    fn visit_pattern(&mut self, pattern: &'a Pattern) {
        self.push(pattern.kind_name());
        visitor::walk_pattern(self, pattern);
    }
    fn visit_comprehension(&mut self, node: &'a Comprehension) {
        self.push("comprehension");
        visitor::walk_comprehension(self, node);
    }
    fn visit_excepthandler(&mut self, node: &'a ExceptHandler) {
        self.push("ExceptHandler");
        visitor::walk_excepthandler(self, node);
    }
    fn visit_arguments(&mut self, node: &'a Arguments) {
        self.push("arguments");
        visitor::walk_arguments(self, node);
    }
    fn visit_arg(&mut self, node: &'a Arg) {
        self.push("arg");
        visitor::walk_arg(self, node);
    }
    fn visit_keyword(&mut self, node: &'a Keyword) {
        self.push("keyword");
        visitor::walk_keyword(self, node);
    }
    fn visit_alias(&mut self, _: &'a Alias) {
        self.push("alias");
    }
    fn visit_withitem(&mut self, node: &'a WithItem) {
        self.push("withitem");
        visitor::walk_withitem(self, node);
    }
    fn visit_match_case(&mut self, node: &'a MatchCase) {
        self.push("match_case");
        visitor::walk_match_case(self, node);
    }
    fn visit_type_ignore(&mut self, _: &'a TypeIgnore) {
        self.push("TypeIgnore");
    }
    fn visit_expr_context(&mut self, ctx: &'a ExprContext) {
        self.push(ctx.name());
    }
    fn visit_boolop(&mut self, op: &'a BoolOp) {
        self.push(op.name());
    }
    fn visit_operator(&mut self, op: &'a Operator) {
        self.push(op.name());
    }
    fn visit_unaryop(&mut self, op: &'a UnaryOp) {
        self.push(op.name());
    }
    fn visit_cmpop(&mut self, op: &'a CmpOp) {
        self.push(op.name());
    }
}

/// The same recording through the mutable walk.
impl Transformer for Order {
    fn visit_mod(&mut self, node: &mut Mod) {
        self.push(node.kind_name());
        transformer::walk_mod(self, node);
    }
    fn visit_stmt(&mut self, stmt: &mut Stmt) {
        self.push(stmt.kind_name());
        transformer::walk_stmt(self, stmt);
    }
    fn visit_expr(&mut self, expr: &mut Expr) {
        self.push(expr.kind_name());
        transformer::walk_expr(self, expr);
    }
    fn visit_pattern(&mut self, pattern: &mut Pattern) {
        self.push(pattern.kind_name());
        transformer::walk_pattern(self, pattern);
    }
    fn visit_comprehension(&mut self, node: &mut Comprehension) {
        self.push("comprehension");
        transformer::walk_comprehension(self, node);
    }
    fn visit_excepthandler(&mut self, node: &mut ExceptHandler) {
        self.push("ExceptHandler");
        transformer::walk_excepthandler(self, node);
    }
    fn visit_arguments(&mut self, node: &mut Arguments) {
        self.push("arguments");
        transformer::walk_arguments(self, node);
    }
    fn visit_arg(&mut self, node: &mut Arg) {
        self.push("arg");
        transformer::walk_arg(self, node);
    }
    fn visit_keyword(&mut self, node: &mut Keyword) {
        self.push("keyword");
        transformer::walk_keyword(self, node);
    }
    fn visit_alias(&mut self, _: &mut Alias) {
        self.push("alias");
    }
    fn visit_withitem(&mut self, node: &mut WithItem) {
        self.push("withitem");
        transformer::walk_withitem(self, node);
    }
    fn visit_match_case(&mut self, node: &mut MatchCase) {
        self.push("match_case");
        transformer::walk_match_case(self, node);
    }
    fn visit_type_ignore(&mut self, _: &mut TypeIgnore) {
        self.push("TypeIgnore");
    }
    fn visit_expr_context(&mut self, ctx: &mut ExprContext) {
        self.push(ctx.name());
    }
    fn visit_boolop(&mut self, op: &mut BoolOp) {
        self.push(op.name());
    }
    fn visit_operator(&mut self, op: &mut Operator) {
        self.push(op.name());
    }
    fn visit_unaryop(&mut self, op: &mut UnaryOp) {
        self.push(op.name());
    }
    fn visit_cmpop(&mut self, op: &mut CmpOp) {
        self.push(op.name());
    }
}

fn out_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/out")
}

fn load(stem: &str) -> common::Case {
    let text = fs::read_to_string(out_dir().join(format!("{stem}.json"))).expect("fixture");
    serde_json::from_str(&text).expect("fixture JSON")
}

fn stems() -> Vec<String> {
    let mut stems: Vec<String> = fs::read_dir(out_dir())
        .expect("fixture directory")
        .filter_map(|e| {
            let p = e.expect("entry").path();
            if p.extension()? != "json" {
                return None;
            }
            Some(p.file_stem()?.to_string_lossy().into_owned())
        })
        .collect();
    stems.sort();
    stems
}

#[test]
fn visitor_and_transformer_follow_cpython_order() {
    for stem in stems() {
        let want = fs::read_to_string(out_dir().join(format!("{stem}.walk"))).expect("walk file");
        let want: Vec<&str> = want.lines().collect();
        let mut case = load(&stem);

        let mut seen = Order::default();
        Visitor::visit_mod(&mut seen, &case.tree);
        assert_eq!(seen.0, want, "{stem}: Visitor order");

        let mut seen_mut = Order::default();
        Transformer::visit_mod(&mut seen_mut, &mut case.tree);
        assert_eq!(seen_mut.0, want, "{stem}: Transformer order");
    }
}

/// Renames every `Name` and drops every `pass` statement.
struct Rewrite;

impl Transformer for Rewrite {
    fn visit_body(&mut self, body: &mut Vec<Stmt>) {
        body.retain(|s| !matches!(s, Stmt::Pass(_)));
        transformer::walk_body(self, body);
    }
    fn visit_expr(&mut self, expr: &mut Expr) {
        if let Expr::Name(n) = expr {
            n.id = format!("{}_", n.id).into();
        }
        transformer::walk_expr(self, expr);
    }
}

#[test]
fn transformer_edits_show_in_unparse() {
    let mut case = load("statements");
    Transformer::visit_mod(&mut Rewrite, &mut case.tree);
    let text = unparse(&case.tree, None).expect("unparses");
    assert!(text.contains("a_ = b_ = c_ = 2"), "{text}");
    assert!(text.contains("del x_, y_[0], z_.attr"), "{text}");
    assert!(!text.contains("pass"), "{text}");
}
