//! Every fixture program in `tests/fixtures/*.py`, parsed by CPython 3.11 into
//! `tests/fixtures/out/*.json`: pith-ast's `dump` and `unparse` must produce
//! CPython's bytes exactly.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use pith_ast::{dump, DumpOptions, LineIndex};

fn out_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/out")
}

fn cases() -> Vec<(String, common::Case)> {
    let mut names: Vec<PathBuf> = fs::read_dir(out_dir())
        .expect("fixture directory exists")
        .map(|e| e.expect("readable directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    names.sort();
    assert!(
        names.len() >= 10,
        "fixtures missing; run tools/ast_fixtures/gen.py"
    );
    names
        .into_iter()
        .map(|p| {
            let text = fs::read_to_string(&p).expect("readable fixture");
            let case = serde_json::from_str(&text)
                .unwrap_or_else(|e| panic!("{}: bad fixture JSON: {e}", p.display()));
            let stem = p
                .file_stem()
                .expect("file name")
                .to_string_lossy()
                .into_owned();
            (stem, case)
        })
        .collect()
}

fn expected(stem: &str, kind: &str) -> String {
    fs::read_to_string(out_dir().join(format!("{stem}.{kind}"))).expect("expected output exists")
}

/// Compares every case's `produce` output with the recorded `kind` file.
fn check(kind: &str, produce: impl Fn(&common::Case, &LineIndex) -> String) {
    let mut failures = Vec::new();
    for (stem, case) in cases() {
        let index = LineIndex::new(&case.source);
        let got = produce(&case, &index);
        let want = expected(&stem, kind);
        if got != want {
            let line = got.lines().zip(want.lines()).position(|(a, b)| a != b);
            failures.push(format!(
                "{stem}.{kind}: first difference at line {:?}\n--- got\n{}\n--- want\n{}",
                line.map(|l| l + 1),
                got.lines().nth(line.unwrap_or(0)).unwrap_or(""),
                want.lines().nth(line.unwrap_or(0)).unwrap_or(""),
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn dump_with_attributes_indent_3() {
    check("dump", |c, i| common::dump_cli(&c.tree, i));
}

#[test]
fn dump_default_single_line() {
    check("dump_plain", |c, i| dump(&c.tree, &DumpOptions::new(), i));
}

#[test]
fn dump_indent_1() {
    check("dump_indent1", |c, i| {
        dump(&c.tree, &DumpOptions::new().indent(1), i)
    });
}

#[test]
fn dump_positional_fields() {
    check("dump_positional", |c, i| {
        let opts = DumpOptions::new()
            .annotate_fields(false)
            .include_attributes(true);
        dump(&c.tree, &opts, i)
    });
}

#[test]
fn unparse_matches_cpython() {
    check("unparse", |c, i| common::unparse_text(&c.tree, i));
}

#[test]
fn serde_round_trip_keeps_trees_equal() {
    for (stem, case) in cases() {
        let json = serde_json::to_string(&case.tree).expect("serializes");
        let back: pith_ast::Mod = serde_json::from_str(&json).expect("deserializes");
        assert!(
            back == case.tree,
            "{stem}: tree changed in a JSON round trip"
        );
    }
}
