//! Compile-time decisions: what the compiler settled before anything runs.
//!
//! - Constant folding (`Python/ast_opt.c`): every maximal expression made of
//!   constants only (`10 + 20`, `-1`, `(1, 2)`) is compiled on its own
//!   through the public compiler, and its code tells whether the compiler
//!   folded it into one constant or left the work for run time (`1 / 0`
//!   would raise, so it is not folded).
//! - Name resolution (`Python/symtable.c`): for every code object, which
//!   names became fast locals (slots, `LOAD_FAST`), cells and free
//!   variables (closures), and which are looked up by name at run time
//!   (globals, builtins, attributes); and the stack depth it reserves.

use std::fmt::Write as _;

use pith_ast::visitor::{walk_expr, Visitor};
use pith_ast::{Expr, ExprContext, LineIndex, Mod, Ranged, SourceLocator};
use pith_bytecode::dis::get_instructions;
use pith_bytecode::{CodeFlags, CodeObject, Constant};

/// Collects maximal constant-only expressions.
struct Folds<'a> {
    found: Vec<&'a Expr>,
}

fn constant_only(e: &Expr) -> bool {
    match e {
        Expr::Constant(_) => true,
        Expr::UnaryOp(u) => constant_only(&u.operand),
        Expr::BinOp(b) => constant_only(&b.left) && constant_only(&b.right),
        Expr::Tuple(t) => t.ctx == ExprContext::Load && t.elts.iter().all(constant_only),
        _ => false,
    }
}

impl<'a> Visitor<'a> for Folds<'a> {
    fn visit_expr(&mut self, expr: &'a Expr) {
        if !matches!(expr, Expr::Constant(_)) && constant_only(expr) {
            self.found.push(expr);
        } else {
            walk_expr(self, expr);
        }
    }
}

/// What the compiler makes of `text` alone: `Some(repr)` of the constant it
/// folds to, or `None` if it leaves the computation for run time.
fn folded(text: &str) -> Option<String> {
    let source = format!("({text})");
    let tree = pith_parser::parse(&source, pith_parser::Mode::Eval, "<fold>").ok()?;
    let code = pith_compiler::compile(&tree, &source, "<fold>", pith_compiler::Mode::Eval).ok()?;
    let ins: Vec<_> = get_instructions(&code, false)
        .into_iter()
        .filter(|i| i.opname != "RESUME")
        .collect();
    match ins.as_slice() {
        [load, ret] if load.opname == "LOAD_CONST" && ret.opname == "RETURN_VALUE" => {
            let index = usize::try_from(load.arg?).ok()?;
            code.consts.get(index).map(Constant::repr)
        }
        _ => None,
    }
}

/// The constant-folding report for a module.
pub fn folding(tree: &Mod, source: &str) -> String {
    let mut folds = Folds { found: Vec::new() };
    folds.visit_mod(tree);
    let index = LineIndex::new(source);
    let mut out = String::new();
    for expr in folds.found {
        let range = expr.range();
        let text = source
            .get(range.start as usize..range.end as usize)
            .unwrap_or("");
        let (line, _) = index.location(range.start);
        match folded(text) {
            Some(value) => {
                let _ = writeln!(out, "  line {line}: {text}  =>  constant {value}");
            }
            None => {
                let _ = writeln!(
                    out,
                    "  line {line}: {text}  =>  not folded: computed when the line runs \
                     (it would raise, or the result is too large)"
                );
            }
        }
    }
    if out.is_empty() {
        out.push_str("  no constant expressions to fold\n");
    }
    out
}

fn names(list: &[&std::sync::Arc<pith_bytecode::PyStr>]) -> String {
    if list.is_empty() {
        return "-".to_string();
    }
    list.iter()
        .map(|s| s.to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Name resolution and stack depth of `code` and every nested code object.
pub fn scopes(code: &CodeObject) -> String {
    let mut out = String::new();
    scopes_into(&mut out, code);
    out
}

fn scopes_into(out: &mut String, code: &CodeObject) {
    let kind = if code.flags.contains(CodeFlags::GENERATOR) {
        "generator function"
    } else if code.name.to_string_lossy() == "<module>" {
        "module"
    } else {
        "function"
    };
    let _ = writeln!(
        out,
        "  {} ({kind}, line {}):",
        code.qualname.to_string_lossy(),
        code.firstlineno
    );
    let _ = writeln!(
        out,
        "    fast locals (slots, LOAD_FAST/STORE_FAST): {}",
        names(&code.varnames())
    );
    let cells = code.cellvars();
    let free = code.freevars();
    if !cells.is_empty() || !free.is_empty() {
        let _ = writeln!(
            out,
            "    cells (captured by inner functions): {}; free variables (from outer): {}",
            names(&cells),
            names(&free)
        );
    }
    let by_name: Vec<_> = code.names.iter().collect();
    let _ = writeln!(
        out,
        "    looked up by name at run time (globals, builtins, attributes): {}",
        names(&by_name)
    );
    let _ = writeln!(
        out,
        "    evaluation stack reserved: {} slot{}",
        code.stacksize,
        if code.stacksize == 1 { "" } else { "s" }
    );
    for c in &code.consts {
        if let Constant::Code(inner) = c {
            scopes_into(out, inner);
        }
    }
}
