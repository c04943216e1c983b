//! `pith dis`: `dis.dis` text of a module's code object.

use std::process::ExitCode;

use crate::cli::DisArgs;

/// Runs `pith dis`.
pub fn run(args: &DisArgs) -> ExitCode {
    let Some(pyc) = super::load_pyc(&args.file) else {
        return ExitCode::FAILURE;
    };
    print!("{}", pith_bytecode::dis(&pyc.code));
    ExitCode::SUCCESS
}
