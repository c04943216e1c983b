//! Decoding `co_code` into instructions, as `dis._unpack_opargs` does.

use crate::opcode::{Opcode, HAVE_ARGUMENT};

/// One decoded instruction. Inline `CACHE` units after it are skipped by the decoder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Instruction {
    /// Byte offset in `co_code`.
    pub offset: u32,
    /// The raw opcode byte (it may name no opcode in corrupt code).
    pub op: u8,
    /// The argument with `EXTENDED_ARG` prefixes folded in, for opcodes that take one.
    /// It is signed because `dis` wraps it like a C `int`.
    pub arg: Option<i64>,
}

impl Instruction {
    /// The argument as the VM reads it (`oparg`, a C `int` reinterpreted as unsigned), 0 if none.
    pub fn oparg(&self) -> u32 {
        self.arg.unwrap_or(0) as u32
    }

    /// The opcode, if the byte names one.
    pub fn opcode(&self) -> Option<Opcode> {
        Opcode::from_u8(self.op)
    }

    /// The base opcode (specialized forms mapped back), if the byte names one.
    pub fn base_opcode(&self) -> Option<Opcode> {
        self.opcode().map(Opcode::deopt)
    }

    /// The opcode name as `dis` prints it (`<N>` for unknown bytes).
    pub fn name(&self) -> std::borrow::Cow<'static, str> {
        match self.opcode() {
            Some(op) => op.name().into(),
            None => format!("<{}>", self.op).into(),
        }
    }

    /// The jump target in bytes, for relative jumps (`dis` semantics).
    pub fn jump_target(&self) -> Option<i64> {
        let op = self.base_opcode()?;
        let arg = self.arg?;
        if !op.arg_kind().is_jump() {
            return None;
        }
        let signed = if op.is_backward_jump() {
            arg.wrapping_neg()
        } else {
            arg
        };
        Some(i64::from(self.offset) + 2 + signed.wrapping_mul(2))
    }
}

/// Iterator over the instructions of `co_code`, skipping inline caches.
#[derive(Clone, Debug)]
pub struct Instructions<'a> {
    code: &'a [u8],
    pos: usize,
    extended_arg: i64,
}

/// Decodes `co_code`. A trailing odd byte is ignored.
pub fn instructions(code: &[u8]) -> Instructions<'_> {
    Instructions {
        code,
        pos: 0,
        extended_arg: 0,
    }
}

const INT_OVERFLOW: i64 = 1 << 31;

impl Iterator for Instructions<'_> {
    type Item = Instruction;
    fn next(&mut self) -> Option<Instruction> {
        let pair = self.code.get(self.pos..self.pos + 2)?;
        let (op, byte) = (pair[0], pair[1]);
        let offset = self.pos as u32;
        let base = Opcode::from_u8(op).map(Opcode::deopt);
        let caches = base.map_or(0, Opcode::cache_entries);
        let base_num = base.map_or(op, |b| b as u8);
        let arg = if base_num >= HAVE_ARGUMENT {
            let arg = i64::from(byte) | self.extended_arg;
            self.extended_arg = if base == Some(Opcode::ExtendedArg) {
                arg.wrapping_shl(8)
            } else {
                0
            };
            if self.extended_arg >= INT_OVERFLOW {
                self.extended_arg -= 2 * INT_OVERFLOW;
            }
            Some(arg)
        } else {
            self.extended_arg = 0;
            None
        };
        self.pos += 2 * (1 + caches);
        Some(Instruction { offset, op, arg })
    }
}

/// Number of code units `op` with argument `arg` occupies: its `EXTENDED_ARG`
/// prefixes, itself and its inline caches (`instr_size` in Python/compile.c).
#[inline]
pub fn encoded_size(op: Opcode, arg: u32) -> usize {
    prefix_count(op, arg) + op.size()
}

/// Number of `EXTENDED_ARG` prefixes `op` with argument `arg` needs.
#[inline]
fn prefix_count(op: Opcode, arg: u32) -> usize {
    if !op.has_arg() {
        return 0;
    }
    match arg {
        0..=0xff => 0,
        0x100..=0xffff => 1,
        0x1_0000..=0xff_ffff => 2,
        _ => 3,
    }
}

/// Appends `op` with argument `arg` as CPython's assembler writes it: `EXTENDED_ARG`
/// prefixes for the high bytes, the instruction, then zeroed `CACHE` units.
/// The argument of an opcode below `HAVE_ARGUMENT` is written as 0.
#[inline]
pub fn encode(out: &mut Vec<u8>, op: Opcode, arg: u32) {
    let arg = if op.has_arg() { arg } else { 0 };
    // The assembler encodes every instruction of every code object: the
    // common case (no prefix) writes its two bytes with one extend.
    if arg > 0xff {
        for i in (1..=prefix_count(op, arg)).rev() {
            out.extend_from_slice(&[Opcode::ExtendedArg as u8, (arg >> (8 * i)) as u8]);
        }
    }
    out.extend_from_slice(&[op as u8, arg as u8]);
    let caches = op.cache_entries();
    if caches > 0 {
        out.resize(out.len() + 2 * caches, 0);
    }
}
