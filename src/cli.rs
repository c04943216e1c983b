//! The command line. Each pipeline stage has a subcommand that prints what
//! the matching CPython 3.11 tool prints.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// Pith: CPython 3.11's execution pipeline rebuilt in Rust.
#[derive(Debug, Parser)]
#[command(name = "pith", version, about)]
pub struct Cli {
    /// The stage to run.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands, one per stage of the pipeline.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the tokens of a file, as `python3 -m tokenize` does.
    Tokenize(TokenizeArgs),
    /// Print the AST of a file, as `python3 -m ast -a` does.
    Ast(AstArgs),
    /// Disassemble a `.pyc` file, as `python3 -m dis` does for its source.
    Dis(DisArgs),
    /// Show a `.pyc` file's header, or rewrite it through Pith's marshal.
    Pyc(PycArgs),
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
    /// A `.pyc` file written by CPython 3.11 or by Pith.
    pub file: PathBuf,
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
