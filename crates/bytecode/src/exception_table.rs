//! The 3.11 exception table (`co_exceptiontable`, Objects/exception_handling_notes.txt).
//!
//! Each entry is four varints: start, size and target (in code units) and
//! `depth << 1 | lasti`. Varints are big-endian groups of 6 bits with bit 6 as
//! continuation; bit 7 marks the first byte of an entry.

/// One handler range, in byte offsets as `dis._parse_exception_table` reports it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ExceptionTableEntry {
    /// First covered byte offset.
    pub start: u32,
    /// End byte offset (exclusive).
    pub end: u32,
    /// Handler byte offset.
    pub target: u32,
    /// Stack depth to unwind to.
    pub depth: u32,
    /// Whether the offset of the raising instruction is pushed (`lasti`).
    pub lasti: bool,
}

fn read_varint(table: &[u8], pos: &mut usize) -> Option<u32> {
    let mut b = *table.get(*pos)?;
    *pos += 1;
    let mut val = u32::from(b & 63);
    while b & 64 != 0 {
        b = *table.get(*pos)?;
        *pos += 1;
        val = val.checked_mul(64)? | u32::from(b & 63);
    }
    Some(val)
}

/// Decodes the table like `dis._parse_exception_table`: stops at the first incomplete entry.
pub fn parse_exception_table(table: &[u8]) -> Vec<ExceptionTableEntry> {
    let mut out = Vec::new();
    let mut pos = 0;
    let mut next = || -> Option<ExceptionTableEntry> {
        let start = read_varint(table, &mut pos)?.checked_mul(2)?;
        let length = read_varint(table, &mut pos)?.checked_mul(2)?;
        let target = read_varint(table, &mut pos)?.checked_mul(2)?;
        let dl = read_varint(table, &mut pos)?;
        Some(ExceptionTableEntry {
            start,
            end: start.checked_add(length)?,
            target,
            depth: dl >> 1,
            lasti: dl & 1 != 0,
        })
    };
    while let Some(e) = next() {
        out.push(e);
    }
    out
}

/// Appends one varint; `msb` is `0x80` for the first varint of an entry.
fn write_varint(out: &mut Vec<u8>, value: u32, mut msb: u8) {
    const CONTINUATION: u8 = 64;
    for shift in [24u32, 18, 12, 6] {
        if value >= 1 << shift {
            out.push(((value >> shift) & 0x3f) as u8 | CONTINUATION | msb);
            msb = 0;
        }
    }
    out.push((value & 0x3f) as u8 | msb);
}

/// Encodes entries (byte offsets, as [`parse_exception_table`] returns them) the way
/// CPython's assembler writes them. Offsets must be even and below 2**31.
pub fn encode_exception_table(entries: &[ExceptionTableEntry]) -> Vec<u8> {
    let mut out = Vec::with_capacity(entries.len() * 4);
    for e in entries {
        push_exception_entry(&mut out, e);
    }
    out
}

/// Appends one entry to an exception table under construction.
pub fn push_exception_entry(out: &mut Vec<u8>, e: &ExceptionTableEntry) {
    write_varint(out, e.start / 2, 0x80);
    write_varint(out, e.end.saturating_sub(e.start) / 2, 0);
    write_varint(out, e.target / 2, 0);
    write_varint(out, (e.depth << 1) | u32::from(e.lasti), 0);
}
