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

impl Op {
    pub const NOP: Op = Op::Real(Opcode::Nop);

    /// Whether the instruction transfers control to its target (`is_jump`).
    pub fn is_jump(self) -> bool {
        match self {
            Op::Jump
            | Op::JumpNoInterrupt
            | Op::PopJumpIfFalse
            | Op::PopJumpIfTrue
            | Op::PopJumpIfNone
            | Op::PopJumpIfNotNone => true,
            Op::Real(op) => matches!(
                op,
                Opcode::JumpIfFalseOrPop | Opcode::JumpIfTrueOrPop | Opcode::ForIter | Opcode::Send
            ),
            _ => false,
        }
    }

    pub fn is_block_push(self) -> bool {
        matches!(self, Op::SetupFinally | Op::SetupCleanup | Op::SetupWith)
    }

    pub fn is_unconditional_jump(self) -> bool {
        matches!(self, Op::Jump | Op::JumpNoInterrupt)
    }

    pub fn is_scope_exit(self) -> bool {
        matches!(
            self,
            Op::Real(Opcode::ReturnValue | Opcode::RaiseVarargs | Opcode::Reraise)
        )
    }

    /// `stack_effect(opcode, oparg, jump)` of compile.c.
    pub fn stack_effect(self, oparg: u32, jump: bool) -> i32 {
        let arg = oparg as i32;
        match self {
            Op::SetupFinally | Op::SetupWith => i32::from(jump),
            Op::SetupCleanup => {
                if jump {
                    2
                } else {
                    0
                }
            }
            Op::PopBlock | Op::Jump | Op::JumpNoInterrupt => 0,
            Op::PopJumpIfFalse | Op::PopJumpIfTrue | Op::PopJumpIfNone | Op::PopJumpIfNotNone => -1,
            Op::Real(op) => op.stack_effect(arg, Some(jump)).unwrap_or(0),
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
    pub except_predecessors: u32,
    pub startdepth: i32,
    pub preserve_lasti: bool,
    pub visited: bool,
    pub offset: u32,
}

/// The flow graph of one code object.
#[derive(Clone, Debug, Default)]
pub(crate) struct Cfg {
    pub blocks: Vec<Block>,
    pub entry: BlockId,
    pub current: BlockId,
    /// The next instruction must start a new block (`u_need_new_implicit_block`).
    pub need_new_block: bool,
}

impl Cfg {
    pub fn new() -> Self {
        let mut cfg = Cfg {
            blocks: Vec::new(),
            entry: 0,
            current: 0,
            need_new_block: false,
        };
        cfg.entry = cfg.new_block();
        cfg.current = cfg.entry;
        cfg
    }

    pub fn new_block(&mut self) -> BlockId {
        self.blocks.push(Block::default());
        (self.blocks.len() - 1) as BlockId
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

    pub fn push(&mut self, op: Op, arg: u32, target: BlockId, loc: Loc) {
        // compile.c's implicit blocks: whatever follows a jump or a scope exit
        // starts a new block.
        if self.need_new_block {
            self.next_block();
        }
        self.need_new_block = op.is_jump() || op.is_scope_exit();
        let cur = self.current;
        let instrs = &mut self.block_mut(cur).instrs;
        // Most blocks hold more than the 4 instructions a first push would
        // make room for: start at 8 and skip a reallocation.
        if instrs.capacity() == 0 {
            instrs.reserve(8);
        }
        instrs.push(Instr {
            op,
            arg,
            target,
            loc,
            except: NO_BLOCK,
        });
    }

    /// Blocks in layout order (`b_next` chain from the entry).
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
