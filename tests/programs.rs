//! The whole pipeline against CPython: every `tests/programs/NAME.py` run as
//! `pith NAME.py` (Pith's parser, compiler and VM) must give the stdout,
//! stderr and exit status CPython 3.11 gave (`tests/programs/expected/`,
//! written by `tools/gen_vm_programs.py`). So must `pith pyc/NAME.pyc`, the
//! program compiled by CPython (the VM-against-CPython's-compiler cross-check,
//! through the binary, with Pith's compiler installed for `exec` and imports).
//! A program reads `tests/programs/stdin/NAME.txt` on stdin if it exists,
//! else an empty stdin. Memory addresses are masked.

use std::io::Write;
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::{Command, Stdio};

fn mask_addresses(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("0x") {
        out.push_str(&rest[..i + 2]);
        rest = rest[i + 2..].trim_start_matches(|c: char| c.is_ascii_hexdigit());
    }
    out.push_str(rest);
    out
}

#[test]
fn programs_match_cpython() {
    let dir = Path::new("tests/programs");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("tests/programs exists")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|n| n.strip_suffix(".py").map(str::to_string))
        .collect();
    names.sort();
    assert!(!names.is_empty());
    // Scripts are named by their absolute path, which the expected files omit.
    let prefix = format!(
        "{}/",
        std::env::current_dir()
            .expect("a working directory")
            .join(dir)
            .display()
    );
    let unprefix =
        |text: &[u8]| mask_addresses(&String::from_utf8_lossy(text).replace(&prefix, ""));
    let mut failures = Vec::new();
    for name in &names {
        let read = |ext: &str| {
            std::fs::read_to_string(dir.join("expected").join(format!("{name}.{ext}")))
                .unwrap_or_else(|_| panic!("missing expected/{name}.{ext}"))
        };
        let want = (
            mask_addresses(&read("stdout")),
            mask_addresses(&read("stderr")),
            read("status").trim().to_string(),
        );
        for program in [format!("{name}.py"), format!("pyc/{name}.pyc")] {
            // A `.pyc` in pyc/ imports the program's modules through PITHPATH.
            let stdin =
                std::fs::read(dir.join("stdin").join(format!("{name}.txt"))).unwrap_or_default();
            let mut child = Command::new(env!("CARGO_BIN_EXE_pith"))
                .arg(&program)
                .current_dir(dir)
                .env("PYTHONHASHSEED", "0")
                .env("PITHPATH", &prefix)
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("pith runs");
            // A program may exit before reading all its input.
            if let Some(mut pipe) = child.stdin.take() {
                let _ = pipe.write_all(&stdin);
            }
            let output = child.wait_with_output().expect("pith runs");
            let got = (
                unprefix(&output.stdout),
                unprefix(&output.stderr),
                // Killed by a signal: Python's `returncode` is minus its number.
                output
                    .status
                    .code()
                    .or_else(|| output.status.signal().map(|s| -s))
                    .unwrap_or(-1)
                    .to_string(),
            );
            if got != want {
                failures.push(format!("{program}:\n  want {want:?}\n  got  {got:?}"));
            }
        }
    }
    eprintln!(
        "programs: {}/{} match",
        names.len() - failures.len(),
        names.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
