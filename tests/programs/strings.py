# Strings: methods, slicing, f-strings, formatting, reprs.
s = "Hello, World"
print(s.upper(), s.lower(), s.split(", "), len(s), s[0], s[-1], s[2:5], s[::-1], s[::2])
print(" x y  z ".split(), "a,b,,c".split(","), "  pad  ".strip(), "xxhixx".strip("x"))
print("-".join(["a", "b", "c"]), "abc".replace("b", "BB"), "abcabc".find("c"), "abc".find("z"))
print("hello".startswith("he"), "hello".endswith("lo"), "abc".index("c"), "banana".count("a"))
print("42".isdigit(), "abc".isalpha(), "   ".isspace(), "Hello".isupper(), "hello world".title())
print("abc".center(9, "*"), "abc".ljust(6) + "|", "abc".rjust(6), "42".zfill(5), "-42".zfill(6))
print(repr("it's"), repr('say "hi"'), repr("tab\there"), repr("nl\n"), repr("é"), repr("\x00"))
name = "Pith"
n = 42
pi = 3.14159
print(f"{name} has {n} items, pi={pi:.2f}, hex={n:#x}, padded={n:>6}|{n:<6}|{n:^6}|")
print(f"{name!r} {n:05d} {pi:10.3f} {pi:e} {1234567:,} {0.25:%} {n:b} {-n:+d} {n:+d}")
print(f"{'left':<10}|{'right':>10}|{'mid':^10}|{3.0}|{1e20}|{1.5:g}|{0.0001234:g}")
print("%s is %d years and %.1f%%" % ("Bob", 30, 99.5), "%5s|%-5s|" % ("a", "b"), "%x %o" % (255, 8))
print("{} and {}".format("x", "y"), "{1}{0}".format("a", "b"), "{:>4}".format(7), "{name}".format(name="kw"))
print(str(3), str(3.0), str(None), str(True), str([1, "a"]), repr([1, "a"]), str((1,)), str({}))
print("a" * 3, "ab" + "cd", "b" in "abc", "z" not in "abc", ord("A"), chr(97), "é".upper())
for ch in "hi!":
    print(ch, end=" ")
print()
print("multi\nline".splitlines(), "a b c".rsplit(" ", 1), "key=value".partition("="))
print(len("héllo"), "héllo"[1], "héllo"[1:3], "ß".upper(), "ABC".lower())
