//! Memory of the trees of a whole library: parses every `.py` file under
//! the given directories, keeps every tree, and prints the resident memory
//! (Linux `/proc/self/status`) before parsing (sources loaded) and after
//! (all trees alive), and the difference: the memory the trees hold.
//!
//! ```text
//! cargo run --release -p pith-parser --example ast_memory -- DIR
//! ```

use std::path::{Path, PathBuf};

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            if p.file_name().is_some_and(|n| n != "site-packages") {
                collect(&p, out);
            }
        } else if p.extension().is_some_and(|x| x == "py") {
            out.push(p);
        }
    }
}

/// A field of `/proc/self/status` in KiB (`VmRSS`, `VmHWM`); 0 elsewhere.
fn status_kib(field: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

fn main() {
    let mut files = Vec::new();
    for dir in std::env::args().skip(1) {
        collect(Path::new(&dir), &mut files);
    }
    files.sort();
    let sources: Vec<String> = files
        .iter()
        .filter_map(|p| std::fs::read(p).ok())
        .filter_map(|b| {
            pith_lexer::decode_source(&b)
                .ok()
                .map(|d| d.text.into_owned())
        })
        .collect();
    let bytes: usize = sources.iter().map(String::len).sum();
    let before = status_kib("VmRSS");
    let trees: Vec<_> = sources
        .iter()
        .filter_map(|s| pith_parser::parse(s, pith_parser::Mode::Exec, "<memory>").ok())
        .collect();
    let after = status_kib("VmRSS");
    let peak = status_kib("VmHWM");
    let mib = |kib: u64| kib as f64 / 1024.0;
    println!(
        "{} files ({} trees), {:.1} MB of source",
        sources.len(),
        trees.len(),
        bytes as f64 / 1e6
    );
    println!(
        "resident: {:.1} MiB with the sources, {:.1} MiB with every tree too (peak {:.1} MiB)",
        mib(before),
        mib(after),
        mib(peak)
    );
    println!(
        "trees: {:.1} MiB ({:.2} bytes of tree per byte of source)",
        mib(after.saturating_sub(before)),
        (after.saturating_sub(before) * 1024) as f64 / bytes as f64
    );
    println!(
        "sizes: Expr {} B, Stmt {} B, Pattern {} B, Arg {} B, Keyword {} B, Arguments {} B",
        std::mem::size_of::<pith_ast::Expr>(),
        std::mem::size_of::<pith_ast::Stmt>(),
        std::mem::size_of::<pith_ast::Pattern>(),
        std::mem::size_of::<pith_ast::Arg>(),
        std::mem::size_of::<pith_ast::Keyword>(),
        std::mem::size_of::<pith_ast::Arguments>(),
    );
}
