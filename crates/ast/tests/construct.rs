//! Building a tree by hand, as the parser will, and printing it.

use pith_ast::{
    dump, unparse, unparse_expr, Constant, ConstantKind, DumpOptions, Expr, ExprBinOp,
    ExprConstant, ExprContext, ExprName, Int, LineIndex, Mod, ModModule, Operator, Ranged, Stmt,
    StmtAssign, TextRange,
};

fn int(value: i64, start: u32, end: u32) -> Expr {
    Expr::Constant(ExprConstant {
        range: TextRange::new(start, end),
        value: Constant::Int(Int::from(value)),
        kind: ConstantKind::None,
    })
}

/// `x = 1 + 2**100`
fn tree() -> Mod {
    let power = Expr::BinOp(ExprBinOp {
        range: TextRange::new(8, 14),
        left: Box::new(int(2, 8, 9)),
        op: Operator::Pow,
        right: Box::new(int(100, 11, 14)),
    });
    let sum = Expr::BinOp(ExprBinOp {
        range: TextRange::new(4, 14),
        left: Box::new(int(1, 4, 5)),
        op: Operator::Add,
        right: Box::new(power),
    });
    let target = Expr::Name(ExprName {
        range: TextRange::new(0, 1),
        id: "x".into(),
        ctx: ExprContext::Store,
    });
    Mod::Module(ModModule {
        body: vec![Stmt::Assign(StmtAssign {
            range: TextRange::new(0, 14),
            targets: vec![target],
            value: Box::new(sum),
            type_comment: None,
        })],
        type_ignores: vec![],
    })
}

#[test]
fn dump_and_unparse_hand_built_tree() {
    let source = "x = 1 + 2**100\n";
    let index = LineIndex::new(source);
    let tree = tree();
    assert_eq!(
        dump(&tree, &DumpOptions::new(), &index),
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=BinOp(left=Constant(value=1), \
         op=Add(), right=BinOp(left=Constant(value=2), op=Pow(), right=Constant(value=100))))], \
         type_ignores=[])"
    );
    assert_eq!(unparse(&tree, None).as_deref(), Ok("x = 1 + 2 ** 100"));
    let Mod::Module(m) = &tree else {
        unreachable!()
    };
    assert_eq!(m.body[0].range(), TextRange::new(0, 14));
    let one_line = dump(&m.body[0], &DumpOptions::cli(true, 3), &index);
    assert!(one_line.starts_with("Assign(\n   targets=[\n      Name(\n         id='x',"));
}

#[test]
fn big_ints_print_in_decimal() {
    let big = Int::from_str_radix("ff".repeat(20).as_str(), 16).expect("hex digits");
    assert!(big.as_i64().is_none());
    let e = Expr::Constant(ExprConstant {
        range: TextRange::default(),
        value: Constant::Int(big),
        kind: ConstantKind::None,
    });
    assert_eq!(
        unparse_expr(&e).as_deref(),
        Ok("1461501637330902918203684832716283019655932542975")
    );
    assert_eq!(Int::from_str_radix("-42", 10), Ok(Int::Small(-42)));
    assert!(Int::from_str_radix("12z", 10).is_err());
}

#[test]
fn node_sizes_stay_small() {
    assert!(std::mem::size_of::<Expr>() <= 64);
    assert!(std::mem::size_of::<Stmt>() <= 120);
    assert_eq!(std::mem::size_of::<Constant>(), 24);
    println!(
        "Expr: {} bytes, Stmt: {} bytes, Pattern: {} bytes",
        std::mem::size_of::<Expr>(),
        std::mem::size_of::<Stmt>(),
        std::mem::size_of::<pith_ast::Pattern>()
    );
}
