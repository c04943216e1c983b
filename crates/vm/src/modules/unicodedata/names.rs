//! Character names: `name(c)` decodes the phrasebook (or computes the names
//! of CJK unified ideographs and Hangul syllables as CPython does), and
//! `lookup(name)` goes the other way, through aliases and named sequences.

use std::collections::HashMap;

use super::names_data::*;
use super::props::{self, Version};

/// The ranges of CJK unified ideographs whose names CPython computes.
const UNIFIED_IDEOGRAPHS: &[(u32, u32)] = &[
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0x20000, 0x2A6DF),
    (0x2A700, 0x2B738),
    (0x2B740, 0x2B81D),
    (0x2B820, 0x2CEA1),
    (0x2CEB0, 0x2EBE0),
    (0x30000, 0x3134A),
];

fn is_unified_ideograph(cp: u32) -> bool {
    UNIFIED_IDEOGRAPHS
        .iter()
        .any(|&(a, b)| (a..=b).contains(&cp))
}

const S_BASE: u32 = 0xAC00;
const L_COUNT: usize = 19;
const V_COUNT: usize = 21;
const T_COUNT: usize = 28;
const S_COUNT: u32 = (L_COUNT * V_COUNT * T_COUNT) as u32;

/// Jamo short names of the leading consonants, vowels and trailing consonants.
const JAMO_L: [&str; L_COUNT] = [
    "G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P",
    "H",
];
const JAMO_V: [&str; V_COUNT] = [
    "A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO", "WE",
    "WI", "YU", "EU", "YI", "I",
];
const JAMO_T: [&str; T_COUNT] = [
    "", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH", "M",
    "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H",
];

/// The word of code `code` in the lexicon.
fn word(code: u16) -> &'static str {
    let i = code as usize;
    match (LEXICON_OFFSETS.get(i), LEXICON_OFFSETS.get(i + 1)) {
        (Some(&a), Some(&b)) => LEXICON.get(a as usize..b as usize).unwrap_or(""),
        _ => "",
    }
}

/// Reads one word code at `*pos` of the phrasebook.
fn next_code(pos: &mut usize) -> Option<u16> {
    let b = *PHRASEBOOK.get(*pos)?;
    *pos += 1;
    if b < 0x80 {
        return Some(b as u16);
    }
    let lo = *PHRASEBOOK.get(*pos)?;
    *pos += 1;
    Some((((b & 0x7F) as u16) << 8) | lo as u16)
}

/// The stored name number `ordinal` (of code point `cp`).
fn stored_name(ordinal: usize, cp: u32) -> Option<String> {
    let mut pos = *BLOCK_OFFSETS.get(ordinal / BLOCK)? as usize;
    // Skip the names before it in its block.
    for _ in 0..ordinal % BLOCK {
        while next_code(&mut pos)? != END {}
    }
    let mut out = String::new();
    loop {
        match next_code(&mut pos)? {
            END => return Some(out),
            HEX => out.push_str(&format!("{cp:04X}")),
            code => {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(word(code));
            }
        }
    }
}

/// The name of `cp` in database `v`, if it has one.
pub fn name(v: Version, cp: u32) -> Option<String> {
    if props::unassigned(v, cp) {
        return None;
    }
    if (S_BASE..S_BASE + S_COUNT).contains(&cp) {
        let s = (cp - S_BASE) as usize;
        let (l, vv, t) = (
            s / (V_COUNT * T_COUNT),
            s % (V_COUNT * T_COUNT) / T_COUNT,
            s % T_COUNT,
        );
        return Some(format!(
            "HANGUL SYLLABLE {}{}{}",
            JAMO_L[l], JAMO_V[vv], JAMO_T[t]
        ));
    }
    if is_unified_ideograph(cp) {
        return Some(format!("CJK UNIFIED IDEOGRAPH-{cp:X}"));
    }
    let i = RUNS.partition_point(|&(start, len, _)| start + len <= cp);
    let &(start, _, first) = RUNS.get(i).filter(|r| r.0 <= cp)?;
    stored_name((first + cp - start) as usize, cp)
}

/// The longest jamo name of `column` that starts `s`: (index, length).
/// An empty jamo name matches anywhere, as in CPython's `find_syllable`.
fn find_jamo(s: &str, column: &[&str]) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize)> = None;
    for (i, j) in column.iter().enumerate() {
        if s.starts_with(j) && best.map_or(true, |(_, len)| j.len() > len) {
            best = Some((i, j.len()));
        }
    }
    best
}

fn hangul_code(rest: &str) -> Option<u32> {
    let (l, n1) = find_jamo(rest, &JAMO_L)?;
    let rest = &rest[n1..];
    let (v, n2) = find_jamo(rest, &JAMO_V)?;
    let rest = &rest[n2..];
    let (t, n3) = find_jamo(rest, &JAMO_T)?;
    if n3 != rest.len() {
        return None;
    }
    Some(S_BASE + ((l * V_COUNT + v) * T_COUNT + t) as u32)
}

fn ideograph_code(hex: &str) -> Option<u32> {
    if !(hex.len() == 4 || hex.len() == 5)
        || !hex
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'A'..=b'F').contains(&b))
    {
        return None;
    }
    u32::from_str_radix(hex, 16)
        .ok()
        .filter(|&cp| is_unified_ideograph(cp))
}

/// What a name stands for: a character, or a named sequence's text.
pub enum Found {
    /// A code point (a character's name or an alias).
    Char(u32),
    /// A named sequence.
    Sequence(&'static str),
}

thread_local! {
    /// Upper-case stored names to code points, built on the first lookup:
    /// decoding every name once is cheaper than keeping a second table.
    static BY_NAME: HashMap<String, u32> = build_index();
}

fn build_index() -> HashMap<String, u32> {
    let mut map = HashMap::new();
    for &(start, len, first) in RUNS.iter() {
        for k in 0..len {
            if let Some(n) = stored_name((first + k) as usize, start + k) {
                map.insert(n, start + k);
            }
        }
    }
    map
}

/// `lookup(name)` in database `v`. CPython reads the algorithmic prefixes as
/// written (upper case only) and other names case-insensitively; Unicode 3.2.0
/// has no aliases or named sequences.
pub fn lookup(v: Version, name: &[u8]) -> Option<Found> {
    let text = std::str::from_utf8(name).ok()?;
    if let Some(rest) = text.strip_prefix("HANGUL SYLLABLE ") {
        return hangul_code(rest).map(Found::Char);
    }
    if let Some(hex) = text.strip_prefix("CJK UNIFIED IDEOGRAPH-") {
        return ideograph_code(hex).map(Found::Char);
    }
    let upper = text.to_ascii_uppercase();
    if let Some(cp) = BY_NAME.with(|m| m.get(&upper).copied()) {
        return (!props::unassigned(v, cp)).then_some(Found::Char(cp));
    }
    if v == Version::V3_2 {
        return None;
    }
    if let Some(&(_, cp)) = ALIASES.iter().find(|(n, _)| *n == upper) {
        return Some(Found::Char(cp));
    }
    NAMED_SEQUENCES
        .iter()
        .find(|(n, _)| *n == upper)
        .map(|&(_, s)| Found::Sequence(s))
}
