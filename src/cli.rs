//! The command line. Each pipeline stage has a subcommand that prints what
//! the matching CPython 3.11 tool prints.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// Pith: CPython 3.11's execution pipeline rebuilt in Rust.
///
/// `pith FILE [ARGS]` and `pith -c CODE [ARGS]` run a program as `python3`
/// does; the subcommands show one stage of the pipeline each.
#[derive(Debug, Parser)]
#[command(name = "pith", version, about, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// The stage to run.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Run the program given as a string (`sys.argv[0]` is `-c`).
    #[arg(short = 'c', value_name = "CODE")]
    pub code: Option<String>,
    /// Run a module of `sys.path` as `__main__` (`python3 -m`); the rest are its arguments.
    #[arg(short = 'm', value_name = "MODULE", conflicts_with = "code")]
    pub module: Option<String>,
    /// Don't write `__pycache__` files on import (`sys.dont_write_bytecode`).
    #[arg(short = 'B')]
    pub dont_write_bytecode: bool,
    /// Unbuffered stdout, each write reaching the file at once (as
    /// `PYTHONUNBUFFERED` set to a non-empty value).
    #[arg(short = 'u')]
    pub unbuffered: bool,
    /// The program to run (`.py` or `.pyc`) and its arguments.
    #[arg(
        value_name = "FILE [ARGS]",
        trailing_var_arg = true,
        allow_hyphen_values = true
    )]
    pub script: Vec<String>,
}

/// The subcommands, one per stage of the pipeline.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the tokens of a file, as `python3 -m tokenize` does.
    Tokenize(TokenizeArgs),
    /// Run a program, as `python3 FILE [ARGS]` does.
    Run(RunArgs),
    /// Print the AST of a file, as `python3 -m ast -a` does.
    Ast(AstArgs),
    /// Disassemble a file (`.py` compiled by Pith, or a `.pyc`), as `python3 -m dis` does.
    Dis(DisArgs),
    /// Compile `.py` files to `.pyc` (`__pycache__/NAME.pith-311.pyc`, CPython's format).
    Compile(CompileArgs),
    /// Show a `.pyc` file's header, or rewrite it through Pith's marshal.
    Pyc(PycArgs),
    /// Run a program showing every instruction and the evaluation stack after it.
    Trace(TraceArgs),
    /// Show every stage for a program: tokens, AST, decisions, bytecode, .pyc, trace.
    Explain(ExplainArgs),
}

/// Arguments of `pith run`.
#[derive(Debug, Args)]
pub struct RunArgs {
    /// The program (`.py` or `.pyc`) and its arguments.
    #[arg(
        value_name = "FILE [ARGS]",
        required = true,
        trailing_var_arg = true,
        allow_hyphen_values = true
    )]
    pub script: Vec<String>,
}

/// Arguments of `pith ast`.
#[derive(Debug, Args)]
pub struct AstArgs {
    /// What kind of code the file holds.
    #[arg(short, long, value_enum, default_value_t = ParseMode::Exec)]
    pub mode: ParseMode,
    /// Leave out line and column attributes (`python3 -m ast` without `-a`).
    #[arg(long)]
    pub no_attributes: bool,
    /// Indentation of nested nodes, in spaces.
    #[arg(short, long, default_value_t = 3)]
    pub indent: usize,
    /// Ignore type comments (`python3 -m ast --no-type-comments`).
    #[arg(long)]
    pub no_type_comments: bool,
    /// The Python source file.
    pub file: PathBuf,
}

/// The `mode` argument of `compile()` and `ast.parse()`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ParseMode {
    /// A module: a sequence of statements.
    Exec,
    /// A single expression.
    Eval,
    /// One interactive statement.
    Single,
}

/// Arguments of `pith dis`.
#[derive(Debug, Args)]
pub struct DisArgs {
    /// A `.py` file, or a `.pyc` file written by CPython 3.11 or by Pith.
    pub file: PathBuf,
}

/// Arguments of `pith compile`.
#[derive(Debug, Args)]
pub struct CompileArgs {
    /// Write the `.pyc` here instead of `__pycache__` (one input file only).
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// For directories: print only errors (`-q`), or nothing (`-qq`), as compileall.
    #[arg(short, action = clap::ArgAction::Count)]
    pub quiet: u8,
    /// For directories: recompile files whose cache is fresh.
    #[arg(short, long)]
    pub force: bool,
    /// The `.py` files, or directories to compile as `python3 -m compileall`.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
}

/// Arguments of `pith pyc`.
#[derive(Debug, Args)]
pub struct PycArgs {
    /// Read the file and write it back to OUT (the round trip must
    /// reproduce CPython's bytes).
    #[arg(long, value_name = "OUT")]
    pub rewrite: Option<PathBuf>,
    /// The `.pyc` file.
    pub file: PathBuf,
}

/// Arguments of `pith tokenize`.
#[derive(Debug, Args)]
pub struct TokenizeArgs {
    /// Show exact token types (`LPAR` rather than `OP`), as `tokenize -e`.
    #[arg(short, long)]
    pub exact: bool,
    /// The Python source file.
    pub file: PathBuf,
}

/// Arguments of `pith trace`.
#[derive(Debug, Args)]
pub struct TraceArgs {
    /// Trace the program given as a string.
    #[arg(short = 'c', value_name = "CODE")]
    pub code: Option<String>,
    /// Write the trace to this file instead of stderr.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Only show frames of the function with this name or qualified name.
    #[arg(long, value_name = "NAME")]
    pub function: Option<String>,
    /// Hide frames of the standard library's code (imported modules).
    #[arg(long)]
    pub no_stdlib: bool,
    /// Stop the program after N instructions.
    #[arg(long, value_name = "N")]
    pub max_steps: Option<u64>,
    /// One line of text per event, or one JSON object per line (docs/trace.md).
    #[arg(long, value_enum, default_value_t = TraceFormat::Text)]
    pub format: TraceFormat,
    /// Width past which a value's repr is cut (ending in `...`).
    #[arg(long, value_name = "N", default_value_t = 40)]
    pub width: usize,
    /// The program (`.py` or `.pyc`) and its arguments.
    #[arg(
        value_name = "FILE [ARGS]",
        trailing_var_arg = true,
        allow_hyphen_values = true
    )]
    pub script: Vec<String>,
}

/// How `pith trace` writes its events.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum TraceFormat {
    /// Aligned text, the call stack drawn with `│`.
    Text,
    /// JSON lines, one object per event.
    Json,
}

/// Arguments of `pith explain`.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// Explain the program given as a string.
    #[arg(short = 'c', value_name = "CODE", conflicts_with = "file")]
    pub code: Option<String>,
    /// Show only this stage.
    #[arg(long, value_enum)]
    pub stage: Option<Stage>,
    /// Stop the traced run after N instructions.
    #[arg(long, value_name = "N", default_value_t = 10_000)]
    pub max_steps: u64,
    /// The Python source file (default: the bundled example, examples/lesson.py).
    pub file: Option<PathBuf>,
}

/// A stage of `pith explain`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Stage {
    /// The tokens.
    Tokens,
    /// The syntax tree.
    Ast,
    /// Compile-time decisions (constant folding, scopes).
    Decisions,
    /// The bytecode, with the values each instruction pops and pushes.
    Bytecode,
    /// The `.pyc` header and size.
    Pyc,
    /// The execution trace.
    Trace,
}
