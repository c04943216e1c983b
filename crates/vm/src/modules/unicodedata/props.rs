//! Per-character properties: the record behind the two-level index, numeric
//! values, decompositions, and Unicode 3.2.0's differences (`ucd_3_2_0`).
//!
//! Each query takes the database version, so the module functions and the
//! methods of `ucd_3_2_0` share one implementation.

use super::tables::*;

/// Which database a query reads: CPython's current one or `ucd_3_2_0`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Version {
    /// Unicode 14.0.0, the module's own functions.
    Current,
    /// Unicode 3.2.0, the `ucd_3_2_0` object (IDNA, stringprep).
    V3_2,
}

/// One record of properties (indices into the name tables).
struct Record {
    category: u8,
    bidirectional: u8,
    combining: u8,
    east_asian_width: u8,
    mirrored: u8,
}

fn record(cp: u32) -> Record {
    let block = INDEX1
        .get((cp >> SHIFT) as usize)
        .copied()
        .unwrap_or_default() as usize;
    let slot = (block << SHIFT) + (cp & ((1 << SHIFT) - 1)) as usize;
    let idx = INDEX2.get(slot).copied().unwrap_or_default() as usize;
    let (category, bidirectional, combining, east_asian_width, mirrored) =
        RECORDS.get(idx).copied().unwrap_or_default();
    Record {
        category,
        bidirectional,
        combining,
        east_asian_width,
        mirrored,
    }
}

/// The value of a sparse range table at `cp`, if `cp` is in one of its ranges.
fn in_ranges<T: Copy>(table: &[(u32, u32, T)], cp: u32) -> Option<T> {
    let i = table.partition_point(|&(_, end, _)| end < cp);
    table
        .get(i)
        .filter(|&&(start, _, _)| start <= cp)
        .map(|&(_, _, v)| v)
}

fn name_of(table: &'static [&'static str], i: u8) -> &'static str {
    table.get(i as usize).copied().unwrap_or("")
}

/// Whether `cp` was unassigned in Unicode 3.2.0 (CPython's `category_changed == 0`).
pub fn unassigned(v: Version, cp: u32) -> bool {
    v == Version::V3_2 && category_index(v, cp) == 0
}

fn category_index(v: Version, cp: u32) -> u8 {
    let cur = record(cp).category;
    match v {
        Version::Current => cur,
        Version::V3_2 => in_ranges(&OLD_CATEGORY, cp).unwrap_or(cur),
    }
}

/// `category(c)`: the general category (`Lu`, `Cn`, ...).
pub fn category(v: Version, cp: u32) -> &'static str {
    name_of(&CATEGORIES, category_index(v, cp))
}

/// `bidirectional(c)`: the bidirectional class, `''` when none.
pub fn bidirectional(v: Version, cp: u32) -> &'static str {
    let cur = record(cp).bidirectional;
    let i = match v {
        Version::Current => cur,
        Version::V3_2 => in_ranges(&OLD_BIDIRECTIONAL, cp).unwrap_or(cur),
    };
    name_of(&BIDIRECTIONAL, i)
}

/// The canonical combining class of the current database (normalization uses
/// it in both versions, as CPython does).
pub fn combining_class(cp: u32) -> u8 {
    record(cp).combining
}

/// `combining(c)`.
pub fn combining(v: Version, cp: u32) -> u8 {
    let cur = record(cp).combining;
    match v {
        Version::Current => cur,
        Version::V3_2 => in_ranges(&OLD_COMBINING, cp).unwrap_or(cur),
    }
}

/// `mirrored(c)`: 1 for characters mirrored in bidirectional text.
pub fn mirrored(v: Version, cp: u32) -> u8 {
    let cur = record(cp).mirrored;
    match v {
        Version::Current => cur,
        Version::V3_2 => in_ranges(&OLD_MIRRORED, cp).unwrap_or(cur),
    }
}

/// `east_asian_width(c)`.
pub fn east_asian_width(v: Version, cp: u32) -> &'static str {
    let cur = record(cp).east_asian_width;
    let i = match v {
        Version::Current => cur,
        Version::V3_2 => in_ranges(&OLD_EAST_ASIAN_WIDTH, cp).unwrap_or(cur),
    };
    name_of(&EAST_ASIAN_WIDTHS, i)
}

fn numeric_entry(cp: u32) -> Option<(i8, i8, f64)> {
    let i = NUMERIC.binary_search_by_key(&cp, |e| e.0).ok()?;
    NUMERIC.get(i).map(|&(_, d, g, n)| (d, g, n))
}

/// `decimal(c)`: the decimal digit value, if any.
pub fn decimal(v: Version, cp: u32) -> Option<u32> {
    let d = match v {
        Version::V3_2 => in_ranges(&OLD_DECIMAL, cp),
        Version::Current => None,
    }
    .or_else(|| numeric_entry(cp).map(|e| e.0))
    .unwrap_or(-1);
    u32::try_from(d).ok()
}

/// `digit(c)`: the digit value, if any.
pub fn digit(v: Version, cp: u32) -> Option<u32> {
    let d = match v {
        Version::V3_2 => in_ranges(&OLD_DIGIT, cp),
        Version::Current => None,
    }
    .or_else(|| numeric_entry(cp).map(|e| e.1))
    .unwrap_or(-1);
    u32::try_from(d).ok()
}

/// `numeric(c)`: the numeric value, if any.
pub fn numeric(v: Version, cp: u32) -> Option<f64> {
    let n = match v {
        Version::V3_2 => in_ranges(&OLD_NUMERIC, cp),
        Version::Current => None,
    }
    .or_else(|| numeric_entry(cp).map(|e| e.2))
    .unwrap_or(-1.0);
    (n != -1.0).then_some(n)
}

/// A decomposition mapping: its tag (`""` for canonical) and code points.
pub struct Decomp {
    /// `<compat>`, `<font>`, ...; empty for a canonical mapping.
    pub tag: &'static str,
    /// The mapped code points.
    pub cps: &'static [u32],
}

/// The decomposition mapping of `cp` (none for characters unassigned in `v`).
pub fn decomp(v: Version, cp: u32) -> Option<Decomp> {
    if unassigned(v, cp) {
        return None;
    }
    let i = DECOMP.binary_search_by_key(&cp, |e| e.0).ok()?;
    let &(_, tag, start, len) = DECOMP.get(i)?;
    let start = start as usize;
    Some(Decomp {
        tag: name_of(&DECOMP_TAGS, tag),
        cps: DECOMP_DATA.get(start..start + len as usize)?,
    })
}

/// `decomposition(c)`: the mapping as UnicodeData.txt writes it
/// (`"<compat> 0020 0308"`), `''` when none.
pub fn decomposition(v: Version, cp: u32) -> String {
    let Some(d) = decomp(v, cp) else {
        return String::new();
    };
    let mut out = d.tag.to_string();
    for c in d.cps {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&format!("{c:04X}"));
    }
    out
}

/// Unicode 3.2.0's mapping of a character whose decomposition was corrected
/// later (CPython's `normalization_3_2_0`).
pub fn old_normalization(cp: u32) -> Option<u32> {
    let i = OLD_NORMALIZATION.binary_search_by_key(&cp, |e| e.0).ok()?;
    OLD_NORMALIZATION.get(i).map(|e| e.1)
}

/// The canonical composite of `first` and `second`, if they compose.
pub fn compose(first: u32, second: u32) -> Option<u32> {
    let i = COMPOSE
        .binary_search_by(|&(a, b, _)| (a, b).cmp(&(first, second)))
        .ok()?;
    COMPOSE.get(i).map(|e| e.2)
}
