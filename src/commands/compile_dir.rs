//! `pith compile DIR`: a tree compiled as `python3 -m compileall DIR` does
//! (`Lib/compileall.py`: `compile_dir`, `compile_file`), with the same lines
//! on stdout, into Pith's `__pycache__/NAME.pith-311.pyc` files.
//!
//! As compileall: names are visited sorted, `__pycache__` and symlinked
//! directories are skipped, a file whose cache already records its mtime
//! (magic, flags 0, mtime: the first 12 bytes) is not recompiled, a
//! directory that cannot be listed is reported and not an error, and a
//! file that does not compile prints `*** ` and its SyntaxError report.

use std::path::Path;
use std::time::UNIX_EPOCH;

use pith_bytecode::pyc::{write_new_pyc, Invalidation, MAGIC};

/// How much `pith compile` prints (`-q` once or twice).
#[derive(Clone, Copy, Debug)]
pub struct Options {
    /// 0: every line; 1: errors only; 2: nothing.
    pub quiet: u8,
    /// Recompile even fresh files (`-f`).
    pub force: bool,
}

/// Compiles every `.py` file under `dir`; false if one failed.
pub fn compile_dir(dir: &Path, options: Options) -> bool {
    if options.quiet == 0 {
        println!("Listing {}...", repr_path(dir));
    }
    let mut names: Vec<String> = match std::fs::read_dir(dir) {
        Ok(entries) => entries
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect(),
        Err(_) => {
            if options.quiet < 2 {
                println!("Can't list {}", repr_path(dir));
            }
            return true;
        }
    };
    names.sort();
    let mut success = true;
    for name in names {
        if name == "__pycache__" {
            continue;
        }
        let full = dir.join(&name);
        if !full.is_dir() {
            success &= compile_file(&full, options);
        } else if !full.is_symlink() {
            success &= compile_dir(&full, options);
        }
    }
    success
}

/// `compileall.compile_file`: compiles one `.py` file unless its cache is fresh.
pub fn compile_file(file: &Path, options: Options) -> bool {
    if !file.is_file() || file.extension().map_or(true, |e| e != "py") {
        return true;
    }
    let cache = super::compile::cache_path(file);
    let mtime = std::fs::metadata(file)
        .ok()
        .and_then(|m| m.modified().ok())
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_secs() as u32);
    if !options.force {
        let mut expect = MAGIC.to_vec();
        expect.extend_from_slice(&0u32.to_le_bytes());
        expect.extend_from_slice(&mtime.to_le_bytes());
        if std::fs::read(&cache).is_ok_and(|b| b.get(..12) == Some(&expect[..])) {
            return true;
        }
    }
    if options.quiet == 0 {
        println!("Compiling {}...", repr_path(file));
    }
    let name = file.display().to_string();
    let code = super::read_source(file).map(|source| compile_text(&source, &name));
    let code = match code {
        Some(Ok(code)) => code,
        Some(Err(report)) => {
            match options.quiet {
                0 => print!("*** "),
                1 => println!("*** Error compiling {}...", repr_path(file)),
                _ => return false,
            }
            println!("{report}");
            return false;
        }
        None => return false,
    };
    let source_size = std::fs::metadata(file).map_or(0, |m| m.len() as u32);
    let code = std::sync::Arc::new(code);
    let written = write_new_pyc(&code, &Invalidation::Timestamp { mtime, source_size })
        .map_err(|e| e.to_string())
        .and_then(|bytes| {
            pith_vm::import::write_atomically(&cache, &bytes).map_err(|e| super::os_message(&e))
        });
    match written {
        Ok(()) => true,
        Err(err) => {
            if options.quiet < 2 {
                println!("*** {}: {err}", repr_path(&cache));
            }
            false
        }
    }
}

/// Parses and compiles, giving the SyntaxError report as text on failure.
fn compile_text(source: &str, filename: &str) -> Result<pith_bytecode::CodeObject, String> {
    let tree = pith_parser::parse(source, pith_parser::Mode::Exec, filename)
        .map_err(|err| err.render(source, filename))?;
    match pith_compiler::compile_module(tree, source, filename, pith_compiler::Mode::Exec) {
        Ok(compiled) => {
            super::report_warnings(&compiled.warnings, source, filename);
            Ok(compiled.code)
        }
        Err(err) => Err(super::compile_error_report(&err, source, filename)),
    }
}

/// `repr()` of a path, as compileall prints its names.
fn repr_path(path: &Path) -> String {
    pith_repr::str_repr(&path.display().to_string())
}
