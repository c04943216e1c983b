# unicodedata.normalize / is_normalized in the four forms, and the idna codec
# and stringprep, which use ucd_3_2_0.
import unicodedata as ud

samples = ["", "abc", "e\u0301", "\u00e9", "A\u030a", "\u212b", "\u1e9b\u0323", "\ufb01",
           "\u2460", "\uff21\uff22", "\u3300", "\uac00\u11a8", "\u1100\u1161\u11a8",
           "\u1100\u1161", "\ud55c\uad6d\uc5b4", "a\u0328\u0301\u0323", "\u0041\u0301\u0328",
           "\u00c5\u0327", "\u0f73", "\u2126", "x\u0300\u0315\u0300", "\u03d3", "\u01c4",
           "\u1e0b\u0323", "q\u0307\u0323", "\u0958", "\U0001d15e", "\u05b8\u05b9\u05b1\u0591",
           "\u0b47\u0300\u0b3e", "\u1100\uac00\u11a8"]
for s in samples:
    row = [ascii(ud.normalize(f, s)) for f in ("NFC", "NFD", "NFKC", "NFKD")]
    row += [str(ud.is_normalized(f, s)) for f in ("NFC", "NFD", "NFKC", "NFKD")]
    print(ascii(s), " ".join(row))
s = "caf\u00e9"
print(ud.normalize("NFC", s) is s)
print(ascii(ud.ucd_3_2_0.normalize("NFKC", "\uf951\u2f868\u00bd")))

import encodings.idna
print("bücher.example".encode("idna"))
print(b"xn--bcher-kva.example".decode("idna"))
print("Straße.de".encode("idna"), "ＡＢＣ.com".encode("idna"))
import stringprep
print(stringprep.in_table_b1("\u00ad"), stringprep.map_table_b2("\u00c5"), stringprep.in_table_c12("\u00a0"))
print(stringprep.in_table_a1("\u0221"), stringprep.in_table_d1("\u05d0"))
