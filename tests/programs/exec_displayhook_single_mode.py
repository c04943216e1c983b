for src in ["x = 1\ny = 2\n", "1; 2\n", "if 1:\n  pass\nelse:\n  pass\n", "a = 5\n"]:
    try:
        c = compile(src, "<s>", "single")
        exec(c)
        print("ok", repr(src))
    except SyntaxError as e:
        print("SyntaxError:", e.msg, e.lineno, e.offset)
