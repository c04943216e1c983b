//! The iteration order CPython gives a frozenset, so that its repr in `dis` lists
//! elements as CPython does.
//!
//! Marshal stores frozenset elements sorted by their marshal bytes; CPython
//! iterates a set in hash-table slot order. We rebuild the table as
//! Objects/setobject.c does (linear probing, perturbation, resizing) from the
//! elements' hashes. String and bytes hashes are SipHash-1-3 with the key that
//! `PYTHONHASHSEED=0` gives (all zeros), or the process's key once it is set
//! ([`set_hash_key`]). `None` and `...` hash by address in 3.11; we use the addresses
//! seen in the reference build (pyenv CPython 3.11.7, x86-64 Linux). Only their
//! page offsets are stable from run to run, but those decide the slot in tables of
//! up to 256 entries, so the order matches CPython for all but huge sets.

use std::sync::atomic::{AtomicU64, Ordering};

use crate::constant::Constant;

const MODULUS: u64 = (1 << 61) - 1;
const HASH_BITS: i32 = 61;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;
const MIN_SIZE: usize = 8;

/// Indices of `items` in CPython's iteration order, or `None` if some hash is unknowable
/// (NaN, complex, code objects, nested frozensets).
pub(crate) fn iteration_order(items: &[Constant]) -> Option<Vec<usize>> {
    let hashes: Vec<u64> = items.iter().map(hash).collect::<Option<_>>()?;
    let mut table: Vec<Option<usize>> = vec![None; MIN_SIZE];
    let mut used = 0usize;
    for (idx, &h) in hashes.iter().enumerate() {
        let mask = table.len() - 1;
        // Elements of a valid frozenset are distinct, so every insert takes a free slot.
        let slot = find_free(&table, h);
        table[slot] = Some(idx);
        used += 1;
        if used * 5 >= mask * 3 {
            let new_min = if used > 50000 { used * 2 } else { used * 4 };
            let mut size = MIN_SIZE;
            while size <= new_min {
                size <<= 1;
            }
            let mut new_table = vec![None; size];
            for i in table.iter().flatten() {
                let s = find_free(&new_table, hashes[*i]);
                new_table[s] = Some(*i);
            }
            table = new_table;
        }
    }
    Some(table.into_iter().flatten().collect())
}

fn find_free(table: &[Option<usize>], hash: u64) -> usize {
    probe(table.len() - 1, hash as i64, |j| {
        table[j].is_none().then_some(j)
    })
}

/// CPython 3.11's set probe sequence (`set_add_entry`, `set_insert_clean`):
/// the slots looked at for `hash` in a table of `mask + 1` slots, a run of
/// `LINEAR_PROBES` neighbours and then a perturbed jump, in order. Calls
/// `visit` with each slot index until it returns `Some`. Declared once for
/// this module and the VM's set table, whose orders must agree.
#[inline]
pub fn probe<T>(mask: usize, hash: i64, mut visit: impl FnMut(usize) -> Option<T>) -> T {
    let mut perturb = hash as u64;
    let mut i = (hash as u64 as usize) & mask;
    loop {
        let run = if i + LINEAR_PROBES <= mask {
            LINEAR_PROBES
        } else {
            0
        };
        for j in i..=i + run {
            if let Some(r) = visit(j) {
                return r;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i
            .wrapping_mul(5)
            .wrapping_add(1)
            .wrapping_add(perturb as usize))
            & mask;
    }
}

fn fix(h: i64) -> u64 {
    (if h == -1 { -2 } else { h }) as u64
}

/// `hash(x)` as a 64-bit CPython would compute it, where it does not depend on addresses.
fn hash(c: &Constant) -> Option<u64> {
    Some(match c {
        Constant::Bool(b) => u64::from(*b),
        Constant::Int(v) => {
            let m = (v.unsigned_abs() % MODULUS) as i64;
            fix(if *v < 0 { -m } else { m })
        }
        Constant::BigInt(v) => {
            let (sign, digits) = v.to_u64_digits();
            let mut acc: u128 = 0;
            for d in digits.iter().rev() {
                acc = ((acc << 64) | u128::from(*d)) % u128::from(MODULUS);
            }
            let m = acc as i64;
            fix(if sign == num_bigint::Sign::Minus {
                -m
            } else {
                m
            })
        }
        Constant::Float(f) => hash_float(*f)?,
        Constant::Str(s) => {
            let cps: Vec<u32> = s.code_points().collect();
            let max = cps.iter().copied().max().unwrap_or(0);
            let mut data = Vec::with_capacity(cps.len() * 4);
            for cp in cps {
                if max < 0x100 {
                    data.push(cp as u8);
                } else if max < 0x10000 {
                    data.extend_from_slice(&(cp as u16).to_le_bytes());
                } else {
                    data.extend_from_slice(&cp.to_le_bytes());
                }
            }
            hash_bytes(&data)
        }
        Constant::Bytes(b) => hash_bytes(b),
        // `_Py_HashPointer`: the address rotated right by 4 bits.
        Constant::None => 0x7f18_d805_bbe0u64.rotate_right(4),
        Constant::Ellipsis => 0x7f18_d805_de60u64.rotate_right(4),
        Constant::Tuple(items) => {
            const P1: u64 = 11400714785074694791;
            const P2: u64 = 14029467366897019727;
            const P5: u64 = 2870177450012600261;
            let mut acc = P5;
            for item in items.iter() {
                acc = acc.wrapping_add(hash(item)?.wrapping_mul(P2));
                acc = acc.rotate_left(31);
                acc = acc.wrapping_mul(P1);
            }
            acc = acc.wrapping_add(items.len() as u64 ^ (P5 ^ 3527539));
            if acc == u64::MAX {
                1546275796
            } else {
                acc
            }
        }
        _ => return None,
    })
}

/// The SipHash key of string and bytes hashes here (all zeros until
/// [`set_hash_key`]).
static KEY: [AtomicU64; 2] = [AtomicU64::new(0), AtomicU64::new(0)];

/// Sets the SipHash key (`_Py_HashSecret.siphash`) the orders here hash
/// strings and bytes with: a process that runs with `PYTHONHASHSEED=N` sets
/// CPython's key for `N`, so the frozensets it compiles iterate as CPython's
/// do under that seed (with a random key, as unpredictably as CPython's).
pub fn set_hash_key(k0: u64, k1: u64) {
    KEY[0].store(k0, Ordering::Relaxed);
    KEY[1].store(k1, Ordering::Relaxed);
}

fn hash_bytes(data: &[u8]) -> u64 {
    if data.is_empty() {
        return 0;
    }
    let (k0, k1) = (
        KEY[0].load(Ordering::Relaxed),
        KEY[1].load(Ordering::Relaxed),
    );
    fix(crate::siphash::siphash13(k0, k1, data) as i64)
}

fn hash_float(v: f64) -> Option<u64> {
    if v.is_nan() {
        return None;
    }
    if v.is_infinite() {
        return Some(if v > 0.0 { 314159 } else { (-314159i64) as u64 });
    }
    let (mut m, mut e) = frexp(v);
    let sign: i64 = if m < 0.0 {
        m = -m;
        -1
    } else {
        1
    };
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & MODULUS) | x >> (HASH_BITS - 28);
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= MODULUS {
            x -= MODULUS;
        }
    }
    let e = if e >= 0 {
        e % HASH_BITS
    } else {
        HASH_BITS - 1 - ((-1 - e) % HASH_BITS)
    } as u32;
    x = ((x << e) & MODULUS) | x >> (HASH_BITS as u32 - e);
    Some(fix((x as i64).wrapping_mul(sign)))
}

/// C's `frexp`: `v = m * 2**e` with `0.5 <= |m| < 1`.
fn frexp(v: f64) -> (f64, i32) {
    if v == 0.0 {
        return (v, 0);
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        let (m, e) = frexp(v * f64::from_bits(0x4350_0000_0000_0000)); // 2**54
        return (m, e - 54);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}
