s = "Hello, World"
print(s.upper(), s.lower(), s.swapcase(), s.title(), s.capitalize(), s.casefold())
print(s.split(", "), s.split(), "a,b,,c".split(","), "a b  c".split(" "), "  x  y ".split())
print(s.find("o"), s.rfind("o"), s.index("W"), s.count("l"), s.startswith("He"), s.endswith(("x", "ld")))
print(s.replace("l", "L"), s.replace("l", "L", 1), s[::-1], s[1:5], s[-5:], s[::2])
print("  pad  ".strip(), "xxhixx".strip("x"), "  a".lstrip(), "a  ".rstrip() + "|")
print("abc".center(9, "*"), "abc".ljust(6, "-"), "abc".rjust(6), "42".zfill(5), "-42".zfill(5))
print(",".join(["a", "b", "c"]), "".join(map(str, range(5))), "x".join("abc"))
print("abc123".isalnum(), "abc".isalpha(), "123".isdigit(), "  ".isspace(), "Title Case".istitle(), "lower".islower())
print("a-b-c".partition("-"), "a-b-c".rpartition("-"), "line1\nline2\r\nline3".splitlines())
print("tab\there".expandtabs(4), repr("quote'\"s"), repr("\x00\n\t\\"), ascii("héllo"))
print(ord("A"), chr(97), chr(0x1F600), len("héllo"), "héllo".encode(), b"abc".decode())
print("%s is %d years and %.2f m" % ("Bob", 30, 1.756), "%5s|%-5s|" % ("a", "b"), "%x %o %e" % (255, 8, 12345.678))
print("{} {}".format(1, 2), "{1} {0}".format("a", "b"), "{name}!".format(name="hi"), "{:>8.3f}".format(3.14159))
x, w = 3.14159, 10
print(f"{x:.2f} {x:{w}.3f} {w:05d} {w:x} {w:#b} {255:#X} {1234567:,} {0.25:.1%} {x!r}")
print(f"{'left':<10}|{'right':>10}|{'mid':^10}|{'fill':*^10}")
print(f"{12345.6789:e} {12345.6789:g} {0.00001234:g} {1e20:g} {123:+d} {-5:d}")
name = "pith"
print(f"{name=}", f"{1+1=}", f"{name.upper()!s:>6}")
words = "the quick brown fox jumps over the lazy dog the end".split()
freq = {}
for w_ in words:
    freq[w_] = freq.get(w_, 0) + 1
print(sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:3])
print(" ".join(w_[::-1] for w_ in words[:4]), max(words, key=len), sorted(words, key=str.lower)[:3])
print("abc" < "abd", "Z" < "a", "abc" * 3, "-" * 20, "a" in "cat", "ab" not in "cat")
print(str(123), str(1.5), str(None), str([1, "a"]), repr([1, "a"]), str((1,)), str({"k": 'v'}))
print("caesar:", "".join(chr((ord(c) - 97 + 3) % 26 + 97) if c.isalpha() else c for c in "hello world"))
def is_pal(t):
    t = [c.lower() for c in t if c.isalnum()]
    return t == t[::-1]
print(is_pal("A man, a plan, a canal: Panama"), is_pal("hello"))
print("Mississippi".replace("ss", "SS").count("S"), "hello"[1], "hello"[-1], "a,b;c".replace(";", ",").split(","))
print(int("42"), int("-0x1f", 16), int("101", 2), int(" 7 "), float("3.5"), float("-inf"), int("1_000"))
try:
    int("abc")
except ValueError as e:
    print(e)
try:
    "abc"[5]
except IndexError as e:
    print(e)
print("%r %a" % ("x", "é"), "%c" % 65, "%%", "%5.1f%%" % 99.5)
print("{:,.2f}".format(1234567.891), "{:_d}".format(10**8), "{:08.3f}".format(-3.5), format(0.5, ".0f"), format(1.5, ".0f"), round(2.5), round(0.125, 2))
print("ß".upper(), "İ".lower().encode(), "ǅ".title(), "straße".casefold())
