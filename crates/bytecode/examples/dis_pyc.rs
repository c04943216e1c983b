//! Prints `dis` output for a `.pyc` file, like `python3 -m dis` on its source.
//!
//! Usage: `cargo run -p pith-bytecode --example dis_pyc -- FILE.pyc`

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: dis_pyc FILE.pyc");
        return ExitCode::from(2);
    };
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{}: {e}", path.to_string_lossy());
            return ExitCode::FAILURE;
        }
    };
    match pith_bytecode::read_pyc(&bytes) {
        Ok(pyc) => {
            print!("{}", pith_bytecode::dis(&pyc.code));
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}: {e}", path.to_string_lossy());
            ExitCode::FAILURE
        }
    }
}
