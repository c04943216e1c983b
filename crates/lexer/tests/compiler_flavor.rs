//! The compiler's tokenizer rules, where they differ from `tokenize.py`.
//! Expected results are CPython 3.11's `compile()` on the same text.

use pith_lexer::{tokenize, Flavor, LexError, TokenKind};

fn first_error(source: &str) -> Option<LexError> {
    tokenize(source, Flavor::Compiler).err()
}

#[test]
fn tab_errors_as_compile_reports_them() {
    // Each is a TabError at line 3, column 1 under CPython 3.11.
    for source in [
        "if x:\n\ty = 1\n        z = 2\n",
        "if x:\n        y = 1\n\tz = 2\n",
        "if x:\n    \ty = 1\n\tz = 2\n",
        "if x:\n  \ty\n\t  z\n",
    ] {
        let err = first_error(source).expect("TabError");
        assert!(
            matches!(err, LexError::InconsistentTabs { .. }),
            "{source:?}: {err:?}"
        );
        let line_start = source
            .match_indices('\n')
            .nth(1)
            .map(|(i, _)| i + 1)
            .unwrap_or(0);
        let indent = source[line_start..].len() - source[line_start..].trim_start().len();
        assert_eq!(err.offset() as usize, line_start + indent, "{source:?}");
    }
    // A form feed resets the column, so this is consistent.
    assert_eq!(first_error("if x:\n\x0c    y\n    z\n"), None);
    // The tokenize module never compares tabs with spaces.
    assert!(tokenize("if x:\n\ty = 1\n        z = 2\n", Flavor::Tokenize).is_ok());
}

#[test]
fn universal_newlines() {
    let src = "x = 1\ry = 2\r\n";
    let tokens = tokenize(src, Flavor::Compiler).expect("tokens");
    let newlines = tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Newline)
        .count();
    assert_eq!(newlines, 2);
    let tokens = tokenize(src, Flavor::Tokenize).expect("tokens");
    assert!(tokens
        .iter()
        .any(|t| t.kind == TokenKind::Error && t.text(src) == "\r"));
}

#[test]
fn indentation_depth_limit() {
    let mut src = String::new();
    for depth in 0..101 {
        src.push_str(&" ".repeat(depth));
        src.push_str("if x:\n");
    }
    src.push_str(&" ".repeat(101));
    src.push_str("pass\n");
    // CPython: IndentationError at line 101, the hundredth nested block.
    let err = first_error(&src).expect("too deep");
    assert!(matches!(err, LexError::TooDeep { .. }));
    let line = src[..err.offset() as usize].matches('\n').count() + 1;
    assert_eq!(line, 101);
    assert!(tokenize(&src, Flavor::Tokenize).is_ok());
}

#[test]
fn keywords_and_soft_keywords() {
    let src = "match = if_ + None\n";
    let kinds: Vec<_> = tokenize(src, Flavor::Compiler)
        .expect("tokens")
        .into_iter()
        .map(|t| t.kind)
        .collect();
    assert_eq!(kinds[0], TokenKind::Name);
    assert_eq!(kinds[2], TokenKind::Name);
    assert!(matches!(
        kinds[4],
        TokenKind::Keyword(pith_lexer::Keyword::None)
    ));
}
