//! Loading the JSON cases written by `tools/ast_fixtures/gen.py`.

// Each test binary uses a different subset of these helpers.
#![allow(dead_code)]

use pith_ast::{dump, unparse, DumpOptions, LineIndex, Mod};

/// One program as CPython parsed it.
#[derive(serde::Deserialize)]
pub struct Case {
    /// The program text.
    pub source: String,
    /// CPython's tree for it.
    pub tree: Mod,
}

/// CPython's outputs for a stdlib case, stored next to the tree.
#[allow(dead_code)]
#[derive(serde::Deserialize)]
pub struct StdlibCase {
    /// The stdlib file.
    pub path: String,
    /// Its decoded text.
    pub source: String,
    /// CPython's tree for it.
    pub tree: Mod,
    /// `ast.dump(tree, include_attributes=True, indent=3)`.
    pub dump: String,
    /// `ast.unparse(tree)` or `ValueError: ...`.
    pub unparse: String,
}

/// `ast.dump(tree, include_attributes=True, indent=3)`.
pub fn dump_cli(tree: &Mod, index: &LineIndex) -> String {
    dump(tree, &DumpOptions::cli(true, 3), index)
}

/// `ast.unparse(tree)`, or `ValueError: message` as gen.py records failures.
pub fn unparse_text(tree: &Mod, index: &LineIndex) -> String {
    match unparse(tree, Some(index)) {
        Ok(s) => s,
        Err(e) => format!("ValueError: {e}"),
    }
}

/// Parses a case without serde_json's nesting limit: long operator chains in real
/// code nest deeper than its default 128 levels.
pub fn from_json<T: serde::de::DeserializeOwned>(text: &str) -> serde_json::Result<T> {
    let mut de = serde_json::Deserializer::from_str(text);
    de.disable_recursion_limit();
    let value = T::deserialize(&mut de)?;
    de.end()?;
    Ok(value)
}
