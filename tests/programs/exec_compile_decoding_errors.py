# compile()/exec() of source bytes whose declared encoding fails: the
# tokenizer's decoding errors sit at line 0, column -1.
cases = [
    b'\xef\xbb\xbf#coding: utf8\nprint(1)\n',
    b'# coding: foo\nx=1\n',
    b'\xef\xbb\xbf# coding: latin-1\nx=1\n',
    b'#!/x\n# coding: ascii\nx = "\xe9"\n',
    b'# coding: latin-1\nx = "\xe9"\nprint(len(x), x.encode("utf-8"))\n',
]
for src in cases:
    for run in (lambda s: compile(s, 'named.py', 'exec'), exec):
        try:
            code = run(src)
            if code is not None:
                exec(code)
            print('ok')
        except SyntaxError as e:
            print(type(e).__name__, e.args, e.filename, e.lineno, e.offset, e.end_lineno, e.end_offset)
