//! Runs a `.pyc` file like `python3 FILE.pyc`: program output on stdout, an
//! uncaught exception's traceback on stderr, and CPython's exit status.

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: run_pyc FILE.pyc");
        return ExitCode::from(2);
    };
    // Builtins that call back into Python use Rust stack; give them room.
    let worker = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || {
            let mut vm = pith_vm::Vm::new();
            match vm.run_pyc_file(std::path::Path::new(&path)) {
                Ok(()) => 0,
                Err(pith_vm::VmError::Uncaught(e)) => pith_vm::VmError::Uncaught(e).exit_status(),
                Err(e) => {
                    eprintln!("run_pyc: {e}");
                    e.exit_status()
                }
            }
        });
    let status = match worker.map(|h| h.join()) {
        Ok(Ok(s)) => s,
        _ => 1,
    };
    ExitCode::from(status.clamp(0, 255) as u8)
}
