//! Misplaced type comments: with type comments on, CPython's grammar
//! accepts them only after an assignment, a `for`/`with`/`def` header and a
//! `def` parameter. Each `tests/type_comment_errors/*.py` holds one error;
//! `*.expected` is what CPython 3.11 raised (written by the `generate.py`
//! there). The trees of valid type comments are in `tests/ast_cases`.

use std::fs;
use std::path::PathBuf;

use pith_parser::{parse, parse_with, Mode, ParseOptions};

#[test]
fn misplaced_type_comments_match_cpython() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/type_comment_errors");
    let mut names: Vec<_> = fs::read_dir(&dir)
        .expect("tests/type_comment_errors exists")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".py") && n != "generate.py")
        .collect();
    names.sort();
    let mut failures = Vec::new();
    for name in &names {
        let source = fs::read_to_string(dir.join(name)).expect("utf-8 case");
        let expected = fs::read_to_string(dir.join(name.replace(".py", ".expected")))
            .expect("expected outcome");
        let options = ParseOptions::new(Mode::Exec).type_comments(true);
        let got = match parse_with(&source, options) {
            Ok(_) => "parsed without error\n".to_string(),
            Err(e) => format!(
                "{}\n{}\n{} {} {} {}\n",
                e.kind.name(),
                e.message,
                e.lineno,
                e.offset,
                e.end_lineno,
                e.end_offset
            ),
        };
        if got != expected {
            failures.push(format!(
                "{name}:\n  expected {expected:?}\n  got      {got:?}"
            ));
        }
        // Without type comments they are plain comments.
        let plain = parse(&source, Mode::Exec, name);
        if name == "comment_line.py" || name == "in_brackets.py" {
            assert!(plain.is_ok(), "{name} parses without type comments");
        }
    }
    assert!(names.len() >= 10);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
