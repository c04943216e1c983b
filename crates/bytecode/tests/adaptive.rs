//! `dis(show_caches=True)` and specialized opcodes, against CPython's listing of a
//! function it quickened (`tests/data/hot.*`, from `tools/bytecode/gen.py`).

use pith_bytecode::{marshal, CodeObject, Constant, DisOptions};

fn data(name: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name);
    std::fs::read(path).expect("fixture exists")
}

fn hot() -> CodeObject {
    match marshal::loads(&data("hot.marshal")).expect("reads").value {
        Constant::Code(code) => (*code).clone(),
        other => panic!("not code: {other:?}"),
    }
}

fn text(name: &str) -> String {
    String::from_utf8(data(name)).expect("utf-8")
}

#[test]
fn show_caches_matches_cpython() {
    let options = DisOptions {
        show_caches: true,
        depth: None,
    };
    assert_eq!(
        pith_bytecode::dis_with(&hot(), options),
        text("hot.caches.dis")
    );
}

#[test]
fn quickened_code_matches_cpython_adaptive_listing() {
    let mut code = hot();
    code.code = data("hot.adaptive");
    let options = DisOptions {
        show_caches: true,
        depth: None,
    };
    let got = pith_bytecode::dis_with(&code, options);
    assert_eq!(got, text("hot.adaptive.dis"));
    assert!(got.contains("BINARY_OP_ADD_INT"));
}
