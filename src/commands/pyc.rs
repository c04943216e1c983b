//! `pith pyc`: a `.pyc` file's header, and a read-write round trip.

use std::process::ExitCode;

use pith_bytecode::pyc::Invalidation;

use crate::cli::PycArgs;

/// Runs `pith pyc`.
pub fn run(args: &PycArgs) -> ExitCode {
    let Some(pyc) = super::load_pyc(&args.file) else {
        return ExitCode::FAILURE;
    };
    if let Some(out) = &args.rewrite {
        let bytes = match pith_bytecode::write_pyc(&pyc) {
            Ok(bytes) => bytes,
            Err(err) => {
                eprintln!("pith: {}: {err}", args.file.display());
                return ExitCode::FAILURE;
            }
        };
        if let Err(err) = std::fs::write(out, bytes) {
            eprintln!("pith: {}: {}", out.display(), super::os_message(&err));
            return ExitCode::FAILURE;
        }
        return ExitCode::SUCCESS;
    }
    println!("magic:        a7 0d 0d 0a (CPython 3.11)");
    match pyc.invalidation {
        Invalidation::Timestamp { mtime, source_size } => {
            println!("flags:        0 (timestamp-based)");
            println!("source mtime: {mtime}");
            println!("source size:  {source_size}");
        }
        Invalidation::Hash {
            check_source,
            source_hash,
        } => {
            let mode = if check_source { "checked" } else { "unchecked" };
            println!(
                "flags:        {} (hash-based, {mode})",
                1 + 2 * u32::from(check_source)
            );
            let hex: String = source_hash.iter().map(|b| format!("{b:02x}")).collect();
            println!("source hash:  {hex}");
        }
    }
    println!("code:         {}", pyc.code.repr());
    ExitCode::SUCCESS
}
