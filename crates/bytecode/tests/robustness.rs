//! Bad input never panics: truncated, corrupted and random `.pyc`/marshal bytes all
//! give typed errors (or a value), and nesting is capped.

use pith_bytecode::marshal::{self, MarshalError};
use pith_bytecode::pyc::PycError;
use proptest::prelude::*;

fn fixture(name: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/cases")
        .join(name);
    std::fs::read(path).expect("fixture exists")
}

/// Everything a reader returns must also be writable and disassemblable.
fn exercise(bytes: &[u8]) {
    if let Ok(pyc) = pith_bytecode::read_pyc(bytes) {
        let _ = pith_bytecode::dis(&pyc.code);
        let _ = pith_bytecode::write_pyc(&pyc);
    }
    if let Ok(m) = marshal::loads(bytes) {
        let _ = marshal::dumps(&m.value);
        let _ = marshal::dumps_with_trace(&m.value, &m.trace);
    }
}

#[test]
fn every_truncation_is_an_error() {
    let bytes = fixture("exceptions.pyc");
    for len in 0..bytes.len() {
        let r = pith_bytecode::read_pyc(&bytes[..len]);
        assert!(r.is_err(), "truncated to {len} bytes");
    }
    assert_eq!(
        pith_bytecode::read_pyc(&bytes[..10]).err(),
        Some(PycError::Truncated(10))
    );
    assert_eq!(
        pith_bytecode::read_pyc(&bytes[..20]).err(),
        Some(PycError::Marshal(MarshalError::Eof))
    );
}

#[test]
fn header_errors() {
    let mut bytes = fixture("basics.pyc");
    bytes[0] = 0x6f;
    assert!(matches!(
        pith_bytecode::read_pyc(&bytes),
        Err(PycError::BadMagic(_))
    ));
    let mut bytes = fixture("basics.pyc");
    bytes[4] = 4;
    assert_eq!(
        pith_bytecode::read_pyc(&bytes).err(),
        Some(PycError::BadFlags(4))
    );
}

#[test]
fn deep_nesting_is_capped() {
    let mut data = [b')', 1].repeat(100_000);
    data.push(b'N');
    assert_eq!(marshal::loads(&data).err(), Some(MarshalError::TooDeep));
    let mut ok = [b')', 1].repeat(1999);
    ok.push(b'N');
    let m = marshal::loads(&ok).expect("within the cap");
    assert_eq!(
        marshal::dumps_with_trace(&m.value, &m.trace).expect("writes"),
        ok
    );
}

#[test]
fn bad_references_and_sizes() {
    assert_eq!(
        marshal::loads(b"r\x00\x00\x00\x00").err(),
        Some(MarshalError::InvalidRef)
    );
    // A tuple that refers to itself while being read.
    assert_eq!(
        marshal::loads(b"\xa9\x01r\x00\x00\x00\x00").err(),
        Some(MarshalError::InvalidRef)
    );
    assert_eq!(
        marshal::loads(b"s\xff\xff\xff\x7f").err(),
        Some(MarshalError::BadSize)
    );
    assert_eq!(
        marshal::loads(b"(\xff\xff\xff\xff").err(),
        Some(MarshalError::BadSize)
    );
    assert_eq!(
        marshal::loads(b"l\x01\x00\x00\x00\x00\x80").err(),
        Some(MarshalError::BadLongDigit)
    );
    assert_eq!(
        marshal::loads(b"l\x01\x00\x00\x00\x00\x00").err(),
        Some(MarshalError::UnnormalizedLong)
    );
    assert_eq!(
        marshal::loads(b"[\x00\x00\x00\x00").err(),
        Some(MarshalError::Unsupported('['))
    );
    assert_eq!(
        marshal::loads(b"\x01").err(),
        Some(MarshalError::UnknownType(1))
    );
    assert_eq!(
        marshal::loads(b"z\x01\xff").err(),
        Some(MarshalError::BadString)
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        exercise(&bytes);
        let mut with_header = pith_bytecode::pyc::MAGIC.to_vec();
        with_header.extend_from_slice(&[0; 12]);
        with_header.extend_from_slice(&bytes);
        exercise(&with_header);
    }

    #[test]
    fn mutated_pyc_never_panics(
        name in prop::sample::select(vec!["basics.pyc", "exceptions.pyc", "flow.pyc", "constants.pyc"]),
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
        cut in any::<prop::sample::Index>(),
    ) {
        let mut bytes = fixture(name);
        for (at, value) in edits {
            let i = at.index(bytes.len());
            bytes[i] = value;
        }
        exercise(&bytes);
        let len = cut.index(bytes.len() + 1);
        exercise(&bytes[..len]);
    }
}

fn empty_code(consts: Vec<pith_bytecode::Constant>) -> pith_bytecode::CodeObject {
    use std::sync::Arc;
    let s = |t: &str| Arc::new(pith_bytecode::PyStr::new(t, true));
    pith_bytecode::CodeObject {
        argcount: 0,
        posonlyargcount: 0,
        kwonlyargcount: 0,
        stacksize: 1,
        flags: pith_bytecode::CodeFlags::default(),
        code: vec![151, 0, 100, 0, 83, 0],
        consts,
        names: vec![],
        localsplusnames: vec![],
        localspluskinds: vec![],
        filename: s("deep.py"),
        name: s("f"),
        qualname: s("f"),
        firstlineno: 1,
        linetable: vec![],
        exceptiontable: vec![],
    }
}

#[test]
fn deeply_nested_values_survive_every_operation() {
    use pith_bytecode::Constant;
    use std::sync::Arc;
    // Code objects nested as deep as marshal allows (each level is a code object
    // and its consts tuple), then tuples nested to the cap.
    let mut code = empty_code(vec![Constant::None]);
    for _ in 0..990 {
        code = empty_code(vec![Constant::Code(Arc::new(code))]);
    }
    let value = Constant::Code(Arc::new(code));
    let bytes = marshal::dumps(&value).expect("within the cap");
    let back = marshal::loads(&bytes).expect("reads");
    assert_eq!(back.value, value);
    let text = pith_bytecode::dis(back.value.as_code().expect("code"));
    assert!(text.contains("Disassembly of <code object f"));
    drop(back);

    let mut t = Constant::None;
    for _ in 0..1999 {
        t = Constant::Tuple(vec![t].into());
    }
    let bytes = marshal::dumps(&t).expect("within the cap");
    let back = marshal::loads(&bytes).expect("reads");
    assert_eq!(back.value, t);
    assert!(back.value.repr().starts_with("(((("));
    let deeper = Constant::Tuple(vec![t].into());
    assert_eq!(marshal::dumps(&deeper).err(), Some(MarshalError::TooDeep));
}

fn location_strategy() -> impl Strategy<Value = pith_bytecode::location::SourceLocation> {
    use pith_bytecode::location::SourceLocation;
    prop_oneof![
        Just(SourceLocation::NONE),
        (1i32..5000, 0i32..4).prop_map(|(l, _)| SourceLocation {
            lineno: l,
            end_lineno: l,
            col_offset: -1,
            end_col_offset: -1,
        }),
        (1i32..5000, 0i32..3, 0i32..300, 0i32..300).prop_map(|(l, dl, c, ec)| SourceLocation {
            lineno: l,
            end_lineno: l + dl,
            col_offset: c,
            end_col_offset: if dl == 0 { c.max(ec) } else { ec },
        }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn location_table_round_trips(
        first in 1i32..100,
        items in proptest::collection::vec((1u32..20, location_strategy()), 0..40),
    ) {
        use pith_bytecode::location::{co_positions, LocationTableBuilder};
        let mut b = LocationTableBuilder::new(first);
        let mut want = Vec::new();
        for (units, loc) in &items {
            b.push(*units, *loc);
            let opt = |v: i32| (v != -1).then_some(v);
            let p = if loc.lineno < 0 {
                (None, None, None, None)
            } else {
                (opt(loc.lineno), opt(loc.end_lineno), opt(loc.col_offset), opt(loc.end_col_offset))
            };
            want.extend(std::iter::repeat(p).take(*units as usize));
        }
        let table = b.finish();
        prop_assert_eq!(co_positions(&table, first), want);
    }

    #[test]
    fn exception_table_round_trips(
        raw in proptest::collection::vec((0u32..1 << 20, 1u32..1 << 12, 0u32..1 << 20, 0u32..1 << 10, any::<bool>()), 0..20),
    ) {
        use pith_bytecode::exception_table::{encode_exception_table, parse_exception_table, ExceptionTableEntry};
        let entries: Vec<ExceptionTableEntry> = raw
            .into_iter()
            .map(|(s, len, t, depth, lasti)| ExceptionTableEntry {
                start: 2 * s,
                end: 2 * (s + len),
                target: 2 * t,
                depth,
                lasti,
            })
            .collect();
        prop_assert_eq!(parse_exception_table(&encode_exception_table(&entries)), entries);
    }

    #[test]
    fn table_decoders_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..256), first in any::<i32>()) {
        let _ = pith_bytecode::location::co_positions(&bytes, first);
        let _ = pith_bytecode::location::co_lines(&bytes, first);
        let _ = pith_bytecode::exception_table::parse_exception_table(&bytes);
        let _ = pith_bytecode::instruction::instructions(&bytes).count();
    }
}
