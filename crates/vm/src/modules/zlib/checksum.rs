//! CRC-32 and Adler-32 with a running start value, as zlib's `crc32()` and
//! `adler32()` (what `zlib.crc32(data, value)` continues from).

/// The CRC-32 table of the reflected polynomial 0xEDB88320, built at compile time.
const CRC_TABLE: [u32; 256] = {
    let mut t = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut c = i as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
            k += 1;
        }
        t[i] = c;
        i += 1;
    }
    t
};

/// CRC-32 of `data` continuing from `start` (0 for a fresh checksum).
pub(super) fn crc32(start: u32, data: &[u8]) -> u32 {
    let mut c = !start;
    for &b in data {
        c = CRC_TABLE[((c ^ u32::from(b)) & 0xff) as usize] ^ (c >> 8);
    }
    !c
}

/// Adler-32 of `data` continuing from `start` (1 for a fresh checksum).
pub(super) fn adler32(start: u32, data: &[u8]) -> u32 {
    const MOD: u32 = 65521;
    let mut a = start & 0xffff;
    let mut b = start >> 16;
    // 5552 bytes is the most that can be summed before the u32 overflows.
    for chunk in data.chunks(5552) {
        for &x in chunk {
            a += u32::from(x);
            b += a;
        }
        a %= MOD;
        b %= MOD;
    }
    (b << 16) | a
}
