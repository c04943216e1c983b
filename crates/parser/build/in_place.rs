//! Makes the generated parser build its symbol-stack entries in place.
//!
//! Every shift and every reduction pushes a `(start, symbol, end)` entry of
//! about a hundred bytes. Written as `symbols.push((start, value, end))`, the
//! entry is assembled in a stack temporary (the push may have to grow the
//! vector first) and then copied in 16-byte pieces, each read straddling the
//! narrower stores that just wrote the temporary. Processors cannot forward
//! such stores to a load, so each push stalls on the copy; in the profile
//! these stalls were a third of the parse loop's time.
//!
//! `symbols.extend(once_with(|| (start, value, end)))` reserves first and
//! only then builds the entry, in its slot. This module rewrites:
//!
//! - every reduction's push of its result;
//! - the driver: `TopParser::parse` runs `crate::lr::drive` (the shift path
//!   written the same way) instead of `lalrpop_util`'s;
//! - `token_to_symbol`, inlined into that shift path so that the symbol
//!   too is built in the slot.
//!
//! Text that does not look as expected is left as LALRPOP wrote it, with a
//! build warning.

/// The driver call in `TopParser::parse`.
const DRIVE: &str = "__state_machine::Parser::drive(";
/// The two definitions of the token-to-symbol conversion.
const TOKEN_TO_SYMBOL: [&str; 2] = [
    "        fn token_to_symbol(&self, token_index: usize, token: Self::Token) -> Self::Symbol {\n",
    "    fn __token_to_symbol<\n",
];
/// How a reduction pushes its result, around the variant name.
const PUSH: (&str, &str) = ("__symbols.push((__start, __Symbol::", "(__nt), __end));");

/// `source` rewritten, or `None` when any of its parts is not found in the
/// expected shape.
pub fn rewrite(source: &str) -> Option<String> {
    if source.matches(DRIVE).count() != 1 {
        return None;
    }
    let mut out = source.replacen(DRIVE, "crate::lr::drive(", 1);
    for definition in TOKEN_TO_SYMBOL {
        if out.matches(definition).count() != 1 {
            return None;
        }
        let indent = &definition[..definition.len() - definition.trim_start().len()];
        out = out.replacen(
            definition,
            &format!("{indent}#[inline(always)]\n{definition}"),
            1,
        );
    }
    rewrite_pushes(&out)
}

/// Each `__symbols.push((__start, __Symbol::VariantN(__nt), __end));` as an
/// `extend` from `once_with`; `None` if there is none.
fn rewrite_pushes(source: &str) -> Option<String> {
    let mut out = String::with_capacity(source.len() + 64 * 1024);
    let mut rest = source;
    let mut count = 0;
    while let Some(at) = rest.find(PUSH.0) {
        let after = &rest[at + PUSH.0.len()..];
        let variant_len = after.find(|c: char| !c.is_ascii_alphanumeric())?;
        let variant = &after[..variant_len];
        if !variant.starts_with("Variant") || !after[variant_len..].starts_with(PUSH.1) {
            return None;
        }
        out.push_str(&rest[..at]);
        out.push_str("__symbols.extend(core::iter::once_with(|| (__start, __Symbol::");
        out.push_str(variant);
        out.push_str("(__nt), __end)));");
        rest = &after[variant_len + PUSH.1.len()..];
        count += 1;
    }
    out.push_str(rest);
    (count > 0).then_some(out)
}
