//! The VM's door to a compiler. `pith-vm` runs code objects and does not
//! depend on a compiler; `exec`, `eval`, `compile` and importing `.py` files
//! reach one through [`SourceCompiler`], which the embedder installs with
//! [`Vm::set_compiler`] (the `pith` binary installs Pith's parser and compiler).
//!
//! Compile failures become `SyntaxError` instances whose `args` are CPython's
//! `(msg, (filename, lineno, offset, text, end_lineno, end_offset))`, so the
//! attributes, `str()` and the uncaught-exception report all derive from them.

use std::io::Write as _;
use std::rc::Rc;
use std::sync::Arc;

use pith_bytecode::CodeObject;

use crate::code::Code;
use crate::exc::{ExcObj, PyErr, PyResult};
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::Vm;

/// What the source is compiled as (`compile()`'s `mode`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompileMode {
    /// A module or `exec` string.
    Exec,
    /// One expression (`eval`).
    Eval,
    /// One interactive statement (`single`).
    Single,
}

/// `compile()`'s `optimize` level and the compiler flags beyond the mode.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CompileOptions {
    /// The optimization level, never -1 (the caller resolves that to the
    /// interpreter's `-O` count): 1 drops `assert`s and makes `__debug__`
    /// `False`, 2 drops docstrings too.
    pub optimize: u8,
    /// `ast.PyCF_ALLOW_TOP_LEVEL_AWAIT`: `await` and the `async` statements
    /// are allowed at module level, whose code is then a coroutine's.
    pub allow_top_level_await: bool,
    /// `__future__` features in effect from the start (`CO_FUTURE_*` bits):
    /// `compile()`'s `flags`, and what code calling `compile`, `exec` or
    /// `eval` passes on to the source it compiles.
    pub future_flags: u32,
}

/// Source handed to the compiler.
#[derive(Clone, Copy, Debug)]
pub enum SourceText<'a> {
    /// A `str`: already text, coding cookies are ignored.
    Str(&'a str),
    /// Bytes (a file, or `bytes` given to `compile`): decoded as a source
    /// file is (BOM, PEP 263 cookie, UTF-8 by default).
    Bytes(&'a [u8]),
}

impl<'a> SourceText<'a> {
    /// The text without its leading spaces and tabs, which `eval` ignores
    /// (`builtin_eval_impl` strips them).
    #[must_use]
    pub fn trim_leading_blanks(self) -> SourceText<'a> {
        match self {
            SourceText::Str(s) => SourceText::Str(s.trim_start_matches([' ', '\t'])),
            SourceText::Bytes(b) => {
                let skip = b.iter().take_while(|&&c| c == b' ' || c == b'\t').count();
                SourceText::Bytes(&b[skip..])
            }
        }
    }
}

/// Why source did not compile: what CPython would raise.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileFailure {
    /// `SyntaxError`, `IndentationError`, `TabError`, or another class for
    /// errors without a position (`ValueError` for null bytes, `RecursionError`).
    pub kind: ExcKind,
    /// The message, e.g. `invalid syntax`.
    pub message: String,
    /// 1-based line (0 if unknown).
    pub lineno: u32,
    /// 1-based column in characters (0 if unknown).
    pub offset: i32,
    /// 1-based end line.
    pub end_lineno: u32,
    /// 1-based end column in characters.
    pub end_offset: i32,
    /// The offending source line, with its newline.
    pub text: Option<String>,
    /// The warnings issued before the failure (the parser's, for source
    /// that then failed to parse or compile): the VM issues them first, as
    /// CPython warns while it parses, so a filter that makes one an error
    /// raises that error instead.
    pub warnings: Vec<CompileWarning>,
}

impl CompileFailure {
    /// This failure, coming after `warnings` (see [`CompileFailure::warnings`]).
    #[must_use]
    pub fn after(mut self, warnings: Vec<CompileWarning>) -> CompileFailure {
        self.warnings = warnings;
        self
    }
}

/// A compile-time warning: the compiler's `SyntaxWarning`s and the
/// parser's `DeprecationWarning`s (invalid escape sequences).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileWarning {
    /// The category, e.g. `SyntaxWarning`.
    pub category: ExcKind,
    /// The message.
    pub message: String,
    /// 1-based line.
    pub lineno: u32,
    /// Where the `SyntaxError` points when a warnings filter turns the
    /// warning into an error: 1-based column, end line and end column.
    pub offset: i32,
    /// 1-based end line.
    pub end_lineno: u32,
    /// 1-based end column.
    pub end_offset: i32,
    /// The source line that `SyntaxError` shows, if any.
    pub text: Option<String>,
}

/// A successful compilation.
#[derive(Clone, Debug)]
pub struct CompiledSource {
    /// The module, expression or statement code object.
    pub code: CodeObject,
    /// Warnings to report (the VM prints them as the `warnings` module would).
    pub warnings: Vec<CompileWarning>,
}

/// What `compile(..., ast.PyCF_ONLY_AST)` parses source as (`ast.parse`'s `mode`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TreeMode {
    /// `exec`: a `Module`.
    Exec,
    /// `eval`: an `Expression`.
    Eval,
    /// `single`: an `Interactive`.
    Single,
    /// `func_type`: a `FunctionType` signature comment.
    FuncType,
}

/// A parsed tree and the line index its byte ranges resolve through.
#[derive(Clone, Debug)]
pub struct ParsedTree {
    /// The tree.
    pub tree: pith_ast::Mod,
    /// Line starts of the source the tree's ranges point into.
    pub index: pith_ast::LineIndex,
    /// The parser's warnings (invalid escape sequences), to report.
    pub warnings: Vec<CompileWarning>,
}

/// One scope of a module's symbol table, as `_symtable.symtable()` shows
/// it (CPython's `PySTEntryObject`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SymbolScope {
    /// Identifies the scope among the table's scopes (`ste_id`).
    pub id: usize,
    /// `top`, the function or class name, `lambda`, `listcomp`, ...
    pub name: Box<str>,
    /// `TYPE_FUNCTION` (0), `TYPE_CLASS` (1) or `TYPE_MODULE` (2).
    pub block_type: u8,
    /// The line of the node that opens it (0 for the module).
    pub lineno: u32,
    /// Whether it is inside a function.
    pub nested: bool,
    /// Names in first-seen order with their `DEF_*` flags and, shifted by
    /// `SCOPE_OFF`, their resolved scope.
    pub symbols: Vec<(Box<str>, u32)>,
    /// The parameters, in order.
    pub varnames: Vec<Box<str>>,
    /// Nested scopes, as indexes into the table's list of scopes.
    pub children: Vec<usize>,
}

/// One token of CPython's C tokenizer, as `_tokenize.TokenizerIter` yields
/// it: `(string, type, lineno, end_lineno, col_offset, end_col_offset, line)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TokenRow {
    /// The token's text (empty for `INDENT`, `DEDENT` and most `NEWLINE`s).
    pub text: String,
    /// The type number, a key of `token.tok_name`.
    pub kind: u8,
    /// 1-based line of the start.
    pub lineno: u32,
    /// 1-based line of the end.
    pub end_lineno: u32,
    /// Byte column of the start, or -1.
    pub col: i32,
    /// Byte column of the end, or -1.
    pub end_col: i32,
    /// The tokenizer's line buffer.
    pub line: String,
}

/// A compiler the VM can call.
pub trait SourceCompiler {
    /// Parses `source` to a tree (`ast.parse`); `type_comments` is
    /// `PyCF_TYPE_COMMENTS`, `feature_version` the minor version of 3.x
    /// whose syntax is accepted (`ast.parse(..., feature_version=(3, 8))`;
    /// `None` for 3.11). The default has no parser.
    ///
    /// # Errors
    /// A [`CompileFailure`] describing the `SyntaxError` to raise.
    fn parse_tree(
        &self,
        _source: SourceText<'_>,
        _filename: &str,
        _mode: TreeMode,
        _type_comments: bool,
        _feature_version: Option<u32>,
    ) -> Result<ParsedTree, CompileFailure> {
        Err(unsupported("AST objects"))
    }

    /// The tokens of `source` as CPython's C tokenizer yields them, and
    /// the error it raises after them, if any. The default has no tokenizer.
    ///
    /// # Errors
    /// A [`CompileFailure`] when there is no tokenizer.
    fn c_tokens(
        &self,
        _source: &str,
    ) -> Result<(Vec<TokenRow>, Option<CompileFailure>), CompileFailure> {
        Err(unsupported("the tokenizer"))
    }

    /// Compiles a tree (`compile(ast_object, ...)`), whose ranges `locator` resolves.
    ///
    /// # Errors
    /// A [`CompileFailure`] for what the compiler rejects.
    fn compile_tree(
        &self,
        _tree: pith_ast::Mod,
        _locator: &(dyn pith_ast::SourceLocator + Sync),
        _filename: &str,
        _mode: CompileMode,
        _options: CompileOptions,
    ) -> Result<CompiledSource, CompileFailure> {
        Err(unsupported("AST objects"))
    }

    /// The symbol table of `source` (`_symtable.symtable`), its module scope
    /// first. The default has no symbol tables.
    ///
    /// # Errors
    /// A [`CompileFailure`] for the `SyntaxError` parsing or the symbol
    /// table raises.
    fn symbol_table(
        &self,
        _source: SourceText<'_>,
        _filename: &str,
        _mode: CompileMode,
    ) -> Result<Vec<SymbolScope>, CompileFailure> {
        Err(unsupported("symbol tables"))
    }

    /// Compiles `source`, naming the code `filename`, with `options`.
    ///
    /// # Errors
    /// A [`CompileFailure`] describing the `SyntaxError` (or other error) to raise.
    fn compile(
        &self,
        source: SourceText<'_>,
        filename: &str,
        mode: CompileMode,
        options: CompileOptions,
    ) -> Result<CompiledSource, CompileFailure>;
}

/// The failure of a compiler that does not handle `what`.
fn unsupported(what: &str) -> CompileFailure {
    CompileFailure {
        warnings: Vec::new(),
        kind: ExcKind::NotImplementedError,
        message: format!("the installed compiler does not handle {what}"),
        lineno: 0,
        offset: 0,
        end_lineno: 0,
        end_offset: 0,
        text: None,
    }
}

/// The exception CPython raises for `failure` in `filename`.
pub(crate) fn failure_to_err(failure: CompileFailure, filename: &str) -> PyErr {
    let is_syntax = matches!(
        failure.kind,
        ExcKind::SyntaxError | ExcKind::IndentationError | ExcKind::TabError
    );
    if is_syntax && failure.lineno == 0 && failure.offset == -1 {
        // The tokenizer's decoding errors: line 0, column -1, no end.
        let details = Value::tuple(vec![
            Value::str(filename),
            Value::Int(0),
            Value::Int(-1),
            Value::None,
        ]);
        return PyErr::with_args(failure.kind, vec![Value::string(failure.message), details]);
    }
    if !is_syntax || (failure.lineno == 0 && failure.text.is_none()) {
        return PyErr::new(failure.kind, failure.message);
    }
    let details = Value::tuple(vec![
        Value::str(filename),
        Value::Int(i64::from(failure.lineno)),
        Value::Int(i64::from(failure.offset)),
        failure.text.map_or(Value::None, Value::string),
        Value::Int(i64::from(failure.end_lineno)),
        Value::Int(i64::from(failure.end_offset)),
    ]);
    PyErr::with_args(failure.kind, vec![Value::string(failure.message), details])
}

/// The `(filename, lineno, offset, text, end_lineno, end_offset)` details of a
/// `SyntaxError` made from two arguments.
fn details(e: &ExcObj) -> Option<Rc<Vec<Value>>> {
    let args = e.args.borrow();
    match args.as_slice() {
        [_, Value::Tuple(t)] if t.len() >= 4 => Some(t.clone()),
        _ => None,
    }
}

/// The checks of `SyntaxError_init` on `SyntaxError(msg, info)`: `info` is
/// a sequence of 4 to 6 items, and `end_lineno` comes with `end_offset`.
pub(crate) fn check_syntax_error_args(vm: &mut Vm, e: &ExcObj) -> PyResult<()> {
    if !e.is_instance(ExcKind::SyntaxError) {
        return Ok(());
    }
    let info = match e.args.borrow().as_slice() {
        [_, info] => info.clone(),
        _ => return Ok(()),
    };
    let n = match &info {
        Value::Tuple(t) => t.len(),
        other => vm.collect(other)?.len(),
    };
    if n < 4 {
        return Err(PyErr::type_error(format!(
            "function takes at least 4 arguments ({n} given)"
        )));
    }
    if n > 6 {
        return Err(PyErr::type_error(format!(
            "function takes at most 6 arguments ({n} given)"
        )));
    }
    if n == 5 {
        return Err(PyErr::type_error(
            "end_offset must be provided when end_lineno is provided",
        ));
    }
    Ok(())
}

/// `SyntaxError`'s member slots after `msg`, in the order of its details tuple.
const MEMBERS: [&str; 6] = [
    "filename",
    "lineno",
    "offset",
    "text",
    "end_lineno",
    "end_offset",
];

/// Whether `name` is one of `SyntaxError`'s member slots on `e`.
pub(crate) fn is_syntax_member(e: &ExcObj, name: &str) -> bool {
    e.is_instance(ExcKind::SyntaxError)
        && (name == "msg" || name == "print_file_and_line" || MEMBERS.contains(&name))
}

/// A `SyntaxError` member: as last assigned (an assignment lands in the
/// instance dict; a deletion leaves None there, as a cleared member slot
/// reads), else as the constructor's arguments set it.
fn member(e: &ExcObj, name: &str) -> Value {
    if let Some(d) = e.dict.borrow().as_ref() {
        if let Some(v) = d
            .borrow()
            .get_str(&Rc::new(crate::value::StrObj::new(name)))
        {
            return v.clone();
        }
    }
    match name {
        "msg" => e.args.borrow().first().cloned().unwrap_or(Value::None),
        _ => MEMBERS
            .iter()
            .position(|m| *m == name)
            .and_then(|i| details(e).and_then(|d| d.get(i).cloned()))
            .unwrap_or(Value::None),
    }
}

/// `SyntaxError`'s own attributes (`msg`, `filename`, `lineno`, `offset`,
/// `text`, `end_lineno`, `end_offset`, `print_file_and_line`).
pub(crate) fn syntax_error_attr(e: &ExcObj, name: &str) -> Option<Value> {
    if !is_syntax_member(e, name) {
        return None;
    }
    Some(member(e, name))
}

/// `str(SyntaxError)`: `msg (filename, line N)` when it has a location.
pub(crate) fn syntax_error_str(e: &ExcObj) -> Option<String> {
    if !e.is_instance(ExcKind::SyntaxError) {
        return None;
    }
    // `SyntaxError_str` reads the members, which may have been reassigned.
    let msg = crate::repr::to_str(&member(e, "msg"));
    let file = match member(e, "filename") {
        Value::Str(s) => Some(s.as_str().rsplit('/').next().unwrap_or("").to_string()),
        _ => None,
    };
    let line = match member(e, "lineno") {
        Value::Int(n) => Some(n),
        _ => None,
    };
    Some(match (file, line) {
        (Some(f), Some(l)) => format!("{msg} ({f}, line {l})"),
        (Some(f), None) => format!("{msg} ({f})"),
        (None, Some(l)) => format!("{msg} (line {l})"),
        (None, None) => msg,
    })
}

/// The `File "...", line N` block, source line and carets CPython prints
/// before a `SyntaxError`'s message (`print_exception` and
/// `print_error_text` in `Python/pythonrun.c`); `None` if `e` has no location.
pub(crate) fn syntax_error_report(e: &ExcObj) -> Option<(String, String)> {
    if !e.is_instance(ExcKind::SyntaxError) {
        return None;
    }
    // The location is printed for an error made with one; its parts are
    // read from the members, which may have been reassigned since.
    details(e)?;
    let d: Vec<Value> = MEMBERS.iter().map(|m| member(e, m)).collect();
    let int = |v: &Value| match v {
        Value::Int(n) => Some(*n),
        _ => None,
    };
    // `print_exception_file_and_line`: `str()` of any filename but None.
    let filename = match &d[0] {
        Value::Str(s) => s.as_str().to_string(),
        Value::None => "<string>".to_string(),
        other => crate::repr::to_str(other),
    };
    let lineno = int(&d[1]).unwrap_or(0);
    let offset = int(&d[2]).unwrap_or(-1);
    let exact = e.typ.name == "SyntaxError";
    let end_lineno = if exact {
        d.get(4).and_then(int).unwrap_or(lineno)
    } else {
        lineno
    };
    let mut end_offset = if exact {
        d.get(5).and_then(int).unwrap_or(-1)
    } else {
        -1
    };
    let mut out = format!("  File \"{filename}\", line {lineno}\n");
    if let Value::Str(text) = &d[3] {
        let text = text.as_str();
        // `line_size`: the length of the UTF-8 text.
        let size = text.len() as i64;
        if end_lineno > lineno {
            end_offset = size;
        }
        if end_offset > size + 1 {
            end_offset = size + 1;
        }
        error_text(&mut out, offset, end_offset, text);
    }
    let msg = crate::repr::to_str(&member(e, "msg"));
    Some((out, msg))
}

/// `print_error_text`: the source line without its indentation, and the caret
/// line. As in C, the columns count bytes of the UTF-8 text, whatever unit
/// the offsets were given in.
fn error_text(out: &mut String, offset: i64, end_offset: i64, text: &str) {
    let carets = if end_offset > 0 && end_offset > offset {
        end_offset - offset
    } else {
        1
    };
    let mut offset = offset - 1;
    let trimmed = text.trim_start_matches([' ', '\t', '\x0c']);
    offset -= (text.len() - trimmed.len()) as i64;
    let mut text = trimmed;
    let mut len = text.len() as i64;
    if text.ends_with('\n') {
        len -= 1;
    }
    offset = offset.min(len);
    while let Some(nl) = text.find('\n') {
        let nl = nl as i64;
        if nl >= offset {
            break;
        }
        text = &text[nl as usize + 1..];
        len -= nl + 1;
        offset -= nl + 1;
    }
    out.push_str("    ");
    out.push_str(text);
    if text.as_bytes().get(len.max(0) as usize) != Some(&b'\n') {
        out.push('\n');
    }
    if offset < 0 {
        return;
    }
    out.push_str("    ");
    out.push_str(&" ".repeat(offset as usize));
    out.push_str(&"^".repeat(carets.max(0) as usize));
    out.push('\n');
}

/// Whether CPython's default warning filters show a compile warning of
/// `category` (its module, taken from the file name, is never `__main__`).
fn shown_by_default(category: ExcKind) -> bool {
    !matches!(
        category,
        ExcKind::DeprecationWarning
            | ExcKind::PendingDeprecationWarning
            | ExcKind::ImportWarning
            | ExcKind::ResourceWarning
    )
}

/// Compile warnings as `warnings.showwarning` prints them: location, category
/// and message, then the stripped source line, which `linecache` finds only
/// for real files (not `<string>`).
pub fn format_warnings<'w>(
    warnings: impl IntoIterator<Item = &'w CompileWarning>,
    source: &str,
    filename: &str,
) -> String {
    let is_file = !(filename.starts_with('<') && filename.ends_with('>'));
    let mut out = String::new();
    for w in warnings {
        out.push_str(&format!(
            "{filename}:{}: {}: {}\n",
            w.lineno,
            w.category.name(),
            w.message
        ));
        let line = source
            .split_inclusive('\n')
            .nth((w.lineno as usize).saturating_sub(1))
            .map(str::trim)
            .filter(|l| is_file && !l.is_empty());
        if let Some(line) = line {
            out.push_str(&format!("  {line}\n"));
        }
    }
    out
}

impl Vm {
    /// Installs the compiler `exec`, `eval`, `compile` and imports use.
    pub fn set_compiler(&mut self, compiler: Rc<dyn SourceCompiler>) {
        self.compiler = Some(compiler);
    }

    /// Compiles source through the installed compiler at the interpreter's
    /// optimization level (`-O`), reporting its warnings on stderr; a
    /// failure is raised as CPython would raise it.
    pub(crate) fn compile_source(
        &mut self,
        source: SourceText<'_>,
        filename: &str,
        mode: CompileMode,
    ) -> PyResult<Arc<CodeObject>> {
        let options = self.default_compile_options();
        self.compile_source_with(source, filename, mode, options)
    }

    /// The options of a compilation that asks for nothing: the
    /// interpreter's optimization level (`optimize=-1`).
    pub(crate) fn default_compile_options(&self) -> CompileOptions {
        CompileOptions {
            optimize: self.cmdline.optimize.min(2),
            allow_top_level_await: false,
            future_flags: 0,
        }
    }

    /// [`Vm::compile_source`] with explicit options (`compile()`'s).
    pub(crate) fn compile_source_with(
        &mut self,
        source: SourceText<'_>,
        filename: &str,
        mode: CompileMode,
        options: CompileOptions,
    ) -> PyResult<Arc<CodeObject>> {
        let compiled = self
            .installed_compiler()?
            .compile(source, filename, mode, options)
            .map_err(|f| self.compile_failed(f, source, filename))?;
        self.report_warnings(&compiled.warnings, source, filename)?;
        Ok(Arc::new(compiled.code))
    }

    /// The error to raise for `failure`, after issuing the warnings given
    /// before it (one a filter makes an error is raised instead).
    pub(crate) fn compile_failed(
        &mut self,
        mut failure: CompileFailure,
        source: SourceText<'_>,
        filename: &str,
    ) -> PyErr {
        let warnings = std::mem::take(&mut failure.warnings);
        match self.report_warnings(&warnings, source, filename) {
            Ok(()) => failure_to_err(failure, filename),
            Err(e) => e,
        }
    }

    /// The compiler `exec`, `compile` and imports use.
    pub(crate) fn installed_compiler(&self) -> PyResult<Rc<dyn SourceCompiler>> {
        self.compiler.clone().ok_or_else(|| {
            PyErr::new(
                ExcKind::RuntimeError,
                "no compiler is installed in this VM (Vm::set_compiler)",
            )
        })
    }

    /// Loads a code object for running.
    pub(crate) fn load_code(&self, code: Arc<CodeObject>) -> PyResult<Rc<Code>> {
        Code::load(code)
            .map(Rc::new)
            .map_err(|e| PyErr::system_error(format!("bad code object: {e}")))
    }

    /// Issues the warnings of a program compiled before the VM started (the
    /// main script), so that `-W` options and `PYTHONWARNINGS` apply to them.
    /// A warning turned into an error is reported as an uncaught `SyntaxError`.
    ///
    /// # Errors
    /// The `SyntaxError` (or the error a filter raised), already printed.
    pub fn issue_compile_warnings(
        &mut self,
        warnings: &[CompileWarning],
        source: &str,
        filename: &str,
    ) -> Result<(), crate::VmError> {
        self.report_warnings(warnings, SourceText::Str(source), filename)
            .map_err(|e| {
                let _ = self.stdout.flush();
                self.display_uncaught(&e);
                crate::VmError::Uncaught(e)
            })
    }

    /// Issues compile warnings as CPython's compiler does
    /// (`PyErr_WarnExplicitObject` with no module or registry): through
    /// the filters once `warnings` is loaded (or `-W` options
    /// wait to be applied), else printed on stderr after the output written
    /// so far, which is what the default filters do. A warning that a filter
    /// turns into an error becomes a `SyntaxError` at the warning's position.
    pub(crate) fn report_warnings(
        &mut self,
        warnings: &[CompileWarning],
        source: SourceText<'_>,
        filename: &str,
    ) -> PyResult<()> {
        if warnings.is_empty() {
            return Ok(());
        }
        let options_pending = self.cmdline.has_warnoptions();
        let key = self.intern("warnings");
        let loaded = self.modules.borrow().get_str(&key).is_some();
        if options_pending && !loaded {
            self.import_dotted("warnings")?;
        } else if !loaded {
            let text = match source {
                SourceText::Str(s) => std::borrow::Cow::Borrowed(s),
                SourceText::Bytes(b) => String::from_utf8_lossy(b),
            };
            // The default filters: CPython derives the module from the
            // file name, which is never `__main__`, so deprecations are
            // hidden.
            let shown = warnings.iter().filter(|w| shown_by_default(w.category));
            let out = format_warnings(shown, &text, filename);
            let _ = self.stdout.flush();
            self.write_err(&out);
            return Ok(());
        }
        for w in warnings {
            let message = Value::string(w.message.clone());
            let line = i32::try_from(w.lineno).unwrap_or(i32::MAX);
            let r = self.warn_at(w.category, message, filename, line);
            if let Err(e) = r {
                if !e.0.is_instance(w.category) {
                    return Err(e);
                }
                return Err(failure_to_err(
                    CompileFailure {
                        warnings: Vec::new(),
                        kind: ExcKind::SyntaxError,
                        message: w.message.clone(),
                        lineno: w.lineno,
                        offset: w.offset,
                        end_lineno: w.end_lineno,
                        end_offset: w.end_offset,
                        text: w.text.clone(),
                    },
                    filename,
                ));
            }
        }
        Ok(())
    }
}
