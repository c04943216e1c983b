//! The bytecode section (`pith dis` with a pops → pushes column) and the
//! `.pyc` section of `pith explain`.

use std::collections::HashMap;
use std::fmt::Write as _;

use pith_bytecode::dis::{disassemble, get_instructions};
use pith_bytecode::pyc::{header_bytes, write_new_pyc, Invalidation};
use pith_bytecode::{CodeObject, Constant, Opcode};
use pith_vm::trace::strip_addresses;

/// Width of the stack column.
const MOVES_WIDTH: usize = 19;

/// How many values an instruction pops and pushes, from the opcode table:
/// `2 → 1`, or `0 → 1, jump 1 → 0` where the jump differs.
pub fn moves_text(op: Opcode, arg: Option<i64>) -> String {
    let oparg = arg.unwrap_or(0) as i32;
    let text = |jump: bool| {
        op.stack_moves(oparg, jump)
            .map(|m| format!("{} → {}", m.pops, m.pushes))
    };
    let (stay, jump) = (text(false), text(true));
    match (stay, jump) {
        (Some(s), Some(j)) if s == j || !op.arg_kind().is_jump() => s,
        (Some(s), Some(j)) => format!("{s}, jump {j}"),
        _ => "?".to_string(),
    }
}

/// The instruction lines of one code object's listing, each with the
/// values it pops and pushes in a left column.
fn listing(out: &mut String, code: &CodeObject) {
    let by_offset: HashMap<u32, (Option<Opcode>, Option<i64>)> = get_instructions(code, false)
        .into_iter()
        .map(|i| (i.offset, (Opcode::from_u8(i.opcode), i.arg)))
        .collect();
    let text = disassemble(code);
    for line in text.lines() {
        let offset = instruction_offset(line);
        let column = match offset.and_then(|o| by_offset.get(&o)) {
            Some((Some(op), arg)) => moves_text(op.deopt(), *arg),
            _ => String::new(),
        };
        if line.is_empty() {
            out.push('\n');
        } else {
            let _ = writeln!(out, "{column:>MOVES_WIDTH$}  {}", strip_addresses(line));
        }
    }
}

/// The offset of a `dis` instruction line: the number before the opcode name.
fn instruction_offset(line: &str) -> Option<u32> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let name_at = words.iter().position(|w| {
        w.starts_with(|c: char| c.is_ascii_uppercase())
            && w.chars()
                .all(|c| c.is_ascii_uppercase() || c == '_' || c.is_ascii_digit())
    })?;
    words.get(name_at.checked_sub(1)?)?.parse().ok()
}

/// Every code object's listing, outermost first (the order of `dis.dis`).
pub fn bytecode(code: &CodeObject) -> String {
    let mut out = format!(
        "{:>MOVES_WIDTH$}  (values each instruction pops and pushes, from the opcode table)\n",
        "pops → pushes"
    );
    let mut todo = vec![code];
    let mut first = true;
    while let Some(c) = todo.pop() {
        if !first {
            let _ = writeln!(out, "\nDisassembly of {}:", strip_addresses(&c.repr()));
        }
        first = false;
        listing(&mut out, c);
        let inner: Vec<&CodeObject> = c
            .consts
            .iter()
            .filter_map(|k| match k {
                Constant::Code(inner) => Some(&**inner),
                _ => None,
            })
            .collect();
        todo.extend(inner.into_iter().rev());
    }
    out
}

/// The `.pyc` that `pith compile` would write for this code: header fields
/// and sizes. `source` gives the size recorded in the header.
pub fn pyc(code: &std::sync::Arc<CodeObject>, source_size: u32) -> String {
    // A fixed mtime keeps the section reproducible; a real compile records
    // the source file's.
    let invalidation = Invalidation::Timestamp {
        mtime: 0,
        source_size,
    };
    let header = header_bytes(&invalidation);
    let hex = |b: &[u8]| {
        b.iter()
            .map(|x| format!("{x:02x}"))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut out = String::new();
    let _ = writeln!(out, "  header (16 bytes): {}", hex(&header));
    let _ = writeln!(
        out,
        "    magic        {}  (CPython 3.11: 3495 as a little-endian u16, then \\r\\n)",
        hex(&header[0..4])
    );
    let _ = writeln!(
        out,
        "    flags        {}  (0: invalidated by source mtime and size)",
        hex(&header[4..8])
    );
    let _ = writeln!(
        out,
        "    source mtime {}  (0 here; `pith compile` writes the file's)",
        hex(&header[8..12])
    );
    let _ = writeln!(
        out,
        "    source size  {}  ({source_size} bytes)",
        hex(&header[12..16])
    );
    match write_new_pyc(code, &invalidation) {
        Ok(bytes) => {
            let body = bytes.len().saturating_sub(16);
            let _ = writeln!(
                out,
                "  marshalled code object: {body} bytes (marshal format 4, nested code objects inside)"
            );
            let _ = writeln!(out, "  total: {} bytes", bytes.len());
        }
        Err(err) => {
            let _ = writeln!(out, "  cannot marshal the code object: {err}");
        }
    }
    out
}
