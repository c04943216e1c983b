//! `pith dis`: what `python3 -m dis FILE` prints; a `.pyc` is disassembled
//! as it is.

use std::process::ExitCode;

use crate::cli::DisArgs;

/// Runs `pith dis`.
pub fn run(args: &DisArgs) -> ExitCode {
    let Some(code) = super::load_program(&args.file, &args.file.display().to_string()) else {
        return ExitCode::FAILURE;
    };
    print!("{}", pith_bytecode::dis(&code));
    ExitCode::SUCCESS
}
