//! `ast.unparse` round trip over many files, for `tools/parity.py unparse`.
//!
//! Reads file paths from stdin, one per line. For each it parses the file
//! (as `ast.parse` with its defaults), unparses the tree with `pith-ast`,
//! parses that text again and compares both trees' `ast.dump` (without
//! positions). It writes one record per file to stdout:
//!
//! ```text
//! STATUS PATH
//! LENGTH
//! TEXT (LENGTH bytes: the unparsed source; empty unless parsing worked)
//! ```
//!
//! `STATUS` is `same` (the re-parsed tree equals the first), `changed`
//! (it differs), `reparse-error`, `unparse-error`, or `parse-error` (the
//! file itself does not parse).

use std::io::{self, BufRead, Write};

use pith_ast::{dump, unparse, DumpOptions, LineIndex};
use pith_parser::{parse, Mode};

fn roundtrip(path: &str) -> (&'static str, String) {
    let Ok(bytes) = std::fs::read(path) else {
        return ("parse-error", String::new());
    };
    let Ok(decoded) = pith_lexer::decode_source(&bytes) else {
        return ("parse-error", String::new());
    };
    let source = decoded.text;
    let Ok(tree) = parse(&source, Mode::Exec, path) else {
        return ("parse-error", String::new());
    };
    let index = LineIndex::new(&source);
    let Ok(text) = unparse(&tree, Some(&index)) else {
        return ("unparse-error", String::new());
    };
    let Ok(again) = parse(&text, Mode::Exec, path) else {
        return ("reparse-error", text);
    };
    let options = DumpOptions::new();
    let same = dump(&tree, &options, &index) == dump(&again, &options, &LineIndex::new(&text));
    (if same { "same" } else { "changed" }, text)
}

fn run() -> io::Result<()> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    for line in io::stdin().lock().lines() {
        let path = line?;
        if path.is_empty() {
            continue;
        }
        let (status, text) = roundtrip(&path);
        writeln!(out, "{status} {path}\n{}", text.len())?;
        out.write_all(text.as_bytes())?;
    }
    out.flush()
}

fn main() -> io::Result<()> {
    // Unparsing and dumping recurse once per nesting level: give deeply
    // nested files room, as the CLI does.
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(run)?
        .join()
        .unwrap_or_else(|_| Err(io::Error::other("round trip thread panicked")))
}
