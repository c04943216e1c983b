//! CPython's hash of str and bytes: SipHash-1-3 over the canonical
//! representation (Latin-1, UCS-2 or UCS-4 for str), keyed as under
//! `PYTHONHASHSEED=0`, so that set and dict orders match that CPython.

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

/// SipHash-1-3 with a zero key, over bytes produced by `feed`.
fn siphash13(len: usize, bytes: impl Iterator<Item = u8>) -> u64 {
    let (k0, k1) = (0u64, 0u64);
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
