#!/usr/bin/env python3
"""Generates crates/vm/src/modules/cjk/tables.rs, the mapping tables of the
CJK multibyte codecs (CPython's _codecs_jp, _codecs_cn, _codecs_kr,
_codecs_tw), by asking the local CPython 3.11 how each codec decodes every
byte sequence and encodes every code point.

Per codec the output holds:
  lead    the length of the sequence each byte starts (1, 2 or 3), one digit
          a byte; a byte starting a longer sequence is "incomplete" when the
          input ends before the sequence does, and an unknown sequence is
          "illegal" for its first byte only (what CPython's decoders report)
  pages   (prefix, first, last): the sequences prefix+first ..= prefix+last
          (prefix 0 for single bytes, else the lead byte or two with the
          sequence length in the top byte), whose characters follow each
          other in `chars`
  chars   the decoded characters of all pages in order, NUL where a
          sequence is invalid
  extra   (code point, sequence) for the encoder where it differs from the
          first sequence decoding to that code point; sequence 0 means the
          code point does not encode
Usage: python3 tools/gen_cjk_tables.py
"""
import os
import sys
import unicodedata

CODECS = [
    "shift_jis", "cp932", "euc_jp",
    "gb2312", "gbk", "gb18030",
    "big5", "cp950",
    "euc_kr", "cp949", "johab",
]

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(os.path.dirname(HERE), "crates", "vm", "src", "modules", "cjk", "tables.rs")


def key(seq):
    v = 0
    for b in seq:
        v = (v << 8) | b
    return (len(seq) << 24) | v


def decode_one(codec, seq):
    """The code point seq decodes to, 'short' if it needs more bytes, else None."""
    try:
        s = seq.decode(codec)
    except UnicodeDecodeError as e:
        if e.reason == "incomplete multibyte sequence" and e.end == len(seq):
            return "short"
        return None
    if len(s) != 1:
        sys.exit(f"{codec}: {seq!r} decodes to {len(s)} code points")
    return ord(s)


def scan(codec):
    lead = [1] * 256
    dec = {}
    for a in range(256):
        r = decode_one(codec, bytes([a]))
        if r == "short":
            lead[a] = 2
            for b in range(256):
                r2 = decode_one(codec, bytes([a, b]))
                if r2 == "short" and codec in ("euc_kr", "gb18030"):
                    # euc_kr's A4 D4 starts the 8-byte make-up sequences of
                    # Hangul syllables, gb18030's digit the four-byte
                    # sequences: the decoder handles both itself.
                    continue
                if r2 == "short":
                    lead[a] = 3
                    for c in range(256):
                        r3 = decode_one(codec, bytes([a, b, c]))
                        if isinstance(r3, int):
                            dec[key(bytes([a, b, c]))] = r3
                elif isinstance(r2, int):
                    dec[key(bytes([a, b]))] = r2
        elif isinstance(r, int):
            dec[key(bytes([a]))] = r
    inverse = {}
    for k in sorted(dec):
        inverse.setdefault(dec[k], k)
    extra = []
    for cp in range(0x110000):
        if 0xD800 <= cp < 0xE000:
            continue
        try:
            e = chr(cp).encode(codec)
        except UnicodeEncodeError:
            e = None
        if e and len(e) > 3:
            # euc_kr's make-up sequences, gb18030's four-byte sequences:
            # computed by the encoder.
            e = None
            if inverse.get(cp, 0) == 0:
                continue
        k = key(e) if e else 0
        if inverse.get(cp, 0) != k:
            extra.append((cp, k))
    # Pages: the sequences sharing all but their last byte.
    by_prefix = {}
    for k, cp in dec.items():
        n = k >> 24
        body = k & 0xFFFFFF
        prefix = 0 if n == 1 else ((n << 24) | (body >> 8))
        by_prefix.setdefault(prefix, {})[body & 0xFF] = cp
    pages = []
    chars = []
    for prefix in sorted(by_prefix):
        trails = by_prefix[prefix]
        lo, hi = min(trails), max(trails)
        pages.append((prefix, lo, hi))
        for t in range(lo, hi + 1):
            chars.append(trails.get(t, 0))
    return lead, pages, chars, extra


def literal(cps):
    """A Rust string literal of the code points, escaping what is not a
    visible character (controls, format and bidi characters, private use)."""
    out = ['"']
    for cp in cps:
        c = chr(cp)
        if c in '"\\':
            out.append("\\" + c)
        elif cp >= 0x20 and cp != 0x7F and unicodedata.category(c)[0] in "LNPS":
            out.append(c)
        else:
            out.append("\\u{%x}" % cp)
    out.append('"')
    # Continuation lines keep the file's lines short.
    text = "".join(out)
    return text


def hangul_makeup():
    """The jamo bytes (after A4) of euc_kr's make-up sequences, by the
    initial, medial and final index of a Hangul syllable."""
    cho, jung, jong = [0] * 19, [0] * 21, [0] * 28
    for s in range(11172):
        b = chr(0xAC00 + s).encode("euc_kr")
        if len(b) == 8:
            cho[s // 588], jung[(s // 28) % 21], jong[s % 28] = b[3], b[5], b[7]
    fmt = lambda xs: ", ".join(f"{x:#x}" for x in xs)
    return (
        "\n/// euc_kr's make-up sequences (KS X 1001:1998 Annex 3): the byte after\n"
        "/// A4 for each initial, medial and final jamo index.\n"
        f"pub static MAKEUP_CHO: [u8; 19] = [{fmt(cho)}];\n"
        "/// Medial jamo bytes.\n"
        f"pub static MAKEUP_JUNG: [u8; 21] = [{fmt(jung)}];\n"
        "/// Final jamo bytes (the first, A4 D4, is none).\n"
        f"pub static MAKEUP_JONG: [u8; 28] = [{fmt(jong)}];\n"
    )


def gb18030_ranges():
    """gb18030's four-byte sequences of the BMP as runs (linear index,
    first code point, count); the linear index of b1 b2 b3 b4 is
    ((b1-0x81)*10 + b2-0x30)*1260 + (b3-0x81)*10 + b4-0x30."""
    runs = []
    for lseq in range(39420):
        seq = bytes([0x81 + lseq // 12600, 0x30 + (lseq // 1260) % 10,
                     0x81 + (lseq % 1260) // 10, 0x30 + lseq % 10])
        try:
            cp = ord(seq.decode("gb18030"))
        except UnicodeDecodeError:
            continue
        if runs:
            base, first, n = runs[-1]
            if lseq == base + n and cp == first + n:
                runs[-1] = (base, first, n + 1)
                continue
        runs.append((lseq, cp, 1))
    body = rows([f"({b}, {c:#x}, {n})," for b, c, n in runs], 4)
    return (
        "\n/// gb18030's four-byte sequences of the BMP: (linear index, first code\n"
        "/// point, count), by index.\n"
        f"pub static GB18030_BMP: &[(u32, u32, u32)] = &[\n{body}\n];\n"
    )


def rows(items, per_line):
    out = []
    for i in range(0, len(items), per_line):
        out.append("    " + " ".join(items[i:i + per_line]))
    return "\n".join(out)


def main():
    if sys.version_info[:2] != (3, 11):
        sys.exit("CPython 3.11 is required")
    parts = [
        "//! Generated by tools/gen_cjk_tables.py from CPython 3.11's codecs; do not edit.\n",
        "use super::Table;\n",
    ]
    for codec in CODECS:
        lead, pages, chars, extra = scan(codec)
        ident = codec.upper()
        pages_s = rows([f"({p:#x}, {lo}, {hi})," for p, lo, hi in pages], 6)
        extra_s = rows([f"({cp:#x}, {k:#x})," for cp, k in extra], 5)
        lines = [literal(chars[i:i + 64]) for i in range(0, len(chars), 64)]
        chars_s = "concat!(\n" + "\n".join(f"        {l}," for l in lines) + "\n    )"
        parts.append(
            f"\n/// `{codec}`: {len(pages)} pages, {len(chars)} positions,"
            f" {len(extra)} encoder exceptions.\n"
            f"pub static {ident}: Table = Table {{\n"
            f"    name: \"{codec}\",\n"
            f"    lead: \"{''.join(map(str, lead))}\",\n"
            f"    pages: &[\n{pages_s}\n    ],\n"
            f"    chars: {chars_s},\n"
            f"    extra: &[\n{extra_s}\n    ],\n"
            f"}};\n"
        )
        print(codec, len(pages), "pages", len(chars), "chars", len(extra), "extra", file=sys.stderr)
    parts.append(hangul_makeup())
    parts.append(gb18030_ranges())
    with open(OUT, "w") as f:
        f.write("".join(parts))


if __name__ == "__main__":
    main()
