//! The three modes and the public error API, against CPython 3.11's outputs
//! (expected strings taken from `ast.dump(ast.parse(src, mode=...))` and
//! `python3 f.py`).

use pith_ast::{dump, DumpOptions, LineIndex};
use pith_parser::{parse, ErrorKind, Mode};

fn dumped(src: &str, mode: Mode) -> String {
    let tree = parse(src, mode, "<test>").expect("parses");
    dump(&tree, &DumpOptions::new(), &LineIndex::new(src))
}

#[test]
fn eval_mode() {
    assert_eq!(
        dumped("a + 1, b\n", Mode::Eval),
        "Expression(body=Tuple(elts=[BinOp(left=Name(id='a', ctx=Load()), op=Add(), \
         right=Constant(value=1)), Name(id='b', ctx=Load())], ctx=Load()))"
    );
    assert!(parse("x = 1", Mode::Eval, "<test>").is_err());
    assert!(parse("*a", Mode::Eval, "<test>").is_err());
}

#[test]
fn single_mode() {
    assert_eq!(
        dumped("x = 1\n", Mode::Single),
        "Interactive(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))])"
    );
    assert_eq!(
        dumped("if x:\n    pass\n\n", Mode::Single),
        "Interactive(body=[If(test=Name(id='x', ctx=Load()), body=[Pass()], orelse=[])])"
    );
}

#[test]
fn exec_mode_and_soft_keywords() {
    assert_eq!(
        dumped("match = 1\nmatch(x)\ncase.x\n", Mode::Exec),
        "Module(body=[Assign(targets=[Name(id='match', ctx=Store())], value=Constant(value=1)), \
         Expr(value=Call(func=Name(id='match', ctx=Load()), args=[Name(id='x', ctx=Load())], \
         keywords=[])), Expr(value=Attribute(value=Name(id='case', ctx=Load()), attr='x', \
         ctx=Load()))], type_ignores=[])"
    );
}

#[test]
fn error_fields_and_report() {
    let src = "def f():\n    x = (1,\n         2]\n";
    let err = parse(src, Mode::Exec, "f.py").expect_err("mismatched bracket");
    assert_eq!(err.kind, ErrorKind::SyntaxError);
    assert_eq!(
        err.message,
        "closing parenthesis ']' does not match opening parenthesis '(' on line 2"
    );
    assert_eq!(
        (err.lineno, err.offset, err.end_lineno, err.end_offset),
        (3, 11, 3, 11)
    );
    assert_eq!(
        err.render(src, "f.py"),
        "  File \"f.py\", line 3\n    2]\n     ^\nSyntaxError: closing parenthesis ']' \
         does not match opening parenthesis '(' on line 2\n"
    );
}

#[test]
fn deep_nesting_is_refused_like_cpython() {
    let ok = format!("x = {}1\n", "-".repeat(2900));
    assert!(parse(&ok, Mode::Exec, "<deep>").is_ok());
    let deep = format!("x = {}1\n", "-".repeat(5000));
    let err = parse(&deep, Mode::Exec, "<deep>").expect_err("too deep");
    assert_eq!(err.kind, ErrorKind::RecursionError);
    let parens = format!("x = {}1{}\n", "(".repeat(201), ")".repeat(201));
    let err = parse(&parens, Mode::Exec, "<deep>").expect_err("too many parentheses");
    assert_eq!(err.message, "too many nested parentheses");
}

#[test]
fn single_mode_takes_one_statement() {
    let err = parse("x = 1\ny = 2\n", Mode::Single, "<stdin>").expect_err("two statements");
    assert_eq!(
        err.message,
        "multiple statements found while compiling a single statement"
    );
    assert_eq!(
        (err.lineno, err.offset, err.end_lineno, err.end_offset),
        (1, 6, 1, 6)
    );
    assert!(parse("x = 1; y = 2\n", Mode::Single, "<stdin>").is_ok());
}
