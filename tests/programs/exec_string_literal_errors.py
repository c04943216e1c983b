# Errors in string and f-string literals, as CPython 3.11's tokenizer, string
# parser and unicode-escape decoder report them: messages, positions and the
# text (a tokenizer error's text has no line end; inside an f-string field
# its message has no "f-string: " prefix).


def show(src):
    try:
        value = compile(src, '<s>', 'exec')
    except SyntaxError as e:
        print(repr(src), type(e).__name__, e.msg, e.lineno, e.offset,
              e.end_lineno, e.end_offset, repr(e.text))
    else:
        print(repr(src), 'compiles')


# A malformed \N escape, and where the decoder stopped reading it.
for body in ['\\N', '\\N ', '\\N{', '\\N{GREEK CAPITAL LETTER DELTA', 'ab\\N{}',
             '\\N{foo}', 'x\\N{foo}y', 'é\\N', 'é\\x4', '\\é\\N{', '\\U00110000']:
    show("'" + body + "'")
    show("f'" + body + "'")
show("f'{1}\\N{'")

# A backslash before a brace in an f-string: the brace is still special.
print(eval("f'\\{6*7}'"), eval("f'\\{{'"), eval("f'\\}}'"), eval("f'\\N{DIGIT ONE}{2}'"))
show("f'\\}'")

# A backslash before a lone carriage return joins lines.
print(repr(eval('f"\\\r"')), repr(eval('"a\\\rb"')), repr(eval('"a\\\r\nb"')))
exec('x = "a\\\rb\\\rc"\rprint(x)\r')
show('x = 1 +\\')
show('\\')

# Non-printable and invalid characters, in code and in f-string fields.
for src in ['\xa0', "f'''{\xa0}'''", 'x\xa0= 1', '1 +\x01 2', '\u200b',
            "f'{\u200b}'", "a = 'x'\n\xa0", '€\n', "f'{€}'", '1abc\n', "f'{1abc}'",
            "f'{0o9}'", "f'{1_}'", "f'{0x}'", "'abc\n", "'''abc\n", 'x = )\n',
            '(]\n', 'x = (\n']:
    show(src)

# `(**a)`: CPython's invalid_group rule.
for src in ['(**a)', "f'{**a}'", "f'{(**a)}'", '[**a]', '(1, **a)', "f'{x, **a}'"]:
    show(src)
