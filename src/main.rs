//! `pith`: CPython 3.11's pipeline, stage by stage.

mod cli;
mod commands;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match cli.command {
        cli::Command::Tokenize(args) => commands::tokenize::run(&args),
    }
}
