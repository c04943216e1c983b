# Syntax errors inside a group: C prints margins on the File and message lines only.
e = SyntaxError("bad thing", ("f.py", 1, 2, "abcdef\n", 1, 4))
e.add_note("syntax note")
raise ExceptionGroup("x", [e, IndentationError("ind", ("g.py", 3, 1, "  x\n"))])
