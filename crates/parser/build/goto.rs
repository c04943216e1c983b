//! Rewrites LALRPOP's goto function as a row-displacement table.
//!
//! LALRPOP writes `__goto(state, nt)` as a `match` on the nonterminal with,
//! for some nonterminals, an inner `match` on the state. The driver calls it
//! once per reduction with a nonterminal only known at run time, so the outer
//! `match` is an indirect jump that the branch predictor mostly misses (one
//! per reduction). As tables it is two loads and a comparison:
//!
//! - `DEFAULT[nt]`: the state most predecessors go to (the inner `_` arm, or
//!   the only target);
//! - the exceptions of all nonterminals overlaid in one array, row `nt`
//!   starting at `BASE[nt]` (yacc's packing): slot `BASE[nt] + state` holds
//!   the exception when `CHECK` there names `nt`.
//!
//! The generated `match` is kept, under `cfg(test)`, with a test that
//! compares the two on every state and nonterminal. Text that does not look
//! as expected is left as LALRPOP wrote it, with a build warning.

use std::collections::BTreeMap;

const HEAD: &str = "    fn __goto(state: i16, nt: usize) -> i16 {\n        match nt {\n";
const TAIL: &str = "            _ => 0,\n        }\n    }\n";

/// The goto function of LALRPOP's output, read back.
struct Goto {
    /// Target for each nonterminal outside its exceptions.
    default: BTreeMap<usize, i16>,
    /// Per nonterminal: state -> target where it differs from the default.
    exceptions: BTreeMap<usize, BTreeMap<usize, i16>>,
}

/// `source` with its goto function as tables, or `None` when the function
/// is not found in the expected shape.
pub fn compact(source: &str) -> Option<String> {
    let start = source.find(HEAD)?;
    let end = start + source[start..].find(TAIL)? + TAIL.len();
    let goto = read(&source[start + HEAD.len()..end - TAIL.len()])?;
    let states = state_count(source)?;
    let mut out = String::with_capacity(source.len() + 32 * 1024);
    out.push_str(&source[..start]);
    write_tables(&goto, &mut out);
    out.push_str(&TEST_HEAD.replace("{STATES}", &states.to_string()).replace(
        "{NONTERMINALS}",
        &(goto.default.keys().chain(goto.exceptions.keys()).max()? + 2).to_string(),
    ));
    out.push_str(&source[start..end].replace("fn __goto(", "fn __goto_match("));
    out.push_str(&source[end..]);
    Some(out)
}

/// The number of parser states: the length of the end-of-input action row.
fn state_count(source: &str) -> Option<usize> {
    let at = source.find("const __EOF_ACTION: &[i16] = &[")?;
    let body = &source[at..];
    let body = &body[body.find('[')? + 1..];
    let body = &body[body.find('[')? + 1..body.find("];")?];
    Some(body.split(',').filter(|s| !s.trim().is_empty()).count())
}

/// Reads the arms of the outer `match nt`.
fn read(arms: &str) -> Option<Goto> {
    let mut goto = Goto {
        default: BTreeMap::new(),
        exceptions: BTreeMap::new(),
    };
    let mut inner: Option<Vec<usize>> = None;
    for line in arms.lines() {
        let line = line.trim();
        if line == "}," {
            inner.take()?;
            continue;
        }
        if let Some(pats) = line.strip_suffix(" => match state {") {
            if inner.is_some() {
                return None;
            }
            inner = Some(patterns(pats)?);
            continue;
        }
        let (lhs, target) = line.strip_suffix(',')?.split_once(" => ")?;
        let target: i16 = target.parse().ok()?;
        match (&inner, lhs) {
            (None, _) => {
                for nt in patterns(lhs)? {
                    goto.default.insert(nt, target);
                }
            }
            (Some(nts), "_") => {
                for &nt in nts {
                    goto.default.insert(nt, target);
                }
            }
            (Some(nts), _) => {
                let states = patterns(lhs)?;
                for &nt in nts {
                    let row = goto.exceptions.entry(nt).or_default();
                    for &s in &states {
                        row.insert(s, target);
                    }
                }
            }
        }
    }
    if inner.is_some() {
        return None;
    }
    Some(goto)
}

/// `3 | 7..=9` as `[3, 7, 8, 9]`.
fn patterns(text: &str) -> Option<Vec<usize>> {
    let mut out = Vec::new();
    for p in text.split('|') {
        let p = p.trim();
        match p.split_once("..=") {
            Some((a, b)) => out.extend(a.parse::<usize>().ok()?..=b.parse().ok()?),
            None => out.push(p.parse().ok()?),
        }
    }
    Some(out)
}

/// Packs the exception rows (largest first, each at the first offset where
/// its states meet only free slots) and writes the tables and the lookup.
fn write_tables(goto: &Goto, out: &mut String) {
    let rows = goto
        .default
        .keys()
        .chain(goto.exceptions.keys())
        .max()
        .map_or(0, |m| m + 1);
    let mut base = vec![0usize; rows];
    let mut check: Vec<i16> = Vec::new();
    let mut next: Vec<i16> = Vec::new();
    let mut order: Vec<(&usize, &BTreeMap<usize, i16>)> = goto.exceptions.iter().collect();
    order.sort_by_key(|(nt, row)| (std::cmp::Reverse(row.len()), **nt));
    for (&nt, row) in order {
        let fits = |b: usize| {
            row.keys()
                .all(|s| check.get(b + s).map_or(true, |&c| c < 0))
        };
        let b = (0..).find(|&b| fits(b)).unwrap_or(0);
        let last = b + row.keys().max().copied().unwrap_or(0);
        if check.len() <= last {
            check.resize(last + 1, -1);
            next.resize(last + 1, 0);
        }
        for (&s, &target) in row {
            check[b + s] = nt as i16;
            next[b + s] = target;
        }
        base[nt] = b;
    }
    let list = |v: &mut dyn Iterator<Item = String>| v.collect::<Vec<_>>().join(", ");
    let default =
        list(&mut (0..rows).map(|nt| goto.default.get(&nt).copied().unwrap_or(0).to_string()));
    out.push_str(&format!(
        "    const __GOTO_DEFAULT: [i16; {rows}] = [{default}];\n\
         \x20   const __GOTO_BASE: [u16; {rows}] = [{}];\n\
         \x20   const __GOTO_CHECK: [i16; {}] = [{}];\n\
         \x20   const __GOTO_NEXT: [i16; {}] = [{}];\n",
        list(&mut base.iter().map(usize::to_string)),
        check.len(),
        list(&mut check.iter().map(i16::to_string)),
        next.len(),
        list(&mut next.iter().map(i16::to_string)),
    ));
    out.push_str(LOOKUP);
}

const LOOKUP: &str = "    #[inline]
    fn __goto(state: i16, nt: usize) -> i16 {
        let (Some(&base), Some(&default)) = (__GOTO_BASE.get(nt), __GOTO_DEFAULT.get(nt)) else {
            return 0;
        };
        let slot = base as usize + state as usize;
        match (__GOTO_CHECK.get(slot), __GOTO_NEXT.get(slot)) {
            (Some(&owner), Some(&target)) if owner as usize == nt => target,
            _ => default,
        }
    }
";

const TEST_HEAD: &str = "    #[cfg(test)]
    #[test]
    fn goto_tables_agree_with_lalrpop() {
        for state in 0..{STATES} as i16 {
            for nt in 0..{NONTERMINALS} {
                assert_eq!(__goto(state, nt), __goto_match(state, nt), \"state {state}, nonterminal {nt}\");
            }
        }
    }
    #[cfg(test)]
";
