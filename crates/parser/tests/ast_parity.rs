//! AST parity with CPython 3.11: `pith_ast::dump` of our tree against
//! `python3 -m ast -a` (`ast.dump(tree, include_attributes=True, indent=3)`
//! of `ast.parse(source, type_comments=True)`).
//!
//! - `tests/ast_cases/*.py`: our own programs, with the expected dumps
//!   committed next to them (`*.ast`, written by `tests/ast_cases/generate.py`).
//! - CPython's standard library, read at test time and dumped by a `python3`
//!   subprocess: run with `PITH_STDLIB_PARITY=1 cargo test -p pith-parser
//!   --release --test ast_parity -- --nocapture` (set `PITH_STDLIB` to use
//!   another library directory).

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use pith_ast::{dump, DumpOptions, LineIndex};
use pith_parser::{parse_with, Mode, ParseOptions};

fn our_dump(source: &str) -> Result<String, String> {
    let options = ParseOptions::new(Mode::Exec).type_comments(true);
    let tree = parse_with(source, options).map_err(|e| e.to_string())?;
    let index = LineIndex::new(source);
    Ok(dump(&tree, &DumpOptions::cli(true, 3), &index))
}

/// Whether `got` is `expected` without its final line end.
fn same(expected: &str, got: &str) -> bool {
    expected.strip_suffix('\n') == Some(got)
}

/// The first line where two dumps differ, for the report.
fn first_difference(expected: &str, got: &str) -> String {
    for (i, (a, b)) in expected.lines().zip(got.lines()).enumerate() {
        if a != b {
            return format!(
                "line {}: expected `{}`, got `{}`",
                i + 1,
                a.trim(),
                b.trim()
            );
        }
    }
    "lengths differ".into()
}

#[test]
fn own_cases_match_cpython() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/ast_cases");
    let mut names: Vec<_> = fs::read_dir(&dir)
        .expect("tests/ast_cases exists")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".py") && n != "generate.py")
        .collect();
    names.sort();
    let mut failures = Vec::new();
    for name in &names {
        let source = fs::read_to_string(dir.join(name)).expect("utf-8 case");
        let expected =
            fs::read_to_string(dir.join(name.replace(".py", ".ast"))).expect("expected dump");
        match our_dump(&source) {
            Ok(got) if same(&expected, &got) => {}
            Ok(got) => failures.push(format!("{name}: {}", first_difference(&expected, &got))),
            Err(e) => failures.push(format!("{name}: {e}")),
        }
    }
    println!(
        "own AST cases: {}/{} match",
        names.len() - failures.len(),
        names.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

const DUMPER: &str = r#"
import ast, sys
for line in sys.stdin:
    path = line.rstrip("\n")
    try:
        with open(path, "rb") as f:
            out = ast.dump(ast.parse(f.read(), path, type_comments=True), include_attributes=True, indent=3)
    except Exception as e:
        out = "\x01ERROR " + type(e).__name__
    sys.stdout.write(out + "\n\x00\n")
    sys.stdout.flush()
"#;

fn python_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            if p.file_name().is_some_and(|n| n != "site-packages") {
                python_files(&p, out);
            }
        } else if p.extension().is_some_and(|x| x == "py") {
            out.push(p);
        }
    }
}

#[test]
fn stdlib_matches_cpython() {
    if std::env::var_os("PITH_STDLIB_PARITY").is_none() {
        println!("skipped: set PITH_STDLIB_PARITY=1 to run");
        return;
    }
    let root = std::env::var("PITH_STDLIB")
        .unwrap_or_else(|_| "/root/.pyenv/versions/3.11.7/lib/python3.11".into());
    let mut files = Vec::new();
    python_files(Path::new(&root), &mut files);
    files.sort();
    let mut child = Command::new("python3")
        .args(["-c", DUMPER])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("python3 runs");
    let mut stdin = child.stdin.take().expect("piped stdin");
    let mut stdout = BufReader::new(child.stdout.take().expect("piped stdout"));
    let (mut matched, mut total) = (0usize, 0usize);
    let mut failures = Vec::new();
    for path in &files {
        writeln!(stdin, "{}", path.display()).expect("python3 reads");
        let mut expected = String::new();
        let mut line = String::new();
        loop {
            line.clear();
            if stdout.read_line(&mut line).expect("python3 writes") == 0 || line == "\0\n" {
                break;
            }
            expected.push_str(&line);
        }
        total += 1;
        let bytes = fs::read(path).unwrap_or_default();
        let got = pith_lexer::decode_source(&bytes)
            .map_err(|e| e.to_string())
            .and_then(|d| our_dump(&d.text));
        let ok = match &got {
            Ok(g) => same(&expected, g),
            Err(_) => expected.starts_with('\u{1}'),
        };
        if ok {
            matched += 1;
        } else {
            let why = match got {
                Ok(g) => first_difference(&expected, &g),
                Err(e) => e,
            };
            failures.push(format!("{}: {why}", path.display()));
        }
    }
    drop(stdin);
    let _ = child.wait();
    for f in &failures {
        println!("{f}");
    }
    println!("stdlib AST parity: {matched}/{total} files match");
    assert!(
        matched * 100 >= total * 95,
        "fewer than 95% of stdlib files match"
    );
}
