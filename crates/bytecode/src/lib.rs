//! CPython 3.11 bytecode: the opcode table, code objects, constants, location and
//! exception tables, `marshal`, `.pyc` files and `dis` text.
//!
//! Everything matches CPython 3.11.7 byte for byte: opcode numbers, inline `CACHE`
//! units, table encodings, marshal output and `dis` listings (memory addresses aside).
//! The crate depends on no other Pith crate except `pith-repr`.
//!
//! # Code map
//!
//! - [`opcode`]: the one opcode table (`opcode/table.rs`, a single macro
//!   invocation: number, name, argument kind, inline cache layout, stack effect,
//!   specialization family). Name lookup, `has*` sets, cache sizes, `dis` and
//!   decoding all derive from it.
//! - [`instruction`]: decoding `co_code` (`EXTENDED_ARG`, caches skipped) and
//!   encoding instructions as CPython's assembler does.
//! - [`code`]: [`CodeObject`] with every 3.11 field; [`constant`]: [`Constant`]
//!   and [`PyStr`].
//! - [`location`]: `co_lines()`, `co_positions()` and [`location::LocationTableBuilder`];
//!   [`exception_table`]: parse and encode `co_exceptiontable`.
//! - [`marshal`]: version 4 reader and writer, with byte-exact rewriting of what
//!   CPython wrote (see the module docs for how `FLAG_REF` sharing is replayed).
//! - [`pyc`]: the 16-byte header (timestamp and hash-based) around marshal.
//! - [`mod@dis`]: `dis.dis` text.
//!
//! # Invariants
//!
//! - No input panics: every reader returns a typed error on bad bytes.
//! - Marshal reading uses an explicit stack, so nesting costs no Rust stack; it is
//!   capped at CPython's `MAX_MARSHAL_STACK_DEPTH` (2000).
//! - `read_pyc` followed by `write_pyc` reproduces CPython's file exactly.

pub mod code;
pub mod constant;
pub mod dis;
pub mod exception_table;
pub mod fxhash;
pub mod instruction;
pub mod location;
mod mangle;
pub mod marshal;
pub mod opcode;
pub mod pyc;
mod set_order;
mod siphash;

pub use code::{CodeFlags, CodeObject};
pub use constant::{Constant, PyStr};
pub use dis::{dis, dis_with, DisOptions};
pub use mangle::mangle;
pub use opcode::{ArgKind, Opcode, StackMoves};
pub use pyc::{read_pyc, write_pyc, Pyc};
pub use set_order::probe as set_probe;
pub use set_order::set_hash_key as set_constant_hash_key;

// Constants are copied around a lot (consts tuples, VM stacks): keep them two words plus a tag.
const _: () = assert!(std::mem::size_of::<Constant>() <= 24);
const _: () = assert!(std::mem::size_of::<Opcode>() == 1);
