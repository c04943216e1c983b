//! `pith-compiler`: Python 3.11 ASTs ([`pith_ast::Mod`]) to CPython 3.11 code
//! objects ([`pith_bytecode::CodeObject`]), byte for byte what CPython's own
//! compiler produces.
//!
//! The pipeline follows CPython 3.11:
//!
//! 1. `fold` — the AST optimizer of `Python/ast_opt.c`;
//! 2. `symtable` — scopes and name resolution as `Python/symtable.c`, with its
//!    compile-time `SyntaxError`s;
//! 3. `codegen` — instructions into basic blocks, as `Python/compile.c`;
//! 4. `flow` and `assemble` — the flow-graph passes (peephole, jump threading,
//!    dead code, NOP removal, line numbers), stack depth, exception table, jump
//!    offsets and the location table.
//!
//! ```
//! use pith_ast::*;
//! let source = "x = 1\n";
//! let tree = Mod::Module(ModModule {
//!     body: vec![Stmt::Assign(StmtAssign {
//!         range: TextRange::new(0, 5),
//!         targets: vec![Expr::Name(ExprName {
//!             range: TextRange::new(0, 1),
//!             id: "x".into(),
//!             ctx: ExprContext::Store,
//!         })],
//!         value: Box::new(Expr::Constant(ExprConstant {
//!             range: TextRange::new(4, 5),
//!             value: Constant::Int(Int::Small(1)),
//!             kind: ConstantKind::None,
//!         })),
//!         type_comment: None,
//!     })],
//!     type_ignores: vec![],
//! });
//! let code = pith_compiler::compile(&tree, source, "x.py", pith_compiler::Mode::Exec).unwrap();
//! assert!(pith_bytecode::dis(&code).contains("STORE_NAME               0 (x)"));
//! ```

mod assemble;
mod codegen;
mod error;
mod flow;
mod fold;
mod interned;
use pith_bytecode::fxhash;
mod ir;
mod name_index;
mod static_ids;
mod swaps;
mod symbols;
mod symtable;
mod validate;
mod warning;

pub use error::{CompileError, ErrorKind};
pub use interned::track_interned_strings;
pub use symbols::{symbol_table, BlockType, ScopeSummary, SCOPE_OFF};
pub use warning::Warning;

use pith_ast::transformer::Transformer;
use pith_ast::{LineIndex, Mod, SourceLocator, Stmt};
use pith_bytecode::{CodeFlags, CodeObject};

/// What the source is, as `compile()`'s `mode` argument.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A module (`exec`).
    Exec,
    /// One expression (`eval`).
    Eval,
    /// One interactive statement (`single`): expression values are printed.
    Single,
}

/// What `compile()`'s `optimize` and `flags` arguments ask of the compiler
/// beyond the mode. The default is `optimize=0` without extra flags.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// The optimization level (`-O` counts): at 1 and above `assert`
    /// statements compile to nothing and `__debug__` is `False`; at 2
    /// docstrings are dropped too.
    pub optimize: u8,
    /// `ast.PyCF_ALLOW_TOP_LEVEL_AWAIT`: `await`, `async for` and `async
    /// with` are allowed at module level, and a module using them compiles
    /// to a code object with `CO_COROUTINE` (running it makes a coroutine).
    pub allow_top_level_await: bool,
    /// `__future__` features in effect before the source's own imports
    /// (`CO_FUTURE_*` bits): those `compile()` was given in `flags` or
    /// inherited from the code calling it.
    pub future_flags: u32,
}

/// A compiled module: its code object and the `SyntaxWarning`s CPython's
/// compiler would have issued on the way, in order.
#[derive(Clone, Debug)]
pub struct Compiled {
    /// The module's code object.
    pub code: CodeObject,
    /// Compile-time warnings (`"is" with a literal`, `assertion is always true`, ...).
    pub warnings: Vec<Warning>,
}

/// Compiles `module` (parsed from `source`, whose byte offsets its ranges use) as
/// CPython 3.11's `compile(source, filename, mode, dont_inherit=True)` would,
/// at optimization level 0. The tree's kind (`Module`, `Interactive`,
/// `Expression`) decides how it is compiled; `mode` names the intent.
///
/// This borrows the tree, so it works on a copy (constant folding rewrites
/// the tree) and drops the warnings; [`compile_module`] takes the tree by value
/// and returns them.
///
/// # Errors
/// A [`CompileError`] for what CPython's compiler rejects after parsing
/// (`'return' outside function`, `nonlocal` at module level, ...): a
/// `SyntaxError` with CPython's message and position, a `ValueError` for a
/// malformed tree, a `RecursionError` for one nested too deeply.
pub fn compile(
    module: &Mod,
    source: &str,
    filename: &str,
    mode: Mode,
) -> Result<CodeObject, CompileError> {
    compile_module(module.clone(), source, filename, mode).map(|c| c.code)
}

/// [`compile`] with a caller-provided offset-to-position map.
///
/// # Errors
/// As [`compile`].
pub fn compile_with_locator(
    module: &Mod,
    locator: &(dyn SourceLocator + Sync),
    filename: &str,
    mode: Mode,
) -> Result<CodeObject, CompileError> {
    compile_module_with_locator(module.clone(), locator, filename, mode).map(|c| c.code)
}

/// Compiles `module`, consuming it (constant folding rewrites it in place),
/// and returns the code object with the compiler's warnings.
///
/// # Errors
/// As [`compile`].
pub fn compile_module(
    module: Mod,
    source: &str,
    filename: &str,
    mode: Mode,
) -> Result<Compiled, CompileError> {
    let index = LineIndex::new(source);
    compile_module_with_locator(module, &index, filename, mode)
}

/// [`compile_module`] with a caller-provided offset-to-position map.
///
/// # Errors
/// As [`compile`].
pub fn compile_module_with_locator(
    module: Mod,
    locator: &(dyn SourceLocator + Sync),
    filename: &str,
    mode: Mode,
) -> Result<Compiled, CompileError> {
    compile_tree(module, locator, filename, mode, Options::default())
}

/// [`compile_module_with_locator`] with `compile()`'s `optimize` level and
/// compiler flags.
///
/// # Errors
/// As [`compile`].
pub fn compile_module_with_options(
    module: Mod,
    locator: &(dyn SourceLocator + Sync),
    filename: &str,
    mode: Mode,
    options: Options,
) -> Result<Compiled, CompileError> {
    compile_tree(module, locator, filename, mode, options)
}

/// Nesting depth up to which the calling thread's stack is assumed enough.
pub(crate) const SHALLOW: u32 = 200;
/// Stack for compiling deeper trees (up to the checker's limit).
pub(crate) const DEEP_STACK: usize = 256 << 20;

/// What the passes before the symbol table find out about a module.
struct Prepared {
    /// `CO_FUTURE_*` flags of its `__future__` imports.
    future_flags: u32,
    /// The line of the last `__future__` import.
    future_lineno: u32,
    /// How deep the tree nests.
    depth: u32,
}

/// The `__future__` prologue, then the folder's walk, which also checks the
/// tree and measures its depth (as CPython's AST optimizer checks recursion
/// depth) and folds it at the optimization level `fold` gives, if any; the folder moves nodes deeper than
/// `SHALLOW` to a deep stack itself.
#[inline(never)] // one entry per phase in profiles
fn prepare(
    tree: &mut Mod,
    locator: &dyn SourceLocator,
    fold: Option<u8>,
) -> Result<Prepared, CompileError> {
    let (future_flags, future_lineno) = future_features(tree, locator)?;
    let mut folder = if let Some(optimize) = fold {
        fold::Folder::with_optimize(optimize)
    } else {
        fold::Folder::checks_only()
    };
    folder.visit_mod(tree);
    let depth = folder.finish().map_err(|e| {
        let (lineno, col) = locator.location(e.range.start);
        CompileError {
            kind: if e.too_deep {
                ErrorKind::RecursionError
            } else {
                ErrorKind::ValueError
            },
            message: e.message.into(),
            range: e.range,
            lineno,
            offset: col + 1,
        }
    })?;
    Ok(Prepared {
        future_flags,
        future_lineno,
        depth,
    })
}

fn compile_tree(
    mut tree: Mod,
    locator: &(dyn SourceLocator + Sync),
    filename: &str,
    mode: Mode,
    options: Options,
) -> Result<Compiled, CompileError> {
    let mut p = prepare(&mut tree, locator, Some(options.optimize))?;
    p.future_flags |= options.future_flags;
    on_stack_for(p.depth, move || {
        let table = symtable::build(
            &tree,
            locator,
            p.future_flags & CodeFlags::FUTURE_ANNOTATIONS.0 != 0,
        )?;
        codegen::compile_mod(&tree, table, locator, filename, mode, &p, options)
    })
}

/// Runs `pass`, which owns a tree nesting `depth` deep: the later passes
/// recurse over the tree (and dropping it does too), so a deep tree gets a
/// thread with a stack to match.
fn on_stack_for<T: Send>(
    depth: u32,
    pass: impl FnOnce() -> Result<T, CompileError> + Send,
) -> Result<T, CompileError> {
    if depth <= SHALLOW {
        return pass();
    }
    std::thread::scope(|scope| {
        std::thread::Builder::new()
            .stack_size(DEEP_STACK)
            .spawn_scoped(scope, pass)
            .ok()
            .and_then(|h| h.join().ok())
            .unwrap_or_else(|| {
                Err(CompileError {
                    kind: ErrorKind::RecursionError,
                    message: "maximum recursion depth exceeded during compilation".into(),
                    range: Default::default(),
                    lineno: 0,
                    offset: 0,
                })
            })
    })
}

/// `future.c`: the `from __future__ import` prologue.
pub(crate) fn future_features(
    module: &Mod,
    locator: &dyn SourceLocator,
) -> Result<(u32, u32), CompileError> {
    // `future.c` reads an interactive statement's body as a module's.
    let body = match module {
        Mod::Module(m) => &m.body,
        Mod::Interactive(m) => &m.body,
        _ => return Ok((0, 0)),
    };
    let mut flags = 0;
    let mut lineno = 0;
    // As `future.c`: after the docstring, future imports until the first other
    // statement; one joined to it by `;` on the same line is an error here
    // (codegen catches those on later lines).
    let docstring = matches!(body.first(), Some(Stmt::Expr(e))
        if matches!(&*e.value, pith_ast::Expr::Constant(c) if c.value.is_str()));
    let mut done = false;
    let mut prev_line = 0;
    for s in body.iter().skip(usize::from(docstring)) {
        let line = locator.location(pith_ast::Ranged::range(s).start).0;
        if done && line > prev_line {
            break;
        }
        prev_line = line;
        let Stmt::ImportFrom(f) = s else {
            done = true;
            continue;
        };
        if f.module.as_ref().map(|m| m.as_str()) != Some("__future__") {
            done = true;
            continue;
        }
        if done {
            return Err(symtable::error(
                locator,
                f.range,
                "from __future__ imports must occur at the beginning of the file",
            ));
        }
        lineno = line;
        for a in &f.names {
            match a.name.as_str() {
                "annotations" => flags |= CodeFlags::FUTURE_ANNOTATIONS.0,
                "barry_as_FLUFL" => flags |= CodeFlags::FUTURE_BARRY_AS_BDFL.0,
                "nested_scopes" | "generators" | "division" | "absolute_import"
                | "with_statement" | "print_function" | "unicode_literals" | "generator_stop" => {}
                "braces" => return Err(symtable::error(locator, f.range, "not a chance")),
                other => {
                    return Err(symtable::error(
                        locator,
                        f.range,
                        format!("future feature {other} is not defined"),
                    ))
                }
            }
        }
    }
    Ok((flags, lineno))
}
