//! Every program in tests/compile/*.py: pith-compiler's `dis` must equal
//! `python3 -m dis` (addresses masked) and its marshal bytes CPython's.
//! Expected outputs come from tools/compiler/gen_cases.py.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{check, Case, Outcome};

fn out_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/compile/out")
}

/// Cases known to match CPython exactly; they must keep matching.
fn known_identical() -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/compile/identical.txt");
    fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(String::from)
        .collect()
}

#[test]
fn programs_match_cpython() {
    let stems = common::case_stems(&out_dir());
    let mut identical = Vec::new();
    let mut report = Vec::new();
    let mut dis_ok = 0;
    for stem in &stems {
        let dir = out_dir();
        let text = fs::read_to_string(dir.join(format!("{stem}.json"))).expect("case json");
        let case: Case = serde_json::from_str(&text).expect("valid case json");
        let want_dis = fs::read_to_string(dir.join(format!("{stem}.dis"))).expect("case dis");
        let want_marshal = fs::read(dir.join(format!("{stem}.marshal"))).expect("case marshal");
        let outcome = check(&case, &want_dis, &want_marshal);
        match &outcome {
            Outcome::Identical => {
                dis_ok += 1;
                identical.push(stem.clone());
            }
            Outcome::DisOnly => {
                dis_ok += 1;
                report.push(format!("{stem}: dis matches, marshal differs"));
            }
            Outcome::DisDiffers(g, w) => {
                report.push(format!("{stem}: dis differs\n    got:  {g}\n    want: {w}"))
            }
            Outcome::Error(e) => report.push(format!("{stem}: error: {e}")),
        }
    }
    eprintln!(
        "pith-compiler programs: dis {dis_ok}/{n}, dis+marshal {m}/{n}",
        n = stems.len(),
        m = identical.len()
    );
    for r in &report {
        eprintln!("{r}");
    }
    let regressions: Vec<String> = known_identical()
        .into_iter()
        .filter(|k| !identical.contains(k))
        .collect();
    assert!(
        regressions.is_empty(),
        "cases listed in tests/compile/identical.txt no longer match: {regressions:?}"
    );
}
