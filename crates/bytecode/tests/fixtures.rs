//! Data tests: every `tests/cases/NAME.pyc` (written by CPython 3.11 through
//! `tools/bytecode/gen.py`) must read, write back byte for byte, disassemble to
//! `NAME.dis`, and decode to the line, position and exception tables in `NAME.tables`.

use std::path::{Path, PathBuf};

use pith_bytecode::exception_table::{encode_exception_table, parse_exception_table};
use pith_bytecode::location::{co_lines, co_positions};
use pith_bytecode::pyc::Invalidation;
use pith_bytecode::{marshal, CodeObject, Constant};

mod common;
use common::{mask_addresses, reencode_locations, walk};

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases")
}

fn cases() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(cases_dir())
        .expect("tests/cases exists")
        .filter_map(|e| {
            let name = e.ok()?.file_name().into_string().ok()?;
            name.strip_suffix(".py").map(str::to_string)
        })
        .collect();
    names.sort();
    assert!(!names.is_empty());
    names
}

fn read(name: &str, ext: &str) -> Vec<u8> {
    std::fs::read(cases_dir().join(format!("{name}.{ext}"))).expect("fixture exists")
}

fn load(name: &str) -> (Vec<u8>, pith_bytecode::Pyc) {
    let bytes = read(name, "pyc");
    let pyc = pith_bytecode::read_pyc(&bytes).expect("CPython's .pyc reads");
    (bytes, pyc)
}

#[test]
fn pyc_round_trip_is_byte_identical() {
    for name in cases() {
        let (bytes, pyc) = load(&name);
        let out = pith_bytecode::write_pyc(&pyc).expect("writes");
        assert!(out == bytes, "{name}: rewritten .pyc differs");
    }
}

#[test]
fn default_policy_round_trips_values() {
    for name in cases() {
        let (_, pyc) = load(&name);
        let value = Constant::Code(pyc.code.clone());
        let bytes = marshal::dumps(&value).expect("writes");
        let back = marshal::loads(&bytes).expect("reads back");
        assert_eq!(back.value, value, "{name}");
        assert_eq!(back.consumed, bytes.len());
    }
}

#[test]
fn dis_matches_cpython() {
    for name in cases() {
        let (_, pyc) = load(&name);
        let want = String::from_utf8(read(&name, "dis")).expect("utf-8");
        let got = pith_bytecode::dis(&pyc.code);
        if mask_addresses(&got) != mask_addresses(&want) {
            let first = got
                .lines()
                .zip(want.lines())
                .find(|(a, b)| mask_addresses(a) != mask_addresses(b));
            panic!("{name}: dis differs; first difference: {first:?}");
        }
    }
}

#[test]
fn headers() {
    let (_, pyc) = load("hash_checked");
    assert!(matches!(
        pyc.invalidation,
        Invalidation::Hash {
            check_source: true,
            ..
        }
    ));
    let source = read("hash_checked", "py");
    assert!(matches!(
        pyc.invalidation,
        Invalidation::Hash { source_hash, .. } if source_hash == pith_bytecode::pyc::source_hash(&source)
    ));
    let (_, pyc) = load("hash_unchecked");
    assert!(matches!(
        pyc.invalidation,
        Invalidation::Hash {
            check_source: false,
            ..
        }
    ));
    let (_, pyc) = load("basics");
    assert!(matches!(pyc.invalidation, Invalidation::Timestamp { .. }));
}

fn fmt(v: Option<i32>) -> String {
    v.map_or_else(|| "N".to_string(), |v| v.to_string())
}

/// Renders our decoders' output in gen.py's `.tables` format.
fn tables(code: &CodeObject) -> String {
    let mut out = format!("C {}\n", code.qualname);
    for r in co_lines(&code.linetable, code.firstlineno) {
        out.push_str(&format!("L {} {} {}\n", r.start, r.end, fmt(r.line)));
    }
    let positions: Vec<String> = co_positions(&code.linetable, code.firstlineno)
        .into_iter()
        .map(|(a, b, c, d)| format!("{},{},{},{}", fmt(a), fmt(b), fmt(c), fmt(d)))
        .collect();
    out.push_str(&format!("P {}\n", positions.join(" ")));
    for e in parse_exception_table(&code.exceptiontable) {
        out.push_str(&format!(
            "E {} {} {} {} {}\n",
            e.start,
            e.end,
            e.target,
            e.depth,
            u8::from(e.lasti)
        ));
    }
    out
}

#[test]
fn line_position_and_exception_tables_match_cpython() {
    for name in cases() {
        let (_, pyc) = load(&name);
        let mut codes = Vec::new();
        walk(&pyc.code, &mut codes);
        let got: String = codes.iter().map(|c| tables(c)).collect();
        let want = String::from_utf8(read(&name, "tables")).expect("utf-8");
        for (g, w) in got.lines().zip(want.lines()) {
            assert_eq!(g, w, "{name}");
        }
        assert_eq!(got.lines().count(), want.lines().count(), "{name}");
    }
}

#[test]
fn encoders_reproduce_cpython_tables() {
    for name in cases() {
        let (_, pyc) = load(&name);
        let mut codes = Vec::new();
        walk(&pyc.code, &mut codes);
        for code in codes {
            let entries = parse_exception_table(&code.exceptiontable);
            assert_eq!(
                encode_exception_table(&entries),
                code.exceptiontable,
                "{name}"
            );
            assert_eq!(
                reencode_locations(&code),
                code.linetable,
                "{name} {}",
                code.qualname
            );
        }
    }
}
