def caesar(s, k):
    out = []
    for ch in s:
        if ch.isupper():
            out.append(chr((ord(ch) - 65 + k) % 26 + 65))
        elif ch.islower():
            out.append(chr((ord(ch) - 97 + k) % 26 + 97))
        else:
            out.append(ch)
    return "".join(out)


def vigenere(s, key, decrypt=False):
    res = ""
    ki = 0
    for ch in s.upper():
        if not ch.isalpha():
            continue
        shift = ord(key[ki % len(key)]) - ord("A")
        if decrypt:
            shift = -shift
        res += chr((ord(ch) - 65 + shift) % 26 + 65)
        ki += 1
    return res


def is_pal(s):
    t = [c.lower() for c in s if c.isalnum()]
    return t == t[::-1]


msg = "The Quick Brown Fox Jumps Over The Lazy Dog!"
enc = caesar(msg, 13)
print(enc)
print(caesar(enc, -13))
v = vigenere("Attack at dawn", "LEMON")
print(v, vigenere(v, "LEMON", True))
for s in ["A man, a plan, a canal: Panama", "racecar", "hello", "", "No 'x' in Nixon"]:
    print(repr(s), is_pal(s))

words = "listen silent enlist google gooegl cat act tac dog god odg banana".split()
groups = {}
for w in words:
    groups.setdefault("".join(sorted(w)), []).append(w)
for k in sorted(groups):
    print(k, groups[k])

text = """It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was the
epoch of incredulity, it was the season of Light, it was the season of Darkness"""
freq = {}
for w in text.lower().replace(",", " ").split():
    freq[w] = freq.get(w, 0) + 1
for w, c in sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:8]:
    print(f"{w:<12}|{c:>3}|{'*' * c}")


def wrap(text, width):
    lines, cur = [], []
    for w in text.split():
        if cur and len(" ".join(cur + [w])) > width:
            lines.append(cur)
            cur = []
        cur.append(w)
    if cur:
        lines.append(cur)
    return lines


def justify(line, width):
    if len(line) == 1:
        return line[0].ljust(width)
    gaps = len(line) - 1
    spaces = width - sum(len(w) for w in line)
    q, r = divmod(spaces, gaps)
    out = ""
    for i, w in enumerate(line[:-1]):
        out += w + " " * (q + (1 if i < r else 0))
    return out + line[-1]


lines = wrap(text, 30)
for ln in lines[:-1]:
    print("|" + justify(ln, 30) + "|")
print("|" + " ".join(lines[-1]).ljust(30) + "|")
for ln in lines:
    print("|" + " ".join(ln).center(30, ".") + "|", "|" + " ".join(ln).rjust(30) + "|")

s = "  Hello, World  "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr(s.strip(" H")))
print(s.split(","), s.split(), "a,b,,c".split(","), "a b  c".split(" "), "a,b,c".split(",", 1))
print("a,b,c".rsplit(",", 1), "line1\nline2\r\nline3".splitlines(), "x\ny\n".splitlines(True))
print("hello".title(), "HELLO world".swapcase(), "hello world".capitalize(), "ß".upper(), "İ".lower().encode())
print("abc".zfill(6), "-42".zfill(6), "+7".zfill(4), "hello".count("l"), "hello".find("z"), "hello".rfind("l"))
print("hello".index("e"), "a-b-c".replace("-", "+"), "a-b-c".replace("-", "", 1), "abc".startswith(("x", "a")))
print("tab\there".expandtabs(4), "x".join(["1", "2", "3"]), "Mississippi".partition("ss"), "Mississippi".rpartition("ss"))
print("123".isdigit(), "12a".isalnum(), "  ".isspace(), "Title Case".istitle(), "abc".isidentifier(), "½".isnumeric())
print("%s is %d years and %.2f m, %5s|%-5s|%05d|%x|%o|%e|%r" % ("Bob", 42, 1.756, "ab", "cd", 42, 255, 8, 12345.678, "q"))
print("{:>10}|{:<10}|{:^10}|{:*^10}".format("r", "l", "c", "s"), "{0}{1}{0}".format("a", "b"), "{name}!".format(name="x"))
print(f"{3.14159:.3f} {1e-7:g} {123456789:e} {0.5:%} {42:>6} {'x':3}| {-3.5:08.2f} {1234.5:,.1f}")
table = [("apple", 1.5, 10), ("banana", 0.25, 150), ("cherry", 12.0, 3)]
print(f"{'name':<10}{'price':>8}{'qty':>5}")
for name, price, qty in table:
    print(f"{name:<10}{price:>8.2f}{qty:>5d}")
print("-" * 23)
print(f"{'total':<10}{sum(p * q for _, p, q in table):>8.2f}")
print(ord("A"), chr(8364), ord("€"), [ord(c) for c in "hi!"], "".join(map(chr, range(97, 103))))
print("hello"[::-1], "hello"[1:-1], "hello"[10:], "hello"[-100:2], "hello"[::2], "hello"[4:1:-1])
print(str.maketrans("abc", "xyz"), "aabbcc".translate(str.maketrans("abc", "xyz", "c")))
print("%-8s|%8.3s|" % ("left", "truncate"), "%c%c" % (72, "i"), "%%", "%(a)s-%(b)03d" % {"a": 1, "b": 2})
