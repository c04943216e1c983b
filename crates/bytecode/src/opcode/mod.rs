//! The CPython 3.11 opcode set.
//!
//! Every fact about an opcode (number, name, argument kind, inline cache layout,
//! stack effect, values popped and pushed, specialization family) is written once, in the `opcodes!`
//! invocation in `table.rs`. Everything here derives from that table.

mod table;

pub use table::Opcode;

/// `HAVE_ARGUMENT`: opcodes numbered at or above this take an argument.
pub const HAVE_ARGUMENT: u8 = 90;

/// Comparison operator names, indexed by the `COMPARE_OP` argument (`opcode.cmp_op`).
pub const CMP_OP: [&str; 6] = ["<", "<=", "==", "!=", ">", ">="];

/// `BINARY_OP` argument names and symbols, indexed by the argument (`opcode._nb_ops`).
pub const NB_OPS: [(&str, &str); 26] = [
    ("NB_ADD", "+"),
    ("NB_AND", "&"),
    ("NB_FLOOR_DIVIDE", "//"),
    ("NB_LSHIFT", "<<"),
    ("NB_MATRIX_MULTIPLY", "@"),
    ("NB_MULTIPLY", "*"),
    ("NB_REMAINDER", "%"),
    ("NB_OR", "|"),
    ("NB_POWER", "**"),
    ("NB_RSHIFT", ">>"),
    ("NB_SUBTRACT", "-"),
    ("NB_TRUE_DIVIDE", "/"),
    ("NB_XOR", "^"),
    ("NB_INPLACE_ADD", "+="),
    ("NB_INPLACE_AND", "&="),
    ("NB_INPLACE_FLOOR_DIVIDE", "//="),
    ("NB_INPLACE_LSHIFT", "<<="),
    ("NB_INPLACE_MATRIX_MULTIPLY", "@="),
    ("NB_INPLACE_MULTIPLY", "*="),
    ("NB_INPLACE_REMAINDER", "%="),
    ("NB_INPLACE_OR", "|="),
    ("NB_INPLACE_POWER", "**="),
    ("NB_INPLACE_RSHIFT", ">>="),
    ("NB_INPLACE_SUBTRACT", "-="),
    ("NB_INPLACE_TRUE_DIVIDE", "/="),
    ("NB_INPLACE_XOR", "^="),
];

/// `MAKE_FUNCTION` flag names, bit `i` of the argument is `MAKE_FUNCTION_FLAGS[i]`.
pub const MAKE_FUNCTION_FLAGS: [&str; 4] = ["defaults", "kwdefaults", "annotations", "closure"];

/// What an opcode's argument means. This is the source of `opcode.hasconst`,
/// `hasname`, `hasjrel`, `haslocal`, `hasfree` and `hascompare`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ArgKind {
    /// The opcode takes no argument (below `HAVE_ARGUMENT`).
    None,
    /// A plain integer (counts, flags, `RESUME` kind, `COPY` depth, ...).
    Raw,
    /// Index into `co_consts`, shown with the constant's repr (`LOAD_CONST`).
    Const,
    /// Index into `co_consts` that `dis` does not resolve (`KW_NAMES`).
    KwNames,
    /// Index into `co_names`.
    Name,
    /// `LOAD_GLOBAL`: `arg >> 1` indexes `co_names`, bit 0 pushes a `NULL` first.
    GlobalName,
    /// Index into the fast locals (`co_localsplusnames`).
    Local,
    /// Index into `co_localsplusnames` naming a cell or free variable.
    Free,
    /// Relative jump forward: target is `offset + 2 + 2 * arg` (bytes, after the instruction).
    JumpForward,
    /// Relative jump backward: target is `offset + 2 - 2 * arg`.
    JumpBackward,
    /// Index into [`CMP_OP`].
    Compare,
    /// Index into [`NB_OPS`].
    BinaryOp,
    /// `FORMAT_VALUE` conversion (bits 0-1) and `have spec` (bit 2).
    FormatValue,
    /// `MAKE_FUNCTION` flags, see [`MAKE_FUNCTION_FLAGS`].
    MakeFunction,
}

/// What one instruction does to the evaluation stack: see [`Opcode::stack_moves`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StackMoves {
    /// Values taken off the top.
    pub pops: i32,
    /// Values put on the top afterwards.
    pub pushes: i32,
}

impl ArgKind {
    /// Whether the argument is a jump offset (`opcode.hasjrel`; 3.11 has no absolute jumps).
    pub const fn is_jump(self) -> bool {
        matches!(self, ArgKind::JumpForward | ArgKind::JumpBackward)
    }
}

impl Opcode {
    /// Whether the opcode reads its argument byte (`opcode >= HAVE_ARGUMENT`, judged on the base opcode).
    pub fn has_arg(self) -> bool {
        self.deopt() as u8 >= HAVE_ARGUMENT
    }

    /// Whether this is a specialized (adaptive or quickened) form of another opcode.
    pub fn is_specialized(self) -> bool {
        self.deopt() != self
    }

    /// Size of the instruction in code units, including its inline caches.
    pub fn size(self) -> usize {
        1 + self.cache_entries()
    }

    /// Whether `dis` considers this a backward jump (`'JUMP_BACKWARD' in opname`).
    pub fn is_backward_jump(self) -> bool {
        self.arg_kind() == ArgKind::JumpBackward
    }

    /// Stack effect as `dis.stack_effect(op, arg, jump=jump)` computes it:
    /// `jump = None` is the maximum of the two branches. Returns `None` where CPython
    /// raises `ValueError` (specialized opcodes, which the compiler never emits).
    #[inline]
    pub fn stack_effect(self, oparg: i32, jump: Option<bool>) -> Option<i32> {
        if let Some(effect) = jump.and_then(|j| self.fixed_stack_effect(j)) {
            return Some(effect);
        }
        if self.is_specialized() {
            return None;
        }
        Some(match jump {
            Some(j) => self.stack_effect_branch(oparg, j),
            None => self
                .stack_effect_branch(oparg, true)
                .max(self.stack_effect_branch(oparg, false)),
        })
    }

    /// How many values the instruction takes off the top of the stack and
    /// how many it puts back, as the VM executes it (`jump`: on the branch
    /// that jumps). Values it only reads deeper down (`COPY`, `LIST_APPEND`'s
    /// list, `FOR_ITER`'s iterator) are neither popped nor pushed.
    ///
    /// `pushes - pops` is [`Opcode::stack_effect`] for every opcode but the
    /// `PRECALL`/`CALL` pair: compile.c books the arguments against `PRECALL`
    /// and the rest against `CALL`, while at run time `CALL` takes them all.
    /// The sum over the pair agrees.
    pub fn stack_moves(self, oparg: i32, jump: bool) -> Option<StackMoves> {
        if self.is_specialized() {
            return None;
        }
        let (pops, pushes) = self.stack_moves_branch(oparg, jump);
        Some(StackMoves { pops, pushes })
    }

    /// Iterates over every defined opcode, base and specialized, in numeric order.
    pub fn all() -> impl Iterator<Item = Opcode> {
        (0..=255u8).filter_map(Opcode::from_u8)
    }
}

impl std::fmt::Display for Opcode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Marks an opcode without a fixed stack effect in `FIXED_EFFECTS`.
const VARIES: i8 = i8::MIN;

/// The effect `|oparg, jump| effect` of the `opcodes!` table on the branch
/// `jump`, when it does not read the argument (the closure names it `_`).
macro_rules! fixed_effect {
    (_, $j:tt, $jump:expr, $effect:expr) => {{
        #[allow(unused_variables)]
        let $j: bool = $jump;
        let effect: i32 = $effect;
        effect as i8
    }};
    ($o:tt, $j:tt, $jump:expr, $effect:expr) => {
        $crate::opcode::VARIES
    };
}
use fixed_effect;

/// Declares the opcode enum and all its per-opcode tables from one list.
///
/// Base entries: `Variant = number, "NAME", ArgKind, [cache fields],
/// |oparg, jump| effect => |oparg, jump| (pops, pushes);`.
/// Specialized entries: `Variant = number, "NAME" => BaseVariant;`.
macro_rules! opcodes {
    (
        base {
            $( $name:ident = $num:literal, $text:literal, $kind:ident,
               [ $( ($cname:literal, $csize:literal) ),* ],
               |$o:tt, $j:tt| $effect:expr => |$mo:tt, $mj:tt| $moves:expr; )*
        }
        specialized {
            $( $sname:ident = $snum:literal, $stext:literal => $base:ident; )*
        }
    ) => {
        /// A CPython 3.11 opcode, with its 3.11 number as discriminant.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(u8)]
        pub enum Opcode {
            $(
                #[doc = concat!("`", $text, "`")]
                $name = $num,
            )*
            $(
                #[doc = concat!("`", $stext, "` (specialized `", stringify!($base), "`)")]
                $sname = $snum,
            )*
        }

        /// Inline cache units per opcode number (specialized forms as their base):
        /// the assembler and the decoders ask for every instruction.
        const CACHE_ENTRIES: [u8; 256] = {
            let mut t = [0u8; 256];
            $( t[$num] = 0 $( + $csize )*; )*
            $( t[$snum] = t[Opcode::$base as usize]; )*
            t
        };

        /// Stack effects that read no argument, by branch (not jumping,
        /// jumping) and opcode number; `VARIES` for the rest, specialized
        /// opcodes (which have no effect of their own) included.
        const FIXED_EFFECTS: [[i8; 256]; 2] = {
            let mut t = [[super::VARIES; 256]; 2];
            $(
                t[0][$num] = super::fixed_effect!($o, $j, false, $effect);
                t[1][$num] = super::fixed_effect!($o, $j, true, $effect);
            )*
            t
        };

        const BY_NUMBER: [Option<Opcode>; 256] = {
            let mut t = [None; 256];
            $( t[$num] = Some(Opcode::$name); )*
            $( t[$snum] = Some(Opcode::$sname); )*
            t
        };

        impl Opcode {
            /// The opcode with this number, if 3.11 defines one (base or specialized).
            pub const fn from_u8(n: u8) -> Option<Opcode> {
                BY_NUMBER[n as usize]
            }

            /// The opcode named `name` (as in `dis.opmap`, extended with specialized names).
            pub fn from_name(name: &str) -> Option<Opcode> {
                match name {
                    $( $text => Some(Opcode::$name), )*
                    $( $stext => Some(Opcode::$sname), )*
                    _ => None,
                }
            }

            /// The opcode's name as `dis` prints it.
            pub const fn name(self) -> &'static str {
                match self {
                    $( Opcode::$name => $text, )*
                    $( Opcode::$sname => $stext, )*
                }
            }

            /// The base opcode of a specialized one (`dis._deoptop`); base opcodes map to themselves.
            pub const fn deopt(self) -> Opcode {
                // A table: the compiler and the VM's decoder ask for every instruction.
                const DEOPT: [Opcode; 256] = {
                    let mut t = [Opcode::Cache; 256];
                    $( t[$num] = Opcode::$name; )*
                    $( t[$snum] = Opcode::$base; )*
                    t
                };
                DEOPT[self as usize]
            }

            /// Number of inline `CACHE` code units that follow the instruction
            /// (`opcode._inline_cache_entries`, applied to the base opcode as `dis` does).
            pub const fn cache_entries(self) -> usize {
                CACHE_ENTRIES[self as usize] as usize
            }

            /// What the argument means (judged on the base opcode).
            pub const fn arg_kind(self) -> ArgKind {
                const KINDS: [ArgKind; 256] = {
                    let mut t = [ArgKind::None; 256];
                    $( t[$num] = ArgKind::$kind; )*
                    $( t[$snum] = t[Opcode::$base as usize]; )*
                    t
                };
                KINDS[self as usize]
            }

            /// Named inline cache fields and their sizes in code units (`opcode._cache_format`).
            pub const fn cache_format(self) -> &'static [(&'static str, u8)] {
                match self.deopt() {
                    $( Opcode::$name => &[ $( ($cname, $csize) ),* ], )*
                    _ => &[],
                }
            }

            /// The stack effect on one branch (`jump`) of a base opcode whose
            /// effect does not depend on its argument, as
            /// [`Opcode::stack_effect`] gives it; `None` for the others. One
            /// table load: the compiler's stack-depth pass asks for every
            /// instruction, and most effects are constants.
            #[inline]
            pub const fn fixed_stack_effect(self, jump: bool) -> Option<i32> {
                match FIXED_EFFECTS[jump as usize][self as usize] {
                    super::VARIES => None,
                    effect => Some(effect as i32),
                }
            }

            #[allow(clippy::identity_op)]
            pub(super) fn stack_effect_branch(self, oparg: i32, jump: bool) -> i32 {
                match self.deopt() {
                    $( Opcode::$name => {
                        let $o = oparg;
                        let $j = jump;
                        $effect
                    } )*
                    _ => 0,
                }
            }

            #[allow(clippy::identity_op)]
            pub(super) fn stack_moves_branch(self, oparg: i32, jump: bool) -> (i32, i32) {
                match self.deopt() {
                    $( Opcode::$name => {
                        let $mo = oparg;
                        let $mj = jump;
                        $moves
                    } )*
                    _ => (0, 0),
                }
            }
        }
    };
}
use opcodes;
