//! Moves the reductions LALRPOP writes inline into its `__reduce` dispatch
//! into functions of their own.
//!
//! LALRPOP gives every reduction a function `__reduceN`, except those whose
//! action can fail (`=>?`): their bodies, which may return the error, are
//! arms of the `match` in `__reduce`. Each such arm keeps the symbols it pops
//! (up to a hundred bytes each) in stack slots of its own, which LLVM does
//! not overlap between arms; the 141 arms made a frame of 22 KiB, which every
//! reduction, however small, allocated and probed page by page.
//!
//! Here each of those arms becomes `__reduce_fallibleN`, kept out of line,
//! returning the error instead of `Some(Err(..))`; its arm calls it and
//! passes an error on. Text that does not look as expected is left as
//! LALRPOP wrote it, with a build warning.

/// The start of the dispatch in `__reduce`.
const MATCH_START: &str = "        let (__pop_states, __nonterminal) = match __action {\n";
/// The end of the dispatch.
const MATCH_END: &str = "\n        };\n";
/// Where an arm's body ends (its closing brace, at the arms' indentation).
const ARM_END: &str = "\n            }\n";
/// How an inline arm returns its action's error.
const FAIL: &str = "return Some(Err(e))";
/// The parameters every `__reduceN` takes, which the outlined arms take too.
const PARAMETERS: &str = "
        warnings: &'w crate::Warnings,
        __lookahead_start: Option<&u32>,
        __symbols: &mut alloc::vec::Vec<(u32,__Symbol<'src>,u32)>,
        _: core::marker::PhantomData<(&'src (), &'w ())>,
    ) -> (usize, usize)";
/// The return type of `__reduce` around its error type.
const RESULT: (&str, &str) = ("    ) -> Option<Result<Mod,", ">>\n");

/// `source` with the fallible reductions outlined, or `None` when its parts
/// do not have the expected shape.
pub fn rewrite(source: &str) -> Option<String> {
    if !source.contains(PARAMETERS) {
        return None;
    }
    let error_type = {
        let at = source.find(RESULT.0)? + RESULT.0.len();
        let len = source[at..].find(RESULT.1)?;
        &source[at..at + len]
    };
    let start = source.find(MATCH_START)? + MATCH_START.len();
    let end = start + source[start..].find(MATCH_END)?;
    let mut arms = String::with_capacity(end - start);
    let mut functions = String::new();
    let mut rest = &source[start..end];
    while let Some(open) = rest.find(" => {\n") {
        let number = rest[..open].trim();
        if number.parse::<u32>().is_err() {
            return None;
        }
        let body_start = open + " => {\n".len();
        let body_len = rest[body_start..].find(ARM_END)?;
        let body = &rest[body_start..body_start + body_len];
        let arm_len = body_start + body_len + ARM_END.len();
        if body.contains(FAIL) {
            let body = body.replace(FAIL, "return Err(e)");
            functions.push_str(&format!(
                "    #[inline(never)]\n    fn __reduce_fallible{number}<\n        'src,\n        'w,\n    >({}\n    {{\n        Ok({{\n{body}\n        }})\n    }}\n",
                PARAMETERS.replace(
                    "-> (usize, usize)",
                    &format!("-> Result<(usize, usize), {error_type}>")
                ),
            ));
            arms.push_str(&format!(
                "            {number} => match __reduce_fallible{number}(warnings, __lookahead_start, __symbols, core::marker::PhantomData::<(&(), &())>) {{\n                Ok(v) => v,\n                Err(e) => return Some(Err(e)),\n            }},\n"
            ));
        } else {
            arms.push_str(&rest[..arm_len]);
        }
        rest = &rest[arm_len..];
    }
    if functions.is_empty() {
        return None;
    }
    arms.push_str(rest);
    // The functions go right after `__reduce`, which ends at the first
    // closing brace at item indentation after the dispatch.
    let after = end + source[end..].find("\n    }\n")? + "\n    }\n".len();
    let mut out = String::with_capacity(source.len() + functions.len());
    out.push_str(&source[..start]);
    out.push_str(&arms);
    out.push_str(&source[end..after]);
    out.push_str(&functions);
    out.push_str(&source[after..]);
    Some(out)
}
