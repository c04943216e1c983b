//! Tokenizes the files named on the command line and prints the token
//! count: a driver for profiling the lexer (`valgrind --tool=cachegrind`).
//!
//! `--tokenize` follows `Flavor::Tokenize` rather than `Flavor::Compiler`.
//! `--digest` prints one hash per file of its whole token stream (errors
//! included), to check that two builds of the lexer agree.
//! `--repeat N` reads the files once, lexes them N times and prints the
//! best pass's throughput: a quick figure between criterion runs.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::time::{Duration, Instant};

use pith_lexer::{Flavor, Tokenizer};

fn main() {
    let mut flavor = Flavor::Compiler;
    let mut digest = false;
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, n, paths @ ..] = args.as_slice() {
        if flag == "--repeat" {
            let texts: Vec<String> = paths
                .iter()
                .filter_map(|path| std::fs::read_to_string(path).ok())
                .collect();
            best_pass(&texts, n.parse().unwrap_or(1));
            return;
        }
    }
    let mut tokens = 0usize;
    let mut bytes = 0usize;
    for arg in args {
        match arg.as_str() {
            "--tokenize" => flavor = Flavor::Tokenize,
            "--digest" => digest = true,
            path => {
                let Ok(text) = std::fs::read_to_string(path) else {
                    continue;
                };
                bytes += text.len();
                if digest {
                    let mut hasher = DefaultHasher::new();
                    for item in Tokenizer::new(&text, flavor) {
                        item.map_err(|err| (err.to_string(), err.offset()))
                            .hash(&mut hasher);
                    }
                    println!("{path} {:016x}", hasher.finish());
                } else {
                    tokens += Tokenizer::new(&text, flavor)
                        .take_while(Result::is_ok)
                        .count();
                }
            }
        }
    }
    if !digest {
        println!("{tokens} tokens in {bytes} bytes");
    }
}

/// Lexes `texts` `repeat` times and prints the fastest pass in MiB/s.
fn best_pass(texts: &[String], repeat: usize) {
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut best = Duration::MAX;
    let mut tokens = 0;
    for _ in 0..repeat {
        let start = Instant::now();
        tokens = texts
            .iter()
            .map(|text| {
                Tokenizer::new(text, Flavor::Compiler)
                    .take_while(Result::is_ok)
                    .count()
            })
            .sum::<usize>();
        best = best.min(start.elapsed());
    }
    let mib = bytes as f64 / (1024.0 * 1024.0) / best.as_secs_f64();
    println!("{tokens} tokens in {bytes} bytes: best of {repeat} {mib:.1} MiB/s");
}
