//! Makes the generated parser's symbol pops leave the mismatch case alone.
//!
//! Each `__pop_VariantN` pops a stack entry and takes the value out of the
//! variant it expects; any other entry is a bug in the tables and panics
//! (`__symbol_type_mismatch`). Written as LALRPOP writes it, the popped entry
//! is dropped on the way out of the `match`, and the compiler calls the
//! symbol's drop glue on every pop, which then finds nothing to drop. Here
//! the mismatch arm forgets the entry before it panics, so no pop drops
//! anything.
//!
//! Text that does not look as expected is left as LALRPOP wrote it, with a
//! build warning.

/// The mismatch arm of every `__pop_VariantN`.
const MISMATCH: &str = "            _ => __symbol_type_mismatch()\n";
/// The same, forgetting the entry.
const FORGET: &str = "            __other => {\n                core::mem::forget(__other);\n                __symbol_type_mismatch()\n            }\n";

/// `source` with its pops rewritten, or `None` when the number of mismatch
/// arms is not the number of pop functions.
pub fn rewrite(source: &str) -> Option<String> {
    let pops = source.matches("    fn __pop_Variant").count();
    (pops > 0 && source.matches(MISMATCH).count() == pops).then(|| source.replace(MISMATCH, FORGET))
}
