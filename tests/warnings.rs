//! Compile-time `SyntaxWarning`s against CPython: for every
//! `tests/warnings/NAME.py`, what Pith prints on stderr while compiling it
//! (here through `pith dis`, which compiles as `python3 -m dis` does) must be
//! what CPython 3.11's `compile()` printed (`tests/warnings/expected/`,
//! written by `tools/gen_warnings.py`).

use std::path::Path;
use std::process::Command;

#[test]
fn warnings_match_cpython() {
    let dir = Path::new("tests/warnings");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("tests/warnings exists")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|n| n.strip_suffix(".py").map(str::to_string))
        .collect();
    names.sort();
    assert!(!names.is_empty());
    let mut failures = Vec::new();
    for name in &names {
        let want = std::fs::read_to_string(dir.join("expected").join(format!("{name}.stderr")))
            .unwrap_or_else(|_| panic!("missing expected/{name}.stderr"));
        let output = Command::new(env!("CARGO_BIN_EXE_pith"))
            .args(["dis", &format!("{name}.py")])
            .current_dir(dir)
            .output()
            .expect("pith runs");
        let got = String::from_utf8_lossy(&output.stderr);
        if got != want || !output.status.success() {
            failures.push(format!("{name}.py:\n--- want\n{want}--- got\n{got}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
