//! Gated sweep over CPython's standard library (through the AST bridge):
//!
//! ```text
//! python3 tools/compiler/gen_cases.py stdlib /tmp/pith-compile-stdlib
//! PITH_COMPILE_STDLIB_DIR=/tmp/pith-compile-stdlib \
//!     cargo test -p pith-compiler --test stdlib -- --ignored --nocapture
//! ```
//!
//! For each module, compares `dis` of our code object with `dis` of the one
//! CPython marshalled, then the marshal bytes, and ranks the first differing
//! instruction lines.

mod common;

use std::collections::HashMap;
use std::fs;

use common::{cpython_code, marshal_matches, mask_addresses, Case};
use pith_compiler::{compile, Mode};

#[test]
#[ignore = "needs PITH_COMPILE_STDLIB_DIR from tools/compiler/gen_cases.py stdlib"]
fn stdlib_dis_parity() {
    let Ok(dir) = std::env::var("PITH_COMPILE_STDLIB_DIR") else {
        eprintln!("PITH_COMPILE_STDLIB_DIR not set");
        return;
    };
    let mut paths: Vec<_> = fs::read_dir(&dir)
        .expect("stdlib case directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    let only = std::env::var("PITH_COMPILE_ONLY").ok();
    let (mut total, mut dis_ok, mut marshal_ok, mut errors) = (0, 0, 0, 0);
    let mut causes: HashMap<String, (usize, String)> = HashMap::new();
    for p in &paths {
        let Ok(text) = fs::read_to_string(p) else {
            continue;
        };
        let Ok(case) = serde_json::from_str::<Case>(&text) else {
            continue;
        };
        if only.as_deref().is_some_and(|o| !case.filename.contains(o)) {
            continue;
        }
        let Ok(want_bytes) = fs::read(p.with_extension("marshal")) else {
            continue;
        };
        let Some(want) = cpython_code(&want_bytes) else {
            continue;
        };
        total += 1;
        let ours = match compile(&case.tree, &case.source, &case.filename, Mode::Exec) {
            Ok(c) => c,
            Err(e) => {
                errors += 1;
                let key = format!("error: {}", e.message);
                let entry = causes.entry(key).or_insert((0, case.filename.clone()));
                entry.0 += 1;
                continue;
            }
        };
        // Compare after a marshal round trip: marshal sorts frozenset elements, so
        // both sides then list them in the same (reloaded) order.
        let roundtrip = pith_bytecode::marshal::dumps(&pith_bytecode::Constant::Code(
            std::sync::Arc::new(ours.clone()),
        ))
        .ok()
        .and_then(|b| cpython_code(&b));
        // CPython's own `dis` text, when gen_cases.py recorded it, is the reference;
        // otherwise compare after a marshal round trip of both code objects.
        let (got, exp) = match fs::read_to_string(p.with_extension("dis")) {
            Ok(text) => (
                mask_addresses(&pith_bytecode::dis(&ours)),
                mask_addresses(&text),
            ),
            Err(_) => (
                match &roundtrip {
                    Some(c) => mask_addresses(&pith_bytecode::dis(c)),
                    None => mask_addresses(&pith_bytecode::dis(&ours)),
                },
                mask_addresses(&pith_bytecode::dis(&want)),
            ),
        };
        if got == exp {
            dis_ok += 1;
            if marshal_matches(ours, &want_bytes) {
                marshal_ok += 1;
            } else {
                if std::env::var_os("PITH_COMPILE_LIST").is_some() {
                    eprintln!("MARSHAL {}", case.filename);
                }
                let entry = causes
                    .entry("marshal differs".into())
                    .or_insert((0, case.filename.clone()));
                entry.0 += 1;
            }
            continue;
        }
        let (g, w) = got
            .lines()
            .zip(exp.lines())
            .find(|(a, b)| a != b)
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .unwrap_or_default();
        let norm = |s: &str| -> String {
            s.split_whitespace()
                .filter(|t| !t.chars().all(|c| c.is_ascii_digit() || c == '>'))
                .take(1)
                .collect::<Vec<_>>()
                .join(" ")
        };
        if std::env::var_os("PITH_COMPILE_LIST").is_some() {
            eprintln!("DIFF {}: {g} | {w}", case.filename);
        }
        let key = format!("dis: ours {} / cpython {}", norm(&g), norm(&w));
        let entry = causes.entry(key).or_insert((
            0,
            format!("{}\n      ours:   {g}\n      theirs: {w}", case.filename),
        ));
        entry.0 += 1;
    }
    eprintln!(
        "stdlib: {total} files, dis identical {dis_ok}, marshal identical {marshal_ok}, errors {errors}"
    );
    let mut ranked: Vec<_> = causes.into_iter().collect();
    ranked.sort_by_key(|r| std::cmp::Reverse(r.1 .0));
    for (cause, (n, example)) in ranked.iter().take(40) {
        eprintln!("{n:5}  {cause}\n      e.g. {example}");
    }
}
