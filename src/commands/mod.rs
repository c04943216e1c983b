//! One module per subcommand.

pub mod dis;
pub mod pyc;
pub mod tokenize;

use std::path::Path;

/// Reads a file, or prints `pith: PATH: reason` and gives `None`.
pub fn read_or_report(path: &Path) -> Option<Vec<u8>> {
    match std::fs::read(path) {
        Ok(bytes) => Some(bytes),
        Err(err) => {
            eprintln!("pith: {}: {}", path.display(), os_message(&err));
            None
        }
    }
}

/// The C library's message for an I/O error, without Rust's suffix.
pub fn os_message(err: &std::io::Error) -> String {
    let text = err.to_string();
    match text.find(" (os error") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

/// Reads and parses a `.pyc` file, reporting failures as `pith: PATH: reason`.
pub fn load_pyc(path: &Path) -> Option<pith_bytecode::Pyc> {
    let bytes = read_or_report(path)?;
    match pith_bytecode::read_pyc(&bytes) {
        Ok(pyc) => Some(pyc),
        Err(err) => {
            eprintln!("pith: {}: {err}", path.display());
            None
        }
    }
}
