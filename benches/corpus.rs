//! The benchmark corpus: CPython's standard library, read in place.
//!
//! `PITH_STDLIB` names the folder; otherwise `python3` is asked for it. The
//! files are taken in sorted order until `limit` bytes of source are read,
//! so every run measures the same text.

use std::path::{Path, PathBuf};
use std::process::Command;

// The benchmarks measure what the `pith` binary runs, allocator included.
#[global_allocator]
static GLOBAL: pith_alloc::Mimalloc = pith_alloc::Mimalloc;

/// The corpus size the benchmarks use; `tools/bench_cpython.py` reads the
/// same files for CPython's side of the comparison.
#[allow(dead_code)]
pub const DEFAULT_BYTES: usize = 4 << 20;

/// The standard library folder, if one can be found.
pub fn stdlib_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("PITH_STDLIB") {
        return Some(PathBuf::from(dir));
    }
    let out = Command::new("python3")
        .args([
            "-c",
            "import sysconfig; print(sysconfig.get_paths()['stdlib'])",
        ])
        .output()
        .ok()?;
    let dir = String::from_utf8(out.stdout).ok()?;
    Some(PathBuf::from(dir.trim()))
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for path in entries {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if path.is_dir() {
            if name != "site-packages" && name != "__pycache__" {
                collect(&path, out);
            }
        } else if name.ends_with(".py") {
            out.push(path);
        }
    }
}

/// Source texts of standard-library files (UTF-8 ones only), about `limit`
/// bytes in all.
pub fn load(limit: usize) -> Vec<String> {
    let dir = stdlib_dir()
        .expect("the benchmark corpus needs CPython's standard library: set PITH_STDLIB");
    let mut paths = Vec::new();
    collect(&dir, &mut paths);
    let mut texts = Vec::new();
    let mut total = 0;
    for path in paths {
        if total >= limit {
            break;
        }
        if let Ok(text) = std::fs::read_to_string(&path) {
            total += text.len();
            texts.push(text);
        }
    }
    assert!(
        total >= limit.min(1 << 20),
        "corpus too small: {total} bytes from {}",
        dir.display()
    );
    texts
}
