//! From a flow graph to a [`CodeObject`]: the `assemble()` pipeline of CPython
//! 3.11's compile.c (prefix instructions, cell offsets, the flow-graph passes,
//! stack depth, exception labels, jump directions and offsets, and the tables).

use std::sync::Arc;

use pith_bytecode::code::local_kind;
use pith_bytecode::exception_table::{push_exception_entry, ExceptionTableEntry};
use pith_bytecode::instruction::{encode, encoded_size};
use pith_bytecode::location::{LocationTableBuilder, SourceLocation};
use pith_bytecode::{CodeFlags, CodeObject, Opcode, PyStr};

use crate::flow::{self, Consts};
use crate::ir::{BlockId, Cfg, Instr, Loc, Op, NO_BLOCK};

/// Everything about a code unit besides its instructions.
pub(crate) struct UnitInfo {
    pub name: Arc<PyStr>,
    pub qualname: Arc<PyStr>,
    pub filename: Arc<PyStr>,
    pub firstlineno: i32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: CodeFlags,
    pub varnames: Vec<Box<str>>,
    pub cellvars: Vec<Box<str>>,
    pub freevars: Vec<Box<str>>,
    pub names: Vec<Box<str>>,
    /// Non-ASCII one-character Latin-1 identifiers of the module (see `interned`).
    pub interned_singletons: Vec<char>,
}

fn instr(op: Op, arg: u32, loc: Loc) -> Instr {
    Instr {
        op,
        arg,
        target: NO_BLOCK,
        loc,
        except: NO_BLOCK,
    }
}

/// Whether CPython has interned this constant string by the time the code
/// object is built: `intern_string_constants` interns strings made only of name
/// characters; one-character Latin-1 strings are shared singletons, interned
/// when the module uses them as identifiers (`singletons`), and "*" is interned
/// at start-up (it is the name `from m import *` uses).
fn interned(s: &str, singletons: &[char]) -> bool {
    if s == "*" || s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
        return true;
    }
    let mut chars = s.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if singletons.contains(&c))
}

fn intern_consts(c: &mut pith_bytecode::Constant, singletons: &[char]) {
    use pith_bytecode::Constant;
    match c {
        Constant::Str(s)
            if !s.is_interned() && s.as_str().is_some_and(|text| interned(text, singletons)) =>
        {
            // The code object's list holds the only reference (the
            // constants' index is gone): flag it in place.
            if let Some(p) = Arc::get_mut(s) {
                p.set_interned(true);
            } else if let Some(text) = s.as_str() {
                *s = Arc::new(PyStr::new(text, true));
            }
        }
        Constant::Tuple(items) | Constant::FrozenSet(items) => match Arc::get_mut(items) {
            Some(items) => items.iter_mut().for_each(|x| intern_consts(x, singletons)),
            None => {
                let mut v: Vec<Constant> = items.to_vec();
                v.iter_mut().for_each(|x| intern_consts(x, singletons));
                *items = Arc::from(v);
            }
        },
        _ => {}
    }
}

/// Assembles the code object; `cfg`'s instruction vectors go to `pool`.
pub(crate) fn assemble(
    mut cfg: Cfg,
    mut consts: Consts,
    info: UnitInfo,
    pool: &mut Vec<Vec<Instr>>,
) -> CodeObject {
    flow::normalize(&mut cfg);
    flow::extend_blocks(&mut cfg);

    let nlocals = info.varnames.len();
    let ncells = info.cellvars.len();
    let nfree = info.freevars.len();
    // build_cellfixedoffsets
    let mut fixed: Vec<usize> = (0..ncells + nfree).map(|i| nlocals + i).collect();
    for (ci, name) in info.cellvars.iter().enumerate() {
        if let Some(vi) = info.varnames.iter().position(|v| v == name) {
            fixed[ci] = vi;
        }
    }
    // insert_prefix_instructions
    let entry = cfg.entry;
    let generator = info.flags.0
        & (CodeFlags::GENERATOR.0 | CodeFlags::COROUTINE.0 | CodeFlags::ASYNC_GENERATOR.0)
        != 0;
    {
        let mut prefix = Vec::new();
        if nfree > 0 {
            prefix.push(instr(
                Op::Real(Opcode::CopyFreeVars),
                nfree as u32,
                Loc::NONE,
            ));
        }
        if ncells > 0 {
            let mut sorted = vec![0usize; ncells + nlocals];
            for (i, &f) in fixed.iter().take(ncells).enumerate() {
                if let Some(s) = sorted.get_mut(f) {
                    *s = i + 1;
                }
            }
            for s in sorted {
                if s > 0 {
                    prefix.push(instr(Op::Real(Opcode::MakeCell), (s - 1) as u32, Loc::NONE));
                }
            }
        }
        if generator {
            let loc = Loc {
                lineno: info.firstlineno,
                end_lineno: info.firstlineno,
                col: -1,
                end_col: -1,
            };
            prefix.push(instr(Op::Real(Opcode::ReturnGenerator), 0, loc));
            prefix.push(instr(Op::Real(Opcode::PopTop), 0, Loc::NONE));
        }
        let b = cfg.block_mut(entry);
        b.instrs.splice(0..0, prefix);
    }
    // fix_cell_offsets
    let mut dropped = 0;
    for (i, f) in fixed.iter_mut().enumerate() {
        if *f == i + nlocals {
            *f -= dropped;
        } else {
            dropped += 1;
        }
    }
    // Without cells or free variables no instruction has one to renumber.
    if ncells + nfree > 0 {
        for b in &mut cfg.blocks {
            for ins in &mut b.instrs {
                if ins.op.is_deref() {
                    if let Some(&f) = fixed.get(ins.arg as usize) {
                        ins.arg = f as u32;
                    }
                }
            }
        }
    }

    flow::optimize_cfg(&mut cfg, &mut consts);
    flow::duplicate_exits_without_lineno(&mut cfg);
    flow::propagate_line_numbers(&mut cfg);
    flow::guarantee_lineno_for_exits(&mut cfg, info.firstlineno);
    let maxdepth = flow::stackdepth(&mut cfg, generator);
    // Without `try` or `with` every handler is already `NO_BLOCK` (the
    // instructions' initial value). The NOP clean-up after the conversion
    // runs either way: earlier passes leave NOPs it removes.
    let handlers = flow::has_block_ops(&cfg);
    if handlers {
        flow::label_exception_targets(&mut cfg);
    }
    flow::convert_pseudo_to_nops(&mut cfg, handlers);
    let order = cfg.order();
    normalize_jumps(&mut cfg, &order);
    let units = resolve_offsets(&mut cfg, &order);

    // Both tables are written once with their final (code) or largest usual
    // (locations: about three bytes per instruction on average, four leaves
    // room for nearly every code object) sizes reserved, not grown push by
    // push; the location table gives back what it did not use. The
    // exception table is built in the same walk.
    let ninstrs: usize = order.iter().map(|&b| cfg.block(b).instrs.len()).sum();
    let mut code = Vec::with_capacity(2 * units as usize);
    let mut lines = LocationTableBuilder::with_capacity(info.firstlineno, 4 * ninstrs + 8);
    let mut exceptions = HandlerRanges::new(handlers);
    let mut offset = 0;
    let mut max_const = 0;
    for &b in &order {
        for ins in &cfg.block(b).instrs {
            let Op::Real(op) = ins.op else { continue };
            encode(&mut code, op, ins.arg);
            let units = encoded_size(op, ins.arg) as u32;
            lines.push(
                units,
                SourceLocation {
                    lineno: ins.loc.lineno,
                    end_lineno: ins.loc.end_lineno,
                    col_offset: ins.loc.col,
                    end_col_offset: ins.loc.end_col,
                },
            );
            if handlers {
                exceptions.at(&cfg, offset, ins.except);
            }
            if ins.op.reads_const() {
                max_const = max_const.max(ins.arg);
            }
            offset += units;
        }
    }
    let exceptiontable = exceptions.finish(&cfg, offset);
    flow::trim_unused_consts(&mut consts, max_const);
    cfg.recycle(pool);

    // compute_localsplus_info
    // The names move into the code object's strings, not copied.
    let total = info.varnames.len() + info.cellvars.len() + info.freevars.len();
    let mut localsplusnames: Vec<Arc<PyStr>> = Vec::with_capacity(total);
    let mut kinds = Vec::with_capacity(total);
    let own_cells: Vec<bool> = info
        .cellvars
        .iter()
        .map(|c| !info.varnames.contains(c))
        .collect();
    for v in info.varnames {
        let mut k = local_kind::LOCAL;
        if info.cellvars.contains(&v) {
            k |= local_kind::CELL;
        }
        localsplusnames.push(Arc::new(PyStr::from_boxed(v, true)));
        kinds.push(k);
    }
    for (c, own) in info.cellvars.into_iter().zip(own_cells) {
        if own {
            localsplusnames.push(Arc::new(PyStr::from_boxed(c, true)));
            kinds.push(local_kind::CELL);
        }
    }
    for f in info.freevars {
        localsplusnames.push(Arc::new(PyStr::from_boxed(f, true)));
        kinds.push(local_kind::FREE);
    }
    let Consts {
        list: mut const_list,
        index,
    } = consts;
    // Its keys share the constants: dropped first, interning can flag
    // strings in place instead of copying them (and every tuple).
    drop(index);
    const_list
        .iter_mut()
        .for_each(|c| intern_consts(c, &info.interned_singletons));
    CodeObject {
        argcount: info.argcount,
        posonlyargcount: info.posonlyargcount,
        kwonlyargcount: info.kwonlyargcount,
        stacksize: maxdepth,
        flags: info.flags,
        code,
        consts: const_list,
        names: info
            .names
            .into_iter()
            .map(|n| Arc::new(PyStr::from_boxed(n, true)))
            .collect(),
        localsplusnames,
        localspluskinds: kinds,
        filename: info.filename,
        name: info.name,
        qualname: info.qualname,
        firstlineno: info.firstlineno,
        linetable: lines.finish(),
        exceptiontable,
    }
}

/// `normalize_jumps`: virtual jumps become forward or backward opcodes.
#[inline(never)] // one entry per pass in profiles
fn normalize_jumps(cfg: &mut Cfg, order: &[BlockId]) {
    for b in &mut cfg.blocks {
        b.visited = false;
    }
    for &b in order {
        cfg.block_mut(b).visited = true;
        let Some(last) = cfg.block(b).instrs.last().copied() else {
            continue;
        };
        if !last.op.is_jump() {
            continue;
        }
        let forward = !cfg.block(last.target).visited;
        let new = match last.op {
            Op::Jump => {
                if forward {
                    Opcode::JumpForward
                } else {
                    Opcode::JumpBackward
                }
            }
            Op::JumpNoInterrupt => {
                if forward {
                    Opcode::JumpForward
                } else {
                    Opcode::JumpBackwardNoInterrupt
                }
            }
            Op::PopJumpIfFalse => {
                if forward {
                    Opcode::PopJumpForwardIfFalse
                } else {
                    Opcode::PopJumpBackwardIfFalse
                }
            }
            Op::PopJumpIfTrue => {
                if forward {
                    Opcode::PopJumpForwardIfTrue
                } else {
                    Opcode::PopJumpBackwardIfTrue
                }
            }
            Op::PopJumpIfNone => {
                if forward {
                    Opcode::PopJumpForwardIfNone
                } else {
                    Opcode::PopJumpBackwardIfNone
                }
            }
            Op::PopJumpIfNotNone => {
                if forward {
                    Opcode::PopJumpForwardIfNotNone
                } else {
                    Opcode::PopJumpBackwardIfNotNone
                }
            }
            Op::Real(op) => op,
            _ => continue,
        };
        if let Some(l) = cfg.block_mut(b).instrs.last_mut() {
            l.op = Op::Real(new);
        }
    }
}

fn instr_size(ins: &Instr) -> u32 {
    match ins.op {
        Op::Real(op) => encoded_size(op, ins.arg) as u32,
        _ => 1,
    }
}

/// `assemble_jump_offsets`: block offsets and jump arguments, repeated until the
/// `EXTENDED_ARG` prefixes they need stop changing. Returns the code's size in
/// code units. Only jumps change size from one round to the next, and a jump
/// always ends its block: the blocks' sizes are summed once, and each round
/// revisits the last instructions only.
#[inline(never)] // one entry per pass in profiles
fn resolve_offsets(cfg: &mut Cfg, order: &[BlockId]) -> u32 {
    for &b in order {
        let blk = cfg.block_mut(b);
        blk.size = blk.instrs.iter().map(instr_size).sum();
        debug_assert!(blk.instrs[..blk.instrs.len().saturating_sub(1)]
            .iter()
            .all(|i| !matches!(i.op, Op::Real(op) if op.arg_kind().is_jump())));
    }
    loop {
        let mut total = 0;
        for &b in order {
            let blk = cfg.block_mut(b);
            blk.offset = total;
            total += blk.size;
        }
        let mut extended = false;
        for &b in order {
            let blk = cfg.block(b);
            let Some(&last) = blk.instrs.last() else {
                continue;
            };
            let Op::Real(op) = last.op else { continue };
            if !op.arg_kind().is_jump() {
                continue;
            }
            // The jump's argument counts from the end of the jump: the end
            // of its block.
            let end = blk.offset + blk.size;
            let target = cfg.block(last.target).offset;
            let arg = if op.is_backward_jump() {
                end.saturating_sub(target)
            } else {
                target.saturating_sub(end)
            };
            let old_size = instr_size(&last);
            let new_size = encoded_size(op, arg) as u32;
            let blk = cfg.block_mut(b);
            if let Some(l) = blk.instrs.last_mut() {
                l.arg = arg;
            }
            if new_size != old_size {
                blk.size = blk.size - old_size + new_size;
                extended = true;
            }
        }
        if !extended {
            return total;
        }
    }
}

/// The exception table (`assemble_exception_table`), built while the code is
/// laid out: one entry per run of instructions with the same handler.
struct HandlerRanges {
    out: Vec<u8>,
    /// The current run's handler, `NO_BLOCK` for none.
    handler: BlockId,
    /// Where the current run starts, in code units.
    start: u32,
}

impl HandlerRanges {
    /// An empty table, with room for a few entries if the code has
    /// `handlers`.
    fn new(handlers: bool) -> Self {
        HandlerRanges {
            out: Vec::with_capacity(if handlers { 32 } else { 0 }),
            handler: NO_BLOCK,
            start: 0,
        }
    }

    /// The instruction at `offset` has `handler`.
    #[inline]
    fn at(&mut self, cfg: &Cfg, offset: u32, handler: BlockId) {
        if handler != self.handler {
            self.close(cfg, offset);
            self.start = offset;
            self.handler = handler;
        }
    }

    /// Ends the current run at `end`, writing its entry if it has a handler.
    fn close(&mut self, cfg: &Cfg, end: u32) {
        if self.handler == NO_BLOCK {
            return;
        }
        let hb = cfg.block(self.handler);
        push_exception_entry(
            &mut self.out,
            &ExceptionTableEntry {
                start: self.start * 2,
                end: end * 2,
                target: hb.offset * 2,
                depth: hb
                    .startdepth
                    .saturating_sub(1 + i32::from(hb.preserve_lasti))
                    .max(0) as u32,
                lasti: hb.preserve_lasti,
            },
        );
    }

    /// The table, once the code ends at `end`.
    fn finish(mut self, cfg: &Cfg, end: u32) -> Vec<u8> {
        self.close(cfg, end);
        self.out
    }
}
