# Columns of syntax errors in source given as bytes: the tokenizer's own
# errors (invalid literals) count characters, the parser's count UTF-8 bytes
# when no coding cookie declares the encoding.
sources = [
    "α = 0xI",
    b"\xce\xb1 = 0xI",
    b"\xce\xb1\xce\xb1 = 0xI",
    b"\xce\xb1 = 1_a",
    b"\xce\xb1 = 1 +",
    b"# coding: latin-1\n\xe9 = 0xI",
    b"a = 0xI",
    "dict(a = i for i in range(10))",
    "f(b, key = x for x in y)",
]
for s in sources:
    try:
        compile(s, "<s>", "exec")
    except SyntaxError as e:
        print(repr(s), e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
