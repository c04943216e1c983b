//! One module per subcommand.

pub mod ast;
pub mod compile;
pub mod compile_dir;
pub mod dis;
pub mod explain;
pub mod pyc;
pub mod run;
pub mod style;
pub mod tokenize;
pub mod trace;

use std::path::Path;

/// Reads a file, or prints `pith: PATH: reason` and gives `None`.
pub fn read_or_report(path: &Path) -> Option<Vec<u8>> {
    match std::fs::read(path) {
        Ok(bytes) => Some(bytes),
        Err(err) => {
            eprintln!("pith: {}: {}", path.display(), os_message(&err));
            None
        }
    }
}

/// The C library's message for an I/O error, without Rust's suffix.
pub fn os_message(err: &std::io::Error) -> String {
    let text = err.to_string();
    match text.find(" (os error") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

/// Reads and parses a `.pyc` file, reporting failures as `pith: PATH: reason`.
pub fn load_pyc(path: &Path) -> Option<pith_bytecode::Pyc> {
    let bytes = read_or_report(path)?;
    match pith_bytecode::read_pyc(&bytes) {
        Ok(pyc) => Some(pyc),
        Err(err) => {
            eprintln!("pith: {}: {err}", path.display());
            None
        }
    }
}

/// Reads and decodes a Python source file, or prints the report `python3
/// FILE` gives for an undecodable file and gives `None`.
pub fn read_source(path: &Path) -> Option<String> {
    read_source_file(path).map(|file| file.text)
}

/// A decoded source file.
pub struct SourceFile {
    /// The text.
    pub text: String,
    /// Whether CPython would report syntax-error columns in UTF-8 bytes:
    /// no BOM or coding cookie declared the encoding.
    pub byte_columns: bool,
}

impl SourceFile {
    /// A parse error positioned as CPython positions it for this file.
    pub fn locate(&self, err: pith_parser::ParseError) -> pith_parser::ParseError {
        if self.byte_columns {
            err.with_byte_columns(&self.text)
        } else {
            err
        }
    }
}

/// [`read_source`], keeping what decides the columns of its syntax errors.
pub fn read_source_file(path: &Path) -> Option<SourceFile> {
    read_source_file_named(path, &path.display().to_string())
}

/// [`read_source_file`] for a file whose decoding errors name it `filename`
/// (a script's absolute path, as CPython names it).
fn read_source_file_named(path: &Path, filename: &str) -> Option<SourceFile> {
    let bytes = read_or_report(path)?;
    match pith_lexer::decode_source(&bytes) {
        Ok(decoded) => Some(SourceFile {
            byte_columns: !decoded.declared,
            text: decoded.text.into_owned(),
        }),
        Err(err) => {
            eprintln!(
                "SyntaxError: {}",
                decode_error_message(&err, &bytes, filename)
            );
            None
        }
    }
}

/// The message CPython's compiler gives for source it cannot decode.
fn decode_error_message(err: &pith_lexer::DecodeError, bytes: &[u8], filename: &str) -> String {
    use pith_lexer::DecodeError;
    match err {
        DecodeError::UnknownEncoding(name) => format!("encoding problem: {name}"),
        DecodeError::BomMismatch(name) => format!("encoding problem: {name} with BOM"),
        DecodeError::Undecodable {
            encoding: "utf-8",
            byte,
            position,
            ..
        } => {
            let body = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
            let line = body[..*position].iter().filter(|&&b| b == b'\n').count() + 1;
            format!(
                "Non-UTF-8 code starting with '\\x{byte:02x}' in file {filename} on line {line}, \
                 but no encoding declared; see https://peps.python.org/pep-0263/ for details"
            )
        }
        DecodeError::InvalidDeclaration => {
            let body = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
            let position = std::str::from_utf8(body)
                .err()
                .map_or(0, |e| e.valid_up_to());
            let undecodable = DecodeError::Undecodable {
                encoding: "utf-8",
                byte: body.get(position).copied().unwrap_or(0),
                position,
                reason: "invalid start byte",
            };
            decode_error_message(&undecodable, bytes, filename)
        }
        other => other.to_string(),
    }
}

/// Parses and compiles source text to a module code object. On failure
/// prints the report `python3` prints (`File "...", line N`, the line, the
/// carets, `SyntaxError: ...`) and gives `None`.
pub fn compile_source(source: &str, filename: &str) -> Option<pith_bytecode::CodeObject> {
    let file = SourceFile {
        text: source.to_owned(),
        byte_columns: false,
    };
    compile_file(&file, filename)
}

/// [`compile_source`] of a decoded file, its compiler warnings printed (the
/// parser's `DeprecationWarning`s are hidden by the default filters).
fn compile_file(file: &SourceFile, filename: &str) -> Option<pith_bytecode::CodeObject> {
    match compile_file_keeping_warnings(file, filename) {
        Ok((compiled, _)) => {
            report_warnings(&compiled.warnings, &file.text, filename);
            Some(compiled.code)
        }
        Err((report, _)) => {
            eprint!("{report}");
            None
        }
    }
}

/// What [`compile_file_keeping_warnings`] gives for source that does not
/// compile: the report `python3` prints, and the parser's warnings, which
/// CPython issues before it.
type CompileRefusal = (String, Vec<pith_parser::ParseWarning>);

/// [`compile_source`] of a decoded file, its warnings (the compiler's, and
/// the parser's before them) returned for the caller to issue.
fn compile_file_keeping_warnings(
    file: &SourceFile,
    filename: &str,
) -> Result<(pith_compiler::Compiled, Vec<pith_parser::ParseWarning>), CompileRefusal> {
    let source = file.text.as_str();
    let options = pith_parser::ParseOptions::new(pith_parser::Mode::Exec);
    let (tree, parser_warnings) = pith_parser::parse_with_warnings(source, options);
    let tree = match tree {
        Ok(tree) => tree,
        Err(err) => return Err((file.locate(err).render(source, filename), parser_warnings)),
    };
    let options = pith_compiler::Options {
        optimize: run::optimize_level(),
        allow_top_level_await: false,
        future_flags: 0,
    };
    let index = pith_ast::LineIndex::new(source);
    let compiled = pith_compiler::compile_module_with_options(
        tree,
        &index,
        filename,
        pith_compiler::Mode::Exec,
        options,
    );
    match compiled {
        Ok(compiled) => Ok((compiled, parser_warnings)),
        Err(err) => Err((
            compile_error_report(&err, source, filename),
            parser_warnings,
        )),
    }
}

/// A program compiled before its VM starts, with the compile warnings the
/// VM issues once `-W` options are in place (CPython's compiler warns through
/// the `warnings` machinery, so `-W error` makes them `SyntaxError`s).
pub struct Program {
    /// The module code object; `None` when the source does not compile but
    /// the parser warned before the error (the VM issues those warnings,
    /// then `failure` is printed).
    pub code: Option<std::sync::Arc<pith_bytecode::CodeObject>>,
    /// Its compile warnings, in the VM's terms.
    pub warnings: Vec<pith_vm::CompileWarning>,
    /// The source text the warnings point into (empty for a `.pyc`).
    pub source: String,
    /// The `SyntaxError` report of source that does not compile.
    pub failure: Option<String>,
}

/// [`compile_source`], keeping the warnings for the VM to issue.
pub fn compile_program_source(source: &str, filename: &str) -> Option<Program> {
    let file = SourceFile {
        text: source.to_owned(),
        byte_columns: false,
    };
    program_of_file(file, filename)
}

fn program_of_file(file: SourceFile, filename: &str) -> Option<Program> {
    let parse_warnings =
        |w| crate::vm_compiler::parse_warnings(w, &file.text, file.byte_columns, true);
    let (code, warnings, failure) = match compile_file_keeping_warnings(&file, filename) {
        Ok((compiled, parser_warnings)) => {
            let mut warnings = parse_warnings(parser_warnings);
            warnings.extend(
                compiled
                    .warnings
                    .iter()
                    .map(|w| crate::vm_compiler::vm_warning(w, filename)),
            );
            (Some(std::sync::Arc::new(compiled.code)), warnings, None)
        }
        Err((report, parser_warnings)) if parser_warnings.is_empty() => {
            eprint!("{report}");
            return None;
        }
        Err((report, parser_warnings)) => (None, parse_warnings(parser_warnings), Some(report)),
    };
    Some(Program {
        code,
        warnings,
        source: file.text,
        failure,
    })
}

/// [`load_program`], keeping a source file's warnings for the VM to issue.
pub fn load_program_keeping_warnings(path: &Path, filename: &str) -> Option<Program> {
    if path.extension().is_some_and(|ext| ext == "pyc") {
        return load_pyc(path).map(|pyc| Program {
            code: Some(pyc.code),
            warnings: Vec::new(),
            source: String::new(),
            failure: None,
        });
    }
    program_of_file(read_source_file_named(path, filename)?, filename)
}

/// Prints compile-time warnings as the VM reports those of `compile()`.
fn report_warnings(warnings: &[pith_compiler::Warning], source: &str, filename: &str) {
    if warnings.is_empty() {
        return;
    }
    let warnings: Vec<_> = warnings
        .iter()
        .map(|w| crate::vm_compiler::vm_warning(w, filename))
        .collect();
    eprint!(
        "{}",
        pith_vm::compile_hook::format_warnings(&warnings, source, filename)
    );
}

/// A compile error (from the symbol table or code generation) in the
/// format of the parser's SyntaxError report.
fn compile_error_report(err: &pith_compiler::CompileError, source: &str, filename: &str) -> String {
    use pith_ast::SourceLocator;
    let (end_lineno, end_col) = pith_ast::LineIndex::new(source).location(err.range.end);
    // CPython reads the line back from the file named `filename`
    // (`PyErr_ProgramTextObject`): without such a file there is no text.
    let Some(line) = crate::vm_compiler::program_text(filename, err.lineno) else {
        let name = match err.kind {
            pith_compiler::ErrorKind::SyntaxError => "SyntaxError",
            other => other.name(),
        };
        return format!(
            "  File \"{filename}\", line {}\n{name}: {}\n",
            err.lineno, err.message
        );
    };
    let report = pith_parser::ParseError {
        kind: pith_parser::ErrorKind::SyntaxError,
        message: err.message.clone(),
        lineno: err.lineno,
        offset: err.offset as i32,
        end_lineno,
        end_offset: end_col as i32 + 1,
        text: Some(line),
        char_columns: false,
    };
    let text = report.render(source, filename);
    match err.kind {
        pith_compiler::ErrorKind::SyntaxError => text,
        // Not a SyntaxError: keep the location lines, name the real class.
        other => text.replace("SyntaxError: ", &format!("{}: ", other.name())),
    }
}

/// Reads, decodes and compiles a `.py` file (its code naming it `filename`),
/// or reads a `.pyc` file.
pub fn load_program(
    path: &Path,
    filename: &str,
) -> Option<std::sync::Arc<pith_bytecode::CodeObject>> {
    if path.extension().is_some_and(|ext| ext == "pyc") {
        return load_pyc(path).map(|pyc| pyc.code);
    }
    let file = read_source_file_named(path, filename)?;
    compile_file(&file, filename).map(std::sync::Arc::new)
}
