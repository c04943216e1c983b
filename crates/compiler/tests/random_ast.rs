//! Random ASTs compile without panicking, and every code object produced keeps
//! within its declared stack depth (checked by walking all paths, exception
//! handlers included).

use std::collections::HashMap;

use pith_ast::*;
use pith_bytecode::{CodeObject, Constant as K, Opcode};
use pith_compiler::{compile, Mode};
use proptest::prelude::*;

const R: TextRange = TextRange { start: 0, end: 0 };

fn name(id: &str, ctx: ExprContext) -> Expr {
    Expr::Name(ExprName {
        range: R,
        id: id.into(),
        ctx,
    })
}

fn int(v: i64) -> Expr {
    Expr::Constant(ExprConstant {
        range: R,
        value: Constant::Int(Int::Small(v)),
        kind: ConstantKind::None,
    })
}

fn expr() -> impl Strategy<Value = Expr> {
    let leaf = prop_oneof![
        prop::sample::select(vec!["a", "b", "c", "print"]).prop_map(|n| name(n, ExprContext::Load)),
        (-3i64..300).prop_map(int),
        Just(Expr::Constant(ExprConstant {
            range: R,
            value: Constant::Str("s".into()),
            kind: ConstantKind::None,
        })),
    ];
    leaf.prop_recursive(4, 24, 4, |inner| {
        prop_oneof![
            (
                inner.clone(),
                inner.clone(),
                prop::sample::select(Operator::ALL.to_vec())
            )
                .prop_map(|(l, r, op)| Expr::BinOp(ExprBinOp {
                    range: R,
                    left: Box::new(l),
                    op,
                    right: Box::new(r)
                })),
            (inner.clone(), prop::sample::select(UnaryOp::ALL.to_vec())).prop_map(|(e, op)| {
                Expr::UnaryOp(ExprUnaryOp {
                    range: R,
                    op,
                    operand: Box::new(e),
                })
            }),
            (prop::collection::vec(inner.clone(), 2..4), any::<bool>()).prop_map(|(v, and)| {
                Expr::BoolOp(ExprBoolOp {
                    range: R,
                    op: if and { BoolOp::And } else { BoolOp::Or },
                    values: v,
                })
            }),
            (
                inner.clone(),
                prop::collection::vec(
                    (prop::sample::select(CmpOp::ALL.to_vec()), inner.clone()),
                    1..3
                )
            )
                .prop_map(|(l, rest)| Expr::Compare(ExprCompare {
                    range: R,
                    left: Box::new(l),
                    ops: rest.iter().map(|(o, _)| *o).collect(),
                    comparators: rest.into_iter().map(|(_, e)| e).collect(),
                })),
            (inner.clone(), prop::collection::vec(inner.clone(), 0..3)).prop_map(|(f, args)| {
                Expr::Call(ExprCall {
                    range: R,
                    func: Box::new(f),
                    args: args.into(),
                    keywords: Box::new([]),
                })
            }),
            (inner.clone(), inner.clone(), inner.clone()).prop_map(|(t, b, o)| Expr::IfExp(
                ExprIfExp {
                    range: R,
                    test: Box::new(t),
                    body: Box::new(b),
                    orelse: Box::new(o)
                }
            )),
            prop::collection::vec(inner.clone(), 0..4).prop_map(|elts| Expr::List(ExprList {
                range: R,
                elts,
                ctx: ExprContext::Load
            })),
            prop::collection::vec(inner.clone(), 0..4).prop_map(|elts| Expr::Tuple(ExprTuple {
                range: R,
                elts,
                ctx: ExprContext::Load
            })),
            (inner.clone(), inner.clone()).prop_map(|(v, s)| Expr::Subscript(ExprSubscript {
                range: R,
                value: Box::new(v),
                slice: Box::new(s),
                ctx: ExprContext::Load
            })),
            inner.clone().prop_map(|v| Expr::Attribute(ExprAttribute {
                range: R,
                value: Box::new(v),
                attr: Identifier::new("x", R),
                ctx: ExprContext::Load
            })),
            (inner.clone(), inner.clone()).prop_map(|(elt, it)| Expr::ListComp(ExprListComp {
                range: R,
                elt: Box::new(elt),
                generators: vec![Comprehension {
                    target: name("a", ExprContext::Store),
                    iter: it,
                    ifs: vec![],
                    is_async: false,
                }],
            })),
            inner.clone().prop_map(|body| Expr::Lambda(ExprLambda {
                range: R,
                args: Box::new(Arguments {
                    args: vec![Arg {
                        range: R,
                        arg: Identifier::new("a", R),
                        annotation: None,
                        type_comment: None
                    }],
                    ..Arguments::default()
                }),
                body: Box::new(body),
            })),
        ]
    })
}

fn stmt() -> impl Strategy<Value = Stmt> {
    let simple = prop_oneof![
        expr().prop_map(|e| Stmt::Expr(StmtExpr {
            range: R,
            value: Box::new(e)
        })),
        (prop::sample::select(vec!["a", "b", "c"]), expr()).prop_map(|(n, e)| Stmt::Assign(
            StmtAssign {
                range: R,
                targets: vec![name(n, ExprContext::Store)],
                value: Box::new(e),
                type_comment: None
            }
        )),
        (expr(), prop::sample::select(Operator::ALL.to_vec())).prop_map(|(e, op)| {
            Stmt::AugAssign(StmtAugAssign {
                range: R,
                target: Box::new(name("a", ExprContext::Store)),
                op,
                value: Box::new(e),
            })
        }),
        Just(Stmt::Pass(StmtPass { range: R })),
    ];
    simple.prop_recursive(3, 16, 3, |inner| {
        let body = prop::collection::vec(inner.clone(), 1..3);
        prop_oneof![
            (
                expr(),
                body.clone(),
                prop::collection::vec(inner.clone(), 0..2)
            )
                .prop_map(|(t, b, o)| Stmt::If(StmtIf {
                    range: R,
                    test: Box::new(t),
                    body: b,
                    orelse: o
                })),
            (expr(), body.clone(), any::<bool>()).prop_map(|(t, mut b, brk)| {
                if brk {
                    b.push(Stmt::Break(StmtBreak { range: R }));
                } else {
                    b.push(Stmt::Continue(StmtContinue { range: R }));
                }
                Stmt::While(StmtWhile {
                    range: R,
                    test: Box::new(t),
                    body: b,
                    orelse: vec![],
                })
            }),
            (expr(), body.clone()).prop_map(|(it, b)| Stmt::For(StmtFor {
                range: R,
                target: Box::new(name("c", ExprContext::Store)),
                iter: Box::new(it),
                body: b,
                orelse: vec![],
                type_comment: None
            })),
            (body.clone(), body.clone(), body.clone()).prop_map(|(b, h, f)| Stmt::Try(StmtTry {
                range: R,
                body: b,
                handlers: vec![ExceptHandler {
                    range: R,
                    type_: Some(Box::new(name("E", ExprContext::Load))),
                    name: Some(Identifier::new("e", R)),
                    body: h,
                }],
                orelse: vec![],
                finalbody: f,
            })),
            (expr(), body.clone()).prop_map(|(cm, b)| Stmt::With(StmtWith {
                range: R,
                items: vec![WithItem {
                    context_expr: cm,
                    optional_vars: Some(Box::new(name("b", ExprContext::Store)))
                }],
                body: b,
                type_comment: None
            })),
            (body.clone(), expr()).prop_map(|(mut b, r)| {
                b.push(Stmt::Return(StmtReturn {
                    range: R,
                    value: Some(Box::new(r)),
                }));
                Stmt::FunctionDef(StmtFunctionDef {
                    range: R,
                    name: Identifier::new("f", R),
                    args: Box::new(Arguments::default()),
                    body: b,
                    decorator_list: vec![],
                    returns: None,
                    type_comment: None,
                })
            }),
        ]
    })
}

/// Walks every path of `code`, checking that the stack never goes below zero or
/// above `co_stacksize`.
fn check_stack(code: &CodeObject) -> Result<(), String> {
    let instrs: Vec<_> = code.instructions().collect();
    let index: HashMap<u32, usize> = instrs
        .iter()
        .enumerate()
        .map(|(i, x)| (x.offset, i))
        .collect();
    let generator = code.flags.0 & 0x2a0 != 0;
    let mut depth_at: Vec<Option<i32>> = vec![None; instrs.len()];
    let mut work = vec![(0usize, i32::from(generator))];
    let handlers = code.exception_entries();
    while let Some((i, depth)) = work.pop() {
        if i >= instrs.len() {
            continue;
        }
        if depth_at[i].is_some_and(|d| d >= depth) {
            continue;
        }
        depth_at[i] = Some(depth);
        if depth < 0 || depth > code.stacksize as i32 {
            return Err(format!(
                "depth {depth} at offset {} (stacksize {})",
                instrs[i].offset, code.stacksize
            ));
        }
        let ins = instrs[i];
        let Some(op) = ins.base_opcode() else {
            return Err("unknown opcode".into());
        };
        if op == Opcode::ExtendedArg {
            work.push((i + 1, depth));
            continue;
        }
        for h in &handlers {
            if ins.offset >= h.start && ins.offset < h.end {
                if let Some(&t) = index.get(&h.target) {
                    work.push((t, h.depth as i32 + 1 + i32::from(h.lasti)));
                }
            }
        }
        let arg = ins.oparg() as i32;
        let no_jump = depth + op.stack_effect(arg, Some(false)).unwrap_or(0);
        if let Some(target) = ins.jump_target() {
            let jump = depth + op.stack_effect(arg, Some(true)).unwrap_or(0);
            if let Some(&t) = index.get(&(target as u32)) {
                work.push((t, jump));
            }
            if matches!(
                op,
                Opcode::JumpForward | Opcode::JumpBackward | Opcode::JumpBackwardNoInterrupt
            ) {
                continue;
            }
        }
        if matches!(
            op,
            Opcode::ReturnValue | Opcode::RaiseVarargs | Opcode::Reraise
        ) {
            continue;
        }
        if i + 1 < instrs.len() {
            work.push((i + 1, no_jump));
        }
    }
    for c in &code.consts {
        if let K::Code(inner) = c {
            check_stack(inner)?;
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn random_modules_compile_within_stack_depth(body in prop::collection::vec(stmt(), 1..5)) {
        let tree = Mod::Module(ModModule { body, type_ignores: vec![] });
        if let Ok(code) = compile(&tree, "", "<random>", Mode::Exec) {
            if let Err(e) = check_stack(&code) {
                prop_assert!(false, "{}\n{}", e, pith_bytecode::dis(&code));
            }
        }
    }
}

fn nested(depth: usize) -> Mod {
    let mut e = int(1);
    for _ in 0..depth {
        e = Expr::BinOp(ExprBinOp {
            range: R,
            left: Box::new(e),
            op: Operator::Add,
            right: Box::new(name("a", ExprContext::Load)),
        });
    }
    Mod::Expression(ModExpression { body: Box::new(e) })
}

/// Runs `f` on a thread with a main-thread-sized stack (tests get 2 MiB).
fn with_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(8 << 20)
        .spawn(f)
        .expect("spawn test thread")
        .join()
        .expect("test thread finished")
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let kind = with_stack(|| {
        let tree = nested(5000);
        let r = compile(&tree, "", "<deep>", Mode::Eval).map(|_| ());
        // Drop the deep tree iteratively would need unboxing; a big stack suffices.
        r.map_err(|e| e.kind.name())
    });
    assert_eq!(kind, Err("RecursionError"));
    let ok = with_stack(|| compile(&nested(1000), "", "<deep>", Mode::Eval).is_ok());
    assert!(ok, "1000 nested additions compile");
}

#[test]
fn odd_but_valid_shaped_trees_do_not_panic() {
    let store = |n: &str| name(n, ExprContext::Store);
    let exprs = vec![
        // A store-context name read as a value.
        store("a"),
        Expr::Starred(ExprStarred {
            range: R,
            value: Box::new(name("a", ExprContext::Load)),
            ctx: ExprContext::Load,
        }),
        Expr::Tuple(ExprTuple {
            range: R,
            elts: vec![store("a"), store("b")],
            ctx: ExprContext::Del,
        }),
        Expr::Yield(ExprYield {
            range: R,
            value: None,
        }),
        Expr::Await(ExprAwait {
            range: R,
            value: Box::new(int(1)),
        }),
    ];
    for e in exprs {
        let body = vec![
            Stmt::Expr(StmtExpr {
                range: R,
                value: Box::new(e.clone()),
            }),
            Stmt::Break(StmtBreak { range: R }),
            Stmt::Return(StmtReturn {
                range: R,
                value: Some(Box::new(e)),
            }),
        ];
        let func = Stmt::FunctionDef(StmtFunctionDef {
            range: R,
            name: Identifier::new("f", R),
            args: Box::new(Arguments::default()),
            body: body.clone(),
            decorator_list: vec![],
            returns: None,
            type_comment: None,
        });
        for tree in [
            Mod::Module(ModModule {
                body: body.clone(),
                type_ignores: vec![],
            }),
            Mod::Module(ModModule {
                body: vec![func],
                type_ignores: vec![],
            }),
            Mod::Interactive(ModInteractive { body }),
        ] {
            let _ = compile(&tree, "", "<odd>", Mode::Exec);
        }
    }
}
