//! Runs the parser over `tests/syntax_errors/*.py` and compares each error
//! with what CPython 3.11 raised (`*.expected`, written by
//! `tools/gen_syntax_errors.py`) and printed (`*.stderr`).

use std::fs;
use std::path::PathBuf;

use pith_parser::{parse, Mode};

fn cases_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/syntax_errors")
}

struct Outcome {
    total: usize,
    exact: usize,
    rendered: usize,
    mismatches: Vec<String>,
    render_mismatches: Vec<String>,
}

fn run() -> Outcome {
    let mut names: Vec<_> = fs::read_dir(cases_dir())
        .expect("tests/syntax_errors exists")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".py"))
        .collect();
    names.sort();
    let mut out = Outcome {
        total: 0,
        exact: 0,
        rendered: 0,
        mismatches: Vec::new(),
        render_mismatches: Vec::new(),
    };
    for name in names {
        let stem = &name[..name.len() - 3];
        let dir = cases_dir();
        let Ok(expected) = fs::read_to_string(dir.join(format!("{stem}.expected"))) else {
            continue;
        };
        let bytes = fs::read(dir.join(&name)).expect("readable case");
        // CPython read these as bytes: without a declared encoding, it
        // reports byte columns.
        let (source, byte_columns) = pith_lexer::decode_source(&bytes)
            .map(|d| (d.text.into_owned(), !d.declared))
            .unwrap_or_default();
        out.total += 1;
        let got = match parse(&source, Mode::Exec, &name) {
            Ok(_) => {
                out.mismatches.push(format!("{name}: parsed without error"));
                continue;
            }
            Err(e) if byte_columns => e.with_byte_columns(&source),
            Err(e) => e,
        };
        let got_text = format!(
            "{}\n{}\n{} {} {} {}\n",
            got.kind.name(),
            got.message,
            got.lineno,
            got.offset,
            got.end_lineno,
            got.end_offset
        );
        if got_text == expected {
            out.exact += 1;
        } else {
            out.mismatches.push(format!(
                "{name}:\n  expected {}\n  got      {}",
                expected.trim_end().replace('\n', " | "),
                got_text.trim_end().replace('\n', " | ")
            ));
        }
        if let Ok(stderr) = fs::read_to_string(dir.join(format!("{stem}.stderr"))) {
            let rendered = got.render(&source, &name);
            if rendered == stderr {
                out.rendered += 1;
            } else {
                out.render_mismatches.push(format!(
                    "{name}:\n--- expected\n{stderr}--- got\n{rendered}"
                ));
            }
        }
    }
    out
}

#[test]
fn syntax_errors_match_cpython() {
    let out = run();
    for m in out.mismatches.iter().chain(&out.render_mismatches) {
        println!("{m}");
    }
    println!(
        "syntax errors: {}/{} exact ({:.1}%), {} rendered exactly",
        out.exact,
        out.total,
        100.0 * out.exact as f64 / out.total.max(1) as f64,
        out.rendered
    );
    assert!(out.total >= 200, "expected at least 200 cases");
    assert_eq!(
        out.exact, out.total,
        "syntax errors that differ from CPython's"
    );
    assert_eq!(
        out.rendered, out.total,
        "reports that differ from what CPython prints"
    );
}
