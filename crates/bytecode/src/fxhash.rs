//! A small fast hasher for internal maps of the compiler and the marshal
//! writer (names, constants, scopes, shared strings). Keys come from the program
//! being compiled, not from an attacker who controls timing, so SipHash's
//! flooding resistance buys nothing there.

use std::hash::{BuildHasherDefault, Hasher};

/// The multiply-rotate hash popularised by Firefox and rustc.
#[derive(Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        // The tail (most identifiers are shorter than 8 bytes) is read with at
        // most three fixed-size loads: a variable-length copy would call
        // `memcpy` for every hashed name.
        let rest = chunks.remainder();
        if !rest.is_empty() {
            self.add(tail_word(rest));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

/// The up to 7 bytes of `rest` as a little-endian word, zero-extended, read
/// with at most three fixed-size loads (a copy of a variable length would
/// call `memcpy`). The compiler's name index packs short names with it too.
#[inline]
pub fn tail_word(rest: &[u8]) -> u64 {
    let mut word = 0u64;
    let mut at = 0;
    if let Some(four) = rest.first_chunk::<4>() {
        word = u64::from(u32::from_le_bytes(*four));
        at = 4;
    }
    if let Some(two) = rest[at..].first_chunk::<2>() {
        word |= u64::from(u16::from_le_bytes(*two)) << (8 * at);
        at += 2;
    }
    if let Some(&last) = rest.get(at) {
        word |= u64::from(last) << (8 * at);
    }
    word
}

/// The [`FxHasher`] hash of `bytes` alone (what a table that keeps its
/// keys' hashes, such as the interned names or the compiler's name index,
/// stores per entry).
#[inline]
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h = FxHasher::default();
    h.write(bytes);
    h.finish()
}

/// `HashMap` with [`FxHasher`].
pub type FxHashMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<FxHasher>>;
/// `HashSet` with [`FxHasher`].
pub type FxHashSet<K> = std::collections::HashSet<K, BuildHasherDefault<FxHasher>>;

#[cfg(test)]
mod tests {
    use super::tail_word;

    #[test]
    fn tail_word_is_the_zero_padded_little_endian_word() {
        let bytes = [1u8, 2, 3, 4, 5, 6, 7];
        for n in 1..=7 {
            let mut w = [0u8; 8];
            w[..n].copy_from_slice(&bytes[..n]);
            assert_eq!(tail_word(&bytes[..n]), u64::from_le_bytes(w));
        }
    }
}
