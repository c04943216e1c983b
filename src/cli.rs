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
    /// Disassemble a `.pyc` file, as `python3 -m dis` does for its source.
    Dis(DisArgs),
    /// Show a `.pyc` file's header, or rewrite it through Pith's marshal.
    Pyc(PycArgs),
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
