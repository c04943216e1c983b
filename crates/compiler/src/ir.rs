//! The compiler's intermediate form: instructions with symbolic jump targets in
//! basic blocks, as `struct instr` and `basicblock` in Python/compile.c (3.11).

use pith_bytecode::Opcode;

/// An instruction's operation: a real 3.11 opcode, or one of compile.c's virtual
/// opcodes that the assembler rewrites (jumps get a direction; block set-ups become
/// exception-table entries).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Op {
    Real(Opcode),
    SetupFinally,
    SetupCleanup,
    SetupWith,
    PopBlock,
    Jump,
    JumpNoInterrupt,
    PopJumpIfFalse,
    PopJumpIfTrue,
    PopJumpIfNone,
    PopJumpIfNotNone,
}

/// Properties of an [`Op`], as bits of [`Op::flags`].
mod op_flag {
    pub const JUMP: u16 = 1;
    pub const BLOCK_PUSH: u16 = 2;
    pub const UNCONDITIONAL: u16 = 4;
    pub const SCOPE_EXIT: u16 = 8;
    /// `SETUP_*` or `POP_BLOCK`: gone once exception labels are computed.
    pub const PSEUDO: u16 = 16;
    /// Jumps to a target (jumps and block set-ups).
    pub const HAS_TARGET: u16 = 32;
    /// An instruction the peephole pass rewrites (`optimize_basic_block`'s
    /// cases other than jumps).
    pub const PEEPHOLE: u16 = 64;
    /// An instruction whose argument is a cell or free variable index.
    pub const DEREF: u16 = 128;
    /// An instruction whose argument indexes the constants (`LOAD_CONST`,
    /// `KW_NAMES`).
    pub const CONST: u16 = 256;
}

/// The flags of one operation, as [`OP_FLAGS`] stores them under its byte.
const fn flags_of(op: Op) -> u16 {
    use op_flag::*;
    match op {
        Op::Real(
            Opcode::JumpIfFalseOrPop | Opcode::JumpIfTrueOrPop | Opcode::ForIter | Opcode::Send,
        ) => JUMP | HAS_TARGET,
        Op::Real(Opcode::ReturnValue | Opcode::RaiseVarargs | Opcode::Reraise) => SCOPE_EXIT,
        Op::Real(Opcode::LoadConst) => PEEPHOLE | CONST,
        Op::Real(Opcode::KwNames) => CONST,
        Op::Real(Opcode::BuildTuple | Opcode::Swap | Opcode::PushNull) => PEEPHOLE,
        Op::Real(
            Opcode::MakeCell
            | Opcode::LoadClosure
            | Opcode::LoadDeref
            | Opcode::StoreDeref
            | Opcode::DeleteDeref
            | Opcode::LoadClassderef,
        ) => DEREF,
        Op::Real(_) => 0,
        Op::SetupFinally | Op::SetupCleanup | Op::SetupWith => BLOCK_PUSH | HAS_TARGET | PSEUDO,
        Op::PopBlock => PSEUDO,
        Op::Jump | Op::JumpNoInterrupt => JUMP | UNCONDITIONAL | HAS_TARGET,
        Op::PopJumpIfFalse | Op::PopJumpIfTrue | Op::PopJumpIfNone | Op::PopJumpIfNotNone => {
            JUMP | HAS_TARGET
        }
    }
}

/// The virtual operations, for the tables below.
const VIRTUAL_OPS: [Op; 10] = [
    Op::SetupFinally,
    Op::SetupCleanup,
    Op::SetupWith,
    Op::PopBlock,
    Op::Jump,
    Op::JumpNoInterrupt,
    Op::PopJumpIfFalse,
    Op::PopJumpIfTrue,
    Op::PopJumpIfNone,
    Op::PopJumpIfNotNone,
];

/// [`flags_of`] every operation, indexed by the operation's byte: the passes
/// ask these questions of every instruction, and one load is cheaper than
/// telling the virtual operations from the real ones first.
const OP_FLAGS: [u16; 256] = {
    let mut t = [0u16; 256];
    let mut i = 0;
    while i < 256 {
        if let Some(op) = Opcode::from_u8(i as u8) {
            t[Op::Real(op).byte() as usize] = flags_of(Op::Real(op));
        }
        i += 1;
    }
    let mut k = 0;
    while k < VIRTUAL_OPS.len() {
        t[VIRTUAL_OPS[k].byte() as usize] = flags_of(VIRTUAL_OPS[k]);
        k += 1;
    }
    t
};

/// `stack_effect(opcode, oparg, jump)` of compile.c where it does not depend
/// on the argument (all virtual operations, most opcodes).
const fn fixed_stack_effect(op: Op, jump: bool) -> Option<i32> {
    match op {
        Op::SetupFinally | Op::SetupWith => Some(jump as i32),
        Op::SetupCleanup => Some(if jump { 2 } else { 0 }),
        Op::PopBlock | Op::Jump | Op::JumpNoInterrupt => Some(0),
        Op::PopJumpIfFalse | Op::PopJumpIfTrue | Op::PopJumpIfNone | Op::PopJumpIfNotNone => {
            Some(-1)
        }
        Op::Real(op) => op.fixed_stack_effect(jump),
    }
}

/// Marks an operation whose stack effect reads its argument in [`OP_EFFECTS`].
const VARIES: i8 = i8::MIN;

/// [`fixed_stack_effect`] of every operation by branch (not jumping,
/// jumping) and the operation's byte; [`VARIES`] where the argument counts.
const OP_EFFECTS: [[i8; 256]; 2] = {
    let mut t = [[VARIES; 256]; 2];
    let mut jump = 0;
    while jump < 2 {
        let mut i = 0;
        while i < 256 {
            if let Some(op) = Opcode::from_u8(i as u8) {
                if let Some(e) = fixed_stack_effect(Op::Real(op), jump == 1) {
                    t[jump][Op::Real(op).byte() as usize] = e as i8;
                }
            }
            i += 1;
        }
        let mut k = 0;
        while k < VIRTUAL_OPS.len() {
            if let Some(e) = fixed_stack_effect(VIRTUAL_OPS[k], jump == 1) {
                t[jump][VIRTUAL_OPS[k].byte() as usize] = e as i8;
            }
            k += 1;
        }
        jump += 1;
    }
    t
};

impl Op {
    pub const NOP: Op = Op::Real(Opcode::Nop);

    /// The byte that stands for this operation in memory: a real opcode's
    /// number, or one the compiler picked for a virtual operation among the
    /// numbers no opcode uses.
    #[inline]
    #[allow(unsafe_code)] // see the SAFETY note; worth 1.5% of the compiler's time
    const fn byte(self) -> u8 {
        // SAFETY: `transmute` only compiles when `Op` is one byte wide, and a
        // one-byte value has no padding, so every `Op` is an initialised `u8`.
        unsafe { std::mem::transmute::<Op, u8>(self) }
    }

    #[inline]
    fn flags(self) -> u16 {
        OP_FLAGS[self.byte() as usize]
    }

    /// Whether the instruction transfers control to its target (`is_jump`).
    #[inline]
    pub fn is_jump(self) -> bool {
        self.flags() & op_flag::JUMP != 0
    }

    #[inline]
    pub fn is_block_push(self) -> bool {
        self.flags() & op_flag::BLOCK_PUSH != 0
    }

    #[inline]
    pub fn is_unconditional_jump(self) -> bool {
        self.flags() & op_flag::UNCONDITIONAL != 0
    }

    #[inline]
    pub fn is_scope_exit(self) -> bool {
        self.flags() & op_flag::SCOPE_EXIT != 0
    }

    /// Whether the instruction ends its basic block (a jump or a scope exit).
    #[inline]
    pub fn ends_block(self) -> bool {
        self.flags() & (op_flag::JUMP | op_flag::SCOPE_EXIT) != 0
    }

    /// Whether the instruction has a target block (a jump or a `SETUP_*`).
    #[inline]
    pub fn has_target(self) -> bool {
        self.flags() & op_flag::HAS_TARGET != 0
    }

    /// Whether this is a `SETUP_*` or `POP_BLOCK` pseudo-instruction.
    #[inline]
    pub fn is_pseudo(self) -> bool {
        self.flags() & op_flag::PSEUDO != 0
    }

    /// Whether the peephole pass may rewrite the instruction other than as
    /// a jump (`LOAD_CONST`, `BUILD_TUPLE`, `SWAP`, `PUSH_NULL`).
    #[inline]
    pub fn is_peephole_candidate(self) -> bool {
        self.flags() & op_flag::PEEPHOLE != 0
    }

    /// Whether the argument indexes the constants.
    #[inline]
    pub fn reads_const(self) -> bool {
        self.flags() & op_flag::CONST != 0
    }

    /// Whether the argument indexes the cell and free variables.
    #[inline]
    pub fn is_deref(self) -> bool {
        self.flags() & op_flag::DEREF != 0
    }

    /// Whether control never reaches the next instruction (an unconditional
    /// jump or a scope exit).
    #[inline]
    pub fn stops_flow(self) -> bool {
        self.flags() & (op_flag::UNCONDITIONAL | op_flag::SCOPE_EXIT) != 0
    }

    /// `stack_effect(opcode, oparg, jump)` of compile.c.
    #[inline]
    pub fn stack_effect(self, oparg: u32, jump: bool) -> i32 {
        match OP_EFFECTS[usize::from(jump)][self.byte() as usize] {
            VARIES => match self {
                Op::Real(op) => op.stack_effect(oparg as i32, Some(jump)).unwrap_or(0),
                _ => 0,
            },
            effect => i32::from(effect),
        }
    }
}

/// Index of a block in [`Cfg::blocks`].
pub(crate) type BlockId = u32;
pub(crate) const NO_BLOCK: BlockId = u32::MAX;

/// An instruction's source span; `lineno < 0` means none (`-1` as in compile.c).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Loc {
    pub lineno: i32,
    pub end_lineno: i32,
    pub col: i32,
    pub end_col: i32,
}

impl Loc {
    pub const NONE: Loc = Loc {
        lineno: -1,
        end_lineno: -1,
        col: -1,
        end_col: -1,
    };
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct Instr {
    pub op: Op,
    pub arg: u32,
    pub target: BlockId,
    pub loc: Loc,
    /// Handler block in effect (set by `label_exception_targets`).
    pub except: BlockId,
}

#[derive(Clone, Debug, Default)]
pub(crate) struct Block {
    pub instrs: Vec<Instr>,
    pub next: Option<BlockId>,
    pub nofallthrough: bool,
    pub exit: bool,
    pub predecessors: u32,
    pub startdepth: i32,
    pub preserve_lasti: bool,
    pub visited: bool,
    /// Offset of the block in the code, in code units (set by the assembler).
    pub offset: u32,
    /// Size of the block's instructions in code units (set by the assembler).
    pub size: u32,
}

/// The flow graph of one code object.
#[derive(Clone, Debug, Default)]
pub(crate) struct Cfg {
    pub blocks: Vec<Block>,
    pub entry: BlockId,
    pub current: BlockId,
    /// The next instruction must start a new block (`u_need_new_implicit_block`).
    pub need_new_block: bool,
    /// Empty instruction vectors of code objects already assembled, which
    /// new blocks take instead of allocating (one per block was a tenth of
    /// the compiler's allocations).
    pub spare: Vec<Vec<Instr>>,
}

impl Cfg {
    /// An empty graph whose blocks reuse the vectors in `spare`.
    pub fn with_spare(spare: Vec<Vec<Instr>>) -> Self {
        let mut cfg = Cfg {
            // Room for the blocks of most code objects, not grown from 4.
            blocks: Vec::with_capacity(8),
            entry: 0,
            current: 0,
            need_new_block: false,
            spare,
        };
        cfg.entry = cfg.new_block();
        cfg.current = cfg.entry;
        cfg
    }

    pub fn new_block(&mut self) -> BlockId {
        // Most blocks hold more than the 4 instructions a first push would
        // make room for: a new vector starts at 8, which spares `push` a
        // capacity check and a reallocation.
        let instrs = self.spare.pop().unwrap_or_else(|| Vec::with_capacity(8));
        self.blocks.push(Block {
            instrs,
            ..Block::default()
        });
        (self.blocks.len() - 1) as BlockId
    }

    /// Empties the graph, adding its instruction vectors to `pool`.
    pub fn recycle(self, pool: &mut Vec<Vec<Instr>>) {
        let mut spare = self.spare;
        spare.extend(self.blocks.into_iter().map(|b| {
            let mut v = b.instrs;
            v.clear();
            v
        }));
        // The larger of the two vectors takes the other's items: the pool
        // passes from graph to graph and soon has room for them all, where
        // the fresh vector code generation leaves behind grew every time.
        if spare.capacity() > pool.capacity() {
            std::mem::swap(pool, &mut spare);
        }
        pool.append(&mut spare);
    }

    pub fn block(&self, b: BlockId) -> &Block {
        &self.blocks[b as usize]
    }

    pub fn block_mut(&mut self, b: BlockId) -> &mut Block {
        &mut self.blocks[b as usize]
    }

    /// `compiler_use_next_block`: `b` follows the current block and becomes current.
    pub fn use_next_block(&mut self, b: BlockId) {
        self.need_new_block = false;
        let cur = self.current;
        self.block_mut(cur).next = Some(b);
        self.current = b;
    }

    /// `NEXT_BLOCK`: continue in a fresh block.
    pub fn next_block(&mut self) {
        let b = self.new_block();
        self.use_next_block(b);
    }

    /// Appends an instruction to the current block (`basicblock_addop`).
    #[inline] // every instruction of codegen comes through here
    pub fn push(&mut self, op: Op, arg: u32, target: BlockId, loc: Loc) {
        // compile.c's implicit blocks: whatever follows a jump or a scope exit
        // starts a new block.
        if self.need_new_block {
            self.next_block();
        }
        self.need_new_block = op.ends_block();
        let cur = self.current;
        self.block_mut(cur).instrs.push(Instr {
            op,
            arg,
            target,
            loc,
            except: NO_BLOCK,
        });
    }

    /// Blocks in layout order (`b_next` chain from the entry). Passes that
    /// do not relink blocks walk the chain itself instead, with no vector.
    pub fn order(&self) -> Vec<BlockId> {
        let mut out = Vec::with_capacity(self.blocks.len());
        let mut b = Some(self.entry);
        while let Some(id) = b {
            out.push(id);
            b = self.block(id).next;
        }
        out
    }
}
