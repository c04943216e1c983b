//! `pith`: CPython 3.11's pipeline, stage by stage.

mod cli;
mod commands;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match cli.command {
        cli::Command::Tokenize(args) => commands::tokenize::run(&args),
        cli::Command::Ast(args) => commands::ast::run(&args),
        cli::Command::Dis(args) => commands::dis::run(&args),
        cli::Command::Pyc(args) => commands::pyc::run(&args),
    }
}
