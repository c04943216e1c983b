//! Names against keywords: logos matches keywords in its automaton, and a
//! keyword's letters continued by non-ASCII word characters make a name.

use pith_lexer::{Flavor, Keyword, TokenKind, Tokenizer};

fn kinds(source: &str) -> Vec<(TokenKind, &str)> {
    Tokenizer::new(source, Flavor::Compiler)
        .map(|item| item.expect("no error"))
        .filter(|t| !matches!(t.kind, TokenKind::Newline | TokenKind::EndMarker))
        .map(|t| (t.kind, t.text(source)))
        .collect()
}

#[test]
fn keywords_and_names() {
    use TokenKind::{Keyword as K, Name};
    assert_eq!(kinds("if x"), [(K(Keyword::If), "if"), (Name, "x")]);
    assert_eq!(
        kinds("ifx import_ Trueé"),
        [(Name, "ifx"), (Name, "import_"), (Name, "Trueé")]
    );
    assert_eq!(kinds("defé"), [(Name, "defé")]);
    assert_eq!(
        kinds("i in is"),
        [(Name, "i"), (K(Keyword::In), "in"), (K(Keyword::Is), "is")]
    );
    assert_eq!(
        kinds("match _ case"),
        [(Name, "match"), (Name, "_"), (Name, "case")]
    );
    for &keyword in Keyword::ALL {
        assert_eq!(kinds(keyword.as_str()), [(K(keyword), keyword.as_str())]);
        let longer = format!("{keyword}s");
        assert_eq!(kinds(&longer), [(Name, longer.as_str())]);
    }
}

#[test]
fn keyword_before_a_non_word_character() {
    // `€` is no word character: the keyword ends before it, and `€` is an
    // error token.
    let tokens: Vec<_> = Tokenizer::new("def€", Flavor::Compiler)
        .map(|item| item.expect("no error").kind)
        .collect();
    assert_eq!(tokens[0], TokenKind::Keyword(Keyword::Def));
    assert_eq!(tokens[1], TokenKind::Error);
}
