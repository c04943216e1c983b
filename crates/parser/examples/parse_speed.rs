//! Parses every `.py` file under the given directories (without printing)
//! and reports the throughput in MB/s.

use std::path::{Path, PathBuf};
use std::time::Instant;

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

fn main() {
    let mut files = Vec::new();
    for dir in std::env::args().skip(1) {
        collect(Path::new(&dir), &mut files);
    }
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
    let start = Instant::now();
    let mut errors = 0;
    for s in &sources {
        if pith_parser::parse(s, pith_parser::Mode::Exec, "<bench>").is_err() {
            errors += 1;
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{} files, {:.1} MB, {:.2} s, {:.1} MB/s, {} errors",
        sources.len(),
        bytes as f64 / 1e6,
        secs,
        bytes as f64 / 1e6 / secs,
        errors
    );
}
