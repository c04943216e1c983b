//! Flow-graph clean-ups of CPython 3.11's assembler (Python/compile.c): block
//! normalisation, peephole optimisation and jump threading, dead-code removal,
//! NOP removal, exit duplication and line-number propagation.

use std::sync::Arc;

use pith_bytecode::{Constant, Opcode};

use crate::ir::{BlockId, Cfg, Instr, Loc, Op, NO_BLOCK};

/// The constants of the code object being assembled (`u_consts`).
pub(crate) struct Consts {
    pub list: Vec<Constant>,
    pub index: crate::fxhash::FxHashMap<Constant, u32>,
}

impl Consts {
    pub fn new() -> Self {
        // Room for a typical function's constants: growing the map rehashes
        // every constant (strings byte by byte) at each doubling.
        Consts {
            list: Vec::with_capacity(16),
            index: crate::fxhash::FxHashMap::with_capacity_and_hasher(32, Default::default()),
        }
    }

    pub fn add(&mut self, c: Constant) -> u32 {
        // `_PyCode_ConstantKey` wraps a float in a tuple that compares its
        // objects with `==`: a NaN never equals another NaN object.
        if has_nan(&c) {
            self.list.push(c);
            return (self.list.len() - 1) as u32;
        }
        // One hash and probe: a new constant's slot is filled in place.
        match self.index.entry(c) {
            std::collections::hash_map::Entry::Occupied(e) => *e.get(),
            std::collections::hash_map::Entry::Vacant(e) => {
                let i = self.list.len() as u32;
                self.list.push(e.key().clone());
                e.insert(i);
                i
            }
        }
    }
}

fn has_nan(c: &Constant) -> bool {
    match c {
        Constant::Float(f) => f.is_nan(),
        Constant::Complex { re, im } => re.is_nan() || im.is_nan(),
        Constant::Tuple(t) | Constant::FrozenSet(t) => t.iter().any(has_nan),
        _ => false,
    }
}

const MAX_COPY_SIZE: usize = 4;

fn skip_empty(cfg: &Cfg, mut b: BlockId) -> BlockId {
    while cfg.block(b).instrs.is_empty() {
        match cfg.block(b).next {
            Some(n) => b = n,
            None => break,
        }
    }
    b
}

/// `normalize_basic_block` for every block. Jumps and scope exits only ever
/// end a block (`Cfg::push` starts a new one after them; compile.c checks
/// the same and calls anything else a malformed graph), so only the last
/// instruction of each block is read.
#[inline(never)] // one entry per pass in profiles
pub(crate) fn normalize(cfg: &mut Cfg) {
    for id in 0..cfg.blocks.len() as BlockId {
        let Some(&last) = cfg.block(id).instrs.last() else {
            continue;
        };
        debug_assert!(cfg.block(id).instrs[..cfg.block(id).instrs.len() - 1]
            .iter()
            .all(|i| !i.op.ends_block()));
        if last.op.is_scope_exit() {
            let b = cfg.block_mut(id);
            b.exit = true;
            b.nofallthrough = true;
        } else if last.op.is_jump() {
            let t = skip_empty(cfg, last.target);
            let b = cfg.block_mut(id);
            b.nofallthrough |= last.op.is_unconditional_jump();
            if let Some(l) = b.instrs.last_mut() {
                l.target = t;
            }
        }
    }
}

/// Blocks in creation order, newest first (`b_list`).
fn list_order(cfg: &Cfg) -> impl Iterator<Item = BlockId> {
    (0..cfg.blocks.len() as BlockId).rev()
}

/// `extend_block`: a jump to a short exit block gets a copy of that block.
fn extend_block(cfg: &mut Cfg, id: BlockId) {
    let Some(last) = cfg.block(id).instrs.last().copied() else {
        return;
    };
    if !matches!(
        last.op,
        Op::Jump | Op::Real(Opcode::JumpForward | Opcode::JumpBackward)
    ) {
        return;
    }
    let target = cfg.block(last.target);
    // Only blocks without line numbers (implicit `return None`s) are copied.
    if target.exit
        && target.instrs.len() <= MAX_COPY_SIZE
        && target.instrs.iter().all(|i| i.loc.lineno <= 0)
    {
        let copy = target.instrs.clone();
        let b = cfg.block_mut(id);
        if let Some(l) = b.instrs.last_mut() {
            l.op = Op::NOP;
        }
        b.instrs.extend(copy);
        b.exit = true;
        b.nofallthrough = true;
    }
}

#[inline(never)] // one entry per pass in profiles
pub(crate) fn extend_blocks(cfg: &mut Cfg) {
    for id in list_order(cfg) {
        extend_block(cfg, id);
    }
}

fn jump_thread(ins: &mut Instr, target: &Instr, op: Op) -> bool {
    if ins.loc.lineno == target.loc.lineno && ins.target != target.target {
        ins.target = target.target;
        ins.op = op;
        return true;
    }
    false
}

fn is_true(c: &Constant) -> bool {
    match c {
        Constant::None => false,
        Constant::Ellipsis | Constant::Code(_) => true,
        Constant::Bool(b) => *b,
        Constant::Int(v) => *v != 0,
        Constant::BigInt(_) => true,
        Constant::Float(f) => *f != 0.0,
        Constant::Complex { re, im } => *re != 0.0 || *im != 0.0,
        Constant::Str(s) => !s.as_bytes().is_empty(),
        Constant::Bytes(b) => !b.is_empty(),
        Constant::Tuple(t) | Constant::FrozenSet(t) => !t.is_empty(),
    }
}

/// `optimize_basic_block`.
fn optimize_block(cfg: &mut Cfg, id: BlockId, consts: &mut Consts) {
    let mut i: isize = 0;
    while (i as usize) < cfg.block(id).instrs.len() {
        // Most instructions are none of those rewritten below and have no
        // target to normalise: skip to the next one that is.
        let Some(skip) = cfg.block(id).instrs[i as usize..]
            .iter()
            .position(|ins| ins.op.has_target() || ins.op.is_peephole_candidate())
        else {
            break;
        };
        i += skip as isize;
        let iu = i as usize;
        let n = cfg.block(id).instrs.len();
        let mut inst = cfg.block(id).instrs[iu];
        let nextop = if iu + 1 < n {
            Some(cfg.block(id).instrs[iu + 1].op)
        } else {
            None
        };
        let target = if inst.op.has_target() {
            let t = skip_empty(cfg, inst.target);
            inst.target = t;
            cfg.block_mut(id).instrs[iu].target = t;
            cfg.block(t).instrs.first().copied()
        } else {
            None
        };
        let t_op = target.map(|t| t.op);
        match inst.op {
            Op::Real(Opcode::LoadConst) => {
                let Some(c) = consts.list.get(inst.arg as usize) else {
                    i += 1;
                    continue;
                };
                match nextop {
                    Some(Op::PopJumpIfFalse | Op::PopJumpIfTrue) => {
                        let truth = is_true(c);
                        let jump_if_true = nextop == Some(Op::PopJumpIfTrue);
                        let b = cfg.block_mut(id);
                        b.instrs[iu].op = Op::NOP;
                        if truth == jump_if_true {
                            b.instrs[iu + 1].op = Op::Jump;
                            b.nofallthrough = true;
                        } else {
                            b.instrs[iu + 1].op = Op::NOP;
                        }
                    }
                    Some(Op::Real(Opcode::JumpIfFalseOrPop | Opcode::JumpIfTrueOrPop)) => {
                        let truth = is_true(c);
                        let jump_if_true = nextop == Some(Op::Real(Opcode::JumpIfTrueOrPop));
                        let b = cfg.block_mut(id);
                        if truth == jump_if_true {
                            b.instrs[iu + 1].op = Op::Jump;
                            b.nofallthrough = true;
                        } else {
                            b.instrs[iu].op = Op::NOP;
                            b.instrs[iu + 1].op = Op::NOP;
                        }
                    }
                    Some(Op::Real(Opcode::IsOp)) => {
                        let b = cfg.block_mut(id);
                        let jump_op = b.instrs.get(iu + 2).map(|x| x.op);
                        if matches!(c, Constant::None)
                            && matches!(jump_op, Some(Op::PopJumpIfFalse | Op::PopJumpIfTrue))
                        {
                            let nextarg = b.instrs[iu + 1].arg != 0;
                            b.instrs[iu].op = Op::NOP;
                            b.instrs[iu + 1].op = Op::NOP;
                            let is_false = jump_op == Some(Op::PopJumpIfFalse);
                            b.instrs[iu + 2].op = if nextarg ^ is_false {
                                Op::PopJumpIfNotNone
                            } else {
                                Op::PopJumpIfNone
                            };
                        }
                    }
                    _ => {}
                }
            }
            Op::Real(Opcode::BuildTuple) => {
                let oparg = inst.arg as usize;
                if let Some(Op::Real(Opcode::UnpackSequence)) = nextop {
                    if cfg.block(id).instrs[iu + 1].arg as usize == oparg {
                        match oparg {
                            1 => {
                                let b = cfg.block_mut(id);
                                b.instrs[iu].op = Op::NOP;
                                b.instrs[iu + 1].op = Op::NOP;
                                i += 1;
                                continue;
                            }
                            2 | 3 => {
                                let b = cfg.block_mut(id);
                                b.instrs[iu].op = Op::NOP;
                                b.instrs[iu + 1].op = Op::Real(Opcode::Swap);
                                i += 1;
                                continue;
                            }
                            _ => {}
                        }
                    }
                }
                if iu >= oparg {
                    fold_tuple(cfg, id, iu, oparg, consts);
                }
            }
            Op::Real(Opcode::JumpIfFalseOrPop) | Op::Real(Opcode::JumpIfTrueOrPop) => {
                let Some(t) = target else {
                    i += 1;
                    continue;
                };
                let is_false = inst.op == Op::Real(Opcode::JumpIfFalseOrPop);
                let (same_pop, same_keep, other_keep, other_pop) = if is_false {
                    (
                        Op::PopJumpIfFalse,
                        Op::Real(Opcode::JumpIfFalseOrPop),
                        Op::Real(Opcode::JumpIfTrueOrPop),
                        Op::PopJumpIfTrue,
                    )
                } else {
                    (
                        Op::PopJumpIfTrue,
                        Op::Real(Opcode::JumpIfTrueOrPop),
                        Op::Real(Opcode::JumpIfFalseOrPop),
                        Op::PopJumpIfFalse,
                    )
                };
                if t_op == Some(same_pop) {
                    if jump_thread(&mut inst, &t, same_pop) {
                        cfg.block_mut(id).instrs[iu] = inst;
                        i -= 1;
                    }
                } else if t_op == Some(Op::Jump) || t_op == Some(same_keep) {
                    if jump_thread(&mut inst, &t, same_keep) {
                        cfg.block_mut(id).instrs[iu] = inst;
                        i -= 1;
                    }
                } else if (t_op == Some(other_keep) || t_op == Some(other_pop))
                    && inst.loc.lineno == t.loc.lineno
                {
                    if let Some(next) = cfg.block(inst.target).next {
                        let b = cfg.block_mut(id);
                        b.instrs[iu].op = same_pop;
                        b.instrs[iu].target = next;
                        i -= 1;
                    }
                }
            }
            Op::PopJumpIfNone
            | Op::PopJumpIfNotNone
            | Op::PopJumpIfFalse
            | Op::PopJumpIfTrue
            | Op::Jump => {
                if let Some(t) = target {
                    let op = inst.op;
                    if t.op == Op::Jump && jump_thread(&mut inst, &t, op) {
                        cfg.block_mut(id).instrs[iu] = inst;
                        i -= 1;
                    }
                }
            }
            Op::Real(Opcode::Swap) => {
                if inst.arg == 1 {
                    cfg.block_mut(id).instrs[iu].op = Op::NOP;
                } else {
                    let ni = crate::swaps::swaptimize(cfg, id, iu);
                    crate::swaps::apply_static_swaps(cfg, id, ni);
                    i = ni as isize;
                }
            }
            Op::Real(Opcode::PushNull) => {
                if let Some(Op::Real(Opcode::LoadGlobal)) = nextop {
                    let b = cfg.block_mut(id);
                    if b.instrs[iu + 1].arg & 1 == 0 {
                        b.instrs[iu].op = Op::NOP;
                        b.instrs[iu].arg = 0;
                        b.instrs[iu + 1].arg |= 1;
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
}

/// `fold_tuple_on_constants`: `LOAD_CONST`s then `BUILD_TUPLE n` become one constant.
fn fold_tuple(cfg: &mut Cfg, id: BlockId, at: usize, n: usize, consts: &mut Consts) {
    let b = cfg.block(id);
    let start = at - n;
    let mut items = Vec::with_capacity(n);
    for ins in &b.instrs[start..at] {
        if ins.op != Op::Real(Opcode::LoadConst) {
            return;
        }
        match consts.list.get(ins.arg as usize) {
            Some(c) => items.push(c.clone()),
            None => return,
        }
    }
    let idx = consts.add(Constant::Tuple(Arc::from(items)));
    let b = cfg.block_mut(id);
    for ins in &mut b.instrs[start..at] {
        ins.op = Op::NOP;
    }
    b.instrs[at].op = Op::Real(Opcode::LoadConst);
    b.instrs[at].arg = idx;
}

/// `clean_basic_block`: removes NOPs that carry no needed line number.
fn clean_block(cfg: &mut Cfg, id: BlockId) {
    // Only NOPs are removed: most blocks have none, and need neither the
    // look-ahead for the next line number nor the compaction. Instructions
    // before the first NOP stay where they are.
    let Some(first) = cfg.block(id).instrs.iter().position(|i| i.op == Op::NOP) else {
        return;
    };
    let next_lineno = next_lineno(cfg, id);
    let b = cfg.block_mut(id);
    let mut prev_lineno = match first {
        0 => -1,
        _ => b.instrs[first - 1].loc.lineno,
    };
    let mut dest = first;
    let len = b.instrs.len();
    for src in first..len {
        let lineno = b.instrs[src].loc.lineno;
        if b.instrs[src].op == Op::NOP {
            if lineno < 0 || prev_lineno == lineno {
                continue;
            }
            if src + 1 < len {
                let nl = b.instrs[src + 1].loc.lineno;
                if nl == lineno {
                    continue;
                }
                if nl < 0 {
                    b.instrs[src + 1].loc = b.instrs[src].loc;
                    continue;
                }
            } else if next_lineno == Some(lineno) {
                continue;
            }
        }
        if dest != src {
            b.instrs[dest] = b.instrs[src];
        }
        dest += 1;
        prev_lineno = lineno;
    }
    b.instrs.truncate(dest);
}

/// The line of the first instruction after block `id` in layout order.
fn next_lineno(cfg: &Cfg, id: BlockId) -> Option<i32> {
    let mut next = cfg.block(id).next;
    while let Some(n) = next {
        match cfg.block(n).instrs.first() {
            Some(first) => return Some(first.loc.lineno),
            None => next = cfg.block(n).next,
        }
    }
    None
}

#[inline(never)] // one entry per pass in profiles
fn mark_reachable(cfg: &mut Cfg) {
    for b in &mut cfg.blocks {
        b.predecessors = 0;
    }
    let entry = cfg.entry;
    cfg.block_mut(entry).predecessors = 1;
    let mut stack = Vec::with_capacity(cfg.blocks.len());
    stack.push(entry);
    while let Some(b) = stack.pop() {
        let blk = cfg.block(b);
        if let Some(n) = blk.next.filter(|_| !blk.nofallthrough) {
            if cfg.block(n).predecessors == 0 {
                stack.push(n);
            }
            cfg.block_mut(n).predecessors += 1;
        }
        // The block's instructions are set aside while its targets' counts
        // change (a block may jump to itself).
        let instrs = std::mem::take(&mut cfg.block_mut(b).instrs);
        for ins in instrs.iter().filter(|i| i.op.has_target()) {
            let tb = cfg.block_mut(ins.target);
            if tb.predecessors == 0 {
                stack.push(ins.target);
            }
            tb.predecessors += 1;
        }
        cfg.block_mut(b).instrs = instrs;
    }
}

#[inline(never)] // one entry per pass in profiles
fn eliminate_empty_blocks(cfg: &mut Cfg) {
    // Every block of the layout, relinked or not, in the order it had.
    let mut walk = Some(cfg.entry);
    while let Some(id) = walk {
        walk = cfg.block(id).next;
        if let Some(mut next) = cfg.block(id).next {
            while cfg.block(next).instrs.is_empty() {
                match cfg.block(next).next {
                    Some(n) => next = n,
                    None => break,
                }
            }
            cfg.block_mut(id).next = Some(next);
        }
    }
    let mut walk = Some(cfg.entry);
    while let Some(id) = walk {
        walk = cfg.block(id).next;
        let Some(last) = cfg.block(id).instrs.last().copied() else {
            continue;
        };
        if last.op.is_jump() {
            let t = skip_empty(cfg, last.target);
            if let Some(l) = cfg.block_mut(id).instrs.last_mut() {
                l.target = t;
            }
        }
    }
}

/// `optimize_cfg`.
#[inline(never)] // one entry per pass in profiles
pub(crate) fn optimize_cfg(cfg: &mut Cfg, consts: &mut Consts) {
    let mut walk = Some(cfg.entry);
    while let Some(id) = walk {
        walk = cfg.block(id).next;
        optimize_block(cfg, id, consts);
        clean_block(cfg, id);
    }
    extend_blocks(cfg);
    mark_reachable(cfg);
    let mut walk = Some(cfg.entry);
    while let Some(id) = walk {
        walk = cfg.block(id).next;
        if cfg.block(id).predecessors == 0 {
            let b = cfg.block_mut(id);
            b.instrs.clear();
            b.nofallthrough = false;
        }
    }
    eliminate_empty_blocks(cfg);
    let mut walk = Some(cfg.entry);
    while let Some(id) = walk {
        walk = cfg.block(id).next;
        clean_block(cfg, id);
    }
    let mut maybe_empty = false;
    let mut walk = Some(cfg.entry);
    while let Some(id) = walk {
        walk = cfg.block(id).next;
        let next = cfg.block(id).next;
        let b = cfg.block_mut(id);
        if let Some(last) = b.instrs.last_mut() {
            if last.op.is_unconditional_jump() && Some(last.target) == next {
                last.op = Op::NOP;
                b.nofallthrough = false;
                maybe_empty = true;
            }
        }
    }
    if maybe_empty {
        eliminate_empty_blocks(cfg);
    }
}

fn is_exit_without_lineno(cfg: &Cfg, b: BlockId) -> bool {
    let blk = cfg.block(b);
    blk.exit && blk.instrs.iter().all(|i| i.loc.lineno < 0)
}

/// `duplicate_exits_without_lineno`.
#[inline(never)] // one entry per pass in profiles
pub(crate) fn duplicate_exits_without_lineno(cfg: &mut Cfg) {
    // compile.c walks `b_list`: newest block first, and not the copies
    // made on the way.
    for id in list_order(cfg) {
        let Some(last) = cfg.block(id).instrs.last().copied() else {
            continue;
        };
        if !last.op.is_jump() {
            continue;
        }
        let target = last.target;
        if is_exit_without_lineno(cfg, target) && cfg.block(target).predecessors > 1 {
            let mut copy = cfg.block(target).clone();
            if let Some(first) = copy.instrs.first_mut() {
                first.loc = last.loc;
            }
            copy.predecessors = 1;
            copy.next = cfg.block(target).next;
            let new_id = cfg.blocks.len() as BlockId;
            cfg.blocks.push(copy);
            cfg.block_mut(target).predecessors -= 1;
            cfg.block_mut(target).next = Some(new_id);
            if let Some(l) = cfg.block_mut(id).instrs.last_mut() {
                l.target = new_id;
            }
        }
    }
    for id in list_order(cfg) {
        while let Some(n) = cfg.block(id).next {
            if cfg.block(n).instrs.is_empty() {
                let nn = cfg.block(n).next;
                cfg.block_mut(id).next = nn;
            } else {
                break;
            }
        }
    }
    for id in list_order(cfg) {
        let b = cfg.block(id);
        if b.nofallthrough || b.instrs.is_empty() {
            continue;
        }
        let Some(next) = b.next else { continue };
        let loc = b.instrs[b.instrs.len() - 1].loc;
        if is_exit_without_lineno(cfg, next) {
            if let Some(first) = cfg.block_mut(next).instrs.first_mut() {
                first.loc = loc;
            }
        }
    }
}

/// `trim_unused_consts`: drops constants after the last one any instruction
/// uses; `max_used` is the largest index an instruction reads (0 if none).
/// The assembler finds it while writing the code, rather than in a pass of
/// its own: the passes in between neither add nor drop constant readers.
pub(crate) fn trim_unused_consts(consts: &mut Consts, max_used: u32) {
    consts.list.truncate(max_used as usize + 1);
}

/// `propagate_line_numbers`.
#[inline(never)] // one entry per pass in profiles
pub(crate) fn propagate_line_numbers(cfg: &mut Cfg) {
    let mut walk = Some(cfg.entry);
    while let Some(id) = walk {
        walk = cfg.block(id).next;
        if cfg.block(id).instrs.is_empty() {
            continue;
        }
        let mut prev = Loc::NONE;
        for ins in &mut cfg.block_mut(id).instrs {
            if ins.loc.lineno < 0 {
                ins.loc = prev;
            } else {
                prev = ins.loc;
            }
        }
        let b = cfg.block(id);
        let last = b.instrs[b.instrs.len() - 1];
        if !b.nofallthrough {
            if let Some(next) = b.next {
                let nb = cfg.block_mut(next);
                if nb.predecessors == 1 {
                    if let Some(first) = nb.instrs.first_mut() {
                        if first.loc.lineno < 0 {
                            first.loc = prev;
                        }
                    }
                }
            }
        }
        if last.op.is_jump() {
            let tb = cfg.block_mut(last.target);
            if tb.predecessors == 1 {
                if let Some(first) = tb.instrs.first_mut() {
                    if first.loc.lineno < 0 {
                        first.loc = prev;
                    }
                }
            }
        }
    }
}

/// `guarantee_lineno_for_exits`.
#[inline(never)] // one entry per pass in profiles
pub(crate) fn guarantee_lineno_for_exits(cfg: &mut Cfg, firstlineno: i32) {
    let mut lineno = firstlineno;
    let mut walk = Some(cfg.entry);
    while let Some(id) = walk {
        walk = cfg.block(id).next;
        let b = cfg.block_mut(id);
        let Some(last) = b.instrs.last().copied() else {
            continue;
        };
        if last.loc.lineno < 0 {
            if last.op == Op::Real(Opcode::ReturnValue) {
                for i in &mut b.instrs {
                    i.loc.lineno = lineno;
                }
            }
        } else {
            lineno = last.loc.lineno;
        }
    }
}

/// `stackdepth`: the maximum depth, and every reachable block's start depth.
#[inline(never)] // one entry per pass in profiles
pub(crate) fn stackdepth(cfg: &mut Cfg, generator: bool) -> u32 {
    // Start depths live apart from the blocks while the walk reads their
    // instructions; `i32::MIN` marks a block not reached yet.
    let mut starts = vec![i32::MIN; cfg.blocks.len()];
    let mut stack: Vec<BlockId> = Vec::with_capacity(cfg.blocks.len());
    let push = |starts: &mut [i32], stack: &mut Vec<BlockId>, b: BlockId, depth: i32| {
        let start = &mut starts[b as usize];
        if *start < depth && *start < 100 {
            *start = depth;
            stack.push(b);
        }
    };
    let mut maxdepth = 0;
    push(&mut starts, &mut stack, cfg.entry, i32::from(generator));
    while let Some(b) = stack.pop() {
        let blk = cfg.block(b);
        let mut depth = starts[b as usize];
        let mut falls_through = true;
        for ins in &blk.instrs {
            let new_depth = depth.saturating_add(ins.op.stack_effect(ins.arg, false));
            maxdepth = maxdepth.max(new_depth);
            if ins.op.has_target() {
                let target_depth = depth.saturating_add(ins.op.stack_effect(ins.arg, true));
                maxdepth = maxdepth.max(target_depth);
                push(&mut starts, &mut stack, ins.target, target_depth);
            }
            depth = new_depth;
            if ins.op.stops_flow() {
                falls_through = false;
                break;
            }
        }
        if let Some(n) = blk.next.filter(|_| falls_through) {
            push(&mut starts, &mut stack, n, depth);
        }
    }
    for (blk, start) in cfg.blocks.iter_mut().zip(starts) {
        blk.startdepth = start;
    }
    maxdepth.max(0) as u32
}

/// Whether any instruction is an exception-block pseudo-instruction
/// (`SETUP_*`, `POP_BLOCK`): code without `try` or `with` has none, and then
/// every instruction's handler is `NO_BLOCK`.
pub(crate) fn has_block_ops(cfg: &Cfg) -> bool {
    cfg.blocks
        .iter()
        .any(|b| b.instrs.iter().any(|i| i.op.is_pseudo()))
}

/// One entry of a handler stack in [`label_exception_targets`]: stacks share
/// their bottoms, so a block's entry stack is an index, not a copy.
#[derive(Clone, Copy)]
struct HandlerNode {
    handler: BlockId,
    parent: u32,
    depth: u32,
}

/// `label_exception_targets`: the handler in effect at every instruction.
pub(crate) fn label_exception_targets(cfg: &mut Cfg) {
    for b in &mut cfg.blocks {
        b.visited = false;
    }
    // Node 0 is the bottom of every stack: no handler.
    let mut nodes = vec![HandlerNode {
        handler: NO_BLOCK,
        parent: 0,
        depth: 1,
    }];
    let entry = cfg.entry;
    let mut todo: Vec<(BlockId, u32)> = vec![(entry, 0)];
    cfg.block_mut(entry).visited = true;
    while let Some((b, mut top)) = todo.pop() {
        let n = cfg.block(b).instrs.len();
        for i in 0..n {
            let ins = cfg.block(b).instrs[i];
            if ins.op.is_block_push() {
                if !cfg.block(ins.target).visited {
                    cfg.block_mut(ins.target).visited = true;
                    todo.push((ins.target, top));
                }
                if matches!(ins.op, Op::SetupWith | Op::SetupCleanup) {
                    cfg.block_mut(ins.target).preserve_lasti = true;
                }
                let depth = nodes[top as usize].depth + 1;
                nodes.push(HandlerNode {
                    handler: ins.target,
                    parent: top,
                    depth,
                });
                top = (nodes.len() - 1) as u32;
            } else if ins.op == Op::PopBlock {
                let node = nodes[top as usize];
                if node.depth > 1 {
                    top = node.parent;
                }
            } else {
                cfg.block_mut(b).instrs[i].except = nodes[top as usize].handler;
                if ins.op.is_jump() && !cfg.block(ins.target).visited {
                    cfg.block_mut(ins.target).visited = true;
                    todo.push((ins.target, top));
                }
            }
        }
        let blk = cfg.block(b);
        if !blk.nofallthrough {
            if let Some(next) = blk.next {
                if !cfg.block(next).visited {
                    cfg.block_mut(next).visited = true;
                    todo.push((next, top));
                }
            }
        }
    }
}

/// `convert_exception_handlers_to_nops`, then the NOP clean-up that follows
/// it, block by block (the clean-up of a block reads no other block's
/// operations, only the next block's first line). Without `try` or `with`
/// there are no pseudo-instructions to convert (`handlers` is false).
#[inline(never)] // one entry per pass in profiles
pub(crate) fn convert_pseudo_to_nops(cfg: &mut Cfg, handlers: bool) {
    let mut walk = Some(cfg.entry);
    while let Some(id) = walk {
        walk = cfg.block(id).next;
        if handlers {
            for i in &mut cfg.block_mut(id).instrs {
                if i.op.is_pseudo() {
                    i.op = Op::NOP;
                }
            }
        }
        clean_block(cfg, id);
    }
}
