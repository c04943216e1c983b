//! Shared helpers: loading bridge cases and comparing with CPython.
#![allow(dead_code)]

use std::sync::Arc;

use pith_ast::Mod;
use pith_bytecode::marshal::{dumps_with_trace, loads_code};
use pith_bytecode::CodeObject;
use pith_compiler::{compile, Mode};

/// One program as CPython parsed it (written by tools/compiler/gen_cases.py).
#[derive(serde::Deserialize)]
pub struct Case {
    /// The program text.
    pub source: String,
    /// CPython's tree for it.
    pub tree: Mod,
    /// The file name CPython compiled it under.
    pub filename: String,
}

/// Replaces every `0x...` hex number by `0x?` (addresses differ between runs).
pub fn mask_addresses(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("0x") {
        out.push_str(&rest[..i]);
        out.push_str("0x?");
        let tail = &rest[i + 2..];
        let n = tail.bytes().take_while(|b| b.is_ascii_hexdigit()).count();
        rest = &tail[n..];
    }
    out.push_str(rest);
    out
}

/// How one case compared with CPython.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    /// `dis` text and marshal bytes are identical.
    Identical,
    /// `dis` text is identical, marshal bytes differ.
    DisOnly,
    /// `dis` differs; the first differing line (ours, CPython's).
    DisDiffers(String, String),
    /// Our compiler rejected the program.
    Error(String),
}

/// Compiles `case` and compares with CPython's `dis` text and marshal bytes.
pub fn check(case: &Case, want_dis: &str, want_marshal: &[u8]) -> Outcome {
    let code = match compile(&case.tree, &case.source, &case.filename, Mode::Exec) {
        Ok(c) => c,
        Err(e) => return Outcome::Error(e.to_string()),
    };
    let got = mask_addresses(&pith_bytecode::dis(&code));
    let want = mask_addresses(want_dis);
    if got != want {
        let (g, w) = got
            .lines()
            .zip(want.lines())
            .find(|(a, b)| a != b)
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .unwrap_or_else(|| {
                (
                    format!("<{} lines>", got.lines().count()),
                    format!("<{} lines>", want.lines().count()),
                )
            });
        return Outcome::DisDiffers(g, w);
    }
    if marshal_matches(code, want_marshal) {
        Outcome::Identical
    } else {
        Outcome::DisOnly
    }
}

/// Whether our code object marshals to CPython's bytes (replaying CPython's
/// reference sharing, which depends on object identity rather than values).
pub fn marshal_matches(code: CodeObject, want: &[u8]) -> bool {
    let Ok((_, trace)) = loads_code(want) else {
        return false;
    };
    let ours = pith_bytecode::Constant::Code(Arc::new(marshal_order(code)));
    dumps_with_trace(&ours, &trace).is_ok_and(|b| b == want)
}

/// CPython's code object from its marshal bytes.
pub fn cpython_code(bytes: &[u8]) -> Option<Arc<CodeObject>> {
    loads_code(bytes).ok().map(|(c, _)| c)
}

/// Puts frozenset elements in the order marshal writes them (sorted by their
/// own marshal bytes), as they are after CPython writes and reads a `.pyc`.
pub fn marshal_order(mut code: CodeObject) -> CodeObject {
    use pith_bytecode::Constant;
    fn fix(c: &Constant) -> Constant {
        match c {
            Constant::FrozenSet(items) => {
                let mut v: Vec<(Vec<u8>, Constant)> = items
                    .iter()
                    .map(|x| {
                        let x = fix(x);
                        let mut key = pith_bytecode::marshal::dumps(&x).unwrap_or_default();
                        // CPython sorts by each element's own marshal bytes, where
                        // FLAG_REF depends on reference counts: an interned string
                        // is always shared, a plain one usually is not.
                        if let (Constant::Str(s), Some(first)) = (&x, key.first_mut()) {
                            if !s.is_interned() {
                                *first &= 0x7f;
                            }
                        }
                        (key, x)
                    })
                    .collect();
                v.sort_by(|a, b| a.0.cmp(&b.0));
                Constant::FrozenSet(v.into_iter().map(|(_, x)| x).collect())
            }
            Constant::Tuple(items) => Constant::Tuple(items.iter().map(fix).collect()),
            Constant::Code(inner) => Constant::Code(Arc::new(marshal_order((**inner).clone()))),
            other => other.clone(),
        }
    }
    code.consts = code.consts.iter().map(fix).collect();
    code
}

/// The sorted stems of the `.json` cases (CPython's trees) in `dir`, a
/// folder written by tools/compiler/gen_cases.py.
#[allow(dead_code)] // not every test binary lists cases
pub fn case_stems(dir: &std::path::Path) -> Vec<String> {
    let mut stems: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|_| panic!("{} exists; run tools/compiler/gen_cases.py", dir.display()))
        .filter_map(|e| {
            let p = e.ok()?.path();
            if p.extension()? != "json" {
                return None;
            }
            Some(p.file_stem()?.to_string_lossy().into_owned())
        })
        .collect();
    stems.sort();
    stems
}
