//! Programs CPython parses but its compiler rejects (tests/compile/errors/):
//! pith-compiler must raise the same `SyntaxError` message at the same position.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::Case;
use pith_compiler::{compile, Mode};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/compile/out/errors")
}

#[test]
fn compile_errors_match_cpython() {
    let stems = common::case_stems(&dir());
    assert!(stems.len() >= 20, "error cases missing");
    let mut failures = Vec::new();
    for stem in &stems {
        let text = fs::read_to_string(dir().join(format!("{stem}.json"))).expect("case json");
        let case: Case = serde_json::from_str(&text).expect("valid case json");
        let want = fs::read_to_string(dir().join(format!("{stem}.err"))).expect("case err");
        let got = match compile(&case.tree, &case.source, &case.filename, Mode::Exec) {
            Ok(_) => "compiled\n".to_string(),
            Err(e) => format!(
                "{}: {} (line {}, offset {})\n",
                e.kind.name(),
                e.message,
                e.lineno,
                e.offset
            ),
        };
        if got != want {
            failures.push(format!("{stem}:\n  got:  {}  want: {}", got, want));
        }
    }
    eprintln!(
        "pith-compiler errors: {}/{} match",
        stems.len() - failures.len(),
        stems.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
