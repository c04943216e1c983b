//! Property tests: the tokenizer never panics, and its tokens always lie in
//! order over the source, each on character boundaries, with nothing but
//! white space and `\` line joins between them (for the compiler, also
//! before a lone `\r`, which it reads as a line end, or the end of input).

use pith_lexer::{Flavor, Token, TokenKind, Tokenizer};
use proptest::prelude::*;

/// Checks the covering property of a token stream (complete or cut short
/// by an error) and returns a description of the first violation.
fn check_cover(source: &str, tokens: &[Token], flavor: Flavor) -> Result<(), String> {
    let bytes = source.as_bytes();
    let mut pos = 0usize;
    for token in tokens {
        let (start, end) = (token.start as usize, token.end as usize);
        if token.kind == TokenKind::Encoding {
            continue;
        }
        if start > end || end > source.len() {
            return Err(format!("{token:?} out of bounds"));
        }
        if !source.is_char_boundary(start) || !source.is_char_boundary(end) {
            return Err(format!("{token:?} splits a character"));
        }
        if start < pos {
            // Empty tokens (DEDENT, ENDMARKER, the final NEWLINE) may sit at
            // the end of the previous token; nothing may overlap.
            return Err(format!(
                "{token:?} overlaps the previous token ending at {pos}"
            ));
        }
        let gap = &bytes[pos..start];
        let mut i = 0;
        while i < gap.len() {
            match gap[i] {
                b' ' | b'\t' | b'\x0c' => i += 1,
                b'\\' if gap.get(i + 1) == Some(&b'\n') => i += 2,
                b'\\' if gap.get(i + 1) == Some(&b'\r') && gap.get(i + 2) == Some(&b'\n') => i += 3,
                b'\\' if flavor == Flavor::Compiler && gap.get(i + 1) == Some(&b'\r') => i += 2,
                b'\\' if flavor == Flavor::Compiler && pos + i + 1 == source.len() => i += 1,
                other => {
                    return Err(format!(
                        "byte {other:#04x} at {} is in no token (before {token:?})",
                        pos + i
                    ))
                }
            }
        }
        pos = end;
    }
    Ok(())
}

fn run(source: &str, flavor: Flavor) -> Result<(), String> {
    let mut tokens = Vec::new();
    let mut ended = false;
    for item in Tokenizer::new(source, flavor) {
        match item {
            Ok(token) => {
                ended = token.kind == TokenKind::EndMarker;
                tokens.push(token);
            }
            Err(err) => {
                if err.offset() as usize > source.len() {
                    return Err(format!("{err:?} points past the end"));
                }
                return check_cover(source, &tokens, flavor);
            }
        }
    }
    if !ended {
        return Err("stream ended without ENDMARKER or error".into());
    }
    check_cover(source, &tokens, flavor)?;
    // A complete stream covers everything up to trailing white space.
    let last = tokens.iter().map(|t| t.end as usize).max().unwrap_or(0);
    let tail = source[last..].trim_matches([' ', '\t', '\x0c', '\\', '\r', '\n']);
    if !tail.is_empty() {
        return Err(format!(
            "source after the last token is not covered: {tail:?}"
        ));
    }
    Ok(())
}

/// Characters that exercise every branch of the tokenizer.
fn python_ish() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        " ", "  ", "\t", "\x0c", "\n", "\r\n", "\r", "\\", "\\\n", "#", "# c\n", "'", "\"", "'''",
        "\"\"\"", "r", "b", "f", "rb", "x", "if", "_", "é", "²", "€", "\u{301}", "0", "1", "0x",
        "1_0", ".", "e", "j", "(", ")", "[", "]", "{", "}", ":", "=", "**=", "->", "...", "$", "?",
        "!", "`", "\x00", ";", ",",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

const SEEDS: &[&str] = &[
    "def f(x):\n    if x:\n        return 'a\\\nb'\n    return f\"{x!r:>{w}}\"\n",
    "class C:\n\tx = [1,\n\t     2]  # c\n\n\tdef m(self): ...\n",
    "s = '''doc\n''' + r\"\\d\" + b'\\x00'\nif a and \\\n   b:\n    pass\n",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn arbitrary_text_is_covered(source in any::<String>()) {
        prop_assert_eq!(run(&source, Flavor::Tokenize), Ok(()));
        prop_assert_eq!(run(&source, Flavor::Compiler), Ok(()));
    }

    #[test]
    fn python_like_text_is_covered(source in python_ish()) {
        prop_assert_eq!(run(&source, Flavor::Tokenize), Ok(()));
        prop_assert_eq!(run(&source, Flavor::Compiler), Ok(()));
    }

    #[test]
    fn mutated_programs_are_covered(
        seed in prop::sample::select(SEEDS),
        edits in prop::collection::vec((any::<prop::sample::Index>(), 0u8..3, python_ish()), 1..6),
    ) {
        let mut source = seed.to_string();
        for (at, op, text) in edits {
            let mut cut = at.index(source.len() + 1);
            while !source.is_char_boundary(cut) {
                cut -= 1;
            }
            match op {
                0 => source.insert_str(cut, &text),
                1 => {
                    let mut end = (cut + text.len()).min(source.len());
                    while !source.is_char_boundary(end) {
                        end -= 1;
                    }
                    source.replace_range(cut..end, "");
                }
                _ => {
                    let copy = source[cut..].chars().take(8).collect::<String>();
                    source.insert_str(cut, &copy);
                }
            }
        }
        prop_assert_eq!(run(&source, Flavor::Tokenize), Ok(()));
        prop_assert_eq!(run(&source, Flavor::Compiler), Ok(()));
    }
}
