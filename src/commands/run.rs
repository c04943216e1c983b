//! Running programs: `pith FILE [ARGS]`, `pith run FILE`, `pith -c CODE`.

use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

use pith_vm::{Vm, VmError};

/// Stack for the thread that runs the VM. Python calls do not recurse in
/// Rust, but builtins that call back into Python (`sorted(key=...)`,
/// `__repr__`, ...) do; the recursion limit keeps them far inside this.
pub const VM_STACK_BYTES: usize = 256 << 20;

/// Runs a program as `python3` would and returns its exit status.
pub fn run_program(code: Option<String>, script: Vec<String>) -> ExitCode {
    let (argv, code) = match code {
        Some(text) => {
            let mut argv = vec!["-c".to_string()];
            argv.extend(script);
            (argv, super::compile_source(&text, "<string>").map(Arc::new))
        }
        None => {
            let Some(file) = script.first() else {
                eprintln!(
                    "usage: pith FILE [ARGS] | pith -c CODE | pith COMMAND (see pith --help)"
                );
                return ExitCode::from(2);
            };
            if !Path::new(file).exists() {
                eprintln!("pith: can't open file '{file}': [Errno 2] No such file or directory");
                return ExitCode::from(2);
            }
            let code = super::load_program(Path::new(file));
            (script, code)
        }
    };
    let Some(code) = code else {
        return ExitCode::FAILURE;
    };
    let worker = std::thread::Builder::new()
        .name("pith-vm".into())
        .stack_size(VM_STACK_BYTES)
        .spawn(move || {
            let mut vm = Vm::new();
            vm.set_argv(argv);
            match vm.run_code(code) {
                Ok(()) => 0,
                Err(err @ VmError::Uncaught(_)) => err.exit_status(),
                Err(err) => {
                    eprintln!("pith: {err}");
                    err.exit_status()
                }
            }
        });
    let status = match worker.map(|handle| handle.join()) {
        Ok(Ok(status)) => status,
        _ => 1,
    };
    ExitCode::from(status.clamp(0, 255) as u8)
}
