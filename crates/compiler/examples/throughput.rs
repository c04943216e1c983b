//! Compile throughput over bridge cases (source MB/s, trees already parsed):
//! `cargo run --release -p pith-compiler --example throughput -- DIR [N]`.
use std::time::Instant;

#[derive(serde::Deserialize)]
struct Case {
    source: String,
    tree: pith_ast::Mod,
    filename: String,
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(dir) = args.get(1) else {
        eprintln!("usage: throughput DIR [N]");
        return;
    };
    let limit: usize = args
        .get(2)
        .and_then(|n| n.parse().ok())
        .unwrap_or(usize::MAX);
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.retain(|p: &std::path::PathBuf| p.extension().is_some_and(|x| x == "json"));
    paths.sort();
    paths.truncate(limit);
    let cases: Vec<Case> = paths
        .iter()
        .filter_map(|p| serde_json::from_str(&std::fs::read_to_string(p).ok()?).ok())
        .collect();
    let bytes: usize = cases.iter().map(|c| c.source.len()).sum();
    let start = Instant::now();
    let mut ok = 0;
    for c in &cases {
        if pith_compiler::compile(&c.tree, &c.source, &c.filename, pith_compiler::Mode::Exec)
            .is_ok()
        {
            ok += 1;
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{ok}/{} files, {:.1} MB in {secs:.3} s: {:.1} MB/s",
        cases.len(),
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / secs
    );
}
