//! Frozenset display order: folding a set literal the way CPython's compiler does
//! (`set_iteration_order` of the source order) and printing it must give CPython's
//! repr (`tests/data/sets.txt`, from `tools/bytecode/gen.py` with PYTHONHASHSEED=0).

use pith_bytecode::constant::set_iteration_order;
use pith_bytecode::Constant;

fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let width = match chars.next() {
            Some('x') => 2,
            Some('u') => 4,
            Some('U') => 8,
            other => panic!("unexpected escape {other:?}"),
        };
        let hex: String = chars.by_ref().take(width).collect();
        let cp = u32::from_str_radix(&hex, 16).expect("hex");
        out.push(char::from_u32(cp).expect("scalar"));
    }
    out
}

#[test]
fn folded_sets_print_in_cpython_order() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/sets.txt");
    let text = std::fs::read_to_string(path).expect("fixture exists");
    let mut count = 0;
    for line in text.lines() {
        let (items, want) = line.split_once('\t').expect("two fields");
        let source: Vec<Constant> = items
            .split(' ')
            .map(|item| match item.split_at(2) {
                ("s:", s) => Constant::str(&unescape(s)),
                ("i:", i) => Constant::Int(i.parse().expect("int")),
                _ => panic!("bad item {item}"),
            })
            .collect();
        let order = set_iteration_order(&source).expect("hashable");
        let stored: Vec<Constant> = order.iter().map(|&i| source[i].clone()).collect();
        assert_eq!(Constant::FrozenSet(stored.into()).repr(), want);
        count += 1;
    }
    assert!(count >= 50);
}
