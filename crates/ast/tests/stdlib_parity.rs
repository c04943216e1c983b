//! Parity over CPython's whole standard library (not run by default).
//!
//! ```text
//! python3 tools/ast_fixtures/gen.py stdlib /tmp/pith-ast-stdlib
//! PITH_AST_STDLIB_DIR=/tmp/pith-ast-stdlib \
//!     cargo test -p pith-ast --test stdlib_parity -- --ignored --nocapture
//! ```
//!
//! Prints files matching / total for `dump` (attributes, indent 3) and `unparse`,
//! and fails if any file differs.

mod common;

use std::fs;
use std::path::PathBuf;

use pith_ast::LineIndex;

#[test]
#[ignore = "needs PITH_AST_STDLIB_DIR from tools/ast_fixtures/gen.py stdlib"]
fn stdlib_dump_and_unparse_parity() {
    // Deeply nested trees (long `+` chains) recurse deeply in a debug build.
    std::thread::Builder::new()
        .stack_size(512 << 20)
        .spawn(run)
        .expect("spawn test thread")
        .join()
        .expect("parity run finished");
}

fn run() {
    let Some(dir) = std::env::var_os("PITH_AST_STDLIB_DIR") else {
        eprintln!("PITH_AST_STDLIB_DIR not set; skipping");
        return;
    };
    let mut paths: Vec<PathBuf> = fs::read_dir(&dir)
        .expect("stdlib case directory exists")
        .map(|e| e.expect("readable directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    let (mut dump_ok, mut unparse_ok, mut total) = (0usize, 0usize, 0usize);
    let mut failures = Vec::new();
    for p in &paths {
        let text = fs::read_to_string(p).expect("readable case");
        let case: common::StdlibCase = match common::from_json(&text) {
            Ok(c) => c,
            Err(e) => {
                failures.push(format!("{}: JSON: {e}", p.display()));
                total += 1;
                continue;
            }
        };
        total += 1;
        let index = LineIndex::new(&case.source);
        if common::dump_cli(&case.tree, &index) == case.dump {
            dump_ok += 1;
        } else {
            failures.push(format!("dump differs: {}", case.path));
        }
        if common::unparse_text(&case.tree, &index) == case.unparse {
            unparse_ok += 1;
        } else {
            failures.push(format!("unparse differs: {}", case.path));
        }
    }
    for f in &failures {
        eprintln!("{f}");
    }
    eprintln!("dump parity: {dump_ok}/{total}");
    eprintln!("unparse parity: {unparse_ok}/{total}");
    assert!(failures.is_empty(), "{} mismatches", failures.len());
}
