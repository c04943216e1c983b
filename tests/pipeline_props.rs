//! Property test over the front end: real programs of the test suites,
//! mutated line by line (deleted, duplicated, swapped), always parse to a
//! tree or a SyntaxError, and every tree compiles to a code object or a
//! compile error; nothing panics.

use proptest::prelude::*;

fn corpus() -> Vec<String> {
    let mut texts = Vec::new();
    for dir in ["tests/programs", "tests/compile", "tests/cases/tokenize"] {
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for path in paths {
            if path.extension().is_some_and(|e| e == "py") {
                if let Ok(text) = std::fs::read_to_string(&path) {
                    texts.push(text);
                }
            }
        }
    }
    assert!(
        texts.len() > 100,
        "the test suites' programs are the corpus"
    );
    texts
}

fn mutate(text: &str, edits: &[(usize, usize, u8)]) -> String {
    let mut lines: Vec<&str> = text.split_inclusive('\n').collect();
    for &(a, b, op) in edits {
        if lines.is_empty() {
            break;
        }
        let (i, j) = (a % lines.len(), b % lines.len());
        match op {
            0 => {
                lines.remove(i);
            }
            1 => lines.insert(j, lines[i]),
            _ => lines.swap(i, j),
        }
    }
    lines.concat()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn mutated_programs_parse_and_compile_without_panics(
        pick in any::<prop::sample::Index>(),
        edits in prop::collection::vec((any::<usize>(), any::<usize>(), 0u8..3), 1..6),
    ) {
        thread_local! {
            static CORPUS: Vec<String> = corpus();
        }
        let source = CORPUS.with(|c| mutate(&c[pick.index(c.len())], &edits));
        if let Ok(tree) = pith_parser::parse(&source, pith_parser::Mode::Exec, "<mutated>") {
            let _ = pith_compiler::compile(&tree, &source, "<mutated>", pith_compiler::Mode::Exec);
        }
    }
}
