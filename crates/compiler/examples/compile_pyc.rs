//! Writes the `.pyc` pith-compiler produces for a bridge JSON case, for the
//! run-under-CPython check in tools/compiler/run_pyc.py.
//!
//! usage: compile_pyc CASE.json OUT.pyc
use std::sync::Arc;

use pith_bytecode::pyc::{write_new_pyc, Invalidation};
use pith_compiler::{compile, Mode};

#[derive(serde::Deserialize)]
struct Case {
    source: String,
    tree: pith_ast::Mod,
    filename: String,
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(input), Some(output)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: compile_pyc CASE.json OUT.pyc");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(input).unwrap_or_default();
    let case: Case = match serde_json::from_str(&text) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("bad case: {e}");
            std::process::exit(2);
        }
    };
    let code = match compile(&case.tree, &case.source, &case.filename, Mode::Exec) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    let inv = Invalidation::Hash {
        check_source: false,
        source_hash: pith_bytecode::pyc::source_hash(case.source.as_bytes()),
    };
    match write_new_pyc(&Arc::new(code), &inv) {
        Ok(bytes) => {
            if let Err(e) = std::fs::write(output, bytes) {
                eprintln!("{e}");
                std::process::exit(1);
            }
        }
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    }
}
