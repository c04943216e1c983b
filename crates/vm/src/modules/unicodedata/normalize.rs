//! `normalize` and `is_normalized`: the four Unicode normalization forms
//! (UAX #15) over the generated decomposition and composition tables.

use super::props::{self, Version};

/// A normalization form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// Canonical decomposition then composition.
    Nfc,
    /// Canonical decomposition.
    Nfd,
    /// Compatibility decomposition then canonical composition.
    Nfkc,
    /// Compatibility decomposition.
    Nfkd,
}

impl Form {
    /// The form named `name` (`"NFC"`, ...), exactly as CPython spells it.
    pub fn parse(name: &str) -> Option<Form> {
        match name {
            "NFC" => Some(Form::Nfc),
            "NFD" => Some(Form::Nfd),
            "NFKC" => Some(Form::Nfkc),
            "NFKD" => Some(Form::Nfkd),
            _ => None,
        }
    }
}

// Hangul syllables decompose and compose arithmetically.
const S_BASE: u32 = 0xAC00;
const L_BASE: u32 = 0x1100;
const V_BASE: u32 = 0x1161;
const T_BASE: u32 = 0x11A7;
const L_COUNT: u32 = 19;
const V_COUNT: u32 = 21;
const T_COUNT: u32 = 28;
const N_COUNT: u32 = V_COUNT * T_COUNT;
const S_COUNT: u32 = L_COUNT * N_COUNT;

/// Appends the full decomposition of `cp` to `out`.
fn decompose_char(v: Version, cp: u32, compat: bool, out: &mut Vec<u32>) {
    // An explicit stack: decompositions nest a few levels at most, but a
    // stack keeps the work flat and allocation-free per character.
    let mut stack = vec![cp];
    while let Some(c) = stack.pop() {
        if (S_BASE..S_BASE + S_COUNT).contains(&c) {
            let s = c - S_BASE;
            out.push(L_BASE + s / N_COUNT);
            out.push(V_BASE + (s % N_COUNT) / T_COUNT);
            if s % T_COUNT != 0 {
                out.push(T_BASE + s % T_COUNT);
            }
            continue;
        }
        if v == Version::V3_2 {
            if let Some(old) = props::old_normalization(c) {
                stack.push(old);
                continue;
            }
        }
        match props::decomp(v, c) {
            Some(d) if compat || d.tag.is_empty() => stack.extend(d.cps.iter().rev()),
            _ => out.push(c),
        }
    }
}

/// Sorts each run of non-starters by combining class, stably.
fn canonical_order(cps: &mut [u32]) {
    let mut i = 0;
    while i < cps.len() {
        if props::combining_class(cps[i]) == 0 {
            i += 1;
            continue;
        }
        let start = i;
        while i < cps.len() && props::combining_class(cps[i]) != 0 {
            i += 1;
        }
        cps[start..i].sort_by_key(|&c| props::combining_class(c));
    }
}

/// NFD (or NFKD with `compat`).
pub fn decompose(v: Version, input: impl Iterator<Item = u32>, compat: bool) -> Vec<u32> {
    let mut out = Vec::new();
    for cp in input {
        decompose_char(v, cp, compat, &mut out);
    }
    canonical_order(&mut out);
    out
}

/// Canonical composition of a decomposed, canonically ordered sequence.
fn compose(cps: &[u32]) -> Vec<u32> {
    let mut out: Vec<u32> = Vec::with_capacity(cps.len());
    // Index in `out` of the last starter, and the combining class of the last
    // character that stayed after it (0: none, so the next is adjacent).
    let mut starter: Option<usize> = None;
    let mut last_class: u8 = 0;
    let mut i = 0;
    while i < cps.len() {
        let c = cps[i];
        i += 1;
        let class = props::combining_class(c);
        if let Some(s) = starter {
            let blocked = last_class != 0 && last_class >= class;
            let adjacent = out.len() == s + 1;
            if !blocked && (class != 0 || adjacent) {
                if let Some(composite) = compose_pair(out[s], c) {
                    out[s] = composite;
                    continue;
                }
            }
        }
        if class == 0 {
            starter = Some(out.len());
            last_class = 0;
        } else {
            last_class = class;
        }
        out.push(c);
    }
    out
}

/// The composite of a starter and a following character: Hangul arithmetic
/// (L+V, LV+T) or the table of primary composites.
fn compose_pair(a: u32, b: u32) -> Option<u32> {
    if (L_BASE..L_BASE + L_COUNT).contains(&a) && (V_BASE..V_BASE + V_COUNT).contains(&b) {
        return Some(S_BASE + ((a - L_BASE) * V_COUNT + (b - V_BASE)) * T_COUNT);
    }
    if (S_BASE..S_BASE + S_COUNT).contains(&a)
        && (a - S_BASE) % T_COUNT == 0
        && (T_BASE + 1..T_BASE + T_COUNT).contains(&b)
    {
        return Some(a + (b - T_BASE));
    }
    props::compose(a, b)
}

/// `normalize(form, s)` over code points.
pub fn normalize(v: Version, form: Form, input: impl Iterator<Item = u32>) -> Vec<u32> {
    match form {
        Form::Nfd => decompose(v, input, false),
        Form::Nfkd => decompose(v, input, true),
        Form::Nfc => compose(&decompose(v, input, false)),
        Form::Nfkc => compose(&decompose(v, input, true)),
    }
}
