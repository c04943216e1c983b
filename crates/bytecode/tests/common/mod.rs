//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::sync::Arc;

use pith_bytecode::instruction::instructions;
use pith_bytecode::location::{co_positions, LocationTableBuilder, SourceLocation};
use pith_bytecode::{CodeObject, Opcode};

/// Replaces every `0x...` hex number by `0x?` (addresses differ between runs).
pub fn mask_addresses(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("0x") {
        out.push_str(&rest[..i]);
        out.push_str("0x?");
        let tail = &rest[i + 2..];
        let n = tail
            .bytes()
            .take_while(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(b))
            .count();
        rest = &tail[n..];
    }
    out.push_str(rest);
    out
}

/// Collects a code object and, depth first, every code object in its constants.
pub fn walk(code: &Arc<CodeObject>, out: &mut Vec<Arc<CodeObject>>) {
    out.push(code.clone());
    for c in &code.consts {
        if let Some(inner) = c.as_code() {
            walk(inner, out);
        }
    }
}

/// Re-encodes a location table from its decoded positions, one entry per
/// instruction (its `EXTENDED_ARG` prefixes and caches included), as CPython 3.11's
/// assembler does.
pub fn reencode_locations(code: &CodeObject) -> Vec<u8> {
    let positions = co_positions(&code.linetable, code.firstlineno);
    let mut builder = LocationTableBuilder::new(code.firstlineno);
    let mut start = None;
    for ins in instructions(&code.code) {
        let first = start.unwrap_or(ins.offset / 2);
        if ins.base_opcode() == Some(Opcode::ExtendedArg) {
            start = Some(first);
            continue;
        }
        start = None;
        let units = ins.base_opcode().map_or(1, Opcode::size) as u32 + ins.offset / 2 - first;
        let (a, b, c, d) = positions
            .get(first as usize)
            .copied()
            .unwrap_or((None, None, None, None));
        let loc = SourceLocation {
            lineno: a.unwrap_or(-1),
            end_lineno: b.unwrap_or(-1),
            col_offset: c.unwrap_or(-1),
            end_col_offset: d.unwrap_or(-1),
        };
        builder.push(units, loc);
    }
    builder.finish()
}
