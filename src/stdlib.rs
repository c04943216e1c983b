//! Finding CPython 3.11's pure-Python standard library, which Pith runs from
//! an installed CPython and never copies.
//!
//! The rule, cheapest first (no process is spawned, so start-up pays only a
//! few `stat` calls):
//!
//! 1. `PITH_STDLIB`, when set: that directory (set it empty to run without a
//!    standard library).
//! 2. Else the first `python3.11` or `python3` on `PATH` that belongs to a
//!    CPython 3.11 installation: the executable's symlinks are resolved and
//!    `PREFIX/bin/python3...` gives `PREFIX/lib/python3.11` when that holds
//!    `os.py` (what `sys.prefix` would report). A pyenv shim
//!    (`ROOT/shims/python3`, a script) stands for `ROOT/versions/V`, with `V`
//!    from `PYENV_VERSION` or the `ROOT/version` file (the first 3.11 entry),
//!    else the newest `ROOT/versions/3.11.*`.
//! 3. Else there is no standard library on `sys.path`.

use std::path::{Path, PathBuf};

/// The directory of CPython 3.11's standard library, if one is found.
pub fn find() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("PITH_STDLIB") {
        return (!dir.is_empty()).then(|| PathBuf::from(dir));
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).find_map(|dir| {
        ["python3.11", "python3"]
            .iter()
            .find_map(|exe| from_executable(&dir.join(exe)))
    })
}

/// `PREFIX/lib/python3.11` for a `python3` executable, if it is CPython 3.11's.
fn from_executable(exe: &Path) -> Option<PathBuf> {
    if !exe.is_file() {
        return None;
    }
    let bin = exe.parent()?;
    if bin.file_name().is_some_and(|n| n == "shims") {
        return from_pyenv(bin.parent()?);
    }
    let real = std::fs::canonicalize(exe).ok()?;
    library_of(real.parent()?.parent()?)
}

/// `PREFIX/lib/python3.11` when it holds a standard library.
fn library_of(prefix: &Path) -> Option<PathBuf> {
    let lib = prefix.join("lib").join("python3.11");
    lib.join("os.py").is_file().then_some(lib)
}

/// The standard library of the 3.11 version a pyenv root selects.
fn from_pyenv(root: &Path) -> Option<PathBuf> {
    let versions = root.join("versions");
    let chosen = std::env::var("PYENV_VERSION")
        .ok()
        .or_else(|| std::fs::read_to_string(root.join("version")).ok())
        .unwrap_or_default();
    let selected = chosen
        .split(|c: char| c == ':' || c.is_whitespace())
        .filter(|v| v.starts_with("3.11"))
        .find_map(|v| library_of(&versions.join(v)));
    selected.or_else(|| {
        let mut candidates: Vec<PathBuf> = std::fs::read_dir(&versions)
            .ok()?
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().starts_with("3.11"))
            .map(|e| e.path())
            .collect();
        candidates.sort();
        candidates.iter().rev().find_map(|p| library_of(p))
    })
}
