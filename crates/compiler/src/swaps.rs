//! `swaptimize` and `apply_static_swaps` of CPython 3.11: runs of `SWAP`s become
//! the shortest equivalent run, and `SWAP`s before stores are done statically by
//! reordering the stores.

use pith_bytecode::Opcode;

use crate::ir::{BlockId, Cfg, Instr, Op};

const SWAP: Op = Op::Real(Opcode::Swap);

fn swappable(op: Op) -> bool {
    matches!(op, Op::Real(Opcode::StoreFast | Opcode::PopTop))
}

fn stores_to(i: &Instr) -> Option<u32> {
    (i.op == Op::Real(Opcode::StoreFast)).then_some(i.arg)
}

/// Rewrites the run of `SWAP`/`NOP` starting at `ix`; returns the index of its
/// last instruction.
pub(crate) fn swaptimize(cfg: &mut Cfg, id: BlockId, ix: usize) -> usize {
    let instrs = &mut cfg.block_mut(id).instrs;
    let run = &mut instrs[ix..];
    let mut depth = run[0].arg as usize;
    let mut len = 0;
    let mut more = false;
    let limit = run.len();
    loop {
        len += 1;
        if len >= limit {
            break;
        }
        if run[len].op == SWAP {
            depth = depth.max(run[len].arg as usize);
            more = true;
        } else if run[len].op != Op::NOP {
            break;
        }
    }
    if !more || depth == 0 {
        return ix;
    }
    const VISITED: usize = usize::MAX;
    let mut stack: Vec<usize> = (0..depth).collect();
    for ins in &run[..len] {
        if ins.op == SWAP {
            let o = ins.arg as usize;
            if o == 0 || o > depth {
                return ix;
            }
            stack.swap(0, o - 1);
        }
    }
    let mut current = len as isize - 1;
    for i in 0..depth {
        if stack[i] == VISITED || stack[i] == i {
            continue;
        }
        let mut j = i;
        loop {
            if j != 0 {
                if current < 0 {
                    return ix;
                }
                run[current as usize].op = SWAP;
                run[current as usize].arg = j as u32 + 1;
                current -= 1;
            }
            if stack[j] == VISITED {
                break;
            }
            let next_j = stack[j];
            stack[j] = VISITED;
            j = next_j;
        }
    }
    while current >= 0 {
        run[current as usize].op = Op::NOP;
        current -= 1;
    }
    ix + len - 1
}

fn next_swappable(instrs: &[Instr], mut i: usize, lineno: Option<i32>) -> Option<usize> {
    loop {
        i += 1;
        let ins = instrs.get(i)?;
        if let Some(l) = lineno {
            if l >= 0 && ins.loc.lineno != l {
                return None;
            }
        }
        if ins.op == Op::NOP {
            continue;
        }
        return swappable(ins.op).then_some(i);
    }
}

/// Replaces `SWAP`s to the left of `i` by reordering the stores that follow.
pub(crate) fn apply_static_swaps(cfg: &mut Cfg, id: BlockId, i: usize) {
    let instrs = &mut cfg.block_mut(id).instrs;
    let mut i = i as isize;
    while i >= 0 {
        let iu = i as usize;
        let swap = instrs[iu];
        if swap.op != SWAP {
            if swap.op == Op::NOP || swappable(swap.op) {
                i -= 1;
                continue;
            }
            return;
        }
        let Some(j) = next_swappable(instrs, iu, None) else {
            return;
        };
        let mut k = j;
        let lineno = instrs[j].loc.lineno;
        let mut count = swap.arg as i64 - 1;
        while count > 0 {
            match next_swappable(instrs, k, Some(lineno)) {
                Some(n) => k = n,
                None => return,
            }
            count -= 1;
        }
        let (sj, sk) = (stores_to(&instrs[j]), stores_to(&instrs[k]));
        if sj.is_some() || sk.is_some() {
            if sj == sk {
                return;
            }
            for ins in &instrs[j + 1..k] {
                let s = stores_to(ins);
                if s.is_some() && (s == sj || s == sk) {
                    return;
                }
            }
        }
        instrs[iu].op = Op::NOP;
        instrs.swap(j, k);
        i -= 1;
    }
}
