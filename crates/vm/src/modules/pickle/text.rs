//! Text encodings the pickle formats use: UTF-8 with lone surrogates passed
//! through (binary protocols) and protocol 0's raw-unicode-escape, which
//! also escapes `\`, NUL, `\n`, `\r` and `\x1a` so a line holds one str.

use crate::value::StrObj;

/// The code points of `s`, lone surrogates included.
pub(super) fn code_points(s: &StrObj) -> Vec<u32> {
    match s.surrogates() {
        Some(cps) => cps.to_vec(),
        None => s.as_str().chars().map(u32::from).collect(),
    }
}

/// Protocol 0's `UNICODE` argument for `s`.
pub(super) fn raw_unicode_escape(s: &StrObj, out: &mut Vec<u8>) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    for cp in code_points(s) {
        if cp >= 0x10000 {
            out.extend_from_slice(b"\\U");
            for shift in (0..8).rev() {
                out.push(HEX[((cp >> (shift * 4)) & 0xf) as usize]);
            }
        } else if cp >= 256 || matches!(cp, 0x5c | 0 | 0x0a | 0x0d | 0x1a) {
            out.extend_from_slice(b"\\u");
            for shift in (0..4).rev() {
                out.push(HEX[((cp >> (shift * 4)) & 0xf) as usize]);
            }
        } else {
            out.push(cp as u8);
        }
    }
}
