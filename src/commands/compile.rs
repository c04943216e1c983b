//! `pith compile`: `.py` to `.pyc` in CPython 3.11's format, as
//! `python3 -m py_compile` writes them but under Pith's own cache tag, so
//! CPython's caches are never overwritten.

use std::path::Path;
use std::process::ExitCode;
use std::time::UNIX_EPOCH;

use pith_bytecode::pyc::{write_new_pyc, Invalidation};

use crate::cli::CompileArgs;

pub use pith_vm::import::cache_path;

/// Runs `pith compile`.
pub fn run(args: &CompileArgs) -> ExitCode {
    if args.output.is_some() && args.files.len() > 1 {
        eprintln!("pith compile: -o takes one input file");
        return ExitCode::from(2);
    }
    let mut status = ExitCode::SUCCESS;
    for file in &args.files {
        if file.is_dir() && args.output.is_none() {
            let options = super::compile_dir::Options {
                quiet: args.quiet,
                force: args.force,
            };
            if !super::compile_dir::compile_dir(file, options) {
                status = ExitCode::FAILURE;
            }
            continue;
        }
        let target = args.output.clone().unwrap_or_else(|| cache_path(file));
        if compile_one(file, &target).is_none() {
            status = ExitCode::FAILURE;
        }
    }
    status
}

fn compile_one(file: &Path, target: &Path) -> Option<()> {
    let metadata = std::fs::metadata(file).ok();
    let code = super::load_program(file, &file.display().to_string())?;
    // The header records the source's mtime and size, truncated to 32 bits
    // as CPython's importer does.
    let mtime = metadata
        .as_ref()
        .and_then(|m| m.modified().ok())
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_secs() as u32);
    let source_size = metadata.map_or(0, |m| m.len() as u32);
    let bytes = match write_new_pyc(&code, &Invalidation::Timestamp { mtime, source_size }) {
        Ok(bytes) => bytes,
        Err(err) => {
            eprintln!("pith: {}: {err}", file.display());
            return None;
        }
    };
    if let Err(err) = pith_vm::import::write_atomically(target, &bytes) {
        eprintln!("pith: {}: {}", target.display(), super::os_message(&err));
        return None;
    }
    Some(())
}
