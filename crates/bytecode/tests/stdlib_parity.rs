//! Stdlib parity, not run by default. `tools/bytecode/stdlib_parity.py` prepares a
//! manifest (one `PYC<TAB>SOURCE_DIS<TAB>PYC_DIS` per line: CPython's `dis` of the
//! compiled source and of the unmarshalled `.pyc`) and runs
//! `cargo test -p pith-bytecode --test stdlib_parity -- --ignored --nocapture`
//! with `PITH_STDLIB_MANIFEST` pointing at it.

use std::path::Path;

use pith_bytecode::exception_table::{encode_exception_table, parse_exception_table};

mod common;
use common::{mask_addresses, reencode_locations, walk};

fn manifest() -> Option<Vec<(String, String, String)>> {
    let path = std::env::var("PITH_STDLIB_MANIFEST").ok()?;
    let text = std::fs::read_to_string(path).ok()?;
    Some(
        text.lines()
            .filter_map(|l| {
                let mut f = l.split('\t');
                Some((f.next()?.into(), f.next()?.into(), f.next()?.into()))
            })
            .collect(),
    )
}

#[test]
#[ignore = "needs CPython's stdlib; run tools/bytecode/stdlib_parity.py"]
fn stdlib_pyc_round_trip() {
    let Some(entries) = manifest() else {
        eprintln!("PITH_STDLIB_MANIFEST not set; skipping");
        return;
    };
    let (mut ok, mut failed) = (0usize, Vec::new());
    for (pyc, _, _) in &entries {
        let bytes = std::fs::read(pyc).expect("manifest lists readable files");
        let result = pith_bytecode::read_pyc(&bytes)
            .map_err(|e| e.to_string())
            .and_then(|p| pith_bytecode::write_pyc(&p).map_err(|e| e.to_string()));
        match result {
            Ok(out) if out == bytes => ok += 1,
            Ok(_) => failed.push(format!("{pyc}: bytes differ")),
            Err(e) => failed.push(format!("{pyc}: {e}")),
        }
    }
    for f in failed.iter().take(20) {
        eprintln!("FAIL {f}");
    }
    eprintln!("pyc round trip: {ok}/{} byte-identical", entries.len());
    assert!(failed.is_empty());
}

#[test]
#[ignore = "needs CPython's stdlib; run tools/bytecode/stdlib_parity.py"]
fn stdlib_dis_parity_with_source() {
    dis_parity(false);
}

#[test]
#[ignore = "needs CPython's stdlib; run tools/bytecode/stdlib_parity.py"]
fn stdlib_dis_parity_with_unmarshalled_pyc() {
    dis_parity(true);
}

/// Sorts the characters inside every `frozenset({...})`: the order CPython prints
/// for a compiled source depends on the set's insertion history, which the `.pyc`
/// does not record.
fn normalize_frozensets(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("frozenset({") {
        let body_start = i + "frozenset({".len();
        out.push_str(&rest[..body_start]);
        let Some(len) = rest[body_start..].find("})") else {
            break;
        };
        let mut chars: Vec<char> = rest[body_start..body_start + len].chars().collect();
        chars.sort_unstable();
        out.extend(chars);
        rest = &rest[body_start + len..];
    }
    out.push_str(rest);
    out
}

fn dis_parity(from_pyc: bool) {
    let Some(entries) = manifest() else {
        eprintln!("PITH_STDLIB_MANIFEST not set; skipping");
        return;
    };
    let (mut ok, mut ok_up_to_set_order, mut failed) = (0usize, 0usize, Vec::new());
    for (pyc, source_dis, pyc_dis) in &entries {
        let expected = if from_pyc { pyc_dis } else { source_dis };
        let bytes = std::fs::read(pyc).expect("manifest lists readable files");
        let Ok(want) = std::fs::read_to_string(Path::new(expected)) else {
            failed.push(format!("{pyc}: no expected output"));
            continue;
        };
        match pith_bytecode::read_pyc(&bytes) {
            Ok(p) => {
                let got = pith_bytecode::dis(&p.code);
                let (got, want) = (mask_addresses(&got), mask_addresses(&want));
                if got == want {
                    ok += 1;
                    ok_up_to_set_order += 1;
                } else if normalize_frozensets(&got) == normalize_frozensets(&want) {
                    ok_up_to_set_order += 1;
                } else {
                    failed.push(format!("{pyc}: dis differs (expected {expected})"));
                }
            }
            Err(e) => failed.push(format!("{pyc}: {e}")),
        }
    }
    for f in failed.iter().take(20) {
        eprintln!("FAIL {f}");
    }
    let against = if from_pyc {
        "CPython's dis of the unmarshalled .pyc"
    } else {
        "python3 -m dis FILE"
    };
    eprintln!(
        "dis parity with {against}: {ok}/{n} identical, {ok_up_to_set_order}/{n} up to frozenset order",
        n = entries.len()
    );
    assert!(failed.is_empty());
}

#[test]
#[ignore = "needs CPython's stdlib; run tools/bytecode/stdlib_parity.py"]
fn stdlib_table_encoders_reproduce_cpython() {
    let Some(entries) = manifest() else {
        eprintln!("PITH_STDLIB_MANIFEST not set; skipping");
        return;
    };
    let (mut ok, mut total, mut failed) = (0usize, 0usize, Vec::new());
    for (pyc, _, _) in &entries {
        let bytes = std::fs::read(pyc).expect("manifest lists readable files");
        let Ok(p) = pith_bytecode::read_pyc(&bytes) else {
            failed.push(format!("{pyc}: unreadable"));
            continue;
        };
        let mut codes = Vec::new();
        walk(&p.code, &mut codes);
        for code in codes {
            total += 1;
            let exc = encode_exception_table(&parse_exception_table(&code.exceptiontable));
            if exc == code.exceptiontable && reencode_locations(&code) == code.linetable {
                ok += 1;
            } else {
                failed.push(format!("{pyc}: {}", code.qualname));
            }
        }
    }
    for f in failed.iter().take(20) {
        eprintln!("FAIL {f}");
    }
    eprintln!("table encoders: {ok}/{total} code objects reproduced");
    assert!(failed.is_empty());
}
