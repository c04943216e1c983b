//! Makes the generated parser's symbol pops run no drop glue.
//!
//! Each `__pop_VariantN` pops a stack entry and takes the value out of the
//! variant it expects; any other entry is a bug in the tables and panics
//! (`__symbol_type_mismatch`). As LALRPOP writes it, the compiler calls the
//! symbol's drop glue (a function over all 73 variants) on the way out:
//!
//! - on the mismatch path, for the entry it did not take apart; here that
//!   arm forgets the entry before it panics;
//! - on every pop of a `Copy` value (a token, a name, an offset), which is
//!   copied out and leaves the entry whole; here the pop forgets the entry
//!   once the value is out. Which values are `Copy` is listed below; were one
//!   not, forgetting the entry after moving out of it would not compile.
//!
//! Text that does not look as expected is left as LALRPOP wrote it, with a
//! build warning.

/// The mismatch arm of every `__pop_VariantN`.
const MISMATCH: &str = "            _ => __symbol_type_mismatch()\n";
/// The same, forgetting the entry.
const FORGET: &str = "            __other => {\n                core::mem::forget(__other);\n                __symbol_type_mismatch()\n            }\n";
/// How a pop function begins, and the return type line that names its value.
const POP: (&str, &str) = ("    fn __pop_Variant", "    ) -> (u32, ");
/// The `match` of a pop, around its variant number.
const MATCH: (&str, &str) = (
    "        match __symbols.pop() {\n            Some((__l, __Symbol::Variant",
    "(__v), __r)) => (__l, __v, __r),\n",
);
/// The symbol values that are `Copy`, as LALRPOP spells their types.
const COPY_TYPES: [&str; 11] = [
    "&'src str",
    "(u32, &'src str, u32)",
    "CmpOp",
    "Operator",
    "Option<&'src str>",
    "Option<(u32, &'src str, u32)>",
    "Option<Tok<'src>>",
    "StrPart<'src>",
    "Tok<'src>",
    "bool",
    "u32",
];

/// `source` with its pops rewritten, or `None` when they do not have the
/// expected shape.
pub fn rewrite(source: &str) -> Option<String> {
    let pops = source.matches(POP.0).count();
    if pops == 0 || source.matches(MISMATCH).count() != pops {
        return None;
    }
    let mut out = String::with_capacity(source.len() + pops * 256);
    let mut rest = source;
    while let Some(at) = rest.find(POP.0) {
        let (before, from) = rest.split_at(at);
        out.push_str(before);
        let end = from.find(MISMATCH)? + MISMATCH.len();
        let function = &from[..end];
        let returns = function.find(POP.1)? + POP.1.len();
        let value = function[returns..]
            .split('\n')
            .next()?
            .strip_suffix(", u32)")?;
        if COPY_TYPES.contains(&value) {
            let open = function.find(MATCH.0)?;
            let variant_at = open + MATCH.0.len();
            let variant_len = function[variant_at..].find(MATCH.1)?;
            let variant = &function[variant_at..variant_at + variant_len];
            out.push_str(&function[..open]);
            out.push_str(&format!(
                "        let __entry = __symbols.pop();\n        match __entry {{\n            Some((__l, __Symbol::Variant{variant}(__v), __r)) => {{\n                core::mem::forget(__entry);\n                (__l, __v, __r)\n            }}\n"
            ));
        } else {
            out.push_str(&function[..end - MISMATCH.len()]);
        }
        out.push_str(FORGET);
        rest = &from[end..];
    }
    out.push_str(rest);
    Some(out)
}
