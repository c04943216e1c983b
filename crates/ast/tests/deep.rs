//! Deep trees: a parser caps nesting (CPython's at about 6,000 levels in
//! `MAXSTACK`), and dump, unparse and the visitor must handle that depth on a
//! main-thread-sized stack.

use pith_ast::visitor::{self, Visitor};
use pith_ast::{
    dump, unparse_expr, Constant, ConstantKind, DumpOptions, Expr, ExprBinOp, ExprConstant,
    LineIndex, Operator, TextRange,
};

const DEPTH: usize = 6_000;

/// `1 + 1 + ... + 1`, left-nested `DEPTH` levels deep.
fn chain() -> Expr {
    let one = || {
        Expr::Constant(ExprConstant {
            range: TextRange::default(),
            value: Constant::Int(1.into()),
            kind: ConstantKind::None,
        })
    };
    let mut e = one();
    for _ in 0..DEPTH {
        e = Expr::BinOp(ExprBinOp {
            range: TextRange::default(),
            left: Box::new(e),
            op: Operator::Add,
            right: Box::new(one()),
        });
    }
    e
}

struct Count(usize);

impl<'a> Visitor<'a> for Count {
    fn visit_expr(&mut self, expr: &'a Expr) {
        self.0 += 1;
        visitor::walk_expr(self, expr);
    }
}

#[test]
fn six_thousand_levels_fit_in_an_8_mib_stack() {
    std::thread::Builder::new()
        .stack_size(8 << 20)
        .spawn(|| {
            let e = chain();
            let text = unparse_expr(&e).expect("unparses");
            assert_eq!(text.len(), 1 + 4 * DEPTH);
            // Single-line: an indented dump of 6,000 levels is quadratic in size.
            let opts = DumpOptions::new().include_attributes(true);
            let d = dump(&e, &opts, &LineIndex::new(""));
            assert!(d.starts_with("BinOp(left=BinOp(left=BinOp("));
            let mut count = Count(0);
            count.visit_expr(&e);
            assert_eq!(count.0, 2 * DEPTH + 1);
            // Dropping a deep Box chain recurses too.
            drop(e);
        })
        .expect("spawn")
        .join()
        .expect("no stack overflow");
}
