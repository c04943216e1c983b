//! The compiler the `pith` binary installs in its VM, for `exec`, `eval`,
//! `compile` and imports: Pith's own parser and compiler behind pith-vm's
//! [`SourceCompiler`] hook.

use pith_vm::types::ExcKind;
use pith_vm::{
    CompileFailure, CompileMode, CompileOptions, CompileWarning, CompiledSource, ParsedTree,
    SourceCompiler, SourceText, SymbolScope, TokenRow, TreeMode,
};

/// Pith's parser and compiler, as the VM calls them.
#[derive(Clone, Copy, Debug, Default)]
pub struct PithCompiler;

impl SourceCompiler for PithCompiler {
    fn parse_tree(
        &self,
        source: SourceText<'_>,
        filename: &str,
        mode: TreeMode,
        type_comments: bool,
        feature_version: Option<u32>,
    ) -> Result<ParsedTree, CompileFailure> {
        crate::vm_ast::parse_tree(source, filename, mode, type_comments, feature_version)
    }

    fn c_tokens(
        &self,
        source: &str,
    ) -> Result<(Vec<TokenRow>, Option<CompileFailure>), CompileFailure> {
        let lexed = pith_parser::c_tokens(source);
        let text = &lexed.source;
        let rows = lexed
            .tokens
            .iter()
            .map(|t| TokenRow {
                text: text.get(t.text.clone()).unwrap_or_default().to_owned(),
                kind: t.kind,
                lineno: t.lineno,
                end_lineno: t.end_lineno,
                col: t.col,
                end_col: t.end_col,
                line: text.get(t.line.clone()).unwrap_or_default().to_owned(),
            })
            .collect();
        // Its columns count characters, as the tokenizer reads a `str`.
        let error = lexed.error.map(|e| parse_failure(e, text, false, true));
        Ok((rows, error))
    }

    fn compile_tree(
        &self,
        tree: pith_ast::Mod,
        locator: &(dyn pith_ast::SourceLocator + Sync),
        filename: &str,
        mode: CompileMode,
        options: CompileOptions,
    ) -> Result<CompiledSource, CompileFailure> {
        crate::vm_ast::compile_tree(tree, locator, filename, mode, options)
    }

    fn symbol_table(
        &self,
        source: SourceText<'_>,
        filename: &str,
        mode: CompileMode,
    ) -> Result<Vec<SymbolScope>, CompileFailure> {
        let mut decoded = String::new();
        let (text, byte_columns) = source_str(source, &mut decoded)?;
        let tree = pith_parser::parse(text, parse_mode(mode), filename)
            .map_err(|e| parse_failure(e, text, byte_columns, mode == CompileMode::Exec))?;
        let index = pith_ast::LineIndex::new(text);
        let scopes = pith_compiler::symbol_table(tree, &index)
            .map_err(|e| compile_failure(&e, text, filename))?;
        Ok(scopes
            .into_iter()
            .map(|s| SymbolScope {
                id: s.id,
                name: s.name,
                block_type: s.block_type as u8,
                lineno: s.lineno,
                nested: s.nested,
                symbols: s.symbols,
                varnames: s.varnames,
                children: s.children,
            })
            .collect())
    }

    fn compile(
        &self,
        source: SourceText<'_>,
        filename: &str,
        mode: CompileMode,
        options: CompileOptions,
    ) -> Result<CompiledSource, CompileFailure> {
        let mut decoded = String::new();
        let (text, byte_columns) = source_str(source, &mut decoded)?;
        let compile_mode = match mode {
            CompileMode::Exec => pith_compiler::Mode::Exec,
            CompileMode::Eval => pith_compiler::Mode::Eval,
            CompileMode::Single => pith_compiler::Mode::Single,
        };
        let (tree, parser_warnings) = pith_parser::parse_with_warnings(
            text,
            pith_parser::ParseOptions::new(parse_mode(mode)),
        );
        let exec_input = mode == CompileMode::Exec;
        // The parser's warnings come first: CPython issues them as it
        // parses, so also before the error of source that fails.
        let mut warnings = parse_warnings(parser_warnings, text, byte_columns, exec_input);
        let tree = match tree {
            Ok(tree) => tree,
            Err(e) => return Err(parse_failure(e, text, byte_columns, exec_input).after(warnings)),
        };
        let index = pith_ast::LineIndex::new(text);
        let compiled = match pith_compiler::compile_module_with_options(
            tree,
            &index,
            filename,
            compile_mode,
            compiler_options(options),
        ) {
            Ok(compiled) => compiled,
            Err(e) => return Err(compile_failure(&e, text, filename).after(warnings)),
        };
        warnings.extend(compiled.warnings.iter().map(|w| vm_warning(w, filename)));
        Ok(CompiledSource {
            code: compiled.code,
            warnings,
        })
    }
}

/// The compiler's options for the VM's.
pub(crate) fn compiler_options(options: CompileOptions) -> pith_compiler::Options {
    pith_compiler::Options {
        optimize: options.optimize,
        allow_top_level_await: options.allow_top_level_await,
        future_flags: options.future_flags,
    }
}

/// The parser's mode for source compiled in `mode`.
fn parse_mode(mode: CompileMode) -> pith_parser::Mode {
    match mode {
        CompileMode::Exec => pith_parser::Mode::Exec,
        CompileMode::Eval => pith_parser::Mode::Eval,
        CompileMode::Single => pith_parser::Mode::Single,
    }
}

/// A parse error as the VM raises it; `byte_columns` as [`source_str`] gives
/// it, `exec_input` for a module (see [`source_line`]).
pub(crate) fn parse_failure(
    e: pith_parser::ParseError,
    text: &str,
    byte_columns: bool,
    exec_input: bool,
) -> CompileFailure {
    let e = if byte_columns {
        e.with_byte_columns(text)
    } else {
        e
    };
    CompileFailure {
        warnings: Vec::new(),
        kind: match e.kind {
            pith_parser::ErrorKind::SyntaxError => ExcKind::SyntaxError,
            pith_parser::ErrorKind::IndentationError => ExcKind::IndentationError,
            pith_parser::ErrorKind::TabError => ExcKind::TabError,
            _ => ExcKind::RecursionError,
        },
        text: e.text.or_else(|| source_line(text, e.lineno, exec_input)),
        message: e.message,
        lineno: e.lineno,
        offset: e.offset,
        end_lineno: e.end_lineno,
        end_offset: e.end_offset,
    }
}

/// The parser's warnings in the VM's terms: `DeprecationWarning`s and
/// `SyntaxWarning`s that a filter turns into the `SyntaxError` each carries.
pub(crate) fn parse_warnings(
    warnings: Vec<pith_parser::ParseWarning>,
    text: &str,
    byte_columns: bool,
    exec_input: bool,
) -> Vec<CompileWarning> {
    warnings
        .into_iter()
        .map(|w| {
            let error = parse_failure(w.as_error, text, byte_columns, exec_input);
            CompileWarning {
                category: match w.category {
                    pith_parser::WarningCategory::Deprecation => ExcKind::DeprecationWarning,
                    pith_parser::WarningCategory::Syntax => ExcKind::SyntaxWarning,
                },
                message: w.message,
                lineno: error.lineno,
                offset: error.offset,
                end_lineno: error.end_lineno,
                end_offset: error.end_offset,
                text: error.text,
            }
        })
        .collect()
}

/// A compiler warning in the VM's terms.
pub fn vm_warning(w: &pith_compiler::Warning, filename: &str) -> CompileWarning {
    CompileWarning {
        category: ExcKind::SyntaxWarning,
        message: w.message.clone(),
        lineno: w.lineno,
        offset: w.offset as i32,
        end_lineno: w.end_lineno,
        end_offset: w.end_offset as i32,
        // As for compile errors, CPython reads the line back from the file.
        text: program_text(filename, w.lineno),
    }
}

pub(crate) fn failure(kind: ExcKind, message: &str) -> CompileFailure {
    CompileFailure {
        warnings: Vec::new(),
        kind,
        message: message.to_string(),
        lineno: 0,
        offset: 0,
        end_lineno: 0,
        end_offset: 0,
        text: None,
    }
}

/// The text of source given to `compile()` or `exec()`: bytes are decoded
/// as PEP 263 says (into `decoded`), and a NUL character is refused. The flag
/// says whether syntax errors count columns in UTF-8 bytes, as CPython's do
/// for bytes whose encoding no BOM or coding cookie declares.
pub(crate) fn source_str<'a>(
    source: SourceText<'a>,
    decoded: &'a mut String,
) -> Result<(&'a str, bool), CompileFailure> {
    let (text, byte_columns): (&str, bool) = match source {
        SourceText::Str(s) => (s, false),
        SourceText::Bytes(bytes) => {
            let source = pith_lexer::decode_source(bytes).map_err(decode_failure)?;
            let byte_columns = !source.declared;
            *decoded = source.text.into_owned();
            (decoded.as_str(), byte_columns)
        }
    };
    if text.contains('\0') {
        return Err(failure(
            ExcKind::SyntaxError,
            "source code string cannot contain null bytes",
        ));
    }
    Ok((text, byte_columns))
}

/// What `compile()` raises for source bytes it cannot decode: the errors of
/// the tokenizer's decoding step sit at line 0, column -1; bytes undecodable
/// as undeclared UTF-8 are a `(unicode error)` without a position.
fn decode_failure(e: pith_lexer::DecodeError) -> CompileFailure {
    use pith_lexer::DecodeError;
    let message = match &e {
        DecodeError::BomMismatch(name) => format!("encoding problem: {name} with BOM"),
        DecodeError::UnknownEncoding(_) => e.to_string(),
        DecodeError::Undecodable { encoding, .. } if *encoding != "utf-8" => e.to_string(),
        _ => return failure(ExcKind::SyntaxError, &format!("(unicode error) {e}")),
    };
    CompileFailure {
        warnings: Vec::new(),
        offset: -1,
        ..failure(ExcKind::SyntaxError, &message)
    }
}

/// A compile error (symbol table or code generation) as the VM raises it.
/// CPython reads the offending line back from the file (`PyErr_ProgramTextObject`),
/// so source that is not a file (`<string>`) has no text.
pub(crate) fn compile_failure(
    e: &pith_compiler::CompileError,
    text: &str,
    filename: &str,
) -> CompileFailure {
    use pith_ast::SourceLocator;
    let index = pith_ast::LineIndex::new(text);
    let (end_lineno, end_col) = index.location(e.range.end);
    let line = program_text(filename, e.lineno);
    CompileFailure {
        warnings: Vec::new(),
        kind: match e.kind {
            pith_compiler::ErrorKind::SyntaxError => ExcKind::SyntaxError,
            pith_compiler::ErrorKind::SystemError => ExcKind::SystemError,
            pith_compiler::ErrorKind::ValueError => ExcKind::ValueError,
            pith_compiler::ErrorKind::RecursionError => ExcKind::RecursionError,
        },
        message: e.message.clone(),
        lineno: e.lineno,
        offset: e.offset as i32,
        end_lineno,
        end_offset: end_col as i32 + 1,
        text: line,
    }
}

/// Line `lineno` (1-based) of the file named `filename`, as
/// `PyErr_ProgramTextObject` reads it back for a compiler error: `None` when
/// there is no such file or line.
pub(crate) fn program_text(filename: &str, lineno: u32) -> Option<String> {
    let bytes = std::fs::read(filename).ok()?;
    let index = (lineno as usize).checked_sub(1)?;
    let line = bytes.split_inclusive(|&b| b == b'\n').nth(index)?;
    let line = String::from_utf8_lossy(line);
    Some(if line.ends_with('\n') {
        line.into_owned()
    } else {
        format!("{line}\n")
    })
}

/// Line `lineno` (1-based) of `text`, as the tokenizer holds it: for a
/// module (`exec_input`), CPython's tokenizer ends the last line with a
/// newline if the source does not; for an expression, a statement or a
/// signature it keeps the text as given.
pub(crate) fn source_line(text: &str, lineno: u32, exec_input: bool) -> Option<String> {
    let index = (lineno as usize).checked_sub(1)?;
    let line = text.split_inclusive('\n').nth(index)?;
    Some(if line.ends_with('\n') || !exec_input {
        line.to_string()
    } else {
        format!("{line}\n")
    })
}
