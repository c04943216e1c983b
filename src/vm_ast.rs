//! The tree half of the compiler hook: `compile(..., ast.PyCF_ONLY_AST)`
//! (source to a tree the VM turns into `_ast` objects) and `compile(tree, ...)`
//! (a tree read back from objects, compiled with positions from a table).

use pith_vm::types::ExcKind;
use pith_vm::{CompileFailure, CompileMode, CompiledSource, ParsedTree, SourceText, TreeMode};

use crate::vm_compiler::{compile_failure, parse_failure, parse_warnings, source_str, vm_warning};

/// Parses source to a tree and its line index.
pub fn parse_tree(
    source: SourceText<'_>,
    _filename: &str,
    mode: TreeMode,
    type_comments: bool,
    feature_version: Option<u32>,
) -> Result<ParsedTree, CompileFailure> {
    let mut decoded = String::new();
    let (text, byte_columns) = source_str(source, &mut decoded)?;
    let mode = match mode {
        TreeMode::Exec => pith_parser::Mode::Exec,
        TreeMode::Eval => pith_parser::Mode::Eval,
        TreeMode::Single => pith_parser::Mode::Single,
        TreeMode::FuncType => pith_parser::Mode::FuncType,
    };
    let options = pith_parser::ParseOptions::new(mode).type_comments(type_comments);
    let (tree, warnings) = pith_parser::parse_with_warnings(text, options);
    let exec_input = mode == pith_parser::Mode::Exec;
    let warnings = parse_warnings(warnings, text, byte_columns, exec_input);
    let tree = match tree {
        Ok(tree) => tree,
        Err(e) => return Err(parse_failure(e, text, byte_columns, exec_input).after(warnings)),
    };
    if let Some(too_new) =
        feature_version.and_then(|v| crate::feature_version::check(&tree, text, v))
    {
        return Err(too_new_failure(too_new, text).after(warnings));
    }
    Ok(ParsedTree {
        tree,
        index: pith_ast::LineIndex::new(text),
        warnings,
    })
}

/// The `SyntaxError` for syntax newer than `feature_version`, pointing
/// where CPython's parser stops: the construct's end.
fn too_new_failure(too_new: crate::feature_version::TooNew, text: &str) -> CompileFailure {
    use pith_ast::SourceLocator;
    let index = pith_ast::LineIndex::new(text);
    let (lineno, col) = index.location(too_new.range.end);
    let col = i32::try_from(col).unwrap_or(i32::MAX - 1) + 1;
    CompileFailure {
        warnings: Vec::new(),
        kind: ExcKind::SyntaxError,
        message: too_new.message,
        lineno,
        offset: col,
        end_lineno: lineno,
        end_offset: col,
        text: crate::vm_compiler::source_line(text, lineno, true),
    }
}

/// Compiles a tree whose ranges `locator` resolves.
pub fn compile_tree(
    tree: pith_ast::Mod,
    locator: &(dyn pith_ast::SourceLocator + Sync),
    filename: &str,
    mode: CompileMode,
    options: pith_vm::CompileOptions,
) -> Result<CompiledSource, CompileFailure> {
    let mode = match mode {
        CompileMode::Exec => pith_compiler::Mode::Exec,
        CompileMode::Eval => pith_compiler::Mode::Eval,
        CompileMode::Single => pith_compiler::Mode::Single,
    };
    let compiled = pith_compiler::compile_module_with_options(
        tree,
        locator,
        filename,
        mode,
        crate::vm_compiler::compiler_options(options),
    )
    .map_err(|e| {
        // No source text: the end position comes from the objects' table too.
        let mut failure = compile_failure(&e, "", filename);
        let (end_lineno, end_col) = locator.location(e.range.end);
        failure.end_lineno = end_lineno;
        failure.end_offset = i32::try_from(end_col).unwrap_or(i32::MAX - 1) + 1;
        failure
    })?;
    Ok(CompiledSource {
        code: compiled.code,
        warnings: compiled
            .warnings
            .iter()
            .map(|w| vm_warning(w, filename))
            .collect(),
    })
}
