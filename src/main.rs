//! `pith`: CPython 3.11's pipeline, stage by stage.

mod cli;
mod commands;
mod feature_version;
mod interp_options;
mod stdlib;
mod vm_ast;
mod vm_compiler;

use std::process::ExitCode;

use clap::Parser;

// Parsing, compiling and running allocate many small, short-lived objects
// (AST nodes, instructions, Python values); mimalloc (`pith-alloc`) serves them with about a
// fifth fewer instructions than the system allocator (callgrind, stdlib corpus).
#[global_allocator]
static GLOBAL: pith_alloc::Mimalloc = pith_alloc::Mimalloc;

fn main() -> ExitCode {
    let split = match interp_options::split(std::env::args_os().collect()) {
        Ok(split) => split,
        Err(interp_options::OptionError(msg)) => {
            eprintln!("{msg}\nusage: pith [option] ... [-c cmd | -m mod | file | -] [arg] ...");
            return ExitCode::from(2);
        }
    };
    let mut cli = cli::Cli::parse_from(split.clap_args);
    if let Some(rest) = split.program_args {
        cli.script = rest;
    }
    // The hash key is fixed before anything is hashed, from `PYTHONHASHSEED`
    // unless `-E`/`-I` says to ignore the environment (then random).
    let seed_text = std::env::var("PYTHONHASHSEED")
        .ok()
        .filter(|_| interp_options::environment_used(&split.options));
    // One process: what its modules intern decides later constants' order.
    pith_compiler::track_interned_strings();
    match pith_vm::hash::parse_hash_seed(seed_text.as_deref()) {
        Ok(seed) => pith_vm::hash::set_hash_seed(seed),
        Err(e) => {
            // CPython's wording for a configuration error at start-up.
            eprintln!(
                "Fatal Python error: config_init_hash_seed: {e}\n\
                 Python runtime state: preinitialized\n"
            );
            return ExitCode::from(1);
        }
    }
    commands::run::set_command_line(split.options);
    if cli.unbuffered {
        commands::run::UNBUFFERED.store(true, std::sync::atomic::Ordering::Relaxed);
    }
    if cli.dont_write_bytecode {
        commands::run::DONT_WRITE_BYTECODE.store(true, std::sync::atomic::Ordering::Relaxed);
    }
    let Some(command) = cli.command else {
        if let Some(module) = cli.module {
            return commands::run::run_module(module, cli.script);
        }
        return commands::run::run_program(cli.code, cli.script);
    };
    match command {
        cli::Command::Run(args) => commands::run::run_program(None, args.script),
        cli::Command::Tokenize(args) => commands::tokenize::run(&args),
        cli::Command::Ast(args) => commands::ast::run(&args),
        cli::Command::Dis(args) => commands::dis::run(&args),
        cli::Command::Compile(args) => commands::compile::run(&args),
        cli::Command::Pyc(args) => commands::pyc::run(&args),
        cli::Command::Trace(args) => commands::trace::run(&args),
        cli::Command::Explain(args) => commands::explain::run(&args),
    }
}
