//! Source text to code objects (parse and compile) for the given files,
//! `N` times over; a driver for profilers such as callgrind:
//! `cargo run --release -p pith-compiler --example text_to_code -- [-n N] [--parse-only] FILE...`.
//! It prints the fastest round's throughput (`tools/compile_side_by_side.py`
//! reads it). `--parse-only` stops after parsing, to split the time between
//! the parser and the compiler.
use std::time::{Duration, Instant};

// Measure with the allocator the `pith` binary uses.
#[global_allocator]
static GLOBAL: pith_alloc::Mimalloc = pith_alloc::Mimalloc;

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut rounds = 1usize;
    if args.first().is_some_and(|a| a == "-n") && args.len() >= 2 {
        rounds = args[1].parse().unwrap_or(1);
        args.drain(..2);
    }
    let parse_only = args.first().is_some_and(|a| a == "--parse-only");
    if parse_only {
        args.remove(0);
    }
    let texts: Vec<String> = args
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut best = Duration::MAX;
    let mut ok = 0;
    for _ in 0..rounds {
        let start = Instant::now();
        ok = 0;
        for text in &texts {
            let Ok(tree) = pith_parser::parse(text, pith_parser::Mode::Exec, "<file>") else {
                continue;
            };
            if parse_only {
                ok += 1;
                continue;
            }
            if pith_compiler::compile_module(tree, text, "<file>", pith_compiler::Mode::Exec)
                .is_ok()
            {
                ok += 1;
            }
        }
        best = best.min(start.elapsed());
    }
    let secs = best.as_secs_f64();
    let mib = bytes as f64 / 1048576.0;
    println!(
        "{ok} compiles, {mib:.2} MiB, best of {rounds} rounds {secs:.6} s: {:.2} MiB/s",
        mib / secs
    );
}
