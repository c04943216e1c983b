//! `eval` and `single` modes (tests/compile/modes/): our code object must equal
//! the one CPython marshalled, through pith-bytecode's dis and marshal.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{cpython_code, marshal_matches, mask_addresses};
use pith_compiler::{compile, Mode};

#[derive(serde::Deserialize)]
struct ModeCase {
    mode: String,
    source: String,
    tree: pith_ast::Mod,
    filename: String,
}

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/compile/out/modes")
}

#[test]
fn eval_and_single_modes_match_cpython() {
    let stems = common::case_stems(&dir());
    assert!(!stems.is_empty(), "mode cases missing");
    let mut failures = Vec::new();
    for stem in &stems {
        let text = fs::read_to_string(dir().join(format!("{stem}.json"))).expect("case json");
        let case: ModeCase = serde_json::from_str(&text).expect("valid case json");
        let want = fs::read(dir().join(format!("{stem}.marshal"))).expect("case marshal");
        let mode = match case.mode.as_str() {
            "eval" => Mode::Eval,
            "single" => Mode::Single,
            _ => Mode::Exec,
        };
        let ours = match compile(&case.tree, &case.source, &case.filename, mode) {
            Ok(c) => c,
            Err(e) => {
                failures.push(format!("{stem}: {e}"));
                continue;
            }
        };
        let theirs = cpython_code(&want).expect("CPython marshal loads");
        let got = mask_addresses(&pith_bytecode::dis(&ours));
        let exp = mask_addresses(&pith_bytecode::dis(&theirs));
        if got != exp {
            failures.push(format!(
                "{stem}: dis differs\n--- ours\n{got}--- cpython\n{exp}"
            ));
        } else if !marshal_matches(ours, &want) {
            failures.push(format!("{stem}: marshal differs"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
