//! Tokenizes the files named on the command line and prints the token
//! count: a driver for profiling the lexer (`valgrind --tool=callgrind`).

use pith_lexer::{Flavor, Tokenizer};

fn main() {
    let mut tokens = 0usize;
    let mut bytes = 0usize;
    for path in std::env::args().skip(1) {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        bytes += text.len();
        tokens += Tokenizer::new(&text, Flavor::Compiler)
            .take_while(Result::is_ok)
            .count();
    }
    println!("{tokens} tokens in {bytes} bytes");
}
