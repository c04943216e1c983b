//! CPython's hash of str and bytes: SipHash-1-3 over the canonical
//! representation (Latin-1, UCS-2 or UCS-4 for str), with the key CPython
//! derives from `PYTHONHASHSEED` (`Python/bootstrap_hash.c`). The key is
//! all zeros (`PYTHONHASHSEED=0`) until the embedder sets a seed
//! ([`set_hash_seed`]): a library user gets that CPython's set and dict
//! orders; the `pith` command sets the environment's seed, random by
//! default, as `python3` does.

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};

/// The SipHash key (`_Py_HashSecret.siphash`).
static KEY: [AtomicU64; 2] = [AtomicU64::new(0), AtomicU64::new(0)];

/// The seed in use: a `PYTHONHASHSEED` value, or [`RANDOM_SEED`].
static SEED: AtomicU64 = AtomicU64::new(0);

/// [`SEED`]'s value for a random key.
const RANDOM_SEED: u64 = u64::MAX;

/// Where the hash key comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HashSeed {
    /// `PYTHONHASHSEED=N`: CPython's key for `N` (0: the all-zero key,
    /// randomization off).
    Fixed(u32),
    /// A random key (no `PYTHONHASHSEED`, `random`, or `-E`).
    Random,
}

/// A `PYTHONHASHSEED` that is neither `random` nor an integer in range.
#[derive(Debug, thiserror::Error)]
#[error("PYTHONHASHSEED must be \"random\" or an integer in range [0; 4294967295]")]
pub struct BadHashSeed;

/// Reads `PYTHONHASHSEED` as CPython's `config_init_hash_seed` does: unset,
/// empty or `random` is random, else a decimal number (`strtoul`: leading
/// white space and a sign allowed) up to 4294967295.
pub fn parse_hash_seed(text: Option<&str>) -> Result<HashSeed, BadHashSeed> {
    let text = match text {
        None | Some("" | "random") => return Ok(HashSeed::Random),
        Some(t) => t.trim_start_matches([' ', '\t', '\n', '\r', '\x0b', '\x0c']),
    };
    let (negative, digits) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(BadHashSeed);
    }
    let n: u64 = digits.parse().map_err(|_| BadHashSeed)?;
    // `strtoul` negates a negative number modulo 2**64: only `-0` fits.
    match (negative, u32::try_from(n)) {
        (false, Ok(n)) => Ok(HashSeed::Fixed(n)),
        (true, _) if n == 0 => Ok(HashSeed::Fixed(0)),
        _ => Err(BadHashSeed),
    }
}

/// Sets the key every later str and bytes hash uses; call it before any
/// value is hashed (hashes are cached in the strings).
pub fn set_hash_seed(seed: HashSeed) {
    let (k0, k1, stored) = match seed {
        HashSeed::Fixed(0) => (0, 0, 0),
        HashSeed::Fixed(n) => {
            let key = lcg_key(n);
            (key[0], key[1], u64::from(n))
        }
        HashSeed::Random => {
            // The standard library's per-process random keys, as a source
            // of random bits without a file or a system call of our own.
            let word = || RandomState::new().build_hasher().finish();
            (word(), word(), RANDOM_SEED)
        }
    };
    KEY[0].store(k0, Ordering::Relaxed);
    KEY[1].store(k1, Ordering::Relaxed);
    SEED.store(stored, Ordering::Relaxed);
    // The compiler orders frozenset constants by the same hashes.
    pith_bytecode::set_constant_hash_key(k0, k1);
}

/// The seed in use: `sys.flags.hash_randomization` is 0 only for
/// `Fixed(0)`.
pub fn hash_seed() -> HashSeed {
    match SEED.load(Ordering::Relaxed) {
        RANDOM_SEED => HashSeed::Random,
        n => HashSeed::Fixed(n as u32),
    }
}

/// `lcg_urandom`: the bytes of the secret CPython derives from a seed;
/// the SipHash key is its first 16, read as two little-endian words.
fn lcg_key(seed: u32) -> [u64; 2] {
    let mut x = seed;
    let mut bytes = [0u8; 16];
    for b in &mut bytes {
        x = x.wrapping_mul(214_013).wrapping_add(2_531_011);
        *b = ((x >> 16) & 0xff) as u8;
    }
    let word = |i: usize| {
        let mut w = [0u8; 8];
        w.copy_from_slice(&bytes[i..i + 8]);
        u64::from_le_bytes(w)
    };
    [word(0), word(8)]
}

const fn rotl(x: u64, b: u32) -> u64 {
    x.rotate_left(b)
}

struct Sip {
    v0: u64,
    v1: u64,
    v2: u64,
    v3: u64,
}

impl Sip {
    fn round(&mut self) {
        self.v0 = self.v0.wrapping_add(self.v1);
        self.v2 = self.v2.wrapping_add(self.v3);
        self.v1 = rotl(self.v1, 13) ^ self.v0;
        self.v3 = rotl(self.v3, 16) ^ self.v2;
        self.v0 = rotl(self.v0, 32);
        self.v2 = self.v2.wrapping_add(self.v1);
        self.v0 = self.v0.wrapping_add(self.v3);
        self.v1 = rotl(self.v1, 17) ^ self.v2;
        self.v3 = rotl(self.v3, 21) ^ self.v0;
        self.v2 = rotl(self.v2, 32);
    }
}

/// SipHash-1-3 with the process's key, over `len` bytes.
fn siphash13(len: usize, bytes: impl Iterator<Item = u8>) -> u64 {
    let (k0, k1) = (
        KEY[0].load(Ordering::Relaxed),
        KEY[1].load(Ordering::Relaxed),
    );
    let mut s = Sip {
        v0: k0 ^ 0x736f_6d65_7073_6575,
        v1: k1 ^ 0x646f_7261_6e64_6f6d,
        v2: k0 ^ 0x6c79_6765_6e65_7261,
        v3: k1 ^ 0x7465_6462_7974_6573,
    };
    let mut word: u64 = 0;
    let mut n = 0;
    for b in bytes {
        word |= u64::from(b) << (8 * n);
        n += 1;
        if n == 8 {
            s.v3 ^= word;
            s.round();
            s.v0 ^= word;
            word = 0;
            n = 0;
        }
    }
    let b = ((len as u64) << 56) | word;
    s.v3 ^= b;
    s.round();
    s.v0 ^= b;
    s.v2 ^= 0xff;
    s.round();
    s.round();
    s.round();
    s.v0 ^ s.v1 ^ s.v2 ^ s.v3
}

fn finish(h: u64) -> i64 {
    match h as i64 {
        -1 => -2,
        h => h,
    }
}

/// `hash(bytes)`.
pub fn bytes_hash(b: &[u8]) -> i64 {
    if b.is_empty() {
        return 0;
    }
    finish(siphash13(b.len(), b.iter().copied()))
}

/// `hash(str)`.
pub fn str_hash(s: &str) -> i64 {
    if s.is_empty() {
        return 0;
    }
    if s.is_ascii() {
        return bytes_hash(s.as_bytes());
    }
    ucs_hash(s.chars().map(u32::from))
}

/// `hash(str)` of a str given by its code points (one holding lone surrogates).
pub fn code_points_hash(cps: &[u32]) -> i64 {
    if cps.is_empty() {
        return 0;
    }
    ucs_hash(cps.iter().copied())
}

/// SipHash over CPython's canonical form: one, two or four bytes per code point.
fn ucs_hash(cps: impl Iterator<Item = u32> + Clone) -> i64 {
    let max = cps.clone().max().unwrap_or(0);
    let n = cps.clone().count();
    let h = if max < 0x100 {
        siphash13(n, cps.map(|c| c as u8))
    } else if max < 0x10000 {
        siphash13(2 * n, cps.flat_map(|c| (c as u16).to_le_bytes()))
    } else {
        siphash13(4 * n, cps.flat_map(u32::to_le_bytes))
    };
    finish(h)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_cpython_with_hashseed_0() {
        // Values printed by `PYTHONHASHSEED=0 python3 -c "print(hash(...))"`.
        assert_eq!(str_hash("a"), 4644417185603328019);
        assert_eq!(str_hash("é"), 6047309291227476195);
        assert_eq!(str_hash("😀"), -3536540696076613844);
        assert_eq!(str_hash("ab€"), -6661611623252364461);
        assert_eq!(bytes_hash(b"a"), 4644417185603328019);
        assert_eq!(code_points_hash(&[0xdc80]), 8931334759769479107);
        assert_eq!(
            code_points_hash(&[0x61, 0xd800, 0x62]),
            -4120757236106518036
        );
        assert_eq!(code_points_hash(&[0x1f600, 0xdc80]), 6046456692480513277);
    }
}
