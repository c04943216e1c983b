//! Byte loops that finish tokens logos has begun: the callbacks of
//! `raw.rs` use them where a per-byte automaton step costs more than a
//! `memchr`.

/// The length of a comment's text at the start of `bytes`: up to the
/// next `\r` or `\n`.
#[inline]
pub(crate) fn line_rest_len(bytes: &[u8]) -> usize {
    memchr::memchr2(b'\n', b'\r', bytes).unwrap_or(bytes.len())
}
