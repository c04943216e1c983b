//! `pith compile`: `.py` to `.pyc` in CPython 3.11's format, as
//! `python3 -m py_compile` writes them but under Pith's own cache tag, so
//! CPython's caches are never overwritten.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::UNIX_EPOCH;

use pith_bytecode::pyc::{write_new_pyc, Invalidation};

use crate::cli::CompileArgs;

/// The cache tag in `.pyc` names (`sys.implementation.cache_tag`).
pub const CACHE_TAG: &str = "pith-311";

/// `__pycache__/NAME.pith-311.pyc` beside `source`.
pub fn cache_path(source: &Path) -> PathBuf {
    let stem = source
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("module");
    let dir = source.parent().unwrap_or(Path::new(""));
    dir.join("__pycache__")
        .join(format!("{stem}.{CACHE_TAG}.pyc"))
}

/// Runs `pith compile`.
pub fn run(args: &CompileArgs) -> ExitCode {
    if args.output.is_some() && args.files.len() > 1 {
        eprintln!("pith compile: -o takes one input file");
        return ExitCode::from(2);
    }
    let mut status = ExitCode::SUCCESS;
    for file in &args.files {
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
    if let Err(err) = write_atomically(target, &bytes) {
        eprintln!("pith: {}: {}", target.display(), super::os_message(&err));
        return None;
    }
    Some(())
}

/// Writes through a temporary file and a rename, so no reader ever sees
/// half a `.pyc`.
fn write_atomically(target: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let tmp = target.with_extension(format!("{}.tmp", std::process::id()));
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, target).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}
