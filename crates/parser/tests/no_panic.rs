//! The parser never panics: random text and mutated real programs always
//! give a tree or an error (and, through `c_tokens`, tokens or an error).

use pith_parser::{c_tokens, parse, parse_with, Mode, ParseOptions};
use proptest::prelude::*;

const SEED_PROGRAMS: &[&str] = &[
    include_str!("ast_cases/basics.py"),
    include_str!("ast_cases/advanced.py"),
    include_str!("ast_cases/strings.py"),
    include_str!("ast_cases/match.py"),
    include_str!("ast_cases/match2.py"),
    include_str!("ast_cases/type_comments.py"),
];

/// Python-ish fragments, so that random programs get past the first token.
const FRAGMENTS: &[&str] = &[
    "x",
    "1",
    "'s'",
    "f'{x}'",
    "f\"{",
    "b''",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ":",
    ",",
    ";",
    ".",
    "=",
    ":=",
    "+",
    "-",
    "*",
    "**",
    "/",
    "if",
    "else",
    "elif",
    "for",
    "in",
    "while",
    "def",
    "class",
    "return",
    "yield",
    "lambda",
    "match",
    "case",
    "_",
    "with",
    "as",
    "try",
    "except",
    "finally",
    "async",
    "await",
    "not",
    "and",
    "or",
    "is",
    "@",
    "->",
    "...",
    "\n",
    "\n    ",
    "\t",
    " ",
    "\\\n",
    "#c\n",
    "# type: int\n",
    "# type: ignore\n",
    "#type:(a) -> b\n",
    "'''",
    "\"",
    "0x",
    "1e",
    "1j",
    "€",
    "$",
    "!",
    "del",
    "global",
];

fn check(source: &str) {
    for mode in [Mode::Exec, Mode::Eval, Mode::Single] {
        let _ = parse(source, mode, "<fuzz>");
        let _ = parse_with(source, ParseOptions::new(mode).type_comments(true));
    }
    let tokens = c_tokens(source);
    for t in &tokens.tokens {
        // Every range is a slice of the translated source.
        assert!(tokens.source.get(t.text.clone()).is_some(), "{t:?}");
        assert!(tokens.source.get(t.line.clone()).is_some(), "{t:?}");
    }
}

/// Splits a program into rough tokens (runs of word characters, single
/// other characters) for the mutations.
fn pieces(source: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut prev_word = false;
    for (i, c) in source.char_indices() {
        let word = c.is_alphanumeric() || c == '_';
        if i > start && !(word && prev_word) {
            out.push(&source[start..i]);
            start = i;
        }
        prev_word = word;
    }
    if start < source.len() {
        out.push(&source[start..]);
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn random_text(s in "\\PC{0,80}") {
        check(&s);
    }

    #[test]
    fn random_fragments(parts in prop::collection::vec(0..FRAGMENTS.len(), 0..40)) {
        let s: String = parts.iter().map(|&i| FRAGMENTS[i]).collect();
        check(&s);
    }

    #[test]
    fn mutated_programs(
        program in 0..SEED_PROGRAMS.len(),
        edits in prop::collection::vec((0..3u8, any::<prop::sample::Index>(), any::<prop::sample::Index>()), 1..6),
    ) {
        let mut toks = pieces(SEED_PROGRAMS[program]);
        for (kind, a, b) in edits {
            if toks.is_empty() {
                break;
            }
            let i = a.index(toks.len());
            let j = b.index(toks.len());
            match kind {
                0 => {
                    toks.remove(i);
                }
                1 => {
                    let t = toks[i];
                    toks.insert(j, t);
                }
                _ => toks.swap(i, j),
            }
        }
        check(&toks.concat());
    }
}

#[test]
fn deep_nesting_is_an_error_or_a_tree() {
    // Deep input must not overflow the stack of the test thread.
    let s = format!("x = {}1{}\n", "(".repeat(200), ")".repeat(200));
    let _ = parse(&s, Mode::Exec, "<deep>");
    let s = format!("x = {}\n", "-".repeat(500) + "1");
    let _ = parse(&s, Mode::Exec, "<deep>");
}
