import re
text = "John Smith, age 42; Jane Doe, age 37. Email: john@example.com, JANE@EXAMPLE.ORG"
m = re.search(r"(?P<first>\w+) (?P<last>\w+), age (\d+)", text)
print(m.group(0), m.group(1, 2), m.groupdict(), m.groups(), m.span(3), m.start("last"), m.end())
print(re.findall(r"\b\w+@\w+\.\w+\b", text, re.I), re.findall(r"(\w+), age (\d+)", text))
print(re.sub(r"age (\d+)", lambda m: f"age {int(m.group(1)) + 1}", text))
print(re.sub(r"(\w+) (\w+)", r"\2 \1", "hello world foo bar"), re.subn(r"o", "0", "foo boo"))
print(re.split(r"[;,.]\s*", text), re.split(r"(\d)", "a1b2c3", maxsplit=2))
p = re.compile(r"^\s*(\w+)\s*=\s*(.*?)\s*$", re.M)
print(p.findall("a = 1\n  b= two  \nc =3"), p.pattern, p.flags, p.groups)
print([m.group() for m in re.finditer(r"\d+", "a12b345c6")], re.fullmatch(r"\d+", "123"), re.match(r"x", "y"))
print(re.escape("a.b*c?"), re.sub(r"(?i)HELLO", "bye", "Hello hello"), re.findall(r"(?x) \d+ # digits", "1 22 333"))
print(re.compile(r"a+", re.IGNORECASE | re.DOTALL), repr(re.compile(r"\d")), m)
print(re.sub(r"\s+", " ", "  lots   of\t\tspace \n here "), re.findall(r"(?<=@)\w+", text), re.findall(r"\w+(?=,)", text))
print(re.match(r"(a)(b)?", "a").groups(), re.match(r"(a)(b)?", "a").groups("-"), re.search(r"(?s)a.b", "a\nb"))
try:
    re.compile(r"(unclosed")
except re.error as e:
    print("re.error:", e, e.pos)
print(re.sub(r"(?P<w>\w+)", r"<\g<w>>", "x y"), re.search(r"\bcat\b", "concat cat").start(), re.split(r"\W+", "Words, words, words."))
print(re.findall(r"[A-Z][a-z]+", "HelloWorldFooBar"), re.sub("a|b", "", "abcabc", count=1), re.compile("x").sub("y", "xxx"))
print(re.match(r"(\d{3})-(\d{4})", "555-1234").expand(r"\2-\1"), re.findall(r"^\w", "ab\ncd", re.MULTILINE), re.ASCII, re.I | re.M)
