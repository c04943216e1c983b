//! Tokenizes the files named on the command line and prints the token
//! count: a driver for profiling the lexer (`valgrind --tool=cachegrind`).
//!
//! `--tokenize` follows `Flavor::Tokenize` rather than `Flavor::Compiler`.
//! `--digest` prints one hash per file of its whole token stream (errors
//! included), to check that two builds of the lexer agree.

use std::hash::{DefaultHasher, Hash, Hasher};

use pith_lexer::{Flavor, Tokenizer};

fn main() {
    let mut flavor = Flavor::Compiler;
    let mut digest = false;
    let mut tokens = 0usize;
    let mut bytes = 0usize;
    for arg in std::env::args().skip(1) {
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
