# unicodedata: character properties, names and lookups against CPython 3.11.
import unicodedata as ud

print(ud.unidata_version, ud.ucd_3_2_0.unidata_version)
chars = "A a 0 ½ ⅓ ٣ ² é ß Ω ‐ \u0301 \u0345 \u200f ( ) \u00a0 \uac00 \ud7a3 \u4e00 \U00020000 \uf900 \U0001f600 \U0001b170 \U00018b00 \u0378 \ue000 \x00 \x7f".split(" ")
for c in chars:
    print(ascii(c), ud.category(c), repr(ud.bidirectional(c)), ud.combining(c),
          ud.east_asian_width(c), ud.mirrored(c), repr(ud.decomposition(c)),
          ud.decimal(c, None), ud.digit(c, None), ud.numeric(c, None), ud.name(c, "<none>"))

for name in ["LATIN SMALL LETTER A", "latin small letter sharp s", "GREEK CAPITAL LETTER OMEGA",
             "CJK UNIFIED IDEOGRAPH-4E00", "HANGUL SYLLABLE GAG", "HANGUL SYLLABLE A",
             "LATIN CAPITAL LETTER GHA", "NULL", "BYTE ORDER MARK",
             "LATIN CAPITAL LETTER A WITH MACRON AND GRAVE", "KEYCAP DIGIT ZERO",
             "KHITAN SMALL SCRIPT CHARACTER-18B00", "CJK COMPATIBILITY IDEOGRAPH-F900",
             "SNOWMAN", "GRINNING FACE"]:
    print(name, ascii(ud.lookup(name)))
print(ascii(ud.lookup(b"DIGIT SEVEN")))

for bad in ["NOT A CHARACTER", "cjk unified ideograph-4e00", "hangul syllable gag",
            "CJK UNIFIED IDEOGRAPH-9FFFF", "HANGUL SYLLABLE GAGX", "", "x" * 300, "é"]:
    try:
        ud.lookup(bad)
    except KeyError as e:
        print("KeyError", e)

for f, args in [(ud.name, ("\u0378",)), (ud.decimal, ("x",)), (ud.digit, ("x",)),
                (ud.numeric, ("x",)), (ud.category, ("ab",)), (ud.category, (1,)),
                (ud.decimal, (b"1",)), (ud.name, ()), (ud.name, ("a", 1, 2)),
                (ud.category, ()), (ud.normalize, ("NFX", "a")), (ud.normalize, (1, "a")),
                (ud.normalize, ("NFC", b"a")), (ud.normalize, ("NFC",)),
                (ud.is_normalized, ("NFC", 1)), (ud.lookup, (1,)), (ud.UCD, ()),
                (ud.ucd_3_2_0.category, ()), (ud.ucd_3_2_0.name, ("\u0378",))]:
    try:
        print(repr(f(*args)))
    except (TypeError, ValueError, KeyError) as e:
        print(type(e).__name__, e)
try:
    ud.category(c="a")
except TypeError as e:
    print(e)

old = ud.ucd_3_2_0
print(type(old).__name__, type(old) is ud.UCD)
for c in ["\u0221", "\u20ac", "\u1e9e", "\U0001f600", "\u9fa6", "\u0041", "\u00e9", "\u0378",
          "\u2160", "\uf951", "\u0f0b"]:
    print(ascii(c), old.category(c), repr(old.bidirectional(c)), old.combining(c),
          old.east_asian_width(c), old.mirrored(c), repr(old.decomposition(c)),
          old.numeric(c, None), old.name(c, "<none>"), ascii(old.normalize("NFD", c)))
print(ascii(old.lookup("CJK UNIFIED IDEOGRAPH-9FA6")))
for bad in ["LATIN CAPITAL LETTER GHA", "KEYCAP DIGIT ZERO", "GRINNING FACE"]:
    try:
        old.lookup(bad)
    except KeyError as e:
        print("KeyError", e)
