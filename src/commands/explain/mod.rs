//! `pith explain`: the whole pipeline for one program, stage by stage, on
//! one screen: tokens, the AST as a tree, compile-time decisions, bytecode
//! with the values each instruction pops and pushes, the `.pyc` it would be stored as, and the execution
//! trace. Where the program fails, it says at which stage and why (the
//! lesson's "Why Python errors happen where they do").

mod bytecode;
mod decisions;
mod tree;

use std::io::Write;
use std::process::ExitCode;
use std::sync::Arc;

use pith_ast::{dump, DumpOptions, LineIndex};

use super::style::Style;
use super::trace::{run_traced, TraceOptions};
use crate::cli::{ExplainArgs, Stage, TraceFormat};

/// The program `pith explain` shows when given none.
const EXAMPLE: &str = include_str!("../../../examples/lesson.py");
/// Its name in the output.
const EXAMPLE_NAME: &str = "examples/lesson.py";

struct Explainer {
    style: Style,
    stage: Option<Stage>,
    out: std::io::Stdout,
}

impl Explainer {
    fn wants(&self, stage: Stage) -> bool {
        self.stage.map_or(true, |s| s == stage)
    }

    fn print(&mut self, text: &str) {
        let _ = self.out.write_all(text.as_bytes());
    }

    fn section(&mut self, number: u32, title: &str, what: &str) {
        let line = format!("━━ {number}. {title} ━━ {what}");
        let text = format!("\n{}\n\n", self.style.heading(&line));
        self.print(&text);
    }

    /// Says at which stage the program failed and why, and gives the status.
    fn fail(&mut self, stage: &str, error: &str, why: &str) -> ExitCode {
        let text = format!(
            "\n{}\n{}\n",
            self.style.exception(&format!("✗ {error}")),
            self.style.exception(&format!("  Stage: {stage}.")),
        );
        self.print(&text);
        let why = format!("  {why}\n");
        self.print(&why);
        let _ = self.out.flush();
        ExitCode::FAILURE
    }
}

/// Runs `pith explain`.
pub fn run(args: &ExplainArgs) -> ExitCode {
    let (filename, bytes) = match (&args.code, &args.file) {
        (Some(code), _) => ("<string>".to_string(), code.as_bytes().to_vec()),
        (None, Some(path)) => match super::read_or_report(path) {
            Some(bytes) => (path.display().to_string(), bytes),
            None => return ExitCode::FAILURE,
        },
        (None, None) => (EXAMPLE_NAME.to_string(), EXAMPLE.as_bytes().to_vec()),
    };
    let mut ex = Explainer {
        style: Style::for_stdout(),
        stage: args.stage,
        out: std::io::stdout(),
    };
    let title = format!("pith explain {filename}: how Python runs it, stage by stage");
    let title = ex.style.heading(&title);
    ex.print(&format!("{title}\n"));

    let decoded = match pith_lexer::decode_source(&bytes) {
        Ok(decoded) => decoded,
        Err(err) => {
            return ex.fail(
                "0, reading the source",
                &format!("SyntaxError: {err}"),
                "The bytes of the file are decoded to text (UTF-8 unless a coding \
                 cookie says otherwise) before anything else; nothing ran.",
            )
        }
    };
    let source: &str = &decoded.text;

    // 1. Tokens
    let (listing, token_error) = super::tokenize::token_listing(source, &decoded.encoding, false);
    if ex.wants(Stage::Tokens) {
        ex.section(
            1,
            "Tokens",
            "pith-lexer: the text cut into tokens (as `pith tokenize`)",
        );
        ex.print(&listing);
        if let Some((line, col, err)) = &token_error {
            // `tokenize` stops here; the parser's tokenizer gives the real
            // SyntaxError below.
            let note = format!("{filename}:{line}:{col}: error: {err}");
            let note = ex.style.exception(&note);
            ex.print(&format!("{note}\n"));
        }
    }

    // 2. AST
    let tree = match pith_parser::parse(source, pith_parser::Mode::Exec, &filename) {
        Ok(tree) => tree,
        Err(err) => {
            if ex.wants(Stage::Ast) {
                ex.section(2, "Abstract syntax tree", "pith-parser: tokens to a tree");
            }
            let report = err.render(source, &filename);
            ex.print(&report);
            return ex.fail(
                "2, parsing (tokens to AST)",
                &format!("{}: {} (line {})", err.kind.name(), err.message, err.lineno),
                "Python parses the whole file before running any of it, so a SyntaxError \
                 anywhere stops everything at parse time: not even the lines before it run. \
                 That is why it is reported with no traceback of running code.",
            );
        }
    };
    if ex.wants(Stage::Ast) {
        ex.section(
            2,
            "Abstract syntax tree",
            "pith-parser: the grammar turns tokens into a tree",
        );
        let text = dump(&tree, &DumpOptions::new(), &LineIndex::new(source));
        match tree::box_tree(&text) {
            Some(drawn) => ex.print(&drawn),
            None => ex.print(&format!("{text}\n")),
        }
    }

    // 3. Compile
    let code = match pith_compiler::compile(&tree, source, &filename, pith_compiler::Mode::Exec) {
        Ok(code) => Arc::new(code),
        Err(err) => {
            return ex.fail(
                "3, compiling (AST to bytecode)",
                &format!("{}: {} (line {})", err.kind.name(), err.message, err.lineno),
                "The tree was valid syntax, but the compiler's checks (scopes: `return` \
                 outside a function, `nonlocal` without an outer binding, ...) rejected it. \
                 This too happens before any line runs.",
            )
        }
    };
    if ex.wants(Stage::Decisions) {
        ex.section(
            3,
            "Compile-time decisions",
            "pith-compiler: settled before anything runs",
        );
        ex.print("Constant folding (expressions made only of constants):\n");
        ex.print(&decisions::folding(&tree, source));
        ex.print("\nNames and stack, per code object (the symbol table's decisions):\n");
        ex.print(&decisions::scopes(&code));
    }
    if ex.wants(Stage::Bytecode) {
        ex.section(
            4,
            "Bytecode",
            "pith-compiler: instructions for the stack machine (as `pith dis`)",
        );
        ex.print(&bytecode::bytecode(&code));
    }
    if ex.wants(Stage::Pyc) {
        ex.section(
            5,
            ".pyc file",
            "pith-bytecode: the code object as it is cached on disk",
        );
        ex.print(&bytecode::pyc(&code, bytes.len() as u32));
    }

    // 6. Run
    if !ex.wants(Stage::Trace) {
        let _ = ex.out.flush();
        return ExitCode::SUCCESS;
    }
    ex.section(
        6,
        "Execution trace",
        "pith-vm: each instruction and the evaluation stack after it",
    );
    ex.print(&format!(
        "{}\n",
        ex.style.dim(
            "  frame        offset line  instruction                                  stack after \
             (program output: lines marked 'stdout|')"
        )
    ));
    let _ = ex.out.flush();
    let options = TraceOptions {
        format: TraceFormat::Text,
        function: None,
        // The program's own frames: imported standard-library code would
        // bury them.
        hide_dir: crate::stdlib::find(),
        max_steps: Some(args.max_steps),
        width: 40,
        style: ex.style,
        failure: None,
    };
    let failure = Arc::new(std::sync::Mutex::new(None));
    let options = TraceOptions {
        failure: Some(failure.clone()),
        ..options
    };
    let run = run_traced(
        code,
        vec![filename.clone()],
        options,
        || Box::new(std::io::LineWriter::new(std::io::stdout())),
        || Box::new(PrefixWriter::new(std::io::stdout(), "stdout| ")),
    );
    if run.limit_hit {
        ex.print(&format!(
            "\n(stopped after {} instructions: --max-steps)\n",
            args.max_steps
        ));
        let _ = ex.out.flush();
        return ExitCode::SUCCESS;
    }
    let uncaught = failure.lock().ok().and_then(|mut f| f.take());
    if let Some((error, line)) = uncaught {
        let at = line.map_or(String::new(), |l| format!(" (line {l})"));
        return ex.fail(
            "6, running (the VM executing bytecode)",
            &format!("{error}{at}"),
            runtime_why(&error),
        );
    }
    if run.status != 0 {
        return ExitCode::from(run.status.clamp(0, 255) as u8);
    }
    let _ = ex.out.flush();
    ExitCode::SUCCESS
}

/// Why an exception of this kind shows up only at run time.
fn runtime_why(error: &str) -> &'static str {
    let kind = error.split(':').next().unwrap_or_default();
    match kind {
        "NameError" | "UnboundLocalError" => {
            "The program parsed and compiled: the compiler does not check that names \
             exist. LOAD_NAME, LOAD_GLOBAL and LOAD_FAST look a name up when the \
             instruction runs, so the lines before it have already run and printed \
             their output."
        }
        "TypeError" => {
            "The program parsed and compiled: types are known only at run time. The \
             same BINARY_OP adds ints and joins strings; it checks its operands when it \
             runs, so the lines before it have already run and printed their output."
        }
        _ => {
            "The program parsed and compiled; the exception was raised while the \
             bytecode ran, after the lines before it had run."
        }
    }
}

/// Writes `prefix` at the start of every line (the program's output,
/// interleaved with the trace).
struct PrefixWriter<W: Write> {
    inner: W,
    prefix: &'static str,
    at_line_start: bool,
}

impl<W: Write> PrefixWriter<W> {
    fn new(inner: W, prefix: &'static str) -> Self {
        PrefixWriter {
            inner,
            prefix,
            at_line_start: true,
        }
    }
}

impl<W: Write> Write for PrefixWriter<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let mut out = Vec::with_capacity(buf.len() + self.prefix.len());
        for &b in buf {
            if self.at_line_start {
                out.extend_from_slice(self.prefix.as_bytes());
            }
            out.push(b);
            self.at_line_start = b == b'\n';
        }
        self.inner.write_all(&out)?;
        self.inner.flush()?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}
