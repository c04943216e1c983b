//! `dis` text, exactly as CPython 3.11's `dis.dis(code)` prints it.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use crate::code::CodeObject;
use crate::constant::Constant;
use crate::exception_table::{parse_exception_table, ExceptionTableEntry};
use crate::instruction::{instructions, Instruction};
use crate::location::line_starts;
use crate::opcode::{ArgKind, Opcode, CMP_OP, MAKE_FUNCTION_FLAGS, NB_OPS};

const OPNAME_WIDTH: usize = 20;
const OPARG_WIDTH: usize = 5;

/// Options of `dis.dis`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DisOptions {
    /// `show_caches=True`: list inline `CACHE` units.
    pub show_caches: bool,
    /// `depth`: how many levels of nested code objects to show (`None`: all).
    pub depth: Option<usize>,
}

/// `dis.dis(code)`: the code object and, recursively, every code object in its constants.
pub fn dis(code: &CodeObject) -> String {
    dis_with(code, DisOptions::default())
}

/// `dis.dis(code, show_caches=..., depth=...)`.
pub fn dis_with(code: &CodeObject, options: DisOptions) -> String {
    let mut out = String::new();
    disassemble_recursive(&mut out, code, options, options.depth);
    out
}

fn disassemble_recursive(
    out: &mut String,
    code: &CodeObject,
    options: DisOptions,
    depth: Option<usize>,
) {
    disassemble_into(out, code, options.show_caches);
    if depth == Some(0) {
        return;
    }
    let depth = depth.map(|d| d - 1);
    for c in &code.consts {
        if let Constant::Code(inner) = c {
            out.push('\n');
            out.push_str("Disassembly of ");
            inner.write_repr(out);
            out.push_str(":\n");
            disassemble_recursive(out, inner, options, depth);
        }
    }
}

/// `dis.disassemble(code)`: this code object only, no nested ones.
pub fn disassemble(code: &CodeObject) -> String {
    let mut out = String::new();
    disassemble_into(&mut out, code, false);
    out
}

/// One line of a listing, with `dis.Instruction`'s fields.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DisInstruction {
    /// `opname`.
    pub opname: std::borrow::Cow<'static, str>,
    /// `opcode` (raw byte).
    pub opcode: u8,
    /// `arg`.
    pub arg: Option<i64>,
    /// `argrepr`.
    pub argrepr: String,
    /// `offset`.
    pub offset: u32,
    /// `starts_line`.
    pub starts_line: Option<i32>,
    /// `is_jump_target`.
    pub is_jump_target: bool,
}

/// `dis.get_instructions(code, show_caches=...)`, positions aside.
pub fn get_instructions(code: &CodeObject, show_caches: bool) -> Vec<DisInstruction> {
    let starts: HashMap<u32, i32> = line_starts(&code.linetable, code.firstlineno)
        .into_iter()
        .collect();
    let entries = parse_exception_table(&code.exceptiontable);
    collect_instructions(code, &starts, &entries, show_caches)
}

fn collect_instructions(
    code: &CodeObject,
    starts: &HashMap<u32, i32>,
    entries: &[ExceptionTableEntry],
    show_caches: bool,
) -> Vec<DisInstruction> {
    let mut labels: HashSet<i64> = find_labels(&code.code);
    for e in entries {
        if e.start < e.end {
            labels.insert(i64::from(e.target));
        }
    }
    let mut out = Vec::new();
    for ins in instructions(&code.code) {
        let argrepr = ins
            .arg
            .map(|arg| arg_repr(code, &ins, arg))
            .unwrap_or_default();
        out.push(DisInstruction {
            opname: ins.name(),
            opcode: ins.op,
            arg: ins.arg,
            argrepr,
            offset: ins.offset,
            starts_line: starts.get(&ins.offset).copied(),
            is_jump_target: labels.contains(&i64::from(ins.offset)),
        });
        if show_caches {
            let base = ins.base_opcode();
            let specialized = ins.opcode().is_some_and(Opcode::is_specialized);
            let mut offset = ins.offset;
            for &(name, size) in base.map_or(&[][..], Opcode::cache_format) {
                for i in 0..usize::from(size) {
                    offset += 2;
                    let argrepr = if i == 0 && specialized {
                        let start = offset as usize;
                        let data = code.code.get(start..start + 2 * usize::from(size));
                        let value = data.map_or(0u128, |d| {
                            d.iter()
                                .rev()
                                .fold(0u128, |acc, &b| (acc << 8) | u128::from(b))
                        });
                        format!("{name}: {value}")
                    } else {
                        String::new()
                    };
                    out.push(DisInstruction {
                        opname: "CACHE".into(),
                        opcode: 0,
                        arg: Some(0),
                        argrepr,
                        offset,
                        starts_line: None,
                        is_jump_target: false,
                    });
                }
            }
        }
    }
    out
}

/// `dis.findlabels`: targets of relative jumps, judged on the raw (not deoptimized) opcode.
fn find_labels(code: &[u8]) -> HashSet<i64> {
    instructions(code)
        .filter(|ins| ins.opcode().is_some_and(|op| !op.is_specialized()))
        .filter_map(|ins| ins.jump_target())
        .collect()
}

fn arg_repr(code: &CodeObject, ins: &Instruction, arg: i64) -> String {
    let Some(op) = ins.base_opcode() else {
        return String::new();
    };
    let index = usize::try_from(arg).ok();
    let name_at = |i: Option<usize>, list: &[std::sync::Arc<crate::PyStr>]| {
        i.and_then(|i| list.get(i))
            .map(|s| s.to_string())
            .unwrap_or_default()
    };
    match op.arg_kind() {
        ArgKind::None | ArgKind::Raw | ArgKind::KwNames => String::new(),
        ArgKind::Const => index
            .and_then(|i| code.consts.get(i))
            .map(Constant::repr)
            .unwrap_or_default(),
        ArgKind::Name => name_at(index, &code.names),
        ArgKind::GlobalName => {
            let name = name_at(index.map(|i| i / 2), &code.names);
            if arg & 1 != 0 && !name.is_empty() {
                format!("NULL + {name}")
            } else {
                name
            }
        }
        ArgKind::Local | ArgKind::Free => name_at(index, &code.localsplusnames),
        ArgKind::JumpForward | ArgKind::JumpBackward => {
            format!("to {}", ins.jump_target().unwrap_or_default())
        }
        ArgKind::Compare => index
            .and_then(|i| CMP_OP.get(i))
            .map(|s| s.to_string())
            .unwrap_or_default(),
        ArgKind::BinaryOp => index
            .and_then(|i| NB_OPS.get(i))
            .map(|(_, s)| s.to_string())
            .unwrap_or_default(),
        ArgKind::FormatValue => {
            let mut s = String::from(["", "str", "repr", "ascii"][(arg & 3) as usize]);
            if arg & 4 != 0 {
                if !s.is_empty() {
                    s.push_str(", ");
                }
                s.push_str("with format");
            }
            s
        }
        ArgKind::MakeFunction => MAKE_FUNCTION_FLAGS
            .iter()
            .enumerate()
            .filter(|(i, _)| arg & (1 << i) != 0)
            .map(|(_, s)| *s)
            .collect::<Vec<_>>()
            .join(", "),
    }
}

fn disassemble_into(out: &mut String, code: &CodeObject, show_caches: bool) {
    let starts_list = line_starts(&code.linetable, code.firstlineno);
    let starts: HashMap<u32, i32> = starts_list.iter().copied().collect();
    let entries = parse_exception_table(&code.exceptiontable);
    let show_lineno = !starts.is_empty();
    let lineno_width = if show_lineno {
        let max = starts.values().copied().max().unwrap_or(0);
        if max >= 1000 {
            max.to_string().len()
        } else {
            3
        }
    } else {
        0
    };
    let max_offset = code.code.len() as i64 - 2;
    let offset_width = if max_offset >= 10000 {
        max_offset.to_string().len()
    } else {
        4
    };
    let mut line = String::new();
    for ins in collect_instructions(code, &starts, &entries, show_caches) {
        if show_lineno && ins.starts_line.is_some() && ins.offset > 0 {
            out.push('\n');
        }
        line.clear();
        if lineno_width > 0 {
            match ins.starts_line {
                Some(l) => {
                    let _ = write!(line, "{l:>lineno_width$} ");
                }
                None => {
                    let _ = write!(line, "{:lineno_width$} ", "");
                }
            }
        }
        line.push_str("   ");
        line.push_str(if ins.is_jump_target { " >>" } else { "   " });
        let _ = write!(
            line,
            " {:>offset_width$} {:<OPNAME_WIDTH$}",
            ins.offset, ins.opname
        );
        if let Some(arg) = ins.arg {
            let _ = write!(line, " {arg:>OPARG_WIDTH$}");
            if !ins.argrepr.is_empty() {
                let _ = write!(line, " ({})", ins.argrepr);
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    if !entries.is_empty() {
        out.push_str("ExceptionTable:\n");
        for e in &entries {
            let lasti = if e.lasti { " lasti" } else { "" };
            let _ = writeln!(
                out,
                "  {} to {} -> {} [{}]{}",
                e.start,
                i64::from(e.end) - 2,
                e.target,
                e.depth,
                lasti
            );
        }
    }
}
