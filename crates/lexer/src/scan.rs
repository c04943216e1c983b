//! Byte loops that finish tokens logos has begun: the callbacks of
//! `raw.rs` use them where a per-byte automaton step costs more than a
//! `memchr`.

/// The length of a comment's text at the start of `bytes`: up to the
/// next `\r` or `\n`.
#[inline]
pub(crate) fn line_rest_len(bytes: &[u8]) -> usize {
    memchr::memchr2(b'\n', b'\r', bytes).unwrap_or(bytes.len())
}

const ONES: u64 = u64::from_le_bytes([1; 8]);
const HIGHS: u64 = u64::from_le_bytes([0x80; 8]);

/// A word with the high bit set in the byte where `word` has a zero byte,
/// at least in the lowest such byte (borrows may mark bytes above it too,
/// never below), so its trailing zeros find the first one.
#[inline]
fn zero_bytes(word: u64) -> u64 {
    word.wrapping_sub(ONES) & !word & HIGHS
}

/// The offset of the first byte in `bytes` that may end or interrupt the
/// body of a string closed by `quote`: the quote, `\`, `\n` or `\r`;
/// `bytes.len()` if none. Eight bytes at a time.
#[inline]
pub(crate) fn string_stop(bytes: &[u8], quote: u8) -> usize {
    let quotes = ONES * u64::from(quote);
    let mut i = 0;
    while let Some(chunk) = bytes.get(i..).and_then(|rest| rest.first_chunk::<8>()) {
        let word = u64::from_le_bytes(*chunk);
        let found = zero_bytes(word ^ quotes)
            | zero_bytes(word ^ (ONES * u64::from(b'\\')))
            | zero_bytes(word ^ (ONES * u64::from(b'\n')))
            | zero_bytes(word ^ (ONES * u64::from(b'\r')));
        if found != 0 {
            return i + (found.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while let Some(&b) = bytes.get(i) {
        if b == quote || matches!(b, b'\\' | b'\n' | b'\r') {
            break;
        }
        i += 1;
    }
    i
}
