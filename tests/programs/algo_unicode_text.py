for s in ["123", "١٢٣", "½", "²", "一", "Ⅻ", "12.5", "-1", "", " "]:
    print(repr(s), s.isdigit(), s.isnumeric(), s.isdecimal(), s.isalnum(), s.isalpha())
for s in ["straße", "ΣΑΣ", "İstanbul", "ǆ", "ﬀ", "Ω", "éclair", "ÀÉÎ"]:
    print(s.upper(), s.lower(), s.casefold(), s.title(), s.swapcase(), s.capitalize(), len(s.upper()))
print("naïve café".title(), "e\u0301".upper(), len("e\u0301"), "Ünïcödé".encode("utf-8"), "ab\u00adcd".isprintable())
print("x".center(6, "é"), "日本".center(8, "*"), "日本".ljust(5, "-") + "|", f"{'日本':>6}|", "%-6s|" % "日本")
print(sorted(["b", "A", "á", "a", "Z", "é", "E"]), sorted(["b", "A", "á", "a"], key=str.casefold), max("äbc"), min("äbc"))
print("ß" == "SS".lower(), "ß".casefold() == "ss", "ǅ".istitle(), "Hello World".istitle(), "HELLO".isupper(), "123abc".islower())
print("a\u2003b\u00a0c".split(), "a\x1cb\x1dc".split(), "line1\u2028line2\x85line3".splitlines(), "\t".isspace())
print(str(b"caf\xc3\xa9", "utf-8"), b"caf\xc3\xa9".decode("latin-1"), "café".encode("latin-1"), "x".encode("utf-16") if False else "")
print(ascii("日本"), repr("\u0301"), "é" == "e\u0301", [hex(ord(c)) for c in "é😀"], chr(0x10FFFF).__len__() if False else 1)
