//! Data-driven tests: every `tests/cases/<stage>/*.py` is run through the
//! `pith` subcommand of each variant, and the output must equal what
//! CPython 3.11 printed (`tests/cases/<stage>/expected/<case>.<variant>`,
//! written by `tools/gen_expected.py`).

use std::path::Path;
use std::process::Command;

/// A variant of a stage: its name (the expected file's extension) and the
/// `pith` arguments that come before the case's path.
type Variant = (&'static str, &'static [&'static str]);

/// stage -> variants; mirrors the CPython commands in `tools/gen_expected.py`.
const STAGES: &[(&str, &[Variant])] = &[(
    "tokenize",
    &[
        ("tokenize", &["tokenize"]),
        ("tokenize-e", &["tokenize", "-e"]),
    ],
)];

fn render(stdout: &[u8], stderr: &[u8], status: i32) -> Vec<u8> {
    let mut out = stdout.to_vec();
    if !stderr.is_empty() || status != 0 {
        out.extend_from_slice(b"--- stderr ---\n");
        out.extend_from_slice(stderr);
        out.extend_from_slice(format!("--- exit {status} ---\n").as_bytes());
    }
    out
}

fn run_stage(stage: &str, variants: &[Variant]) -> (usize, Vec<String>) {
    let folder = Path::new("tests/cases").join(stage);
    let mut cases: Vec<_> = std::fs::read_dir(&folder)
        .expect("case folder exists")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "py"))
        .collect();
    cases.sort();
    assert!(!cases.is_empty(), "no cases in {}", folder.display());
    let mut failures = Vec::new();
    let mut count = 0;
    for case in &cases {
        let stem = case
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("utf-8 case name");
        for (variant, args) in variants {
            count += 1;
            let expected_path = folder.join("expected").join(format!("{stem}.{variant}"));
            let expected = std::fs::read(&expected_path).unwrap_or_else(|_| {
                panic!(
                    "missing {}: run tools/gen_expected.py",
                    expected_path.display()
                )
            });
            let output = Command::new(env!("CARGO_BIN_EXE_pith"))
                .args(*args)
                .arg(case)
                .output()
                .expect("pith runs");
            let got = render(
                &output.stdout,
                &output.stderr,
                output.status.code().unwrap_or(-1),
            );
            if got != expected {
                failures.push(format!(
                    "{} ({variant}):\n--- expected\n{}\n--- got\n{}",
                    case.display(),
                    String::from_utf8_lossy(&expected),
                    String::from_utf8_lossy(&got)
                ));
            }
        }
    }
    (count, failures)
}

#[test]
fn cases_match_cpython() {
    let mut all_failures = Vec::new();
    for (stage, variants) in STAGES {
        let (count, failures) = run_stage(stage, variants);
        eprintln!("{stage}: {}/{count} match", count - failures.len());
        all_failures.extend(failures);
    }
    assert!(all_failures.is_empty(), "{}", all_failures.join("\n"));
}
